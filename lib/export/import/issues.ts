/**
 * Turns a valibot issue into one line a person can act on: where in the entry the problem
 * is and what is wrong there. Union issues hold the attempts of every option; the deepest
 * one is the option that got furthest, so it is the one worth reporting.
 */
import type * as v from 'valibot';

type Issue = v.BaseIssue<unknown>;

function pathOf(issue: Issue): string[] {
  return (issue.path ?? []).map((item) => String(item.key));
}

function deepest(issues: readonly Issue[]): Issue {
  let best = issues[0]!;
  for (const issue of issues) if ((issue.path?.length ?? 0) > (best.path?.length ?? 0)) best = issue;
  return best;
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'missing';
  if (typeof value === 'string') return value.length > 40 ? `"${value.slice(0, 40)}…"` : JSON.stringify(value);
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : String(value);
}

/** "target.0.selector.0.exact: expected a string, found missing" and the like. */
export function formatIssue(issue: Issue): string {
  let path = pathOf(issue);
  let current = issue;
  // Sub-issue paths are relative to the union that collected them.
  while (current.issues && current.issues.length > 0) {
    current = deepest(current.issues);
    path = path.concat(pathOf(current));
  }
  const where = path.length > 0 ? `${path.join('.')}: ` : '';
  if (current.kind === 'schema') {
    return `${where}expected ${current.expected ?? 'another value'}, found ${describeValue(current.input)}`;
  }
  return `${where}${current.message}`;
}
