/**
 * Words for the landscape shared by the renderers: axis names by id, where a placement came from,
 * a model's conflict level, and the full description a chip's tooltip (and the HTML list) gives.
 */
import type { Landscape, LandscapeModel, LandscapeSubcategory, PlacementSource } from '../service/landscape/types';

export interface Names {
  family(id: string): string;
  posture(id: string): string;
  subcategory(id: string): LandscapeSubcategory | undefined;
}

export function namesOf(landscape: Landscape): Names {
  const families = new Map(landscape.families.map(axis => [axis.id, axis.name]));
  const postures = new Map(landscape.postures.map(axis => [axis.id, axis.name]));
  const subcategories = new Map(landscape.subcategories.map(sub => [sub.id, sub]));
  return {
    family: id => families.get(id) ?? id,
    posture: id => postures.get(id) ?? id,
    subcategory: id => subcategories.get(id),
  };
}

const SOURCES: Record<PlacementSource, string> = {
  declared: 'declared in the card',
  suggested: "suggested from the card's text",
  known: 'from the knowledge base',
  licenses: 'implied by the weights license',
  none: 'not stated',
};

export function sourcePhrase(from: PlacementSource): string {
  return SOURCES[from];
}

/** The colour a chip takes: errors win over warnings; information and hints only show in the tooltip. */
export function conflictLevel(model: LandscapeModel): 'error' | 'warning' | undefined {
  if (model.conflicts.some(conflict => conflict.severity === 'error')) return 'error';
  if (model.conflicts.some(conflict => conflict.severity === 'warning')) return 'warning';
  return undefined;
}

/** The sub-category marks of a model, in the landscape's order of sub-categories. */
export function marksOf(model: LandscapeModel, landscape: Landscape): LandscapeSubcategory[] {
  return landscape.subcategories.filter(sub => model.subcategories.includes(sub.id));
}

export function familyLine(model: LandscapeModel, names: Names): string {
  let how = sourcePhrase(model.familyFrom);
  if (model.familyFrom === 'suggested') {
    const details = [
      model.familyConfidence !== undefined ? `confidence ${Math.round(model.familyConfidence * 100)}%` : undefined,
      model.familyEvidence && model.familyEvidence.length > 0 ? `evidence: ${model.familyEvidence.join(', ')}` : undefined,
    ].filter(Boolean);
    if (details.length > 0) how += `; ${details.join('; ')}`;
  }
  return `Family: ${names.family(model.family)} (${how})`;
}

export function licensesLine(model: LandscapeModel): string {
  const parts = [model.weightsLicense && `weights ${model.weightsLicense}`, model.codeLicense && `code ${model.codeLicense}`].filter(Boolean);
  return `Licenses: ${parts.length > 0 ? parts.join(', ') : 'not stated'}`;
}

/** Everything known about a model, one fact a line: the chip's tooltip. */
export function describeModel(model: LandscapeModel, names: Names): string[] {
  const lines = [model.name];
  if (model.card) lines.push(`Workspace card: ${model.card.label}`);
  lines.push(familyLine(model, names), `Posture: ${names.posture(model.posture)} (${sourcePhrase(model.postureFrom)})`, licensesLine(model));
  if (model.lab) lines.push(`Lab: ${model.lab}`);
  if (model.released) lines.push(`Released: ${model.released}`);
  if (model.subcategories.length > 0) {
    lines.push(`Sub-categories: ${model.subcategories.map(id => { const sub = names.subcategory(id); return sub ? `${sub.name} (${sub.mark})` : id; }).join(', ')}`);
  }
  if (model.conflicts.length > 0) {
    lines.push(`License conflicts (${model.conflicts.length}):`);
    for (const conflict of model.conflicts) lines.push(`• ${conflict.severity} ${conflict.code}: ${conflict.message}`);
  }
  return lines;
}
