/**
 * An annotation imported from Hypothesis, anchored on the page it was made on. Hypothesis
 * counts TextPositionSelector offsets over the whole body.textContent, script text included,
 * so its position points somewhere else in Gloss's text model: the quote must decide.
 */
import { describe, expect, it } from 'vitest';
import { anchorAll, buildTextModel } from '../../lib/anchoring';
import { parseImport } from '../../lib/export';

const PAGE = `
  <script>window.analytics = { id: "UA-000000", queue: [] }; /* a long inline script */</script>
  <h1>Harbour report</h1>
  <p>The harbour master counted forty boats at dawn, more than any spring before.</p>
  <style>.x { color: red }</style>
  <p>By noon the wind turned, and forty boats became a dozen as the fleet went out.</p>`;

function hypothesisRow(exact: string, start: number, prefix: string, suffix: string) {
  return {
    id: 'h1',
    uri: 'https://news.example/harbour',
    text: 'Forty is the **record**.',
    tags: ['boats'],
    created: '2026-11-01T10:00:00.000000+00:00',
    updated: '2026-11-01T10:00:00.000000+00:00',
    document: { title: ['Harbour report'] },
    target: [
      {
        source: 'https://news.example/harbour',
        selector: [
          {
            type: 'RangeSelector',
            startContainer: '/p[1]',
            startOffset: 0,
            endContainer: '/p[1]',
            endOffset: 10,
          },
          { type: 'TextPositionSelector', start, end: start + exact.length },
          { type: 'TextQuoteSelector', exact, prefix, suffix },
        ],
      },
    ],
  };
}

describe('Hypothesis import on the real page', () => {
  it('falls back to the quote when body.textContent offsets do not match the text model', () => {
    document.body.innerHTML = PAGE;
    const hypothesisText = document.body.textContent ?? '';
    const exact = 'forty boats';
    // Hypothesis describes the first "forty boats" with offsets that count the script.
    const start = hypothesisText.indexOf(exact);
    const prefix = hypothesisText.slice(start - 32, start);
    const suffix = hypothesisText.slice(start + exact.length, start + exact.length + 32);
    const parsed = parseImport(
      JSON.stringify({ total: 1, rows: [hypothesisRow(exact, start, prefix, suffix)] }),
    );
    if (!parsed.ok) throw new Error(parsed.error);
    const [annotation] = parsed.annotations;
    if (!annotation) throw new Error('nothing imported');
    expect(annotation.note).toBe('Forty is the **record**.');

    const model = buildTextModel(document.body);
    expect(model.text.slice(start, start + exact.length)).not.toBe(exact); // the offsets are off
    const result = anchorAll(model, [annotation]).get(annotation.id);
    if (!result || result.kind === 'orphan') throw new Error('not anchored');
    expect(model.text.slice(result.start, result.end)).toBe(exact);
    // The first occurrence (its context says so), not the second one.
    expect(model.text.slice(0, result.start)).toContain('harbour master counted');
    expect(model.text.slice(0, result.start)).not.toContain('wind turned');
  });
});
