/**
 * The tool's own package.json, found by walking up from the running file: `dist/cli.js` when
 * bundled, `out/server/src/cli/main.js` when compiled by tsc.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const PACKAGE_NAME = 'sts-model-cards';
export const TOOL_NAME = 'modelcard-lint';

interface PackageJson {
  readonly name?: string;
  readonly version?: string;
  readonly publisher?: string;
  readonly homepage?: string;
  readonly repository?: string | { readonly url?: string };
}

export interface PackageInfo {
  readonly version: string;
  readonly informationUri: string;
}

let cached: PackageInfo | undefined;

export function packageInfo(fromDir: string = __dirname): PackageInfo {
  if (cached && fromDir === __dirname) return cached;
  const manifest = findPackageJson(fromDir);
  const info: PackageInfo = { version: manifest?.version ?? '0.0.0', informationUri: informationUriOf(manifest) };
  if (fromDir === __dirname) cached = info;
  return info;
}

function findPackageJson(fromDir: string): PackageJson | undefined {
  for (let dir = path.resolve(fromDir); ; dir = path.dirname(dir)) {
    try {
      const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as PackageJson;
      if (manifest.name === PACKAGE_NAME) return manifest;
    } catch {
      // No package.json here, or not ours: keep walking.
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** The homepage, else the repository, else the extension's Marketplace page. */
function informationUriOf(manifest: PackageJson | undefined): string {
  if (manifest?.homepage && /^https?:\/\//.test(manifest.homepage)) return manifest.homepage;
  const repository = typeof manifest?.repository === 'string' ? manifest.repository : manifest?.repository?.url;
  const repositoryUrl = repository?.replace(/^git\+/, '').replace(/\.git$/, '');
  if (repositoryUrl && /^https?:\/\//.test(repositoryUrl)) return repositoryUrl;
  const publisher = manifest?.publisher ?? PACKAGE_NAME;
  return `https://marketplace.visualstudio.com/items?itemName=${publisher}.${manifest?.name ?? PACKAGE_NAME}`;
}
