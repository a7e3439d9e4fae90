/**
 * The Markdown of every hover, built lazily and memoised per knowledge base: hover runs on mouse
 * moves, and the same family or license is hovered again and again.
 */
import type { KnowledgeIndex } from '../knowledgeIndex';
import { KEY_DOCS, KeyDoc, KnowledgeIds } from './keyDocs';
import { licenseMarkdown, otherLicenseMarkdown } from './license';
import { Lookups } from './lookups';
import { code, paragraphs, sourceLine, text } from './markdown';
import { modelMarkdown } from './model';
import { proseReadingMarkdown, ReadingForHover } from './proseReading';
import { familyMarkdown, postureMarkdown, subcategoryMarkdown } from './taxonomy';

export class HoverContent {
  private readonly lookups: Lookups;
  private readonly memo = new Map<string, string | undefined>();

  /** `origins`: the knowledge-extension file each extension entry comes from (`license:<id>`, `model:<id>`). */
  constructor(private readonly index: KnowledgeIndex, private readonly origins: ReadonlyMap<string, string> = new Map()) {
    this.lookups = new Lookups(index.knowledge);
  }

  /** Where an entry's facts come from: this product's knowledge base, or a project's extension file. */
  private origin(key: string): string {
    const file = this.origins.get(key);
    return file ? `**Defined in** ${code(file)} (this project's knowledge extension)` : '**Defined in** the built-in knowledge base';
  }

  /** What the suggester reads in the card's prose (not memoised: it changes with every edit). */
  proseReading(reading: ReadingForHover): string {
    return proseReadingMarkdown(reading, this.lookups);
  }

  family(id: string): string | undefined {
    const family = this.lookups.families.get(id);
    return family && this.cached(`family:${id}`, () => familyMarkdown(family, this.lookups));
  }

  posture(id: string): string | undefined {
    const posture = this.lookups.postures.get(id);
    return posture && this.cached(`posture:${id}`, () => postureMarkdown(posture, this.lookups));
  }

  subcategory(id: string): string | undefined {
    const subcategory = this.lookups.subcategories.get(id);
    return subcategory && this.cached(`subcategory:${id}`, () => subcategoryMarkdown(subcategory, this.lookups));
  }

  /** A license by its exact id (`license`, `sts.licensing.code`); undefined for an unknown id. */
  license(id: string): string | undefined {
    const license = this.index.licenseById.get(id);
    return license && this.cached(`license:${id}`, () => paragraphs(licenseMarkdown(license), this.origin(`license:${license.id}`)));
  }

  /** A license as named by hand (`license_name`): by id, name or alias, ignoring case. */
  licenseNamed(name: string): string | undefined {
    const license = this.index.licenseNamed(name);
    return license && this.license(license.id);
  }

  /** `license: other`, with the card's `license_name` (undefined when the card has none). */
  otherLicense(licenseName: string | undefined): string {
    const other = this.index.licenseById.get('other');
    const named = licenseName === undefined ? undefined : this.index.resolveDeclaredLicense('other', licenseName);
    const build = () => otherLicenseMarkdown(other, licenseName, named);
    // Memoised per known license (and for "no license_name"); an unknown name is cheap to build
    // and would otherwise grow the memo with every keystroke.
    if (licenseName !== undefined && !named) return build();
    return this.cached(`other:${named ? `${named.id}:${licenseName}` : ''}`, build)!;
  }

  /** A known model named by a Hub id or a name; undefined when the model is not known. */
  model(name: string): string | undefined {
    const model = this.index.modelNamed(name);
    return model && this.cached(`model:${model.id}`, () => paragraphs(modelMarkdown(model, this.lookups), this.origin(`model:${model.id}`)));
  }

  /** What a key of the card format means, for a path pattern such as `sts.latency[].kind`. */
  key(pattern: string): string | undefined {
    const doc: KeyDoc | undefined = Object.hasOwn(KEY_DOCS, pattern) ? KEY_DOCS[pattern] : undefined;
    if (!doc) return undefined;
    return this.cached(`key:${pattern}`, () => {
      const ids = doc.ids ? this.idList(doc.ids) : undefined;
      return paragraphs(
        `**${code(pattern)}** · card key`,
        doc.summary,
        ids ? `**Values:**${ids.block ? '\n' : ' '}${ids.list}` : doc.values && `**Values:** ${doc.values}`,
        ids?.source,
      );
    });
  }

  /** A fixed value of a key that documents its values (`sts.duplex: full`, a latency `kind`). */
  value(pattern: string, value: string): string | undefined {
    const doc: KeyDoc | undefined = Object.hasOwn(KEY_DOCS, pattern) ? KEY_DOCS[pattern] : undefined;
    const meaning = doc?.valueDocs && Object.hasOwn(doc.valueDocs, value) ? doc.valueDocs[value] : undefined;
    if (!doc || meaning === undefined) return undefined;
    return this.cached(`value:${pattern}:${value}`, () => paragraphs(
      `**${code(value)}** · value of ${code(pattern)}`,
      meaning,
      `${code(pattern)}: ${doc.summary} **Values:** ${doc.values ?? ''}`,
    ));
  }

  private idList(kind: KnowledgeIds): { list: string; block: boolean; source?: string } {
    const knowledge = this.index.knowledge;
    const entries = (items: readonly { id: string; name: string; source: { name: string; url?: string } }[]) => ({
      list: items.map(item => `- ${code(item.id)}: ${text(item.name)}`).join('\n'),
      block: true,
      source: items[0] ? sourceLine(items[0].source, false) : undefined,
    });
    switch (kind) {
      case 'families': return entries(knowledge.families);
      case 'postures': return entries(knowledge.postures);
      case 'subcategories': return entries(knowledge.subcategories);
      case 'base_model_relations': {
        const vocabulary = knowledge.hub.base_model_relations;
        return { list: vocabulary.values.map(code).join(', '), block: false, source: sourceLine(vocabulary.source, false) };
      }
    }
  }

  private cached(key: string, build: () => string | undefined): string | undefined {
    if (this.memo.has(key)) return this.memo.get(key);
    const markdown = build();
    this.memo.set(key, markdown);
    return markdown;
  }
}
