/**
 * The completion items of a knowledge base and card schema, built once and reused on every
 * keystroke: keys per mapping, fixed values per key (from the schema), and the knowledge lists
 * (license ids, license names, known models) with their documentation. Documentation is the
 * hover's Markdown (hover/*), so a completion item and a hover say the same thing.
 */
import { CompletionItemKind } from 'vscode-languageserver-types';
import type { z } from 'zod';
import type { KnownModel, License } from '../../knowledge/schema';
import { HoverContent } from '../hover/content';
import { KEY_DOCS, patternOf } from '../hover/keyDocs';
import type { KnowledgeIndex } from '../knowledgeIndex';
import type { NodePath } from '../nodeAt';
import { describeSchema, fixedValuesAt, keysAt, schemaNodesAt } from './schemaWalk';

/** An item without its edit: what is the same for every request. */
export interface ItemTemplate {
  readonly label: string;
  readonly kind: CompletionItemKind;
  /** The text inserted (a key without its `: `). */
  readonly text: string;
  readonly detail?: string;
  /** Markdown. */
  readonly documentation?: string;
  readonly sortText: string;
  readonly filterText?: string;
}

type Schema = z.core.$ZodType;

/** Which knowledge list a key's values come from, by key pattern (see hover/keyDocs patternOf). */
const KNOWLEDGE_VALUES: Readonly<Record<string, 'hubLicenses' | 'licenseNames' | 'allLicenses' | 'models'>> = {
  'license': 'hubLicenses',
  'license[]': 'hubLicenses',
  'license_name': 'licenseNames',
  'sts.licensing.code': 'allLicenses',
  'base_model': 'models',
  'base_model[]': 'models',
};

/** Memoised lists per pattern; patterns under a free-form record (gated fields) could grow it. */
const MEMO_LIMIT = 256;

const sortKey = (index: number) => String(index).padStart(4, '0');

export class CompletionCatalog {
  private readonly content: HoverContent;
  private readonly lists: Record<'hubLicenses' | 'licenseNames' | 'allLicenses' | 'models', readonly ItemTemplate[]>;
  private readonly keyMemo = new Map<string, readonly ItemTemplate[]>();
  private readonly valueMemo = new Map<string, readonly ItemTemplate[]>();

  constructor(private readonly index: KnowledgeIndex, private readonly schema: Schema) {
    this.content = new HoverContent(index);
    const licenses = index.knowledge.licenses;
    const licenseItems = new Map(licenses.map((license, at) => [license.id, this.licenseItem(license, at)]));
    const itemsOf = (filter: (license: License) => boolean) => licenses.filter(filter).map(license => licenseItem(license.id));
    const licenseItem = (id: string) => licenseItems.get(id)!;
    this.lists = {
      // The Hub's ids, `other` among them (licenses.yaml marks it `hub: true`).
      hubLicenses: itemsOf(license => license.hub),
      licenseNames: itemsOf(license => !license.hub),
      allLicenses: itemsOf(() => true),
      models: this.modelItems(index.knowledge.models),
    };
  }

  /** The keys of the mapping at `mapPath`, in the schema's order. */
  keys(mapPath: NodePath): readonly ItemTemplate[] {
    return this.memo(this.keyMemo, patternOf(mapPath), () => keysAt(this.schema, mapPath).map((key, at): ItemTemplate => {
      const path = [...mapPath, key];
      const pattern = patternOf(path);
      const doc = Object.hasOwn(KEY_DOCS, pattern) ? KEY_DOCS[pattern] : undefined;
      return {
        label: key,
        kind: CompletionItemKind.Property,
        text: key,
        detail: doc?.values ? plain(doc.values) : describeSchema(this.schema, path),
        documentation: this.content.key(pattern),
        sortText: sortKey(at),
      };
    }));
  }

  /** The values offered at `path`: a knowledge list, or the schema's fixed values with their meaning. */
  values(path: NodePath): readonly ItemTemplate[] {
    const pattern = patternOf(path);
    const list = Object.hasOwn(KNOWLEDGE_VALUES, pattern) ? KNOWLEDGE_VALUES[pattern] : undefined;
    if (list) return this.lists[list];
    return this.memo(this.valueMemo, pattern, () => fixedValuesAt(this.schema, path).map((value, at): ItemTemplate => {
      const text = String(value);
      if (typeof value === 'boolean') return { label: text, kind: CompletionItemKind.Value, text, sortText: sortKey(at) };
      const { detail, documentation } = this.enumDocs(pattern, text);
      return { label: text, kind: CompletionItemKind.EnumMember, text, detail, documentation, sortText: sortKey(at) };
    }));
  }

  private enumDocs(pattern: string, value: string): { detail?: string; documentation?: string } {
    const knowledge = this.index.knowledge;
    switch (pattern) {
      case 'sts.family':
        return { detail: knowledge.families.find(family => family.id === value)?.name, documentation: this.content.family(value) };
      case 'sts.licensing.posture':
      case 'sts.licensing.siblings[].posture':
        return { detail: knowledge.postures.find(posture => posture.id === value)?.name, documentation: this.content.posture(value) };
      case 'sts.subcategories[]':
        return { detail: knowledge.subcategories.find(subcategory => subcategory.id === value)?.name, documentation: this.content.subcategory(value) };
      default:
        return { documentation: this.content.value(pattern, value) };
    }
  }

  private licenseItem(license: License, at: number): ItemTemplate {
    return {
      label: license.id,
      kind: CompletionItemKind.Value,
      text: license.id,
      detail: `${license.name} · commercial use: ${license.commercial_use}`,
      documentation: this.content.license(license.id),
      sortText: sortKey(at),
    };
  }

  /**
   * Every Hub id of a known model; a model with none by its name, inserted as the name when the
   * schema accepts it as a `base_model` and as the knowledge id (`step-audio-2`) otherwise. Models
   * with a Hub id sort first, then open weights, then the rest.
   */
  private modelItems(models: readonly KnownModel[]): ItemTemplate[] {
    const accepts = (value: string) => schemaNodesAt(this.schema, ['base_model'])
      .some(node => (node as unknown as z.ZodType).safeParse?.(value).success === true);
    const items: ItemTemplate[] = [];
    models.forEach((model, at) => {
      const facts = [model.lab, model.family ?? 'no family', model.weights_license ? `weights: ${model.weights_license}` : 'weights: not released'];
      for (const hubId of model.hub_ids) {
        items.push({
          label: hubId,
          kind: CompletionItemKind.Reference,
          text: hubId,
          detail: `${model.name} · ${facts.join(' · ')}`,
          documentation: this.content.model(hubId),
          sortText: `0${sortKey(at)}${hubId}`,
        });
      }
      if (model.hub_ids.length > 0) return;
      const text = accepts(model.name) ? model.name : model.id;
      items.push({
        label: model.name,
        kind: CompletionItemKind.Reference,
        text,
        detail: `${facts.join(' · ')} · no Hub id`,
        documentation: this.content.model(model.id),
        sortText: `${model.open_weights ? 1 : 2}${sortKey(at)}`,
        filterText: text === model.name ? undefined : text,
      });
    });
    return items;
  }

  private memo(memo: Map<string, readonly ItemTemplate[]>, key: string, build: () => ItemTemplate[]): readonly ItemTemplate[] {
    const cached = memo.get(key);
    if (cached) return cached;
    const built = build();
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(key, built);
    return built;
  }
}

/** KEY_DOCS `values` Markdown as a plain `detail` line. */
function plain(markdown: string): string {
  return markdown.replace(/`/g, '');
}
