import { Card, Col, Flex, Row, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { GateCheck } from '../../api/bindings';
import { ErrorState, LoadingState } from '../../components/QueryStates';
import { HourHistogram } from './HourHistogram';
import { useGateDay } from './queries';

/** The time of day of a check, "08:05". */
const timeOf = (at: string) => at.slice(11, 16);

/**
 * 当日情况: one checkpoint's calendar day: checked, visitors, fever, refused; entries per
 * hour; the entries, newest first.
 */
export function GateDayView({ checkpointId, date }: { checkpointId: string; date?: string }) {
  const { t } = useTranslation();
  const p = 'gate.day';
  const day = useGateDay({ checkpointId, date });
  if (day.isPending) return <LoadingState rows={4} />;
  if (day.isError)
    return (
      <ErrorState
        title={t(`${p}.loadFailed`)}
        error={day.error}
        onRetry={() => void day.refetch()}
        retrying={day.isFetching}
      />
    );
  const d = day.data;
  return (
    <Card
      size="small"
      title={t(`${p}.title`, { date: d.date })}
      data-testid="gate-day"
      data-date={d.date}
    >
      <Flex vertical gap={12}>
        <Row gutter={16}>
          {(['checked', 'visitors', 'fever', 'refused'] as const).map((k) => (
            <Col span={6} key={k}>
              <Statistic
                title={t(`${p}.counts.${k}`)}
                value={d.total[k]}
                valueStyle={
                  k === 'fever' || k === 'refused'
                    ? { color: d.total[k] ? '#cf1322' : undefined }
                    : undefined
                }
                data-testid={`gate-count-${k}`}
              />
            </Col>
          ))}
        </Row>
        <HourHistogram perHour={d.perHour} />
        <Table<GateCheck>
          size="small"
          rowKey="id"
          dataSource={d.checks}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: t(`${p}.empty`) }}
          data-testid="gate-checks"
          onRow={(c) =>
            ({ 'data-testid': 'gate-check-row', 'data-admitted': String(c.admitted) }) as object
          }
          columns={[
            { title: t(`${p}.col.time`), dataIndex: 'checkedAt', width: 64, render: timeOf },
            {
              title: t(`${p}.col.name`),
              dataIndex: 'name',
              render: (name: string, c) => (
                <Flex gap={4} align="center">
                  <Typography.Text>{name}</Typography.Text>
                  {c.visitor && <Tag color="orange">{t('gate.entry.visitor')}</Tag>}
                </Flex>
              ),
            },
            {
              title: t(`${p}.col.temperature`),
              dataIndex: 'temperature',
              width: 80,
              render: (v: string, c) => (
                <Typography.Text type={c.fever ? 'danger' : undefined} strong={c.fever}>
                  {t('gate.celsius', { t: v })}
                </Typography.Text>
              ),
            },
            {
              title: t(`${p}.col.result`),
              dataIndex: 'admitted',
              width: 96,
              render: (admitted: boolean) =>
                admitted ? (
                  <Tag color="green">{t(`${p}.admitted`)}</Tag>
                ) : (
                  <Tag color="red">{t(`${p}.refused`)}</Tag>
                ),
            },
            {
              title: t(`${p}.col.detail`),
              key: 'detail',
              ellipsis: true,
              render: (_, c) => c.referral ?? c.reason ?? c.address ?? '',
            },
          ]}
        />
      </Flex>
    </Card>
  );
}
