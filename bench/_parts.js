const ROOT = '/work/main';
const { generateCard } = require(ROOT + '/bench/generate');
const { loadKnowledgeBase } = require(ROOT + '/out/server/src/knowledge/load.js');
const { compileConcepts } = require(ROOT + '/out/server/src/service/suggest/concepts');
const { compilePhraseSets } = require(ROOT + '/out/server/src/service/suggest/phrases');
const { subcategoryPhrases } = require(ROOT + '/out/server/src/service/suggest/subcategorySuggester');
const { compileLineage } = require(ROOT + '/out/server/src/service/suggest/lineage');
const kb = loadKnowledgeBase(ROOT + '/schemas');
const text = generateCard(20250601 + 300, 300).markdown;
const c = compileConcepts(kb.suggester.concepts);
const lin = compileLineage(kb);
const sets = {
  anchorsOnly: compilePhraseSets([{ entries: c.anchors, overlapping: true }]),
  namesOnly: compilePhraseSets([{ entries: lin.names }]),
  subsOnly: compilePhraseSets([{ entries: subcategoryPhrases(kb) }]),
  main: compilePhraseSets([{ entries: c.anchors, overlapping: true }, { entries: lin.names }, { entries: subcategoryPhrases(kb) }]),
  allTerms: compilePhraseSets([{ entries: c.terms, overlapping: true }]),
};
const time = (f, n = 3000) => { for (let i = 0; i < 300; i++) f(); const t = performance.now(); for (let i = 0; i < n; i++) f(); return ((performance.now() - t) / n * 1000).toFixed(1) + 'µs'; };
for (const [k, s] of Object.entries(sets)) console.log(k, time(() => s.scan(text)));
const anchors = sets.anchorsOnly.scan(text)[0];
console.log('read', time(() => c.read(text, anchors, (f, t) => sets.allTerms.scan(text, f, t)[0])));
const { compileKeyStartsWithFinder } = require(ROOT + '/out/server/src/service/suggest/keyStarts');
const { buildPhraseTable } = require(ROOT + '/out/server/src/service/suggest/phraseTable');
const { phraseKey } = require(ROOT + '/out/server/src/service/suggest/phrases');
for (const [name, entries] of [['allTerms', c.terms], ['names', lin.names], ['anchors', c.anchors]]) {
  const table = buildPhraseTable(entries.map(e => ({ key: phraseKey(e.phrase), label: e.label, weight: 1, prefix: e.prefix })));
  const { finder } = compileKeyStartsWithFinder([table], ['ht', 'ww']);
  let stops = 0;
  console.log('finder only', name, time(() => { finder.lastIndex = 0; stops = 0; while (finder.test(text)) stops++; }), 'stops', stops, 'source length', finder.source.length);
}
const words = text.match(/[A-Za-z0-9]+/g).length; console.log('words', words);
console.log('plain word regex', time(() => { const r = /[^A-Za-z0-9](?=[A-Za-z0-9])/g; let n = 0; while (r.test(text)) n++; }));
