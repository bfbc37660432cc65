import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type {
  DailyStats,
  ExportRequest,
  SituationReportExport,
  StatsNumbers,
  TrendPoint,
} from '../../api/bindings';
import { mockBackend } from '../../test/backend';
import { renderApp } from '../../test/render';

const flow = (n: number, total: number) => ({ new: n, total });

const numbers: StatsNumbers = {
  arrivals: flow(3, 140),
  arrivalsSameProvince: flow(1, 84),
  arrivalsOtherProvince: flow(2, 52),
  arrivalsOutside: flow(0, 4),
  arrivalsUnknown: flow(0, 0),
  arrivalsRiskArea: flow(1, 4),
  contacts: flow(0, 5),
  contactsIsolated: 5,
  isolations: { new: 1, total: 9, current: 6, released: 2, releasedTotal: 3 },
  calls: flow(4, 10),
  callsByOutcome: [],
  targets: 10,
  targetsByState: [],
  gateChecks: flow(12, 40),
  gateFevers: flow(1, 1),
  gateRefused: flow(1, 1),
  supplyIssues: flow(2, 7),
  supplyQuantity: flow(20, 70),
  publicity: [],
};

const stats: DailyStats = {
  date: '2020-01-25',
  cutoff: '15:00',
  nilReport: false,
  grids: [],
  total: numbers,
};

const trend: TrendPoint[] = Array.from({ length: 30 }, (_, i) => ({
  date: `2020-01-${String(i + 1).padStart(2, '0')}`,
  arrivalsNew: i % 5,
  arrivalsTotal: i * 3,
  isolationsCurrent: Math.min(i, 9),
  isolationsNew: 0,
  callsNew: 0,
  gateChecksNew: i,
  gateFeversNew: 0,
}));

describe('首页: 今日统计', { timeout: 90_000 }, () => {
  it('shows the day’s numbers from daily_stats, the trend, and the situation report', async () => {
    const log = mockBackend({
      daily_stats: () => stats,
      daily_trend: () => trend,
      situation_report: () => ({
        date: '2020-01-25',
        narrative: '通过摸排统计，武汉来人4例，最晚的是1月21日来的。',
        wechat: '今日新增外来人员3人。',
      }),
    });
    const { user } = renderApp('/');
    const card = await screen.findByTestId('stats-card');
    expect(card).toHaveTextContent('今日统计（2020-01-25）');
    expect(within(card).queryByTestId('stats-nil')).toBeNull();
    const arrivals = within(card).getByTestId('stats-row-arrivals');
    expect(arrivals).toHaveTextContent('外来人员');
    expect(arrivals).toHaveTextContent('3');
    expect(arrivals).toHaveTextContent('140');
    const isolations = within(card).getByTestId('stats-row-isolations');
    expect(isolations).toHaveTextContent('隔离观察1962');
    expect(within(card).getByTestId('stats-row-otherProvince')).toHaveTextContent('其中省外252');
    expect(await within(card).findByTestId('stats-trend')).toHaveTextContent('2020-01-30');

    await user.click(within(card).getByTestId('stats-report'));
    const narrative = await screen.findByTestId('stats-narrative');
    expect(narrative).toHaveValue('通过摸排统计，武汉来人4例，最晚的是1月21日来的。');
    await user.type(narrative, '已全部居家隔离。');
    expect(narrative).toHaveValue(
      '通过摸排统计，武汉来人4例，最晚的是1月21日来的。已全部居家隔离。',
    );
    expect(screen.getByTestId('stats-wechat')).toHaveValue('今日新增外来人员3人。');
    const asked = log.filter((c) => c.cmd === 'situation_report');
    expect(asked).toHaveLength(1);
  });

  it('marks a day with nothing new as 零报告', async () => {
    mockBackend({
      daily_stats: () => ({
        ...stats,
        nilReport: true,
        total: { ...numbers, arrivals: flow(0, 140) },
      }),
      daily_trend: () => trend,
    });
    renderApp('/');
    expect(await screen.findByTestId('stats-nil')).toHaveTextContent('零报告');
  });

  it('exports the 疫情防控工作日报表 of the shown date and opens its folder', async () => {
    const path = '/data/exports/daily-report-2020-01-25.xlsx';
    const log = mockBackend({
      daily_stats: () => stats,
      daily_trend: () => trend,
      export_form: () => ({ path, formId: 'daily-report', rows: 7, masking: 'upward' }),
      open_export_folder: () => null,
    });
    const { user } = renderApp('/');
    const card = await screen.findByTestId('stats-card');
    await user.click(within(card).getByTestId('stats-export'));
    const done = await within(card).findByTestId('stats-export-done');
    expect(done).toHaveTextContent('已导出疫情防控工作日报表（7 个网格）');
    expect(within(done).getByTestId('stats-export-done-path')).toHaveTextContent(path);
    expect(log.filter((c) => c.cmd === 'export_form').map((c) => c.args)).toEqual([
      {
        input: { form: 'daily-report', date: '2020-01-25', grids: [] } satisfies ExportRequest,
      },
    ]);
    await user.click(within(done).getByTestId('stats-export-done-open'));
    await waitFor(() =>
      expect(log.filter((c) => c.cmd === 'open_export_folder').map((c) => c.args)).toEqual([
        { input: { path } },
      ]),
    );
  });

  it('shows why the daily report export failed', async () => {
    mockBackend({
      daily_stats: () => stats,
      daily_trend: () => trend,
      export_form: () => {
        throw {
          code: 'invalidInput',
          message: 'x',
          detailZh: '表单“疫情防控工作日报表”的定义有误',
        };
      },
    });
    const { user } = renderApp('/');
    const card = await screen.findByTestId('stats-card');
    await user.click(within(card).getByTestId('stats-export'));
    expect(await within(card).findByTestId('stats-export-failed')).toHaveTextContent('导出失败');
  });

  it('exports the situation report as edited to Word', async () => {
    const path = '/data/exports/情况汇报-2020-01-25.docx';
    const log = mockBackend({
      daily_stats: () => stats,
      daily_trend: () => trend,
      situation_report: () => ({
        date: '2020-01-25',
        narrative: '一是实行精准摸排。',
        wechat: '今日无新增。',
      }),
      export_situation_report_docx: () => ({
        path,
        formId: 'situation-report',
        rows: 2,
        masking: 'none',
      }),
    });
    const { user } = renderApp('/');
    const card = await screen.findByTestId('stats-card');
    await user.click(within(card).getByTestId('stats-report'));
    const narrative = await screen.findByTestId('stats-narrative');
    await user.type(narrative, '{enter}二是多措并举。');
    await user.click(screen.getByTestId('stats-narrative-word'));
    const done = await screen.findByTestId('stats-word-done');
    expect(done).toHaveTextContent('已导出 Word 文件');
    expect(within(done).getByTestId('stats-word-done-path')).toHaveTextContent(path);
    expect(log.filter((c) => c.cmd === 'export_situation_report_docx').map((c) => c.args)).toEqual([
      {
        input: {
          date: '2020-01-25',
          text: '一是实行精准摸排。\n二是多措并举。',
        } satisfies SituationReportExport,
      },
    ]);
  });
});
