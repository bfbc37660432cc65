import { ImportOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import { Button, Flex, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EligibleList } from './EligibleList';
import { IssueList } from './IssueList';
import { IssueModal } from './IssueModal';
import { ItemModal, ReceiptModal } from './StockModals';
import { StockTable } from './StockTable';

type Tab = 'stock' | 'issues' | 'eligible';

/**
 * 物资发放: the stock of every item (derived from receipts and issues), the issues with
 * their follow-up visits, and the households eligible under the settings.
 */
export function SuppliesPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('stock');
  const [adding, setAdding] = useState(false);
  const [receiving, setReceiving] = useState<string | null | undefined>(undefined);
  const [issuing, setIssuing] = useState<{ householdId?: string; address?: string } | null>(null);
  return (
    <Flex vertical gap={16} data-testid="supplies-page">
      <Flex justify="space-between" align="center" gap={16} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('supplies.title')}
        </Typography.Title>
        <Space wrap>
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="add-item">
            {t('supplies.item.button')}
          </Button>
          <Button
            icon={<ImportOutlined />}
            onClick={() => setReceiving(null)}
            data-testid="add-receipt"
          >
            {t('supplies.receipt.button')}
          </Button>
          <Button
            type="primary"
            icon={<SendOutlined />}
            onClick={() => setIssuing({})}
            data-testid="add-issue"
          >
            {t('supplies.issue.button')}
          </Button>
        </Space>
      </Flex>
      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key as Tab)}
        items={[
          {
            key: 'stock',
            label: <span data-testid="supplies-tab-stock">{t('supplies.tabs.stock')}</span>,
            children: <StockTable onReceive={(id) => setReceiving(id)} />,
          },
          {
            key: 'issues',
            label: <span data-testid="supplies-tab-issues">{t('supplies.tabs.issues')}</span>,
            children: <IssueList />,
          },
          {
            key: 'eligible',
            label: <span data-testid="supplies-tab-eligible">{t('supplies.tabs.eligible')}</span>,
            children: (
              <EligibleList
                onIssue={(householdId, address) => setIssuing({ householdId, address })}
              />
            ),
          },
        ]}
      />
      <ItemModal open={adding} onClose={() => setAdding(false)} />
      <ReceiptModal
        open={receiving !== undefined}
        itemId={receiving ?? undefined}
        onClose={() => setReceiving(undefined)}
      />
      <IssueModal
        open={issuing !== null}
        householdId={issuing?.householdId}
        address={issuing?.address}
        onClose={() => setIssuing(null)}
        onIssued={() => setTab('issues')}
      />
    </Flex>
  );
}
