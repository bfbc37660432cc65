// 返乡摸排 and 密接管理 in the real app, on the demo ledger (which already declares 湖北省武汉市
// a risk area from 2020-01-01, with four arrivals from there): register an arrival from
// 湖北省武汉市 for a person not yet in the register (typed ID number first); see a second
// declaration of 武汉市 from 2020-01-01 refused in Chinese and another risk area added;
// find the person through the 来自风险地区 filter and the night-time query; then make the
// other five members of a new household of six the close contacts of one of them, see the
// chain drawn, and check both with the CLI.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Key } from 'webdriverio';
import { byTestId, cli, replaceText, screenshot, startApp } from '../support/app.mjs';

/** A resident ID number with a valid GB 11643 check digit (MOD 11-2). */
function idNumber(body17) {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body17].reduce((s, d, i) => s + Number(d) * weights[i], 0);
  return body17 + '10X98765432'[sum % 11];
}

// 湖北省武汉市江岸区, born 1988-08-08; the demo community has nobody from there.
const ARRIVAL_ID = idNumber('42010219880808917');
const ARRIVAL_NAME = '欧阳明';
const HOUSEHOLD = ['柯一', '柯二', '柯三', '柯四', '柯五', '柯六'];

/** The tree node whose title starts with `name`. */
const treeNode = (name) =>
  `//div[contains(@class,'ant-tree-treenode')][.//span[contains(@class,'ant-tree-title') and starts-with(normalize-space(.), '${name}')]]`;

async function expand(browser, name) {
  const switcher = await browser.$(`${treeNode(name)}//span[contains(@class,'ant-tree-switcher')]`);
  await switcher.waitForDisplayed({ timeout: 20000 });
  await switcher.click();
}

async function select(browser, name) {
  const title = await browser.$(
    `${treeNode(name)}//span[contains(@class,'ant-tree-node-content-wrapper')]`,
  );
  await title.waitForDisplayed({ timeout: 20000 });
  await title.click();
}

/**
 * The displayed element matching `selector`: dropdowns of pickers used before stay in the
 * page, hidden, with the same options.
 */
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

/** Types into the search of the picker inside `testId` and clicks the option `option`. */
async function pickRegion(browser, testId, query, option) {
  const input = await browser.$(`[data-testid="${testId}"] input[type="search"]`);
  await input.waitForDisplayed({ timeout: 20000 });
  await input.click();
  await input.addValue(query);
  const item = await displayed(
    browser,
    `//li[contains(@class,'ant-cascader-menu-item')][normalize-space(.)='${option}']`,
  );
  await item.click();
  // A prefecture can still be narrowed to a county: leave the picker to close its dropdown.
  await browser.keys([Key.Tab]);
}

/** Searches the person picker inside `testId` for `name` and picks them. */
async function pickPerson(browser, testId, name) {
  const input = await browser.$(`[data-testid="${testId}"] input[type="search"]`);
  await input.waitForDisplayed({ timeout: 20000 });
  await input.click();
  await input.addValue(name);
  const option = await displayed(
    browser,
    `//*[@data-testid="person-option"][contains(., '${name}')]`,
  );
  await option.click();
}

/** Types a date into a date picker's input and leaves it with Tab. */
async function typeDate(browser, testId, date) {
  const input = await byTestId(browser, testId);
  await replaceText(browser, input, date);
  await browser.keys([Key.Tab]);
}

async function waitForText(browser, testId, text, timeoutMsg) {
  const el = await byTestId(browser, testId);
  await browser.waitUntil(async () => (await el.getText()).includes(text), {
    timeout: 20000,
    timeoutMsg,
  });
  return el;
}

/** Waits until no modal (nor its fading mask) is left to take the next click. */
async function waitForModalsClosed(browser) {
  await browser.waitUntil(
    async () => !(await browser.$('.ant-modal-mask').isDisplayed().catch(() => false)),
    { timeout: 10000, timeoutMsg: 'the modal is gone' },
  );
}

/** Closes the open drawer and waits until its mask is gone (it would take the next click). */
async function closeDrawer(browser) {
  const drawer = await byTestId(browser, 'person-drawer');
  // Escape only reaches the drawer when the focus is in it; its close button always does.
  await (await displayed(browser, '.ant-drawer-close')).click();
  await drawer.waitForDisplayed({ reverse: true, timeout: 10000 });
  await browser.waitUntil(
    async () => !(await browser.$('.ant-drawer-mask').isDisplayed().catch(() => false)),
    { timeout: 10000, timeoutMsg: 'the drawer mask is gone' },
  );
}

describe('返乡摸排 · 风险地区 · 密切接触者', () => {
  let app;
  before(async () => {
    app = await startApp({ demo: true });
    await (await byTestId(app.browser, 'menu-arrivals')).click();
    await byTestId(app.browser, 'arrivals-page');
  });
  after(async () => {
    await app?.stop();
  });

  it('registers an arrival from 湖北省武汉市 for a person not yet registered', async () => {
    const { browser } = app;
    await (await byTestId(browser, 'add-arrival')).click();
    await replaceText(browser, await byTestId(browser, 'arrival-id-input'), ARRIVAL_ID);
    await waitForText(browser, 'arrival-id-derived', '1988-08-08', 'the ID number is inspected');
    await browser.keys([Key.Enter]);
    const name = await byTestId(browser, 'arrival-name-input');
    await browser.waitUntil(async () => name.isFocused(), {
      timeout: 5000,
      timeoutMsg: 'Enter moves from the ID number to the name',
    });
    await name.addValue(ARRIVAL_NAME);
    await replaceText(browser, await byTestId(browser, 'arrival-phone-input'), '13800138000');
    await pickRegion(browser, 'arrival-origin', 'wuhan', '湖北省 / 武汉市');
    // antd's own texts are Chinese in the built app too (its zh_CN locale is bundled).
    const departed = await byTestId(browser, 'arrival-departed');
    assert.equal(await departed.getAttribute('placeholder'), '请选择日期');
    await typeDate(browser, 'arrival-departed', '2020-01-22');
    await typeDate(browser, 'arrival-arrived', '2020-01-22');
    await replaceText(browser, await byTestId(browser, 'arrival-transport-no'), 'G1234');
    await replaceText(browser, await byTestId(browser, 'arrival-temperature'), '36.8');
    await screenshot(browser, 'arrivals-register');
    await (await byTestId(browser, 'arrival-submit')).click();
    await (await byTestId(browser, 'arrival-form')).waitForDisplayed({
      reverse: true,
      timeout: 20000,
      timeoutMsg: 'the form closes once the person and the arrival are saved',
    });

    // The demo's 140 arrivals fill the first pages: narrow the list to those from 武汉市.
    await pickRegion(browser, 'arrival-filter-within', 'wuhan', '湖北省 / 武汉市');
    await waitForText(browser, 'arrivals-total', '共 5 人次', 'the demo’s four and this one');
    const row = await browser.$(`//*[@data-testid="arrival-row"][contains(., '${ARRIVAL_NAME}')]`);
    await row.waitForDisplayed({ timeout: 20000 });
    const text = await row.getText();
    assert.match(text, /湖北省武汉市/);
    assert.match(text, /2020-01-22/);
    assert.match(text, /G1234/);
    assert.match(text, /420102\*{8}\d{3}[\dX]/, 'the ID number is masked');
    await screenshot(browser, 'arrivals-list');
  });

  it('refuses a second 武汉市 from 2020-01-01 in Chinese and adds another risk area', async () => {
    const { browser } = app;
    await (await byTestId(browser, 'arrivals-tab-risk')).click();
    const wuhan = await browser.$(`//*[@data-testid="risk-area-row"][contains(., '湖北省武汉市')]`);
    await wuhan.waitForDisplayed({ timeout: 20000 });
    await browser.waitUntil(async () => (await wuhan.getText()).includes('5 人次'), {
      timeout: 20000,
      timeoutMsg: 'the demo’s four arrivals from 武汉市 and the one just registered',
    });
    assert.match(await wuhan.getText(), /2020-01-01/);
    assert.match(await wuhan.getText(), /生效中/);

    await (await byTestId(browser, 'add-risk-area')).click();
    await pickRegion(browser, 'risk-area-place', 'wuhan', '湖北省 / 武汉市');
    await typeDate(browser, 'risk-area-from', '2020-01-01');
    await (await byTestId(browser, 'risk-area-submit')).click();
    await waitForText(
      browser,
      'risk-area-error',
      '已列为风险地区（自 2020-01-01 起）',
      'the overlapping declaration is refused in Chinese',
    );
    await screenshot(browser, 'arrivals-risk-area-refused');

    // 境外: 韩国 from 2020-02-20.
    const country = await browser.$(
      `//*[@data-testid="risk-area-place-kind"]//label[contains(., '境外')]`,
    );
    await country.click();
    const input = await browser.$('[data-testid="risk-area-place"] input[type="search"]');
    await input.waitForDisplayed({ timeout: 20000 });
    await input.click();
    await input.addValue('hanguo');
    const option = await displayed(
      browser,
      `//div[contains(@class,'ant-select-item-option')][normalize-space(.)='韩国']`,
    );
    await option.click();
    await typeDate(browser, 'risk-area-from', '2020-02-20');
    await replaceText(browser, await byTestId(browser, 'risk-area-notice'), '境外输入防控通告');
    await (await byTestId(browser, 'risk-area-submit')).click();
    const korea = await browser.$(`//*[@data-testid="risk-area-row"][contains(., '韩国')]`);
    await korea.waitForDisplayed({ timeout: 20000 });
    assert.match(await korea.getText(), /2020-02-20/);
    assert.match(await korea.getText(), /0 人次/);
    await screenshot(browser, 'arrivals-risk-areas');
  });

  it('finds the person through the 来自风险地区 filter and the night-time query', async () => {
    const { browser, dataDir } = app;
    await (await byTestId(browser, 'arrivals-tab-list')).click();
    await (await byTestId(browser, 'arrival-filter-reset')).click();
    await waitForText(browser, 'arrivals-total', '共 141 人次', 'all arrivals again');
    const riskOnly = await browser.$(
      `//label[contains(@class,'ant-checkbox-wrapper')][contains(., '仅看来自风险地区')]`,
    );
    await riskOnly.waitForDisplayed({ timeout: 20000 });
    await riskOnly.click();
    await waitForText(browser, 'arrivals-total', '共 5 人次', 'the five arrivals from 武汉市');
    const row = await browser.$(`//*[@data-testid="arrival-row"][contains(., '${ARRIVAL_NAME}')]`);
    await row.waitForDisplayed({ timeout: 20000 });
    const tag = await row.$('[data-testid="arrival-risk-tag"]');
    assert.equal(await tag.getText(), '湖北省武汉市');
    await screenshot(browser, 'arrivals-from-risk-area');

    await (await byTestId(browser, 'arrivals-tab-night')).click();
    const area = await browser.$('[data-testid="night-area"] input[type="search"]');
    await area.waitForDisplayed({ timeout: 20000 });
    await area.click();
    const option = await displayed(
      browser,
      `//div[contains(@class,'ant-select-item-option')][normalize-space(.)='湖北省武汉市']`,
    );
    await option.click();
    await typeDate(browser, 'night-since', '2020-01-20');
    await waitForText(browser, 'night-count', '2', 'the demo’s 2020-01-21 arrival and this one');
    const result = await byTestId(browser, 'night-result');
    await browser.waitUntil(async () => (await result.getText()).includes(ARRIVAL_NAME), {
      timeout: 20000,
      timeoutMsg: 'the night-time query lists the person',
    });
    await screenshot(browser, 'arrivals-night-query');

    const listed = cli(dataDir, 'arrivals', 'list', '--from-risk-area');
    assert.match(listed, new RegExp(`\\t${ARRIVAL_NAME}\\t`), listed);
    assert.match(listed, /^5 of 5$/m, listed);
  });

  it('builds a household of six in 居民台账', async () => {
    const { browser } = app;
    await (await byTestId(browser, 'menu-residents')).click();
    await byTestId(browser, 'residents-page');
    await expand(browser, '龙泉街道');
    await expand(browser, '幸福社区');
    await expand(browser, '第一网格');
    await select(browser, '幸福家园');
    const add = await byTestId(browser, 'add-building');
    await browser.waitUntil(async () => add.isEnabled(), { timeout: 10000 });
    await add.click();
    await replaceText(browser, await byTestId(browser, 'building-name-input'), '88栋');
    await replaceText(browser, await byTestId(browser, 'units-end-input'), '1');
    await replaceText(browser, await byTestId(browser, 'floors-end-input'), '1');
    await replaceText(browser, await byTestId(browser, 'rooms-per-floor-input'), '1');
    await (await byTestId(browser, 'building-submit')).click();
    await waitForModalsClosed(browser);
    await expand(browser, '幸福家园');
    await select(browser, '88栋');
    const household = await browser.$(
      `//*[@data-testid="household-row"][contains(., '幸福家园88栋1单元101')]`,
    );
    await household.waitForDisplayed({ timeout: 20000 });
    // A table row is not "interactable" for WebKitWebDriver; its first cell is.
    await (await household.$('td')).click();

    for (const name of HOUSEHOLD) {
      await (await byTestId(browser, 'add-person')).click();
      await replaceText(browser, await byTestId(browser, 'person-name-input'), name);
      await (await byTestId(browser, 'person-submit')).click();
      await waitForText(browser, 'person-drawer', name, `${name} is added`);
      await waitForModalsClosed(browser);
      await closeDrawer(browser);
    }
    await browser.waitUntil(
      async () => (await browser.$$('[data-testid="person-row"]')).length === HOUSEHOLD.length,
      { timeout: 20000, timeoutMsg: 'the household lists its six members' },
    );
  });

  it('makes the other five members close contacts of one and draws the chain', async () => {
    const { browser, dataDir } = app;
    await (await byTestId(browser, 'menu-contacts')).click();
    await byTestId(browser, 'contacts-page');
    await (await byTestId(browser, 'add-household-contacts')).click();
    await pickPerson(browser, 'household-contacts-index', HOUSEHOLD[0]);
    await typeDate(browser, 'household-contacts-date', '2020-01-25');
    await screenshot(browser, 'contacts-household');
    await (await byTestId(browser, 'household-contacts-submit')).click();
    await waitForText(
      browser,
      'household-contacts-result',
      '新登记 5 人，此前已登记 0 人',
      'five contacts added, none before',
    );
    await (await byTestId(browser, 'household-contacts-chain')).click();

    // The demo's family of five and these five, all last in contact on 2020-01-25.
    await waitForText(browser, 'contacts-total', '共 10 条', 'the list shows ten contacts');
    for (const name of HOUSEHOLD.slice(1)) {
      const row = await browser.$(`//*[@data-testid="contact-row"][contains(., '${name}')]`);
      await row.waitForDisplayed({ timeout: 20000 });
      const text = await row.getText();
      assert.match(text, new RegExp(HOUSEHOLD[0]));
      assert.match(text, /同住/);
      assert.match(text, /2020-01-25/);
    }
    await waitForText(browser, 'chain-counts', '下游 5 条', 'the chain has five links down');
    const nodes = await browser.$$('[data-testid="graph-node"]');
    assert.equal(nodes.length, 6, 'the index person and the five contacts');
    const names = [];
    for (const node of nodes) names.push(await node.getProperty('textContent'));
    assert.deepEqual([...names].sort(), [...HOUSEHOLD].sort());
    assert.equal((await browser.$$('[data-testid="graph-edge"]')).length, 5);
    await (await byTestId(browser, 'contact-chain')).scrollIntoView();
    await screenshot(browser, 'contacts-chain');

    const found = cli(dataDir, 'persons', 'search', HOUSEHOLD[0]);
    const id = found.split('\n').find((l) => l.includes(`\t${HOUSEHOLD[0]}\t`))?.split('\t')[0];
    assert.ok(id, found);
    const chain = cli(dataDir, 'contacts', 'chain', id);
    assert.match(chain, /^0 upstream, 5 downstream$/m, chain);
    for (const name of HOUSEHOLD.slice(1)) {
      assert.match(chain, new RegExp(`^down\\t1\\t${name} ← ${HOUSEHOLD[0]}\\t同住\\t2020-01-25$`, 'm'));
    }
  });
});
