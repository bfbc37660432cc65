import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Flex,
  Form,
  InputNumber,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EligibilityReason, EligibleHousehold, SupplyEligibility } from '../../api/bindings';
import { errorText } from '../../api/errors';
import { ErrorState } from '../../components/QueryStates';
import { useFormatDate } from '../../lib/useFormatDate';
import { useEligibility, useEligible, useSetEligibility } from './queries';

const REASON_COLOR: Record<EligibilityReason, string> = {
  isolation: 'orange',
  elderly_alone: 'blue',
};

/**
 * 应发名单: the households eligible under the settings on the statistical date, with the
 * reasons and the last issue; those not yet served first when asked. The settings edit
 * above it. Issuing to a household that is not listed stays possible (the worker judges).
 */
export function EligibleList({
  onIssue,
}: {
  onIssue: (householdId: string, address?: string) => void;
}) {
  const { t } = useTranslation();
  const formatDate = useFormatDate('short');
  const [unservedOnly, setUnservedOnly] = useState(true);
  const list = useEligible({ unservedOnly });
  const p = 'supplies.eligible';
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <EligibilitySettings />
      <Checkbox
        checked={unservedOnly}
        onChange={(e) => setUnservedOnly(e.target.checked)}
        data-testid="eligible-unserved"
      >
        {t(`${p}.unservedOnly`)}
      </Checkbox>
      {list.isError ? (
        <ErrorState
          title={t(`${p}.loadFailed`)}
          error={list.error}
          onRetry={() => void list.refetch()}
          retrying={list.isFetching}
        />
      ) : (
        <Table<EligibleHousehold>
          size="small"
          rowKey="householdId"
          loading={list.isPending}
          dataSource={list.data ?? []}
          locale={{ emptyText: t(`${p}.empty`) }}
          data-testid="eligible-table"
          onRow={() => ({ 'data-testid': 'eligible-row' }) as React.HTMLAttributes<HTMLElement>}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          columns={[
            {
              title: t(`${p}.address`),
              dataIndex: 'address',
              render: (a: string | null) => a ?? '—',
            },
            {
              title: t(`${p}.reasons`),
              dataIndex: 'reasons',
              width: 200,
              render: (reasons: EligibilityReason[]) =>
                reasons.map((r) => (
                  <Tag key={r} color={REASON_COLOR[r]}>
                    {t(`${p}.reason.${r}`)}
                  </Tag>
                )),
            },
            {
              title: t(`${p}.people`),
              dataIndex: 'people',
              render: (ps: string[]) => ps.join('、'),
            },
            {
              title: t(`${p}.lastIssued`),
              dataIndex: 'lastIssuedOn',
              width: 120,
              render: (d: string | null) =>
                d ? formatDate(d) : <Tag color="red">{t(`${p}.unserved`)}</Tag>,
            },
            {
              key: 'actions',
              width: 90,
              render: (_, e) => (
                <Button
                  size="small"
                  onClick={() => onIssue(e.householdId, e.address ?? undefined)}
                  data-testid="eligible-issue"
                >
                  {t('supplies.issue.button')}
                </Button>
              ),
            },
          ]}
        />
      )}
    </Space>
  );
}

type Values = { householdsWithIsolation: boolean; elderlyOn: boolean; age?: number | null };

function EligibilitySettings() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const current = useEligibility();
  const save = useSetEligibility();
  const [error, setError] = useState<string | null>(null);
  const p = 'supplies.eligibility';
  if (!current.data) return null;
  const initial: Values = {
    householdsWithIsolation: current.data.householdsWithIsolation,
    elderlyOn: current.data.elderlyAloneAge !== null,
    age: current.data.elderlyAloneAge ?? 70,
  };
  const onFinish = (v: Values) => {
    setError(null);
    const input: SupplyEligibility = {
      householdsWithIsolation: v.householdsWithIsolation,
      elderlyAloneAge: v.elderlyOn ? (v.age ?? 70) : null,
    };
    save.mutate(input, {
      onSuccess: () => void message.success(t(`${p}.saved`)),
      onError: (err) => setError(errorText(t, err)),
    });
  };
  return (
    <Card size="small" title={t(`${p}.title`)} data-testid="eligibility-settings">
      <Form<Values> layout="inline" initialValues={initial} onFinish={onFinish}>
        <Form.Item
          name="householdsWithIsolation"
          label={t(`${p}.isolation`)}
          valuePropName="checked"
        >
          <Switch data-testid="eligibility-isolation" />
        </Form.Item>
        <Form.Item name="elderlyOn" label={t(`${p}.elderly`)} valuePropName="checked">
          <Switch data-testid="eligibility-elderly" />
        </Form.Item>
        <Form.Item name="age" label={t(`${p}.age`)}>
          <InputNumber min={50} max={120} precision={0} data-testid="eligibility-age" />
        </Form.Item>
        <Form.Item>
          <Button htmlType="submit" loading={save.isPending} data-testid="eligibility-save">
            {t(`${p}.save`)}
          </Button>
        </Form.Item>
      </Form>
      <Flex>
        <Typography.Text type="secondary">{t(`${p}.hint`)}</Typography.Text>
      </Flex>
      {error && <Alert type="error" showIcon message={error} style={{ marginTop: 8 }} />}
    </Card>
  );
}
