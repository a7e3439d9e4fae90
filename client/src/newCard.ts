/**
 * *STS Model Cards: New Model Card*: a few quick picks (searchable, from the knowledge base), then
 * the card written by the service's generator as a snippet, its tab stops on what is left to
 * write. It never overwrites a file: an existing one is reported and left as it is.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  NEW_CARD_DEFAULTS_METHOD, NEW_CARD_METHOD, NEW_CARD_OPTIONS_METHOD, NewCardOptions, NewCardParams,
} from '../../server/src/authoringRequests';
import type { NewCard } from '../../server/src/service/authoring/newCard';

/** The step on screen ("3/6"), or undefined: read by the editor tests through a command, to know when a picker is up. */
export let newCardStep: string | undefined;

interface Pick<T> extends vscode.QuickPickItem {
  readonly value: T;
}

/** One step: a quick pick that resolves with the chosen item(s), or undefined when dismissed. */
async function pick<T>(title: string, items: readonly Pick<T>[], options: { active?: T; many?: boolean; step: number } ): Promise<T[] | undefined> {
  const quickPick = vscode.window.createQuickPick<Pick<T>>();
  quickPick.title = `New Model Card (${options.step}/6): ${title}`;
  quickPick.items = items;
  quickPick.canSelectMany = options.many === true;
  quickPick.matchOnDescription = true;
  quickPick.matchOnDetail = true;
  const active = items.find(item => item.value === options.active);
  if (active) quickPick.activeItems = [active];
  try {
    return await new Promise<T[] | undefined>(resolve => {
      quickPick.onDidAccept(() => resolve((quickPick.canSelectMany ? quickPick.selectedItems : quickPick.activeItems).map(item => item.value)));
      quickPick.onDidHide(() => resolve(undefined));
      quickPick.show();
      newCardStep = `${options.step}/6`;
    });
  } finally {
    newCardStep = undefined;
    quickPick.dispose();
  }
}

export async function newModelCard(client: BaseLanguageClient): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showErrorMessage('New Model Card needs an open folder to write the card in.');
    return undefined;
  }
  const options = await client.sendRequest<NewCardOptions>(NEW_CARD_OPTIONS_METHOD);

  const form = (await pick<'readme' | 'yaml'>('the form', [
    { label: 'README.md', description: 'Hugging Face model card', detail: 'YAML front matter and a Markdown body with the sections a card needs', value: 'readme' },
    { label: '<name>.modelcard.yaml', description: 'standalone card', detail: 'the metadata alone, as YAML', value: 'yaml' },
  ], { step: 1 }))?.[0];
  if (!form) return undefined;

  const name = await input({ title: 'New Model Card (2/6): the model\'s name', value: 'My Speech Model', validateInput: value => value.trim() ? undefined : 'A name, please.' });
  if (!name) return undefined;

  const NONE = '';
  const OTHER = '\0other';
  const bases = await pick<string>('the base model', [
    { label: 'None', description: 'trained from scratch', value: NONE },
    { label: 'Another Hub model…', description: 'type its id (owner/name)', value: OTHER },
    ...options.models.map(model => ({
      label: model.name, description: `${model.lab}${model.family ? ` · ${model.family}` : ''}`,
      detail: [model.hubId, model.license].filter(Boolean).join(' · ') || undefined, value: model.hubId ?? model.id,
    })),
  ], { step: 3 });
  if (!bases) return undefined;
  let baseModel: string | undefined = bases[0] || undefined;
  if (baseModel === OTHER) {
    baseModel = await input({ title: 'New Model Card (3/6): the base model\'s Hub id', placeHolder: 'owner/name', validateInput: value => /^[\w.-]+\/[\w.-]+$/.test(value.trim()) ? undefined : 'A Hub model id: owner/name.' });
    if (!baseModel) return undefined;
  }
  const defaults = await client.sendRequest<{ family?: string; license?: string; licenseDetail?: string }>(NEW_CARD_DEFAULTS_METHOD, { baseModel });

  const family = (await pick<string>('the architecture family', options.families.map(f => ({
    label: f.id, description: f.name + (f.id === defaults.family ? ' · the base model\'s' : ''), detail: f.summary, value: f.id,
  })), { step: 4, active: defaults.family }))?.[0];
  if (!family) return undefined;

  const license = (await pick<string>('the license of the weights', options.licenses.map(l => ({
    label: l.id, description: `${l.name}${l.hub ? '' : ' (license: other)'} · commercial use: ${l.commercialUse}`,
    detail: l.id === defaults.license ? defaults.licenseDetail : undefined, value: l.id,
  })), { step: 5, active: defaults.license }))?.[0];
  if (!license) return undefined;

  const subcategories = await pick<string>('sub-categories (none, one or more)', options.subcategories.map(s => ({ label: s.name, description: s.id, value: s.id })), { step: 6, many: true });
  if (!subcategories) return undefined;

  const params: NewCardParams = { form, name: name.trim(), baseModel, family, license, subcategories };
  const card = await client.sendRequest<NewCard>(NEW_CARD_METHOD, params);
  const slug = card.fileName === 'README.md' ? name.trim().toLowerCase().replace(/[^a-z0-9.]+/g, '-').replace(/^[-.]+|[-.]+$/g, '') || 'model' : '';
  const target = slug ? vscode.Uri.joinPath(folder.uri, slug, 'README.md') : vscode.Uri.joinPath(folder.uri, card.fileName);
  if (await exists(target)) {
    void vscode.window.showErrorMessage(`${vscode.workspace.asRelativePath(target)} already exists: New Model Card does not overwrite a file.`);
    return undefined;
  }
  await vscode.workspace.fs.writeFile(target, new Uint8Array());
  const editor = await vscode.window.showTextDocument(target);
  await editor.insertSnippet(new vscode.SnippetString(card.snippet), new vscode.Position(0, 0));
  for (const problem of card.problems) void vscode.window.showWarningMessage(`New Model Card: ${problem}`);
  return target;
}

async function input(options: vscode.InputBoxOptions): Promise<string | undefined> {
  const shown = vscode.window.showInputBox(options);
  newCardStep = /\((\d\/6)\)/.exec(options.title ?? '')?.[1];
  try {
    return await shown;
  } finally {
    newCardStep = undefined;
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
