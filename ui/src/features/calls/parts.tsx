import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CallState, CallTarget } from '../../api/bindings';
import { useFormatDate } from '../../lib/useFormatDate';
import { DUE_COLORS, STATE_COLORS } from './labels';

export function StateTag({ state }: { state: CallState }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATE_COLORS[state]} data-testid={`call-state-${state}`}>
      {t(`calls.state.${state}`)}
    </Tag>
  );
}

/** When a target is due again and why; nothing when it is closed or lost. */
export function DueCell({ target }: { target: CallTarget }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate('short');
  if (!target.dueOn || !target.dueKind)
    return <Typography.Text type="secondary">-</Typography.Text>;
  return (
    <Space size={4}>
      <span>{formatDate(target.dueOn)}</span>
      <Tag color={DUE_COLORS[target.dueKind]}>{t(`calls.due.${target.dueKind}`)}</Tag>
    </Space>
  );
}

/** The latest call: its date and outcome, and how many unreachable in a row. */
export function LastCallCell({ target }: { target: CallTarget }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate('short');
  if (!target.lastOutcome || !target.lastCalledOn) {
    return <Typography.Text type="secondary">{t('calls.table.notCalled')}</Typography.Text>;
  }
  return (
    <Space size={4} wrap>
      <span>{formatDate(target.lastCalledOn)}</span>
      <span>{t(`calls.outcome.${target.lastOutcome}`)}</span>
      {target.failedTries > 0 && (
        <Typography.Text type="warning">
          {t('calls.table.tries', { count: target.failedTries })}
        </Typography.Text>
      )}
    </Space>
  );
}
