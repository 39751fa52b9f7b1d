// Debian's chromium, driven by playwright-core. Nothing is downloaded: the
// executable is the system's, and Playwright gives each launch a fresh
// profile (--user-data-dir) that it removes on close.
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.SAFEBOARD_E2E_CHROMIUM ?? '/usr/bin/chromium';

// Playwright adds --headless itself for headless: true; the rest keep the
// browser from reaching out to the network or doing work a test does not need.
const ARGS = [
  '--no-sandbox',  // tests run as root in containers, where the sandbox cannot start
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const LAUNCH_TIMEOUT_MS = 30_000;

async function loadPlaywright() {
  try {
    return await import('playwright-core');
  } catch (error) {
    throw new Error('playwright-core is not installed in tests/e2e/node_modules; ' +
      `run scripts/install-deps.sh --test (${error.message})`);
  }
}

export async function launchBrowser() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing; run scripts/install-deps.sh --test (it installs Debian's chromium)`);
  }
  const { chromium } = await loadPlaywright();
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    timeout: LAUNCH_TIMEOUT_MS,
  });
}

// A new context is a new cookie jar: one per person signing in.
export async function newPage(browser, baseURL) {
  const context = await browser.newContext({ baseURL });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(15_000);
  return context.newPage();
}
