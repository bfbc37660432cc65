import { configure, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Publicity, PublicityTotals } from '../../api/bindings';
import { mockBackend } from '../../test/backend';
import { appInfo } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import { calls } from '../../test/residents';
import { choose } from '../../test/arrivals';

// antd renders slowly in jsdom.
beforeAll(() => configure({ asyncUtilTimeout: 8000 }));

const totals: PublicityTotals = {
  from: null,
  to: null,
  kinds: [
    { kind: 'banner', entries: 1, count: 20, reach: 0 },
    { kind: 'screen', entries: 1, count: 2, reach: 0 },
    { kind: 'board', entries: 1, count: 5, reach: 0 },
    { kind: 'letter', entries: 1, count: 1500, reach: 0 },
    { kind: 'wechat', entries: 1, count: 2, reach: 1000 },
    { kind: 'posting', entries: 10, count: 220, reach: 0 },
    { kind: 'website', entries: 1, count: 20, reach: 0 },
  ],
  buildings: 71,
  units: 220,
};

const entries: Publicity[] = [
  {
    id: 'e1',
    kind: 'posting',
    count: 24,
    reach: null,
    place: '幸福家园',
    date: '2020-01-27',
    note: null,
    buildings: 8,
    units: 24,
  },
  {
    id: 'e2',
    kind: 'wechat',
    count: 2,
    reach: 500,
    place: '居民群',
    date: '2020-01-23',
    note: null,
    buildings: 0,
    units: 0,
  },
];

function publicityBackend() {
  return mockBackend({
    app_info: () => ({ ...appInfo, modules: ['home', 'publicity', 'settings'] }),
    publicity_totals: () => totals,
    list_publicity: () => entries,
    add_publicity: () => 'new',
    worklist: () => {
      throw { code: 'internal', message: 'not in this test' };
    },
  });
}

describe('PublicityPage', { timeout: 90_000 }, () => {
  it('shows the totals from the core and the log', async () => {
    publicityBackend();
    renderApp('/publicity');
    const card = await screen.findByTestId('publicity-totals');
    expect(within(card).getByTestId('publicity-total-wechat')).toHaveTextContent('2');
    expect(card).toHaveTextContent('覆盖 1000 人');
    expect(within(card).getByTestId('publicity-total-banner')).toHaveTextContent('20');
    expect(within(card).getByTestId('publicity-total-letter')).toHaveTextContent('1,500');
    expect(within(card).getByTestId('publicity-total-buildings')).toHaveTextContent('71');
    expect(within(card).getByTestId('publicity-total-units')).toHaveTextContent('220');
    const list = screen.getByTestId('publicity-list');
    expect(await within(list).findByText('8 栋 24 个单元')).toBeInTheDocument();
    expect(list).toHaveTextContent('微信群');
    expect(list).toHaveTextContent('2020-01-23');
  });

  it('records an entry with its count and reach', async () => {
    const log = publicityBackend();
    const { user } = renderApp('/publicity');
    await user.click(await screen.findByTestId('add-publicity'));
    await choose(user, 'publicity-kind', '微信群');
    await user.type(screen.getByTestId('publicity-count'), '2');
    await user.type(screen.getByTestId('publicity-reach'), '500');
    await user.type(screen.getByTestId('publicity-place'), '居民群');
    await user.click(screen.getByTestId('publicity-save'));
    await waitFor(() => expect(calls(log, 'add_publicity')).toHaveLength(1));
    const [sent] = calls(log, 'add_publicity') as { input: Record<string, unknown> }[];
    expect(sent!.input).toMatchObject({
      kind: 'wechat',
      count: 2,
      reach: 500,
      place: '居民群',
      unitIds: [],
    });
    expect(sent!.input.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
