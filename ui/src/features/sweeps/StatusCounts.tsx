import { Progress, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BuildingProgress, SweepStatus } from '../../api/bindings';
import { PROGRESS_FIELD, SWEEP_STATUS_COLORS, SWEEP_STATUSES, percentDone } from './labels';

const KINDS: readonly (SweepStatus | 'pending')[] = [...SWEEP_STATUSES, 'pending'];

/** 已摸排 n · 无人应答 n · 空置 n · 拒绝 n · 未访 n, as tags. */
export function StatusCounts({ row, testId }: { row: BuildingProgress; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Space size={[0, 4]} wrap data-testid={testId}>
      {KINDS.map((kind) => (
        <Tag key={kind} color={SWEEP_STATUS_COLORS[kind]} data-testid={`count-${kind}`}>
          {t('sweeps.count', { label: t(`sweepStatus.${kind}`), n: row[PROGRESS_FIELD[kind]] })}
        </Tag>
      ))}
    </Space>
  );
}

/** The share of a row's households with a status recorded, with "done/all" beside it. */
export function RowProgress({ row, testId }: { row: BuildingProgress; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Progress
      data-testid={testId}
      percent={percentDone(row)}
      size="small"
      status={row.pending === 0 && row.households > 0 ? 'success' : 'normal'}
      format={() =>
        t('sweeps.progress.done', { done: row.households - row.pending, total: row.households })
      }
      style={{ minWidth: 160, margin: 0 }}
    />
  );
}
