// A new, empty ledger: the 首页 shows its empty state, and the demo community can be loaded
// from there with a progress bar; the counts that appear are the ledger's own (the real CLI
// reads the same file and agrees).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { byTestId, cli, cliCount, screenshot, startApp } from '../support/app.mjs';

const digits = (text) => Number(text.replace(/[^\d]/g, ''));

describe('the desktop app on an empty ledger', () => {
  let app;
  before(async () => {
    app = await startApp({ demo: false });
  });
  after(async () => {
    await app?.stop();
  });

  it('shows the empty state with a way to load the demo', async () => {
    const { browser } = app;
    await byTestId(browser, 'empty-state');
    assert.equal(await browser.$('[data-testid="stat-people"]').isExisting(), false);
    await byTestId(browser, 'load-demo');
    await screenshot(browser, 'empty-ledger');
  });

  it('loads the demo after confirmation and shows the counts from the ledger', async () => {
    const { browser, dataDir } = app;
    await (await byTestId(browser, 'load-demo')).click();
    const ok = await browser.$('.ant-popconfirm .ant-btn-primary');
    await ok.waitForDisplayed({ timeout: 10000 });
    await ok.click();

    const people = await byTestId(browser, 'stat-people', 120000);
    const shown = digits(await people.$('.ant-statistic-content-value').getText());
    const check = cli(dataDir, 'check');
    assert.equal(shown, cliCount(check, 'people'), 'the 首页 agrees with the CLI on the same file');
    assert.ok(shown > 2000);
    const name = await byTestId(browser, 'ledger-name');
    await browser.waitUntil(async () => (await name.getText()) === '幸福社区', {
      timeout: 10000,
      timeoutMsg: 'the unnamed ledger took the demo community name',
    });
    await screenshot(browser, 'demo-loaded');
  });
});
