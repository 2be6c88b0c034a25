import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseImport } from '@/lib/export';
import { buildExport, downloadFile } from '@/lib/pages/export-download';
import { makeAnnotation, NOW } from '../export/fixtures';

const list = [
  makeAnnotation(1, { note: '<script>alert(1)</script>', tags: ['reading'] }),
  makeAnnotation(2, { color: 'green' }),
];

afterEach(() => vi.restoreAllMocks());

describe('buildExport', () => {
  it('names every format gloss-YYYY-MM-DD.<ext> with its media type', () => {
    expect(buildExport('md', list, { now: NOW })).toMatchObject({
      name: 'gloss-2025-01-02.md',
      type: 'text/markdown;charset=utf-8',
    });
    expect(buildExport('json', list, { now: NOW }).name).toBe('gloss-2025-01-02.json');
    expect(buildExport('csv', list, { now: NOW }).type).toBe('text/csv;charset=utf-8');
    expect(buildExport('html', list, { now: NOW }).type).toBe('text/html;charset=utf-8');
  });

  it('adds YAML front matter to Markdown only when asked', () => {
    expect(buildExport('md', list, { now: NOW }).text.startsWith('# Gloss highlights')).toBe(true);
    const withMatter = buildExport('md', list, { now: NOW, frontMatter: true }).text;
    expect(withMatter.startsWith('---\n')).toBe(true);
    expect(withMatter).toContain('#:~:text=');
  });

  it('writes indented JSON-LD that imports back to the same records', () => {
    const { text } = buildExport('json', list, { now: NOW });
    expect(text).toContain('"type": "AnnotationCollection"');
    const back = parseImport(text);
    expect(back.ok && back.annotations).toStrictEqual(list);
  });

  it('starts CSV with a byte-order mark for spreadsheets, then the header', () => {
    const { text } = buildExport('csv', list, { now: NOW });
    expect(text.startsWith('\uFEFFid,page title,url,quote')).toBe(true);
  });

  it('escapes markup in HTML', () => {
    const { text } = buildExport('html', list, { now: NOW });
    expect(text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(text).not.toContain('<script>alert(1)');
  });
});

describe('downloadFile', () => {
  it('clicks a temporary download link to a Blob and lets go of it later', async () => {
    vi.useFakeTimers();
    const created = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:gloss/1');
    const revoked = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicks: { href: string; download: string; attached: boolean }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push({ href: this.href, download: this.download, attached: this.isConnected });
    });
    downloadFile({ name: 'gloss-2025-01-02.md', type: 'text/markdown', text: '# Hi' });
    expect(clicks).toEqual([{ href: 'blob:gloss/1', download: 'gloss-2025-01-02.md', attached: true }]);
    const blob = created.mock.calls[0]?.[0] as Blob;
    expect(await blob.text()).toBe('# Hi');
    expect(document.querySelector('a[download]')).toBeNull();
    expect(revoked).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(revoked).toHaveBeenCalledWith('blob:gloss/1');
    vi.useRealTimers();
  });
});
