import { configure, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { arrivalsBackend, chain, choose, pickPerson, typeDate } from '../../test/arrivals';
import { renderApp } from '../../test/render';
import { calls } from '../../test/residents';

// antd's tables, selects and modals render slowly in jsdom.
beforeAll(() => configure({ asyncUtilTimeout: 15_000 }));

describe('ContactsPage', { timeout: 120_000 }, () => {
  it('lists contacts and filters them by exposure', async () => {
    const log = arrivalsBackend();
    const { user } = renderApp('/');
    await user.click(await screen.findByText('密接管理'));
    const table = await screen.findByTestId('contact-table');
    const rows = await within(table).findAllByTestId('contact-row');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('李四');
    expect(rows[0]).toHaveTextContent('张三');
    expect(rows[0]).toHaveTextContent('同住');
    expect(rows[0]).toHaveTextContent('2020-01-25');
    expect(calls(log, 'list_contacts')).toEqual([{ input: { offset: 0, limit: 20 } }]);
    await choose(user, 'contact-filter-exposure', '同餐');
    await waitFor(() =>
      expect(calls(log, 'list_contacts').at(-1)).toEqual({
        input: { exposure: 'meal', offset: 0, limit: 20 },
      }),
    );
  });

  it('adds the other members of the index person’s household as contacts', async () => {
    const log = arrivalsBackend({
      add_household_contacts: () => ({ added: ['c1', 'c2', 'c3', 'c4', 'c5'], already: 0 }),
    });
    const { user } = renderApp('/contacts');
    await user.click(await screen.findByTestId('add-household-contacts'));
    await pickPerson(user, 'household-contacts-index', '张三');
    await typeDate(user, 'household-contacts-date', '2020-01-25');
    await user.click(screen.getByTestId('household-contacts-submit'));

    expect(await screen.findByTestId('household-contacts-result')).toHaveTextContent(
      '新登记 5 人，此前已登记 0 人',
    );
    expect(calls(log, 'add_household_contacts')).toEqual([
      { input: { indexPersonId: 'p1', exposure: 'household', lastContactOn: '2020-01-25' } },
    ]);
    // The list is read again.
    await waitFor(() => expect(calls(log, 'list_contacts').length).toBeGreaterThan(1));
  });

  it('shows the core’s Chinese error when the household has no other members', async () => {
    arrivalsBackend({
      add_household_contacts: () => {
        throw { code: 'invalidInput', message: 'empty', detailZh: '该住户没有其他登记人员' };
      },
    });
    const { user } = renderApp('/contacts');
    await user.click(await screen.findByTestId('add-household-contacts'));
    await pickPerson(user, 'household-contacts-index', '张三');
    await typeDate(user, 'household-contacts-date', '2020-01-25');
    await user.click(screen.getByTestId('household-contacts-submit'));
    expect(await screen.findByTestId('household-contacts-error')).toHaveTextContent(
      '登记失败：输入有误：该住户没有其他登记人员',
    );
  });

  it('draws a person’s contact chain both ways', async () => {
    const log = arrivalsBackend();
    const { user } = renderApp('/contacts');
    await pickPerson(user, 'chain-person', '张三');
    const graph = await screen.findByTestId('contact-graph');
    const nodes = within(graph).getAllByTestId('graph-node');
    expect(nodes.map((n) => n.textContent)).toEqual(['张三', '王五', '李四', '钱七', '赵六']);
    const edges = within(graph).getAllByTestId('graph-edge');
    expect(edges).toHaveLength(4);
    expect(edges.map((e) => e.textContent)).toContain('同住2020-01-25');
    expect(edges.map((e) => e.textContent)).toContain('同餐2020-01-27');
    expect(
      within(graph)
        .getAllByTestId('graph-column')
        .map((c) => c.textContent),
    ).toEqual(['上游第 1 层', '本人', '下游第 1 层', '下游第 2 层']);
    expect(screen.getByTestId('chain-counts')).toHaveTextContent('上游 1 条，下游 3 条');
    expect(calls(log, 'contact_chain')).toEqual([{ input: { id: 'p1' } }]);

    // A person in the graph opens their own chain.
    const lisi = nodes.find((n) => n.textContent === '李四')!;
    await user.click(lisi);
    await waitFor(() =>
      expect(calls(log, 'contact_chain').at(-1)).toEqual({ input: { id: 'p2' } }),
    );
  });
});

describe('ContactGraph layout', () => {
  it('puts upstream left and downstream right by depth', async () => {
    const { layoutChain } = await import('./ContactGraph');
    const layout = layoutChain(chain, '张三');
    const at = (name: string) => layout.nodes.find((n) => n.name === name);
    expect(at('张三')).toMatchObject({ column: 0, row: 0 });
    expect(at('王五')).toMatchObject({ column: -1, row: 0 });
    expect(at('李四')).toMatchObject({ column: 1, row: 0 });
    expect(at('钱七')).toMatchObject({ column: 1, row: 1 });
    expect(at('赵六')).toMatchObject({ column: 2, row: 0 });
    expect(layout.rows).toBe(2);
  });
});
