import { Card, Flex, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAppInfo } from '../../shell/queries';
import { STATE_COLORS } from './labels';
import { useCallCounts } from './queries';

/** 首页: 电话核实 counts, by the latest call's outcome and by state, from the records. */
export function CallsCard() {
  const { t } = useTranslation();
  const info = useAppInfo();
  const counts = useCallCounts(info.data?.modules.includes('calls') ?? false);
  const c = counts.data;
  if (!c || c.targets === 0) return null;
  return (
    <Card size="small" title={t('calls.card.title')} data-testid="calls-card">
      <Flex gap={32} wrap>
        <Statistic title={t('calls.card.targets')} value={c.targets} />
        <Statistic title={t('calls.card.abroad')} value={c.abroad} />
        <Statistic title={t('calls.card.called')} value={c.called} />
        <Statistic title={t('calls.card.due')} value={c.dueToday} />
        <Flex vertical gap={4}>
          <Typography.Text type="secondary">{t('calls.card.byOutcome')}</Typography.Text>
          <Flex gap={4} wrap>
            {c.byOutcome
              .filter((o) => o.count > 0)
              .map((o) => (
                <Tag key={o.outcome} data-testid={`calls-outcome-${o.outcome}`}>
                  {t(`calls.outcome.${o.outcome}`)} {o.count}
                </Tag>
              ))}
          </Flex>
          <Typography.Text type="secondary">{t('calls.card.byState')}</Typography.Text>
          <Flex gap={4} wrap>
            {c.byState
              .filter((s) => s.count > 0)
              .map((s) => (
                <Tag
                  key={s.state}
                  color={STATE_COLORS[s.state]}
                  data-testid={`calls-state-${s.state}`}
                >
                  {t(`calls.state.${s.state}`)} {s.count}
                </Tag>
              ))}
          </Flex>
        </Flex>
      </Flex>
    </Card>
  );
}
