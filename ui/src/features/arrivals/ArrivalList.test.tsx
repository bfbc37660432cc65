import { configure, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ArrivalFilter } from '../../api/bindings';
import { arrival, arrivalsBackend, choose, chooseWuhan, typeDate } from '../../test/arrivals';
import { renderApp } from '../../test/render';
import { calls } from '../../test/residents';

// antd's tables, selects, cascaders and modals render slowly in jsdom.
beforeAll(() => configure({ asyncUtilTimeout: 15_000 }));

const lastFilter = (log: ReturnType<typeof arrivalsBackend>) =>
  (calls(log, 'list_arrivals').at(-1) as { input: ArrivalFilter }).input;

describe('ArrivalsPage: list', { timeout: 120_000 }, () => {
  it('is in the menu and lists arrivals with their risk areas, fever and isolation', async () => {
    const log = arrivalsBackend({
      list_arrivals: () => ({ rows: [{ ...arrival, isolationStatus: 'active' }], total: 1 }),
    });
    const { user } = renderApp('/');
    await user.click(await screen.findByText('返乡摸排'));
    const table = await screen.findByTestId('arrival-table');
    const rows = await within(table).findAllByTestId('arrival-row');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveTextContent('张三');
    expect(rows[0]).toHaveTextContent('420102********1234');
    expect(rows[0]).toHaveTextContent('省外');
    expect(rows[0]).toHaveTextContent('2020-01-21');
    expect(rows[0]).toHaveTextContent('火车 G1234');
    expect(rows[0]).toHaveTextContent('咳嗽');
    expect(within(rows[0]).getByTestId('arrival-temp-fever')).toHaveTextContent('37.8℃');
    expect(within(rows[0]).getByTestId('arrival-risk-tag')).toHaveTextContent('湖北省武汉市');
    expect(within(rows[0]).getByTestId('isolation-status')).toHaveTextContent('隔离中');
    expect(screen.getByTestId('arrivals-total')).toHaveTextContent('共 1 人次');
    expect(calls(log, 'list_arrivals')).toEqual([
      { input: { fromRiskArea: false, offset: 0, limit: 20 } },
    ]);
  });

  it('sends the chosen filters as the ArrivalFilter', async () => {
    const log = arrivalsBackend();
    const { user } = renderApp('/arrivals');
    await screen.findAllByTestId('arrival-row');

    await choose(user, 'arrival-filter-class', '省外');
    await waitFor(() =>
      expect(lastFilter(log)).toEqual({
        originClass: 'other_province',
        fromRiskArea: false,
        offset: 0,
        limit: 20,
      }),
    );
    await user.click(screen.getByTestId('arrival-filter-risk-only'));
    await choose(user, 'arrival-filter-risk-area', '湖北省武汉市');
    await chooseWuhan(user, 'arrival-filter-within');
    await typeDate(user, 'arrival-filter-dates', '2020-01-01', 0);
    await typeDate(user, 'arrival-filter-dates', '2020-01-31', 1);
    await choose(user, 'arrival-filter-grid', '幸福社区 第一网格');
    await waitFor(() =>
      expect(lastFilter(log)).toEqual({
        originClass: 'other_province',
        fromRiskArea: true,
        riskAreaId: 'r1',
        within: { kind: 'region', code: '420100' },
        since: '2020-01-01',
        until: '2020-01-31',
        gridId: 'g1',
        offset: 0,
        limit: 20,
      }),
    );

    await user.click(screen.getByTestId('arrival-filter-reset'));
    await waitFor(() =>
      expect(lastFilter(log)).toEqual({ fromRiskArea: false, offset: 0, limit: 20 }),
    );
  });

  it('asks for everyone who came from a risk area since a date (the night-time query)', async () => {
    const log = arrivalsBackend({
      list_arrivals: ({ input }) =>
        input.within
          ? { rows: [arrival, { ...arrival, id: 'a2' }], total: 2 }
          : { rows: [], total: 0 },
      rescreen_arrivals: () => ({ sweepId: 's1', households: 2, people: 2, withoutHousehold: 0 }),
    });
    const { user } = renderApp('/arrivals');
    await user.click(await screen.findByTestId('arrivals-tab-night'));
    await choose(user, 'night-area', '湖北省武汉市');
    await typeDate(user, 'night-since', '2020-01-10');
    const result = await screen.findByTestId('night-result');
    await waitFor(() => expect(within(result).getByTestId('night-count')).toHaveTextContent('2'));
    expect(within(result).getAllByTestId('arrival-row')).toHaveLength(2);
    expect(lastFilter(log)).toEqual({
      fromRiskArea: false,
      within: { kind: 'region', code: '420100' },
      since: '2020-01-10',
      offset: 0,
      limit: 20,
    });

    // One click starts a re-screening sweep over all of them (the whole filter, no page).
    await user.click(within(result).getByTestId('night-rescreen'));
    const name = await screen.findByTestId('rescreen-name');
    expect(name).toHaveValue('湖北省武汉市来返人员入户复查');
    await user.click(screen.getByRole('button', { name: /^生\s?成$/ }));
    expect(
      await screen.findByText('已生成摸排轮次：2 户（2 人，其中 0 人未登记住户）'),
    ).toBeInTheDocument();
    const sent = log.filter((c) => c.cmd === 'rescreen_arrivals').map((c) => c.args);
    expect(sent).toEqual([
      {
        input: {
          filter: {
            fromRiskArea: false,
            within: { kind: 'region', code: '420100' },
            since: '2020-01-10',
            offset: 0,
            limit: 0,
          },
          name: '湖北省武汉市来返人员入户复查',
          startDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) as string,
        },
      },
    ]);
  });

  it('opens the person with their arrivals and contact chain', async () => {
    const log = arrivalsBackend();
    const { user } = renderApp('/arrivals');
    await user.click(await screen.findByTestId('arrival-person-link'));
    const drawer = await screen.findByTestId('person-drawer');
    const arrivals = await within(drawer).findAllByTestId('person-arrival');
    expect(arrivals[0]).toHaveTextContent('2020-01-21 到达');
    expect(arrivals[0]).toHaveTextContent('来自湖北省武汉市');
    const down = await within(drawer).findAllByTestId('person-contact-down');
    expect(down.map((d) => d.textContent)).toContain(
      '第 2 层李四 → 赵六（同餐，最后接触 2020-01-27）',
    );
    expect(within(drawer).getByTestId('person-contact-up')).toHaveTextContent(
      '王五 → 张三（同行（同交通工具），最后接触 2020-01-19）',
    );
    expect(calls(log, 'list_arrivals').at(-1)).toEqual({
      input: { personId: 'p1', fromRiskArea: false, offset: 0, limit: 50 },
    });
  });
});
