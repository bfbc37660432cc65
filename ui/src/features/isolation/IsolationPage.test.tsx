import { configure, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IsolationFilter } from '../../api/bindings';
import { choose } from '../../test/arrivals';
import { TODAY, grid, isolationBackend, li, zhang } from '../../test/isolation';
import { renderApp } from '../../test/render';
import { calls } from '../../test/residents';

// antd's tables, selects, cascaders and modals render slowly in jsdom.
beforeAll(() => configure({ asyncUtilTimeout: 8000 }));

const rowOf = async (name: string) => {
  const rows = await screen.findAllByTestId('isolation-row');
  const row = rows.find((r) => within(r).queryByText(name));
  if (!row) throw new Error(`no row of ${name}`);
  return row;
};

describe('IsolationPage: the list', { timeout: 90_000 }, () => {
  it('is in the menu and lists day N of M with a bar, checks missing and fevers', async () => {
    const log = isolationBackend();
    const { user } = renderApp('/');
    const menu = await screen.findByTestId('menu-isolation');
    expect(menu).toHaveTextContent('居家隔离');
    await user.click(within(menu).getByText('居家隔离'));
    expect(await screen.findByTestId('isolation-page')).toBeInTheDocument();
    const zhangRow = await rowOf('张三');
    expect(within(zhangRow).getByTestId('isolation-day')).toHaveTextContent('第 5/14 天');
    expect(within(zhangRow).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '36');
    expect(within(zhangRow).getByTestId('isolation-missing')).toHaveTextContent('缺报 1');
    expect(within(zhangRow).getByTestId('isolation-missing')).toHaveClass('ant-tag-red');
    expect(within(zhangRow).getByTestId('isolation-fever')).toHaveTextContent('发热');
    expect(zhangRow).toHaveTextContent('2020-01-21');
    expect(zhangRow).toHaveTextContent('至 2020-02-03');
    expect(zhangRow).toHaveTextContent('居家隔离');
    expect(zhangRow).toHaveTextContent('隔离中');

    const liRow = await rowOf('李四');
    expect(within(liRow).getByTestId('isolation-day')).toHaveTextContent('第 3/14 天');
    expect(within(liRow).getByTestId('isolation-missing')).toHaveTextContent('缺报 0');
    expect(within(liRow).getByTestId('isolation-missing')).not.toHaveClass('ant-tag-red');
    expect(within(liRow).queryByTestId('isolation-fever')).not.toBeInTheDocument();
    expect(screen.getByTestId('isolation-total')).toHaveTextContent('共 2 人');
    expect(calls(log, 'list_isolations')).toEqual([
      { input: { status: 'active', offset: 0, limit: 20 } satisfies IsolationFilter },
    ]);
  });

  it('sends the status and kind filters', async () => {
    const log = isolationBackend();
    const { user } = renderApp('/isolation');
    await rowOf('张三');
    await choose(user, 'isolation-filter-kind', '居家健康监测');
    await waitFor(() =>
      expect(calls(log, 'list_isolations').at(-1)).toEqual({
        input: { status: 'active', kind: 'monitoring', offset: 0, limit: 20 },
      }),
    );
    await user.click(screen.getByTestId('isolation-filter-reset'));
    await waitFor(() =>
      expect(calls(log, 'list_isolations').at(-1)).toEqual({ input: { offset: 0, limit: 20 } }),
    );
  });

  it('replans only with a reason', async () => {
    const log = isolationBackend({
      replan_isolation: ({ input }) => ({ ...zhang, days: input.days, planReason: input.reason }),
    });
    const { user } = renderApp('/isolation');
    await user.click(within(await rowOf('张三')).getByTestId('isolation-replan'));
    const days = await screen.findByTestId('replan-days');
    await user.clear(days);
    await user.type(days, '21');
    await user.click(screen.getByTestId('replan-submit'));
    expect(await screen.findByText('请填写调整原因')).toBeInTheDocument();
    expect(calls(log, 'replan_isolation')).toEqual([]);

    await user.type(screen.getByTestId('replan-reason'), '县指挥部通知延长');
    await user.click(screen.getByTestId('replan-submit'));
    expect(await screen.findByText('已将张三的隔离期调整为 21 天')).toBeInTheDocument();
    expect(calls(log, 'replan_isolation')).toEqual([
      { input: { id: 'i1', days: 21, reason: '县指挥部通知延长' } },
    ]);
  });

  it('releases the rows ticked and lists those refused with the reason', async () => {
    const log = isolationBackend({
      release_isolations: () => ({
        released: ['i1'],
        refused: [{ id: 'i2', personName: '李四', reasonZh: '隔离期未满：第3/14天' }],
      }),
    });
    const { user } = renderApp('/isolation');
    expect(screen.queryByTestId('isolation-release')).not.toBeInTheDocument();
    await user.click(within(await rowOf('张三')).getByRole('checkbox'));
    await user.click(within(await rowOf('李四')).getByRole('checkbox'));
    await user.click(screen.getByTestId('isolation-release'));
    const form = await screen.findByTestId('release-form');
    expect(form).toHaveTextContent('将解除：张三、李四');
    await user.click(within(form).getByTestId('release-submit'));

    const outcome = await screen.findByTestId('release-outcome');
    expect(within(outcome).getByTestId('release-released')).toHaveTextContent('已解除 1 人');
    const refused = within(outcome).getAllByTestId('release-refused');
    expect(refused).toHaveLength(1);
    expect(refused[0]).toHaveTextContent('李四');
    expect(refused[0]).toHaveTextContent('隔离期未满：第3/14天');
    expect(calls(log, 'release_isolations')).toEqual([{ input: { ids: ['i1', 'i2'], on: TODAY } }]);
  });

  it('ends one isolation with a reason and a date', async () => {
    const log = isolationBackend({
      end_isolation: ({ input }) => ({ ...zhang, status: 'transferred', endReason: input.reason }),
    });
    const { user } = renderApp('/isolation');
    await user.click(within(await rowOf('张三')).getByTestId('isolation-end'));
    await choose(user, 'end-reason', '转送就医');
    await user.type(screen.getByTestId('end-note'), '转往县人民医院');
    await user.click(screen.getByTestId('end-submit'));
    expect(await screen.findByText('张三：转送就医')).toBeInTheDocument();
    expect(calls(log, 'end_isolation')).toEqual([
      { input: { id: 'i1', on: TODAY, reason: 'hospital', note: '转往县人民医院' } },
    ]);
  });
});

describe('IsolationPage: the monitoring grid', { timeout: 90_000 }, () => {
  it('shows days × slots with the fever cell red and the empty past cell as 缺报', async () => {
    const log = isolationBackend();
    const { user } = renderApp('/isolation');
    await user.click(within(await rowOf('张三')).getByTestId('isolation-grid'));
    const table = await screen.findByTestId('grid-table');
    const rows = await within(table).findAllByTestId('grid-row');
    expect(rows).toHaveLength(grid.days.length);
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['日期', '天数', '上午', '下午']);

    // Day 2: a fever in the morning, nothing in the afternoon (a day already past).
    expect(rows[1]).toHaveTextContent('2020-01-22');
    const fever = within(rows[1]).getByTestId('grid-cell-fever');
    expect(fever).toHaveTextContent('38.1℃');
    expect(fever).toHaveClass('ant-tag-red');
    expect(fever.closest('td')).toHaveStyle({ background: '#fff1f0' });
    expect(within(rows[1]).getByTestId('grid-cell-missing')).toHaveTextContent('缺报');
    expect(within(rows[1]).getByText('咳嗽')).toBeInTheDocument();

    // Only that one cell is missing: today's are still open, later days are empty.
    expect(within(table).getAllByTestId('grid-cell-missing')).toHaveLength(1);
    expect(within(rows[4]).getAllByTestId('grid-enter')).toHaveLength(2);
    expect(within(rows[5]).getAllByTestId('grid-cell-empty')).toHaveLength(2);
    expect(within(rows[0]).getAllByTestId('grid-cell-check')[0]).toHaveTextContent('36.5℃');
    expect(screen.getByTestId('monitoring-grid')).toHaveTextContent('第 5/14 天');
    expect(calls(log, 'monitoring_grid')).toEqual([{ input: { id: 'i1' } }]);
  });
});

describe('IsolationPage: a building round', { timeout: 90_000 }, () => {
  it('sends the temperatures typed down the column in one add_checks and shows the fever', async () => {
    const log = isolationBackend();
    const { user } = renderApp('/isolation');
    await user.click(await screen.findByTestId('isolation-tab-round'));

    const picker = await screen.findByTestId('round-building');
    await user.click(within(picker.closest('.ant-select') ?? picker).getByRole('combobox'));
    await user.click(await screen.findByText('幸福社区 第一网格'));
    await user.click(await screen.findByText('幸福家园'));
    await user.click(await screen.findByText('12栋'));

    const inputs = await screen.findAllByTestId('round-temperature');
    expect(inputs).toHaveLength(3);
    expect(calls(log, 'building_round')).toEqual([
      { input: { buildingId: 'b1', date: TODAY, slot: 1 } },
    ]);
    await user.click(inputs[0]);
    await user.keyboard('36.5{Enter}');
    expect(inputs[1]).toHaveFocus();
    await user.keyboard('38.2{Enter}');
    expect(inputs[2]).toHaveFocus();
    await user.keyboard('36.8{Enter}');
    expect(screen.getByTestId('round-save')).toHaveFocus();
    expect(calls(log, 'add_checks')).toEqual([]);
    await user.click(screen.getByTestId('round-save'));

    const outcome = await screen.findByTestId('round-outcome');
    expect(outcome).toHaveTextContent('已保存 3 条体温记录');
    expect(within(outcome).getByTestId('round-fevers')).toHaveTextContent('发现发热 1 人');
    await waitFor(() => expect(outcome).toHaveTextContent('李四'));
    expect(await screen.findByTestId('round-fever')).toHaveTextContent('38.2℃');
    const visit = { date: TODAY, slot: 1, symptoms: [], method: 'visit' };
    expect(calls(log, 'add_checks')).toEqual([
      {
        input: {
          checks: [
            { isolationId: 'i1', temperature: '36.5', ...visit },
            { isolationId: 'i2', temperature: '38.2', ...visit },
            { isolationId: 'i3', temperature: '36.8', ...visit },
          ],
        },
      },
    ]);
  });
});

describe('IsolationPage: starting an isolation', { timeout: 90_000 }, () => {
  it("prefills the policy's dates and starts it", async () => {
    const log = isolationBackend({
      search_people: () => [
        {
          personId: 'p1',
          name: '张三',
          idNumber: '420102********1234',
          phone: null,
          address: '幸福家园12栋1单元101',
          residenceStatus: 'hukou',
          matched: 'name',
        },
      ],
      propose_isolation: ({ input }) => ({
        kind: input.kind,
        startRule: 'arrival',
        startDate: '2020-01-21',
        days: 14,
        plannedEnd: '2020-02-03',
        checksPerDay: 2,
        followUpDays: [1, 2, 3, 7, 14],
      }),
      start_isolation: () => zhang,
    });
    const { user } = renderApp('/isolation');
    await user.click(await screen.findByTestId('start-isolation'));
    const form = await screen.findByTestId('start-form');
    await user.type(within(form).getByTestId('person-search'), '张三');
    await user.click((await screen.findAllByTestId('search-hit'))[0]);
    expect(await screen.findByTestId('start-planned-end')).toHaveTextContent('2020-02-03');
    await waitFor(() => expect(within(form).getByTestId('start-date')).toHaveValue('2020-01-21'));
    expect(within(form).getByTestId('start-days')).toHaveValue('14');
    expect(calls(log, 'propose_isolation')).toEqual([{ input: { personId: 'p1', kind: 'home' } }]);
    await user.click(within(form).getByTestId('start-submit'));
    expect(await screen.findByText('已开始隔离：张三，计划 2020-02-03 解除')).toBeInTheDocument();
    expect(calls(log, 'start_isolation')).toEqual([
      { input: { personId: 'p1', kind: 'home', startDate: '2020-01-21', days: 14 } },
    ]);
  });

  it('lists the isolations of a person in the person drawer, with their grid', async () => {
    const log = isolationBackend({
      list_isolations: ({ input }) =>
        input.personId ? { rows: [zhang], total: 1 } : { rows: [zhang, li], total: 2 },
    });
    const { user } = renderApp('/isolation');
    await user.click(within(await rowOf('张三')).getByTestId('isolation-name'));
    const section = await screen.findByTestId('person-isolations');
    const item = await within(section).findByTestId('person-isolation');
    expect(item).toHaveTextContent('第 5/14 天');
    expect(item).toHaveTextContent('隔离中');
    expect(item).toHaveTextContent('2020-01-21 至 2020-02-03');
    expect(calls(log, 'list_isolations')).toContainEqual({
      input: { personId: 'p1', offset: 0, limit: 50 },
    });
    await user.click(within(item).getByTestId('person-isolation-grid'));
    expect(await screen.findByTestId('grid-table')).toBeInTheDocument();
  });
});
