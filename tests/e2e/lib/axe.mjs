// Accessibility: axe-core's WCAG 2.2 AA rules on the page as the browser has it.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

import { ScenarioFailure } from './pages.mjs';

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let source = null;

async function axeSource() {
  if (source === null) {
    const require = createRequire(import.meta.url);
    source = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  }
  return source;
}

// axe goes in through page.evaluate, which runs over the DevTools protocol
// and so is not subject to the page's Content-Security-Policy. A script tag
// (page.addScriptTag) is inline script, which the server's policy forbids,
// and bypassCSP would switch the policy off for the whole context, so the
// pages would no longer be checked as users get them.
async function inject(page) {
  const present = await page.evaluate(() => typeof window.axe === 'object');
  if (!present) await page.evaluate(await axeSource());
}

function describe(violation) {
  const targets = violation.nodes.map((node) => `      ${node.target.join(' ')}`).join('\n');
  return `  ${violation.id} (${violation.impact}): ${violation.help}\n    ${violation.helpUrl}\n${targets}`;
}

// Throws, listing every violation with the elements it was found on.
export async function expectAccessible(page, what) {
  await inject(page);
  const results = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    WCAG_22_AA);
  if (results.violations.length > 0) {
    throw new ScenarioFailure(`axe found ${results.violations.length} WCAG 2.2 AA violation(s) on ${what} ` +
      `(${page.url()}):\n${results.violations.map(describe).join('\n')}`);
  }
}
