import { configure, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CallList } from '../../api/bindings';
import { mockBackend } from '../../test/backend';
import { appInfo, callTarget } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import { calls } from '../../test/residents';

// antd's tables and modals render slowly in jsdom.
beforeAll(() => configure({ asyncUtilTimeout: 8000 }));

const TODAY = '2020-01-28';

const kim = callTarget;

function backend() {
  return mockBackend({
    app_info: () => ({
      ...appInfo,
      statisticalDate: TODAY,
      modules: ['home', 'calls', 'settings'],
    }),
    call_list: (args) =>
      ({
        date: (args as { input: { on?: string } }).input.on ?? TODAY,
        due: [kim],
        lost: [],
      }) satisfies CallList,
    list_call_targets: () => [kim],
    add_call: () => ({ ...kim, state: 'not_returning', dueKind: 'reverify' }),
  });
}

describe('CallsPage', { timeout: 90_000 }, () => {
  it('lists the day’s calls with why each is due', async () => {
    const log = backend();
    const { user } = renderApp('/');
    const menu = await screen.findByTestId('menu-calls');
    await user.click(within(menu).getByText('电话核实'));
    const table = await screen.findByTestId('call-list');
    await within(table).findByText('金小明');
    expect(table).toHaveTextContent('韩国 首尔');
    expect(table).toHaveTextContent('待重拨');
    expect(table).toHaveTextContent('到期重拨');
    expect(table).toHaveTextContent('空号');
    expect(screen.getByTestId('due-count-retry')).toHaveTextContent('1');
    expect(calls(log, 'call_list')[0]).toEqual({ input: { on: TODAY } });
  });

  it('logs an outcome from the keyboard: a number key chooses it, Enter saves', async () => {
    const log = backend();
    const { user } = renderApp('/calls');
    await user.click(await screen.findByTestId('log-call-t1'));
    const quick = await screen.findByTestId('quick-call');
    await waitFor(() => expect(quick).toHaveFocus());
    await user.keyboard('1');
    await waitFor(() =>
      expect(within(quick).getByRole('radio', { name: /已接通-暂不返回/ })).toBeChecked(),
    );
    await user.keyboard('{Enter}');
    await waitFor(() => expect(calls(log, 'add_call')).toHaveLength(1));
    expect(calls(log, 'add_call')[0]).toEqual({
      input: { targetId: 't1', outcome: 'not_returning', channel: 'phone' },
    });
  });

  it('asks for the planned date with 计划返回 and sends it', async () => {
    const log = backend();
    const { user } = renderApp('/calls');
    await user.click(await screen.findByTestId('log-call-t1'));
    const quick = await screen.findByTestId('quick-call');
    await user.click(within(quick).getByText('2 已接通-计划返回'));
    await user.type(await screen.findByTestId('call-planned'), '2020-02-10');
    await user.type(screen.getByTestId('call-transport'), 'MU5042');
    await user.click(screen.getByTestId('call-save'));
    await waitFor(() => expect(calls(log, 'add_call')).toHaveLength(1));
    expect(calls(log, 'add_call')[0]).toEqual({
      input: {
        targetId: 't1',
        outcome: 'plans_return',
        channel: 'phone',
        plannedReturnOn: '2020-02-10',
        returnTransportNo: 'MU5042',
      },
    });
  });
});
