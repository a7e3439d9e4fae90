import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { codes, diagnose, rangeOf, ROOT, withCode } from '../helpers';

type Suggestion = { family: string; confidence: number; evidence: string[] } | null;
const suggestionOf = (diagnostic: { data?: unknown }) => (diagnostic.data as { suggestion: Suggestion }).suggestion;

describe('family.missing', () => {
  test('suggests the family the architecture text describes, on the sts key', () => {
    const text = 'license: mit\nsts:\n  architecture: Two parallel streams over the Mimi codec with an inner monologue.\n';
    const [diagnostic] = withCode(diagnose(text), 'family.missing');
    assert.equal(diagnostic.severity, 2);
    assert.deepEqual(diagnostic.range, rangeOf(text, 'sts'));
    const suggestion = suggestionOf(diagnostic)!;
    assert.equal(suggestion.family, 'dual-stream-codec');
    assert.ok(suggestion.confidence > 0 && suggestion.confidence <= 1);
    assert.ok(suggestion.evidence.length > 0);
  });

  test('the evidence is pointed at as related information, in a folded architecture block too', () => {
    const text = 'license: mit\nsts:\n  architecture: >\n    A spoken dialogue model in which text and\n    audio tokens share a single modeling stream.\n';
    const [diagnostic] = withCode(diagnose(text), 'family.missing');
    assert.deepEqual(suggestionOf(diagnostic), {
      family: 'interleaved-flatten', confidence: suggestionOf(diagnostic)!.confidence,
      evidence: ['text and audio tokens share a single modeling stream'],
    });
    assert.equal(diagnostic.relatedInformation?.length, 1);
    const related = diagnostic.relatedInformation![0];
    assert.deepEqual(related.location.range, { start: rangeOf(text, 'text and').start, end: rangeOf(text, 'single modeling stream').end });
    assert.match(related.message, /^Evidence for interleaved-flatten: "text and audio tokens share a single modeling stream" \(concept shared-token-sequence\)\.$/);
  });

  test('the evidence stays where it is written while the user types above it, in it and in the body', () => {
    // Versions of one document, as typing makes them: the suggester's passages and the
    // architecture's alignment are remembered from one version to the next, never their offsets.
    const architecture = 'A spoken dialogue model in which text and\n    audio tokens share a single modeling stream.';
    const versions = [
      `license: mit\nsts:\n  architecture: >\n    ${architecture}\n`,
      `# a comment typed above\nlicense: mit\nsts:\n  architecture: >\n    ${architecture}\n`,
      `# a comment typed above\nlicense: mit\nsts:\n  name: Typed\n  architecture: >\n    ${architecture}\n`,
      `# a comment typed above\nlicense: mit\nsts:\n  name: Typed\n  architecture: >\n    Spoken. ${architecture}\n`,
      `license: mit\nsts:\n  architecture: >\n    ${architecture}\n`,
    ];
    for (const [k, text] of versions.entries()) {
      const [diagnostic] = withCode(diagnose(text), 'family.missing');
      assert.deepEqual(diagnostic.relatedInformation!.map(r => r.location.range),
        [{ start: rangeOf(text, 'text and').start, end: rangeOf(text, 'single modeling stream').end }], `version ${k}`);
    }
    const readme = (body: string) => `---\nlicense: mit\nsts:\n  name: New\n---\n# New\n\n${body}\n\nNew is a fine-tune of Moshi for customer calls.\n`;
    for (const body of ['Intro.', 'Intro. More', 'Intro. More words typed here.', 'Intro.']) {
      const text = readme(body);
      const [diagnostic] = withCode(diagnose(text, 'README.md'), 'family.missing');
      assert.deepEqual(diagnostic.relatedInformation!.map(r => r.location.range), [rangeOf(text, 'fine-tune of Moshi')], body);
    }
  });

  test('a Markdown body\'s evidence is located in the file', () => {
    const text = '---\nlicense: mit\nsts:\n  name: New\n---\n# New\n\nNew is a fine-tune of Moshi for customer calls.\n';
    const [diagnostic] = withCode(diagnose(text, 'README.md'), 'family.missing');
    assert.equal(suggestionOf(diagnostic)!.family, 'dual-stream-codec');
    assert.deepEqual(diagnostic.relatedInformation!.map(r => r.location.range), [rangeOf(text, 'fine-tune of Moshi')]);
  });

  test('a known base model gives its family, pointing at base_model', () => {
    const text = 'license: other\nbase_model: kyutai/moshiko-pytorch-bf16\nsts:\n  name: Something New\n';
    const [diagnostic] = withCode(diagnose(text), 'family.missing');
    assert.equal(suggestionOf(diagnostic)!.family, 'dual-stream-codec');
    assert.deepEqual(diagnostic.relatedInformation!.map(r => r.location.range), [rangeOf(text, 'kyutai/moshiko-pytorch-bf16')]);
  });

  test('a card with an sts block need not say it is a dialogue model; a README without one must', () => {
    const architecture = 'Text and speech tokens are interleaved in a single sequence.';
    const [inCard] = withCode(diagnose(`license: mit\nsts:\n  architecture: ${architecture}\n`), 'family.missing');
    assert.equal(suggestionOf(inCard)!.family, 'interleaved-flatten');
    const [readme] = withCode(diagnose(`---\nlicense: mit\n---\n${architecture}\n`, 'README.md'), 'sts.missing');
    assert.equal(suggestionOf(readme), null);
    const [dialogue] = withCode(diagnose(`---\nlicense: mit\n---\nA spoken dialogue model. ${architecture}\n`, 'README.md'), 'sts.missing');
    assert.equal(suggestionOf(dialogue)!.family, 'interleaved-flatten');
  });

  test('a known model by name gives its family', () => {
    const [diagnostic] = withCode(diagnose('license: apache-2.0\nsts:\n  name: Qwen2.5-Omni\n'), 'family.missing');
    assert.equal(suggestionOf(diagnostic)!.family, 'interleaved-flatten');
  });

  test('no evidence gives a null suggestion', () => {
    const [diagnostic] = withCode(diagnose('license: mit\nsts:\n  name: Something New\n'), 'family.missing');
    assert.equal(suggestionOf(diagnostic), null);
  });

  test('a declared family is not missing', () => {
    assert.deepEqual(withCode(diagnose('license: mit\nsts: { family: codec-free }\n'), 'family.missing'), []);
  });
});

describe('family.mismatch', () => {
  test('against the known model the card is for', () => {
    const text = 'license: cc-by-4.0\nsts:\n  name: Moshi\n  family: interleaved-flatten\n';
    const [diagnostic] = withCode(diagnose(text), 'family.mismatch');
    assert.deepEqual(diagnostic.range, rangeOf(text, 'interleaved-flatten'));
    assert.equal(suggestionOf(diagnostic)!.family, 'dual-stream-codec');
  });

  test('against strong evidence in the architecture text', () => {
    const text = 'license: mit\nsts:\n  family: cascade-predictor\n  architecture: Dual-stream model with an inner monologue over Mimi tokens, two parallel streams.\n';
    const [diagnostic] = withCode(diagnose(text), 'family.mismatch');
    assert.deepEqual(diagnostic.range, rangeOf(text, 'cascade-predictor'));
    assert.equal(suggestionOf(diagnostic)!.family, 'dual-stream-codec');
  });

  test('negated evidence is not held against the declared family', () => {
    const text = 'license: mit\nsts:\n  family: dual-stream-codec\n  architecture: Unlike cascaded ASR → LLM → TTS pipelines, two parallel streams over Mimi.\n';
    assert.deepEqual(withCode(diagnose(text), 'family.mismatch'), []);
  });

  test('prose naming the base model again does not overrule a declared family, as base_model does not; the rest of the prose still can', () => {
    const diagnoseBody = (body: string) =>
      diagnose(`---\nlicense: mit\nbase_model: kyutai/moshiko-pytorch-bf16\nsts:\n  family: codec-free\n---\n\n# Acme\n\n${body}\n`, 'README.md');
    // A derivative may rework its base: the base, said in front matter or in prose, only suggests.
    for (const body of ['- **Base model:** kyutai/moshiko-pytorch-bf16', 'We fine-tune Moshi on French calls.']) {
      const diagnostics = diagnoseBody(body);
      assert.deepEqual(codes(diagnostics), ['license.attribution-missing'], body);
    }
    // Another known model named as the base, or the architecture described, is still held against it.
    const other = withCode(diagnoseBody('We fine-tune GLM-4-Voice on French calls.'), 'family.mismatch');
    assert.equal(suggestionOf(other[0])!.family, 'interleaved-flatten');
    const described = withCode(diagnoseBody('We fine-tune Moshi. It models two parallel audio streams over the Mimi codec, with an inner monologue.'), 'family.mismatch');
    assert.equal(suggestionOf(described[0])!.family, 'dual-stream-codec');
  });

  test('text and known model that agree raise nothing', () => {
    assert.deepEqual(withCode(diagnose('license: cc-by-4.0\nsts:\n  name: Moshi\n  family: dual-stream-codec\n  architecture: inner monologue\n'), 'family.mismatch'), []);
  });
});

describe('sts.missing suggestion', () => {
  test('a real Moshi README without sts gets dual-stream-codec from its body', () => {
    const text = fs.readFileSync(path.join(ROOT, 'test/fixtures/real-cards/moshi_moshika-candle-q8.md'), 'utf8');
    const [diagnostic] = withCode(diagnose(text, 'README.md'), 'sts.missing');
    assert.equal(suggestionOf(diagnostic)?.family, 'dual-stream-codec');
  });

  test('a text LLM card gets no suggestion', () => {
    const text = fs.readFileSync(path.join(ROOT, 'test/fixtures/real-cards/other_mistral-7b-instruct-v0.3.md'), 'utf8');
    const [diagnostic] = withCode(diagnose(text, 'README.md'), 'sts.missing');
    assert.equal(suggestionOf(diagnostic), null);
  });
});

describe('subcategory.suggested', () => {
  test('simultaneous translation in the body suggests translation-duplex as information', () => {
    const text = '---\nlicense: cc-by-4.0\nsts:\n  family: dual-stream-codec\n---\nA model for simultaneous speech translation, streaming translation chunk by chunk.\n';
    const diagnostics = withCode(diagnose(text, 'README.md'), 'subcategory.suggested');
    assert.deepEqual(diagnostics.map(d => (d.data as { subcategory: string }).subcategory), ['translation-duplex']);
    assert.equal(diagnostics[0].severity, 3);
    assert.deepEqual(diagnostics[0].range, rangeOf(text, 'sts'));
  });

  test('a declared sub-category is not suggested again', () => {
    const text = '---\nlicense: cc-by-4.0\nsts:\n  family: dual-stream-codec\n  subcategories: [translation-duplex]\n---\nSimultaneous speech translation.\n';
    assert.deepEqual(codes(diagnose(text, 'README.md')), []);
  });
});
