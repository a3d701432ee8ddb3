// Headless Debian Chromium driven by playwright-core (no browser download): the flags the
// project uses everywhere, a fresh user-data dir, and a record of console errors and of every
// request leaving 127.0.0.1.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic', '--disable-dev-shm-usage'];

export async function launch() {
  const dataDir = mkdtempSync(join(tmpdir(), 'accord-chromium-'));
  const context = await chromium.launchPersistentContext(dataDir, {
    executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width: 1280, height: 800 },
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

// Watches a page: console errors, page errors, requests that are not to 127.0.0.1 / file: / data:.
export function watch(page) {
  const w = { errors: [], foreign: [], responses: [] };
  page.on('console', (m) => { if (m.type() === 'error') w.errors.push(m.text()); });
  page.on('pageerror', (e) => w.errors.push(String(e)));
  page.on('request', (r) => {
    const u = r.url();
    if (!/^(https?:\/\/127\.0\.0\.1[:/]|file:|data:|about:)/.test(u)) w.foreign.push(u);
  });
  page.on('response', async (r) => {
    try { w.responses.push({ url: r.url(), status: r.status(), body: await r.text() }); } catch { /* redirects, aborted */ }
  });
  return w;
}
