import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Arrival, RiskArea } from '../../api/bindings';
import { PersonDrawer } from '../residents/PersonDrawer';
import { ArrivalFormModal } from './ArrivalForm';
import { ArrivalList, NO_FILTERS, type ArrivalFilters } from './ArrivalList';
import { NightQuery } from './NightQuery';
import { RiskAreas } from './RiskAreas';
import { ImportButton } from '../imports/ImportButton';

type Tab = 'list' | 'risk' | 'night';

/**
 * 返乡摸排: the arrivals (filters, registration at the door), the risk areas, and the
 * night-time query "who came from there since then".
 */
export function ArrivalsPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('list');
  const [filters, setFilters] = useState<ArrivalFilters>(NO_FILTERS);
  const [page, setPage] = useState(1);
  const [form, setForm] = useState<{ editing: Arrival | null } | null>(null);
  const [personId, setPersonId] = useState<string | null>(null);

  const filter = (next: ArrivalFilters) => {
    setFilters(next);
    setPage(1);
  };
  const showArrivalsOf = (area: RiskArea) => {
    filter({ ...NO_FILTERS, riskAreaId: area.id });
    setTab('list');
  };

  return (
    <Flex vertical gap={16} data-testid="arrivals-page">
      <Flex justify="space-between" align="center" gap={16} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('modules.arrivals')}
        </Typography.Title>
        <Flex gap={8}>
          <ImportButton kind="arrivals" />
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setForm({ editing: null })}
            data-testid="add-arrival"
          >
            {t('arrivals.form.button')}
          </Button>
        </Flex>
      </Flex>
      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key as Tab)}
        items={[
          {
            key: 'list',
            label: <span data-testid="arrivals-tab-list">{t('arrivals.tabs.list')}</span>,
            children: (
              <ArrivalList
                filters={filters}
                onFilters={filter}
                page={page}
                onPage={setPage}
                onOpenPerson={setPersonId}
                onEdit={(editing) => setForm({ editing })}
              />
            ),
          },
          {
            key: 'risk',
            label: <span data-testid="arrivals-tab-risk">{t('arrivals.tabs.risk')}</span>,
            children: <RiskAreas onShowArrivals={showArrivalsOf} />,
          },
          {
            key: 'night',
            label: <span data-testid="arrivals-tab-night">{t('arrivals.tabs.night')}</span>,
            children: <NightQuery onOpenPerson={setPersonId} />,
          },
        ]}
      />
      <ArrivalFormModal
        open={form !== null}
        editing={form?.editing ?? null}
        onClose={() => setForm(null)}
      />
      <PersonDrawer personId={personId} onClose={() => setPersonId(null)} onOpen={setPersonId} />
    </Flex>
  );
}
