import { List, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcError } from '../../api/bindings';
import { errorText } from '../../api/errors';
import { DrawerList } from '../../components/DrawerList';
import { useAppInfo } from '../../shell/queries';
import { HistoryDrawer } from './HistoryDrawer';
import { DueCell, LastCallCell, StateTag } from './parts';
import { useCallTargets } from './queries';

/**
 * 电话核实 in the person drawer: the person's call targets (where they are, the state the
 * calls give, the latest call, when the next is due) and, on demand, each one's history
 * (its full numbers: that view is audited, so it opens only when asked).
 */
export function PersonCalls({ personId }: { personId: string }) {
  const info = useAppInfo();
  if (!info.data?.modules.includes('calls')) return null;
  return <Targets personId={personId} />;
}

function Targets({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const targets = useCallTargets({ personId });
  const [history, setHistory] = useState<string | null>(null);
  const p = 'calls.person';
  return (
    <DrawerList
      testId="person-calls"
      title={t(`${p}.title`)}
      list={{ ...targets, items: targets.data }}
      emptyText={t(`${p}.empty`)}
      failedText={(error) => t(`${p}.loadFailed`, { error: errorText(t, error as IpcError) })}
      renderItem={(c) => (
        <List.Item
          data-testid="person-call-target"
          actions={[
            <Typography.Link
              key="history"
              onClick={() => setHistory(c.id)}
              data-testid="person-call-history"
            >
              {t(`${p}.history`)}
            </Typography.Link>,
          ]}
        >
          <Space size={8} wrap>
            <StateTag state={c.state} />
            <Typography.Text>{c.placeName || t(`${p}.noPlace`)}</Typography.Text>
            <Typography.Text type="secondary">{t(`calls.reason.${c.reason}`)}</Typography.Text>
            <LastCallCell target={c} />
            <DueCell target={c} />
          </Space>
        </List.Item>
      )}
    >
      <HistoryDrawer targetId={history} onClose={() => setHistory(null)} />
    </DrawerList>
  );
}
