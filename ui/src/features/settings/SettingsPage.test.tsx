import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AppInfo } from '../../api/bindings';
import { mockBackend } from '../../test/backend';
import { appInfo } from '../../test/fixtures';
import { renderApp } from '../../test/render';

describe('SettingsPage', () => {
  it('describes the ledger', async () => {
    mockBackend();
    renderApp('/settings');
    const info = await screen.findByTestId('ledger-info');
    expect(within(info).getByTestId('ledger-path')).toHaveTextContent(appInfo.ledgerPath);
    expect(within(info).getByText('数据结构版本')).toBeInTheDocument();
    expect(within(info).getByText('3')).toBeInTheDocument();
    expect(within(info).getByTestId('ledger-encrypted')).toHaveTextContent('已加密');
    expect(within(info).getByText('2026年11月29日')).toBeInTheDocument();
    expect(within(info).getByText(/每日 15:00/)).toBeInTheDocument();
  });

  it('says when the ledger is not encrypted', async () => {
    mockBackend({ app_info: () => ({ ...appInfo, encrypted: false }) });
    renderApp('/settings');
    expect(await screen.findByTestId('ledger-encrypted')).toHaveTextContent('未加密');
  });

  it('rejects an empty name on the client', async () => {
    const log = mockBackend();
    const { user } = renderApp('/settings');
    const input = await screen.findByTestId('ledger-name-input');
    expect(input).toHaveValue('幸福社区');
    await user.clear(input);
    await user.type(input, '   ');
    await user.click(screen.getByTestId('ledger-name-submit'));
    expect(await screen.findByText('请输入台账名称')).toBeInTheDocument();
    expect(log.some((c) => c.cmd === 'set_ledger_name')).toBe(false);
  });

  it('rejects a name over 40 characters on the client', async () => {
    const log = mockBackend();
    const { user } = renderApp('/settings');
    const input = await screen.findByTestId('ledger-name-input');
    await user.clear(input);
    await user.click(input);
    await user.paste('社'.repeat(41));
    await user.click(screen.getByTestId('ledger-name-submit'));
    expect(await screen.findByText('台账名称不能超过 40 个字')).toBeInTheDocument();
    expect(log.some((c) => c.cmd === 'set_ledger_name')).toBe(false);
  });

  it('shows the Chinese error text when the backend rejects the name', async () => {
    mockBackend({
      set_ledger_name: () => {
        throw {
          code: 'invalidInput',
          message: 'ledger name longer than 40 characters',
          detailZh: '台账名称不能超过 40 个字',
        };
      },
    });
    const { user } = renderApp('/settings');
    const input = await screen.findByTestId('ledger-name-input');
    await user.clear(input);
    await user.type(input, '阳光社区');
    await user.click(screen.getByTestId('ledger-name-submit'));
    expect(
      await screen.findByText('保存失败：输入有误：台账名称不能超过 40 个字'),
    ).toBeInTheDocument();
    expect(screen.getByTestId('ledger-name')).toHaveTextContent('幸福社区');
  });

  it('renames the ledger and refreshes the header', async () => {
    let current: AppInfo = appInfo;
    const log = mockBackend({
      app_info: () => current,
      set_ledger_name: ({ input }) => {
        current = { ...current, ledgerName: input.name };
        return current;
      },
    });
    const { user } = renderApp('/settings');
    const input = await screen.findByTestId('ledger-name-input');
    await user.clear(input);
    await user.type(input, '  阳光社区 ');
    await user.click(screen.getByTestId('ledger-name-submit'));
    await waitFor(() => expect(screen.getByTestId('ledger-name')).toHaveTextContent('阳光社区'));
    expect(await screen.findByText('台账名称已保存')).toBeInTheDocument();
    expect(log.find((c) => c.cmd === 'set_ledger_name')?.args).toEqual({
      input: { name: '阳光社区' },
    });
    // The mutation invalidates app info: it is fetched again after the rename.
    await waitFor(() => expect(log.filter((c) => c.cmd === 'app_info')).toHaveLength(2));
  });

  it('switches the interface to English and back', async () => {
    mockBackend();
    const { user } = renderApp('/settings');
    await user.click(await screen.findByText('English'));
    expect(await screen.findByText('Ledger')).toBeInTheDocument();
    expect(screen.getByTestId('menu-settings')).toHaveTextContent('Settings');
    expect(screen.getByTestId('statistical-date')).toHaveTextContent(
      'Statistical date: 2026-11-29',
    );
    await user.click(screen.getByText('简体中文'));
    expect(await screen.findByText('台账信息')).toBeInTheDocument();
  });

  it('sets the home region through the region picker', { timeout: 30_000 }, async () => {
    let current: AppInfo = {
      ...appInfo,
      homeRegion: '340403',
      homeRegionName: '安徽省淮南市田家庵区',
    };
    const log = mockBackend({
      app_info: () => current,
      set_home_region: (args) => {
        const { input } = args as { input: { code: string } };
        current = { ...current, homeRegion: input.code, homeRegionName: '湖北省武汉市江岸区' };
        return current;
      },
    });
    const { user } = renderApp('/settings');
    const card = await screen.findByTestId('home-region-card');
    expect(within(card).getByTestId('home-region-current')).toHaveTextContent(
      '当前：安徽省淮南市田家庵区',
    );
    expect(within(card).getByText('安徽省 / 淮南市 / 田家庵区')).toBeInTheDocument();
    await user.click(within(card).getByRole('combobox'));
    await user.click(await screen.findByText('湖北省'));
    await user.click(await screen.findByText('武汉市'));
    await user.click(await screen.findByText('江岸区'));
    await user.click(within(card).getByTestId('home-region-submit'));
    expect(await screen.findByText('本地行政区划已保存')).toBeInTheDocument();
    expect(log.find((c) => c.cmd === 'set_home_region')?.args).toEqual({
      input: { code: '420102' },
    });
    await waitFor(() =>
      expect(within(card).getByTestId('home-region-current')).toHaveTextContent(
        '当前：湖北省武汉市江岸区',
      ),
    );
  });
});
