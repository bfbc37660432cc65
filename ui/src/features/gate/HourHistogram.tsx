import { useTranslation } from 'react-i18next';

const W = 24 * 16;
const H = 90;
const BAR = 12;

/** Entries per hour 0–23 as a plain SVG bar chart, hours labelled every three. */
export function HourHistogram({ perHour }: { perHour: readonly number[] }) {
  const { t } = useTranslation();
  const max = Math.max(1, ...perHour);
  return (
    <svg
      viewBox={`0 0 ${W} ${H + 16}`}
      width="100%"
      role="img"
      aria-label={t('gate.day.histogram')}
      data-testid="gate-histogram"
      style={{ maxWidth: 640 }}
    >
      {perHour.map((n, hour) => {
        const h = Math.round((n / max) * H);
        return (
          <g key={hour} data-testid="gate-hour" data-hour={hour} data-count={n}>
            <title>{t('gate.day.hourTitle', { hour, n })}</title>
            <rect
              x={hour * 16 + 2}
              y={H - h}
              width={BAR}
              height={h}
              fill={n > 0 ? '#1677ff' : 'transparent'}
            />
            {n > 0 && (
              <text x={hour * 16 + 8} y={H - h - 2} fontSize={8} textAnchor="middle">
                {n}
              </text>
            )}
            {hour % 3 === 0 && (
              <text x={hour * 16 + 8} y={H + 12} fontSize={9} textAnchor="middle" fill="#888">
                {hour}
              </text>
            )}
          </g>
        );
      })}
      <line x1={0} y1={H} x2={W} y2={H} stroke="#ccc" />
    </svg>
  );
}
