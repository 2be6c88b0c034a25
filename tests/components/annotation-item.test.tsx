/** The status an annotation item shows for how its passage was found on the page. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { AnnotationItem } from '@/components/AnnotationItem';
import type { AnchorStatus, Annotation } from '@/lib/types';

const annotation: Annotation = {
  id: 'a1',
  pageKey: 'https://a.org/',
  url: 'https://a.org/',
  title: 'A',
  target: { quote: { type: 'TextQuoteSelector', exact: 'the passage' } },
  note: '',
  tags: [],
  color: 'yellow',
  created: '2026-11-29T10:00:00.000Z',
  modified: '2026-11-29T10:00:00.000Z',
};

function statusText(status: AnchorStatus): string {
  const root = document.createElement('div');
  document.body.append(root);
  act(() => render(<AnnotationItem annotation={annotation} status={status} actions={{}} />, root));
  const text = root.querySelector('.status')?.textContent ?? '';
  act(() => render(null, root));
  root.remove();
  return text;
}

describe('AnnotationItem status', () => {
  it('says "Moved" for an unchanged passage in a new place, "Text changed" for an edited one', () => {
    expect(statusText({ kind: 'exact', moved: true })).toBe('Moved');
    expect(statusText({ kind: 'fuzzy', score: 0.9, text: 'the new passage' })).toBe('Text changed');
    expect(statusText({ kind: 'exact' })).toBe('');
    expect(statusText({ kind: 'orphan' })).toBe('Not found on page');
  });
});
