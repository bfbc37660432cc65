import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockBackend } from '../../test/backend';
import { emptyDashboard } from '../../test/fixtures';
import { renderApp } from '../../test/render';

describe('HomePage', () => {
  it('shows the counts returned by dashboard_counts', async () => {
    mockBackend();
    renderApp();
    expect(await screen.findByTestId('stat-people')).toHaveTextContent('4,521');
    expect(screen.getByTestId('stat-households')).toHaveTextContent('1,834');
    expect(screen.getByTestId('stat-buildings')).toHaveTextContent('71');
    expect(screen.getByTestId('stat-units')).toHaveTextContent('271');
    expect(screen.getByTestId('stat-estates')).toHaveTextContent('7');
    expect(screen.getByTestId('stat-grids')).toHaveTextContent('5');
    expect(screen.getByTestId('stat-communities')).toHaveTextContent('2');
    expect(screen.getByTestId('dashboard-date')).toHaveTextContent('2026年11月29日');
  });

  it('lists residence statuses with their Chinese labels', async () => {
    mockBackend();
    renderApp();
    expect(await screen.findByTestId('residence-hukou')).toHaveTextContent('户籍3,010 人');
    expect(screen.getByTestId('residence-abroad')).toHaveTextContent('境外10 人');
    expect(screen.getByTestId('residence-floating')).toHaveTextContent('流动');
  });

  it('shows a table of grids', async () => {
    mockBackend();
    renderApp();
    const table = await screen.findByTestId('grid-table');
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(4); // header + 3 grids
    expect(within(rows[1]).getByText('第一网格')).toBeInTheDocument();
    expect(within(rows[1]).getByText('1,503')).toBeInTheDocument();
    expect(within(rows[3]).getByText('和平社区')).toBeInTheDocument();
  });

  it('shows the error state with 重试 when dashboard_counts fails, and refetches', async () => {
    let calls = 0;
    const log = mockBackend({
      dashboard_counts: () => {
        calls += 1;
        if (calls === 1) {
          throw { code: 'internal', message: 'database is locked', detailZh: '台账文件被占用' };
        }
        return { ...emptyDashboard, people: 12 };
      },
    });
    const { user } = renderApp();
    const state = await screen.findByTestId('error-state');
    expect(within(state).getByText('无法读取首页统计')).toBeInTheDocument();
    expect(within(state).getByText('程序内部错误：台账文件被占用')).toBeInTheDocument();
    await user.click(within(state).getByRole('button', { name: /重试/ }));
    expect(await screen.findByTestId('stat-people')).toHaveTextContent('12');
    expect(log.filter((c) => c.cmd === 'dashboard_counts')).toHaveLength(2);
  });

  it('shows the empty state for a ledger without people', async () => {
    mockBackend({ dashboard_counts: () => emptyDashboard });
    renderApp();
    const state = await screen.findByTestId('empty-state');
    expect(within(state).getByText('台账中还没有人员')).toBeInTheDocument();
    expect(within(state).getByText('gridledger demo')).toBeInTheDocument();
    expect(screen.queryByTestId('stat-people')).not.toBeInTheDocument();
  });

  it('shows a loading state while counts are on their way', async () => {
    mockBackend({ dashboard_counts: () => new Promise(() => {}) });
    renderApp();
    await screen.findByTestId('menu-home');
    expect(screen.getByTestId('loading-state')).toBeInTheDocument();
  });
});
