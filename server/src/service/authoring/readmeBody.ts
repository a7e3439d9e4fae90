/**
 * The Markdown body of a new README card: the sections of the Hugging Face model-card template
 * (Model Details, Uses, Bias, Risks and Limitations, Training Details, Evaluation, Citation) and
 * those an STS card needs (Architecture, Latency, Voice and consent, License). Guidance is written
 * as tab stops to type over. The body is prose the family and sub-category suggesters read, so
 * the guidance names no architectural concept beyond the chosen family's own words.
 */
import type { Family, KnownModel } from '../../knowledge/schema';
import type { ResolvedChoices } from './choices';
import { modelNameFinder, sourceOf, termLines } from './licenseTerms';
import type { SnippetBuilder } from './snippet';
import type { YamlStops } from './yamlPart';

/** The prefilled architecture paragraph: names the family in its own words, then asks for the real one. */
export function architectureDefault(family: Family | undefined): string {
  return family
    ? `This model belongs to the ${family.name} family of speech-to-speech models. Replace this paragraph with your own account of how it takes speech in and gives speech out: the checker reads it to confirm the family.`
    : 'Say in one paragraph how the model takes speech in and gives speech out: from it the checker suggests the family for sts.family.';
}

function latencyDefault(family: Family | undefined): string {
  const kinds = 'Give each figure in sts.latency with its kind: theoretical (what the design allows), model-only (inference alone) or end-to-end (what a user waits, from the end of their speech to the first sound back), and say on what hardware it was measured.';
  return family ? `${kinds} In the ${family.name} family: ${family.latency_meaning}` : kinds;
}

function heading(b: SnippetBuilder, title: string): void {
  b.literal(`\n## ${title}\n\n`);
}

function paragraph(b: SnippetBuilder, guidance: string): void {
  b.placeholder(guidance);
  b.literal('\n');
}

function modelDetails(b: SnippetBuilder, card: ResolvedChoices, stops: YamlStops): void {
  heading(b, 'Model Details');
  b.literal('- **Developed by:** ');
  if (stops.organization !== undefined && stops.organizationPlain) b.mirror(stops.organization);
  else b.placeholder(card.organization ?? 'the lab or people who made it');
  b.literal(`\n- **Model type:** speech-to-speech${card.family ? `, ${card.family.name} family (\`${card.family.id}\`)` : ''}\n`);
  if (card.subcategories.length > 0) b.literal(`- **Sub-categories:** ${card.subcategories.map(s => `${s.name} (\`${s.id}\`)`).join(', ')}\n`);
  const base = card.base;
  if (base) {
    const link = base.value.includes('/') ? `[${base.value}](https://huggingface.co/${base.value})` : `\`${base.value}\``;
    b.literal(`- **Base model:** ${link}${base.model ? ` (${base.model.name}, ${base.model.lab})` : ''}\n`);
  }
  b.literal(`- **License:** ${card.license ? `${card.license.name} (\`${card.license.id}\`)` : `\`${card.licenseId}\``}, see [License](#license)\n`);
  b.literal('- **Sources:** ');
  paragraph(b, 'links to the code, the paper and a demo');
}

function licenseSection(b: SnippetBuilder, card: ResolvedChoices, models: readonly KnownModel[]): void {
  heading(b, 'License');
  const license = card.license;
  if (!license) {
    b.literal(card.licenseId === 'unknown'
      ? 'The license is not confirmed yet (`license: unknown`). '
      : 'The weights are released under the license named in `license_name` and linked in `license_link`. ');
    paragraph(b, card.licenseId === 'unknown' ? 'Say where and when the terms will be published.' : 'Say what it allows: commercial use, credit, derivatives.');
  } else {
    const hubNote = license.hub ? '' : ', named on the Hub as `license: other` with `license_name`';
    b.literal(`The weights are released under **${license.name}** (\`${license.id}\`)${hubNote}.\n\n`);
    b.literal(`${termLines(license, modelNameFinder(models)).join('\n')}\n\n`);
    b.literal(`Source of these facts: ${sourceOf(license)}. This summary is not legal advice: the license text governs.\n`);
  }
  const base = card.base;
  if (base?.model && base.license?.id === 'unknown') {
    b.literal(`\nThe license of the base model, ${base.model.name}, is not confirmed either: its terms bind this model too once they are known.\n`);
  } else if (base?.model && base.license) {
    // Worded without lineage cues ("derivative of", "based on"): the family suggester would read
    // them as evidence for the base model's family, whatever family the user chose.
    b.literal(`\nThe base model, ${base.model.name}, is under ${base.license.name}`);
    b.literal(base.license.id === license?.id ? ', the license kept here' : ` (source: ${sourceOf(base.license)})`);
    b.literal(`: its conditions bind this model too${card.attribution ? ', and sts.licensing.attribution gives the credit it asks for' : ''}.\n`);
  }
}

function citation(b: SnippetBuilder, card: ResolvedChoices, stops: YamlStops): void {
  heading(b, 'Citation');
  b.literal('```bibtex\n@misc{');
  b.placeholder(card.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'model');
  b.literal(',\n  title  = {');
  if (stops.namePlain) b.mirror(stops.name);
  else b.placeholder(card.name);
  b.literal('},\n  author = {');
  b.placeholder('the authors');
  b.literal('},\n  year   = {');
  b.placeholder('the year');
  b.literal('}\n}\n```\n');
}

export function writeReadmeBody(b: SnippetBuilder, card: ResolvedChoices, stops: YamlStops, models: readonly KnownModel[]): void {
  b.literal('\n# ');
  if (stops.namePlain) b.mirror(stops.name);
  else b.placeholder(card.name);
  b.literal('\n\n');
  paragraph(b, 'A short summary: what the model does, for whom, and in which languages it listens and speaks.');
  modelDetails(b, card, stops);
  heading(b, 'Architecture');
  paragraph(b, architectureDefault(card.family));
  heading(b, 'Uses');
  paragraph(b, 'What the model is for (the conversations, languages and settings it was built and tested for), and the uses it is not fit for.');
  heading(b, 'Bias, Risks and Limitations');
  paragraph(b, 'Where it does worse (accents, languages, noisy rooms, people talking over each other), the risks of a system that answers in a human-sounding voice (impersonation, listeners not told they hear a machine), and what users should do about them.');
  heading(b, 'Training Details');
  paragraph(b, 'The data (hours, languages, sources, and whether each speaker was recorded on a track of their own) and the procedure (stages, objectives, hardware, time).');
  heading(b, 'Evaluation');
  paragraph(b, 'What was measured, on which data, with which benchmark and version, and the results.');
  heading(b, 'Latency');
  paragraph(b, latencyDefault(card.family));
  if (card.subcategories.some(s => s.id === 'voice-cloning')) {
    heading(b, 'Voice and consent');
    paragraph(b, 'Whose voices the model was trained on and can clone, whether each of those speakers agreed and how, how a user\'s own voice sample is handled and kept, and how to report misuse of voice cloning. Keep sts.consent in step with this section.');
  }
  licenseSection(b, card, models);
  citation(b, card, stops);
}
