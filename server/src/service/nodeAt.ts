/**
 * What is at an offset of a card: the key or scalar value under the cursor, with its path from
 * the card's root. Hover uses it now; completion will use it for the value being typed.
 *
 * Offsets are absolute file offsets (like every span of the service); `card.base` is where the
 * YAML starts in the file, so a Markdown card works in the file's own offsets.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, Node, Pair } from 'yaml';
import type { Span } from './findings';
import type { ParsedCard } from './yamlCard';

export type NodePath = (string | number)[];

export interface NodeAt {
  /** From the card's root: map keys as strings, sequence items as indexes, e.g. `['sts', 'latency', 0, 'kind']`. */
  readonly path: NodePath;
  /** `key` on a map key scalar; `value` on a scalar value, a sequence item scalar, an alias, or an empty value. */
  readonly on: 'key' | 'value';
  /**
   * The key or value as written, in absolute file offsets (quotes and block scalar headers
   * included). For an empty value it is zero-width at the offset asked about: the insertion point.
   */
  readonly span: Span;
  /**
   * On a key, the key as text. On a value, the scalar's value (string, number, boolean, null),
   * or the value an alias points to when that is a scalar. Undefined for an empty value.
   */
  readonly value?: unknown;
  /**
   * True when the cursor sits where a value is missing, for completion:
   * - `family:|` or `family: |` (also before a trailing comment): `path` is the key's path
   *   (`['sts', 'family']`);
   * - `- |` in a block sequence: the item's path (`['sts', 'subcategories', 0]`);
   * - `[|]` or `[ | ]`, an empty flow sequence: the path of its first item (`[..., 0]`);
   * - `{ a: | }` in a flow mapping: the key's path.
   * The span is zero-width at the offset; the text before it may be the `:` or `-` itself, so a
   * completion that inserts there should add the separating space when it is missing.
   */
  readonly empty?: true;
}

/**
 * The key or value at `offset`, or undefined when the offset is outside the card, on
 * punctuation or indentation, in a comment, or on a collection's brackets. A scalar counts from
 * its first character up to and including the offset just after its last one (where a cursor
 * rests after typing it); when two candidates touch, the one that starts at the offset wins.
 */
export function nodeAtOffset(card: ParsedCard, offset: number): NodeAt | undefined {
  const relative = offset - card.base;
  const root = card.document?.contents;
  if (relative < 0 || !root) return undefined;
  const search = new Search(card, relative);
  search.visit(root as Node, []);
  return search.result();
}

type Hit = { path: NodePath; on: 'key' | 'value'; start: number; end: number; value?: unknown; empty?: true };

class Search {
  private inside: Hit | undefined;
  private atEnd: Hit | undefined;
  private empty: Hit | undefined;

  constructor(private readonly card: ParsedCard, private readonly offset: number) {}

  result(): NodeAt | undefined {
    const hit = this.inside ?? this.atEnd ?? this.empty;
    if (!hit) return undefined;
    const span = { start: this.card.base + hit.start, end: this.card.base + hit.end };
    return hit.empty
      ? { path: hit.path, on: hit.on, span, empty: true }
      : { path: hit.path, on: hit.on, span, value: hit.value };
  }

  visit(node: Node | null | undefined, path: NodePath): void {
    if (this.inside || !node) return;
    if (isMap(node)) {
      for (const pair of node.items) this.visitPair(pair as Pair<Node | null, Node | null>, path);
    } else if (isSeq(node)) {
      if (node.items.length === 0 && node.flow && node.range) {
        // `[|]`: inside the brackets of an empty flow sequence.
        this.emptyBetween(node.range[0] + 1, node.range[1] - 1, [...path, 0]);
      }
      node.items.forEach((item, index) => {
        if (this.inside) return;
        const itemPath = [...path, index];
        if (isPair(item)) {
          // A bare pair as an item (`!!pairs`, `!!omap`): its key is under the item's path.
          this.visitPair(item as Pair<Node | null, Node | null>, itemPath);
          return;
        }
        const itemNode = item as Node;
        if (isEmptyScalar(itemNode)) {
          // `- |`: after the dash (the previous item's end, or the sequence's first dash).
          const previous = index > 0 ? (node.items[index - 1] as Node).range : undefined;
          const from = previous ? Math.max(previous[1] + 1, previous[2]) : (node.range?.[0] ?? 0) + 1;
          this.emptyBetween(from, itemNode.range![0], itemPath);
        } else {
          this.visit(itemNode, itemPath);
        }
      });
    } else if (isScalar(node)) {
      this.scalar(node, path, 'value', node.value);
    } else if (isAlias(node)) {
      let value: unknown;
      try {
        const target = node.resolve(this.card.document);
        value = isScalar(target) ? target.value : undefined;
      } catch {
        value = undefined;
      }
      this.scalar(node, path, 'value', value);
    }
  }

  private visitPair(pair: Pair<Node | null, Node | null>, path: NodePath): void {
    if (this.inside) return;
    const key = pair.key;
    // Complex keys (a mapping or sequence as a key) hold nothing the card format knows.
    if (!isScalar(key)) return;
    const keyPath = [...path, String(key.value)];
    this.scalar(key, keyPath, 'key', String(key.value));
    const value = pair.value;
    if (isEmptyScalar(value)) {
      // `key:|`, `key: |` or `key: | # comment`: from just after the key up to the empty node,
      // which the parser puts after the colon and its spaces, on the key's line.
      if (key.range) this.emptyBetween(key.range[1] + 1, value.range[0], keyPath);
    } else {
      this.visit(value, keyPath);
    }
  }

  private scalar(node: Node, path: NodePath, on: 'key' | 'value', value: unknown): void {
    const range = node.range;
    if (!range || range[1] <= range[0]) return;
    const hit: Hit = { path, on, start: range[0], end: range[1], value };
    if (this.offset >= range[0] && this.offset < range[1]) this.inside ??= hit;
    else if (this.offset === range[1]) this.atEnd ??= hit;
  }

  private emptyBetween(from: number, to: number, path: NodePath): void {
    if (this.offset >= from && this.offset <= to) {
      this.empty ??= { path, on: 'value', start: this.offset, end: this.offset, empty: true };
    }
  }
}

/** A value that is not there: `key:` with nothing after it, `-` alone, `!!str` with no text. */
function isEmptyScalar(node: unknown): node is Node & { range: [number, number, number] } {
  return isScalar(node) && !!node.range && node.range[0] === node.range[1] && (node.value === null || node.value === '');
}
