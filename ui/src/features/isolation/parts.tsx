import { Badge, Flex, Progress, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Isolation, IsolationKind, IsolationStatus } from '../../api/bindings';
import { KIND_COLORS, STATUS_COLORS } from './labels';

/** 第 N/M 天 with a bar. */
export function DayProgress({
  isolation: i,
  compact = false,
}: {
  isolation: Isolation;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const percent = i.days > 0 ? Math.min(100, Math.round((i.day / i.days) * 100)) : 0;
  return (
    <Flex vertical gap={0} style={{ minWidth: compact ? undefined : 110 }}>
      <Typography.Text data-testid="isolation-day">
        {t('isolation.day', { day: i.day, days: i.days })}
      </Typography.Text>
      {!compact && (
        <Progress
          percent={percent}
          size="small"
          showInfo={false}
          status={i.status === 'active' ? 'active' : 'normal'}
          style={{ marginBottom: 0 }}
        />
      )}
    </Flex>
  );
}

export function KindTag({ kind }: { kind: IsolationKind }) {
  const { t } = useTranslation();
  return <Tag color={KIND_COLORS[kind]}>{t(`isolation.kind.${kind}`)}</Tag>;
}

export function StatusTag({ status }: { status: IsolationStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="isolation-status">
      {t(`isolation.status.${status}`)}
    </Tag>
  );
}

/** 缺报 N, highlighted when there are gaps. */
export function MissingCount({ n }: { n: number }) {
  const { t } = useTranslation();
  if (n === 0) {
    return (
      <Typography.Text type="secondary" data-testid="isolation-missing">
        {t('isolation.missing', { n })}
      </Typography.Text>
    );
  }
  return (
    <Tag color="red" data-testid="isolation-missing">
      {t('isolation.missing', { n })}
    </Tag>
  );
}

/** 发热 with the number of fever events not yet handled. */
export function FeverBadge({ n }: { n: number }) {
  const { t } = useTranslation();
  if (n === 0) return null;
  return (
    <Badge count={n} size="small" offset={[4, 0]}>
      <Tag color="red" data-testid="isolation-fever">
        {t('isolation.fever.badge')}
      </Tag>
    </Badge>
  );
}
