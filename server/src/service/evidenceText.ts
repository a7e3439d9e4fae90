/**
 * Evidence as a message quotes it: the words of the card without the Markdown around them
 * ("- **Base model:** [kyutai/moshiko-pytorch-bf16](https://…)" reads "Base model: kyutai/…").
 * Ranges and `data.evidence` keep the text exactly as written; only what a person reads changes.
 */
import { INVISIBLE } from './suggest/markup';

export function evidenceText(written: string): string {
  return written
    .replace(/\]\([^)\s]*\)?/g, '') // a link's target, whole or cut off by the evidence's end
    .replace(/[*`[\]]|__/g, '')
    // Soft hyphens and zero-width characters of pasted text, which a terminal may show.
    .replace(INVISIBLE, '')
    .replace(/\s+/g, ' ')
    .trim();
}
