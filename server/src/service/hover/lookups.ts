/** Id-to-entry lookups over the knowledge base that the hover builders share. */
import type { Family, KnowledgeBase, KnownModel, License, Posture, Subcategory } from '../../knowledge/schema';

export class Lookups {
  readonly families = new Map<string, Family>();
  readonly postures = new Map<string, Posture>();
  readonly subcategories = new Map<string, Subcategory>();
  readonly licenses = new Map<string, License>();
  readonly models = new Map<string, KnownModel>();

  constructor(readonly knowledge: KnowledgeBase) {
    for (const family of knowledge.families) this.families.set(family.id, family);
    for (const posture of knowledge.postures) this.postures.set(posture.id, posture);
    for (const subcategory of knowledge.subcategories) this.subcategories.set(subcategory.id, subcategory);
    for (const license of knowledge.licenses) this.licenses.set(license.id, license);
    for (const model of knowledge.models) this.models.set(model.id, model);
  }

  /** A model's display name; the id itself when the knowledge base has no such model. */
  modelName(id: string): string {
    return this.models.get(id)?.name ?? id;
  }

  familyName(id: string): string {
    return this.families.get(id)?.name ?? id;
  }

  postureName(id: string): string {
    return this.postures.get(id)?.name ?? id;
  }
}
