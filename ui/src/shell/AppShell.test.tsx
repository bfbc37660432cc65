import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockBackend } from '../test/backend';
import { appInfo } from '../test/fixtures';
import { renderApp } from '../test/render';

describe('AppShell', () => {
  it('shows only the modules reported by app_info', async () => {
    mockBackend();
    renderApp();
    expect(await screen.findByTestId('menu-home')).toHaveTextContent('首页');
    expect(screen.getByTestId('menu-settings')).toHaveTextContent('设置');
    expect(screen.queryByTestId('menu-residents')).not.toBeInTheDocument();
    expect(screen.queryByText('居民台账')).not.toBeInTheDocument();
    expect(screen.getAllByRole('menuitem')).toHaveLength(2);
  });

  it('shows exactly the modules the backend reports (every module has its page now)', async () => {
    mockBackend({ app_info: () => ({ ...appInfo, modules: ['home', 'reports', 'settings'] }) });
    renderApp();
    await screen.findByTestId('menu-home');
    expect(screen.getByTestId('menu-reports')).toBeInTheDocument();
    expect(screen.queryByTestId('menu-calls')).not.toBeInTheDocument();
    expect(screen.getAllByRole('menuitem')).toHaveLength(3);
  });

  it('hides 设置 when the backend does not report it', async () => {
    mockBackend({ app_info: () => ({ ...appInfo, modules: ['home'] }) });
    renderApp();
    await screen.findByTestId('menu-home');
    expect(screen.queryByTestId('menu-settings')).not.toBeInTheDocument();
  });

  it('shows the ledger name and the statistical date from app_info in the header', async () => {
    mockBackend();
    renderApp();
    expect(await screen.findByTestId('ledger-name')).toHaveTextContent('幸福社区');
    expect(screen.getByTestId('statistical-date')).toHaveTextContent('统计日期：2026年11月29日');
  });

  it('navigates to 设置 from the menu', async () => {
    mockBackend();
    const { user } = renderApp();
    await user.click(await screen.findByText('设置'));
    const page = await screen.findByTestId('settings-page');
    expect(within(page).getByText('台账信息')).toBeInTheDocument();
    expect(screen.getByTestId('menu-settings')).toHaveClass('ant-menu-item-selected');
  });

  it('shows a 404 for a module that is not enabled, with a way back to 首页', async () => {
    mockBackend();
    const { user } = renderApp('/arrivals');
    expect(await screen.findByText('页面不存在')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '返回首页' }));
    expect(await screen.findByTestId('stat-people')).toBeInTheDocument();
  });

  it('opens the first enabled module when 首页 is not enabled', async () => {
    mockBackend({ app_info: () => ({ ...appInfo, modules: ['settings'] }) });
    renderApp('/');
    expect(await screen.findByTestId('settings-page')).toBeInTheDocument();
  });

  it('shows an error state with 重试 when app_info fails, and retries', async () => {
    let fail = true;
    mockBackend({
      app_info: () => {
        if (fail) throw { code: 'ledgerUnreadable', message: 'file is not a database' };
        return appInfo;
      },
    });
    const { user } = renderApp();
    const state = await screen.findByTestId('error-state');
    expect(within(state).getByText('无法读取台账信息')).toBeInTheDocument();
    expect(within(state).getByText('无法读取台账文件')).toBeInTheDocument();
    fail = false;
    await user.click(within(state).getByRole('button', { name: /重试/ }));
    expect(await screen.findByTestId('menu-home')).toBeInTheDocument();
    expect(screen.getByTestId('ledger-name')).toHaveTextContent('幸福社区');
  });

  it('shows the About box with the product name and version', async () => {
    mockBackend();
    const { user } = renderApp();
    await screen.findByTestId('ledger-name');
    await user.click(screen.getByTestId('about-button'));
    const modal = await screen.findByTestId('about-modal');
    expect(within(modal).getByText(/网格防控台账 GridLedger/)).toBeInTheDocument();
    expect(within(modal).getByTestId('about-version')).toHaveTextContent('0.1.0');
    await user.click(within(modal).getByTestId('about-close'));
    await waitFor(() => expect(screen.queryByTestId('about-modal')).not.toBeVisible());
  });
});
