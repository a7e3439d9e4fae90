#!/usr/bin/env node
'use strict';
// The model-card language server for any LSP editor (Neovim, Helix, Emacs eglot, ...): the same
// server the VS Code extension starts. The transport is an argument, as vscode-languageserver reads it.
const TRANSPORTS = /^--(stdio|node-ipc|socket=\d+|pipe=.+)$/;
const args = process.argv.slice(2);
if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write(`${require('../package.json').version}\n`);
} else if (args.some(arg => TRANSPORTS.test(arg)) && !args.includes('--help') && !args.includes('-h')) {
  require('../dist/server.js');
} else {
  const help = args.includes('--help') || args.includes('-h');
  (help ? process.stdout : process.stderr).write(
    'Usage: modelcard-language-server --stdio\n\n'
    + 'The STS model-card language server, for editors that speak LSP. Pass the transport:\n'
    + '  --stdio          messages over standard input and output (what most editors use)\n'
    + '  --node-ipc       Node IPC, when started by a Node client\n'
    + '  --socket=<port>  a TCP socket on this port\n'
    + '  --pipe=<name>    a named pipe\n'
    + '  -v, --version    print the version and exit\n\n'
    + 'Cards are README.md, MODEL_CARD.md, *.modelcard.{yaml,yml,md} and modelcard.{yaml,yml}; the\n'
    + 'nearest modelcards.config.yaml applies, as with modelcard-lint.\n');
  process.exitCode = help ? 0 : 2;
}
