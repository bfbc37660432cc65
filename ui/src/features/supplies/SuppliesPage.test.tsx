import { configure, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SupplyIssue, SupplyItem } from '../../api/bindings';
import { arrivalsBackend, choose, pickPerson } from '../../test/arrivals';
import { appInfo } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import { calls } from '../../test/residents';

// antd's tables, selects and modals render slowly in jsdom.
beforeAll(() => configure({ asyncUtilTimeout: 15_000 }));

const masks: SupplyItem = {
  id: 'i1',
  name: '口罩',
  unit: '个',
  lowStock: 50,
  note: null,
  received: 100,
  issued: 60,
  balance: 40,
  low: true,
};
const bleach: SupplyItem = {
  id: 'i2',
  name: '84消毒液',
  unit: '瓶',
  lowStock: null,
  note: null,
  received: 20,
  issued: 2,
  balance: 18,
  low: false,
};
const issue: SupplyIssue = {
  id: 's1',
  itemId: 'i1',
  itemName: '口罩',
  unit: '个',
  householdId: 'h1',
  address: '幸福家园12栋1单元101',
  personId: 'p1',
  personName: '张三',
  quantity: 60,
  issuedOn: '2020-01-26',
  workerId: null,
  workerName: null,
  note: null,
  followUps: 1,
};

function suppliesBackend(handlers: Parameters<typeof arrivalsBackend>[0] = {}) {
  return arrivalsBackend({
    app_info: () => ({
      ...appInfo,
      statisticalDate: '2020-01-27',
      modules: ['home', 'residents', 'supplies', 'settings'],
    }),
    list_supply_items: () => [bleach, masks],
    list_supply_receipts: () => [],
    list_supply_issues: () => ({ rows: [issue], total: 1 }),
    supply_eligibility: () => ({ householdsWithIsolation: true, elderlyAloneAge: 70 }),
    eligible_households: () => [
      {
        householdId: 'h2',
        address: '幸福家园12栋1单元102',
        reasons: ['elderly_alone'],
        people: ['王大爷'],
        lastIssuedOn: null,
      },
    ],
    ...handlers,
  });
}

describe('SuppliesPage', { timeout: 120_000 }, () => {
  it('shows the derived stock with low items marked', async () => {
    suppliesBackend();
    const { user } = renderApp('/');
    await user.click(await screen.findByText('物资发放'));
    const rows = await within(await screen.findByTestId('stock-table')).findAllByTestId(
      'stock-row',
    );
    expect(rows).toHaveLength(2);
    expect(rows[1]).toHaveTextContent('口罩');
    expect(within(rows[1]).getByTestId('stock-balance')).toHaveTextContent('40库存不足');
    expect(within(rows[0]).getByTestId('stock-balance')).toHaveTextContent('18');
    expect(within(rows[0]).getByTestId('stock-balance')).not.toHaveTextContent('库存不足');
  });

  it('issues to a person and shows the core’s refusal naming the balance', async () => {
    let refuse = true;
    const log = suppliesBackend({
      add_supply_issue: () => {
        if (refuse) {
          throw {
            code: 'invalidInput',
            message: 'short',
            detailZh: '“口罩”库存仅剩 40个，不足以发放 50个',
          };
        }
        return issue;
      },
    });
    const { user } = renderApp('/supplies');
    await user.click(await screen.findByTestId('add-issue'));
    await choose(user, 'issue-item', '口罩');
    expect(await screen.findByTestId('issue-balance')).toHaveTextContent('现有库存 40个');
    await user.click(screen.getByText('按人'));
    await pickPerson(user, 'issue-person', '张三');
    await user.type(screen.getByTestId('issue-quantity'), '50');
    await user.click(screen.getByTestId('issue-submit'));
    expect(await screen.findByTestId('issue-error')).toHaveTextContent(
      '“口罩”库存仅剩 40个，不足以发放 50个',
    );
    expect(calls(log, 'add_supply_issue')).toEqual([
      { input: { itemId: 'i1', personId: 'p1', quantity: 50, issuedOn: expect.any(String) } },
    ]);
    refuse = false;
    await user.click(screen.getByTestId('issue-submit'));
    await waitFor(() => expect(screen.queryByTestId('issue-form')).not.toBeInTheDocument());
  });

  it('lists eligible households not yet served', async () => {
    const log = suppliesBackend();
    const { user } = renderApp('/supplies');
    await user.click(await screen.findByTestId('supplies-tab-eligible'));
    const rows = await within(await screen.findByTestId('eligible-table')).findAllByTestId(
      'eligible-row',
    );
    expect(rows[0]).toHaveTextContent('幸福家园12栋1单元102');
    expect(rows[0]).toHaveTextContent('独居老人');
    expect(rows[0]).toHaveTextContent('未发放');
    expect(calls(log, 'eligible_households')).toEqual([{ input: { unservedOnly: true } }]);
  });
});
