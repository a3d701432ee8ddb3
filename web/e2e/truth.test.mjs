// End-to-end checks of issue 11's dashboard parts (run by scripts/test-web.sh with the other
// e2e files, one server): inferred stances carry the estimate mark with a legend line, and the
// bargaining view draws the draft as its worst and best completions, never at a midpoint.
// Read-only: it writes nothing, so the other files still see geneva-2025 as imported.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launch, watch } from './browser.mjs';

const URL_ = process.env.ACCORD_URL;
const MEDIATOR = process.env.ACCORD_MEDIATOR_TOKEN;
if (!URL_ || !MEDIATOR) throw new Error('run through scripts/test-web.sh (ACCORD_URL and ACCORD_MEDIATOR_TOKEN are not set)');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function api(path) {
  const res = await fetch(URL_ + path, { headers: { Authorization: `Bearer ${MEDIATOR}` } });
  return res.json();
}

async function openAsMediator(view) {
  const page = await browser.context.newPage();
  const w = watch(page);
  await page.goto(URL_ + '/');
  await page.getByLabel('Access token').fill(MEDIATOR);
  await page.keyboard.press('Enter');
  await page.locator('#logout').waitFor();
  await page.locator(`#tab-${view}`).click();
  await page.locator(`#view-${view}[data-ready]`).waitFor({ timeout: 30000 });
  return { page, w };
}

test('the stance matrix marks inferred stances with ~ and says so in a legend line', async () => {
  const { page, w } = await openAsMediator('stances');
  const sid = (await api('/api/scenarios')).scenarios[0].id;
  const version = await page.locator('#stance-version').inputValue();  // the latest, shown first
  const stances = (await api(`/api/scenarios/${sid}/versions/${encodeURIComponent(version)}/stances`)).stances;
  let inferred = 0, cells = 0;
  for (const row of Object.values(stances)) for (const st of Object.values(row)) { cells += 1; inferred += st.estimate ? 1 : 0; }
  assert.ok(inferred > 0, 'the built-in scenario has inferred stances');
  const legend = await page.locator('#stance-legend').innerText();
  assert.match(legend, /~ after a letter: the stance is inferred/);
  assert.match(legend, new RegExp(`${inferred} of \\d+ here`));
  assert.ok(cells > 0);
  assert.deepEqual(w.errors, []);
  await page.close();
});

test('the bargaining view draws the draft as its two completions joined by a segment', async () => {
  const { page, w } = await openAsMediator('bargaining');
  const sid = (await api('/api/scenarios')).scenarios[0].id;
  const runs = (await api(`/api/scenarios/${sid}/analyses?engine=bargain`)).runs;
  const run = runs.find((r) => r.result.pair?.markers.some((m) => m.key === 'draft'));
  assert.ok(run, 'a bargain run with a draft');
  const m = run.result.pair.markers.find((x) => x.key === 'draft');
  assert.ok(Array.isArray(m.best), 'the server sends the best completion (schema 3)');
  assert.notDeepEqual(m.best, m.utilities, 'v20 leaves issues open: two different completions');
  const text = await page.locator('#view-bargaining').innerText();
  assert.match(text, /no package lies at its midpoint/);
  await page.locator('#view-bargaining .buttons button', { hasText: m.label }).click();
  assert.match(await page.locator('#package-panel').innerText(), /worst–best completion of its open issues/);
  assert.deepEqual(w.errors, []);
  await page.close();
});
