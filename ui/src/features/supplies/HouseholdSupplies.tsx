import { List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { IpcError } from '../../api/bindings';
import { errorText } from '../../api/errors';
import { DrawerList } from '../../components/DrawerList';
import { useFormatDate } from '../../lib/useFormatDate';
import { useAppInfo } from '../../shell/queries';
import { useIssues } from './queries';

/**
 * 物资领取 in the person drawer: what the person's household received (members in person
 * included). Shown only when the backend provides the module and the person has a household.
 */
export function HouseholdSupplies({ householdId }: { householdId: string | null }) {
  const info = useAppInfo();
  if (!householdId || !info.data?.modules.includes('supplies')) return null;
  return <History householdId={householdId} />;
}

function History({ householdId }: { householdId: string }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate('short');
  const issues = useIssues({ householdId, limit: 50, offset: 0 });
  const p = 'supplies.household';
  return (
    <DrawerList
      testId="household-supplies"
      title={t(`${p}.title`)}
      list={{ ...issues, items: issues.data?.rows }}
      emptyText={t(`${p}.empty`)}
      failedText={(error) => t(`${p}.loadFailed`, { error: errorText(t, error as IpcError) })}
      renderItem={(i) => (
        <List.Item data-testid="household-supply">
          <Space wrap size={[8, 4]}>
            <span>{formatDate(i.issuedOn)}</span>
            <Typography.Text strong>
              {i.itemName} {i.quantity}
              {i.unit}
            </Typography.Text>
            {i.personName && <Typography.Text type="secondary">{i.personName}</Typography.Text>}
            {i.followUps > 0 && (
              <Typography.Text type="secondary">
                {t(`${p}.followUps`, { n: i.followUps })}
              </Typography.Text>
            )}
          </Space>
        </List.Item>
      )}
    />
  );
}
