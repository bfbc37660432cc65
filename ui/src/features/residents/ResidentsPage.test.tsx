import { configure, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CallTarget, PersonFilter } from '../../api/bindings';
import { appInfo, callTarget } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import { calls, expand, residentsBackend } from '../../test/residents';

// antd's tree, tables and modals render slowly in jsdom.
beforeAll(() => configure({ asyncUtilTimeout: 5000 }));

describe('ResidentsPage', { timeout: 60_000 }, () => {
  it('loads the tree one level at a time and lists the households of a unit', async () => {
    const log = residentsBackend();
    const { user } = renderApp('/residents');
    expect(await screen.findByText('城关街道（1）')).toBeInTheDocument();
    expect(calls(log, 'register_children')).toEqual([{ input: { level: 'street' } }]);

    await expand(user, '城关街道（1）');
    expect(await screen.findByText('幸福社区（1）')).toBeInTheDocument();
    expect(calls(log, 'register_children')).toEqual([
      { input: { level: 'street' } },
      { input: { level: 'community', parentId: 's1' } },
    ]);
    await expand(user, '幸福社区（1）');
    await expand(user, '第一网格（1）');
    await expand(user, '幸福家园（1）');
    await expand(user, '12栋（1）');
    await user.click(await screen.findByText('1单元（2）'));

    const table = await screen.findByTestId('household-table');
    expect(await within(table).findByText('幸福家园12栋1单元101')).toBeInTheDocument();
    expect(within(table).getByText('李网格员')).toBeInTheDocument();
    expect(within(table).getAllByTestId('household-row')).toHaveLength(2);
    expect(calls(log, 'register_households')).toEqual([{ input: { level: 'unit', id: 'u1' } }]);
    await waitFor(() =>
      expect(
        calls(log, 'list_people').some((a) => (a as { input: PersonFilter }).input.unitId === 'u1'),
      ).toBe(true),
    );

    // A household filters the people by it.
    await user.click(within(table).getByText('幸福家园12栋1单元102'));
    await waitFor(() =>
      expect(calls(log, 'list_people').at(-1)).toEqual({
        input: {
          gridId: null,
          estateId: null,
          buildingId: null,
          unitId: 'u1',
          householdId: 'h2',
          residenceStatus: null,
          offset: 0,
          limit: 20,
        },
      }),
    );
  });

  it('pages the people table on the server, 20 a page', async () => {
    const log = residentsBackend();
    const { user } = renderApp('/residents');
    const table = await screen.findByTestId('people-table');
    expect(await within(table).findByText('居民1')).toBeInTheDocument();
    expect(screen.getByTestId('people-total')).toHaveTextContent('共 45 人');
    expect(within(table).getAllByText('户籍')).toHaveLength(20);
    await user.click(screen.getByTitle('2'));
    expect(await within(table).findByText('居民21')).toBeInTheDocument();
    expect(
      calls(log, 'list_people').map((a) => (a as { input: PersonFilter }).input.offset),
    ).toEqual([0, 20]);
  });

  it('searches as you type and opens the person chosen', async () => {
    const log = residentsBackend({
      search_people: () => [
        {
          personId: 'p1',
          name: '张三',
          idNumber: '110101********123X', // the backend masks hits for the screen
          phone: '138****1234',
          address: '幸福家园12栋1单元101',
          residenceStatus: 'hukou',
          matched: 'pinyin',
        },
      ],
    });
    const { user } = renderApp('/residents');
    await user.type(await screen.findByTestId('person-search'), 'zs');
    const hit = await screen.findByTestId('search-hit');
    expect(hit).toHaveTextContent('张三');
    expect(hit).toHaveTextContent('110101********123X');
    expect(hit).toHaveTextContent('拼音');
    expect(calls(log, 'search_people').at(-1)).toEqual({
      input: { query: 'zs', limit: 20, offset: 0 },
    });
    await user.click(hit);
    const drawer = await screen.findByTestId('person-drawer');
    expect(await within(drawer).findByTestId('person-name')).toHaveTextContent('张三');
    expect(calls(log, 'get_person')).toEqual([{ input: { id: 'p1' } }]);
  });

  it('reveals the full numbers only when asked', async () => {
    const log = residentsBackend({
      reveal_person: () => ({ idNumber: '110101198005011234', phone: '13800001234' }),
    });
    const { user } = renderApp('/residents');
    await user.click(await screen.findByText('居民1'));
    const drawer = await screen.findByTestId('person-drawer');
    expect(await within(drawer).findByTestId('person-id-number')).toHaveTextContent(
      '110101********1234',
    );
    expect(within(drawer).getByText('46 岁')).toBeInTheDocument();
    expect(within(drawer).getByText('男')).toBeInTheDocument();
    expect(calls(log, 'reveal_person')).toHaveLength(0);
    await user.click(within(drawer).getByTestId('reveal-button'));
    await waitFor(() =>
      expect(within(drawer).getByTestId('person-id-number')).toHaveTextContent(
        '110101198005011234',
      ),
    );
    expect(within(drawer).getByTestId('person-phone')).toHaveTextContent('13800001234');
    expect(calls(log, 'reveal_person')).toEqual([{ input: { id: 'p1' } }]);
    expect(within(drawer).queryByTestId('reveal-button')).not.toBeInTheDocument();
    // The link is gone but focus stayed in the drawer (where it hears Escape), not on <body>.
    expect(drawer).toHaveFocus();
  });

  it('shows the person’s phone verification and opens its calls only when asked', async () => {
    const target: CallTarget = {
      ...callTarget,
      personName: '居民1',
      address: '幸福家园12栋1单元101',
      state: 'not_returning',
      lastOutcome: 'not_returning',
      failedTries: 0,
      dueOn: '2020-02-03',
      dueKind: 'reverify',
    };
    const log = residentsBackend({
      app_info: () => ({ ...appInfo, modules: ['home', 'residents', 'calls', 'settings'] }),
      list_call_targets: () => [target],
      call_target_detail: () => ({
        target,
        phone: '13900001234',
        foreignPhone: null,
        relativePhone: null,
        calls: [],
      }),
    });
    const { user } = renderApp('/residents');
    await user.click(await screen.findByText('居民1'));
    const drawer = await screen.findByTestId('person-drawer');
    const section = await within(drawer).findByTestId('person-calls');
    const item = await within(section).findByTestId('person-call-target');
    expect(item).toHaveTextContent('韩国 首尔');
    expect(item).toHaveTextContent('留学');
    expect(within(item).getByTestId('call-state-not_returning')).toBeInTheDocument();
    expect(calls(log, 'list_call_targets')).toEqual([{ input: { personId: 'p1' } }]);
    // The history shows full numbers (an audited view): fetched only on the click.
    expect(calls(log, 'call_target_detail')).toHaveLength(0);
    await user.click(within(item).getByTestId('person-call-history'));
    await waitFor(() =>
      expect(calls(log, 'call_target_detail')).toEqual([{ input: { id: 't1' } }]),
    );
  });

  it('creates a building under the selected estate', async () => {
    const log = residentsBackend({
      bulk_create_building: () => ({ buildingId: 'b2', units: 3, households: 36 }),
    });
    const { user } = renderApp('/residents');
    expect(await screen.findByTestId('add-building')).toBeDisabled();
    await expand(user, '城关街道（1）');
    await expand(user, '幸福社区（1）');
    await expand(user, '第一网格（1）');
    await user.click(await screen.findByText('幸福家园（1）'));
    await waitFor(() => expect(screen.getByTestId('add-building')).toBeEnabled());
    await user.click(screen.getByTestId('add-building'));

    expect(await screen.findByTestId('building-preview')).toHaveTextContent(
      '将创建 2 个单元、24 户',
    );
    await user.type(screen.getByTestId('building-name-input'), '12栋');
    const unitsEnd = screen.getByTestId('units-end-input');
    await user.clear(unitsEnd);
    await user.type(unitsEnd, '3');
    expect(screen.getByTestId('building-preview')).toHaveTextContent('将创建 3 个单元、36 户');
    const before = calls(log, 'register_children').length;
    await user.click(screen.getByTestId('building-submit'));
    expect(await screen.findByText('已创建12栋：3 个单元、36 户')).toBeInTheDocument();
    expect(calls(log, 'bulk_create_building')).toEqual([
      {
        input: {
          estateId: 'e1',
          buildingName: '12栋',
          units: { start: 1, end: 3 },
          floors: { start: 1, end: 6 },
          roomsPerFloor: 2,
          roomFormat: null,
          responsibleWorkerId: null,
        },
      },
    ]);
    await waitFor(() => expect(calls(log, 'register_children').length).toBeGreaterThan(before));
  });
});
