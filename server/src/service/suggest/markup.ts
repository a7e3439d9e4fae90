/**
 * What the suggester reads of a text: its words, not its markup or its typography. HTML in a
 * README's prose ('<p align="center">', "<br>", "<!-- … -->", "&nbsp;") and Markdown's link and
 * image syntax are blanked out, and the typographic spaces and hyphens of text pasted from a web
 * page or a PDF (a no-break space, a non-breaking hyphen, an en dash inside a word) and the
 * fullwidth punctuation of a CJK input method become the ASCII ones the grammar knows. A block
 * quote's marks on the lines that go on with its paragraph are layout too, as a wrapped line's
 * break is. Every change is character for character, so every offset still points into the text
 * as written.
 *
 * Only HTML's own elements are blanked: "<speak>" or "<EOS>" in a paper's prose is a token the
 * authors name, and may be evidence. Line breaks are kept, so the prose keeps its lines and
 * paragraphs. The whole text is made plain before it is cut into passages, so a comment or a tag
 * that spans a sentence end or a blank line reads the same by passage as whole.
 */

/** HTML elements a README may hold; not `audio` or `video`, which are also models' own tokens. */
const HTML_ELEMENTS = [
  'a', 'abbr', 'b', 'big', 'blockquote', 'br', 'center', 'code', 'dd', 'del', 'details', 'div', 'dl', 'dt', 'em',
  'figcaption', 'figure', 'font', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'kbd', 'li', 'mark',
  'ol', 'p', 'picture', 'pre', 'q', 's', 'samp', 'small', 'source', 'span', 'strike', 'strong', 'sub', 'summary', 'sup',
  'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'tt', 'u', 'ul',
];

/**
 * Markdown's own marks, which are no words either: a link's brackets and destination
 * ("[Moshi](https://…) is a …" and "[Moshi][moshi] is a …" read "Moshi is a …", and "No extra
 * [ASR](…) or [TTS](…)" keeps its negation, as a bracket would end the clause), an image with its
 * alternative text (a badge or a logo is no part of the sentence beside it), a footnote reference
 * ("[^1]"), and a superscript that holds only a citation or an affiliation number
 * ("<sup>1,2</sup>"), whose digits would otherwise open the next sentence.
 */
const DESTINATION = String.raw`\((?:<[^<>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'))?[ \t]*\)`;
const LABEL = String.raw`\[[^\[\]\n]*\]`;
const IMAGE = String.raw`!\[[^\[\]\n]*\](?:${DESTINATION}|${LABEL})`;
const LINK_CLOSING = String.raw`\](?:${DESTINATION}|${LABEL})`;
/** A link's opening bracket, when its text (with no bracket in it but an image's) is followed by a destination or a label. */
const LINK_OPENING = String.raw`\[(?=(?:[^\[\]\n]|${IMAGE})*${LINK_CLOSING})`;
const FOOTNOTE_REFERENCE = String.raw`\[\^[^\[\]\s]+\]`;
const CITATION_SUPERSCRIPT = String.raw`<sup>[\d\s,*\u2020\u2021\[\]-]*<\/sup>`;

const MARKUP = String.raw`${CITATION_SUPERSCRIPT}|<\/?(?:${HTML_ELEMENTS.join('|')})(?=[\s/>])(?:[^<>"']|"[^"]*"|'[^']*')*>|&(?:[A-Za-z][A-Za-z0-9]*|#\d+|#x[0-9A-Fa-f]+);|${FOOTNOTE_REFERENCE}|${IMAGE}|${LINK_OPENING}|${LINK_CLOSING}`;
/** Spaces other than the ASCII space and tab (no-break, thin, ideographic …). */
const SPACE = String.raw`[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]`;
/** Hyphens other than ASCII's, and an en dash between two letters or digits ("speech–text"). */
const HYPHEN = String.raw`[\u2010\u2011]|(?<=[\p{L}\p{N}])\u2013(?=[\p{L}\p{N}])`;

/** The fullwidth forms of ASCII's punctuation and letters ("：", "，", "（"), which text typed with a CJK input method carries. */
const FULLWIDTH = String.raw`[\uff01-\uff5e]`;

const PLAIN = new RegExp(`(${MARKUP})|(${SPACE})|(${FULLWIDTH})|${HYPHEN}`, 'giu');
/** Whether a text may hold anything to make plain: most hold none, and are returned as they are. */
const MAY_HOLD = new RegExp(String.raw`[<&\[\]\u2010\u2011\u2013]|${SPACE}|${FULLWIDTH}`);

/** Markup as spaces, its line breaks kept. */
const blank = (markup: string) => (/[\n\r]/.test(markup) ? markup.replace(/[^\n\r]/g, ' ') : ' '.repeat(markup.length));

function plainOf(match: string, markup: string | undefined, space: string | undefined, fullwidth: string | undefined): string {
  if (markup !== undefined) return blank(markup);
  if (space !== undefined) return ' ';
  // The fullwidth block mirrors ASCII from "!" to "~", 0xFEE0 above it.
  return fullwidth !== undefined ? String.fromCharCode(fullwidth.charCodeAt(0) - 0xfee0) : '-';
}

/** A block quote's line: its marks ("> ", ">> ") and what follows them. */
const QUOTED = /^( {0,3}(?:>[ \t]?)+)(.*)$/;
/** A quoted line's content that starts a block of its own: a list item, heading, fence or table row. */
const BLOCK_START = /^(?:[-*+][ \t]|\d{1,9}[.)][ \t]|#{1,6}[ \t]|```|~~~|\|)/;
/** A quoted line's content that no next line continues: a heading, a table row, GitHub's alert title ("> [!NOTE]"). */
const LINE_OF_ITS_OWN = /^(?:#{1,6}(?:[ \t]|$)|\||\[![A-Za-z]+\]\s*$)/;
const MAY_QUOTE = /(?:^|\n) {0,3}>/;

/**
 * The quote marks of each line that continues the quoted paragraph of the line before (same
 * depth, both with text, the line before no heading, table row or alert title, this one no new
 * block), blanked out.
 */
function withoutContinuedQuoteMarks(text: string): string {
  const lines = text.split('\n');
  let changed = false;
  for (let k = lines.length - 1; k > 0; k--) {
    const line = QUOTED.exec(lines[k]);
    const before = line && QUOTED.exec(lines[k - 1]);
    if (!line || !before || line[2].trim() === '' || before[2].trim() === '' || LINE_OF_ITS_OWN.test(before[2]) || BLOCK_START.test(line[2])) continue;
    if (line[1].replace(/[ \t]/g, '') !== before[1].replace(/[ \t]/g, '')) continue;
    lines[k] = ' '.repeat(line[1].length) + line[2];
    changed = true;
  }
  return changed ? lines.join('\n') : text;
}

/**
 * HTML comments ("<!-- … -->") blanked out, first, as the markup inside them is no markup.
 * Found with indexOf rather than a lazy pattern, which would read to the text's end from every
 * "<!--" that no "-->" closes: once none follows, no later comment can close either.
 */
function withoutComments(text: string): string {
  let open = text.indexOf('<!--');
  let from = 0;
  let plain = '';
  while (open >= 0) {
    const close = text.indexOf('-->', open + 4);
    if (close < 0) break;
    plain += text.slice(from, open) + blank(text.slice(open, close + 3));
    from = close + 3;
    open = text.indexOf('<!--', from);
  }
  return from === 0 ? text : plain + text.slice(from);
}

/** The text as plain prose: the same length and line breaks, markup blanked out, spaces, hyphens and fullwidth forms ASCII. */
export function plainProse(text: string): string {
  const plain = MAY_HOLD.test(text) ? withoutComments(text).replace(PLAIN, plainOf) : text;
  return MAY_QUOTE.test(plain) ? withoutContinuedQuoteMarks(plain) : plain;
}

/**
 * Characters with no width that text pasted from a web page or a PDF carries, often inside
 * words: the soft hyphen of a hyphenated word ("archi­tecture"), zero-width spaces and joiners,
 * the word joiner, the byte order mark a Windows editor puts first, direction marks. Blanking
 * them would split a word, so they are dropped, and offsets are mapped back to the text.
 */
export const INVISIBLE = /[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g;
const MAY_HOLD_INVISIBLE = new RegExp(INVISIBLE.source);

/** A text with its invisible characters dropped, and the way back to offsets in the text. */
export interface VisibleText {
  readonly text: string;
  /** Whether any character was dropped: when not, offsets are the text's own. */
  readonly dropped: boolean;
  /** Where the character at `offset` of `text` is in the text given. */
  originalStart(offset: number): number;
  /** Where a span ending at `offset` of `text` ends in the text given (invisible characters after it stay out). */
  originalEnd(offset: number): number;
}

const unchanged = (text: string): VisibleText => ({ text, dropped: false, originalStart: offset => offset, originalEnd: offset => offset });

export function withoutInvisibles(text: string): VisibleText {
  if (!MAY_HOLD_INVISIBLE.test(text)) return unchanged(text);
  // Per character dropped, where it would stand in the text without them (non-decreasing).
  const droppedAt: number[] = [];
  const visible = text.replace(INVISIBLE, (_match, offset: number) => {
    droppedAt.push(offset - droppedAt.length);
    return '';
  });
  const originalStart = (offset: number) => {
    // The characters dropped before the one at `offset`: those standing at or before it.
    let low = 0;
    let high = droppedAt.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (droppedAt[middle] <= offset) low = middle + 1;
      else high = middle;
    }
    return offset + low;
  };
  return { text: visible, dropped: true, originalStart, originalEnd: offset => (offset === 0 ? 0 : originalStart(offset - 1) + 1) };
}
