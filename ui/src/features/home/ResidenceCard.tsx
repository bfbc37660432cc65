import { Card, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ResidenceCount, ResidenceStatus } from '../../api/bindings';

const COLORS: Record<ResidenceStatus, string> = {
  hukou: 'blue',
  resident: 'green',
  floating: 'orange',
  away: 'purple',
  abroad: 'magenta',
};

/** People by residence status (户籍 / 常住 / 流动 / 外出 / 境外), as counted by the core. */
export function ResidenceCard({ rows }: { rows: ResidenceCount[] }) {
  const { t } = useTranslation();
  return (
    <Card title={t('home.byResidence.title')} size="small" data-testid="residence-card">
      <List
        size="small"
        dataSource={rows}
        rowKey="status"
        renderItem={(row) => (
          <List.Item data-testid={`residence-${row.status}`}>
            <Tag color={COLORS[row.status]}>{t(`residence.${row.status}`)}</Tag>
            <Typography.Text strong>
              {t('home.byResidence.people', { n: row.count })}
            </Typography.Text>
          </List.Item>
        )}
      />
    </Card>
  );
}
