import { Alert, Button, Card, Flex, Table, Tag } from 'antd';
import type { ParseKeys } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatsNumbers } from '../../api/bindings';
import { errorText } from '../../api/errors';
import { ExportDone } from '../reports/ExportDone';
import { useExportForm } from '../reports/queries';
import { useDailyStats, useDailyTrend } from './queries';
import { SituationReportModal } from './SituationReportModal';
import { TrendChart } from './TrendChart';

type Row = {
  key: string;
  label: ParseKeys;
  indent?: boolean;
  new: number;
  total: number;
  current?: number;
  released?: number;
};

/** The rows of the 日报 in the bulletin's vocabulary, from the core's numbers. */
function rows(n: StatsNumbers): Row[] {
  return [
    { key: 'arrivals', label: 'stats.row.arrivals', ...n.arrivals },
    {
      key: 'otherProvince',
      label: 'stats.row.otherProvince',
      indent: true,
      ...n.arrivalsOtherProvince,
    },
    { key: 'outside', label: 'stats.row.outside', indent: true, ...n.arrivalsOutside },
    { key: 'riskArea', label: 'stats.row.riskArea', indent: true, ...n.arrivalsRiskArea },
    { key: 'contacts', label: 'stats.row.contacts', ...n.contacts, current: n.contactsIsolated },
    {
      key: 'isolations',
      label: 'stats.row.isolations',
      new: n.isolations.new,
      total: n.isolations.total,
      current: n.isolations.current,
      released: n.isolations.released,
    },
    { key: 'calls', label: 'stats.row.calls', ...n.calls },
    { key: 'gateChecks', label: 'stats.row.gateChecks', ...n.gateChecks },
    { key: 'gateFevers', label: 'stats.row.gateFevers', indent: true, ...n.gateFevers },
    { key: 'gateRefused', label: 'stats.row.gateRefused', indent: true, ...n.gateRefused },
    { key: 'supplyIssues', label: 'stats.row.supplyIssues', ...n.supplyIssues },
  ];
}

/** 首页: 今日统计 (the day's 日报 numbers in total), the 30-day trend and the 情况汇报. */
export function DailyStatsCard() {
  const { t } = useTranslation();
  const stats = useDailyStats();
  const trend = useDailyTrend();
  const [reportOpen, setReportOpen] = useState(false);
  const exporting = useExportForm();
  const s = stats.data;
  if (!s) return null;
  const dash = (v: number | undefined) => (v === undefined ? '—' : v);
  return (
    <Card
      size="small"
      data-testid="stats-card"
      title={
        <Flex gap={8} align="center">
          {t('stats.title', { date: s.date })}
          {s.nilReport && (
            <Tag color="default" data-testid="stats-nil">
              {t('stats.nil')}
            </Tag>
          )}
        </Flex>
      }
      extra={
        <Flex gap={8}>
          <Button
            size="small"
            loading={exporting.isPending}
            // The 疫情防控工作日报表 of the date shown, through the forms export.
            onClick={() => exporting.mutate({ form: 'daily-report', date: s.date, grids: [] })}
            data-testid="stats-export"
          >
            {t('stats.export')}
          </Button>
          <Button size="small" onClick={() => setReportOpen(true)} data-testid="stats-report">
            {t('stats.report.open')}
          </Button>
        </Flex>
      }
    >
      <Flex gap={24} wrap>
        <Table<Row>
          style={{ flex: '1 1 420px' }}
          size="small"
          pagination={false}
          rowKey="key"
          dataSource={rows(s.total)}
          onRow={(r) =>
            ({ 'data-testid': `stats-row-${r.key}` }) as React.HTMLAttributes<HTMLElement>
          }
          columns={[
            {
              title: t('stats.col.item'),
              dataIndex: 'label',
              render: (label: ParseKeys, r) => (
                <span style={{ paddingLeft: r.indent ? 16 : 0 }}>{t(label)}</span>
              ),
            },
            { title: t('stats.col.new'), dataIndex: 'new', align: 'right' },
            { title: t('stats.col.total'), dataIndex: 'total', align: 'right' },
            { title: t('stats.col.current'), dataIndex: 'current', align: 'right', render: dash },
            { title: t('stats.col.released'), dataIndex: 'released', align: 'right', render: dash },
          ]}
        />
        {trend.data && (
          <div style={{ flex: '1 1 320px' }}>
            <TrendChart points={trend.data} />
          </div>
        )}
      </Flex>
      {exporting.data && (
        <ExportDone
          testId="stats-export-done"
          message={t('stats.exportDone', { rows: exporting.data.rows })}
          path={exporting.data.path}
        />
      )}
      {exporting.error && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          data-testid="stats-export-failed"
          message={t('stats.exportFailed', { error: errorText(t, exporting.error) })}
        />
      )}
      <SituationReportModal date={s.date} open={reportOpen} onClose={() => setReportOpen(false)} />
    </Card>
  );
}
