/**
 * Lineage across the workspace's cards: go to definition from a `base_model` value to the cards
 * that describe that model, and find references from a card to the cards built on it. Open cards
 * count as typed; the others as the workspace scan last read them.
 */
import { matchesBaseModel } from '../service';
import type { ServerContext } from '../serverContext';
import { LocatedLineage, locateLineage } from '../workspaceCards';

export function registerLineage(context: ServerContext): void {
  const { connection, documents, workspace } = context;

  const lineageOf = (uri: string): LocatedLineage | undefined => {
    const card = context.cardDocument(uri);
    return card && locateLineage(card.setup.service, card.document, card.setup.settings);
  };

  /** The lineage of every card the server knows: the open ones as typed, the rest as last read from disk. */
  function allCards(): { uri: string; lineage: LocatedLineage }[] {
    const open = new Map<string, LocatedLineage>();
    for (const document of documents.all()) {
      const lineage = lineageOf(document.uri);
      if (lineage) open.set(document.uri, lineage);
    }
    return workspace ? workspace.lineages(open) : [...open].map(([uri, lineage]) => ({ uri, lineage }));
  }

  connection.onDefinition(params => {
    const document = documents.get(params.textDocument.uri);
    const lineage = lineageOf(params.textDocument.uri);
    if (!document || !lineage) return null;
    const offset = document.offsetAt(params.position);
    const reference = lineage.baseModels.find(ref => offset >= document.offsetAt(ref.range.start) && offset <= document.offsetAt(ref.range.end));
    if (!reference) return null;
    return allCards()
      .filter(other => other.uri !== params.textDocument.uri && matchesBaseModel(reference.value, other.lineage.identity))
      .map(other => ({
        originSelectionRange: reference.range,
        targetUri: other.uri,
        // The card from its top to its name, the name selected.
        targetRange: { start: { line: 0, character: 0 }, end: other.lineage.definition.end },
        targetSelectionRange: other.lineage.definition,
      }));
  });

  connection.onReferences(params => {
    const lineage = lineageOf(params.textDocument.uri);
    if (!lineage) return null;
    const derivatives = allCards().flatMap(other => other.uri === params.textDocument.uri ? [] : other.lineage.baseModels
      .filter(reference => matchesBaseModel(reference.value, lineage.identity))
      .map(reference => ({ uri: other.uri, range: reference.range })));
    return params.context.includeDeclaration ? [{ uri: params.textDocument.uri, range: lineage.definition }, ...derivatives] : derivatives;
  });
}
