/**
 * A new model card from a few choices: the form (a Hub README with front matter, or a standalone
 * `*.modelcard.yaml`), the base model, the family, the license, the sub-categories and a name.
 * The card is written so that it raises no error under this linter's own rules: the license a
 * derivative must keep is kept, the posture follows the licenses, credit is given where the base
 * model's license asks for it, consent is stated for voice cloning, latency carries its kind.
 *
 * It comes twice: as a snippet whose tab stops are the parts to write (for an editor), and as the
 * plain text that snippet gives when every tab stop keeps its default (for the command line).
 * Pure: knowledge in, text out.
 */
import type { KnowledgeBase } from '../../knowledge/schema';
import { KnowledgeIndex } from '../knowledgeIndex';
import { baseDefaults, DefaultChoices, resolveChoices } from './choices';
import { architectureDefault, writeReadmeBody } from './readmeBody';
import { SnippetBuilder } from './snippet';
import { writeYaml } from './yamlPart';

export interface NewCardChoices {
  form: 'readme' | 'yaml';
  name: string;
  /** A known model (id, name, alias or Hub id), any Hub id, or nothing. */
  baseModel?: string;
  /** A family id; by default the base model's family. */
  family?: string;
  /** A license id or name; by default the base model's weights license, else `unknown`. */
  license?: string;
  subcategories?: string[];
  organization?: string;
}

export interface NewCard {
  /** The card as an LSP / VS Code snippet. */
  snippet: string;
  /** The card with every tab stop at its default. */
  text: string;
  /** `README.md`, or `<slug>.modelcard.yaml`. */
  fileName: string;
  /** Choices that could not be honoured, each with what was done instead. */
  problems: string[];
}

function indexOf(knowledge: KnowledgeIndex | KnowledgeBase): KnowledgeIndex {
  return knowledge instanceof KnowledgeIndex ? knowledge : new KnowledgeIndex(knowledge);
}

/** What the choices start from for a base model: its family, its license, and what a derivative inherits. */
export function defaultsFor(knowledge: KnowledgeIndex | KnowledgeBase, baseModel?: string): DefaultChoices {
  return baseDefaults(indexOf(knowledge), baseModel);
}

/** `my-model` for "My Model": the file name of a standalone card. */
export function slugOf(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9.]+/g, '-').replace(/^[-.]+|[-.]+$/g, '') || 'model';
}

export function newCard(knowledge: KnowledgeIndex | KnowledgeBase, choices: NewCardChoices): NewCard {
  const index = indexOf(knowledge);
  const card = resolveChoices(index, choices);
  const b = new SnippetBuilder();
  if (choices.form === 'yaml') {
    writeYaml(b, index, card, builder => { builder.placeholder(architectureDefault(card.family)); });
  } else {
    b.literal('---\n');
    const stops = writeYaml(b, index, card);
    b.literal('---\n');
    writeReadmeBody(b, card, stops, index.knowledge.models);
  }
  b.final();
  const { snippet, text } = b.build();
  return {
    snippet,
    text,
    fileName: choices.form === 'yaml' ? `${slugOf(card.name)}.modelcard.yaml` : 'README.md',
    problems: card.problems,
  };
}
