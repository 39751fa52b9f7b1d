// The start page renders for someone not signed in, and is accessible.
import { expectAccessible } from '../lib/axe.mjs';
import { expect, heading, visit } from '../lib/pages.mjs';

export default async function (run) {
  const page = await run.newPage();
  const status = await visit(page, '/');
  expect(status === 200, `GET / answered ${status}`);
  expect(await heading(page) !== '', 'the start page has no h1');
  expect(await page.title() !== '', 'the start page has no title');
  expect(await page.locator('main#main-content').count() === 1, 'the start page has no main#main-content for the skip link');
  await expectAccessible(page, 'the start page');
}
