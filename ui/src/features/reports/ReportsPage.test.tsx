import { configure, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExportRequest, FormSummary } from '../../api/bindings';
import { choose } from '../../test/arrivals';
import { mockBackend, type Handlers } from '../../test/backend';
import { appInfo } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import { calls } from '../../test/residents';

// antd's tables, selects and radio groups render slowly in jsdom.
beforeAll(() => configure({ asyncUtilTimeout: 8000 }));

const screening: FormSummary = {
  id: 'arrivals-screening',
  name: '返乡（外来）人员摸排登记表',
  source: 'arrivals',
  origin: 'shipped',
  path: null,
  valid: true,
  inUse: true,
  problems: [],
  masking: 'upward',
};
const broken: FormSummary = {
  id: 'contacts',
  name: '密切接触者（四同人员）登记表',
  source: '',
  origin: 'user',
  path: '/data/forms/contacts.json',
  valid: false,
  inUse: false,
  problems: [
    {
      line: 12,
      key: 'phone',
      message: 'line 12: unknown field',
      messageZh: '第 12 行：列“phone”：数据来源没有字段“phon”',
    },
  ],
  masking: 'upward',
};

function reportsBackend(handlers: Handlers = {}) {
  return mockBackend({
    app_info: () => ({
      ...appInfo,
      statisticalDate: '2020-03-01',
      modules: ['home', 'reports', 'settings'],
    }),
    list_forms: () => [screening, broken],
    export_log: () => [],
    preview_form: () => ({
      title: '幸福社区返乡（外来）人员摸排登记表',
      headers: ['序号', '姓名', '身份证号'],
      rows: [['1', '张三', '420102********1234']],
    }),
    export_form: ({ input }) => ({
      path: `/data/exports/${input.form}-2020-03-01.xlsx`,
      formId: input.form,
      rows: 140,
      masking: input.masking ?? 'upward',
    }),
    ...handlers,
  });
}

describe('ReportsPage', { timeout: 150_000 }, () => {
  it('lists the definitions with their state and the problems of an invalid copy', async () => {
    reportsBackend();
    const { user } = renderApp('/');
    const menu = await screen.findByTestId('menu-reports');
    await user.click(within(menu).getByText('报表导出'));
    const rows = await screen.findAllByTestId('reports-definition');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('返乡（外来）人员摸排登记表');
    expect(rows[0]).toHaveTextContent('内置');
    expect(rows[0]).toHaveTextContent('可用');
    expect(rows[1]).toHaveTextContent('定义有误');
    expect(rows[1]).toHaveTextContent('第 12 行');
    expect(rows[1]).toHaveTextContent('/data/forms/contacts.json');
  });

  it('previews and exports the chosen form on the statistical date and shows the path', async () => {
    const log = reportsBackend();
    const { user } = renderApp('/reports');
    await choose(user, 'reports-form', '返乡（外来）人员摸排登记表');
    // Only valid definitions in use can be chosen.
    expect(
      screen.queryByText('密切接触者（四同人员）登记表', {
        selector: '.ant-select-item-option-content',
      }),
    ).toBeNull();
    await user.click(screen.getByTestId('reports-preview'));
    const card = await screen.findByTestId('reports-preview-card');
    expect(await within(card).findByText('420102********1234')).toBeInTheDocument();
    expect(card).toHaveTextContent('幸福社区返乡（外来）人员摸排登记表');

    await user.click(screen.getByText('公开脱敏'));
    await user.click(screen.getByTestId('reports-export'));
    expect(await screen.findByTestId('reports-done')).toHaveTextContent('已导出 140 行');
    expect(screen.getByTestId('reports-path')).toHaveTextContent(
      '/data/exports/arrivals-screening-2020-03-01.xlsx',
    );
    await waitFor(() =>
      expect(calls(log, 'export_form')).toEqual([
        {
          input: {
            form: 'arrivals-screening',
            grids: [],
            date: '2020-03-01',
            masking: 'public',
          } satisfies ExportRequest,
        },
      ]),
    );
    expect(calls(log, 'preview_form')).toEqual([
      { input: { form: 'arrivals-screening', grids: [], date: '2020-03-01', masking: 'upward' } },
    ]);
    // The log is refetched after the export.
    await waitFor(() => expect(calls(log, 'export_log').length).toBeGreaterThan(1));
  });

  it('explains a failed export', async () => {
    reportsBackend({
      export_form: () => {
        throw { code: 'invalidInput', message: 'invalid grid', detailZh: '没有网格“第九网格”' };
      },
    });
    const { user } = renderApp('/reports');
    await choose(user, 'reports-form', '返乡（外来）人员摸排登记表');
    await user.click(screen.getByTestId('reports-export'));
    expect(await screen.findByText(/没有网格“第九网格”/)).toBeInTheDocument();
  });
});
