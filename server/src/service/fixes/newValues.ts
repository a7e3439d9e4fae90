/**
 * What fixes insert: scalars, mappings and sequences as values, and how they are written as YAML
 * text, in flow style or as block lines that follow the card's line ends and indentation.
 */
import { parse } from 'yaml';
import type { CardText } from './cardText';

/** What a fix inserts: a scalar's YAML text, or a mapping or sequence (block unless `flow`). */
export type NewValue =
  | { readonly scalar: string }
  | { readonly map: readonly (readonly [string, NewValue])[]; readonly flow?: boolean }
  | { readonly seq: readonly NewValue[]; readonly flow?: boolean };

const PLAIN_CANDIDATE = /^[A-Za-z0-9_][A-Za-z0-9_ .\/+()~:@%=?&#-]*$/;

/** `value` as a YAML scalar: plain when it reads back as the same text, else double-quoted. */
export function scalarText(value: string, flow = false): string {
  if (PLAIN_CANDIDATE.test(value) && !value.endsWith(' ') && !/:( |$)| #/.test(value)) {
    try {
      const read = flow ? (parse(`{k: ${value}}`) as { k?: unknown })?.k : (parse(`k: ${value}`) as { k?: unknown })?.k;
      if (read === value) return value;
    } catch {
      // not plain-safe: quote it
    }
  }
  return JSON.stringify(value);
}

/** A text value: plain when that is safe. */
export function text(value: string): NewValue {
  return { scalar: scalarText(value, true) };
}

/** A text value, always double-quoted (free text such as an attribution). */
export function quoted(value: string): NewValue {
  return { scalar: JSON.stringify(value) };
}

/** A literal YAML scalar such as `false`, `200` or `""`. */
export function raw(scalar: string): NewValue {
  return { scalar };
}

export function map(entries: readonly (readonly [string, NewValue])[], flow = false): NewValue {
  return { map: entries, flow };
}

export function seq(items: readonly NewValue[], flow = false): NewValue {
  return { seq: items, flow };
}

export function renderFlow(value: NewValue): string {
  if ('scalar' in value) return value.scalar;
  if ('map' in value) {
    return value.map.length === 0 ? '{}' : `{ ${value.map.map(([key, item]) => `${scalarText(key, true)}: ${renderFlow(item)}`).join(', ')} }`;
  }
  return `[${value.seq.map(renderFlow).join(', ')}]`;
}

export function isBlock(value: NewValue): boolean {
  if ('scalar' in value || value.flow) return false;
  return 'map' in value ? value.map.length > 0 : value.seq.length > 0;
}

/** `key: value` at `indent` spaces, as lines joined by the file's line end, without a final one. */
export function renderBlockPair(ct: CardText, key: string, value: NewValue, indent: number, unit: number): string {
  const head = `${' '.repeat(indent)}${scalarText(key)}:`;
  return isBlock(value) ? `${head}${renderBlockChildren(ct, value, indent, unit)}` : `${head} ${renderFlow(value)}`;
}

/** The lines of a block value under a key at `indent`, each after a line end. */
export function renderBlockChildren(ct: CardText, value: NewValue, indent: number, unit: number): string {
  if ('map' in value) return value.map.map(([key, child]) => `${ct.eol}${renderBlockPair(ct, key, child, indent + unit, unit)}`).join('');
  if ('seq' in value) {
    const dashPad = ' '.repeat(indent + ct.sequenceIndent);
    return value.seq.map(item => `${ct.eol}${dashPad}- ${renderFlow(item)}`).join('');
  }
  return ` ${value.scalar}`;
}

/** Top-level keys as block YAML lines, each ending in the file's line end (for a new front matter). */
export function renderTopLevel(ct: CardText, entries: readonly (readonly [string, NewValue])[]): string {
  return entries.map(([key, value]) => `${renderBlockPair(ct, key, value, 0, ct.indentUnit)}${ct.eol}`).join('');
}
