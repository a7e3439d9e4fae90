/**
 * The card as plain data: what `document.toJS()` gives, built in one iterative pass for the
 * documents most cards are (maps, sequences and scalars). `toJS` is general — a conversion
 * context, anchors, merge keys, key stringification — and was a visible share of each analysis.
 * Anything beyond the plain case (an alias, a tagged collection class, a merge key, a key that
 * is not a plain scalar, a pair in a sequence) is left to `toJS`: then this gives undefined.
 */
import { Document, isScalar, Node, Pair, YAMLMap, YAMLSeq } from 'yaml';

type Container = Record<string, unknown> | unknown[];

const NOT_PLAIN = Symbol('not plain');

/** `document.toJS()` for a plain document, else undefined (ask `toJS`). */
export function plainValue(document: Document.Parsed): { value: unknown } | undefined {
  // Collections get their container when met, so each lands in its parent in order; their
  // items are filled in later, from this list.
  const pending: { node: YAMLMap | YAMLSeq; into: Container }[] = [];
  const convert = (node: unknown): unknown => {
    if (node === null || node === undefined) return node;
    if (isScalar(node)) return node.value;
    if (node instanceof YAMLMap && node.constructor === YAMLMap) {
      const into: Record<string, unknown> = {};
      pending.push({ node, into });
      return into;
    }
    if (node instanceof YAMLSeq && node.constructor === YAMLSeq) {
      const into: unknown[] = [];
      pending.push({ node, into });
      return into;
    }
    return NOT_PLAIN;
  };

  const value = convert(document.contents);
  if (value === NOT_PLAIN) return undefined;
  while (pending.length > 0) {
    const { node, into } = pending.pop()!;
    if (Array.isArray(into)) {
      for (const item of node.items) {
        if (item instanceof Pair) return undefined;
        const converted = convert(item);
        if (converted === NOT_PLAIN) return undefined;
        into.push(converted);
      }
      continue;
    }
    for (const { key, value: itemValue } of node.items as Pair<Node, Node | null>[]) {
      // As `toJS` (addPairToJSMap) names a key: null as '', a primitive as its string.
      if (!isScalar(key) || (key as { addToJSMap?: unknown }).addToJSMap || key.value === '<<') return undefined;
      const jsKey = key.value;
      if ((typeof jsKey === 'object' && jsKey !== null) || typeof jsKey === 'symbol' || typeof jsKey === 'function') return undefined;
      const name = jsKey === null ? '' : String(jsKey);
      const converted = convert(itemValue);
      if (converted === NOT_PLAIN) return undefined;
      // `__proto__` and other names an object already answers to become own properties.
      if (name in into) Object.defineProperty(into, name, { value: converted, writable: true, enumerable: true, configurable: true });
      else into[name] = converted;
    }
  }
  return { value };
}
