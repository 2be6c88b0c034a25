import { describe, expect, it } from 'vitest';
import { exportFileName, toHtml } from '../../lib/export';
import { escapeHtml } from '../../lib/export/html';
import { makeAnnotation, NOW } from './fixtures';

function parseHtml(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('toHtml', () => {
  const hostile = makeAnnotation(1, {
    title: '<img src=x onerror=alert(1)> & "friends"',
    note: '<script>alert("note")</script>\nsecond line',
    tags: ['<b>tag</b>'],
    target: { quote: { type: 'TextQuoteSelector', exact: '</blockquote><script>alert(2)</script>' } },
    color: 'green',
  });
  const html = toHtml([hostile, makeAnnotation(2, { url: 'https://other.example/', title: 'Other' })], {
    now: NOW,
  });
  const doc = parseHtml(html);

  it('is a standalone page with inline styles, dark mode and a title', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(doc.title).toBe('Gloss highlights – 2025-01-02');
    expect(doc.querySelector('style')?.textContent).toContain('prefers-color-scheme: dark');
    expect(doc.querySelectorAll('link, script, img')).toHaveLength(0);
  });

  it('forbids scripts through its Content Security Policy', () => {
    const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content');
    expect(csp).toContain("default-src 'none'");
  });

  it('has a section per page with the title linked to the page', () => {
    const sections = doc.querySelectorAll('section');
    expect(sections).toHaveLength(2);
    const heading = sections[0]?.querySelector('h2 a');
    expect(heading?.getAttribute('href')).toBe('https://example.com/article');
    expect(heading?.textContent).toBe('<img src=x onerror=alert(1)> & "friends"');
  });

  it('shows every string as text: quote, note and tags stay inert', () => {
    const article = doc.querySelector('article');
    expect(article?.className).toBe('green');
    expect(article?.querySelector('blockquote')?.textContent).toBe('</blockquote><script>alert(2)</script>');
    expect(article?.querySelector('.note')?.textContent).toBe('<script>alert("note")</script>\nsecond line');
    expect(article?.querySelector('.tags li')?.textContent).toBe('<b>tag</b>');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>tag');
  });

  it('links each highlight to its passage with a text fragment', () => {
    const link = [...doc.querySelectorAll('article a')].map((a) => a.getAttribute('href'));
    expect(link[1]).toBe('https://other.example/#:~:text=a%20time-,the%20quick%20brown%20fox,-jumped');
  });

  it('does not link addresses that are not web pages', () => {
    const page = toHtml([makeAnnotation(1, { url: 'javascript:alert(1)', pageKey: 'javascript:alert(1)' })], {
      now: NOW,
    });
    expect(parseHtml(page).querySelectorAll('a')).toHaveLength(0);
  });

  it('escapes all five HTML-special characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('says so when there is nothing to export', () => {
    expect(parseHtml(toHtml([], { now: NOW })).querySelector('header .meta')?.textContent).toBe(
      'Exported 2025-01-02 · No highlights yet.',
    );
  });
});

describe('exportFileName', () => {
  it('names the file by format and the local date', () => {
    expect(exportFileName('md', NOW)).toBe('gloss-2025-01-02.md');
    expect(exportFileName('json', NOW)).toBe('gloss-2025-01-02.json');
    expect(exportFileName('csv', new Date(2025, 11, 31, 23, 59))).toBe('gloss-2025-12-31.csv');
    expect(exportFileName('html', new Date(2024, 1, 9))).toBe('gloss-2024-02-09.html');
  });
});
