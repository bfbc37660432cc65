import { SaveOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Flex,
  Input,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  type InputRef,
  type TableColumnsType,
} from 'antd';
import { useRef, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CheckMethod,
  CheckRoundOutcome,
  IpcError,
  NewCheck,
  RoundQuery,
  RoundRow,
  Symptom,
} from '../../api/bindings';
import { errorText } from '../../api/errors';
import { ErrorState, LoadingState } from '../../components/QueryStates';
import { BuildingPicker, type ChosenBuilding } from './BuildingPicker';
import { defaultCheckDate, fromPicker, toPicker } from './dates';
import { METHODS, SYMPTOMS, slotLabel, slots } from './labels';
import { DayProgress } from './parts';
import { useAddChecks, useBuildingRound, useIsolationPolicy, useStatisticalDate } from './queries';

/**
 * 本楼一轮体温: a building, a date and a slot; the people of the building in isolation on
 * that date, one temperature typed per row (Enter moves down), saved in one add_checks.
 */
export function BuildingRound() {
  const { t } = useTranslation();
  const today = useStatisticalDate();
  const policy = useIsolationPolicy();
  const [building, setBuilding] = useState<ChosenBuilding | null>(null);
  const [date, setDate] = useState<string | null>(null);
  const [slot, setSlot] = useState(1);
  const day = date ?? (today ? defaultCheckDate(today) : null);
  // The slots the policy asks for; two (上午 / 下午) unless a kind asks for more.
  const perDay = Math.max(2, ...(policy.data?.kinds.map((k) => k.checksPerDay) ?? []));
  const query: RoundQuery | null =
    building && day ? { buildingId: building.id, date: day, slot } : null;
  const r = 'isolation.round';

  return (
    <Card size="small" data-testid="building-round">
      <Flex vertical gap={12}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t(`${r}.explain`)}
        </Typography.Paragraph>
        <Flex gap={8} wrap align="center">
          <BuildingPicker value={building} onChange={setBuilding} data-testid="round-building" />
          <DatePicker
            allowClear={false}
            value={toPicker(day)}
            onChange={(d) => setDate(d ? fromPicker(d) : null)}
            data-testid="round-date"
          />
          <Select<number>
            data-testid="round-slot"
            value={slot}
            onChange={setSlot}
            options={slots(perDay).map((s) => ({ value: s, label: slotLabel(t, s, perDay) }))}
            style={{ width: 110 }}
          />
        </Flex>
        {query ? (
          <RoundTable key={JSON.stringify(query)} query={query} />
        ) : (
          <Typography.Text type="secondary" data-testid="round-choose">
            {t(`${r}.choose`)}
          </Typography.Text>
        )}
      </Flex>
    </Card>
  );
}

type Entry = { temperature: string; symptoms: Symptom[] };

function RoundTable({ query }: { query: RoundQuery }) {
  const { t } = useTranslation();
  const round = useBuildingRound(query);
  const add = useAddChecks();
  const [entries, setEntries] = useState<Record<string, Entry>>({});
  const [method, setMethod] = useState<CheckMethod>('visit');
  const [outcome, setOutcome] = useState<{ result: CheckRoundOutcome; ids: string[] } | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  const inputs = useRef<Record<string, InputRef | null>>({});
  const saveButton = useRef<HTMLButtonElement>(null);
  const r = 'isolation.round';

  if (round.isPending) return <LoadingState rows={4} />;
  if (round.isError) {
    return (
      <ErrorState
        title={t(`${r}.loadFailed`)}
        error={round.error}
        onRetry={() => void round.refetch()}
        retrying={round.isFetching}
      />
    );
  }
  const rows = round.data;
  // The rows still to be entered, in order: Enter moves from one to the next.
  const open = rows.filter((row) => row.check === null).map((row) => row.isolation.id);
  const entry = (id: string): Entry => entries[id] ?? { temperature: '', symptoms: [] };
  const update = (id: string, patch: Partial<Entry>) =>
    setEntries((prev) => ({ ...prev, [id]: { ...entry(id), ...patch } }));
  const next = (id: string) => {
    const following = open[open.indexOf(id) + 1];
    if (following) inputs.current[following]?.focus();
    else saveButton.current?.focus();
  };

  const checks: NewCheck[] = open.flatMap((id) => {
    const e = entry(id);
    const temperature = e.temperature.trim();
    if (!temperature && e.symptoms.length === 0) return [];
    return [
      {
        isolationId: id,
        date: query.date,
        slot: query.slot,
        ...(temperature ? { temperature } : {}),
        symptoms: e.symptoms,
        method,
      },
    ];
  });

  const save = () => {
    setError(null);
    add.mutate(
      { checks },
      {
        onSuccess: (result) => {
          setOutcome({ result, ids: checks.map((c) => c.isolationId) });
          setEntries({});
        },
        onError: setError,
      },
    );
  };

  const feverNames = outcome
    ? rows
        .filter((row) => row.check?.fever && outcome.ids.includes(row.isolation.id))
        .map((row) => row.isolation.personName)
    : [];

  const columns: TableColumnsType<RoundRow> = [
    {
      key: 'n',
      title: t(`${r}.n`),
      width: 50,
      render: (_, _row, i) => i + 1,
    },
    {
      key: 'name',
      title: t(`${r}.name`),
      render: (_, row) => <Typography.Text strong>{row.isolation.personName}</Typography.Text>,
    },
    { key: 'address', title: t(`${r}.address`), render: (_, row) => row.isolation.address },
    {
      key: 'day',
      title: t(`${r}.day`),
      render: (_, row) => <DayProgress isolation={row.isolation} compact />,
    },
    {
      key: 'temperature',
      title: t(`${r}.temperature`),
      width: 140,
      render: (_, row) => {
        if (row.check) {
          const value =
            row.check.temperature !== null
              ? t('isolation.celsiusValue', { value: row.check.temperature })
              : t(`${r}.recorded`);
          return row.check.fever ? (
            <Tag color="red" data-testid="round-fever">
              {value}
            </Tag>
          ) : (
            <Typography.Text type="secondary" data-testid="round-recorded">
              {value}
            </Typography.Text>
          );
        }
        const id = row.isolation.id;
        return (
          <Input
            ref={(el) => {
              inputs.current[id] = el;
            }}
            value={entry(id).temperature}
            onChange={(e) => update(id, { temperature: e.target.value })}
            onPressEnter={(e) => {
              e.preventDefault();
              next(id);
            }}
            inputMode="decimal"
            suffix={t('isolation.celsius')}
            placeholder={t(`${r}.temperaturePlaceholder`)}
            data-testid="round-temperature"
          />
        );
      },
    },
    {
      key: 'symptoms',
      title: t(`${r}.symptoms`),
      render: (_, row) => {
        if (row.check) {
          return row.check.symptoms.map((s) => <Tag key={s}>{t(`arrivals.symptom.${s}`)}</Tag>);
        }
        const id = row.isolation.id;
        return (
          <Select<Symptom[]>
            mode="multiple"
            allowClear
            value={entry(id).symptoms}
            onChange={(symptoms) => update(id, { symptoms })}
            options={SYMPTOMS.map((s) => ({ value: s, label: t(`arrivals.symptom.${s}`) }))}
            placeholder={t(`${r}.symptomsPlaceholder`)}
            style={{ minWidth: 160 }}
            data-testid="round-symptoms"
          />
        );
      },
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Table<RoundRow>
        data-testid="round-table"
        size="small"
        rowKey={(row) => row.isolation.id}
        columns={columns}
        dataSource={rows}
        pagination={false}
        onRow={() => ({ 'data-testid': 'round-row' }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: t(`${r}.empty`) }}
      />
      {rows.length > 0 && (
        <Flex gap={8} align="center" wrap>
          <Typography.Text>{t(`${r}.method`)}</Typography.Text>
          <Select<CheckMethod>
            value={method}
            onChange={setMethod}
            options={METHODS.map((m) => ({ value: m, label: t(`isolation.method.${m}`) }))}
            style={{ width: 110 }}
            data-testid="round-method"
          />
          <Button
            ref={saveButton}
            type="primary"
            icon={<SaveOutlined />}
            disabled={checks.length === 0}
            loading={add.isPending}
            onClick={save}
            data-testid="round-save"
          >
            {t(`${r}.save`, { n: checks.length })}
          </Button>
          <Typography.Text type="secondary">
            {t(`${r}.progress`, { done: rows.length - open.length, total: rows.length })}
          </Typography.Text>
        </Flex>
      )}
      {error && (
        <Alert
          type="error"
          showIcon
          message={t(`${r}.failed`, { error: errorText(t, error) })}
          data-testid="round-error"
        />
      )}
      {outcome && (
        <Alert
          type={outcome.result.fevers.length > 0 ? 'error' : 'success'}
          showIcon
          data-testid="round-outcome"
          message={t(`${r}.saved`, { n: outcome.result.checks.length })}
          description={
            outcome.result.fevers.length > 0 ? (
              <Space direction="vertical" size={0}>
                <span data-testid="round-fevers">
                  {t(`${r}.fevers`, { n: outcome.result.fevers.length })}
                </span>
                {feverNames.length > 0 && (
                  <Typography.Text strong>
                    {feverNames.join(t('isolation.separator'))}
                  </Typography.Text>
                )}
              </Space>
            ) : (
              t(`${r}.noFever`)
            )
          }
        />
      )}
    </Flex>
  );
}
