import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { expect } from 'vitest';
import type { Arrival, ContactChain, ContactLink, PersonHit, RiskArea } from '../api/bindings';
import type { Handlers } from './backend';
import { appInfo } from './fixtures';
import { registerChildren, residentsBackend } from './residents';

/** Fixtures and helpers of the 返乡摸排 and 密接管理 tests. */
export const arrival: Arrival = {
  id: 'a1',
  personId: 'p1',
  personName: '张三',
  idNumberMasked: '420102********1234',
  origin: { kind: 'region', code: '420100' },
  originName: '湖北省武汉市',
  originText: null,
  originClass: 'other_province',
  departedOn: '2020-01-20',
  arrivedOn: '2020-01-21',
  transport: 'train',
  transportNo: 'G1234',
  purpose: '探亲',
  householdId: 'h1',
  address: '幸福家园12栋1单元101',
  gridId: 'g1',
  symptoms: ['cough'],
  temperature: '37.8',
  fever: true,
  screenedOn: '2020-01-22',
  screenedBy: null,
  screenedByName: null,
  sweepId: null,
  note: null,
  riskAreas: ['湖北省武汉市'],
};

export const riskArea: RiskArea = {
  id: 'r1',
  place: { kind: 'region', code: '420100' },
  name: '湖北省武汉市',
  level: 'high',
  fromDate: '2020-01-01',
  untilDate: null,
  notice: '第1号通告',
  note: null,
  active: true,
  arrivals: 1,
};

export const hit = (id: string, name: string): PersonHit => ({
  personId: id,
  name,
  idNumber: '110101********1234',
  phone: null,
  address: '幸福家园12栋1单元101',
  residenceStatus: 'hukou',
  matched: 'name',
});

export const link = (over: Partial<ContactLink>): ContactLink => ({
  id: 'c1',
  personId: 'p2',
  personName: '李四',
  indexPersonId: 'p1',
  indexPersonName: '张三',
  exposure: 'household',
  lastContactOn: '2020-01-25',
  note: null,
  depth: 1,
  ...over,
});

/** 王五 → 张三 (同行); 张三 → 李四 (同住) → 赵六 (同餐), and 张三 → 钱七 (同住). */
export const chain: ContactChain = {
  personId: 'p1',
  upstream: [
    link({
      id: 'c0',
      personId: 'p1',
      personName: '张三',
      indexPersonId: 'p0',
      indexPersonName: '王五',
      exposure: 'travel',
      lastContactOn: '2020-01-19',
    }),
  ],
  downstream: [
    link({ id: 'c1' }),
    link({ id: 'c2', personId: 'p3', personName: '钱七' }),
    link({
      id: 'c3',
      personId: 'p4',
      personName: '赵六',
      indexPersonId: 'p2',
      indexPersonName: '李四',
      exposure: 'meal',
      lastContactOn: '2020-01-27',
      depth: 2,
    }),
  ],
};

/** The residents backend with 返乡摸排 and 密接管理 reported and their reads mocked. */
export function arrivalsBackend(handlers: Handlers = {}) {
  return residentsBackend({
    app_info: () => ({
      ...appInfo,
      modules: ['home', 'residents', 'arrivals', 'contacts', 'settings'],
    }),
    register_children: registerChildren,
    list_arrivals: () => ({ rows: [arrival], total: 1 }),
    list_risk_areas: () => [riskArea],
    list_contacts: () => ({ rows: chain.downstream.slice(0, 2), total: 2 }),
    contact_chain: () => chain,
    search_people: ({ input }) =>
      [hit('p1', '张三'), hit('p2', '李四')].filter((h) => h.name.includes(input.query)),
    ...handlers,
  });
}

/** Opens an antd Select (by its data-testid) and clicks the option with this text. */
export async function choose(user: UserEvent, testId: string, option: string) {
  const select = await screen.findByTestId(testId);
  await user.click(within(select).getByRole('combobox'));
  const options = await screen.findAllByText(option, {
    selector: '.ant-select-item-option-content, .ant-select-item-option-content *',
  });
  await user.click(options[options.length - 1]);
}

/**
 * Types a date into an antd DatePicker (by its data-testid) and leaves it with Tab (Enter
 * would also submit a form the picker is in).
 */
export async function typeDate(user: UserEvent, testId: string, date: string, index = 0) {
  // antd puts the data-testid on the picker's input (both inputs of a range picker).
  const input = (await screen.findAllByTestId(testId))[index];
  await user.click(input);
  // Pasted, not typed: every keystroke re-renders the picker's panel, slowly in jsdom.
  await user.paste(date);
  await user.tab();
  await waitFor(() => expect(input).toHaveValue(date));
}

/** Chooses 湖北省武汉市 in the RegionPicker inside the element with this data-testid. */
export async function chooseWuhan(user: UserEvent, testId: string) {
  const picker = await screen.findByTestId(testId);
  const input = within(picker).getByRole('combobox');
  await user.click(input);
  await user.paste('wh');
  await user.click(await screen.findByText('湖北省 / 武汉市'));
}

/** Searches a PersonPicker (by its data-testid) and picks the person named `name`. */
export async function pickPerson(user: UserEvent, testId: string, name: string) {
  const picker = await screen.findByTestId(testId);
  const input = within(picker).getByRole('combobox');
  await user.click(input);
  await user.type(input, name);
  const option = await screen.findAllByText(name, {
    selector: '[data-testid="person-option"] *',
  });
  await user.click(option[option.length - 1]);
}
