/**
 * Evidence as messages and hovers quote it: the card's words without the Markdown around them,
 * while ranges and data.evidence keep the text as written.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { evidenceText } from '../../server/src/service/evidenceText';
import { diagnose, withCode } from '../helpers';

describe('evidenceText', () => {
  test('drops emphasis, code marks, link brackets and targets (whole or cut off), and leaves the words', () => {
    for (const [written, quoted] of [
      ['Base model:** `kyutai/moshiko-pytorch-bf16', 'Base model: kyutai/moshiko-pytorch-bf16'],
      ['fine-tune\n[PersonaPlex', 'fine-tune PersonaPlex'],
      ['a port of [Moshi](https://github.com/kyutai-labs/moshi) to', 'a port of Moshi to'],
      ['version of [sesame/csm-1b](https://huggingface.co/ses', 'version of sesame/csm-1b'],
      ['__inner monologue__', 'inner monologue'],
      ['two par\u00adallel audio\u200b streams', 'two parallel audio streams'],
      // Plain words, single underscores and hyphens stay.
      ['text and audio tokens share a single modeling stream', 'text and audio tokens share a single modeling stream'],
      ['moshiko_pytorch fine-tuned', 'moshiko_pytorch fine-tuned'],
    ]) assert.equal(evidenceText(written), quoted, written);
  });

  test('a diagnostic quotes it clean and still points at the text as written', () => {
    const text = '---\nlicense: cc-by-4.0\nsts:\n  name: Acme\n---\n# Acme\n\n- **Base model:** [kyutai/moshiko-pytorch-bf16](https://huggingface.co/kyutai/moshiko-pytorch-bf16)\n';
    const [diagnostic] = withCode(diagnose(text, 'README.md'), 'family.missing');
    const data = diagnostic.data as { suggestion: { evidence: string[] } };
    assert.deepEqual(data.suggestion.evidence, ['Base model:** [kyutai/moshiko-pytorch-bf16']);
    assert.match(diagnostic.relatedInformation![0].message, /^Evidence for dual-stream-codec: "Base model: kyutai\/moshiko-pytorch-bf16" \(derived from the known model moshi\)\.$/);
  });
});
