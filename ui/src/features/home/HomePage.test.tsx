import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DashboardCounts, JobProgress } from '../../api/bindings';
import { channelSender, mockBackend } from '../../test/backend';
import { appInfo, dashboard, emptyDashboard } from '../../test/fixtures';
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

  // Several antd popups per test: slow in jsdom, more so on a busy CI machine.
  describe('载入演示数据', { timeout: 30_000 }, () => {
    const demoCounts: DashboardCounts = {
      ...dashboard,
      communities: 1,
      grids: 3,
      estates: 2,
      buildings: 6,
      units: 12,
      households: 48,
      people: 137,
    };

    it('loads the demo into an empty ledger with a progress bar, then shows the counts', async () => {
      let loaded = false;
      let resume!: () => void;
      const halfway = new Promise<void>((resolve) => (resume = resolve));
      const log = mockBackend({
        app_info: () => ({ ...appInfo, ledgerName: loaded ? '幸福社区' : '未命名台账' }),
        dashboard_counts: () => (loaded ? demoCounts : emptyDashboard),
        load_demo: async ({ onProgress }) => {
          const channel = channelSender<JobProgress>(onProgress);
          channel.send({ done: 0, total: 11 });
          channel.send({ done: 1, total: 11 });
          channel.send({ done: 3, total: 11 });
          await halfway;
          for (let done = 4; done <= 11; done += 1) channel.send({ done, total: 11 });
          channel.end();
          loaded = true;
          return demoCounts;
        },
      });
      const { user } = renderApp();
      const state = await screen.findByTestId('empty-state');
      expect(within(state).getByText('gridledger demo')).toBeInTheDocument();
      expect(screen.getByTestId('ledger-name')).toHaveTextContent('未命名台账');

      await user.click(within(state).getByTestId('load-demo'));
      expect(await screen.findByText(/均为虚构，仅供试用本程序/)).toBeInTheDocument();
      expect(log.some((c) => c.cmd === 'load_demo')).toBe(false);
      await user.click(screen.getByRole('button', { name: '载入' }));

      expect(await screen.findByText('正在载入演示数据（3/11）')).toBeInTheDocument();
      expect(within(screen.getByTestId('demo-progress')).getByRole('progressbar')).toHaveAttribute(
        'aria-valuenow',
        '27',
      );
      expect(screen.getByTestId('load-demo')).toBeDisabled();
      expect(log.filter((c) => c.cmd === 'load_demo')).toHaveLength(1);

      resume();
      expect(await screen.findByText('演示数据已载入')).toBeInTheDocument();
      expect(await screen.findByTestId('stat-people')).toHaveTextContent('137');
      expect(screen.getByTestId('stat-households')).toHaveTextContent('48');
      expect(screen.getByTestId('stat-buildings')).toHaveTextContent('6');
      expect(screen.getByTestId('stat-grids')).toHaveTextContent('3');
      expect(screen.queryByTestId('empty-state')).not.toBeInTheDocument();
      await waitFor(() => expect(screen.getByTestId('ledger-name')).toHaveTextContent('幸福社区'));
      expect(log.filter((c) => c.cmd === 'dashboard_counts')).toHaveLength(2);
      expect(log.filter((c) => c.cmd === 'app_info')).toHaveLength(2);
    });

    it('shows the Chinese error text when the backend refuses', async () => {
      mockBackend({
        dashboard_counts: () => emptyDashboard,
        load_demo: () => {
          throw {
            code: 'invalidInput',
            message: 'the ledger is not empty',
            detailZh: '台账中已有数据，演示数据只能载入空台账',
          };
        },
      });
      const { user } = renderApp();
      await user.click(await screen.findByTestId('load-demo'));
      await user.click(await screen.findByRole('button', { name: '载入' }));
      expect(
        await screen.findByText(
          '载入演示数据失败：输入有误：台账中已有数据，演示数据只能载入空台账',
        ),
      ).toBeInTheDocument();
      await waitFor(() => expect(screen.getByTestId('load-demo')).toBeEnabled());
      expect(screen.queryByTestId('demo-progress')).not.toBeInTheDocument();
      expect(screen.getByTestId('empty-state')).toBeInTheDocument();
    });

    it('calls nothing when the confirmation is cancelled', async () => {
      const log = mockBackend({ dashboard_counts: () => emptyDashboard });
      const { user } = renderApp();
      await user.click(await screen.findByTestId('load-demo'));
      await user.click(await screen.findByRole('button', { name: '取消' }));
      await waitFor(() => expect(screen.queryByText(/均为虚构，仅供试用本程序/)).not.toBeVisible());
      expect(log.map((c) => c.cmd).sort()).toEqual(['app_info', 'dashboard_counts']);
      expect(screen.queryByTestId('demo-progress')).not.toBeInTheDocument();
    });
  });
});
