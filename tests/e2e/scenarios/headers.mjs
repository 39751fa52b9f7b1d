// Pages carry the headers that stop other sites and injected markup from
// misusing them, and the browser enforces the policy: an inline script does
// not run, while the page's own script and styles still load (the browser
// reports nothing refused).
import { expect } from '../lib/pages.mjs';

function directives(policy) {
  const map = new Map();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), sources);
  }
  return map;
}

function expectSafeHeaders(headers, what) {
  const policy = headers['content-security-policy'];
  expect(policy, `${what} has no Content-Security-Policy header`);
  const csp = directives(policy);
  const scripts = csp.get('script-src') ?? csp.get('default-src');
  expect(scripts, `${what}: the Content-Security-Policy sets neither script-src nor default-src: ${policy}`);
  for (const unsafe of ["'unsafe-inline'", "'unsafe-eval'", '*']) {
    expect(!scripts.includes(unsafe), `${what}: the Content-Security-Policy allows ${unsafe} scripts: ${policy}`);
  }
  const framing = csp.get('frame-ancestors');
  const xfo = (headers['x-frame-options'] ?? '').toUpperCase();
  expect((framing && framing.join(' ') === "'none'") || xfo === 'DENY',
    `${what} may be framed by other sites (no frame-ancestors 'none' nor X-Frame-Options: DENY)`);
  expect((headers['x-content-type-options'] ?? '').toLowerCase() === 'nosniff',
    `${what} has no X-Content-Type-Options: nosniff`);
  expect(headers['referrer-policy'], `${what} has no Referrer-Policy`);
}

export default async function (run) {
  const page = await run.newPage();

  const start = await page.goto('/');
  expect(start.status() === 200, `GET / answered ${start.status()}`);
  expectSafeHeaders(await start.allHeaders(), 'the start page');

  // An inline script added to the page is refused, as injected markup would be.
  const ran = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.inlineScriptRan = true;';
    document.head.append(script);
    return window.inlineScriptRan === true;
  });
  expect(!ran, 'an inline script ran: the Content-Security-Policy does not forbid inline scripts');

  const missing = await page.goto('/no-such-page');
  expect(missing.status() === 404, `GET /no-such-page answered ${missing.status()}`);
  expectSafeHeaders(await missing.allHeaders(), 'the page not found page');
  // The browser reported the refused inline script; that one was expected.
  expect(run.dismissBrowserErrors(/Content Security Policy/i) > 0,
    'the browser did not report refusing the inline script');
}
