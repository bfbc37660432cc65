import { List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { IpcError } from '../../api/bindings';
import { errorText } from '../../api/errors';
import { DrawerList } from '../../components/DrawerList';
import { useAppInfo } from '../../shell/queries';
import { usePersonGateChecks } from './queries';

/** 卡口记录 in the person drawer: the person's gate checks, newest first. */
export function PersonGateChecks({ personId }: { personId: string }) {
  const info = useAppInfo();
  if (!info.data?.modules.includes('gate')) return null;
  return <GateHistory personId={personId} />;
}

function GateHistory({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const checks = usePersonGateChecks(personId);
  const p = 'gate.person';
  return (
    <DrawerList
      testId="person-gate-checks"
      title={t(`${p}.title`)}
      list={{ ...checks, items: checks.data }}
      emptyText={t(`${p}.empty`)}
      failedText={(error) => t(`${p}.loadFailed`, { error: errorText(t, error as IpcError) })}
      renderItem={(c) => (
        <List.Item data-testid="person-gate-check">
          <Typography.Text>{c.checkedAt.slice(0, 16)}</Typography.Text>
          <Typography.Text type="secondary">{c.checkpointName}</Typography.Text>
          <Typography.Text type={c.fever ? 'danger' : undefined}>
            {t('gate.celsius', { t: c.temperature })}
          </Typography.Text>
          {c.admitted ? (
            <Tag color="green">{t('gate.day.admitted')}</Tag>
          ) : (
            <Tag color="red">{t('gate.day.refused')}</Tag>
          )}
        </List.Item>
      )}
    />
  );
}
