import {
  Alert,
  App,
  Button,
  Card,
  Form,
  InputNumber,
  Select,
  Table,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DaysInput } from './DaysInput';
import type { IpcError, IsolationPolicy, KindPolicy, StartRule } from '../../api/bindings';
import { errorText } from '../../api/errors';
import { ErrorState, LoadingState } from '../../components/QueryStates';
import { ARRIVAL_START_RULES } from './labels';
import { KindTag } from './parts';
import { useIsolationPolicy, useSetIsolationPolicy } from './queries';

/** A kind's policy as the form holds it: follow-up days as the tags typed. */
type Row = Omit<KindPolicy, 'followUpDays'> & { followUpDays: string[] };
type Values = { kinds: Row[] };

/**
 * 隔离政策: per kind the length, what day 1 counts from, checks per day and the follow-up
 * days after release. Applies to isolations started afterwards.
 */
export function PolicyEditor() {
  const { t } = useTranslation();
  const policy = useIsolationPolicy();
  if (policy.isPending) return <LoadingState rows={3} />;
  if (policy.isError) {
    return (
      <ErrorState
        title={t('isolation.policy.loadFailed')}
        error={policy.error}
        onRetry={() => void policy.refetch()}
        retrying={policy.isFetching}
      />
    );
  }
  return <PolicyForm key={JSON.stringify(policy.data)} policy={policy.data} />;
}

function PolicyForm({ policy }: { policy: IsolationPolicy }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useSetIsolationPolicy();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<IpcError | null>(null);
  const p = 'isolation.policy';

  const initial: Values = {
    kinds: policy.kinds.map((k) => ({ ...k, followUpDays: k.followUpDays.map(String) })),
  };

  const onFinish = (v: Values) => {
    setError(null);
    const kinds: KindPolicy[] = v.kinds.map((k, i) => ({
      ...policy.kinds[i],
      days: k.days,
      startRule: k.startRule,
      checksPerDay: k.checksPerDay,
      followUpDays: k.followUpDays.map((d) => Number(d.trim())).filter((d) => Number.isInteger(d)),
    }));
    save.mutate(
      { kinds },
      {
        onSuccess: () => void message.success(t(`${p}.saved`)),
        onError: setError,
      },
    );
  };

  const columns: TableColumnsType<KindPolicy & { index: number }> = [
    {
      key: 'kind',
      title: t(`${p}.kind`),
      render: (_, k) => <KindTag kind={k.kind} />,
    },
    {
      key: 'days',
      title: t(`${p}.days`),
      render: (_, k) => (
        <Form.Item
          name={['kinds', k.index, 'days']}
          rules={[{ required: true, message: t(`${p}.daysRequired`) }]}
          noStyle
        >
          <DaysInput data-testid={`policy-days-${k.kind}`} />
        </Form.Item>
      ),
    },
    {
      key: 'startRule',
      title: t(`${p}.startRule`),
      render: (_, k) => (
        <Form.Item name={['kinds', k.index, 'startRule']} noStyle>
          <Select<StartRule>
            style={{ width: 160 }}
            options={ruleOptions(k.startRule).map((r) => ({
              value: r,
              label: t(`isolation.startRule.${r}`),
            }))}
            data-testid={`policy-rule-${k.kind}`}
          />
        </Form.Item>
      ),
    },
    {
      key: 'checksPerDay',
      title: t(`${p}.checksPerDay`),
      render: (_, k) => (
        <Form.Item
          name={['kinds', k.index, 'checksPerDay']}
          rules={[{ required: true, message: t(`${p}.checksRequired`) }]}
          noStyle
        >
          <InputNumber min={1} max={6} precision={0} data-testid={`policy-checks-${k.kind}`} />
        </Form.Item>
      ),
    },
    {
      key: 'followUpDays',
      title: t(`${p}.followUpDays`),
      render: (_, k) => (
        <Form.Item name={['kinds', k.index, 'followUpDays']} noStyle>
          <Select
            mode="tags"
            style={{ minWidth: 180 }}
            tokenSeparators={[',', ' ']}
            placeholder={t(`${p}.followUpPlaceholder`)}
            open={false}
            data-testid={`policy-follow-${k.kind}`}
          />
        </Form.Item>
      ),
    },
  ];

  return (
    <Card size="small" title={t(`${p}.title`)} data-testid="isolation-policy">
      <Form<Values> form={form} initialValues={initial} onFinish={onFinish}>
        <Table<KindPolicy & { index: number }>
          size="small"
          rowKey="kind"
          pagination={false}
          columns={columns}
          dataSource={policy.kinds.map((k, index) => ({ ...k, index }))}
        />
        <Alert type="info" showIcon style={{ margin: '12px 0' }} message={t(`${p}.hint`)} />
        {error && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            message={t(`${p}.failed`, { error: errorText(t, error) })}
          />
        )}
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="policy-save">
          {t(`${p}.save`)}
        </Button>
      </Form>
    </Card>
  );
}

/** The rules offered: those for arrivals, and the current one whatever it is. */
function ruleOptions(current: StartRule): StartRule[] {
  return ARRIVAL_START_RULES.includes(current)
    ? [...ARRIVAL_START_RULES]
    : [...ARRIVAL_START_RULES, current];
}
