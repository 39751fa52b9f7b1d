// The real safeboard binary, as an operator runs it: a fresh SQLite database
// in a temporary directory, users made with the CLI, and `serve` on a free
// loopback port. Whatever happens, the server is stopped and the directory
// removed (see withServer).
import { spawn } from 'node:child_process';
import { createWriteStream, rmSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { ScenarioFailure } from './pages.mjs';

const READY_ATTEMPTS = 100;  // x READY_INTERVAL_MS: ten seconds to come up
const READY_INTERVAL_MS = 100;
const STOP_GRACE_MS = 5000;
const COMMAND_TIMEOUT_MS = 30_000;

// What is running or on disk now, for abandon() when the runner is stopped
// by a signal and cannot unwind.
const live = { children: new Set(), dirs: new Set() };

export function abandon() {
  for (const child of live.children) child.kill('SIGKILL');
  for (const dir of live.dirs) rmSync(dir, { recursive: true, force: true });
}

// A port the kernel says is free now. Another process could take it before
// the server binds it; then `serve` fails naming the port, and the failure
// says so rather than hanging.
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

// One TOML value per key; `tables` is { auth: { session_idle_timeout_seconds: 3 } }.
function toml(tables) {
  const lines = [];
  for (const [name, values] of Object.entries(tables)) {
    if (name) lines.push('', `[${name}]`);
    for (const [key, value] of Object.entries(values)) {
      lines.push(`${key} = ${typeof value === 'string' ? JSON.stringify(value) : value}`);
    }
  }
  return lines.join('\n') + '\n';
}

// Runs `safeboard <args>` to the end; `input` goes to its standard input.
export function runCommand(binary, args, { input = '' } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => { output += chunk; });
    child.stderr.on('data', (chunk) => { output += chunk; });
    const timer = setTimeout(() => child.kill('SIGKILL'), COMMAND_TIMEOUT_MS);
    child.on('error', (error) => { clearTimeout(timer); reject(error); });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(output);
      else reject(new ScenarioFailure(`safeboard ${args[0]} ${args[1] ?? ''} failed (${signal ?? `exit ${code}`}): ${output.trim()}`));
    });
    child.stdin.end(input);
  });
}

class Server {
  constructor({ binary, dir, db, config }) {
    this.binary = binary;
    this.dir = dir;
    this.db = db;
    this.config = config;
    this.logFile = join(dir, 'server.log');
    this.child = null;
    this.exited = null;  // resolves with a description once the process has gone
    this.baseUrl = '';
  }

  async start() {
    const port = await freePort();
    this.baseUrl = `http://127.0.0.1:${port}`;
    const log = createWriteStream(this.logFile);
    this.child = spawn(this.binary,
      ['serve', '--db', this.db, '--listen', `127.0.0.1:${port}`, '--config', this.config],
      { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child.stdout.pipe(log);
    this.child.stderr.pipe(log);
    live.children.add(this.child);
    this.exited = new Promise((resolve) => {
      this.child.on('error', (error) => resolve(`could not start: ${error.message}`));
      this.child.on('exit', (code, signal) => resolve(signal ? `killed by ${signal}` : `exit ${code}`));
    }).finally(() => live.children.delete(this.child));
    await this.waitUntilReady();
  }

  // Ready means /readyz says the database answers, not just that the port is open.
  async waitUntilReady() {
    let last = 'no answer';
    for (let attempt = 0; attempt < READY_ATTEMPTS; attempt++) {
      const gone = await Promise.race([this.exited, sleep(READY_INTERVAL_MS, null)]);
      if (gone) throw new ScenarioFailure(`safeboard serve stopped before it was ready (${gone}):\n${await this.logTail()}`);
      try {
        const response = await fetch(`${this.baseUrl}/readyz`);
        if (response.status === 200) return;
        last = `HTTP ${response.status}`;
      } catch (error) {
        last = error.cause?.code ?? error.message;
      }
    }
    throw new ScenarioFailure(`safeboard serve was not ready at ${this.baseUrl}/readyz after ` +
      `${(READY_ATTEMPTS * READY_INTERVAL_MS) / 1000} s (last: ${last}):\n${await this.logTail()}`);
  }

  // SIGTERM is the operator's way to stop it; SIGKILL only if it hangs.
  async stop() {
    if (!this.child?.pid || this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGTERM');
    // Unreferenced, so a prompt exit does not leave node waiting out the grace.
    const gone = await Promise.race([this.exited, sleep(STOP_GRACE_MS, null, { ref: false })]);
    if (!gone) {
      this.child.kill('SIGKILL');
      await this.exited;
    }
  }

  // `safeboard user add`; the password goes in on standard input, never as an argument.
  async addUser({ email, name, role, scope, password }) {
    const args = ['user', 'add', '--email', email, '--name', name, '--role', role];
    if (scope) args.push('--scope', scope);
    args.push('--password-stdin', '--db', this.db);
    await runCommand(this.binary, args, { input: `${password}\n` });
  }

  async logTail(lines = 20) {
    try {
      const text = await readFile(this.logFile, 'utf8');
      return text.trimEnd().split('\n').slice(-lines).join('\n');
    } catch {
      return '(no server log)';
    }
  }
}

// Runs `body(server)` against a migrated, empty database and a running
// server; `settings` are extra TOML tables ({ auth: {...} }); `prepare(server)`
// runs before `serve` starts (to add users). Always stops the server and
// removes the temporary directory.
export async function withServer({ binary, settings = {}, prepare }, body) {
  const dir = await mkdtemp(join(tmpdir(), 'safeboard-e2e-'));
  live.dirs.add(dir);
  const config = join(dir, 'safeboard.toml');
  const server = new Server({ binary, dir, db: `sqlite:${join(dir, 'e2e.db')}`, config });
  try {
    await writeFile(config, toml({
      '': { threads: 2, log_level: 'info' },
      database: { pool_size: 2 },
      ...settings,
    }));
    await runCommand(binary, ['migrate', '--db', server.db, '--config', config]);
    if (prepare) await prepare(server);
    await server.start();
    return await body(server);
  } catch (error) {
    if (server.child) error.serverLog = await server.logTail();
    throw error;
  } finally {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
    live.dirs.delete(dir);
  }
}
