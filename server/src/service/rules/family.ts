/**
 * The architecture family: declared or not, and whether the declaration agrees with the card's
 * own prose and with the known model the card is for. Also suggests sub-categories the prose
 * describes but the card does not declare.
 */
import type { KnownModel } from '../../knowledge/schema';
import { closestMatch } from '../closest';
import { evidenceText } from '../evidenceText';
import type { Finding } from '../findings';
import { asText, Rule, RuleContext } from './context';
import { evidenceData, evidenceRelated, fromKnownModel, type LocatedEvidence } from './familyEvidence';

/** Prose must point this clearly to another family before a declared family is questioned. */
const MISMATCH_MIN_CONFIDENCE = 0.75;

const FAMILY = ['sts', 'family'] as const;

function describeSuggestion(context: RuleContext, family: string): string {
  return context.index.knowledge.families.find(f => f.id === family)?.name ?? family;
}

/** The known model this card describes, by `sts.name` (a name, alias or Hub id). */
function knownModelOfCard(context: RuleContext): KnownModel | undefined {
  const name = asText(context.get(['sts', 'name']));
  return name ? context.index.modelNamed(name) : undefined;
}

export const familyMissing: Rule = context => {
  const sts = context.get(['sts']);
  if (!sts || typeof sts !== 'object' || context.get([...FAMILY]) !== undefined) return [];
  // A misspelt `famly:` already gets schema.unknown-key suggesting 'family'; one report is enough.
  if (Object.keys(sts).some(key => key !== 'family' && closestMatch(key, ['family']) === 'family')) return [];
  const known = knownModelOfCard(context);
  const base = known?.family ? undefined : context.baseModelSuggestion();
  const suggestion = fromKnownModel(known) ?? base ?? context.familySuggestion();
  const source = known?.family ? `${known.name} is` : base ? `Its base model ${base.located[0].text} is` : 'The text describes';
  const hint = suggestion
    ? ` ${source} ${describeSuggestion(context, suggestion.family)}: 'family: ${suggestion.family}'.`
    : ' Choose one of dual-stream-codec, interleaved-flatten, cascade-predictor, codec-free or near-sts.';
  return [{
    code: 'family.missing',
    ...context.keySpan(['sts']),
    message: `Missing sts.family: the card does not say which architecture family the model belongs to.${hint}`,
    data: { suggestion: evidenceData(suggestion) },
    related: evidenceRelated(suggestion),
  }];
};

/**
 * What the prose points to apart from the model `base_model` names: `base_model` suggests a family
 * when none is declared but never overrules a declared one (a derivative may rework its base), and
 * prose that names the same base ("- **Base model:** kyutai/moshiko-pytorch-bf16", "We fine-tune
 * Moshi") does not make it do so. The rest of the prose still can.
 */
function textSuggestionBeyondBase(context: RuleContext): LocatedEvidence | null {
  const suggestion = context.familySuggestion();
  const base = context.baseModelSuggestion()?.located[0]?.reason.replace(/^lineage:/, '');
  const namesBase = base !== undefined && suggestion?.located.some(at => at.reason === `lineage:${base}` || at.reason === `presents:${base}`);
  return namesBase ? context.familySuggestionSettingAside([base]) : suggestion;
}

export const familyMismatch: Rule = context => {
  const declared = context.get([...FAMILY]);
  if (typeof declared !== 'string') return [];
  const known = knownModelOfCard(context);
  if (known?.family && known.family !== declared) {
    return [{
      code: 'family.mismatch',
      ...context.valueSpan([...FAMILY]),
      message: `This card is for ${known.name}, which the knowledge base places in ${describeSuggestion(context, known.family)} (source: ${known.source.name}), but sts.family says ${declared}.`,
      data: { declared, suggestion: fromKnownModel(known), basis: 'known-model' },
    }];
  }
  const suggestion = textSuggestionBeyondBase(context);
  if (!known?.family && suggestion && suggestion.family !== declared && suggestion.confidence >= MISMATCH_MIN_CONFIDENCE) {
    return [{
      code: 'family.mismatch',
      ...context.valueSpan([...FAMILY]),
      message: `sts.family says ${declared}, but the card's text describes ${describeSuggestion(context, suggestion.family)} (${suggestion.evidence.slice(0, 4).map(e => `"${evidenceText(e)}"`).join(', ')}).`,
      data: { declared, suggestion: evidenceData(suggestion), basis: 'text' },
      related: evidenceRelated(suggestion),
    }];
  }
  return [];
};

export const subcategoriesSuggested: Rule = context => {
  if (!context.get(['sts'])) return [];
  const declared = context.get(['sts', 'subcategories']);
  const listed = new Set(Array.isArray(declared) ? declared : []);
  return context.subcategorySuggestions()
    .filter(suggestion => !listed.has(suggestion.subcategory))
    .map((suggestion): Finding => ({
      code: 'subcategory.suggested',
      ...(declared !== undefined ? context.keySpan(['sts', 'subcategories']) : context.keySpan(['sts'])),
      message: `The card's text describes ${suggestion.subcategory} (${suggestion.evidence.slice(0, 3).map(e => `"${evidenceText(e)}"`).join(', ')}): add it to sts.subcategories if the model is built for it.`,
      data: { subcategory: suggestion.subcategory, confidence: suggestion.confidence, evidence: suggestion.evidence },
      related: suggestion.spans.slice(0, 8).map((span, k) => ({ ...context.proseSpan(span), message: `Evidence for ${suggestion.subcategory}: "${evidenceText(suggestion.evidence[k])}".` })),
    }));
};
