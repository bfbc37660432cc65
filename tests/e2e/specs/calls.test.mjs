// 电话核实 in the real app, on the demo ledger (ten targets called in January 2020: nine not
// coming back for now, one 空号). A worker adds a resident abroad in 韩国 as a call target,
// logs an unreachable call (关机) with the keyboard (number key 5, Enter), finds the redial
// on tomorrow's call list, then logs "plans to return" with a date. The 首页 card counts
// the outcomes from the records, and the CLI agrees.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Key } from 'webdriverio';
import { byTestId, cli, replaceText, screenshot, startApp } from '../support/app.mjs';

/** Waits until an element matching the XPath is displayed and returns it. */
async function displayed(browser, selector, timeoutMsg) {
  let found;
  await browser.waitUntil(
    async () => {
      for (const el of await browser.$$(selector)) {
        if (await el.isDisplayed()) {
          found = el;
          return true;
        }
      }
      return false;
    },
    { timeout: 20000, timeoutMsg: timeoutMsg ?? `${selector} is displayed` },
  );
  return found;
}

/** The local calendar date `days` from today, as 2020-01-21. */
function localDate(days) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

describe('电话核实 · 境外人员跟踪', () => {
  let app;
  let person;
  let target;

  before(async () => {
    app = await startApp({ demo: true });
    const [id, name] = cli(app.dataDir, 'persons', 'list', '--status', 'hukou', '--limit', '1')
      .split('\n')[0]
      .split('\t');
    person = { id, name };
    await (await byTestId(app.browser, 'menu-calls')).click();
    await byTestId(app.browser, 'calls-page');
  });
  after(async () => {
    await app?.stop();
  });

  it('counts the source scenario on 首页 from the records', async () => {
    const { browser } = app;
    await (await byTestId(browser, 'menu-home')).click();
    const card = await byTestId(browser, 'calls-card', 30000);
    await browser.waitUntil(async () => /空号 1/.test(await card.getText()), {
      timeout: 20000,
      timeoutMsg: 'the card counts one dead number',
    });
    assert.match(await card.getText(), /已接通-暂不返回 9/);
    await screenshot(browser, 'calls-home-card');
    await (await byTestId(browser, 'menu-calls')).click();
    await byTestId(browser, 'calls-page');
  });

  it('adds a resident abroad as a call target', async () => {
    const { browser } = app;
    await (await byTestId(browser, 'add-target')).click();
    const input = await browser.$('[data-testid="target-person"] input[type="search"]');
    await input.waitForDisplayed({ timeout: 20000 });
    await input.click();
    await input.addValue(person.name);
    const option = await displayed(
      browser,
      `//*[@data-testid="person-option"][contains(., '${person.name}')]`,
    );
    await option.click();
    const country = await browser.$(
      `//*[@data-testid="target-place-kind"]//label[contains(., '境外')]`,
    );
    await country.click();
    const place = await browser.$('[data-testid="target-place"] input[type="search"]');
    await place.waitForDisplayed({ timeout: 20000 });
    await place.click();
    await place.addValue('hanguo');
    const korea = await displayed(
      browser,
      `//div[contains(@class,'ant-select-item-option')][normalize-space(.)='韩国']`,
    );
    await korea.click();
    await replaceText(browser, await byTestId(browser, 'target-city'), '首尔');
    await replaceText(browser, await byTestId(browser, 'target-foreign-phone'), '+82 10 1234 5678');
    await screenshot(browser, 'calls-add-target');
    await (await byTestId(browser, 'target-save')).click();
    await (
      await browser.$('[data-testid="add-target-form"]')
    ).waitForDisplayed({
      reverse: true,
      timeout: 20000,
    });
    // The demo's targets have all been called: the one waiting is ours (the name may be
    // shared by several residents, so it is found by its state and place).
    const line = cli(app.dataDir, 'calls', 'list', '--state', 'pending')
      .split('\n')
      .find((l) => l.includes('韩国 首尔'));
    assert.ok(line, 'the new target is listed as 待核实');
    target = line.split('\t')[0];
    person = { ...person, name: line.split('\t')[1] };
    // A new target is due at once (首次核实).
    const button = await byTestId(browser, `log-call-${target}`, 20000);
    assert.ok(button);
  });

  it('logs an unreachable call from the keyboard and finds the redial on tomorrow’s list', async () => {
    const { browser } = app;
    await (await byTestId(browser, `log-call-${target}`)).click();
    await byTestId(browser, 'quick-call');
    await browser.pause(300);
    await browser.keys(['5']); // 关机
    const chosen = await browser.$(
      `//label[contains(@class,'ant-radio-button-wrapper')][contains(., '关机')]//input`,
    );
    await browser.waitUntil(async () => chosen.isSelected(), {
      timeout: 5000,
      timeoutMsg: 'key 5 chose 关机',
    });
    await screenshot(browser, 'calls-quick-entry');
    await browser.keys([Key.Enter]);
    await (
      await browser.$('[data-testid="quick-call"]')
    ).waitForDisplayed({
      reverse: true,
      timeout: 20000,
    });
    assert.match(cli(app.dataDir, 'calls', 'list', '--state', 'retry'), new RegExp(target));

    await replaceText(browser, await byTestId(browser, 'call-list-date'), localDate(1));
    const row = await byTestId(browser, `log-call-${target}`, 20000);
    assert.ok(row);
    const table = await byTestId(browser, 'call-list');
    assert.match(await table.getText(), /到期重拨/);
    assert.match(await table.getText(), new RegExp(person.name));
    await screenshot(browser, 'calls-tomorrow');
  });

  it('logs "plans to return" with a date', async () => {
    const { browser } = app;
    const planned = localDate(10);
    await (await byTestId(browser, `log-call-${target}`)).click();
    await byTestId(browser, 'quick-call');
    await (
      await displayed(
        browser,
        `//label[contains(@class,'ant-radio-button-wrapper')][contains(., '已接通-计划返回')]`,
      )
    ).click();
    await replaceText(browser, await byTestId(browser, 'call-planned'), planned);
    await replaceText(browser, await byTestId(browser, 'call-transport'), 'MU5042');
    await (await byTestId(browser, 'call-save')).click();
    await (
      await browser.$('[data-testid="quick-call"]')
    ).waitForDisplayed({
      reverse: true,
      timeout: 20000,
    });
    const listed = cli(app.dataDir, 'calls', 'list', '--state', 'plans_return');
    assert.match(listed, new RegExp(target));
    assert.match(listed, /预计返回/);
    await (await byTestId(browser, 'calls-tab-all')).click();
    const all = await byTestId(browser, 'call-targets');
    await browser.waitUntil(async () => (await all.getText()).includes(planned), {
      timeout: 20000,
      timeoutMsg: 'the planned date is shown',
    });
    await screenshot(browser, 'calls-plans-return');
  });
});
