// End-to-end tests of the dashboard in headless Debian Chromium against a real `accord serve`
// on 127.0.0.1 (started by scripts/test-web.sh, which passes the URL, the tokens and where to
// put screenshots in the environment).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { launch, watch } from './browser.mjs';

const URL_ = process.env.ACCORD_URL;
const TOKENS = { mediator: process.env.ACCORD_MEDIATOR_TOKEN, party: process.env.ACCORD_PARTY_TOKEN, observer: process.env.ACCORD_OBSERVER_TOKEN };
const PARTY = process.env.ACCORD_PARTY ?? 'UA';
const SHOTS = process.env.ACCORD_ARTIFACTS ?? 'e2e-artifacts';
const REPORT = process.env.ACCORD_HTML_REPORT;  // a file made by `accord report --html`
const VIEWS = ['framework', 'stances', 'utilities', 'bargaining', 'forecast', 'stability', 'timeline'];
if (!URL_ || !TOKENS.mediator || !TOKENS.party || !TOKENS.observer)
  throw new Error('run through scripts/test-web.sh (ACCORD_URL and ACCORD_*_TOKEN are not set)');
mkdirSync(SHOTS, { recursive: true });

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function api(token, path, init = {}) {
  const res = await fetch(URL_ + path, { ...init, headers: { Authorization: `Bearer ${token}`, ...(init.headers ?? {}) } });
  return { status: res.status, json: await res.json() };
}

async function login(page, token) {
  await page.goto(URL_ + '/');
  await page.getByLabel('Access token').fill(token);
  await page.keyboard.press('Enter');  // the form submits from the keyboard
  await page.locator('#logout').waitFor();
}

async function open(page, view) {
  await page.locator(`#tab-${view}`).click();
  await page.locator(`#view-${view}[data-ready]`).waitFor({ timeout: 30000 });
}

test('the login page asks for a token, refuses a wrong one with a clear 401 message', async () => {
  const page = await browser.context.newPage();
  const w = watch(page);
  await page.goto(URL_ + '/');
  await page.getByLabel('Access token').fill('acc_0_not-a-token');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('alert').waitFor();
  assert.match(await page.getByRole('alert').innerText(), /not accepted \(401\)/);
  assert.ok(!page.url().includes('acc_0'), 'the token never goes into the URL');
  await page.screenshot({ path: `${SHOTS}/login-401.png` });
  assert.deepEqual(w.errors.filter((e) => !/status of 401/.test(e)), []);
  assert.deepEqual(w.foreign, []);
  await page.close();
});

test('a mediator sees every view with data, without console errors', async () => {
  const page = await browser.context.newPage();
  const w = watch(page);
  await login(page, TOKENS.mediator);
  assert.match(await page.locator('#who').innerText(), /mediator/);
  for (const view of VIEWS) {
    await open(page, view);
    const root = page.locator(`#view-${view}`);
    assert.equal(await root.locator('.message.error, p.error').count(), 0, `${view}: ${await root.innerText()}`);
    assert.ok(await root.locator('svg, table').count() > 0, `${view} shows a chart or a table`);
    await page.screenshot({ path: `${SHOTS}/mediator-${view}.png`, fullPage: true });
  }
  // View-specific data.
  await open(page, 'framework');
  // The counts equal `accord diff --json` for the versions shown (first and last).
  if (process.env.ACCORD_CLI) {
    const from = await page.locator('#diff-from').inputValue(), to = await page.locator('#diff-to').inputValue();
    const cli = JSON.parse(execFileSync(process.env.ACCORD_CLI, ['diff', 'geneva-2025', from, to, '--json'], { encoding: 'utf8' }));
    const chips = await page.locator('#view-framework ul.counts').innerText();
    for (const [change, n] of Object.entries(cli.counts)) assert.match(chips, new RegExp(`${change}: ${n}\\b`), `${change} count`);
  }
  await open(page, 'stances');
  assert.match(await page.locator('#readiness').innerText(), /Near-final: (yes|no)/);
  assert.ok(await page.locator('#view-stances .blocked-list li').count() > 0, 'blocking points listed');
  await open(page, 'utilities');
  for (const p of ['UA', 'RU', 'US']) assert.match(await page.locator('#view-utilities table').innerText(), new RegExp(`\\b${p}\\b`));
  await open(page, 'bargaining');
  const panel = page.locator('#package-panel');
  const button = page.locator('#view-bargaining .buttons button').first();
  await button.focus();
  await page.keyboard.press('Enter');  // keyboard: show a package
  assert.match(await panel.innerText(), /Status of the Ukrainian-held part of Donetsk/);
  // A click on a marker in the chart itself (ECharts draws it as an SVG path in its colour).
  await page.locator('#view-bargaining .chart svg path[fill="#d55e00"]').first().click({ force: true });
  assert.match(await panel.innerText(), /least shortfall|closest acceptable/);
  await open(page, 'stability');
  assert.match(await page.locator('#view-stability').innerText(), /Equilibria/);
  assert.ok(await page.locator('#view-stability tr.eq').count() > 0, 'equilibria highlighted');
  await open(page, 'forecast');
  assert.match(await page.locator('#view-forecast').innerText(), /Positions per turn/);
  assert.ok(await page.locator('#view-forecast table tbody tr').count() > 5);
  await open(page, 'timeline');
  assert.ok(await page.locator('#view-timeline table tbody tr').count() >= 10);
  assert.deepEqual(w.errors, []);
  assert.deepEqual(w.foreign, []);
  assert.ok(w.responses.every((r) => r.status < 400), w.responses.filter((r) => r.status >= 400).map((r) => `${r.status} ${r.url}`).join('\n'));
  await page.close();
});

// The dashboard computes no engine result: the framework and bargaining views show what the
// server returns (GET .../diff, the stored bargain run), figure for figure.
test('the framework view shows the server\'s diff: counts, rows and the points of each row', async () => {
  const page = await browser.context.newPage();
  const w = watch(page);
  await login(page, TOKENS.mediator);
  await open(page, 'framework');
  const sid = (await api(TOKENS.mediator, '/api/scenarios')).json.scenarios[0].id;
  for (const from of [null, 'v19']) {
    if (from) {  // the view redraws itself for the new pair of versions
      await page.locator('#diff-from').selectOption(from);
      await page.waitForFunction((v) => document.querySelector('#view-framework caption')?.textContent?.startsWith(`${v} (left)`), from);
    }
    const f = await page.locator('#diff-from').inputValue(), t = await page.locator('#diff-to').inputValue();
    const res = await api(TOKENS.mediator, `/api/scenarios/${sid}/diff?from=${f}&to=${t}`);
    assert.equal(res.status, 200);
    const d = res.json.diff;
    assert.equal(d.schema, 1);
    assert.deepEqual([d.from.version, d.to.version], [f, t]);
    const chips = await page.locator('#view-framework ul.counts').innerText();
    for (const [change, n] of Object.entries(d.counts)) assert.match(chips, new RegExp(`${change}: ${n}\\b`), `${change} count`);
    const rows = page.locator('#view-framework table.diff tbody tr');
    assert.equal(await rows.count(), d.entries.length, 'one row per entry');
    for (let k = 0; k < d.entries.length; k++) {
      const e = d.entries[k];
      const cells = rows.nth(k).locator('td');
      assert.equal(await cells.nth(0).innerText(), e.change);
      const left = await cells.nth(1).innerText(), right = await cells.nth(2).innerText();
      for (const id of e.from) assert.ok(left.includes(id), `row ${k}: ${id} on the left`);
      for (const id of e.to) assert.ok(right.includes(id), `row ${k}: ${id} on the right`);
    }
  }
  assert.deepEqual(w.errors, []);
  await page.close();
});

test('the bargaining view draws the server\'s two-party frontier and markers, for the pair chosen', async () => {
  const page = await browser.context.newPage();
  const w = watch(page);
  await login(page, TOKENS.mediator);
  await open(page, 'bargaining');
  const sid = (await api(TOKENS.mediator, '/api/scenarios')).json.scenarios[0].id;
  const runs = async () => (await api(TOKENS.mediator, `/api/scenarios/${sid}/analyses?engine=bargain`)).json.runs;
  const check = async (a, b) => {
    const run = (await runs()).find((r) => r.result.pair?.parties.join() === `${a},${b}`);
    assert.ok(run, `a bargain run for ${a} and ${b}`);
    const r = run.result;
    assert.equal(r.schema, 3);  // bargain schema 3: red lines cite note ids; the draft marker has its best completion
    assert.equal(await page.locator('#bargain-a').inputValue(), a);
    assert.equal(await page.locator('#bargain-b').inputValue(), b);
    const text = await page.locator('#view-bargaining').innerText();
    assert.match(text, new RegExp(`${r.zone.count_decimal} of ${r.space.count_decimal} packages`));
    assert.match(text, new RegExp(`for ${a} and ${b} \\(${r.pair.frontier.size} points`));
    assert.equal(r.pair.frontier.points.length, r.pair.frontier.size, 'the whole pair frontier is sent');
    const buttons = await page.locator('#view-bargaining .buttons button').allInnerTexts();
    assert.deepEqual(buttons, r.pair.markers.map((m) => m.label));
    // Each marker shows the server's package: its first issue's option in the panel.
    const issue = Object.keys(r.draft.package)[0];
    for (const [k, m] of r.pair.markers.entries()) {
      await page.locator('#view-bargaining .buttons button').nth(k).click();
      const pkg = m.key === 'draft' ? r.draft.package : m.key === 'closest' ? r.closest.package : r.solutions[m.key].package;
      assert.match(await page.locator('#package-panel').innerText(), new RegExp(`\\(${pkg[issue]}\\)`), m.label);
    }
  };
  await check('UA', 'RU');  // the server's default pair: the first two bargaining parties
  await page.locator('#bargain-b').selectOption('US');  // the mediator's dashboard runs the analysis for this pair
  await page.waitForFunction(() => document.querySelector('#view-bargaining')?.textContent?.includes('for UA and US ('),
    null, { timeout: 60000 });
  await check('UA', 'US');
  assert.deepEqual(w.errors, []);
  await page.close();
});

test('a party sees its own values and nothing private of any other party, in the page or the network', async () => {
  // What is private: other parties' utilities and reservations, preferences, actors' positions.
  const med = await api(TOKENS.mediator, '/api/scenarios');
  const sid = med.json.scenarios[0].id;
  const runs = (await api(TOKENS.mediator, `/api/scenarios/${sid}/analyses?engine=evaluate`)).json.runs;
  assert.ok(runs.length > 0, 'the mediator test ran evaluations');
  const secrets = new Set();
  for (const run of runs)
    for (const p of run.result.parties ?? [])
      if (p.party !== PARTY) for (const x of [p.utility.min, p.utility.max, p.ideal]) if (String(x).length > 6) secrets.add(String(x));
  const doc = (await api(TOKENS.mediator, `/api/scenarios/${sid}`)).json.scenario;
  const others = Object.keys(doc.preferences ?? {}).filter((p) => p !== PARTY);
  assert.ok(others.length > 0 && secrets.size > 0);

  const page = await browser.context.newPage();
  const w = watch(page);
  await login(page, TOKENS.party);
  assert.match(await page.locator('#who').innerText(), new RegExp(`party ${PARTY}`));
  for (const view of VIEWS) {
    await open(page, view);
    await page.screenshot({ path: `${SHOTS}/party-${view}.png`, fullPage: true });
  }
  const html = await page.content();
  const bodies = w.responses.filter((r) => r.url.includes('/api/')).map((r) => r.body);
  assert.ok(bodies.length >= 10);
  for (const text of [html, ...bodies]) {
    for (const s of secrets) assert.ok(!text.includes(s), `private utility ${s} leaked`);
    for (const p of others) {
      assert.ok(!text.includes(`"${p}":{"reservation"`), `preferences of ${p} leaked`);
      assert.ok(!new RegExp(`"party":"${p}","utility"`).test(text), `utility of ${p} leaked`);
    }
    for (const key of ['"final_positions"', '"history"', '"decision_makers"', '"conflict"', '"forecast":{"overrides"'])
      assert.ok(!text.includes(key) || !text.startsWith('{'), `${key} in a party's response`);
  }
  for (const b of bodies) {
    const j = JSON.parse(b);
    if (j.scenario?.preferences) assert.deepEqual(Object.keys(j.scenario.preferences), [PARTY]);
  }
  // The party's own utility is shown.
  await open(page, 'utilities');
  assert.match(await page.locator('#view-utilities').innerText(), new RegExp(`Your utility \\(${PARTY}\\)`));
  assert.deepEqual(w.errors, []);
  assert.deepEqual(w.foreign, []);
  await page.close();
});

test('an observer sees the shared record and plain words where results are private', async () => {
  const page = await browser.context.newPage();
  const w = watch(page);
  await login(page, TOKENS.observer);
  for (const view of VIEWS) {
    await open(page, view);
    await page.screenshot({ path: `${SHOTS}/observer-${view}.png`, fullPage: true });
  }
  await open(page, 'utilities');
  assert.match(await page.locator('#view-utilities').innerText(), /an observer does not see them/);
  assert.deepEqual(w.errors, []);
  assert.ok(w.responses.every((r) => r.status < 400), 'an observer is never sent into a 403');
  await page.close();
});

test('works on a narrow screen and logs out', async () => {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  const w = watch(page);
  await login(page, TOKENS.mediator);
  for (const view of ['stances', 'bargaining']) {
    await open(page, view);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `${view}: the page scrolls sideways by ${overflow}px`);
    await page.screenshot({ path: `${SHOTS}/narrow-${view}.png`, fullPage: true });
  }
  assert.ok(await page.evaluate(() => sessionStorage.getItem('accord.token') !== null));
  await page.locator('#logout').click();
  await page.getByLabel('Access token').waitFor();
  assert.equal(await page.evaluate(() => sessionStorage.getItem('accord.token')), null);
  assert.deepEqual(w.errors, []);
  await page.close();
});

test('the HTML report is one self-contained file: no request leaves it, no console error', { skip: !REPORT }, async () => {
  const page = await browser.context.newPage();
  const w = watch(page);
  await page.goto('file://' + REPORT);
  for (const id of ['framework', 'stances', 'utilities', 'bargain', 'forecast', 'stability', 'timeline'])
    await page.locator(`#${id}`).screenshot({ path: `${SHOTS}/report-${id}.png` });
  // Keyboard: focus a chart marker and show its package.
  const mark = page.locator('.pair g.mark').first();  // a solution or the draft (labelled issues)
  await mark.focus();
  await page.keyboard.press('Enter');
  assert.match(await page.locator('.pair .pkg-panel').first().innerText(), /Status of the Ukrainian-held part/);
  assert.deepEqual(w.errors, []);
  assert.ok(w.responses.every((r) => r.url.startsWith('file:')), 'only the file itself is loaded');
  assert.deepEqual(w.foreign, []);
  await page.close();
});
