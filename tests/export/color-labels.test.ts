import { describe, expect, it } from 'vitest';
import { toCsv, toHtml, toMarkdown } from '../../lib/export';
import { makeAnnotation, NOW } from './fixtures';

const list = [makeAnnotation(1, { color: 'yellow' }), makeAnnotation(2, { color: 'blue' })];
const labels = { yellow: 'key idea' };

describe('colour labels in exports', () => {
  it('writes the label beside the colour name in Markdown, CSV and HTML, and the bare name without one', () => {
    expect(toMarkdown(list, { now: NOW, labels })).toContain('Yellow (key idea) · ');
    expect(toMarkdown(list, { now: NOW, labels })).toContain('Blue · ');
    expect(toCsv(list, labels)).toContain(',Yellow (key idea),');
    const html = toHtml(list, { now: NOW, labels: { yellow: '<b>x</b>' } });
    expect(html).toContain('Yellow (&lt;b&gt;x&lt;/b&gt;)');
  });
});
