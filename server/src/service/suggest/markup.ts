/**
 * HTML in a README's prose ('<p align="center">', "<br>", "<!-- … -->", "&nbsp;") is markup, not
 * words: the suggester reads the prose with it blanked out character for character, so that every
 * offset still points into the text as written. Only HTML's own elements are blanked: "<speak>"
 * or "<EOS>" in a paper's prose is a token the authors name, and may be evidence. Line breaks are
 * kept, so the prose keeps its lines and paragraphs.
 *
 * The whole text is blanked before it is cut into passages, so a comment or a tag that spans a
 * sentence end or a blank line reads the same by passage as whole.
 */

/** HTML elements a README may hold; not `audio` or `video`, which are also models' own tokens. */
const HTML_ELEMENTS = [
  'a', 'abbr', 'b', 'big', 'blockquote', 'br', 'center', 'code', 'dd', 'del', 'details', 'div', 'dl', 'dt', 'em',
  'figcaption', 'figure', 'font', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'kbd', 'li', 'mark',
  'ol', 'p', 'picture', 'pre', 'q', 's', 'samp', 'small', 'source', 'span', 'strike', 'strong', 'sub', 'summary', 'sup',
  'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'tt', 'u', 'ul',
];

/** A comment, or an opening or closing tag of one of those elements, attributes and all. */
const MARKUP = new RegExp(String.raw`<!--[\s\S]*?-->|<\/?(?:${HTML_ELEMENTS.join('|')})(?=[\s/>])(?:[^<>"']|"[^"]*"|'[^']*')*>|&(?:[A-Za-z][A-Za-z0-9]*|#\d+|#x[0-9A-Fa-f]+);`, 'gi');

const blank = (markup: string) => markup.replace(/[^\n\r]/g, ' ');

/** The text with its HTML markup blanked out (the same length, the same line breaks). */
export function blankMarkup(text: string): string {
  return text.includes('<') || text.includes('&') ? text.replace(MARKUP, blank) : text;
}
