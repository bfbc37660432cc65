// 入户摸排 in the real app: on the demo ledger create a sweep (摸排轮次), open the first
// building of its progress, mark three households 已摸排 at once (by a worker chosen from
// the list) and one 空置 in place, and see the building's progress move, both in the
// building and back in the list of buildings. The CLI's check then finds exactly the
// sweep and the four visits in the audit log, and the ledger intact.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { byTestId, choose, cli, cliCount, replaceText, screenshot, startApp } from '../support/app.mjs';

/** "3/12" of the progress bar in `el` → [3, 12]. */
async function doneOf(el) {
  const text = await (await el.$('.ant-progress-text')).getText();
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  assert.ok(m, `no done/total in ${JSON.stringify(text)}`);
  return [Number(m[1]), Number(m[2])];
}

describe('入户摸排', () => {
  let app;
  let auditBefore;
  before(async () => {
    app = await startApp({ demo: true });
    auditBefore = cliCount(cli(app.dataDir, 'check'), 'audit entries');
    await (await byTestId(app.browser, 'menu-sweeps')).click();
    await byTestId(app.browser, 'sweeps-page');
  });
  after(async () => {
    await app?.stop();
  });

  let building;
  let households;

  it('creates a sweep and shows its progress per building', async () => {
    const { browser } = app;
    await (await byTestId(browser, 'new-sweep')).click();
    await replaceText(browser, await byTestId(browser, 'sweep-name-input'), '端到端第一轮摸排');
    await screenshot(browser, 'sweeps-new');
    await (await byTestId(browser, 'sweep-submit')).click();

    const title = await byTestId(browser, 'sweep-progress-title', 20000);
    await browser.waitUntil(async () => (await title.getText()).includes('端到端第一轮摸排'), {
      timeout: 20000,
      timeoutMsg: 'the new sweep is shown',
    });
    const list = await byTestId(browser, 'sweep-list');
    assert.match(await list.getText(), /端到端第一轮摸排/);
    const row = await byTestId(browser, 'progress-row', 20000);
    building = (await (await row.$('a')).getText()).trim();
    const [done, total] = await doneOf(row);
    assert.equal(done, 0, `nothing recorded yet in ${building}`);
    assert.ok(total >= 4, `${building} has households`);
    households = total;
    await screenshot(browser, 'sweeps-progress');
  });

  it('marks households of the building in bulk and one in place; its progress moves', async () => {
    const { browser } = app;
    const link = await browser.$(`//*[@data-testid="progress-row"]//a[contains(., '${building}')]`);
    await link.waitForDisplayed({ timeout: 10000 });
    await link.click();
    const card = await byTestId(browser, 'building-visits', 20000);
    await browser.waitUntil(
      async () => (await browser.$$('[data-testid="visit-row"]')).length === households,
      { timeout: 20000, timeoutMsg: `the building lists its ${households} households` },
    );

    await choose(browser, await byTestId(browser, 'visit-worker-select'), '王芳');
    const rows = await browser.$$('[data-testid="visit-row"]');
    for (const r of rows.slice(0, 3)) await (await r.$('.ant-checkbox-wrapper')).click();
    await browser.waitUntil(
      async () => (await (await byTestId(browser, 'selected-count')).getText()).includes('3'),
      { timeout: 10000, timeoutMsg: 'three households ticked' },
    );
    await (await byTestId(browser, 'mark-visited')).click();
    const bar = await byTestId(browser, 'building-progress');
    await browser.waitUntil(async () => (await doneOf(bar))[0] === 3, {
      timeout: 20000,
      timeoutMsg: 'the building counts 3 households done',
    });

    await choose(browser, await rows[3].$('[data-testid="row-status-select"]'), '空置');
    await browser.waitUntil(async () => (await doneOf(bar))[0] === 4, {
      timeout: 20000,
      timeoutMsg: 'the building counts 4 households done',
    });
    const counts = await (await byTestId(browser, 'building-counts')).getText();
    assert.match(counts, /已摸排 3/);
    assert.match(counts, /空置 1/);
    assert.match(counts, new RegExp(`未访 ${households - 4}`));
    assert.match(await rows[0].getText(), /王芳/, 'the visit names the worker chosen');
    await screenshot(browser, 'sweeps-building');
    assert.ok(await card.isDisplayed());
  });

  it('shows the new figures in the list of buildings, and the ledger has them', async () => {
    const { browser, dataDir } = app;
    await (await byTestId(browser, 'back-to-progress')).click();
    const row = await byTestId(browser, 'progress-row', 20000);
    await browser.waitUntil(async () => (await doneOf(row))[0] === 4, {
      timeout: 20000,
      timeoutMsg: 'the list of buildings shows 4 done',
    });
    assert.deepEqual((await doneOf(row)), [4, households]);
    await screenshot(browser, 'sweeps-progress-after');

    const check = cli(dataDir, 'check');
    assert.match(check, /integrity:\s+ok/);
    assert.equal(
      cliCount(check, 'audit entries') - auditBefore,
      5,
      'one sweep and four visits, each audited once',
    );
  });
});
