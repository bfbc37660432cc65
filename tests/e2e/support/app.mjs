// Starts the real app for a test: a fresh temporary data directory (optionally filled by
// the real `gridledger demo`), a virtual display when there is none, tauri-driver on free
// ports, and a WebDriver session whose browser is gridledger-desktop in WebKitGTK.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, existsSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Key, remote } from 'webdriverio';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const targetDir = process.env.CARGO_TARGET_DIR
  ? path.resolve(repo, process.env.CARGO_TARGET_DIR)
  : path.join(repo, 'target');
const desktopBin = path.join(targetDir, 'debug', 'gridledger-desktop');
const cliBin = path.join(targetDir, 'debug', 'gridledger');
/** Screenshots go to target/e2e/ in the repository, one per flow. */
export const screenshotDir = path.join(repo, 'target', 'e2e');

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port, child, what, timeoutMs = 20000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited early with ${child.exitCode}`);
    const open = await new Promise((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not listen on port ${port} within ${timeoutMs} ms`);
}

async function startXvfb() {
  if (process.env.DISPLAY) return { display: process.env.DISPLAY, stop: () => {} };
  for (let n = 90 + Math.floor(Math.random() * 100); n < 400; n++) {
    if (existsSync(`/tmp/.X11-unix/X${n}`) || existsSync(`/tmp/.X${n}-lock`)) continue;
    const xvfb = spawn('Xvfb', [`:${n}`, '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], {
      stdio: 'ignore',
    });
    const deadline = Date.now() + 10000;
    while (Date.now() < deadline && xvfb.exitCode === null) {
      if (existsSync(`/tmp/.X11-unix/X${n}`)) {
        return { display: `:${n}`, stop: () => xvfb.kill('SIGTERM') };
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    xvfb.kill('SIGKILL');
  }
  throw new Error('could not start Xvfb');
}

/** Run the real CLI against a data directory; returns its stdout. */
export function cli(dataDir, ...args) {
  return execFileSync(cliBin, ['--data-dir', dataDir, ...args], { encoding: 'utf8' });
}

/** The count the CLI prints for `label` ("people:  5123" → 5123). */
export function cliCount(output, label) {
  const line = output.split('\n').find((l) => l.startsWith(`${label}:`));
  if (!line) throw new Error(`no "${label}:" in CLI output:\n${output}`);
  return Number(line.slice(label.length + 1).trim());
}

/**
 * Start the app. `demo: true` fills the fresh ledger with the real CLI first.
 * Returns { browser, dataDir, demoOutput, stop }.
 */
export async function startApp({ demo = true } = {}) {
  for (const bin of [desktopBin, cliBin]) {
    if (!existsSync(bin)) {
      throw new Error(
        `${bin} is missing: build it with \`cargo build --workspace --features gridledger-desktop/custom-protocol\``,
      );
    }
  }
  mkdirSync(screenshotDir, { recursive: true });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'gridledger-e2e-'));
  const demoOutput = demo ? cli(dataDir, 'demo') : cli(dataDir, 'init');

  const x = await startXvfb();
  const port = await freePort();
  const nativePort = await freePort();
  const env = { ...process.env, DISPLAY: x.display, GRIDLEDGER_DATA_DIR: dataDir };
  delete env.GRIDLEDGER_DEMO;
  delete env.GRIDLEDGER_KEY;
  const driver = spawn(
    'tauri-driver',
    ['--port', String(port), '--native-port', String(nativePort)],
    { env, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  let browser;
  const stop = async () => {
    try {
      if (browser) await browser.deleteSession();
    } catch {
      // The app may already be gone; the driver is killed below either way.
    }
    driver.kill('SIGTERM');
    x.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForPort(port, driver, 'tauri-driver');
    browser = await remote({
      hostname: '127.0.0.1',
      port,
      logLevel: 'warn',
      connectionRetryTimeout: 120000,
      capabilities: {
        browserName: 'wry',
        'wdio:enforceWebDriverClassic': true,
        'tauri:options': { application: desktopBin },
      },
    });
  } catch (e) {
    await stop();
    throw e;
  }
  return { browser, dataDir, demoOutput, stop };
}

/** Wait for a data-testid to be displayed and return the element. */
export async function byTestId(browser, id, timeout = 20000) {
  const el = await browser.$(`[data-testid="${id}"]`);
  await el.waitForDisplayed({ timeout });
  return el;
}

/** Open the antd Select inside `container` and click the option containing `optionText`. */
export async function choose(browser, container, optionText) {
  const selector = await container.$('.ant-select-selector');
  await selector.click();
  const option = await browser.$(
    `//div[contains(@class,'ant-select-dropdown') and not(contains(@class,'ant-select-dropdown-hidden'))]` +
      `//div[contains(@class,'ant-select-item-option')][contains(., '${optionText}')]`,
  );
  await option.waitForDisplayed({ timeout: 10000 });
  await option.click();
}

/** Save a screenshot of the flow under target/e2e/ (after the DOM has settled). */
export async function screenshot(browser, name) {
  await browser.pause(1000);
  const file = path.join(screenshotDir, `${name}.png`);
  await browser.saveScreenshot(file);
  return file;
}

/**
 * Replace an input's text the way a person does: select all, delete, type. (WebDriver's
 * clearValue does not reach React's controlled inputs in WebKitGTK.)
 */
export async function replaceText(browser, input, text) {
  await input.click();
  await browser.keys([Key.Ctrl, 'a']);
  await browser.keys([Key.Backspace]);
  // Element send-keys, not browser.keys: the latter loses a repeated character ("99").
  if (text) await input.addValue(text);
}
