/** Shared test set-up: the real knowledge base from schemas/, and documents from plain text. */
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { loadKnowledgeBase } from '../server/src/knowledge/load';
import { createModelCardService, ServiceSettings } from '../server/src/service';

/** The repository root (this file runs as out/test/helpers.js). */
export const ROOT = path.resolve(__dirname, '../..');
export const knowledge = loadKnowledgeBase(path.join(ROOT, 'schemas'));
export const service = createModelCardService({ knowledge });

export function documentOf(text: string, name = 'card.modelcard.yaml'): TextDocument {
  return TextDocument.create(`file:///cards/${name}`, name.endsWith('.md') ? 'markdown' : 'yaml', 1, text);
}

export function diagnose(text: string, name?: string, settings?: ServiceSettings): Diagnostic[] {
  return service.validate(documentOf(text, name), settings);
}

export function codes(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map(diagnostic => String(diagnostic.code)).sort();
}

export function withCode(diagnostics: readonly Diagnostic[], code: string): Diagnostic[] {
  return diagnostics.filter(diagnostic => diagnostic.code === code);
}

/** The range of the `occurrence`-th (0-based) appearance of `needle` in `text`. */
export function rangeOf(text: string, needle: string, occurrence = 0): Range {
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) {
    offset = text.indexOf(needle, offset + 1);
    if (offset === -1) throw new Error(`'${needle}' (occurrence ${occurrence}) not in the test text`);
  }
  const document = documentOf(text);
  return { start: document.positionAt(offset), end: document.positionAt(offset + needle.length) };
}
