// 居家隔离 · 健康监测 in the real app: on the demo ledger, three people of 幸福家园1栋 are put
// in home isolation through the CLI. In the app a worker records one round of temperatures
// for the building (typed down the column, Enter moving to the next person, one save), one
// of them 38.5℃; the round says one fever was raised. On 首页 the worklist lists that fever
// under 未处理发热; the worker handles it (referral to the fever clinic, 居家观察) and the
// list empties. The CLI then finds the checks and no open fever, and the ledger intact.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Key } from 'webdriverio';
import { byTestId, choose, cli, screenshot, startApp } from '../support/app.mjs';

const BUILDING = '幸福家园1栋';

/** Click the open cascader's option whose text is exactly `text`. */
async function cascade(browser, text) {
  const option = await browser.$(
    `//li[contains(@class,'ant-cascader-menu-item')][normalize-space(.)='${text}']`,
  );
  await option.waitForDisplayed({ timeout: 20000 });
  await option.click();
}

describe('居家隔离 · 健康监测', () => {
  let app;
  /** The three people put in isolation: { id, name }, and their isolation ids. */
  let people;
  let isolations;

  before(async () => {
    app = await startApp({ demo: true });
    const hits = cli(app.dataDir, 'persons', 'search', BUILDING, '--limit', '50')
      .split('\n')
      .map((line) => line.split('\t'))
      .filter((cols) => cols.length >= 5 && cols[4].startsWith(`${BUILDING}1单元`));
    assert.ok(hits.length >= 3, `three people live in ${BUILDING}1单元`);
    people = hits.slice(0, 3).map(([id, name]) => ({ id, name }));
    isolations = people.map(({ id }) => {
      const out = cli(app.dataDir, 'isolations', 'start', '--person', id, '--kind', 'home');
      assert.match(out, /居家隔离/);
      assert.match(out, /隔离中/);
      return out.split('\t')[0];
    });
    await (await byTestId(app.browser, 'menu-isolation')).click();
    await byTestId(app.browser, 'isolation-page');
  });
  after(async () => {
    await app?.stop();
  });

  let feverName;

  it('lists the isolations started through the CLI with day N of M', async () => {
    const { browser } = app;
    await browser.waitUntil(
      async () => (await browser.$$('[data-testid="isolation-row"]')).length >= 3,
      { timeout: 20000, timeoutMsg: 'the three isolations are listed' },
    );
    const text = await (await byTestId(browser, 'isolation-table')).getText();
    for (const { name } of people) assert.ok(text.includes(name), `${name} is listed`);
    assert.match(text, /第 [12]\/14 天/);
    await screenshot(browser, 'isolation-list');
  });

  it('records a round of temperatures for the building in one save; one fever is raised', async () => {
    const { browser } = app;
    await (await byTestId(browser, 'isolation-tab-round')).click();
    await (await byTestId(browser, 'round-building')).click();
    await cascade(browser, '幸福社区 第一网格');
    await cascade(browser, '幸福家园');
    await cascade(browser, '1栋');

    await browser.waitUntil(
      async () => (await browser.$$('[data-testid="round-temperature"]')).length === 3,
      { timeout: 20000, timeoutMsg: `the round lists the 3 people of ${BUILDING} in isolation` },
    );
    const rows = await browser.$$('[data-testid="round-row"]');
    const names = [];
    for (const row of rows) {
      const text = await row.getText();
      const person = people.find((p) => text.includes(p.name));
      assert.ok(person, `row ${JSON.stringify(text)} is one of ours`);
      names.push(person.name);
    }
    feverName = names[1];

    const inputs = await browser.$$('[data-testid="round-temperature"]');
    const temperatures = ['36.5', '38.5', '36.7'];
    for (let i = 0; i < inputs.length; i++) {
      if (i === 0) await inputs[0].click();
      else assert.ok(await inputs[i].isFocused(), `Enter moved to row ${i + 1}`);
      await inputs[i].addValue(temperatures[i]);
      await browser.keys([Key.Enter]);
    }
    assert.ok(await (await byTestId(browser, 'round-save')).isFocused(), 'then to 保存本轮');
    await screenshot(browser, 'isolation-round-typed');
    await (await byTestId(browser, 'round-save')).click();

    const outcome = await byTestId(browser, 'round-outcome', 20000);
    await browser.waitUntil(async () => (await outcome.getText()).includes(feverName), {
      timeout: 20000,
      timeoutMsg: 'the round names the person with a fever',
    });
    const text = await outcome.getText();
    assert.match(text, /已保存 3 条体温记录/);
    assert.match(text, /发现发热 1 人/);
    const fever = await byTestId(browser, 'round-fever', 20000);
    assert.match(await fever.getText(), /38\.5/);
    await screenshot(browser, 'isolation-round-saved');
  });

  it('shows the fever on 首页 and handles it', async () => {
    const { browser } = app;
    await (await byTestId(browser, 'menu-home')).click();
    await byTestId(browser, 'worklist-section-fevers', 30000);
    const item = await byTestId(browser, 'worklist-fever', 20000);
    const line = await item.getText();
    assert.ok(line.includes(feverName), `the fever of ${feverName} is listed`);
    assert.match(line, /38\.5/);
    assert.match(await (await byTestId(browser, 'worklist-count-fevers')).getText(), /1/);
    await screenshot(browser, 'isolation-worklist-fever');

    await (await byTestId(browser, 'worklist-handle-fever')).click();
    const form = await byTestId(browser, 'fever-form');
    assert.equal(
      await (await byTestId(browser, 'fever-referral')).getValue(),
      '社区卫生服务中心发热门诊',
    );
    await choose(browser, await byTestId(browser, 'fever-result'), '居家观察');
    await screenshot(browser, 'isolation-handle-fever');
    await (await byTestId(browser, 'fever-submit')).click();
    await form.waitForDisplayed({ reverse: true, timeout: 20000 });
    const fevers = () => browser.$('[data-testid="worklist-section-fevers"]').getText();
    await browser.waitUntil(async () => (await fevers()).includes('没有未处理的发热'), {
      timeout: 20000,
      timeoutMsg: 'the worklist has no open fever left',
    });
    await screenshot(browser, 'isolation-worklist-handled');
  });

  it('leaves the checks and the handled fever in the ledger', () => {
    const { dataDir } = app;
    const listed = cli(dataDir, 'isolations', 'list')
      .split('\n')
      .map((line) => line.split('\t'))
      .filter((cols) => isolations.includes(cols[0]));
    assert.equal(listed.length, 3);
    for (const cols of listed) {
      // id, name, kind, start, planned end, day N/M, status, done, missing, open fevers
      assert.equal(cols[7], '1', `${cols[1]} has one check`);
      assert.equal(cols[9], '0', `${cols[1]} has no open fever`);
    }
    const worklist = JSON.parse(cli(dataDir, 'worklist', '--json'));
    assert.deepEqual(worklist.fevers, []);
    assert.match(cli(dataDir, 'check'), /integrity:\s+ok/);
  });
});
