import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PersonDrawer } from '../residents/PersonDrawer';
import { BuildingRound } from './BuildingRound';
import { DEFAULT_FILTERS, IsolationList, type IsolationFilters } from './IsolationList';
import { PolicyEditor } from './PolicyEditor';
import { StartModal } from './StartModal';

type Tab = 'list' | 'round' | 'policy';

/**
 * 居家隔离 · 健康监测: the isolations (day N of M, checks missing, fevers, row actions, bulk
 * release), a building's round of temperatures, and the isolation policy.
 */
export function IsolationPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('list');
  const [filters, setFilters] = useState<IsolationFilters>(DEFAULT_FILTERS);
  const [page, setPage] = useState(1);
  const [starting, setStarting] = useState(false);
  const [personId, setPersonId] = useState<string | null>(null);

  const filter = (next: IsolationFilters) => {
    setFilters(next);
    setPage(1);
  };

  return (
    <Flex vertical gap={16} data-testid="isolation-page">
      <Flex justify="space-between" align="center" gap={16} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('isolation.title')}
        </Typography.Title>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setStarting(true)}
          data-testid="start-isolation"
        >
          {t('isolation.start.button')}
        </Button>
      </Flex>
      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key as Tab)}
        items={[
          {
            key: 'list',
            label: <span data-testid="isolation-tab-list">{t('isolation.tabs.list')}</span>,
            children: (
              <IsolationList
                filters={filters}
                onFilters={filter}
                page={page}
                onPage={setPage}
                onOpenPerson={setPersonId}
              />
            ),
          },
          {
            key: 'round',
            label: <span data-testid="isolation-tab-round">{t('isolation.tabs.round')}</span>,
            children: <BuildingRound />,
          },
          {
            key: 'policy',
            label: <span data-testid="isolation-tab-policy">{t('isolation.tabs.policy')}</span>,
            children: <PolicyEditor />,
          },
        ]}
      />
      <StartModal
        open={starting}
        onClose={() => setStarting(false)}
        onStarted={() => {
          setTab('list');
          filter(DEFAULT_FILTERS);
        }}
      />
      <PersonDrawer personId={personId} onClose={() => setPersonId(null)} onOpen={setPersonId} />
    </Flex>
  );
}
