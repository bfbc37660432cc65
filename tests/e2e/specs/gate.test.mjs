// 卡口登记 in the real app, keyboard only: on the demo ledger, a worker at 幸福家园东门 checks
// ten entries without touching the mouse. Nine residents are found by their ID number
// (typed, Enter on the match, the temperature, Enter; the focus returns to the first
// input each time), one of them at 38.4℃ and refused; the tenth is a visitor not in the
// register (ID number typed, Enter on 查无此人, name, phone, reason, temperature, each
// with Enter). The day view counts 10 checked, 1 fever, 1 refused, 1 visitor, with the
// hour histogram; the CLI's day view agrees and the worklist holds the fever.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { Key } from "webdriverio";
import { byTestId, cli, screenshot, startApp } from "../support/app.mjs";

const BUILDING = "幸福家园3栋";
const FEVER_AT = 4;
const VISITOR = {
  idNumber: "11010519491231002X",
  name: "欧阳来访",
  phone: "13955554444",
};

/** Wait until the element with this data-testid has the focus; return it. */
async function focused(browser, id) {
  const el = await byTestId(browser, id);
  await browser.waitUntil(() => el.isFocused(), {
    timeout: 10000,
    timeoutMsg: `${id} has the focus`,
  });
  return el;
}

describe("卡口登记", () => {
  let app;
  /** Nine residents: { name, idNumber }. */
  let people;

  before(async () => {
    app = await startApp({ demo: true });
    const ids = cli(app.dataDir, "persons", "search", BUILDING, "--limit", "30")
      .split("\n")
      .map((line) => line.split("\t"))
      .filter((cols) => cols.length >= 5 && cols[4].startsWith(BUILDING))
      .map((cols) => cols[0]);
    assert.ok(ids.length >= 9, `nine people live in ${BUILDING}`);
    people = ids.slice(0, 9).map((id) => {
      const shown = cli(app.dataDir, "persons", "show", id, "--reveal");
      const field = (label) =>
        shown
          .split("\n")
          .find((l) => l.startsWith(`${label}:`))
          .slice(label.length + 1)
          .trim();
      return { name: field("name"), idNumber: field("id number") };
    });
    await (await byTestId(app.browser, "menu-gate")).click();
    await byTestId(app.browser, "gate-page");
  });
  after(async () => {
    await app?.stop();
  });

  it("checks nine residents by ID number with the keyboard only, refusing the fever", async () => {
    const { browser } = app;
    for (let i = 0; i < people.length; i++) {
      const { name, idNumber } = people[i];
      const temperature = i === FEVER_AT ? "38.4" : `36.${i + 1}`;
      const who = await focused(browser, "gate-who");
      await who.addValue(idNumber);
      await browser.waitUntil(
        async () => {
          const list = await browser.$$('[data-testid="gate-candidate"]');
          return list.length === 1 && (await list[0].getText()).includes(name);
        },
        { timeout: 20000, timeoutMsg: `${name} is found by the ID number` },
      );
      await browser.keys([Key.Enter]);
      const temp = await focused(browser, "gate-temperature");
      await temp.addValue(temperature);
      if (i === FEVER_AT) await screenshot(browser, "gate-entry-typed");
      await browser.keys([Key.Enter]);
      const result = await byTestId(browser, "gate-last-result");
      await browser.waitUntil(
        async () => (await result.getText()).includes(name),
        {
          timeout: 20000,
          timeoutMsg: `the entry of ${name} is saved`,
        },
      );
      const text = await result.getText();
      if (i === FEVER_AT) {
        assert.match(text, /38\.4℃ 发热，不予进入/);
        assert.match(text, /社区卫生服务中心发热门诊/);
        assert.equal(await result.getAttribute("data-admitted"), "false");
        await screenshot(browser, "gate-fever-refused");
      } else {
        assert.match(text, /已放行/);
      }
    }
  });

  it("records a visitor not in the register, field by field with Enter", async () => {
    const { browser } = app;
    const who = await focused(browser, "gate-who");
    await who.addValue(VISITOR.idNumber);
    const option = await byTestId(browser, "gate-candidate-visitor");
    assert.match(await option.getText(), /查无此人/);
    await browser.keys([Key.Enter]);
    const name = await focused(browser, "gate-visitor-name");
    assert.equal(
      await (await byTestId(browser, "gate-visitor-idNumber")).getValue(),
      VISITOR.idNumber,
    );
    await name.addValue(VISITOR.name);
    await browser.keys([Key.Enter]);
    await (
      await focused(browser, "gate-visitor-phone")
    ).addValue(VISITOR.phone);
    await browser.keys([Key.Enter]);
    await focused(browser, "gate-visitor-idNumber");
    await browser.keys([Key.Enter]);
    await (await focused(browser, "gate-visitor-reason")).addValue("探亲");
    await browser.keys([Key.Enter]);
    await (await focused(browser, "gate-temperature")).addValue("36.6");
    await browser.keys([Key.Enter]);
    const result = await byTestId(browser, "gate-last-result");
    await browser.waitUntil(
      async () => (await result.getText()).includes(VISITOR.name),
      {
        timeout: 20000,
        timeoutMsg: "the visitor is saved",
      },
    );
    assert.match(await result.getText(), /已放行/);
    await focused(browser, "gate-who");
  });

  it("counts the day: 10 checked, 1 fever, 1 refused, 1 visitor, with the hour histogram", async () => {
    const { browser } = app;
    const count = async (k) =>
      (await (await byTestId(browser, `gate-count-${k}`)).getText())
        .replace(/\D+/g, " ")
        .trim();
    await browser.waitUntil(
      async () => (await count("checked")).endsWith("10"),
      {
        timeout: 20000,
        timeoutMsg: "the day view counts ten entries",
      },
    );
    assert.ok((await count("fever")).endsWith("1"));
    assert.ok((await count("refused")).endsWith("1"));
    assert.ok((await count("visitors")).endsWith("1"));
    const rows = await browser.$$('[data-testid="gate-check-row"]');
    assert.equal(rows.length, 10);
    let histogram = 0;
    for (const bar of await browser.$$('[data-testid="gate-hour"]')) {
      histogram += Number(await bar.getAttribute("data-count"));
    }
    assert.equal(histogram, 10);
    await screenshot(browser, "gate-day");

    const day = cli(
      app.dataDir,
      "gate",
      "list",
      "--checkpoint",
      "幸福家园东门",
    );
    assert.match(
      day,
      /幸福家园东门\tchecked 10\tvisitors 1\tfever 1\trefused 1/,
    );
    assert.match(
      day,
      new RegExp(`${people[FEVER_AT].name}\t登记人员\t38\\.4℃\t未准入`),
    );
    const work = cli(app.dataDir, "worklist");
    assert.match(
      work,
      new RegExp(`open fevers: +1 ${people[FEVER_AT].name} 38\\.4℃`),
    );
  });

  it("voids the fever entry typed wrongly, with its reason, and its fever event with it", async () => {
    const { browser } = app;
    const refused = await browser.$('[data-testid="gate-check-row"][data-admitted="false"]');
    await (await refused.$('[data-testid="gate-void"]')).click();
    const reason = await byTestId(browser, "gate-void-reason");
    await reason.waitForDisplayed({ timeout: 20000 });
    await reason.addValue("体温录错，实测36.4");
    await (await byTestId(browser, "gate-void-ok")).click();
    await browser.waitUntil(
      async () =>
        (await browser.$$('[data-testid="gate-check-row"]')).length === 9,
      { timeout: 20000, timeoutMsg: "the voided entry leaves the day view" },
    );
    const day = cli(app.dataDir, "gate", "list", "--checkpoint", "幸福家园东门");
    assert.match(day, /幸福家园东门\tchecked 9\tvisitors 1\tfever 0\trefused 0/);
    const work = cli(app.dataDir, "worklist");
    assert.match(work, /open fevers: +0/);
  });
});
