/**
 * XML text and attribute escaping for the SVG and HTML renderers. Model names come from users'
 * cards, so every piece of text goes through here: a card named `<script>` stays text.
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Characters XML 1.0 forbids outright (C0 controls but tab/newline/return, lone surrogates, U+FFFE/F). */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes text for an element's content or a quoted attribute value; forbidden characters become U+FFFD. */
export function escapeXml(text: string): string {
  return text.replace(FORBIDDEN, '\uFFFD').replace(/[&<>"']/g, char => ENTITIES[char]!);
}

/** ` name="value"` pairs in the given order; undefined values are left out. */
export function attrs(values: Record<string, string | number | undefined>): string {
  let out = '';
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) continue;
    out += ` ${name}="${escapeXml(typeof value === 'number' ? fmt(value) : value)}"`;
  }
  return out;
}

/** A coordinate with at most two decimals and no `-0`, so output is short and stable. */
export function fmt(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}
