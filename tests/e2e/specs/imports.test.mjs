// 导入 in the real app, on the demo ledger: a messy 返乡人员名单 as a street office sends it
// down (tests/e2e/fixtures/messy-arrivals.xlsx, written by `cargo run --example
// e2e_fixtures`: a title row, a two-row merged header, a full-width ID number, one that
// Excel turned into 1.1e17, a repeated row) goes through the wizard on the 返乡摸排 page:
// the preview counts what each row would do, nothing is written until 确认导入, then the
// arrivals are in the ledger (checked with the CLI) and the import is in the history.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { byTestId, cli, repo, screenshot, startApp } from '../support/app.mjs';

const FIXTURE = path.join(repo, 'tests', 'e2e', 'fixtures', 'messy-arrivals.xlsx');

/** The number shown by the preview's count `key`. */
async function count(browser, key) {
  const el = await byTestId(browser, `import-count-${key}`);
  const value = await el.$('.ant-statistic-content-value');
  return Number((await value.getText()).replace(/,/g, ''));
}

describe('导入 · 返乡人员名单', () => {
  let app;
  before(async () => {
    app = await startApp({ demo: true });
    await (await byTestId(app.browser, 'menu-arrivals')).click();
    await byTestId(app.browser, 'arrivals-page');
  });
  after(async () => {
    await app?.stop();
  });

  it('reads the messy list and previews what each row would do, writing nothing', async () => {
    const { browser, dataDir } = app;
    await (await byTestId(browser, 'import-open')).click();
    // A file input is never displayed by antd pages; WebDriver can still give it a file.
    const input = await browser.$('[data-testid="import-file"]');
    await input.waitForExist({ timeout: 20000 });
    await input.setValue(FIXTURE);
    // The mapping step: the merged header is flattened and mapped by its synonyms.
    await (await byTestId(browser, 'import-to-preview', 60000)).click();
    await byTestId(browser, 'import-counts', 60000);
    assert.equal(await count(browser, 'rows'), 6);
    assert.equal(await count(browser, 'newPeople'), 4);
    assert.equal(await count(browser, 'newArrivals'), 4);
    assert.equal(await count(browser, 'duplicates'), 1);
    assert.equal(await count(browser, 'errors'), 1);
    const modal = await browser.$('.ant-modal');
    const text = await modal.getText();
    assert.match(text, /科学计数法/, 'the corrupted ID number is explained in Chinese');
    await screenshot(browser, 'imports-preview');
    // The dry run wrote nothing.
    assert.match(cli(dataDir, 'persons', 'search', '冯五洲'), /^0 found$/m);
  });

  it('commits the accepted rows and finds the arrivals in the ledger', async () => {
    const { browser, dataDir } = app;
    await (await byTestId(browser, 'import-commit')).click();
    await byTestId(browser, 'import-done', 60000);
    await screenshot(browser, 'imports-done');
    for (const name of ['杨一帆', '周二妹', '吴三强', '冯五洲']) {
      assert.match(cli(dataDir, 'persons', 'search', name), /^1 found$/m, name);
    }
    assert.match(cli(dataDir, 'persons', 'search', '郑四海'), /^0 found$/m, 'the refused row');
    const history = cli(dataDir, 'imports', 'list');
    assert.match(history, /messy-arrivals\.xlsx/);
  });
});
