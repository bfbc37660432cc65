import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Select, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallState, CallTarget } from '../../api/bindings';
import { ErrorState } from '../../components/QueryStates';
import { ImportButton } from '../imports/ImportButton';
import { useStatisticalDate } from '../isolation/queries';
import { AddTargetModal } from './AddTargetModal';
import { CallTable } from './CallTable';
import { HistoryDrawer } from './HistoryDrawer';
import { DUE_COLORS, STATES } from './labels';
import { PolicyForm } from './PolicyForm';
import { QuickCallModal } from './QuickCallModal';
import { useCallList, useCallTargets } from './queries';

type Tab = 'today' | 'all' | 'policy';

/**
 * 电话核实 · 境外人员跟踪: the call list of a day (first calls, retries, re-verifications,
 * expected returns, returns to register; lost ones apart), every target, and the settings.
 */
export function CallsPage() {
  const { t } = useTranslation();
  const statistical = useStatisticalDate();
  const [tab, setTab] = useState<Tab>('today');
  const [typed, setTyped] = useState<string | null>(null);
  const [state, setState] = useState<CallState | undefined>(undefined);
  const [adding, setAdding] = useState(false);
  const [logging, setLogging] = useState<CallTarget | null>(null);
  const [history, setHistory] = useState<string | null>(null);
  const on = (typed ?? statistical ?? '').trim() || undefined;
  const list = useCallList(on);
  const all = useCallTargets(state ? { state } : {});

  const today = (
    <Flex vertical gap={12}>
      <Flex gap={8} align="center" wrap>
        <span>{t('calls.list.date')}</span>
        <Input
          style={{ width: 140 }}
          value={typed ?? statistical ?? ''}
          onChange={(e) => setTyped(e.target.value)}
          placeholder="2020-01-28"
          data-testid="call-list-date"
        />
        {list.data &&
          (['first', 'retry', 'reverify', 'expected_return', 'register_arrival'] as const).map(
            (k) => {
              const n = list.data.due.filter((x) => x.dueKind === k).length;
              return n > 0 ? (
                <Tag key={k} color={DUE_COLORS[k]} data-testid={`due-count-${k}`}>
                  {t(`calls.due.${k}`)} {n}
                </Tag>
              ) : null;
            },
          )}
      </Flex>
      {list.isError ? (
        <ErrorState
          title={t('calls.list.loadFailed')}
          error={list.error}
          onRetry={() => void list.refetch()}
          retrying={list.isFetching}
        />
      ) : (
        <CallTable
          rows={list.data?.due ?? []}
          loading={list.isPending}
          onLog={setLogging}
          onHistory={(x) => setHistory(x.id)}
          testId="call-list"
        />
      )}
      {(list.data?.lost.length ?? 0) > 0 && (
        <Card size="small" title={t('calls.list.lost')} data-testid="call-lost">
          <CallTable
            rows={list.data?.lost ?? []}
            onLog={setLogging}
            onHistory={(x) => setHistory(x.id)}
            testId="call-lost-table"
          />
        </Card>
      )}
    </Flex>
  );

  return (
    <Flex vertical gap={16} data-testid="calls-page">
      <Flex justify="space-between" align="center" gap={16} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('calls.title')}
        </Typography.Title>
        <Flex gap={8}>
          <ImportButton kind="call_targets" />
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setAdding(true)}
            data-testid="add-target"
          >
            {t('calls.add.button')}
          </Button>
        </Flex>
      </Flex>
      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key as Tab)}
        items={[
          {
            key: 'today',
            label: <span data-testid="calls-tab-today">{t('calls.tabs.today')}</span>,
            children: today,
          },
          {
            key: 'all',
            label: <span data-testid="calls-tab-all">{t('calls.tabs.all')}</span>,
            children: (
              <Flex vertical gap={12}>
                <Select<CallState>
                  allowClear
                  style={{ width: 200 }}
                  value={state}
                  onChange={setState}
                  placeholder={t('calls.list.allStates')}
                  options={STATES.map((s) => ({ value: s, label: t(`calls.state.${s}`) }))}
                />
                <CallTable
                  rows={all.data ?? []}
                  loading={all.isPending}
                  onLog={setLogging}
                  onHistory={(x) => setHistory(x.id)}
                  testId="call-targets"
                />
              </Flex>
            ),
          },
          {
            key: 'policy',
            label: <span data-testid="calls-tab-policy">{t('calls.tabs.policy')}</span>,
            children: <PolicyForm />,
          },
        ]}
      />
      <AddTargetModal open={adding} onClose={() => setAdding(false)} />
      <QuickCallModal target={logging} onClose={() => setLogging(null)} />
      <HistoryDrawer targetId={history} onClose={() => setHistory(null)} />
    </Flex>
  );
}
