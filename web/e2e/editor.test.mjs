// End-to-end test of the scenario editor (docs/dashboard.md "Editing a scenario") in headless
// Debian Chromium against the `accord serve` of scripts/test-web.sh: a mediator builds a
// three-party scenario through the UI, sees the server's checks and results change as the
// preferences change, saves it, downloads the YAML; `accord validate` accepts the file and the
// stored revision equals it. Then the party UA edits its own preferences and nothing else.
// The scenario has its own id (sorted after geneva-2025, which stays every other test's default).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { launch, watch } from './browser.mjs';

const URL_ = process.env.ACCORD_URL;
const CLI = process.env.ACCORD_CLI;
const TOKENS = { mediator: process.env.ACCORD_MEDIATOR_TOKEN, party: process.env.ACCORD_PARTY_TOKEN };
const PARTY = process.env.ACCORD_PARTY ?? 'UA';
const SHOTS = process.env.ACCORD_ARTIFACTS ?? 'e2e-artifacts';
const ID = 'x-editor-e2e';
if (!URL_ || !CLI || !TOKENS.mediator || !TOKENS.party)
  throw new Error('run through scripts/test-web.sh (ACCORD_URL, ACCORD_CLI and ACCORD_*_TOKEN are not set)');
mkdirSync(SHOTS, { recursive: true });

let browser;
const tmp = mkdtempSync(join(tmpdir(), 'accord-editor-e2e-'));
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); rmSync(tmp, { recursive: true, force: true }); });

async function api(token, path) {
  const res = await fetch(URL_ + path, { headers: { Authorization: `Bearer ${token}` } });
  return { status: res.status, json: await res.json() };
}

async function login(page, token) {
  await page.goto(URL_ + '/');
  await page.getByLabel('Access token').fill(token);
  await page.keyboard.press('Enter');
  await page.locator('#logout').waitFor();
}

async function openEditor(page) {
  await page.locator('#tab-editor').click();
  await page.locator('#view-editor[data-ready]').waitFor({ timeout: 30000 });
}

// Waits for the checks of the latest edit to come back.
async function checked(page) {
  await page.waitForFunction(() => {
    const el = document.getElementById('ed-checks');
    return el && !el.hasAttribute('aria-busy') && el.hasAttribute('data-checked');
  }, null, { timeout: 30000 });
}

async function fill(page, id, value) {
  await page.locator(`#${id}`).fill(String(value));
  await page.locator(`#${id}`).dispatchEvent('change');
}

test('a mediator builds a three-party scenario, saves it and downloads YAML that accord validate accepts', async () => {
  const page = await browser.context.newPage();
  const w = watch(page);
  await login(page, TOKENS.mediator);
  await openEditor(page);
  await page.locator('#ed-source').selectOption('minimal');
  await page.locator('#ed-new-id').fill(ID);
  await page.locator('#ed-start').click();
  await page.locator('#ed-form').waitFor();
  await checked(page);

  // Parties: UA (so the party token can edit its own preferences below), RU, and a mediator.
  await fill(page, 'ed-title', 'Editor end-to-end: three parties');
  await fill(page, 'party-0-id', PARTY);
  await fill(page, 'party-0-name', 'Ukraine');
  await fill(page, 'party-1-id', 'RU');
  await fill(page, 'party-1-name', 'Russia');
  await fill(page, 'party-2-name', 'United States');
  assert.equal(await page.locator('#party-2-role').inputValue(), 'mediator');
  // Issues: the template's options issue gets a third option; a numeric range is added.
  await fill(page, 'issue-0-id', 'line');
  await fill(page, 'issue-0-title', 'Where the line runs');
  await page.locator('#add-option-0').click();
  await fill(page, 'issue-0-opt-2-id', 'NEW');
  await fill(page, 'issue-0-opt-2-label', 'Beyond the current line');
  await page.locator('#add-range-issue').click();
  await fill(page, 'issue-1-id', 'troops');
  await fill(page, 'issue-1-max', 200);
  await fill(page, 'issue-1-step', 50);

  // UA's preferences: weights normalised live, values, a red line, reservation with its reason.
  await page.locator('#pref-party').selectOption(PARTY);
  await page.locator('#weight-line').fill('0.7');
  assert.equal(await page.locator('#weight-troops-value').innerText(), '0.3', 'the other weight follows live');
  assert.match(await page.locator('#weight-sum').innerText(), /sum to 1 /);
  await page.locator('#value-line-X').fill('1');
  await page.locator('#value-line-Y').fill('0.6');
  await page.locator('#red-line-NEW').click();
  assert.equal(await page.locator('#red-line-NEW').getAttribute('aria-pressed'), 'true');
  await fill(page, 'curve-troops', '0:0, 200:1');
  await page.locator('#reservation').fill('0.4');
  await fill(page, 'reservation-note', 'can hold the current line with European finance');
  // RU's.
  await page.locator('#pref-party').selectOption('RU');
  await page.locator('#weight-line').fill('0.6');
  await page.locator('#value-line-X').fill('0');
  await page.locator('#value-line-Y').fill('0.7');
  await page.locator('#value-line-NEW').fill('1');
  await fill(page, 'curve-troops', '0:1, 200:0');
  await page.locator('#reservation').fill('0.3');
  await fill(page, 'reservation-note', 'expects to gain by fighting on');

  // The draft: its point sets the line; a second point sets the troop ceiling.
  await page.locator('#point-0-0-set-line').selectOption('Y');
  await page.locator('#add-point-0').click();
  await fill(page, 'point-0-1-text', 'Troop ceiling of 100,000');
  await fill(page, 'point-0-1-set-troops', 100);
  await checked(page);
  assert.equal(await page.locator('#ed-valid').getAttribute('data-valid'), 'true', await page.locator('#ed-checks').innerText());
  await page.locator('#ed-evaluate').waitFor();
  await page.locator('#ed-bargain').waitFor();
  const before = await page.locator('#ed-evaluate').innerText();
  assert.match(before, /UA/);
  assert.match(before, /RU/);

  // The result follows the preferences: UA values the draft's line less.
  await page.locator('#pref-party').selectOption(PARTY);
  await page.locator('#value-line-Y').fill('0.1');
  await page.waitForFunction((old) => document.getElementById('ed-evaluate')?.innerText !== old, before, { timeout: 30000 });

  // Live validation: the server's diagnostic for a bad date, on the field, then fixed.
  await fill(page, 'ed-date', '2026-13-45');
  await checked(page);
  assert.equal(await page.locator('#ed-valid').getAttribute('data-valid'), 'false');
  assert.match(await page.locator('#ed-diagnostics').innerText(), /date: `2026-13-45` is not a date/);
  assert.equal(await page.locator('#ed-date').getAttribute('aria-invalid'), 'true');
  await fill(page, 'ed-date', '2025-12-01');
  await checked(page);
  assert.equal(await page.locator('#ed-valid').getAttribute('data-valid'), 'true');
  await page.screenshot({ path: `${SHOTS}/editor-mediator.png`, fullPage: true });

  // Save (a new scenario: revision 1), then download the server's YAML.
  await page.locator('#ed-save').click();
  await page.locator('#ed-saved[data-done]').waitFor();
  assert.match(await page.locator('#ed-saved').innerText(), new RegExp(`${ID} created at revision \\d+`));
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#ed-download').click()]);
  assert.equal(download.suggestedFilename(), `${ID}.yaml`);
  const file = join(tmp, `${ID}.yaml`);
  await download.saveAs(file);
  const yaml = readFileSync(file, 'utf8');
  assert.match(yaml, /can hold the current line with European finance/);

  // `accord validate` accepts the file (it throws on a non-zero exit) ...
  const out = execFileSync(CLI, ['validate', file], { encoding: 'utf8' });
  assert.match(out, new RegExp(`valid scenario \`${ID}\` \\(3 parties, 2 issues, 1 version; 1 warning\\)`));
  // ... and the stored revision is the same document.
  const stored = await api(TOKENS.mediator, `/api/scenarios/${ID}`);
  assert.equal(stored.status, 200);
  const fromFile = JSON.parse(execFileSync(CLI, ['convert', file, '--to', 'json'], { encoding: 'utf8' }));
  assert.deepEqual(stored.json.scenario, fromFile);
  assert.equal(stored.json.scenario.preferences.UA.issues.line.red_lines[0], 'NEW');

  // Saving again without a change writes no revision.
  await page.locator('#ed-save').click();
  await page.waitForFunction(() => /Nothing changed/.test(document.getElementById('ed-saved')?.innerText ?? ''), null, { timeout: 30000 });
  assert.deepEqual(w.errors, []);
  assert.deepEqual(w.foreign, []);
  await page.close();
});

test('a party edits only its own preferences, saved through its own preferences route', async () => {
  const page = await browser.context.newPage();
  const w = watch(page);
  await login(page, TOKENS.party);
  await page.locator('#scenario').selectOption(ID);
  await openEditor(page);
  await page.locator('#ed-form').waitFor();
  await checked(page);
  // Only its own preferences: no parties, issues or framework sections, no party picker.
  assert.equal(await page.locator('#ed-parties').count(), 0);
  assert.equal(await page.locator('#ed-framework').count(), 0);
  assert.equal(await page.locator('#pref-party').count(), 0);
  assert.equal(await page.locator('#ed-download').count(), 0);
  assert.equal(await page.locator('#reservation').inputValue(), '0.4');
  await page.locator('#reservation').fill('0.45');
  await checked(page);
  assert.equal(await page.locator('#ed-valid').getAttribute('data-valid'), 'true');
  const revision = (await api(TOKENS.party, `/api/scenarios/${ID}`)).json.revision;
  await page.locator('#ed-save').click();
  await page.locator('#ed-saved[data-done]').waitFor();
  assert.match(await page.locator('#ed-saved').innerText(), new RegExp(`revision ${revision + 1}`));
  const prefs = await api(TOKENS.party, `/api/scenarios/${ID}/preferences/${PARTY}`);
  assert.equal(prefs.json.preferences.reservation.value, 0.45);
  // Nothing the party received names RU's preferences (what it sent the checks was its view).
  for (const r of w.responses) assert.doesNotMatch(r.body, /expects to gain by fighting on/, r.url);
  assert.doesNotMatch(await page.content(), /expects to gain by fighting on/);
  assert.deepEqual(w.errors, []);
  await page.screenshot({ path: `${SHOTS}/editor-party.png`, fullPage: true });
  await page.close();
});
