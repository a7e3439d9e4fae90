/**
 * The parsed card: the `yaml` document with its node ranges shifted into the original file, the
 * plain value, and lookups from a key path (as zod reports it) to the exact key or value node.
 */
import { isCollection, isMap, isPair, isScalar, isSeq, Node, Pair, parseDocument, Document, YAMLParseError } from 'yaml';
import { guardCoreTags } from './coreTags';
import { plainValue } from './plainValue';
import type { Finding, Span } from './findings';

export type KeyPath = readonly PropertyKey[];

export interface ParsedCard {
  /** Offset of the YAML text in the file; `yaml` ranges are relative to it. */
  readonly base: number;
  readonly document: Document.Parsed;
  /** The card as plain data, or undefined when it could not be built (syntax errors). */
  readonly value: unknown;
  readonly syntaxFindings: readonly Finding[];
}

/** `yaml` treats only LF and CRLF as line breaks; a lone CR becomes LF, which keeps every offset. */
function normalizeLoneCarriageReturns(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

/**
 * How deep collections may nest before the card is not analysed (a real card nests about 6 deep:
 * `model-index` results and metrics). Past it the rules, which walk the tree recursively, and
 * `toJS` are skipped; the `yaml` parser itself gives up (RESOURCE_EXHAUSTION) at a depth that
 * depends on the stack left, which this fixed limit keeps out of the diagnostics.
 */
export const MAX_NESTING_DEPTH = 64;

export function parseCard(fileText: string, yamlStart: number, yamlEnd: number): ParsedCard {
  const yamlText = normalizeLoneCarriageReturns(fileText.slice(yamlStart, yamlEnd));
  // `uniqueKeys: true` compares each key with every earlier key of its map: quadratic, 27 s for a
  // 2 MB card of 40,000 keys. The same check is made here in linear time (`findDuplicateKeys`).
  // `logLevel: 'error'`: `toJS` would otherwise print a process warning (on the CLI's stderr) for a collection used as a key.
  // No LineCounter: with prettyErrors off nothing reads it; positions come from the offsets.
  // `customTags`: the core schema's tags, each test behind a cheap first-character check.
  const document = parseDocument(yamlText, { prettyErrors: false, uniqueKeys: false, logLevel: 'error', customTags: guardCoreTags });
  const depth = addDuplicateKeyErrors(document);
  const clamp = (offset: number) => Math.min(Math.max(offset, 0), yamlText.length) + yamlStart;
  const syntaxFindings: Finding[] = [];
  let exhausted = false;
  for (const problem of [...document.errors, ...document.warnings]) {
    // The parser reports a stack overflow on deep nesting once per open collection: say it once.
    if (problem.code === 'RESOURCE_EXHAUSTION' && exhausted) continue;
    const start = clamp(problem.pos[0]);
    const end = Math.max(clamp(problem.pos[1]), start);
    const message = problem.code === 'RESOURCE_EXHAUSTION'
      ? `YAML: the collections nest too deeply to be read (${problem.message}).`
      : `YAML: ${problem.message}.`.replace(/\.\.$/, '.');
    exhausted ||= problem.code === 'RESOURCE_EXHAUSTION';
    syntaxFindings.push({
      code: 'yaml.syntax',
      start,
      end,
      message,
      data: { yamlCode: problem.code },
      severity: problem.name === 'YAMLWarning' ? 'warning' : undefined,
    });
  }
  let value: unknown;
  if (document.errors.length === 0 && depth.depth > MAX_NESTING_DEPTH) {
    syntaxFindings.push({
      code: 'card.too-large',
      start: clamp(depth.at),
      end: clamp(depth.at + 1),
      message: `The card nests collections ${depth.depth} levels deep, more than the ${MAX_NESTING_DEPTH} it may: only its YAML syntax is checked.`,
      data: { depth: depth.depth, maxDepth: MAX_NESTING_DEPTH },
    });
  } else if (document.errors.length === 0) {
    try {
      const plain = plainValue(document);
      value = plain ? plain.value : document.toJS({ maxAliasCount: 100 });
    } catch (error) {
      // Unresolved aliases and alias bombs throw here rather than in the parser.
      syntaxFindings.push({ code: 'yaml.syntax', ...firstLine(yamlText, yamlStart), message: `YAML: ${(error as Error).message}.` });
    }
  }
  return { base: yamlStart, document, value, syntaxFindings };
}

/**
 * Adds a DUPLICATE_KEY error for each key equal to an earlier key of its map, as `yaml` does with
 * `uniqueKeys: true` (same code, message and position; scalars equal by value, other keys never),
 * but with one hash lookup per key. Walks without recursion, and returns the deepest nesting of
 * collections with where it is.
 */
function addDuplicateKeyErrors(document: Document.Parsed): { depth: number; at: number } {
  const duplicates: YAMLParseError[] = [];
  let deepest = { depth: 0, at: 0 };
  // Only collections are stacked, with their depths alongside (no object per node).
  const stack: unknown[] = [document.contents];
  const depths: number[] = [1];
  while (stack.length > 0) {
    const node = stack.pop();
    const depth = depths.pop()!;
    if (!isCollection(node)) continue;
    if (depth > deepest.depth) deepest = { depth, at: node.range?.[0] ?? 0 };
    const items = node.items as unknown[];
    const seen = isMap(node) && items.length > 1 ? new Set<unknown>() : undefined;
    const firstChild = stack.length;
    for (const item of items) {
      if (isPair(item)) {
        const key = item.key;
        // NaN is never equal to itself for `yaml`; a Set would find it.
        if (seen && isScalar(key) && !Number.isNaN(key.value)) {
          const at = key.range?.[0] ?? 0;
          if (seen.has(key.value)) duplicates.push(new YAMLParseError([at, at + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
          else seen.add(key.value);
        }
        if (isCollection(key)) stack.push(key);
        if (isCollection(item.value)) stack.push(item.value);
      } else if (isCollection(item)) {
        stack.push(item);
      }
    }
    // Reversed, so the walk goes in document order (the first of the deepest collections is reported).
    for (let i = firstChild, j = stack.length - 1; i < j; i++, j--) [stack[i], stack[j]] = [stack[j], stack[i]];
    for (let i = firstChild; i < stack.length; i++) depths.push(depth + 1);
  }
  if (duplicates.length > 0) {
    duplicates.sort((a, b) => a.pos[0] - b.pos[0]);
    // Merged by position, so each sits where the parser would have reported it.
    const merged: YAMLParseError[] = [];
    let next = 0;
    for (const error of document.errors) {
      while (next < duplicates.length && duplicates[next].pos[0] < error.pos[0]) merged.push(duplicates[next++]);
      merged.push(error);
    }
    merged.push(...duplicates.slice(next));
    document.errors.splice(0, document.errors.length, ...merged);
  }
  return deepest;
}

function firstLine(yamlText: string, base: number): Span {
  const end = yamlText.search(/\r|\n/);
  return { start: base, end: base + (end === -1 ? yamlText.length : end) };
}

export interface PathHit {
  /** The pair holding the last segment, when that segment is a map key. */
  readonly pair?: Pair<Node, Node | null>;
  readonly node: Node | null | undefined;
}

/** Walks the document along a key path; returns undefined as soon as a segment is absent. */
export function lookup(card: ParsedCard, path: KeyPath): PathHit | undefined {
  let hit: PathHit = { node: card.document.contents };
  for (const segment of path) {
    const node = hit.node;
    if (isMap(node)) {
      const pair = node.items.find(item => isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) return undefined;
      hit = { pair: pair as Pair<Node, Node | null>, node: pair.value as Node | null };
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (item === undefined) return undefined;
      hit = { node: isPair(item) ? (item.value as Node | null) : (item as Node) };
    } else {
      return undefined;
    }
  }
  return hit;
}

function spanOf(card: ParsedCard, node: Node | null | undefined): Span | undefined {
  if (!node?.range) return undefined;
  return { start: card.base + node.range[0], end: card.base + node.range[1] };
}

/** The key of the path's last map segment, e.g. `posture` in `sts.licensing.posture`. */
export function keySpan(card: ParsedCard, path: KeyPath): Span | undefined {
  const hit = lookup(card, path);
  return hit?.pair ? spanOf(card, hit.pair.key as Node) : undefined;
}

/**
 * The value at the path; an empty value (`key:` with nothing after it) falls back to its key,
 * and a block collection is narrowed to its first line so a range never spans a whole block.
 */
export function valueSpan(card: ParsedCard, path: KeyPath): Span | undefined {
  const hit = lookup(card, path);
  if (!hit) return undefined;
  if (isMap(hit.node) || isSeq(hit.node)) {
    const fromKey = hit.pair ? spanOf(card, hit.pair.key as Node) : undefined;
    return fromKey ?? headOf(card, hit.node);
  }
  const span = spanOf(card, hit.node);
  if (span && span.end > span.start) return span;
  return hit.pair ? spanOf(card, hit.pair.key as Node) : span;
}

/** The first item (or key) of a collection: where a user looks for a sequence entry. */
function headOf(card: ParsedCard, node: Node): Span | undefined {
  if (!isMap(node) && !isSeq(node)) return spanOf(card, node);
  if (node.flow) return spanOf(card, node);
  const first = node.items[0];
  if (isPair(first)) return spanOf(card, first.key as Node);
  if (isMap(first) || isSeq(first)) return headOf(card, first);
  return spanOf(card, first as Node | undefined) ?? spanOf(card, node);
}

/**
 * Where to report something about the path as a whole when it is absent: the nearest enclosing
 * key (the contract's "a missing key: its parent's key"), or the head of a sequence item.
 */
export function anchorSpan(card: ParsedCard, path: KeyPath): Span | undefined {
  for (let length = path.length; length > 0; length--) {
    const prefix = path.slice(0, length);
    const hit = lookup(card, prefix);
    if (!hit) continue;
    if (hit.pair) return spanOf(card, hit.pair.key as Node);
    if (hit.node && (isMap(hit.node) || isSeq(hit.node))) return headOf(card, hit.node);
    return spanOf(card, hit.node);
  }
  return undefined;
}
