/**
 * Escaping for text that Gloss did not write (page titles, quoted passages, tags) when it is
 * placed into Markdown or YAML. A quoted passage must read as the words on the page, never
 * turn into a heading, a list, a link or raw HTML in Obsidian or any other renderer.
 */

/** Characters that start inline Markdown, HTML, Obsidian tags (#) or maths ($) anywhere in a line. */
const INLINE_SPECIAL = /[\\`*_[\]<>&|~#$]/g;
/** Markers that only count at the start of a line: lists, rules and setext heading underlines. */
const LINE_START_SPECIAL = /^(\s*)([+=-]|\d+[.)])/gm;

export function escapeMarkdown(text: string): string {
  return text
    .replace(INLINE_SPECIAL, '\\$&')
    .replace(LINE_START_SPECIAL, (_, space: string, marker: string) => {
      // "12." must become "12\." rather than "\12.", which would not stop the list.
      return marker.length > 1
        ? `${space}${marker.slice(0, -1)}\\${marker.slice(-1)}`
        : `${space}\\${marker}`;
    });
}

/** Every line of `text` prefixed for a blockquote; blank lines stay inside the quote. */
export function blockquote(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => (line.trim() === '' ? '>' : `> ${line}`))
    .join('\n');
}

/**
 * A link destination that survives every Markdown renderer: spaces, angle brackets and
 * parentheses would end or break it, and their percent-encodings mean the same to a server.
 */
export function markdownUrl(url: string): string {
  return url.replace(
    /[\s()<>]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

/**
 * A double-quoted YAML scalar. JSON string syntax is valid YAML double-quoted syntax; the
 * line and paragraph separators are escaped as well because YAML 1.1 parsers fold them.
 */
export function yamlString(text: string): string {
  return JSON.stringify(text)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
    .replace(/\u0085/g, '\\u0085');
}

const NOT_TAG_CHAR = /[^\p{L}\p{N}_/-]+/gu;

/**
 * A tag as Obsidian accepts it (letters, digits, `_`, `-`, `/`): anything else, spaces
 * included, becomes a hyphen, so "machine learning" links as #machine-learning.
 */
export function obsidianTag(tag: string): string {
  return tag.trim().replace(NOT_TAG_CHAR, '-');
}
