// End-to-end test of the Graph view (docs/dashboard.md): the built-in case's state graph is
// drawn, the status quo is marked, the concept chooser highlights that concept's equilibria,
// and clicking a state shows its name, the moves from it and why it is stable or not.
// Read-only: it runs the gmcr analysis on the shared geneva-2025 (an analysis run, no edit).
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { launch, watch } from './browser.mjs';

const URL_ = process.env.ACCORD_URL;
const TOKENS = { mediator: process.env.ACCORD_MEDIATOR_TOKEN, party: process.env.ACCORD_PARTY_TOKEN };
const SHOTS = process.env.ACCORD_ARTIFACTS ?? 'e2e-artifacts';
if (!URL_ || !TOKENS.mediator || !TOKENS.party) throw new Error('run through scripts/test-web.sh (ACCORD_URL and ACCORD_*_TOKEN are not set)');
mkdirSync(SHOTS, { recursive: true });

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function login(page, token) {
  await page.goto(URL_ + '/');
  await page.getByLabel('Access token').fill(token);
  await page.keyboard.press('Enter');
  await page.locator('#logout').waitFor();
  await page.locator('#tab-graph').click();
  await page.locator('#view-graph[data-ready]').waitFor({ timeout: 30000 });
}

test('the mediator sees the built-in case\'s state graph, highlights a concept and reads a state\'s details', async () => {
  const page = await browser.context.newPage();
  const w = watch(page);
  await login(page, TOKENS.mediator);
  const view = page.locator('#view-graph');
  assert.equal(await view.locator('.message.error, p.error').count(), 0, await view.innerText());
  assert.equal(await view.locator('svg g.st').count(), 80, 'one node per feasible state');
  assert.ok(await view.locator('svg path.mv').count() > 80, 'the moves are drawn');
  assert.match(await view.innerText(), /All 80 feasible states are drawn/);
  const sq = view.locator('svg g.st.sq');
  assert.equal(await sq.count(), 1, 'the status quo is marked');
  assert.equal(await sq.getAttribute('data-pattern'), 'NYNNNNN');
  assert.equal(await sq.locator('rect').getAttribute('stroke-width'), '2.5');
  // The concept chooser: the status quo is an equilibrium under all four classic concepts.
  await page.locator('#graph-concept').selectOption('nash');
  assert.ok(await view.locator('svg g.st.hl').count() > 0, 'Nash equilibria highlighted');
  assert.match(await sq.getAttribute('class'), /\bhl\b/);
  await page.screenshot({ path: `${SHOTS}/mediator-graph.png`, fullPage: true });
  // Click the status quo: its name, who can move where, why it is stable.
  await sq.click();
  const details = page.locator('#graph-details');
  await details.locator('h3').waitFor();
  const text = await details.innerText();
  assert.match(text, /NYNNNNN — ru_offensive/);
  assert.match(text, /The status quo\./);
  assert.match(text, /Moves from it/);
  assert.match(text, /UA: .*YYNNNNN/);
  assert.match(text, /Why it is stable or not/);
  // Keyboard: focus another state and press Enter.
  const other = view.locator('svg g.st[data-pattern="NNNNNNN"]');
  await other.focus();
  await page.keyboard.press('Enter');
  assert.match(await details.locator('h3').innerText(), /NNNNNNN — none/);
  // Not an equilibrium: the engine's reason names an improvement that is not deterred.
  assert.match(await details.innerText(), /not stable, [YN]{7}(, [YN]{7})* (is|are) not deterred/);
  await details.screenshot({ path: `${SHOTS}/mediator-graph-details.png` });
  assert.deepEqual(w.errors, []);
  assert.deepEqual(w.foreign, []);
  await page.close();
});

test('a party is told the graph is the mediator\'s', async () => {
  const page = await browser.context.newPage();
  const w = watch(page);
  await login(page, TOKENS.party);
  assert.match(await page.locator('#view-graph').innerText(), /shown to the mediator only/);
  assert.equal(await page.locator('#view-graph svg').count(), 0);
  assert.deepEqual(w.errors, []);
  await page.close();
});
