import { List, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcError } from '../../api/bindings';
import { errorText } from '../../api/errors';
import { DrawerList } from '../../components/DrawerList';
import { useFormatDate } from '../../lib/useFormatDate';
import { useAppInfo } from '../../shell/queries';
import { MonitoringGridModal } from './MonitoringGrid';
import { FeverBadge, KindTag, MissingCount, StatusTag } from './parts';
import { PERSON_ISOLATIONS_LIMIT, useIsolations } from './queries';

/**
 * 隔离与监测 in the person drawer: the person's isolations with status and day N of M, each
 * opening its monitoring grid. Shown only when the backend provides the module.
 */
export function PersonIsolations({ personId }: { personId: string }) {
  const info = useAppInfo();
  if (!info.data?.modules.includes('isolation')) return null;
  return <IsolationHistory personId={personId} />;
}

function IsolationHistory({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate('short');
  const isolations = useIsolations({ personId, offset: 0, limit: PERSON_ISOLATIONS_LIMIT });
  const [gridId, setGridId] = useState<string | null>(null);
  const p = 'isolation.person';
  return (
    <DrawerList
      testId="person-isolations"
      title={t(`${p}.title`)}
      list={{ ...isolations, items: isolations.data?.rows }}
      emptyText={t(`${p}.empty`)}
      failedText={(error) => t(`${p}.loadFailed`, { error: errorText(t, error as IpcError) })}
      renderItem={(i) => (
        <List.Item
          data-testid="person-isolation"
          actions={[
            <Typography.Link
              key="grid"
              onClick={() => setGridId(i.id)}
              data-testid="person-isolation-grid"
            >
              {t('isolation.list.grid')}
            </Typography.Link>,
          ]}
        >
          <Space wrap size={[8, 4]}>
            <KindTag kind={i.kind} />
            <StatusTag status={i.status} />
            <Typography.Text strong data-testid="isolation-day">
              {t('isolation.day', { day: i.day, days: i.days })}
            </Typography.Text>
            <Typography.Text type="secondary">
              {t(`${p}.period`, {
                start: formatDate(i.startDate),
                end: formatDate(i.endedOn ?? i.plannedEnd),
              })}
            </Typography.Text>
            {i.checksMissing > 0 && <MissingCount n={i.checksMissing} />}
            <FeverBadge n={i.openFevers} />
          </Space>
        </List.Item>
      )}
    >
      <MonitoringGridModal isolationId={gridId} onClose={() => setGridId(null)} />
    </DrawerList>
  );
}
