import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TrendPoint } from '../../api/bindings';

type Series = 'arrivalsNew' | 'isolationsCurrent' | 'gateChecksNew';

const COLORS: Record<Series, string> = {
  arrivalsNew: '#1677ff',
  isolationsCurrent: '#fa8c16',
  gateChecksNew: '#52c41a',
};

const W = 600;
const H = 120;
const PAD = 4;

/**
 * The last 30 days as lines, one per series, each scaled to its own maximum (the shapes
 * matter here, the numbers are in the card). Plain SVG: no chart library for three lines.
 */
export function TrendChart({ points }: { points: TrendPoint[] }) {
  const { t } = useTranslation();
  const series = Object.keys(COLORS) as Series[];
  const x = (i: number) => PAD + (i * (W - 2 * PAD)) / Math.max(1, points.length - 1);
  const path = (s: Series) => {
    const max = Math.max(1, ...points.map((p) => p[s]));
    return points
      .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i)},${H - PAD - (p[s] / max) * (H - 2 * PAD)}`)
      .join(' ');
  };
  const first = points[0]?.date;
  const last = points[points.length - 1]?.date;
  return (
    <Flex vertical gap={4} data-testid="stats-trend">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        width="100%"
        height={H}
        preserveAspectRatio="none"
        role="img"
        aria-label={t('stats.trend.title')}
      >
        <rect x={0} y={0} width={W} height={H} fill="#fafafa" />
        {series.map((s) => (
          <path key={s} d={path(s)} fill="none" stroke={COLORS[s]} strokeWidth={2} />
        ))}
      </svg>
      <Flex justify="space-between" wrap gap={8}>
        <Typography.Text type="secondary">{first}</Typography.Text>
        <Flex gap={12}>
          {series.map((s) => (
            <Typography.Text key={s} style={{ color: COLORS[s] }}>
              {t(`stats.trend.${s}`)}
            </Typography.Text>
          ))}
        </Flex>
        <Typography.Text type="secondary">{last}</Typography.Text>
      </Flex>
    </Flex>
  );
}
