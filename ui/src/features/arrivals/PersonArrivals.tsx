import { List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { IpcError } from '../../api/bindings';
import { errorText } from '../../api/errors';
import { DrawerList } from '../../components/DrawerList';
import { useFormatDate } from '../../lib/useFormatDate';
import { useAppInfo } from '../../shell/queries';
import { PERSON_ARRIVALS_LIMIT, useArrivals } from './queries';

/**
 * 返乡记录 in the person drawer: the person's arrivals, newest first, compact. Shown only
 * when the backend provides the 返乡摸排 module.
 */
export function PersonArrivals({ personId }: { personId: string }) {
  const info = useAppInfo();
  if (!info.data?.modules.includes('arrivals')) return null;
  return <ArrivalHistory personId={personId} />;
}

function ArrivalHistory({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate('short');
  const arrivals = useArrivals({
    personId,
    fromRiskArea: false,
    offset: 0,
    limit: PERSON_ARRIVALS_LIMIT,
  });
  const p = 'arrivals.person';
  return (
    <DrawerList
      testId="person-arrivals"
      title={t(`${p}.title`)}
      list={{ ...arrivals, items: arrivals.data?.rows }}
      emptyText={t(`${p}.empty`)}
      failedText={(error) => t(`${p}.loadFailed`, { error: errorText(t, error as IpcError) })}
      renderItem={(a) => (
        <List.Item data-testid="person-arrival">
          <Space wrap size={[8, 4]}>
            <Typography.Text strong>
              {t(`${p}.arrived`, { date: formatDate(a.arrivedOn) })}
            </Typography.Text>
            <span>{t(`${p}.from`, { origin: a.originName })}</span>
            <Tag>{t(`arrivals.originClass.${a.originClass}`)}</Tag>
            {a.temperature !== null && (
              <Typography.Text type={a.fever ? 'danger' : 'secondary'}>
                {t('arrivals.table.celsius', { value: a.temperature })}
              </Typography.Text>
            )}
            {a.riskAreas.map((name) => (
              <Tag key={name} color="red">
                {name}
              </Tag>
            ))}
          </Space>
        </List.Item>
      )}
    />
  );
}
