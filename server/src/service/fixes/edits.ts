/**
 * A minimal-edit toolkit over the positions of the `yaml` AST: every edit touches only the bytes it
 * must, so comments, key order, the file's indentation unit and its line ends (LF, CRLF or a lone
 * CR) all survive. Offsets are file offsets: inside Markdown front matter the YAML starts at
 * `card.base`, and every node range is shifted by it.
 */
import { isMap, isScalar, isSeq, Node, Pair, Scalar, YAMLMap } from 'yaml';
import {
  CardText, columnOf, endOf, hasRange, inFlow, isEmptyValue, isLineBreak, lineAfter, lineEndOf,
  lineStartOf, pairContentEnd, startOf, startsItsLine, unitFor,
} from './cardText';
import { isBlock, map, NewValue, renderBlockChildren, renderBlockPair, renderFlow, scalarText } from './newValues';

/** A replacement of `[start, end)` of the file by `newText`. */
export interface Edit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

/** Replaces a scalar's value, keeping its quoting style where the new value allows it. */
export function replaceScalar(ct: CardText, node: Scalar, value: string): Edit {
  const card = ct.card!;
  const start = startOf(card, node);
  let end = endOf(card, node);
  let newText: string;
  switch (node.type) {
    case 'QUOTE_DOUBLE': newText = JSON.stringify(value); break;
    case 'QUOTE_SINGLE': newText = `'${value.replace(/'/g, "''")}'`; break;
    case 'BLOCK_FOLDED':
    case 'BLOCK_LITERAL': {
      // A block scalar's range runs through its last line end: keep that line end.
      while (end > start && isLineBreak(ct.text[end - 1])) end--;
      newText = scalarText(value, inFlow(ct, node));
      break;
    }
    default: newText = scalarText(value, inFlow(ct, node));
  }
  return { start, end, newText };
}

/** Replaces any value node (a scalar or a flow collection) by new YAML. */
export function replaceNode(ct: CardText, node: Node, value: NewValue): Edit | undefined {
  const card = ct.card!;
  if (isScalar(node)) {
    if ('scalar' in value) return { start: startOf(card, node), end: endOf(card, node), newText: value.scalar };
  } else if (!(isMap(node) || isSeq(node)) || !node.flow) {
    return undefined;
  }
  return { start: startOf(card, node), end: endOf(card, node), newText: renderFlow(value) };
}

/** Renames a key in place (the value, comments and position stay). */
export function renameKey(ct: CardText, pair: Pair, newKey: string): Edit | undefined {
  const key = pair.key;
  if (!isScalar(key) || !hasRange(key)) return undefined;
  return { start: startOf(ct.card!, key), end: endOf(ct.card!, key), newText: scalarText(newKey, inFlow(ct, key)) };
}

export function findPair(mapNode: YAMLMap, key: string): Pair<Node, Node | null> | undefined {
  return mapNode.items.find(item => isScalar(item.key) && String(item.key.value) === key) as Pair<Node, Node | null> | undefined;
}

export interface Placement {
  /** Insert after the last of these keys that the mapping holds... */
  readonly after?: readonly string[];
  /** ...or, when none is there, first (else last). */
  readonly first?: boolean;
}

/**
 * Inserts `key: value` into a mapping: a block mapping gets a new line at its own indentation, a
 * flow mapping a `, key: value` (an empty `{}` becomes `{ key: value }`).
 */
export function insertPair(ct: CardText, mapNode: YAMLMap, key: string, value: NewValue, placement: Placement = {}): Edit | undefined {
  const card = ct.card!;
  const items = mapNode.items.filter(item => hasRange(item.key));
  let anchor: Pair | undefined;
  for (const name of placement.after ?? []) {
    const pair = findPair(mapNode, name);
    if (pair && hasRange(pair.key) && (!anchor || startOf(card, pair.key as Node) > startOf(card, anchor.key as Node))) anchor = pair;
  }
  const atFirst = !anchor && placement.first === true;
  if (!anchor && !atFirst) anchor = items[items.length - 1];

  if (mapNode.flow) {
    if (items.length === 0) {
      if (!hasRange(mapNode)) return undefined;
      return { start: startOf(card, mapNode), end: endOf(card, mapNode), newText: renderFlow(map([[key, value]])) };
    }
    const rendered = `${scalarText(key, true)}: ${renderFlow(value)}`;
    if (atFirst) {
      const start = startOf(card, items[0].key as Node);
      return { start, end: start, newText: `${rendered}, ` };
    }
    const at = pairContentEnd(card, anchor!);
    return { start: at, end: at, newText: `, ${rendered}` };
  }

  if (items.length === 0) return undefined;
  const firstKey = startOf(card, items[0].key as Node);
  const indent = columnOf(ct.text, firstKey);
  const unit = unitFor(ct, mapNode);
  const rendered = renderBlockPair(ct, key, value, indent, unit);
  if (atFirst) {
    if (!startsItsLine(ct.text, firstKey)) return insertPair(ct, mapNode, key, value, {});
    const start = lineStartOf(ct.text, firstKey);
    return { start, end: start, newText: `${rendered}${ct.eol}` };
  }
  const { position, atEnd } = lineAfter(ct, pairContentEnd(card, anchor!));
  return atEnd
    ? { start: position, end: position, newText: `${ct.eol}${rendered}` }
    : { start: position, end: position, newText: `${rendered}${ct.eol}` };
}

/**
 * Gives an empty pair (`key:` with nothing after it, or `key: null`) a value: a scalar or flow
 * value after the colon, a block value on the lines below, indented one unit under the key.
 */
export function fillEmptyPair(ct: CardText, pair: Pair, value: NewValue, parent?: YAMLMap): Edit | undefined {
  const card = ct.card!;
  const key = pair.key as Node;
  if (!hasRange(key)) return undefined;
  const valueNode = pair.value;
  if (hasRange(valueNode) && !isEmptyValue(valueNode)) {
    // An explicit `null` or `~`: replace it in place, in flow style.
    return isScalar(valueNode) && valueNode.value === null ? replaceNode(ct, valueNode, 'scalar' in value ? value : { scalar: renderFlow(value) }) : undefined;
  }
  const flowParent = parent?.flow === true;
  const keyEnd = endOf(card, key);
  const colon = ct.text.indexOf(':', keyEnd);
  if (colon === -1 || colon > lineEndOf(ct.text, keyEnd)) return undefined;
  if (!isBlock(value) || flowParent) {
    return { start: colon + 1, end: colon + 1, newText: ` ${renderFlow(value)}` };
  }
  const indent = columnOf(ct.text, startOf(card, key));
  const unit = unitFor(ct, parent);
  // The children go below the key's line (after a trailing comment, if any).
  const lineEnd = lineEndOf(ct.text, colon);
  return { start: lineEnd, end: lineEnd, newText: renderBlockChildren(ct, value, indent, unit) };
}

/** Sets `key` in a mapping: fills it when empty, replaces a scalar, or inserts it. */
export function setPair(ct: CardText, mapNode: YAMLMap, key: string, value: NewValue, placement: Placement = {}): Edit | undefined {
  const pair = findPair(mapNode, key);
  if (!pair) return insertPair(ct, mapNode, key, value, placement);
  if (isEmptyValue(pair.value)) return fillEmptyPair(ct, pair, value, mapNode);
  if (isScalar(pair.value) || (isMap(pair.value) || isSeq(pair.value)) && pair.value.flow) return replaceNode(ct, pair.value as Node, value);
  return undefined;
}

/**
 * Sets the value at a key path, creating the mappings on the way as needed: `['sts', 'licensing',
 * 'attribution']` under an `sts` without `licensing` inserts `licensing:` holding `attribution`.
 * `placements` gives where each created key goes in its parent (by depth).
 */
export function setAtPath(ct: CardText, path: readonly string[], value: NewValue, placements: readonly Placement[] = []): Edit | undefined {
  const card = ct.card;
  if (!card || path.length === 0) return undefined;
  let node: unknown = card.document.contents;
  if (!isMap(node)) return undefined;
  let parent: YAMLMap = node;
  for (let depth = 0; depth < path.length; depth++) {
    const remainder = path.slice(depth + 1);
    const nested = remainder.reduceRight<NewValue>((inner, key) => map([[key, inner]]), value);
    const pair = findPair(parent, path[depth]);
    if (!pair) return insertPair(ct, parent, path[depth], nested, placements[depth]);
    if (remainder.length === 0) return setPair(ct, parent, path[depth], value, placements[depth]);
    if (isEmptyValue(pair.value) || isScalar(pair.value) && pair.value.value === null) return fillEmptyPair(ct, pair, nested, parent);
    node = pair.value;
    if (!isMap(node)) return undefined;
    parent = node;
  }
  return undefined;
}

/**
 * Inserts keys at the top of the card: right after the opening `---` of front matter, or on the
 * line of a standalone card's first key (after any leading comment).
 */
export function insertAtTop(ct: CardText, entries: readonly (readonly [string, NewValue])[]): Edit | undefined {
  const card = ct.card;
  if (!card || entries.length === 0) return undefined;
  const root = card.document.contents;
  if (isMap(root) && root.flow) {
    const edits = entries.map(([key, value]) => insertPair(ct, root, key, value, { first: true }));
    if (edits.some(edit => !edit || edit.start !== edits[0]!.start || edit.end !== edit.start)) return undefined;
    return { start: edits[0]!.start, end: edits[0]!.end, newText: edits.map(edit => edit!.newText).join('') };
  }
  const hasItems = isMap(root) && root.items.some(item => hasRange(item.key));
  if (root !== null && root !== undefined && !hasItems && !(isScalar(root) && root.value === null)) return undefined;
  const indent = hasItems ? columnOf(ct.text, startOf(card, (root as YAMLMap).items[0].key as Node)) : 0;
  const unit = unitFor(ct, hasItems ? root as YAMLMap : undefined);
  const rendered = entries.map(([key, value]) => renderBlockPair(ct, key, value, indent, unit)).join(ct.eol);
  if (ct.located.kind === 'front-matter') return { start: ct.yamlStart, end: ct.yamlStart, newText: `${rendered}${ct.eol}` };
  if (hasItems) {
    const firstKey = startOf(card, (root as YAMLMap).items[0].key as Node);
    if (!startsItsLine(ct.text, firstKey)) return undefined;
    const start = lineStartOf(ct.text, firstKey);
    return { start, end: start, newText: `${rendered}${ct.eol}` };
  }
  return appendToEmptyCard(ct, rendered);
}

/** Inserts a top-level key at the end of the card (before the closing `---` of front matter). */
export function insertAtEnd(ct: CardText, key: string, value: NewValue): Edit | undefined {
  const card = ct.card;
  if (!card) return undefined;
  const root = card.document.contents;
  if (isMap(root) && (root.flow || root.items.length > 0)) return insertPair(ct, root, key, value);
  if (root !== null && root !== undefined && !(isScalar(root) && root.value === null)) return undefined;
  return appendToEmptyCard(ct, renderBlockPair(ct, key, value, 0, ct.indentUnit));
}

function appendToEmptyCard(ct: CardText, rendered: string): Edit {
  const end = ct.yamlEnd;
  const needsBreak = end > ct.yamlStart && !isLineBreak(ct.text[end - 1]);
  if (ct.located.kind === 'front-matter' || !needsBreak) {
    return { start: end, end, newText: `${rendered}${ct.eol}` };
  }
  return { start: end, end, newText: `${ct.eol}${rendered}${ct.eol}` };
}

/**
 * Deletes a pair: its whole line(s) in a block mapping (what its key's line holds, through the
 * end of its value; comments on the lines around stay), or `key: value` and one comma in a flow
 * mapping.
 */
export function deletePair(ct: CardText, mapNode: YAMLMap, pair: Pair): Edit | undefined {
  const card = ct.card!;
  const key = pair.key;
  if (!hasRange(key)) return undefined;
  const keyStart = startOf(card, key);
  const end = pairContentEnd(card, pair);
  if (mapNode.flow) {
    const index = mapNode.items.indexOf(pair as Pair<unknown, unknown>);
    const next = mapNode.items[index + 1];
    if (next && hasRange(next.key)) return { start: keyStart, end: startOf(card, next.key as Node), newText: '' };
    const previous = mapNode.items[index - 1];
    if (previous) return { start: pairContentEnd(card, previous), end, newText: '' };
    return { start: keyStart, end, newText: '' };
  }
  if (!startsItsLine(ct.text, keyStart)) return undefined;
  const start = lineStartOf(ct.text, keyStart);
  const { position, atEnd } = lineAfter(ct, end);
  if (!atEnd) return { start, end: position, newText: '' };
  // The last line of the file: take the line end before it instead.
  let from = start;
  if (from > ct.yamlStart && ct.text[from - 1] === '\n') from--;
  if (from > ct.yamlStart && ct.text[from - 1] === '\r') from--;
  return { start: from, end: position, newText: '' };
}

/** Edits sorted and applied to a text (they must not overlap). */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) {
    result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  }
  return result;
}

/** True when two edits overlap or touch (two insertions at one offset count: their order would be a guess). */
export function editsConflict(a: readonly Edit[], b: readonly Edit[]): boolean {
  return a.some(x => b.some(y => x.start <= y.end && y.start <= x.end));
}
