// The app frame in the real webview: it opens on the demo ledger, the 首页 shows the
// counts the core computed from records, navigation works, the ledger can be renamed, the
// About box shows the version, and unbuilt modules are not in the menu.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { byTestId, cliCount, replaceText, screenshot, startApp } from '../support/app.mjs';

const digits = (text) => Number(text.replace(/[^\d]/g, ''));

describe('the desktop app on a demo ledger', () => {
  let app;
  before(async () => {
    app = await startApp({ demo: true });
  });
  after(async () => {
    await app?.stop();
  });

  it('opens on the 首页 with the counts of the ledger', async () => {
    const { browser, demoOutput } = app;
    assert.equal(await browser.getTitle(), '网格防控台账');
    const name = await byTestId(browser, 'ledger-name');
    assert.equal(await name.getText(), '幸福社区');

    const people = await byTestId(browser, 'stat-people');
    const shown = digits(await people.$('.ant-statistic-content-value').getText());
    assert.equal(shown, cliCount(demoOutput, 'people'), 'the 首页 agrees with the CLI');
    assert.ok(shown > 2000);
    const households = await byTestId(browser, 'stat-households');
    assert.equal(
      digits(await households.$('.ant-statistic-content-value').getText()),
      cliCount(demoOutput, 'households'),
    );
    const grids = await byTestId(browser, 'grid-table');
    const rows = await grids.$$('tbody tr.ant-table-row');
    assert.equal(rows.length, 6, 'one row per demo grid');

    const date = await byTestId(browser, 'statistical-date');
    assert.match(await date.getText(), /统计日期.*\d{4}年\d{1,2}月\d{1,2}日/);
    await screenshot(browser, 'home');
  });

  it('shows every module of the product in the menu, in order', async () => {
    const { browser } = app;
    const keys = [
      'home',
      'residents',
      'sweeps',
      'arrivals',
      'contacts',
      'isolation',
      'calls',
      'gate',
      'supplies',
      'workResumption',
      'publicity',
      'reports',
      'settings',
    ];
    for (const key of keys) await byTestId(browser, `menu-${key}`);
    const shown = await browser.$$('[data-testid^="menu-"]');
    const ids = [];
    for (const el of shown) ids.push(await el.getAttribute('data-testid'));
    assert.deepEqual(
      ids.filter((id) => keys.includes(id.slice('menu-'.length))),
      keys.map((k) => `menu-${k}`),
    );
  });

  it('navigates to 设置 and renames the ledger', async () => {
    const { browser, dataDir } = app;
    await (await byTestId(browser, 'menu-settings')).click();
    await byTestId(browser, 'settings-page');
    const ledgerPath = await byTestId(browser, 'ledger-path');
    assert.ok(
      (await ledgerPath.getText()).startsWith(dataDir),
      'the ledger opened is the test one',
    );

    const input = await byTestId(browser, 'ledger-name-input');
    await replaceText(browser, input, '朝阳社区');
    assert.equal(await input.getValue(), '朝阳社区');
    await (await byTestId(browser, 'ledger-name-submit')).click();
    const header = await byTestId(browser, 'ledger-name');
    await browser.waitUntil(async () => (await header.getText()) === '朝阳社区', {
      timeout: 10000,
      timeoutMsg: 'the header shows the new name',
    });
    await screenshot(browser, 'settings-renamed');
  });

  it('refuses an empty name with a Chinese message and keeps the old one', async () => {
    const { browser } = app;
    const input = await byTestId(browser, 'ledger-name-input');
    await replaceText(browser, input, '');
    assert.equal(await input.getValue(), '');
    await (await byTestId(browser, 'ledger-name-submit')).click();
    // The message fades in; wait for its text, not just its element.
    const explain = await browser.$('.ant-form-item-explain-error');
    await browser.waitUntil(async () => /台账名称/.test(await explain.getText().catch(() => '')), {
      timeout: 10000,
      timeoutMsg: 'a Chinese message names the 台账名称 field',
    });
    assert.equal(await (await byTestId(browser, 'ledger-name')).getText(), '朝阳社区');
    await screenshot(browser, 'settings-empty-name');
  });

  it('shows the version in the About box', async () => {
    const { browser } = app;
    await (await byTestId(browser, 'about-button')).click();
    await byTestId(browser, 'about-modal');
    const version = await byTestId(browser, 'about-version');
    assert.match(await version.getText(), /^\d+\.\d+\.\d+/);
    await screenshot(browser, 'about');
    await (await byTestId(browser, 'about-close')).click();
    // Wait for the modal and its fading mask to go: they would take the next click.
    await browser.waitUntil(
      async () =>
        !(await browser
          .$('.ant-modal-mask')
          .isDisplayed()
          .catch(() => false)),
      { timeout: 10000, timeoutMsg: 'the About box is closed' },
    );
  });

  it('goes back to the 首页 from the menu', async () => {
    const { browser } = app;
    await (await byTestId(browser, 'menu-home')).click();
    await byTestId(browser, 'home-page');
    await byTestId(browser, 'stat-people');
  });
});
