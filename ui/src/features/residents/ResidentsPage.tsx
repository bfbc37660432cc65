import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Flex, Row, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HouseholdRow, PersonFilter, ResidenceStatus } from '../../api/bindings';
import { AddBuildingModal } from './AddBuildingModal';
import { AddPersonModal } from './AddPersonModal';
import { HouseholdTable } from './HouseholdTable';
import { PeopleTable } from './PeopleTable';
import { PersonDrawer } from './PersonDrawer';
import { PersonSearch } from './PersonSearch';
import { PAGE_SIZE, useHouseholds, usePeople } from './queries';
import { RegisterTree, type SelectedNode } from './RegisterTree';
import { ImportButton } from '../imports/ImportButton';

/** The people filter for a tree node, a household and a page. */
function peopleFilter(
  node: SelectedNode | null,
  household: HouseholdRow | null,
  residenceStatus: ResidenceStatus | null,
  page: number,
): PersonFilter {
  const at = (level: SelectedNode['level']) => (node?.level === level ? node.id : null);
  return {
    gridId: at('grid'),
    estateId: at('estate'),
    buildingId: at('building'),
    unitId: at('unit'),
    householdId: household?.id ?? null,
    residenceStatus,
    offset: (page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
  };
}

/** 居民台账: the register tree, the households of a node and its people ("以房管人"). */
export function ResidentsPage() {
  const { t } = useTranslation();
  const [node, setNode] = useState<SelectedNode | null>(null);
  const [household, setHousehold] = useState<HouseholdRow | null>(null);
  const [page, setPage] = useState(1);
  const [residenceStatus, setResidenceStatus] = useState<ResidenceStatus | null>(null);
  const [personId, setPersonId] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [addingBuilding, setAddingBuilding] = useState(false);

  const showsHouseholds = node !== null && node.level !== 'street' && node.level !== 'community';
  const households = useHouseholds(showsHouseholds ? { level: node.level, id: node.id } : null);
  const people = usePeople(peopleFilter(node, household, residenceStatus, page));

  const selectNode = (next: SelectedNode | null) => {
    setNode(next);
    setHousehold(null);
    setPage(1);
  };
  const selectHousehold = (row: HouseholdRow | null) => {
    setHousehold(row);
    setPage(1);
  };
  const selectResidenceStatus = (status: ResidenceStatus | null) => {
    setResidenceStatus(status);
    setPage(1);
  };

  const estate = node?.level === 'estate' ? node : null;
  const peopleTitle = household
    ? t('residents.households.selected', { address: household.address })
    : node && showsHouseholds
      ? t('residents.people.titleOf', { name: node.name })
      : t('residents.people.title');

  return (
    <Flex vertical gap={16} data-testid="residents-page">
      <Flex justify="space-between" align="center" gap={16} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('modules.residents')}
        </Typography.Title>
        <div style={{ flex: 1, minWidth: 280 }}>
          <PersonSearch onOpen={setPersonId} />
        </div>
        <Flex gap={8}>
          <ImportButton kind="people" />
          <Tooltip title={estate ? undefined : t('residents.building.needEstate')}>
            <Button
              icon={<PlusOutlined />}
              disabled={!estate}
              onClick={() => setAddingBuilding(true)}
              data-testid="add-building"
            >
              {t('residents.building.button')}
            </Button>
          </Tooltip>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setAdding(true)}
            data-testid="add-person"
          >
            {t('residents.add.button')}
          </Button>
        </Flex>
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={7} xl={6}>
          <RegisterTree selected={node} onSelect={selectNode} />
        </Col>
        <Col xs={24} lg={17} xl={18}>
          <Flex vertical gap={16}>
            {!showsHouseholds && (
              <Alert type="info" showIcon message={t('residents.hint.pickNode')} />
            )}
            {showsHouseholds && (
              <HouseholdTable
                title={t('residents.households.title', { name: node.name })}
                households={households}
                selectedId={household?.id ?? null}
                onSelect={selectHousehold}
              />
            )}
            <PeopleTable
              title={peopleTitle}
              extra={
                household && (
                  <Button
                    type="link"
                    size="small"
                    onClick={() => selectHousehold(null)}
                    data-testid="clear-household"
                  >
                    {t('residents.households.clear')}
                  </Button>
                )
              }
              people={people}
              residenceStatus={residenceStatus}
              onResidenceStatus={selectResidenceStatus}
              page={page}
              onPage={setPage}
              onOpen={setPersonId}
            />
          </Flex>
        </Col>
      </Row>
      <PersonDrawer personId={personId} onClose={() => setPersonId(null)} onOpen={setPersonId} />
      <AddPersonModal
        open={adding}
        onClose={() => setAdding(false)}
        households={households.data ?? []}
        defaultHouseholdId={household?.id ?? null}
        onOpenPerson={setPersonId}
      />
      {estate && (
        <AddBuildingModal
          estate={estate}
          open={addingBuilding}
          onClose={() => setAddingBuilding(false)}
        />
      )}
    </Flex>
  );
}
