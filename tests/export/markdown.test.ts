import { describe, expect, it } from 'vitest';
import { toMarkdown } from '../../lib/export';
import { escapeMarkdown, yamlString } from '../../lib/export/markdown-text';
import { makeAnnotation, NOW } from './fixtures';

const other = 'https://example.org/wiki/Fox_(animal)';

describe('toMarkdown', () => {
  const list = [
    makeAnnotation(2, {
      target: {
        quote: { type: 'TextQuoteSelector', exact: 'second passage' },
        position: { type: 'TextPositionSelector', start: 500, end: 514 },
      },
      color: 'green',
      note: '**Bold** thought\n\n- a list item\n- <kbd>raw</kbd>',
      tags: ['to read', 'fox'],
    }),
    makeAnnotation(1),
    makeAnnotation(3, { url: other, title: 'Fox (animal)', created: '2024-12-03T12:00:00.000Z' }),
  ];
  const markdown = toMarkdown(list, { now: NOW });

  it('starts with a title and a dated summary, and ends with a newline', () => {
    expect(
      markdown.startsWith('# Gloss highlights\n\nExported 2025-01-02 · 3 highlights from 2 pages\n\n'),
    ).toBe(true);
    expect(markdown.endsWith('\n')).toBe(true);
  });

  it('has one section per page, headed by the title linked to the page, with its date', () => {
    expect(markdown).toContain(
      '## [An article](https://example.com/article)\n\nFirst annotated 2024-12-01 · 2 highlights',
    );
    // Parentheses in the address are encoded so the link does not end early.
    expect(markdown).toContain('## [Fox (animal)](https://example.org/wiki/Fox_%28animal%29)');
    expect(markdown.indexOf('An article')).toBeLessThan(markdown.indexOf('Fox (animal)'));
  });

  it('orders highlights by their place on the page', () => {
    expect(markdown.indexOf('> the quick brown fox')).toBeLessThan(markdown.indexOf('> second passage'));
  });

  it('quotes each passage with its colour and a text-fragment link to it', () => {
    expect(markdown).toContain(
      '> the quick brown fox\n\nYellow · [Open passage](https://example.com/article?utm_source=news#:~:text=a%20time-,the%20quick%20brown%20fox,-jumped)',
    );
    expect(markdown).toContain('> second passage\n\nGreen · [Open passage](');
  });

  it('passes the note through as Markdown, untouched', () => {
    expect(markdown).toContain('\n\n**Bold** thought\n\n- a list item\n- <kbd>raw</kbd>\n\n');
  });

  it('writes tags as Obsidian hashtags', () => {
    expect(markdown).toContain('Tags: #to-read #fox');
  });

  it('escapes page text so it cannot become markup', () => {
    const hostile = makeAnnotation(9, {
      title: '[Click](javascript:alert(1)) <img src=x>',
      target: {
        quote: {
          type: 'TextQuoteSelector',
          exact: '# Not a heading\n<script>alert(1)</script>\n- not a list\n1. nor this *or this*',
        },
      },
    });
    const out = toMarkdown([hostile], { now: NOW });
    expect(out).toContain(
      '> \\# Not a heading\n> \\<script\\>alert(1)\\</script\\>\n> \\- not a list\n> 1\\. nor this \\*or this\\*',
    );
    expect(out).toContain(
      '## [\\[Click\\](javascript:alert(1)) \\<img src=x\\>](https://example.com/article)',
    );
    expect(out).not.toContain('<script>');
  });

  it('does not link addresses that are not web pages', () => {
    const out = toMarkdown(
      [makeAnnotation(1, { url: 'javascript:alert(1)', pageKey: 'javascript:alert(1)' })],
      { now: NOW },
    );
    expect(out).not.toContain('](javascript:');
    expect(out).toContain('\n\nYellow\n');
  });

  it('says so when there is nothing to export', () => {
    expect(toMarkdown([], { now: NOW })).toBe(
      '# Gloss highlights\n\nExported 2025-01-02 · no highlights yet\n',
    );
  });
});

describe('toMarkdown front matter', () => {
  const tricky = ['a "quoted" tag', 'key: value', '#hash', 'line\nbreak', "it's", 'yes'];
  const out = toMarkdown([makeAnnotation(1, { tags: tricky })], { now: NOW, frontMatter: true });
  const lines = out.split('\n');

  it('opens the document with a YAML block of title, date, source count and tags', () => {
    expect(lines[0]).toBe('---');
    const end = lines.indexOf('---', 1);
    expect(lines.slice(1, 4)).toEqual(['title: "Gloss highlights"', 'date: "2025-01-02"', 'sources: 1']);
    expect(lines[4]).toBe('tags:');
    expect(lines[end + 1]).toBe('');
    expect(lines[end + 2]).toBe('# Gloss highlights');
  });

  it('quotes every string value so YAML reads it back unchanged', () => {
    const end = lines.indexOf('---', 1);
    const tags = lines.slice(5, end).map((line) => {
      expect(line.startsWith('  - "')).toBe(true);
      return JSON.parse(line.slice(4)) as string;
    });
    expect(tags).toEqual(['-hash', 'a-quoted-tag', 'it-s', 'key-value', 'line-break', 'yes'].sort());
  });

  it('escapes separators that YAML 1.1 would treat as line breaks', () => {
    expect(yamlString('a\u2028b\u0085c')).toBe('"a\\u2028b\\u0085c"');
    expect(yamlString('x: "y"\n')).toBe('"x: \\"y\\"\\n"');
  });

  it('writes an empty tag list when there are no tags', () => {
    expect(toMarkdown([makeAnnotation(1)], { now: NOW, frontMatter: true })).toContain(
      'sources: 1\ntags: []\n---\n',
    );
  });
});

describe('escapeMarkdown', () => {
  it('escapes inline markup and line-start markers but leaves ordinary text alone', () => {
    expect(escapeMarkdown('Plain words, (fine) 100% sure.')).toBe('Plain words, (fine) 100% sure.');
    expect(escapeMarkdown('a_b *c* `d` [e] <f> & g | h ~ i # j $k$')).toBe(
      'a\\_b \\*c\\* \\`d\\` \\[e\\] \\<f\\> \\& g \\| h \\~ i \\# j \\$k\\$',
    );
    expect(escapeMarkdown('+ x\n---\n12) y')).toBe('\\+ x\n\\---\n12\\) y');
  });
});
