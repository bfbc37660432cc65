import { configure, screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderApp } from '../../test/render';
import { calls } from '../../test/residents';
import { sweeps, sweepsBackend } from '../../test/sweeps';

// antd's tables, selects and modals render slowly in jsdom.
beforeAll(() => configure({ asyncUtilTimeout: 5000 }));

/** Opens an antd Select (by its data-testid) and clicks the option with this text. */
async function choose(user: UserEvent, testId: string, option: string) {
  const select = await screen.findByTestId(testId);
  await user.click(within(select).getByRole('combobox'));
  const options = await screen.findAllByText(option, {
    selector: '.ant-select-item-option-content, .ant-select-item-option-content *',
  });
  await user.click(options[options.length - 1]);
}

async function openBuilding(user: UserEvent) {
  const table = await screen.findByTestId('progress-table');
  await user.click(await within(table).findByText('幸福家园12栋'));
  return screen.findByTestId('building-visits');
}

describe('SweepsPage', { timeout: 120_000 }, () => {
  it('is in the menu and shows the latest sweep’s progress per building', async () => {
    const log = sweepsBackend();
    const { user } = renderApp('/');
    await user.click(await screen.findByText('入户摸排'));
    const list = await screen.findByTestId('sweep-list');
    expect(await within(list).findByText('返乡人员第一轮摸排')).toBeInTheDocument();
    expect(await within(list).findByText('2026年11月20日 起 · 第一网格')).toBeInTheDocument();

    const progress = await screen.findByTestId('sweep-progress');
    expect(within(progress).getByText('返乡人员第一轮摸排：各楼栋进度')).toBeInTheDocument();
    const rows = await within(progress).findAllByTestId('progress-row');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('幸福家园12栋');
    expect(rows[0]).toHaveTextContent('1/4');
    expect(rows[1]).toHaveTextContent('老街平房区');
    const total = within(progress).getByTestId('progress-total');
    expect(within(total).getByText('无人应答 1')).toBeInTheDocument();
    expect(within(total).getByText('未访 4')).toBeInTheDocument();
    expect(within(total).getByText('1/5')).toBeInTheDocument();
    expect(calls(log, 'sweep_progress')).toEqual([{ input: { id: 'sw1' } }]);
  });

  it('creates a sweep over a grid and shows it', async () => {
    const created = { ...sweeps[0], id: 'sw2', name: '第二轮摸排', gridId: 'g2', note: null };
    let list = sweeps;
    const log = sweepsBackend({
      list_sweeps: () => list,
      create_sweep: () => {
        list = [created, ...sweeps];
        return created;
      },
    });
    const { user } = renderApp('/sweeps');
    await user.click(await screen.findByTestId('new-sweep'));
    await user.type(await screen.findByTestId('sweep-name-input'), '第二轮摸排');
    const scope = screen.getByTestId('sweep-scope-select');
    await user.click(within(scope).getByRole('combobox'));
    await user.click(await screen.findByTitle('第二网格'));
    await user.click(screen.getByTestId('sweep-submit'));

    expect(await screen.findByText('已新建摸排轮次：第二轮摸排')).toBeInTheDocument();
    const input = calls(log, 'create_sweep')[0] as { input: Record<string, unknown> };
    expect(input.input).toMatchObject({
      name: '第二轮摸排',
      endDate: null,
      communityId: null,
      gridId: 'g2',
      note: null,
    });
    // Today unless changed: a date, formatted for the backend.
    expect(input.input.startDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await waitFor(() =>
      expect(calls(log, 'sweep_progress').at(-1)).toEqual({ input: { id: 'sw2' } }),
    );
    expect(
      await within(screen.getByTestId('sweep-progress')).findByText('第二轮摸排：各楼栋进度'),
    ).toBeInTheDocument();
  });

  it('marks the ticked households of a building in one go, by the chosen worker', async () => {
    const log = sweepsBackend();
    const { user } = renderApp('/sweeps');
    const card = await openBuilding(user);
    expect(calls(log, 'sweep_households')).toEqual([
      { input: { sweepId: 'sw1', buildingId: 'b12', estateId: 'e1', gridId: 'g1' } },
    ]);
    const rows = await within(card).findAllByTestId('visit-row');
    expect(rows).toHaveLength(4);
    expect(within(card).getByTestId('building-progress')).toHaveTextContent('1/4');
    expect(within(card).getByTestId('mark-visited')).toBeDisabled();

    await choose(user, 'visit-worker-select', '王芳（13905540101）');
    await user.click(within(card).getByTestId('select-pending'));
    expect(within(card).getByTestId('selected-count')).toHaveTextContent('已选 3 户');
    // Untick 202: only 102 and 201 are marked.
    await user.click(within(rows[3]).getByRole('checkbox'));
    await user.click(within(card).getByTestId('mark-visited'));

    expect(await screen.findByText('已将 2 户标为已摸排')).toBeInTheDocument();
    expect(calls(log, 'record_sweep_visits')).toEqual([
      {
        input: { sweepId: 'sw1', householdIds: ['h2', 'h3'], status: 'visited', workerId: 'w1' },
      },
    ]);
    await waitFor(() =>
      expect(within(card).getByTestId('building-progress')).toHaveTextContent('3/4'),
    );
    expect(within(card).getByTestId('building-counts')).toHaveTextContent('已摸排 2');
    expect(within(card).getByTestId('selected-count')).toHaveTextContent('已选 0 户');

    // Back to every building: the row has moved on too.
    await user.click(within(card).getByTestId('back-to-progress'));
    const row = (await screen.findAllByTestId('progress-row'))[0];
    expect(row).toHaveTextContent('3/4');
  });

  it('changes one household’s status in place', async () => {
    const log = sweepsBackend();
    const { user } = renderApp('/sweeps');
    const card = await openBuilding(user);
    const rows = await within(card).findAllByTestId('visit-row');
    const select = within(rows[3]).getByTestId('row-status-select');
    await user.click(within(select).getByRole('combobox'));
    const options = await screen.findAllByText('拒绝', {
      selector: '.ant-select-item-option-content *',
    });
    await user.click(options[options.length - 1]);
    await waitFor(() =>
      expect(calls(log, 'record_sweep_visit')).toEqual([
        { input: { sweepId: 'sw1', householdId: 'h4', status: 'refused' } },
      ]),
    );
    await waitFor(() =>
      expect(within(card).getByTestId('building-counts')).toHaveTextContent('拒绝 1'),
    );
  });

  it('shows the backend’s refusal in Chinese', async () => {
    sweepsBackend({
      record_sweep_visits: () => {
        throw {
          code: 'invalidInput',
          message: 'outside',
          detailZh: '摸排时间（2026-11-29）不在本轮摸排的起止日期内（2026-11-20 至 2026-11-25）',
        };
      },
    });
    const { user } = renderApp('/sweeps');
    const card = await openBuilding(user);
    await user.click(within(card).getByTestId('select-pending'));
    await user.click(within(card).getByTestId('mark-vacant'));
    expect(
      await screen.findByText(
        '登记失败：输入有误：摸排时间（2026-11-29）不在本轮摸排的起止日期内（2026-11-20 至 2026-11-25）',
      ),
    ).toBeInTheDocument();
    expect(within(card).getByTestId('selected-count')).toHaveTextContent('已选 3 户');
  });
});
