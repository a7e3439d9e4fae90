/**
 * New Model Card: what the client's pickers offer (from the knowledge base of the workspace's
 * configuration), the defaults a base model implies, and the card itself as a snippet.
 */
import {
  NEW_CARD_DEFAULTS_METHOD, NEW_CARD_METHOD, NEW_CARD_OPTIONS_METHOD, NewCardDefaultsParams, NewCardOptions, NewCardParams,
} from '../authoringRequests';
import { defaultsFor, newCard } from '../service/authoring/newCard';
import { ServerContext, workspacePath } from '../serverContext';

export function registerNewCard(context: ServerContext): void {
  const knowledge = () => context.project().forFile(workspacePath(context, 'modelcards.new')).knowledge.knowledge;
  context.connection.onRequest(NEW_CARD_OPTIONS_METHOD, (): NewCardOptions => {
    const kb = knowledge();
    return {
      // The first sentence of each definition: a picker's detail line.
      families: kb.families.map(f => ({ id: f.id, name: f.name, summary: f.definition.split(/(?<=\.)\s/)[0] ?? f.definition })),
      licenses: kb.licenses.map(l => ({ id: l.id, name: l.name, hub: l.hub, commercialUse: l.commercial_use })),
      models: kb.models.map(m => ({ id: m.id, name: m.name, lab: m.lab, family: m.family ?? undefined, hubId: m.hub_ids[0], license: m.weights_license ?? undefined })),
      subcategories: kb.subcategories.map(s => ({ id: s.id, name: s.name })),
    };
  });
  context.connection.onRequest(NEW_CARD_DEFAULTS_METHOD, (params: NewCardDefaultsParams) => defaultsFor(knowledge(), params?.baseModel));
  context.connection.onRequest(NEW_CARD_METHOD, (params: NewCardParams) => newCard(knowledge(), params));
}
