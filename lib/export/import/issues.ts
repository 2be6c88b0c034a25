/**
 * Turns a valibot issue into one line a person can act on: where in the entry the problem
 * is and what is wrong there. A union issue holds the attempt of every option; when one got
 * further into the value than the others, its problem is the one worth reporting.
 */
import type * as v from 'valibot';

type Issue = v.BaseIssue<unknown>;

function pathOf(issue: Issue): string[] {
  return (issue.path ?? []).map((item) => String(item.key));
}

function deepest(issues: readonly Issue[]): Issue | undefined {
  let best: Issue | undefined;
  for (const issue of issues) if ((issue.path?.length ?? 0) > (best?.path?.length ?? 0)) best = issue;
  return best;
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'missing';
  if (typeof value === 'string')
    return value.length > 40 ? `"${value.slice(0, 40)}…"` : JSON.stringify(value);
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : String(value);
}

/** "target.0.selector.0.exact: expected string, found 42", "target is missing" and the like. */
export function formatIssue(issue: Issue): string {
  let path = pathOf(issue);
  let current = issue;
  // Sub-issue paths are relative to the union that collected them.
  for (let next = deepest(current.issues ?? []); next; next = deepest(current.issues ?? [])) {
    current = next;
    path = path.concat(pathOf(current));
  }
  const name = path.join('.');
  if (current.kind === 'schema' && current.input === undefined) return `${name || 'a value'} is missing`;
  const where = name ? `${name}: ` : '';
  if (current.kind === 'schema') {
    return `${where}expected ${current.expected ?? 'another value'}, found ${describeValue(current.input)}`;
  }
  return `${where}${current.message}`;
}
