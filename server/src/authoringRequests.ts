/**
 * The requests behind *STS Model Cards: New Model Card*: the choices the quick picks offer (from
 * the knowledge base of the project's configuration), the defaults a base model implies, and the
 * card itself as a snippet. The generator is the service's (service/authoring), as for
 * `modelcard-lint init`.
 */
import type { NewCardChoices } from './service/authoring/newCard';

export const NEW_CARD_OPTIONS_METHOD = 'modelCards/newCardOptions';
export const NEW_CARD_DEFAULTS_METHOD = 'modelCards/newCardDefaults';
export const NEW_CARD_METHOD = 'modelCards/newCard';

export interface NewCardOptions {
  readonly families: readonly { readonly id: string; readonly name: string; readonly summary: string }[];
  readonly licenses: readonly { readonly id: string; readonly name: string; readonly hub: boolean; readonly commercialUse: string }[];
  readonly models: readonly { readonly id: string; readonly name: string; readonly lab: string; readonly family?: string; readonly hubId?: string; readonly license?: string }[];
  readonly subcategories: readonly { readonly id: string; readonly name: string }[];
}

export interface NewCardDefaultsParams {
  readonly baseModel?: string;
}

export type NewCardParams = NewCardChoices;
