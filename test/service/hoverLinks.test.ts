/**
 * URLs in a card are shown as links, never fetched (issue 6): a web URL in `license_link` or
 * `sts.consent.policy_link` hovers as a Markdown link; anything else (a repository path, a
 * `file:` URL, a script URL) as code, never as a link.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { MarkupContent } from 'vscode-languageserver-types';
import { documentOf, service } from '../helpers';

function hoverOn(text: string, value: string): string | undefined {
  const document = documentOf(text);
  const hover = service.hover(document, document.positionAt(text.indexOf(value) + 1));
  return hover ? (hover.contents as MarkupContent).value : undefined;
}

const licenseCard = (link: string) => `license: other\nlicense_name: demo-license\nlicense_link: ${link}\n`;
const consentCard = (link: string) => `license: mit\nsts:\n  name: Demo\n  consent:\n    voice_source: licensed-actors\n    consent_obtained: true\n    policy_link: ${link}\n`;

describe('hover on a link value', () => {
  test('a web URL is a Markdown link to itself, for both link keys', () => {
    const url = 'https://example.com/LICENSE.md';
    for (const card of [licenseCard(url), consentCard(url)]) {
      const markdown = hoverOn(card, url);
      assert.ok(markdown?.includes(`](${url})`), markdown);
    }
  });

  test('characters that would end the link target are encoded', () => {
    const markdown = hoverOn(licenseCard('https://example.com/a(b)/c d'), 'https://');
    assert.ok(markdown?.includes('](https://example.com/a%28b%29/c%20d)'), markdown);
  });

  test('a path, a file: URL, a home path or a script URL is shown as code, never as a link', () => {
    for (const value of ['LICENSE', '../../etc/passwd', 'file:///etc/passwd', '~/.ssh/id_rsa', 'javascript:alert(1)']) {
      const markdown = hoverOn(licenseCard(value), value);
      assert.ok(markdown?.includes(`\`${value}\``), `${value}: ${markdown}`);
      assert.ok(!markdown?.includes(']('), `${value} must not be a link: ${markdown}`);
    }
  });

  test('the key itself keeps its documentation hover', () => {
    const markdown = hoverOn(licenseCard('LICENSE'), 'license_link');
    assert.ok(markdown && !markdown.includes('`LICENSE`'), markdown);
  });
});
