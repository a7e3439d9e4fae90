/**
 * `modelCards/landscape`: the cards the client sends (open ones as typed), each summarised under
 * its configuration, placed among the known models of the workspace's knowledge base.
 */
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LANDSCAPE_METHOD, LandscapeParams } from '../landscapeRequest';
import type { LandscapeCard } from '../service';
import { ServerContext, workspacePath } from '../serverContext';

export function registerLandscape(context: ServerContext): void {
  context.connection.onRequest(LANDSCAPE_METHOD, async (params: LandscapeParams) => {
    const cards: LandscapeCard[] = [];
    for (const card of params.cards ?? []) {
      const absPath = context.host.pathOf(card.uri);
      if (absPath !== undefined && context.host.prepare) await context.host.prepare(absPath, context.project());
      // The editor's text of an open card, unsaved changes included.
      const document = context.documents.get(card.uri) ?? TextDocument.create(card.uri, /\.(md|markdown)$/i.test(card.uri) ? 'markdown' : 'yaml', 0, card.text);
      const setup = context.setupOf(document);
      if (!setup.isCard) continue;
      const summary = setup.service.summarize(document, setup.settings);
      if (summary) cards.push({ summary, label: labelOf(context, card.uri, absPath) });
    }
    return context.project().forFile(workspacePath(context, 'modelcards.landscape')).service.landscape(cards, { knownModels: params.knownModels !== false });
  });
}

/** A card as people name it: its path in the workspace folder that holds it. */
function labelOf(context: ServerContext, uri: string, absPath: string | undefined): string {
  const root = absPath === undefined ? undefined : context.roots().find(folder => !path.relative(folder, absPath).startsWith('..'));
  if (root !== undefined && absPath !== undefined) return path.relative(root, absPath).split(path.sep).join('/');
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}
