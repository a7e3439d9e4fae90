/**
 * Computes the landscape from the knowledge base's known models and the summaries of a set of
 * cards: each model's cell (family × posture), where the placement came from, lineage edges
 * (`base_model` and known-model relations, siblings) and what cannot be placed. A card that
 * describes a known model (by `sts.name` or its title) takes that model's place on the map.
 */
import type { KnownModel } from '../../knowledge/schema';
import { KnowledgeIndex, normalizeName } from '../knowledgeIndex';
import type { CardSummary } from './cardSummary';
import { CardLocation, Landscape, LandscapeModel, LandscapeSubcategory, LineageEdge, UNSTATED_POSTURE, UnplacedModel } from './types';

export interface LandscapeCard {
  readonly summary: CardSummary;
  /** How the card is named for people: a path relative to the workspace or the current directory. */
  readonly label: string;
}

export interface LandscapeOptions {
  /** Whether the knowledge base's known models are on the map beside the cards (default true). */
  readonly knownModels?: boolean;
}

export function buildLandscape(index: KnowledgeIndex, cards: readonly LandscapeCard[], options: LandscapeOptions = {}): Landscape {
  const knowledge = index.knowledge;
  const models: LandscapeModel[] = [];
  const unplaced: UnplacedModel[] = [];
  const describedBy = new Map<string, LandscapeCard>();
  for (const card of cards) if (card.summary.knownId && !describedBy.has(card.summary.knownId)) describedBy.set(card.summary.knownId, card);

  const place = (model: Omit<LandscapeModel, 'family' | 'familyFrom' | 'posture' | 'postureFrom'> & Partial<LandscapeModel>) => {
    if (model.family && model.familyFrom) {
      models.push(definedOnly({ ...model, family: model.family, familyFrom: model.familyFrom, posture: model.posture ?? UNSTATED_POSTURE, postureFrom: model.postureFrom ?? 'none' }));
      return;
    }
    unplaced.push(definedOnly({
      id: model.id, name: model.name, card: model.card, knownId: model.knownId, posture: model.posture,
      reason: model.card
        ? 'No architecture family: the card does not state one, and nothing in it (its text, its base model) points to one.'
        : 'No architecture family: the sources do not disclose the architecture.',
    }));
  };

  const includeKnown = options.knownModels !== false;
  for (const known of knowledge.models) {
    const card = describedBy.get(known.id);
    if (card) place(fromCard(card, known, index));
    else if (includeKnown) place(fromKnown(known, index));
  }
  for (const card of cards) {
    if (card.summary.knownId && describedBy.get(card.summary.knownId) === card) continue;
    place(fromCard(card, undefined, index));
  }

  return {
    version: 1,
    families: knowledge.families.map(family => ({ id: family.id, name: family.name })),
    postures: [
      ...knowledge.postures.map(posture => ({ id: posture.id, name: posture.name })),
      ...(models.some(model => model.posture === UNSTATED_POSTURE) ? [{ id: UNSTATED_POSTURE, name: 'Posture not stated' }] : []),
    ],
    subcategories: subcategoryMarks(knowledge.subcategories),
    models: sortModels(models, knowledge.families.map(f => f.id), [...knowledge.postures.map(p => p.id), UNSTATED_POSTURE]),
    lineage: lineageOf(index, models, cards),
    unplaced,
  };
}

function fromKnown(known: KnownModel, index: KnowledgeIndex): Partial<LandscapeModel> & Pick<LandscapeModel, 'id' | 'name' | 'subcategories' | 'conflicts'> {
  // Where the sources name no posture, the weights license says what a buyer may do.
  const implied = known.posture ? undefined : postureOfLicense(index, known.weights_license);
  return {
    id: known.id,
    name: known.name,
    lab: known.lab,
    knownId: known.id,
    family: known.family ?? undefined,
    familyFrom: known.family ? 'known' : undefined,
    posture: known.posture ?? implied,
    postureFrom: known.posture ? 'known' : implied ? 'licenses' : undefined,
    subcategories: known.subcategories,
    weightsLicense: known.weights_license ?? undefined,
    codeLicense: known.code_license ?? undefined,
    released: known.released,
    conflicts: [],
  };
}

/** A card's model: what the card says, and for a known model what the knowledge base says where the card is silent. */
function fromCard({ summary, label }: LandscapeCard, known: KnownModel | undefined, index: KnowledgeIndex): Partial<LandscapeModel> & Pick<LandscapeModel, 'id' | 'name' | 'subcategories' | 'conflicts'> {
  const base = known ? fromKnown(known, index) : undefined;
  const location: CardLocation = { uri: summary.uri, label, stsOffset: summary.stsOffset };
  return {
    ...base,
    id: known?.id ?? `card:${summary.uri}`,
    name: summary.name ?? base?.name ?? label,
    lab: summary.lab ?? base?.lab,
    card: location,
    knownId: known?.id,
    family: summary.family?.id ?? base?.family,
    familyFrom: summary.family?.from ?? base?.familyFrom,
    familyConfidence: summary.family?.confidence,
    familyEvidence: summary.family?.evidence,
    posture: summary.posture?.id ?? base?.posture,
    postureFrom: summary.posture?.from ?? base?.postureFrom,
    subcategories: summary.subcategories.length > 0 ? summary.subcategories : base?.subcategories ?? [],
    weightsLicense: summary.weightsLicense ?? base?.weightsLicense,
    codeLicense: summary.codeLicense ?? base?.codeLicense,
    released: summary.released ?? base?.released,
    conflicts: summary.conflicts,
  };
}

/** The object without its undefined properties: the landscape is data that travels as JSON, and reads the same on both sides. */
function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** The posture a weights license implies: permissive when it allows commercial use, non-commercial when it forbids it. */
export function postureOfLicense(index: KnowledgeIndex, licenseId: string | null | undefined): string | undefined {
  const license = licenseId ? index.licenseById.get(licenseId) : undefined;
  return license?.commercial_use === 'yes' ? 'permissive' : license?.commercial_use === 'no' ? 'non-commercial' : undefined;
}

/** One letter per sub-category from its name, two where the first letters clash. */
function subcategoryMarks(subcategories: readonly { id: string; name: string }[]): LandscapeSubcategory[] {
  const used = new Set<string>();
  return subcategories.map(({ id, name }) => {
    const letters = name.replace(/[^A-Za-z]/g, '');
    let mark = letters.slice(0, 1).toUpperCase();
    for (let i = 1; used.has(mark) && i < letters.length; i++) mark = letters[0]!.toUpperCase() + letters[i]!.toLowerCase();
    used.add(mark);
    return { id, name, mark };
  });
}

function sortModels(models: LandscapeModel[], families: readonly string[], postures: readonly string[]): LandscapeModel[] {
  return [...models].sort((a, b) => families.indexOf(a.family) - families.indexOf(b.family)
    || postures.indexOf(a.posture) - postures.indexOf(b.posture)
    || (a.released ?? '9999').localeCompare(b.released ?? '9999')
    || a.name.localeCompare(b.name));
}

/** Base-model and sibling edges between models on the map (an edge to a model with no cell is left out). */
function lineageOf(index: KnowledgeIndex, models: readonly LandscapeModel[], cards: readonly LandscapeCard[]): LineageEdge[] {
  const placed = new Set(models.map(model => model.id));
  const byName = new Map<string, string>();
  for (const model of models) if (model.card && !model.knownId) byName.set(normalizeName(model.name), model.id);
  /** A model id on the map for a `base_model` value or a sibling name: a known model, else a card by name. */
  const resolve = (value: string): string | undefined => {
    const known = index.modelNamed(value);
    if (known && placed.has(known.id)) return known.id;
    const bare = value.includes('/') ? value.slice(value.lastIndexOf('/') + 1) : value;
    return byName.get(normalizeName(bare));
  };
  const edges = new Map<string, LineageEdge>();
  const add = (from: string | undefined, to: string | undefined, kind: LineageEdge['kind']) => {
    if (!from || !to || from === to || !placed.has(from) || !placed.has(to)) return;
    // A sibling pair is one edge whichever side names the other.
    const key = kind === 'sibling' ? `sibling:${[from, to].sort().join('|')}` : `base:${from}|${to}`;
    if (!edges.has(key)) edges.set(key, { from, to, kind });
  };
  for (const model of index.knowledge.models) {
    if (model.base_model) add(model.id, resolve(model.base_model), 'base-model');
    for (const sibling of model.siblings) add(model.id, resolve(sibling.model), 'sibling');
  }
  for (const { summary } of cards) {
    const id = summary.knownId && placed.has(summary.knownId) ? summary.knownId : `card:${summary.uri}`;
    for (const base of summary.baseModels) add(id, resolve(base), 'base-model');
    for (const sibling of summary.siblings) add(id, resolve(sibling), 'sibling');
  }
  return [...edges.values()];
}
