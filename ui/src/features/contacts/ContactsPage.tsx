import { PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ImportButton } from '../imports/ImportButton';
import { PersonDrawer } from '../residents/PersonDrawer';
import { AddContactModal } from './AddContactModal';
import { ContactChainCard, type ChosenPerson } from './ContactChainCard';
import { ContactList, type ContactFilters } from './ContactList';
import { HouseholdContactsModal } from './HouseholdContactsModal';

/**
 * 密接管理: the close contacts (filters), recording one or a whole household at once, and
 * a person's contact chain as a diagram.
 */
export function ContactsPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<ContactFilters>({});
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState<'one' | 'household' | null>(null);
  const [chainOf, setChainOf] = useState<ChosenPerson | null>(null);
  const [personId, setPersonId] = useState<string | null>(null);

  const filter = (next: ContactFilters) => {
    setFilters(next);
    setPage(1);
  };
  const showChain = (id: string, name: string) => setChainOf({ id, name });

  return (
    <Flex vertical gap={16} data-testid="contacts-page">
      <Flex justify="space-between" align="center" gap={16} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('modules.contacts')}
        </Typography.Title>
        <Flex gap={8}>
          <ImportButton kind="contacts" />
          <Button
            icon={<TeamOutlined />}
            onClick={() => setAdding('household')}
            data-testid="add-household-contacts"
          >
            {t('contacts.household.button')}
          </Button>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setAdding('one')}
            data-testid="add-contact"
          >
            {t('contacts.add.button')}
          </Button>
        </Flex>
      </Flex>
      <ContactList
        filters={filters}
        onFilters={filter}
        page={page}
        onPage={setPage}
        onShowChain={showChain}
        onOpenPerson={setPersonId}
      />
      <ContactChainCard person={chainOf} onPerson={setChainOf} />
      <AddContactModal open={adding === 'one'} onClose={() => setAdding(null)} />
      <HouseholdContactsModal
        open={adding === 'household'}
        onClose={() => setAdding(null)}
        onShowChain={showChain}
      />
      <PersonDrawer personId={personId} onClose={() => setPersonId(null)} onOpen={setPersonId} />
    </Flex>
  );
}
