import { describe, expect, it } from 'vitest';
import { encodeTextDirective, textFragmentUrl } from '../../lib/export/text-fragment';
import type { TextQuoteSelector } from '../../lib/types';

const quote = (exact: string, prefix?: string, suffix?: string): TextQuoteSelector => ({
  type: 'TextQuoteSelector',
  exact,
  ...(prefix === undefined ? {} : { prefix }),
  ...(suffix === undefined ? {} : { suffix }),
});

describe('textFragmentUrl', () => {
  it('links a short quote with the nearest whole words of context', () => {
    expect(
      textFragmentUrl(
        'https://example.com/a',
        quote('the quick brown fox', 'Once upon a time ', ' jumped over'),
      ),
    ).toBe('https://example.com/a#:~:text=a%20time-,the%20quick%20brown%20fox,-jumped');
  });

  it('keeps context that starts or ends at a word boundary whole', () => {
    expect(textFragmentUrl('https://example.com/a', quote('fox', ' brown ', ' jumped '))).toBe(
      'https://example.com/a#:~:text=brown-,fox,-jumped',
    );
  });

  it('replaces an existing fragment, text directive included', () => {
    expect(textFragmentUrl('https://example.com/a?b=1#section:~:text=old', quote('new words'))).toBe(
      'https://example.com/a?b=1#:~:text=new%20words',
    );
  });

  it('percent-encodes the characters the syntax reserves: - , &', () => {
    const url = textFragmentUrl('https://example.com/', quote('well-known, R&D'));
    expect(url).toBe('https://example.com/#:~:text=well%2Dknown%2C%20R%26D');
    expect(encodeTextDirective('a-b,c&d e#f%')).toBe('a%2Db%2Cc%26d%20e%23f%25');
  });

  it('links a long quote by its first and last words', () => {
    const exact = 'one two three four five six seven eight nine ten eleven twelve';
    expect(textFragmentUrl('https://example.com/', quote(exact))).toBe(
      'https://example.com/#:~:text=one%20two%20three%20four,nine%20ten%20eleven%20twelve',
    );
  });

  it('links a long quote without spaces by its first and last characters', () => {
    const exact = '漢'.repeat(100) + '字'.repeat(100);
    const url = textFragmentUrl('https://example.com/', quote(exact));
    const [start, end] = url.split('#:~:text=')[1]!.split(',');
    expect(decodeURIComponent(start!)).toBe('漢'.repeat(20));
    expect(decodeURIComponent(end!)).toBe('字'.repeat(20));
  });

  it('collapses line breaks and runs of spaces in the quote', () => {
    expect(textFragmentUrl('https://example.com/', quote('  first line\n\n  second  '))).toBe(
      'https://example.com/#:~:text=first%20line%20second',
    );
  });

  it('gives the bare address for a blank quote, and never throws on a lone surrogate', () => {
    expect(textFragmentUrl('https://example.com/#x', quote('   '))).toBe('https://example.com/');
    expect(textFragmentUrl('https://example.com/', quote('bad \uD800 text'))).toBe(
      'https://example.com/#:~:text=bad%20%EF%BF%BD%20text',
    );
  });
});
