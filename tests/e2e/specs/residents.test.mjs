// 居民台账 in the real app: create a building with units and households from the tree,
// add a person by typing a valid ID number (the derived fields appear), see a wrong check
// digit refused in Chinese with nothing saved, and find the person by pinyin initials.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { byTestId, cli, replaceText, screenshot, startApp } from '../support/app.mjs';

/** The tree node whose title starts with `name`. */
const treeNode = (name) =>
  `//div[contains(@class,'ant-tree-treenode')][.//span[contains(@class,'ant-tree-title') and starts-with(normalize-space(.), '${name}')]]`;

async function expand(browser, name) {
  const switcher = await browser.$(`${treeNode(name)}//span[contains(@class,'ant-tree-switcher')]`);
  await switcher.waitForDisplayed({ timeout: 20000 });
  await switcher.click();
}

async function select(browser, name) {
  const title = await browser.$(`${treeNode(name)}//span[contains(@class,'ant-tree-node-content-wrapper')]`);
  await title.waitForDisplayed({ timeout: 20000 });
  await title.click();
}

describe('居民台账', () => {
  let app;
  before(async () => {
    app = await startApp({ demo: true });
    await (await byTestId(app.browser, 'menu-residents')).click();
    await byTestId(app.browser, 'residents-page');
  });
  after(async () => {
    await app?.stop();
  });

  it('creates a building with its units and households under an estate', async () => {
    const { browser } = app;
    await expand(browser, '龙泉街道');
    await expand(browser, '幸福社区');
    await expand(browser, '第一网格');
    await select(browser, '幸福家园');
    const add = await byTestId(browser, 'add-building');
    await browser.waitUntil(async () => add.isEnabled(), { timeout: 10000 });
    await add.click();
    await replaceText(browser, await byTestId(browser, 'building-name-input'), '99栋');
    await replaceText(browser, await byTestId(browser, 'units-end-input'), '2');
    await replaceText(browser, await byTestId(browser, 'floors-end-input'), '3');
    await replaceText(browser, await byTestId(browser, 'rooms-per-floor-input'), '2');
    const preview = await byTestId(browser, 'building-preview');
    await browser.waitUntil(async () => (await preview.getText()).includes('12'), {
      timeout: 15000,
      timeoutMsg: 'the preview counts 2 units × 3 floors × 2 rooms = 12 households',
    });
    await screenshot(browser, 'residents-new-building');
    await (await byTestId(browser, 'building-submit')).click();

    await expand(browser, '幸福家园');
    await select(browser, '99栋');
    await byTestId(browser, 'household-table');
    await browser.waitUntil(async () => (await browser.$$('[data-testid="household-row"]')).length === 12, {
      timeout: 20000,
      timeoutMsg: 'the new building lists its 12 households',
    });
    const rows = await browser.$$('[data-testid="household-row"]');
    assert.match(await rows[0].getText(), /幸福家园99栋1单元101/);
    await screenshot(browser, 'residents-building-households');
  });

  it('refuses a wrong check digit in Chinese and saves nothing', async () => {
    const { browser } = app;
    await (await byTestId(browser, 'add-person')).click();
    await replaceText(browser, await byTestId(browser, 'person-id-input'), '110105194912310021');
    await browser.waitUntil(
      async () => (await browser.$('.ant-modal').getText()).includes('校验码'),
      { timeout: 10000, timeoutMsg: 'the check-digit error is shown in Chinese' },
    );
    await screenshot(browser, 'residents-wrong-check-digit');
  });

  it('adds a person by typing a valid ID number; the derived fields appear', async () => {
    const { browser } = app;
    await replaceText(browser, await byTestId(browser, 'person-id-input'), '11010519491231002X');
    const birth = await byTestId(browser, 'derived-birth-date');
    await browser.waitUntil(async () => (await birth.getText()).includes('1949'), {
      timeout: 10000,
      timeoutMsg: 'the birth date derived from the ID number appears',
    });
    assert.match(await (await byTestId(browser, 'derived-sex')).getText(), /女/);
    await replaceText(browser, await byTestId(browser, 'person-name-input'), '张三');
    await screenshot(browser, 'residents-add-person');
    await (await byTestId(browser, 'person-submit')).click();
    const drawer = await byTestId(browser, 'person-drawer', 20000);
    await browser.waitUntil(async () => (await drawer.getText()).includes('张三'), {
      timeout: 10000,
      timeoutMsg: 'the new person opens in the drawer',
    });
    const id = await byTestId(browser, 'person-id-number');
    assert.equal(await id.getText(), '110105********002X', 'masked until revealed');
    await (await byTestId(browser, 'reveal-button')).click();
    await browser.waitUntil(async () => (await id.getText()) === '11010519491231002X', {
      timeout: 10000,
      timeoutMsg: 'the full number after 显示完整号码',
    });
    // Close the drawer with its × and wait until it is gone: its fading mask would take the
    // next click. (Not Escape: once 显示完整号码 is clicked the button goes away and focus
    // may leave the drawer, and rc-drawer only hears Escape from inside; the content may also
    // linger off-screen for WebDriver, so wait for the open drawer to go.)
    await (await browser.$('.ant-drawer-open .ant-drawer-close')).click();
    await browser.waitUntil(async () => !(await browser.$('.ant-drawer-open').isExisting()), {
      timeout: 10000,
      timeoutMsg: 'the × closes the drawer',
    });
    await browser.waitUntil(
      async () => !(await browser.$('.ant-drawer-mask').isDisplayed().catch(() => false)),
      { timeout: 10000, timeoutMsg: 'the drawer mask is gone' },
    );
  });

  it('finds the person by pinyin initials', async () => {
    const { browser, dataDir } = app;
    const search = await byTestId(browser, 'person-search');
    await replaceText(browser, search, 'zs');
    const hit = await browser.$('//*[@data-testid="search-hit"][contains(., "张三")]');
    await hit.waitForDisplayed({ timeout: 20000 });
    await screenshot(browser, 'residents-search-pinyin');
    await hit.click();
    const drawer = await byTestId(browser, 'person-drawer', 20000);
    await browser.waitUntil(async () => (await drawer.getText()).includes('张三'), { timeout: 10000 });

    // The refused entry left nothing behind: one 张三, with the valid number.
    const found = cli(dataDir, 'persons', 'search', '张三');
    assert.match(found, /^1 found$/m, found);
    assert.match(found, /110105\*{8}002X/);
  });
});
