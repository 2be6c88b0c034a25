/** Text with the words that matched the search marked (`<mark>`), matched at word starts. */
import { useMemo } from 'preact/hooks';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function termPattern(terms: readonly string[]): RegExp | undefined {
  const usable = [...new Set(terms.filter((t) => t.length > 0))]
    .sort((a, b) => b.length - a.length)
    .slice(0, 100);
  if (usable.length === 0) return undefined;
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${usable.map(escapeRegExp).join('|')})`, 'giu');
}

export function MarkedText({ text, pattern }: { text: string; pattern?: RegExp }) {
  const parts = useMemo(() => {
    if (!pattern) return [text];
    const out: (string | { mark: string })[] = [];
    let last = 0;
    for (const match of text.matchAll(pattern)) {
      const at = match.index ?? 0;
      if (at > last) out.push(text.slice(last, at));
      out.push({ mark: match[0] });
      last = at + match[0].length;
    }
    if (last < text.length) out.push(text.slice(last));
    return out;
  }, [text, pattern]);
  return (
    <>
      {parts.map((part, i) =>
        typeof part === 'string' ? (
          part
        ) : (
          <mark key={i} class="match">
            {part.mark}
          </mark>
        ),
      )}
    </>
  );
}
