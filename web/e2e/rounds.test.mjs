// The Rounds view end to end in headless Debian Chromium (scripts/test-web.sh starts the server):
// the mediator opens a round on v20, UA and RU answer in private from their own forms, the
// mediator closes it, adopts a suggestion, publishes v21 and opens the next round. Checks that a
// party never sees another party's answers (page text and every response body) and that an
// observer sees only who has answered. Runs on its own copy of geneva-2025 (id rounds-e2e),
// imported with the CLI into the test database, so the other e2e files still see geneva-2025 alone changed by them.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { launch, watch } from './browser.mjs';

const URL_ = process.env.ACCORD_URL;
const CLI = process.env.ACCORD_CLI;
const DB = process.env.ACCORD_DB;
const SHOTS = process.env.ACCORD_ARTIFACTS ?? 'e2e-artifacts';
const MEDIATOR = process.env.ACCORD_MEDIATOR_TOKEN, OBSERVER = process.env.ACCORD_OBSERVER_TOKEN;
if (!URL_ || !CLI || !DB || !MEDIATOR || !OBSERVER)
  throw new Error('run through scripts/test-web.sh (ACCORD_URL, ACCORD_CLI, ACCORD_DB and the tokens are not set)');
const SID = 'rounds-e2e';
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
// Unique markers in each party's private answers: none may reach anyone but its party and the mediator.
const MARK = { UA: 'ua-private-7f3a', RU: 'ru-private-91c2' };

let browser, tmp;
const tokens = {};
before(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'accord-rounds-e2e-'));
  const text = readFileSync(join(ROOT, 'scenarios', 'geneva-2025.yaml'), 'utf8').replace(/^id: geneva-2025$/m, `id: ${SID}`);
  assert.match(text, new RegExp(`^id: ${SID}$`, 'm'));
  writeFileSync(join(tmp, `${SID}.yaml`), text);
  execFileSync(CLI, ['db', 'import', join(tmp, `${SID}.yaml`), '--db', DB], { stdio: 'pipe' });
  for (const party of ['UA', 'RU'])
    tokens[party] = execFileSync(CLI, ['token', 'create', '--db', DB, '--role', 'party', '--party', party, '--name', `rounds-${party}`],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

async function rounds(token) {
  const page = await browser.context.newPage();
  const w = watch(page);
  await page.goto(URL_ + '/');
  await page.getByLabel('Access token').fill(token);
  await page.keyboard.press('Enter');
  await page.locator('#logout').waitFor();
  await page.locator('#scenario').selectOption(SID);
  await page.locator('#tab-rounds').click();
  await ready(page);
  return { page, w };
}

// The view has drawn (again): it marks its root when done.
async function ready(page) {
  await page.waitForFunction(() => {
    const v = document.querySelector('#view-rounds');
    return v && v.getAttribute('data-ready') === 'true' && !v.hasAttribute('aria-busy');
  }, null, { timeout: 60000 });
}

// After a write the view reloads itself and says what happened in its status line.
async function status(page, pattern) {
  await page.waitForFunction((src) => new RegExp(src).test(document.querySelector('#rounds-status')?.textContent ?? ''),
    pattern.source, { timeout: 120000 });
  return page.locator('#rounds-status').innerText();
}

async function answer(token, party, answers) {
  const { page, w } = await rounds(token);
  const form = page.locator('#answer-form');
  await form.waitFor();
  for (const [point, a] of Object.entries(answers)) {
    await page.locator(`#stance-${point}`).selectOption(a.stance);
    if (a.note) await page.locator(`[name="note-${point}"]`).fill(a.note);
    if (a.amendment) await page.locator(`[name="amendment-${point}"]`).fill(a.amendment);
    for (const [issue, value] of Object.entries(a.acceptable ?? {}))
      await page.locator(`[name="acceptable-${point}-${issue}"]`).first().fill(value);
  }
  await page.locator('#save-answers').click();
  assert.match(await status(page, /Saved: \d+ answers/), new RegExp(`of ${party} in round 1`));
  // Reloaded from the server: the form shows what was stored.
  await page.locator('#answer-form').waitFor();
  for (const [point, a] of Object.entries(answers))
    assert.equal(await page.locator(`#stance-${point}`).inputValue(), a.stance, `${party} ${point}`);
  return { page, w };
}

function leaks(text, w, markers) {
  const bodies = w.responses.map((r) => r.body).join('\n');
  return markers.filter((m) => text.includes(m) || bodies.includes(m));
}

test('a full round from the dashboard: open, two private answers, close, adopt, publish, open the next', async () => {
  // 1. The mediator opens round 1 on v20.
  const med = await rounds(MEDIATOR);
  await med.page.locator('#open-version').selectOption('v20');
  await med.page.locator('#open-round-button').click();
  assert.match(await status(med.page, /Round \d+ opened/), /Round 1 opened on v20/);
  assert.equal(await med.page.locator('#round-detail').getAttribute('data-status'), 'open');

  // 2. UA and RU answer from their own forms (numbers for a numeric issue).
  const ua = await answer(tokens.UA, 'UA', {
    P20_01: { stance: 'accept' },
    P20_04: { stance: 'conditional', note: `cap too low ${MARK.UA}`, amendment: `raise the cap ${MARK.UA}`, acceptable: { army_cap: '800, 850' } },
  });
  const ru = await answer(tokens.RU, 'RU', {
    P20_01: { stance: 'accept' },
    P20_04: { stance: 'reject', note: `cap too high ${MARK.RU}` },
  });
  await ru.page.screenshot({ path: `${SHOTS}/rounds-party-form.png`, fullPage: true });

  // 3. A party sees its own answers, never the other's; an observer sees who answered, nothing else.
  for (const [party, view] of [['UA', ua], ['RU', ru]]) {
    await view.page.reload();
    await view.page.locator('#tab-rounds').waitFor();
    await view.page.locator('#scenario').selectOption(SID);
    await view.page.locator('#tab-rounds').click();
    await ready(view.page);
    const other = party === 'UA' ? 'RU' : 'UA';
    const text = await view.page.locator('#main').innerText();
    assert.ok((await view.page.locator('[name="note-P20_04"]').inputValue()).includes(MARK[party]), `${party} sees its own note`);
    assert.deepEqual(leaks(text, view.w, [MARK[other]]), [], `${party} must not see ${other}'s answers`);
    assert.equal(await view.page.locator('#view-rounds table.answers').count(), 0, 'no answer grid for a party');
    assert.deepEqual(view.w.errors, []);
    await view.page.close();
  }
  const obs = await rounds(OBSERVER);
  assert.equal(await obs.page.locator('#answered-list li[data-party="UA"]').getAttribute('data-answered'), 'true');
  assert.equal(await obs.page.locator('#answered-list li[data-party="RU"]').getAttribute('data-answered'), 'true');
  assert.equal(await obs.page.locator('#answer-form').count(), 0);
  assert.deepEqual(leaks(await obs.page.locator('#main').innerText(), obs.w, [MARK.UA, MARK.RU]), [], 'an observer sees no answer');
  await obs.page.screenshot({ path: `${SHOTS}/rounds-observer.png`, fullPage: true });
  await obs.page.close();

  // 4. The mediator sees both answers, closes the round, reads the summary and the suggestions.
  await med.page.locator('#tab-rounds').click();  // the same view again: re-read
  await med.page.reload();
  await med.page.locator('#scenario').selectOption(SID);
  await med.page.locator('#tab-rounds').click();
  await ready(med.page);
  const grid = await med.page.locator('#view-rounds table.answers').innerText();
  assert.ok(grid.includes(MARK.UA) && grid.includes(MARK.RU), 'the mediator sees every answer');
  await med.page.locator('#close-round').click();
  assert.match(await status(med.page, /closed/), /Round 1 closed/);
  assert.match(await med.page.locator('#close-summary').innerText(), /points accepted by every signatory.*shortfall sum|no shortfall sum/);
  const adopt = med.page.locator('#suggestions button.adopt').first();
  await adopt.waitFor();
  const adoptedKind = await med.page.locator('#suggestions li:has(button.adopt)').first().getAttribute('data-kind');
  await adopt.click();
  assert.equal(await adopt.getAttribute('aria-pressed'), 'true');
  assert.equal(await med.page.locator('#draft li').count(), 1, `the draft lists the adopted ${adoptedKind}`);
  assert.equal(await med.page.locator('#draft-version').inputValue(), 'v21');
  await med.page.screenshot({ path: `${SHOTS}/rounds-mediator-close.png`, fullPage: true });

  // 5. Publish v21 with the adopted suggestion; open round 2 on it.
  await med.page.locator('#publish').click();
  assert.match(await status(med.page, /Published/), /Published v21 from round 1/);
  const pub = await fetch(`${URL_}/api/scenarios/${SID}/rounds/1`, { headers: { Authorization: `Bearer ${MEDIATOR}` } }).then((r) => r.json());
  assert.equal(pub.published_version, 'v21');
  await med.page.locator('#open-next-round').click();
  assert.match(await status(med.page, /Round \d+ opened/), /Round 2 opened on v21/);
  assert.equal(await med.page.locator('#round-detail').getAttribute('data-round'), '2');

  // 6. The convergence chart and table over the rounds; the redline of v20 → v21 (the adopted edit).
  assert.ok(await med.page.locator('#convergence-chart svg').count() > 0, 'convergence chart drawn');
  assert.equal(await med.page.locator('#view-rounds table.convergence tbody tr').count(), 2);
  await med.page.locator('#redline-from').selectOption('v28');
  await med.page.locator('#redline-to').selectOption('v20');
  await med.page.waitForFunction(() => document.querySelectorAll('#redline del, #redline ins').length > 0, null, { timeout: 30000 });
  await med.page.screenshot({ path: `${SHOTS}/rounds-mediator.png`, fullPage: true });
  assert.deepEqual(med.w.errors, []);
  assert.deepEqual(med.w.foreign, []);
  assert.ok(med.w.responses.every((r) => r.status < 400), med.w.responses.filter((r) => r.status >= 400).map((r) => `${r.status} ${r.url}`).join('\n'));
  await med.page.close();
});
