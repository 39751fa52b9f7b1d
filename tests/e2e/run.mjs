#!/usr/bin/env node
// Runs one browser scenario against the real server:
//   node run.mjs <scenario> --binary path/to/safeboard
// Exit 0 when it passes; 1 with the reason, where the browser was, and the
// end of the server's log when it does not. See scenarios/ for the list.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { launchBrowser, newPage } from './lib/browser.mjs';
import { ScenarioFailure, describePage, watchForBrowserErrors } from './lib/pages.mjs';
import { abandon, withServer } from './lib/server.mjs';

// Below CTest's TIMEOUT (120 s), so a stuck scenario still explains itself.
const DEADLINE_MS = 100_000;

const here = dirname(fileURLToPath(import.meta.url));

function parseArguments(argv) {
  const [name, flag, binary] = argv;
  if (!name || !/^[a-z0-9-]+$/.test(name) || flag !== '--binary' || !binary) {
    throw new Error('usage: node run.mjs <scenario> --binary path/to/safeboard');
  }
  const file = join(here, 'scenarios', `${name}.mjs`);
  if (!existsSync(file)) throw new Error(`no scenario named ${name} (no ${file})`);
  if (!existsSync(binary)) throw new Error(`no safeboard binary at ${binary}`);
  return { name, file, binary };
}

// What a scenario gets: the server, and pages in fresh browser contexts,
// each watched for errors the browser reports.
class Run {
  constructor(server, browser) {
    this.server = server;
    this.browser = browser;
    this.pages = [];
    this.browserErrors = [];
  }

  async newPage() {
    const page = await newPage(this.browser, this.server.baseUrl);
    const errors = watchForBrowserErrors(page);
    this.pages.push(page);
    this.browserErrors.push(errors);
    return page;
  }

  errors() {
    return this.browserErrors.flat();
  }

  // Forgets the errors matching `pattern` (ones a scenario caused on
  // purpose) and says how many there were.
  dismissBrowserErrors(pattern) {
    let dismissed = 0;
    for (const errors of this.browserErrors) {
      const kept = errors.filter((error) => !pattern.test(error));
      dismissed += errors.length - kept.length;
      errors.splice(0, errors.length, ...kept);
    }
    return dismissed;
  }
}

let current = null;  // the Run in progress, to describe on failure

async function runScenario({ file, binary }) {
  const scenario = await import(pathToFileURL(file).href);
  if (scenario.withoutServer) return scenario.default();
  return withServer({
    binary,
    settings: scenario.settings ?? {},
    prepare: async (server) => {
      for (const user of scenario.users ?? []) await server.addUser(user);
    },
  }, async (server) => {
    const browser = await launchBrowser();
    try {
      current = new Run(server, browser);
      await scenario.default(current);
      const errors = current.errors();
      if (errors.length) throw new Error(`the browser reported errors:\n  ${errors.join('\n  ')}`);
    } catch (error) {
      error.pages = await Promise.all(current?.pages.map(describePage) ?? []);
      throw error;
    } finally {
      await browser.close();
    }
  });
}

function report(name, error) {
  console.error(`FAIL e2e.${name}: ${error.message}`);
  for (const [index, page] of (error.pages ?? []).entries()) console.error(`page ${index + 1}:\n${page}`);
  if (error.serverLog) console.error(`end of the server log:\n${error.serverLog}`);
  // A failed expectation says all there is; anything else may need its stack.
  if (!(error instanceof ScenarioFailure) && error.stack) console.error(error.stack);
}

async function main() {
  let name = process.argv[2] ?? '?';
  const deadline = setTimeout(async () => {
    console.error(`FAIL e2e.${name}: not finished after ${DEADLINE_MS / 1000} s`);
    for (const page of current?.pages ?? []) console.error(await describePage(page).catch(() => ''));
    abandon();
    process.exit(1);
  }, DEADLINE_MS);
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => { abandon(); process.exit(1); });
  }
  try {
    const args = parseArguments(process.argv.slice(2));
    name = args.name;
    const started = Date.now();
    await runScenario(args);
    console.log(`ok e2e.${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    process.exitCode = 0;
  } catch (error) {
    report(name, error);
    process.exitCode = 1;
  } finally {
    clearTimeout(deadline);
  }
}

await main();
