import { configure, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PersonDetail } from '../../api/bindings';
import { renderApp } from '../../test/render';
import { calls, residentsBackend, zhangsan } from '../../test/residents';

// antd's drawers, modals and auto-completes render slowly in jsdom (more so on a loaded CI).
beforeAll(() => configure({ asyncUtilTimeout: 15_000 }));

/** Whether a click can reach `el`: no ancestor has `pointer-events: none` (a drop-down
 * still opening or already closing has). */
function clickable(el: HTMLElement) {
  for (let n: HTMLElement | null = el; n; n = n.parentElement) {
    if (getComputedStyle(n).pointerEvents === 'none') return false;
  }
  return true;
}

/** The search hits of the open (not closing) drop-down, once a click can reach them. */
async function openHits() {
  let hits: HTMLElement[] = [];
  await waitFor(() => {
    hits = screen
      .getAllByTestId('search-hit')
      .filter((h) => !h.closest('.ant-select-dropdown-hidden, .ant-slide-up-leave'))
      .filter(clickable);
    expect(hits.length).toBeGreaterThan(0);
  });
  return hits;
}

/** The same 张三 registered a second time, without an ID number, by phone. */
const duplicate: PersonDetail = {
  ...zhangsan,
  id: 'p2',
  idNumber: null,
  birthDate: null,
  sex: null,
  age: null,
  nativeRegion: null,
  phone: '139****5678',
  householdId: null,
  householdAddress: null,
  relation: null,
  residenceStatus: 'floating',
  notes: '电话摸排登记',
};

const hit = {
  personId: 'p2',
  name: '张三',
  idNumber: null,
  phone: '139****5678',
  address: null,
  residenceStatus: 'floating' as const,
  matched: 'name' as const,
};

describe('PersonDrawer: 合并重复记录', { timeout: 120_000 }, () => {
  it('shows both records side by side, keeps the one chosen and then shows it', async () => {
    let merged = false;
    const log = residentsBackend({
      search_people: () => [hit],
      get_person: ({ input }) =>
        input.id === 'p2'
          ? duplicate
          : merged
            ? { ...zhangsan, phone: '139****5678', notes: '电话摸排登记' }
            : zhangsan,
      merge_people: ({ input }) => {
        merged = true;
        return { ...(input.keepId === 'p1' ? zhangsan : duplicate), notes: '已合并' };
      },
    });
    const { user } = renderApp('/residents');
    await user.click(await screen.findByText('居民1'));
    const drawer = await screen.findByTestId('person-drawer');
    await user.click(await within(drawer).findByTestId('merge-button'));

    const modal = (await screen.findByTestId('merge-search')).closest('.ant-modal') as HTMLElement;
    expect(within(modal).getByTestId('merge-submit')).toBeDisabled();
    await user.type(within(modal).getByTestId('person-search'), '张三');
    const hits = await openHits();
    await user.click(hits[0]);

    const current = await within(modal).findByTestId('merge-current');
    const other = await within(modal).findByTestId('merge-other');
    expect(current).toHaveTextContent('110101********1234');
    expect(current).toHaveTextContent('幸福家园12栋1单元101');
    expect(other).toHaveTextContent('139****5678');
    expect(other).toHaveTextContent('流动');
    expect(other).toHaveTextContent('电话摸排登记');
    // The current record is kept unless the other is chosen: the other one goes.
    expect(within(modal).getByTestId('merge-explain')).toHaveTextContent('合并后，张三这条记录');
    expect(within(modal).getByTestId('merge-reason-input')).toHaveValue('同一人重复登记');
    expect(within(current).getByRole('radio')).toBeChecked();

    await user.click(within(modal).getByTestId('merge-submit'));
    expect(await screen.findByText('已合并，保留记录：张三')).toBeInTheDocument();
    expect(calls(log, 'merge_people')).toEqual([
      { input: { keepId: 'p1', removeId: 'p2', reason: '同一人重复登记' } },
    ]);
    // The drawer shows the kept person, as merged.
    await waitFor(() =>
      expect(within(drawer).getByTestId('person-phone')).toHaveTextContent('139****5678'),
    );
    expect(within(drawer).getByTestId('person-name')).toHaveTextContent('张三');
    await waitFor(() => expect(screen.queryByTestId('merge-search')).not.toBeInTheDocument());
  });

  it('keeps the other record when it is chosen, and opens it afterwards', async () => {
    let merged = false;
    const log = residentsBackend({
      search_people: () => [hit],
      get_person: ({ input }) =>
        input.id === 'p2'
          ? { ...duplicate, idNumber: merged ? '110101********1234' : null }
          : zhangsan,
      merge_people: () => {
        merged = true;
        return { ...duplicate, idNumber: '110101********1234' };
      },
    });
    const { user } = renderApp('/residents');
    await user.click(await screen.findByText('居民1'));
    const drawer = await screen.findByTestId('person-drawer');
    await user.click(await within(drawer).findByTestId('merge-button'));
    const modal = (await screen.findByTestId('merge-search')).closest('.ant-modal') as HTMLElement;
    await user.type(within(modal).getByTestId('person-search'), 'zs');
    const hits = await openHits();
    await user.click(hits[0]);
    const other = await within(modal).findByTestId('merge-other');
    await user.click(within(other).getByRole('radio'));
    const reason = within(modal).getByTestId('merge-reason-input');
    await user.clear(reason);
    expect(within(modal).getByTestId('merge-submit')).toBeDisabled();
    await user.type(reason, '电话摸排与入户登记重复');
    await user.click(within(modal).getByTestId('merge-submit'));
    await waitFor(() =>
      expect(calls(log, 'merge_people')).toEqual([
        { input: { keepId: 'p2', removeId: 'p1', reason: '电话摸排与入户登记重复' } },
      ]),
    );
    await waitFor(() =>
      expect(within(drawer).getByTestId('person-id-number')).toHaveTextContent(
        '110101********1234',
      ),
    );
    expect(calls(log, 'get_person').at(-1)).toEqual({ input: { id: 'p2' } });
  });

  it('refuses the person itself and shows the backend’s refusal', async () => {
    residentsBackend({
      search_people: () => [{ ...hit, personId: 'p1' }, hit],
      get_person: ({ input }) => (input.id === 'p2' ? duplicate : zhangsan),
      merge_people: () => {
        throw {
          code: 'invalidInput',
          message: 'different ID numbers',
          detailZh: '两条记录的证件号码不同（张三、张三），不是同一人，不能合并',
        };
      },
    });
    const { user } = renderApp('/residents');
    await user.click(await screen.findByText('居民1'));
    const drawer = await screen.findByTestId('person-drawer');
    await user.click(await within(drawer).findByTestId('merge-button'));
    const modal = (await screen.findByTestId('merge-search')).closest('.ant-modal') as HTMLElement;
    const search = within(modal).getByTestId('person-search');
    await user.type(search, '张三');
    let hits = await openHits();
    await user.click(hits[0]);
    expect(await within(modal).findByTestId('merge-self')).toBeInTheDocument();
    expect(within(modal).getByTestId('merge-submit')).toBeDisabled();

    await user.type(search, '张三');
    hits = await openHits();
    await user.click(hits[1]);
    await within(modal).findByTestId('merge-other');
    await user.click(within(modal).getByTestId('merge-submit'));
    expect(await within(modal).findByTestId('merge-error')).toHaveTextContent(
      '合并失败：输入有误：两条记录的证件号码不同（张三、张三），不是同一人，不能合并',
    );
  });
});
