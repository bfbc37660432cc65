import { MergeOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Drawer, Space, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonDetail, RevealedPerson } from '../../api/bindings';
import { errorText } from '../../api/errors';
import { ErrorState, LoadingState } from '../../components/QueryStates';
import { useFormatDate } from '../../lib/useFormatDate';
import { PersonArrivals } from '../arrivals/PersonArrivals';
import { PersonCalls } from '../calls/PersonCalls';
import { PersonContacts } from '../contacts/PersonContacts';
import { PersonGateChecks } from '../gate/PersonGateChecks';
import { PersonIsolations } from '../isolation/PersonIsolations';
import { HouseholdSupplies } from '../supplies/HouseholdSupplies';
import { PersonCertificates } from '../work/PersonCertificates';
import { RESIDENCE_COLORS, sexText } from './labels';
import { MergeModal } from './MergeModal';
import { usePerson, useRevealPerson } from './queries';

/**
 * Everything about one person; full numbers only on an explicit (audited) click. After a
 * merge the drawer shows the kept person (`onOpen`).
 */
export function PersonDrawer({
  personId,
  onClose,
  onOpen,
}: {
  personId: string | null;
  onClose: () => void;
  onOpen: (personId: string) => void;
}) {
  const { t } = useTranslation();
  // The 显示完整号码 link goes away once clicked; focus would fall to <body>, where the
  // drawer no longer hears Escape. Keep focus inside by moving it to the content.
  const content = useRef<HTMLDivElement>(null);
  return (
    <Drawer
      open={personId !== null}
      onClose={onClose}
      title={t('residents.drawer.title')}
      width={560}
      destroyOnHidden
    >
      <div data-testid="person-drawer" ref={content} tabIndex={-1} style={{ outline: 'none' }}>
        {personId && (
          <PersonDetails
            key={personId}
            personId={personId}
            onOpen={onOpen}
            onRevealed={() => content.current?.focus()}
          />
        )}
      </div>
    </Drawer>
  );
}

function PersonDetails({
  personId,
  onOpen,
  onRevealed,
}: {
  personId: string;
  onOpen: (personId: string) => void;
  onRevealed: () => void;
}) {
  const { t } = useTranslation();
  const person = usePerson(personId);
  const reveal = useRevealPerson();
  const { message } = App.useApp();
  const [merging, setMerging] = useState(false);

  if (person.isPending) return <LoadingState rows={8} />;
  if (person.isError) {
    return (
      <ErrorState
        title={t('residents.drawer.loadFailed')}
        error={person.error}
        onRetry={() => void person.refetch()}
        retrying={person.isFetching}
      />
    );
  }
  const onReveal = () =>
    reveal.mutate(personId, {
      onSuccess: onRevealed,
      onError: (err) =>
        void message.error(t('residents.drawer.revealFailed', { error: errorText(t, err) })),
    });
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <DetailList
        person={person.data}
        revealed={reveal.data ?? null}
        onReveal={onReveal}
        revealing={reveal.isPending}
      />
      <Space wrap>
        <Button
          icon={<MergeOutlined />}
          onClick={() => setMerging(true)}
          data-testid="merge-button"
        >
          {t('residents.merge.button')}
        </Button>
      </Space>
      <PersonArrivals personId={personId} />
      <PersonContacts personId={personId} />
      <PersonIsolations personId={personId} />
      <PersonCalls personId={personId} />
      <PersonGateChecks personId={personId} />
      <HouseholdSupplies householdId={person.data.householdId} />
      <PersonCertificates personId={personId} />
      <Typography.Paragraph type="secondary" data-testid="person-more-later">
        {t('residents.drawer.moreLater')}
      </Typography.Paragraph>
      <MergeModal
        person={person.data}
        open={merging}
        onClose={() => setMerging(false)}
        onMerged={onOpen}
      />
    </Space>
  );
}

function DetailList({
  person: p,
  revealed,
  onReveal,
  revealing,
}: {
  person: PersonDetail;
  revealed: RevealedPerson | null;
  onReveal: () => void;
  revealing: boolean;
}) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const idNumber = revealed?.idNumber ?? p.idNumber;
  const phone = revealed?.phone ?? p.phone;
  const canReveal = !revealed && (p.idNumber !== null || p.phone !== null);
  const d = 'residents.drawer';
  return (
    <Descriptions column={1} size="small" bordered data-testid="person-details">
      <Descriptions.Item label={t(`${d}.name`)}>
        <span data-testid="person-name">{p.name}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t(`${d}.idNumber`)}>
        <Space wrap>
          <Typography.Text data-testid="person-id-number" copyable={!!revealed?.idNumber}>
            {idNumber}
          </Typography.Text>
          {canReveal && (
            <Typography.Link
              onClick={onReveal}
              disabled={revealing}
              data-testid="reveal-button"
              title={t(`${d}.revealNote`)}
            >
              {t(`${d}.reveal`)}
            </Typography.Link>
          )}
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label={t(`${d}.phone`)}>
        <span data-testid="person-phone">{phone}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t(`${d}.sex`)}>{sexText(t, p.sex)}</Descriptions.Item>
      <Descriptions.Item label={t(`${d}.birthDate`)}>
        {p.birthDate ? formatDate(p.birthDate) : ''}
      </Descriptions.Item>
      <Descriptions.Item label={t(`${d}.age`)}>
        {p.age !== null ? t(`${d}.ageValue`, { n: p.age }) : ''}
      </Descriptions.Item>
      <Descriptions.Item label={t(`${d}.nativeRegion`)}>{p.nativeRegion}</Descriptions.Item>
      <Descriptions.Item label={t(`${d}.address`)}>{p.householdAddress}</Descriptions.Item>
      <Descriptions.Item label={t(`${d}.relation`)}>{p.relation}</Descriptions.Item>
      <Descriptions.Item label={t(`${d}.residenceStatus`)}>
        <Tag color={RESIDENCE_COLORS[p.residenceStatus]}>{t(`residence.${p.residenceStatus}`)}</Tag>
      </Descriptions.Item>
      <Descriptions.Item label={t(`${d}.currentLocation`)}>{p.currentLocation}</Descriptions.Item>
      <Descriptions.Item label={t(`${d}.notes`)}>{p.notes}</Descriptions.Item>
      <Descriptions.Item label={t(`${d}.updated`)}>
        {t(`${d}.updatedValue`, { at: p.updatedAt, by: p.updatedBy })}
      </Descriptions.Item>
    </Descriptions>
  );
}
