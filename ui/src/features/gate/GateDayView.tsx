import {
  App,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Input,
  Row,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GateCheck, IpcError } from '../../api/bindings';
import { ErrorState, LoadingState } from '../../components/QueryStates';
import { FormFooter, SubjectModal } from '../../components/SubjectModal';
import { HourHistogram } from './HourHistogram';
import { useGateDay, useVoidGateCheck } from './queries';

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
  const [voiding, setVoiding] = useState<GateCheck | null>(null);
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
            {
              title: t(`${p}.col.actions`),
              key: 'actions',
              width: 72,
              render: (_, c) => (
                <Button
                  type="link"
                  size="small"
                  danger
                  onClick={() => setVoiding(c)}
                  data-testid="gate-void"
                >
                  {t('gate.void.action')}
                </Button>
              ),
            },
          ]}
        />
      </Flex>
      <SubjectModal
        subject={voiding}
        onClose={() => setVoiding(null)}
        title={(c) => t('gate.void.title', { name: c.name, time: timeOf(c.checkedAt) })}
      >
        {(c) => <VoidForm check={c} onDone={() => setVoiding(null)} />}
      </SubjectModal>
    </Card>
  );
}

/** 作废: an entry typed wrongly leaves the day with the reason; the audit log keeps it. */
function VoidForm({ check, onDone }: { check: GateCheck; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const voidIt = useVoidGateCheck();
  const [error, setError] = useState<IpcError | null>(null);
  const onFinish = (v: { reason: string }) => {
    setError(null);
    voidIt.mutate(
      { id: check.id, reason: v.reason.trim() },
      {
        onSuccess: () => {
          void message.success(t('gate.void.saved'));
          onDone();
        },
        onError: setError,
      },
    );
  };
  return (
    <Form<{ reason: string }> layout="vertical" onFinish={onFinish}>
      <Typography.Paragraph type="secondary">
        {t('gate.void.hint', { temperature: check.temperature })}
      </Typography.Paragraph>
      <Form.Item
        name="reason"
        label={t('gate.void.reason')}
        rules={[{ required: true, whitespace: true, message: t('gate.void.reasonRequired') }]}
      >
        <Input maxLength={200} autoFocus data-testid="gate-void-reason" />
      </Form.Item>
      <FormFooter
        error={error}
        failedKey="gate.void.failed"
        pending={voidIt.isPending}
        onCancel={onDone}
        okText={t('gate.void.ok')}
        testId="gate-void-ok"
      />
    </Form>
  );
}
