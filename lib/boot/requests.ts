/**
 * The three tab requests the boot script answers, checked by hand. The boot script runs on
 * every page, so it does not carry valibot for three one-field shapes; the types still come
 * from the protocol's schema, and tests/boot/requests.test.ts checks this against
 * `TabRequestSchema` on valid, malformed and hostile messages.
 *
 * Trust boundary: only messages whose sender is this extension reach here (see the boot
 * entry), yet the check is as strict as the schema: a wrong or missing field is no request.
 */
import type { TabRequest } from '../messaging/protocol';

export type BootRequest = Extract<TabRequest, { type: 'annotationsChanged' | 'getPageState' | 'runAction' }>;

/** The request in `raw`, rebuilt with its known fields only (as the schema's output is), or null. */
export function parseBootRequest(raw: unknown): BootRequest | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const message = raw as { type?: unknown; action?: unknown };
  const type = message.type;
  if (type === 'annotationsChanged' || type === 'getPageState') return { type };
  if (type !== 'runAction') return null;
  const action = message.action;
  return action === 'highlight' || action === 'note' ? { type, action } : null;
}
