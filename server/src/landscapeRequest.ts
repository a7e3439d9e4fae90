/**
 * `modelCards/landscape`: the client (which can list the workspace's files, in the browser too)
 * sends the cards' URIs and texts; the server places them among the known models, each card
 * summarised by the service under the configuration that applies to it.
 */
export const LANDSCAPE_METHOD = 'modelCards/landscape';

export interface LandscapeParams {
  readonly cards: readonly { readonly uri: string; readonly text: string }[];
  /** Whether the knowledge base's known models are on the map (default true). */
  readonly knownModels?: boolean;
}
