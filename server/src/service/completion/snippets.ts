/**
 * Snippet completions at a key position of the card's top-level mapping: whole blocks that are
 * tedious to type right.
 *
 * - `sts` block: name, family (a choice of the knowledge base's families), licensing with a
 *   posture choice, one latency figure with a kind choice (the schema's kinds);
 * - `license: other` block: `license_name` (a choice of the license names the knowledge base
 *   knows) and `license_link`; without the `license` line when the card already says `other`;
 * - `base_model` with `base_model_relation` (a choice of the Hub's relations).
 *
 * Each expands to valid YAML at the cursor's indentation, in a standalone card and in a Markdown
 * card's front matter alike: the first line goes where the cursor is, every following line gets
 * the cursor line's indentation plus its own. Items say `insertTextMode: asIs`, so the editor
 * does not indent the lines a second time. The snippet and its documentation's preview come from
 * one SnippetBuilder (authoring/snippet.ts), which escapes by the snippet grammar.
 *
 * Pure: `snippetContextAt` reads the cursor's context with the completion's own site logic
 * (completion/site.ts), `snippetCompletions` turns a context into items.
 */
import { CompletionItem, CompletionItemKind, InsertTextFormat, InsertTextMode, Position } from 'vscode-languageserver-types';
import { isMap, isScalar, isSeq } from 'yaml';
import type { z } from 'zod';
import type { KnowledgeBase } from '../../knowledge/schema';
import { SnippetBuilder, SnippetText } from '../authoring/snippet';
import { buildCardSchema } from '../cardSchema';
import type { Span } from '../findings';
import { lookup, ParsedCard } from '../yamlCard';
import { fixedValuesAt } from './schemaWalk';
import { siteAt } from './site';

export interface SnippetContext {
  /** The whole file's text. */
  readonly text: string;
  /** What an item replaces: the key typed so far, or zero-width at the cursor. */
  readonly range: Span;
  /** The cursor is where a key of the card's top-level mapping goes. Nothing is offered elsewhere. */
  readonly topLevelKey: boolean;
  /** The top-level keys the card already has (the one being typed not among them). */
  readonly existingKeys: ReadonlySet<string>;
  /** The card's `license` value when it has one (text or a list): the `license: other` block needs `other`. */
  readonly license?: unknown;
  /**
   * The column of the card's top-level keys (its first key's), when the card has one: a snippet
   * at another column would not be part of that mapping.
   */
  readonly rootColumn?: number;
}

/**
 * The context for snippets at an offset of a card, or undefined where none belong: anywhere but
 * a top-level key position, after a `:`, `-` or `,`, or where a `:` already follows the key.
 */
export function snippetContextAt(card: ParsedCard, text: string, offset: number, schema: z.core.$ZodType): SnippetContext | undefined {
  const site = siteAt(card, text, offset, schema);
  if (!site || site.kind !== 'key' || site.mapPath.length !== 0 || site.colonFollows || site.spaceBefore) return undefined;
  const root = card.document.contents;
  let rootColumn: number | undefined;
  if (isMap(root)) {
    // The first key that is not the one being typed.
    const first = root.items.find(pair => isScalar(pair.key) && pair.key.range && card.base + pair.key.range[0] !== site.range.start)?.key;
    const at = isScalar(first) && first.range ? card.base + first.range[0] : undefined;
    if (at !== undefined) rootColumn = at - lineStart(text, at);
  }
  const licenseNode = lookup(card, ['license'])?.node;
  const license = isScalar(licenseNode) ? licenseNode.value
    : isSeq(licenseNode) ? licenseNode.items.map(item => (isScalar(item) ? item.value : undefined))
    : undefined;
  return { text, range: site.range, topLevelKey: true, existingKeys: site.present, license, rootColumn };
}

/**
 * The snippet items for a context; `positionAt` turns the context's offsets into the edit's
 * range. `schema` gives the latency kinds (by default the schema the service builds).
 */
export function snippetCompletions(
  context: SnippetContext, knowledge: KnowledgeBase, positionAt: (offset: number) => Position, schema?: z.core.$ZodType,
): CompletionItem[] {
  if (!context.topLevelKey) return [];
  const { text, range } = context;
  const start = lineStart(text, range.start);
  const indent = text.slice(start, range.start);
  // Only spaces before the key (YAML indents with spaces), nothing after it on the line.
  if (!/^ *$/.test(indent) || !/^[ \t]*$/.test(restOfLine(text, range.end))) return [];
  if (context.rootColumn !== undefined && context.rootColumn !== indent.length) return [];
  const eol = lineBreakOf(text);
  const editRange = { start: positionAt(range.start), end: positionAt(range.end) };
  return snippetsFor(knowledge, schema)
    .filter(snippet => snippet.offered(context))
    .map((snippet, at): CompletionItem => ({
      label: snippet.label,
      kind: CompletionItemKind.Snippet,
      detail: snippet.detail,
      documentation: { kind: 'markdown', value: `${snippet.summary}\n\n\`\`\`yaml\n${render(snippet.lines, '', '\n').text}\n\`\`\`` },
      insertTextFormat: InsertTextFormat.Snippet,
      insertTextMode: InsertTextMode.asIs,
      textEdit: { range: editRange, newText: render(snippet.lines, indent, eol).snippet },
      filterText: snippet.filterText,
      // After the plain keys (sorted 0000…), in this order.
      sortText: `~${String(at).padStart(2, '0')}`,
    }));
}

// ---------------------------------------------------------------------------------------------
// Templates

/**
 * A literal, a placeholder with its default, or a choice (the first value is the default). Tab
 * stops are numbered in the order of the text.
 */
type Part = string | { readonly placeholder: string } | { readonly choices: readonly string[] };

interface TemplateLine {
  /** Levels of two spaces below the first line's. */
  readonly depth: number;
  readonly parts: readonly Part[];
}

interface Snippet {
  readonly label: string;
  readonly filterText: string;
  readonly detail: string;
  readonly summary: string;
  readonly lines: readonly TemplateLine[];
  readonly offered: (context: SnippetContext) => boolean;
}

const line = (depth: number, ...parts: Part[]): TemplateLine => ({ depth, parts });
const placeholder = (value: string): Part => ({ placeholder: value });

/** `values` with `first` moved to the front, when it is one of them. */
function preferFirst(values: readonly string[], first: string): string[] {
  return values.includes(first) ? [first, ...values.filter(value => value !== first)] : [...values];
}

/** A choice of values that YAML reads as plain text; a placeholder when none is left. */
function choice(values: readonly string[], fallback: string): Part {
  const plain = values.filter(value => /^[A-Za-z0-9][\w.+/-]*$/.test(value) && !/^(true|false|yes|no|on|off|null|~)$/i.test(value) && !/^[\d.+-]+$/.test(value));
  return plain.length > 0 ? { choices: plain } : placeholder(fallback);
}

const schemas = new WeakMap<KnowledgeBase, z.core.$ZodType>();

function snippetsFor(knowledge: KnowledgeBase, schema: z.core.$ZodType | undefined): Snippet[] {
  let cardSchema = schema ?? schemas.get(knowledge);
  if (!cardSchema) schemas.set(knowledge, cardSchema = buildCardSchema(knowledge.hub));
  const latencyKinds = fixedValuesAt(cardSchema, ['sts', 'latency', 0, 'kind']).filter((value): value is string => typeof value === 'string');
  const families = knowledge.families.map(family => family.id);
  const postures = knowledge.postures.map(posture => posture.id);
  const licenseNames = knowledge.licenses.filter(license => !license.hub).map(license => license.id);
  // What most cards mean comes first (a choice's first value is its default): a figure of what a
  // user waits, a fine-tune.
  const relations = preferFirst(knowledge.hub.base_model_relations.values, 'finetune');
  const has = (context: SnippetContext, key: string) => context.existingKeys.has(key);

  const licenseLines = [
    line(0, 'license_name: ', choice(licenseNames, 'license-name')),
    line(0, 'license_link: ', placeholder('LICENSE')),
  ];
  return [
    {
      label: 'sts block',
      filterText: 'sts',
      detail: 'sts: name, family, licensing, latency',
      summary: "The card's STS block: the model's name, its architecture family, its license posture and a latency figure with what it measures.",
      lines: [
        line(0, 'sts:'),
        line(1, 'name: ', placeholder('Model name')),
        line(1, 'family: ', choice(families, 'family')),
        line(1, 'licensing:'),
        line(2, 'posture: ', choice(postures, 'posture')),
        line(1, 'latency:'),
        line(2, '- ms: ', placeholder('200')),
        line(2, '  kind: ', choice(preferFirst(latencyKinds, 'end-to-end'), 'end-to-end')),
      ],
      offered: context => !has(context, 'sts'),
    },
    {
      label: 'license: other block',
      filterText: 'license',
      detail: 'license: other, license_name, license_link',
      summary: 'A license the Hub does not list: `license: other`, its id-like name and where its text is (a URL or a file in the repository).',
      lines: [line(0, 'license: other'), ...licenseLines],
      offered: context => !has(context, 'license') && !has(context, 'license_name') && !has(context, 'license_link'),
    },
    {
      label: 'license_name + license_link',
      filterText: 'license_name',
      detail: 'license_name, license_link (for license: other)',
      summary: 'Names the license of `license: other` and says where its text is (a URL or a file in the repository).',
      lines: licenseLines,
      offered: context => has(context, 'license') && saysOther(context.license) && !has(context, 'license_name') && !has(context, 'license_link'),
    },
    {
      label: 'base_model + relation',
      filterText: 'base_model',
      detail: 'base_model, base_model_relation',
      summary: 'The model this one derives from (a Hub id) and how: the Hub\'s relations are ' + relations.map(value => `\`${value}\``).join(', ') + '.',
      lines: [
        line(0, 'base_model: ', placeholder('owner/model-name')),
        line(0, 'base_model_relation: ', choice(relations, 'finetune')),
      ],
      offered: context => !has(context, 'base_model') && !has(context, 'base_model_relation'),
    },
  ];
}

function saysOther(license: unknown): boolean {
  return license === 'other' || (Array.isArray(license) && license.includes('other'));
}

// ---------------------------------------------------------------------------------------------
// Rendering

/** The snippet and its default text; every line after the first starts with the cursor line's indentation. */
function render(lines: readonly TemplateLine[], indent: string, eol: string): SnippetText {
  const builder = new SnippetBuilder();
  lines.forEach((templateLine, at) => {
    builder.literal((at === 0 ? '' : eol + indent) + '  '.repeat(templateLine.depth));
    for (const part of templateLine.parts) {
      if (typeof part === 'string') builder.literal(part);
      else if ('choices' in part) builder.choice(part.choices);
      else builder.placeholder(part.placeholder);
    }
  });
  return builder.build();
}

function lineStart(text: string, offset: number): number {
  let at = offset;
  while (at > 0 && text[at - 1] !== '\n' && text[at - 1] !== '\r') at--;
  return at;
}

function restOfLine(text: string, offset: number): string {
  let end = offset;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return text.slice(offset, end);
}

/** The text's own line break (its first), LF for a text of one line. */
function lineBreakOf(text: string): string {
  const found = /\r\n|\r|\n/.exec(text);
  return found ? found[0] : '\n';
}
