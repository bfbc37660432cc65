import { Flex, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PersonDrawer } from '../residents/PersonDrawer';
import { Certificates } from './Certificates';
import { Difficulties } from './Difficulties';
import { Enterprises } from './Enterprises';
import { Visits } from './Visits';

type Tab = 'enterprises' | 'visits' | 'difficulties' | 'certificates';

/**
 * 复工复产: enterprises, visits with the 五到位 checklist, difficulties followed up until
 * closed; and 外出务工证明: numbered certificates, call-backs, the printable certificate.
 */
export function WorkPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('enterprises');
  const [personId, setPersonId] = useState<string | null>(null);
  const label = (key: Tab) => <span data-testid={`work-tab-${key}`}>{t(`work.tabs.${key}`)}</span>;
  return (
    <Flex vertical gap={16} data-testid="work-page">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('work.title')}
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key as Tab)}
        items={[
          { key: 'enterprises', label: label('enterprises'), children: <Enterprises /> },
          { key: 'visits', label: label('visits'), children: <Visits /> },
          { key: 'difficulties', label: label('difficulties'), children: <Difficulties /> },
          {
            key: 'certificates',
            label: label('certificates'),
            children: <Certificates onOpenPerson={setPersonId} />,
          },
        ]}
      />
      <PersonDrawer personId={personId} onClose={() => setPersonId(null)} onOpen={setPersonId} />
    </Flex>
  );
}
