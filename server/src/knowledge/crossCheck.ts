/**
 * What zod cannot see entry by entry: ids are unique and every reference between entries
 * resolves. Used on the built-in data (a problem fails the build, see load.ts) and on the data a
 * project's knowledge extensions merge in (a problem is a finding on the extension's entry).
 */
import type { KnowledgeBase } from './schema';

export interface CrossCheckProblem {
  /** The data file of the built-in knowledge base the entry belongs in. */
  readonly file: string;
  /** The entry at fault, as `model:<id>`, `license:<id>`, `concept:<id>` (knowledgeExtension's origin keys). */
  readonly entry?: string;
  /** The entry's field at fault (`['siblings', 0, 'model']`), when one is. */
  readonly field?: readonly (string | number)[];
  readonly message: string;
}

/** `models.yaml moshi.weights_license: unknown license 'x'`: how the build reports a problem. */
export function describeProblem(problem: CrossCheckProblem): string {
  const id = problem.entry?.slice(problem.entry.indexOf(':') + 1);
  // The build has always named a sibling's problem after its list alone: `moshi.siblings`.
  const field = problem.field?.[0];
  return `${problem.file}${id !== undefined ? ` ${id}${field ? `.${field}` : ''}` : ''}: ${problem.message}`;
}

export function crossCheck(kb: KnowledgeBase): CrossCheckProblem[] {
  const problems: CrossCheckProblem[] = [];
  const unique = (file: string, ids: readonly string[]) => {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) problems.push({ file, message: `duplicate id '${id}'` });
      seen.add(id);
    }
    return seen;
  };
  const licenseIds = unique('licenses.yaml', kb.licenses.map(l => l.id));
  const modelIds = unique('models.yaml', kb.models.map(m => m.id));
  unique('families.yaml', kb.families.map(f => f.id));
  const conceptIds = unique('concepts.yaml', kb.suggester.concepts.map(c => c.id));
  unique('postures.yaml', kb.postures.map(p => p.id));
  unique('subcategories.yaml', kb.subcategories.map(s => s.id));

  const refersToModels = (file: string, entry: string, field: string, ids: readonly string[]) => {
    for (const id of ids) if (!modelIds.has(id)) problems.push({ file, entry, field: [field], message: `unknown model '${id}'` });
  };
  for (const family of kb.families) refersToModels('families.yaml', `family:${family.id}`, 'examples', family.examples);
  for (const posture of kb.postures) refersToModels('postures.yaml', `posture:${posture.id}`, 'examples', posture.examples);
  for (const sub of kb.subcategories) refersToModels('subcategories.yaml', `subcategory:${sub.id}`, 'examples', sub.examples);
  // A fact and a concept each count under their name: the two must not meet.
  for (const concept of kb.suggester.concepts) {
    if (concept.fact && conceptIds.has(concept.fact)) {
      problems.push({ file: 'concepts.yaml', entry: `concept:${concept.id}`, field: ['fact'], message: `'${concept.fact}' is a concept's id: name the fact otherwise` });
    }
    // Yielding to a family it is evidence for would silence the concept exactly where it agrees.
    concept.yields_to.forEach((family, k) => {
      if (family in concept.evidence) {
        problems.push({ file: 'concepts.yaml', entry: `concept:${concept.id}`, field: ['yields_to', k], message: `'${family}' is a family this concept is evidence for: it cannot yield to it` });
      }
    });
  }
  for (const model of kb.models) {
    for (const key of ['weights_license', 'code_license'] as const) {
      const id = model[key];
      if (id !== null && !licenseIds.has(id)) problems.push({ file: 'models.yaml', entry: `model:${model.id}`, field: [key], message: `unknown license '${id}'` });
    }
    model.siblings.forEach((sibling, k) => {
      if (!modelIds.has(sibling.model)) problems.push({ file: 'models.yaml', entry: `model:${model.id}`, field: ['siblings', k, 'model'], message: `unknown model '${sibling.model}'` });
    });
  }
  return problems;
}
