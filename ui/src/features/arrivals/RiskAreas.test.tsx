import { configure, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { arrivalsBackend, chooseWuhan, riskArea, typeDate } from '../../test/arrivals';
import { renderApp } from '../../test/render';
import { calls } from '../../test/residents';

// antd's tables, selects, cascaders and modals render slowly in jsdom.
beforeAll(() => configure({ asyncUtilTimeout: 15_000 }));

describe('ArrivalsPage: risk areas', { timeout: 120_000 }, () => {
  it('lists risk areas and adds one', async () => {
    let areas = [riskArea];
    const log = arrivalsBackend({
      list_risk_areas: () => areas,
      add_risk_area: ({ input }) => {
        areas = [...areas, { ...riskArea, id: 'r2', name: '湖北省武汉市', ...input, arrivals: 0 }];
        return 'r2';
      },
    });
    const { user } = renderApp('/arrivals');
    await user.click(await screen.findByTestId('arrivals-tab-risk'));
    const table = await screen.findByTestId('risk-area-table');
    const rows = await within(table).findAllByTestId('risk-area-row');
    expect(rows[0]).toHaveTextContent('湖北省武汉市');
    expect(rows[0]).toHaveTextContent('高风险');
    expect(rows[0]).toHaveTextContent('2020-01-01');
    expect(rows[0]).toHaveTextContent('生效中');
    expect(rows[0]).toHaveTextContent('1 人次');

    await user.click(screen.getByTestId('add-risk-area'));
    await chooseWuhan(user, 'risk-area-place');
    await typeDate(user, 'risk-area-from', '2020-01-01');
    await user.type(screen.getByTestId('risk-area-notice'), '第1号通告');
    await user.click(screen.getByTestId('risk-area-submit'));

    expect(await screen.findByText('已新增风险地区')).toBeInTheDocument();
    expect(calls(log, 'add_risk_area')).toEqual([
      {
        input: {
          place: { kind: 'region', code: '420100' },
          level: 'high',
          fromDate: '2020-01-01',
          notice: '第1号通告',
        },
      },
    ]);
    await waitFor(() => expect(within(table).getAllByTestId('risk-area-row')).toHaveLength(2));
  });

  it('lifts a risk area by setting its until date', async () => {
    const log = arrivalsBackend({ update_risk_area: () => null });
    const { user } = renderApp('/arrivals');
    await user.click(await screen.findByTestId('arrivals-tab-risk'));
    await user.click(await screen.findByTestId('risk-area-lift'));
    const input = await screen.findByTestId('risk-area-until');
    await user.clear(input);
    await user.type(input, '2020-03-01{Tab}');
    await user.click(screen.getByTestId('risk-area-submit'));
    expect(await screen.findByText('已解除风险地区：湖北省武汉市')).toBeInTheDocument();
    expect(calls(log, 'update_risk_area')).toEqual([
      {
        input: {
          id: 'r1',
          area: {
            place: { kind: 'region', code: '420100' },
            level: 'high',
            fromDate: '2020-01-01',
            untilDate: '2020-03-01',
            notice: '第1号通告',
          },
        },
      },
    ]);
  });
});
