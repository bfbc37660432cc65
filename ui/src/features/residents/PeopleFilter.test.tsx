import { configure, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PersonFilter } from '../../api/bindings';
import { renderApp } from '../../test/render';
import { calls, residentsBackend, row } from '../../test/residents';

// antd's tables and selects render slowly in jsdom.
beforeAll(() => configure({ asyncUtilTimeout: 15_000 }));

const lastFilter = (log: ReturnType<typeof residentsBackend>) =>
  (calls(log, 'list_people').at(-1) as { input: PersonFilter }).input;

describe('ResidentsPage: 居住状态筛选', { timeout: 120_000 }, () => {
  it('lists only the people of the residence status chosen, from the first page', async () => {
    const log = residentsBackend({
      list_people: ({ input }) =>
        input.residenceStatus === 'floating'
          ? { total: 1, rows: [{ ...row(7), name: '流动人员甲', residenceStatus: 'floating' }] }
          : { total: 45, rows: Array.from({ length: 20 }, (_, i) => row(input.offset + i + 1)) },
    });
    const { user } = renderApp('/residents');
    const table = await screen.findByTestId('people-table');
    expect(await within(table).findByText('居民1')).toBeInTheDocument();
    await user.click(screen.getByTitle('2'));
    await waitFor(() => expect(lastFilter(log).offset).toBe(20));

    const filter = screen.getByTestId('residence-filter');
    expect(filter).toHaveTextContent('全部居住状态');
    await user.click(within(filter).getByRole('combobox'));
    const options = await screen.findAllByTitle('流动');
    expect(options.map((o) => o.textContent)).toContain('流动');
    // 户籍 / 常住 / 流动 / 外出 / 境外, in this order.
    const labels = [...document.querySelectorAll('.ant-select-item-option')].map(
      (o) => o.textContent,
    );
    expect(labels).toEqual(['户籍', '常住', '流动', '外出', '境外']);
    await user.click(options[options.length - 1]);

    expect(await within(table).findByText('流动人员甲')).toBeInTheDocument();
    expect(screen.getByTestId('people-total')).toHaveTextContent('共 1 人');
    expect(lastFilter(log)).toMatchObject({ residenceStatus: 'floating', offset: 0, limit: 20 });
  });
});
