/** Suggests a card's STS family and sub-categories from its prose (see familySuggester.ts). */
export { createFamilySuggester } from './familySuggester';
export type { FamilySuggester, FamilySuggestion, ProseReading, ReadOptions, SuggesterOptions } from './familySuggester';
export { createSubcategorySuggester, SUBCATEGORY_MIN_CONFIDENCE } from './subcategorySuggester';
export type { SubcategorySuggester, SubcategorySuggestion } from './subcategorySuggester';
export { isNegated, isSetAside } from './negation';
export { NEGATION_GRAMMAR } from './negationGrammar';
export { compilePhrases, compilePhraseSets, phraseKey } from './phrases';
