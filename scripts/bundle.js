// Bundles the client, the server and the command line into dist/ with esbuild (minified, with
// source maps), and writes dist/knowledge.json, the validated knowledge base from schemas/
// (scripts/check-knowledge.js; needs `tsc -b` first), so every bundle has a matching one.
// The browser builds (the web extension) get the knowledge base compiled in, since a web worker
// has no file system, and path-browserify for `node:path`, which the configuration resolver uses.
const esbuild = require('esbuild');
const path = require('node:path');
const { checkKnowledge } = require('./check-knowledge');
const root = path.join(__dirname, '..');
const common = {
  bundle: true, platform: 'node', target: 'node20', format: 'cjs', minify: true, sourcemap: true,
  // Maps point at file names and lines for stack traces; the sources themselves stay out of the .vsix.
  sourcesContent: false,
  logLevel: 'warning', absWorkingDir: root,
};
const browser = {
  ...common, platform: 'browser', target: 'es2022',
  alias: { 'node:path': 'path-browserify', path: 'path-browserify' },
};
const knowledge = checkKnowledge();
const version = require(path.join(root, 'package.json')).version;
Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' }),
  esbuild.build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' }),
  esbuild.build({ ...browser, entryPoints: ['client/src/browserExtension.ts'], outfile: 'dist/browserClient.js', external: ['vscode'] }),
  // The landscape view's script, in the webview page (client/webview).
  esbuild.build({ ...browser, format: 'iife', entryPoints: ['client/webview/landscape.ts'], outfile: 'dist/landscapeWebview.js' }),
  esbuild.build({
    ...browser, format: 'iife', entryPoints: ['server/src/browserServer.ts'], outfile: 'dist/browserServer.js',
    define: { STS_KNOWLEDGE: JSON.stringify(knowledge), STS_VERSION: JSON.stringify(version) },
  }),
]).catch(() => process.exit(1));
