// Bundles the client, the server and the command line into dist/ with esbuild (minified, with
// source maps), and writes dist/knowledge.json, the validated knowledge base from schemas/
// (scripts/check-knowledge.js; needs `tsc -b` first), so every bundle has a matching one.
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
checkKnowledge();
Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' }),
  esbuild.build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' }),
]).catch(() => process.exit(1));
