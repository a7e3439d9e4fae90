/**
 * The landscape: where models sit on the field's map (architecture family × license posture),
 * with their sub-categories, labs, lineage and license conflicts. Pure data, computed by the
 * service from the knowledge base's known models and a set of cards (landscape.ts), drawn by one
 * renderer (render/) for the VS Code view and for `modelcard-lint landscape`.
 */

export interface LandscapeAxis {
  readonly id: string;
  readonly name: string;
}

export interface LandscapeSubcategory extends LandscapeAxis {
  /** One or two letters marking a chip (T for translation-duplex...). */
  readonly mark: string;
}

/** Where a placement came from: the card's own words, the suggester, the known model, the licenses, or nowhere. */
export type PlacementSource = 'declared' | 'suggested' | 'known' | 'licenses' | 'none';

/** The row of models whose family is known but whose posture nothing states. */
export const UNSTATED_POSTURE = 'unstated';

export interface LandscapeConflict {
  readonly code: string;
  readonly severity: 'error' | 'warning' | 'information' | 'hint';
  readonly message: string;
}

/** Where a workspace card is, and where its `sts` block starts (an offset into its text). */
export interface CardLocation {
  readonly uri: string;
  /** The path as the user knows it (relative to the workspace or the current directory), for labels. */
  readonly label: string;
  readonly stsOffset?: number;
}

export interface LandscapeModel {
  /** A known model's id, or `card:<uri>` for a workspace card that is no known model. */
  readonly id: string;
  readonly name: string;
  readonly lab?: string;
  /** Set when the model comes from a workspace card (a known model described by a card carries both). */
  readonly card?: CardLocation;
  /** The known model this is, when it is one. */
  readonly knownId?: string;
  readonly family: string;
  readonly familyFrom: PlacementSource;
  /** For a suggested family: the suggester's confidence and the words that decided it. */
  readonly familyConfidence?: number;
  readonly familyEvidence?: readonly string[];
  readonly posture: string;
  readonly postureFrom: PlacementSource;
  readonly subcategories: readonly string[];
  readonly weightsLicense?: string;
  readonly codeLicense?: string;
  readonly released?: string;
  /** What the rules find wrong with the card's licensing (workspace cards only). */
  readonly conflicts: readonly LandscapeConflict[];
}

export interface LineageEdge {
  /** The derivative (or one sibling)... */
  readonly from: string;
  /** ...and its base (or the other sibling): model ids of this landscape. */
  readonly to: string;
  readonly kind: 'base-model' | 'sibling';
}

/** A model that has no column: its architecture family is unknown. */
export interface UnplacedModel {
  readonly id: string;
  readonly name: string;
  readonly card?: CardLocation;
  readonly knownId?: string;
  readonly family?: string;
  readonly posture?: string;
  /** Why it has no cell, in a sentence. */
  readonly reason: string;
}

export interface Landscape {
  readonly version: 1;
  /** Columns, in the knowledge base's order (near-STS last). */
  readonly families: readonly LandscapeAxis[];
  /** Rows: the postures, then `unstated` when a placed model has none. */
  readonly postures: readonly LandscapeAxis[];
  readonly subcategories: readonly LandscapeSubcategory[];
  readonly models: readonly LandscapeModel[];
  readonly lineage: readonly LineageEdge[];
  readonly unplaced: readonly UnplacedModel[];
}
