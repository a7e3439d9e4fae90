/**
 * A small repository of cards for the workspace-diagnostics tests (pushed and pulled): a
 * configuration that ignores `drafts/`, cards with and without problems, a plain README.
 */
export const WORKSPACE_FILES: Readonly<Record<string, string | null>> = {
  '.git': null,
  'modelcards.config.yaml': 'ignore: [drafts/]\n',
  'a.modelcard.yaml': 'license: Apache-2.0\nsts:\n  name: A\n  family: codec-free\n',
  'team/b/README.md': '---\nlicense: mit\n---\n# B\n',
  'good.modelcard.yaml': 'license: mit\nsts:\n  name: Good\n  family: near-sts\n  licensing: { posture: permissive, code: mit }\n',
  'docs/README.md': '# Docs\n\nNot a card.\n',
  'drafts/c.modelcard.yaml': 'license: bogus\n',
};
