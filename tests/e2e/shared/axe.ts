/** axe-core's serious and critical findings on a page (any extension page or frame). */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

interface Evaluator {
  evaluate<R>(fn: () => R | Promise<R>): Promise<R>;
  evaluate(script: string): Promise<unknown>;
}

const AXE_SOURCE = () => readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export async function axeViolations(page: Evaluator): Promise<string[]> {
  // Extension pages allow only their own scripts ('self'); evaluating goes around that, as
  // DevTools does, where an inline <script> tag would be refused.
  await page.evaluate(AXE_SOURCE());
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(): Promise<{ violations: { id: string; impact?: string; nodes: { target: unknown[] }[] }[] }>;
        };
      }
    ).axe;
    const { violations } = await axe.run();
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  });
}
