/**
 * Evidence as a message quotes it: the words of the card without the Markdown around them
 * ("- **Base model:** [kyutai/moshiko-pytorch-bf16](https://…)" reads "Base model: kyutai/…").
 * Ranges and `data.evidence` keep the text exactly as written; only what a person reads changes.
 */
export function evidenceText(written: string): string {
  return written
    .replace(/\]\([^)\s]*\)?/g, '') // a link's target, whole or cut off by the evidence's end
    .replace(/[*`[\]]|__/g, '')
    // Soft hyphens and zero-width characters of pasted text, which a terminal may show.
    .replace(/[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
