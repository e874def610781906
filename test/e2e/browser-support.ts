/**
 * What the browser suite needs around playwright-core: Debian's chromium (never a
 * downloaded one), error watching, a socket link that can be cut and restored, screenshots.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page, type WebSocketRoute } from 'playwright-core';
import { REPO } from '../k6/server-process.js';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const ARTIFACTS = `${REPO}test-artifacts/`;

/** In CI a missing browser is a failure: a skipped browser suite would pass unnoticed. */
export function chromiumPlan(env: NodeJS.ProcessEnv = process.env): { available: boolean; required: boolean } {
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== 'false' && env.CI !== '0';
  return { available: existsSync(CHROMIUM_PATH), required: ci };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

export interface PageErrors {
  /** console errors and uncaught exceptions, less those `expected` excuses */
  unexpected(): string[];
}

/** Collects console errors (with where they came from) and uncaught page errors. */
export function watchErrors(page: Page, expected: (text: string, url: string) => boolean = () => false): PageErrors {
  const seen: { text: string; url: string }[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') seen.push({ text: message.text(), url: message.location().url });
  });
  page.on('pageerror', (error) => seen.push({ text: `${error.name}: ${error.message}`, url: '' }));
  return {
    unexpected: () => seen.filter((e) => !expected(e.text, e.url)).map((e) => (e.url === '' ? e.text : `${e.text} (${e.url})`)),
  };
}

const SOCKET_PATH = /\/socket\.io\//;

/** Whether a console error is the browser reporting a socket.io request we refused on purpose. */
export const isSocketFailure = (text: string, url: string): boolean => SOCKET_PATH.test(url) || SOCKET_PATH.test(text);

export interface SocketCutter {
  /** drops the page's open socket.io connections and refuses new ones */
  cut(): Promise<void>;
  restore(): void;
  everCut(): boolean;
}

/**
 * Stands between the page and the server's socket.io endpoint, passing everything through
 * until cut: then open WebSockets are closed and long-polling requests fail, as when a
 * proxy or a network drops the link. Install before the page loads.
 */
export async function socketCutter(page: Page): Promise<SocketCutter> {
  let blocked = false;
  let cutOnce = false;
  const open = new Set<{ page: WebSocketRoute; server: WebSocketRoute }>();
  await page.route(SOCKET_PATH, (route) => (blocked ? route.abort('connectionrefused') : route.continue()));
  await page.routeWebSocket(SOCKET_PATH, (ws) => {
    if (blocked) {
      void ws.close({ code: 4000, reason: 'link cut by the test' });
      return;
    }
    const link = { page: ws, server: ws.connectToServer() };
    open.add(link);
    // With close handlers set, closing is forwarded by hand, in both directions.
    ws.onClose((code, reason) => {
      open.delete(link);
      void link.server.close({ code: code ?? 1000, reason: reason ?? '' });
    });
    link.server.onClose((code, reason) => {
      open.delete(link);
      void ws.close({ code: code ?? 1000, reason: reason ?? '' });
    });
  });
  return {
    async cut() {
      blocked = true;
      cutOnce = true;
      const closing = [...open];
      open.clear();
      await Promise.all(closing.flatMap((link) => [link.page.close({ code: 4000, reason: 'link cut by the test' }), link.server.close()]));
    },
    restore() {
      blocked = false;
    },
    everCut: () => cutOnce,
  };
}

/** Saves a full-page screenshot under test-artifacts/ and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = `${ARTIFACTS}${name}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}
