// 报表导出 in the real app: on the demo ledger the worker opens 报表导出, sees the shipped
// definitions valid, picks the 返乡（外来）人员摸排登记表, previews it (ID numbers masked), and
// exports it. The file named on the page exists in <data dir>/exports/, is an xlsx (a zip),
// and the CLI's export log has the desktop's entry with its 140 rows.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, openSync, readSync, closeSync, statSync } from 'node:fs';
import path from 'node:path';
import { byTestId, choose, cli, screenshot, startApp } from '../support/app.mjs';

const FORM = '返乡（外来）人员摸排登记表';

describe('报表导出', () => {
  let app;

  before(async () => {
    app = await startApp({ demo: true });
    await (await byTestId(app.browser, 'menu-reports')).click();
    await byTestId(app.browser, 'reports-page');
  });
  after(async () => {
    await app?.stop();
  });

  it('lists the shipped definitions as valid', async () => {
    const { browser } = app;
    await browser.waitUntil(
      async () => (await browser.$$('[data-testid="reports-definition"]')).length >= 7,
      { timeout: 20000, timeoutMsg: 'the seven shipped definitions are listed' },
    );
    const rows = await browser.$$('[data-testid="reports-definition"]');
    for (const row of rows) assert.match(await row.getText(), /可用/);
  });

  it('previews and exports the 摸排登记表 into the data directory', async () => {
    const { browser, dataDir } = app;
    await choose(browser, await byTestId(browser, 'reports-form'), FORM);
    // Let the select's dropdown close before clicking next to it.
    await browser.pause(800);
    await (await byTestId(browser, 'reports-preview')).click();
    await byTestId(browser, 'reports-preview-card');
    // A cell of the preview holds a masked ID number (上报脱敏 is the form's preset). (The
    // table's text is read from the DOM: WebKit's WebDriver reports its ellipsis cells as
    // not displayed, so their visible text is empty.)
    const masked = await browser.$(
      `//*[@data-testid="reports-preview-card"]//td[contains(., '********')]`,
    );
    await masked.waitForExist({ timeout: 30000, timeoutMsg: 'the preview shows masked ID numbers' });
    assert.match(await masked.getProperty('textContent'), /^\d{6}\*{8}\d{3}[\dX]$/);
    await screenshot(browser, 'reports-preview');
    await (await byTestId(browser, 'reports-export')).click();
    const done = await byTestId(browser, 'reports-done', 60000);
    assert.match(await done.getText(), /已导出 140 行/);
    const file = (await (await byTestId(browser, 'reports-path')).getText()).trim();
    await screenshot(browser, 'reports-exported');

    assert.equal(path.dirname(file), path.join(dataDir, 'exports'));
    assert.match(path.basename(file), /^arrivals-screening-\d{4}-\d{2}-\d{2}\.xlsx$/);
    assert.ok(existsSync(file), `${file} exists`);
    assert.ok(statSync(file).size > 1000, 'the file is not empty');
    const fd = openSync(file, 'r');
    const magic = Buffer.alloc(2);
    readSync(fd, magic, 0, 2, 0);
    closeSync(fd);
    assert.equal(magic.toString('latin1'), 'PK', 'an xlsx is a zip');

    const log = cli(dataDir, 'export', '--log');
    assert.match(log, /desktop\tarrivals-screening\t140 rows\tUpward/);
  });
});
