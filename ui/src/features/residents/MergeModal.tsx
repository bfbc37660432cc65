import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  Modal,
  Radio,
  Row,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcError, PersonDetail } from '../../api/bindings';
import { errorText } from '../../api/errors';
import { ErrorState, LoadingState } from '../../components/QueryStates';
import { useFormatDate } from '../../lib/useFormatDate';
import { RESIDENCE_COLORS, sexText } from './labels';
import { PersonSearch } from './PersonSearch';
import { useMergePeople, usePerson } from './queries';

/**
 * 合并重复记录: find the other record of the same person, see both side by side, choose
 * the one to keep, and merge (`merge_people`). The backend decides what may be merged and
 * what the kept record takes over; `onMerged` gets the kept person's id.
 */
export function MergeModal({
  person,
  open,
  onClose,
  onMerged,
}: {
  person: PersonDetail;
  open: boolean;
  onClose: () => void;
  onMerged: (keptId: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={t('residents.merge.title')}
      footer={null}
      width={880}
      destroyOnHidden
    >
      {open && <MergeForm person={person} onClose={onClose} onMerged={onMerged} />}
    </Modal>
  );
}

type Side = 'current' | 'other';

function MergeForm({
  person,
  onClose,
  onMerged,
}: {
  person: PersonDetail;
  onClose: () => void;
  onMerged: (keptId: string) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [otherId, setOtherId] = useState<string | null>(null);
  const [keep, setKeep] = useState<Side>('current');
  const [reason, setReason] = useState(() => t('residents.merge.reasonDefault'));
  const [error, setError] = useState<IpcError | null>(null);
  const other = usePerson(otherId);
  const merge = useMergePeople();
  const self = otherId === person.id;
  const ready = other.isSuccess && !self && reason.trim() !== '';

  const onSubmit = () => {
    if (!other.data) return;
    const [kept, removed] = keep === 'current' ? [person, other.data] : [other.data, person];
    setError(null);
    merge.mutate(
      { keepId: kept.id, removeId: removed.id, reason: reason.trim() },
      {
        onSuccess: (result) => {
          void message.success(t('residents.merge.success', { name: result.name }));
          onMerged(result.id);
          onClose();
        },
        onError: setError,
      },
    );
  };

  const removedName = keep === 'current' ? (other.data?.name ?? '') : person.name;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <div>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('residents.merge.pick')}
        </Typography.Paragraph>
        <div data-testid="merge-search">
          <PersonSearch
            onOpen={(id) => {
              setOtherId(id);
              setError(null);
            }}
          />
        </div>
      </div>
      {self && (
        <Alert
          type="warning"
          showIcon
          message={t('residents.merge.self')}
          data-testid="merge-self"
        />
      )}
      {otherId && !self && (
        <>
          <Radio.Group
            value={keep}
            onChange={(e) => setKeep(e.target.value as Side)}
            style={{ width: '100%' }}
          >
            <Row gutter={16}>
              <Col span={12}>
                <PersonCard side="current" title={t('residents.merge.current')} person={person} />
              </Col>
              <Col span={12}>
                {other.isPending ? (
                  <LoadingState rows={6} />
                ) : other.isError ? (
                  <ErrorState
                    title={t('residents.drawer.loadFailed')}
                    error={other.error}
                    onRetry={() => void other.refetch()}
                    retrying={other.isFetching}
                  />
                ) : (
                  <PersonCard side="other" title={t('residents.merge.other')} person={other.data} />
                )}
              </Col>
            </Row>
          </Radio.Group>
          <Alert
            type="info"
            showIcon
            data-testid="merge-explain"
            message={t('residents.merge.explain', { removed: removedName })}
          />
          <Form layout="vertical" requiredMark={false} component="div">
            <Form.Item
              label={t('residents.merge.reason')}
              validateStatus={reason.trim() === '' ? 'error' : undefined}
              help={reason.trim() === '' ? t('residents.merge.reasonRequired') : undefined}
              style={{ marginBottom: 0 }}
            >
              <Input
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                data-testid="merge-reason-input"
              />
            </Form.Item>
          </Form>
        </>
      )}
      {error && (
        <Alert
          type="error"
          showIcon
          data-testid="merge-error"
          message={t('residents.merge.failed', { error: errorText(t, error) })}
        />
      )}
      <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
        <Button onClick={onClose}>{t('residents.merge.cancel')}</Button>
        <Button
          type="primary"
          danger
          disabled={!ready}
          loading={merge.isPending}
          onClick={onSubmit}
          data-testid="merge-submit"
        >
          {t('residents.merge.submit')}
        </Button>
      </Space>
    </Space>
  );
}

/** One of the two records, with the radio that keeps it. */
function PersonCard({
  side,
  title,
  person: p,
}: {
  side: Side;
  title: string;
  person: PersonDetail;
}) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const d = 'residents.drawer';
  return (
    <Card
      size="small"
      data-testid={`merge-${side}`}
      title={title}
      extra={
        <Radio value={side} data-testid={`merge-keep-${side}`}>
          {t('residents.merge.keep')}
        </Radio>
      }
    >
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t(`${d}.name`)}>
          <span data-testid="merge-name">{p.name}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t(`${d}.idNumber`)}>{p.idNumber}</Descriptions.Item>
        <Descriptions.Item label={t(`${d}.phone`)}>{p.phone}</Descriptions.Item>
        <Descriptions.Item label={t(`${d}.sex`)}>{sexText(t, p.sex)}</Descriptions.Item>
        <Descriptions.Item label={t(`${d}.birthDate`)}>
          {p.birthDate ? formatDate(p.birthDate) : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t(`${d}.address`)}>{p.householdAddress}</Descriptions.Item>
        <Descriptions.Item label={t(`${d}.relation`)}>{p.relation}</Descriptions.Item>
        <Descriptions.Item label={t(`${d}.residenceStatus`)}>
          <Tag color={RESIDENCE_COLORS[p.residenceStatus]}>
            {t(`residence.${p.residenceStatus}`)}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t(`${d}.notes`)}>{p.notes}</Descriptions.Item>
        <Descriptions.Item label={t(`${d}.updated`)}>
          {t(`${d}.updatedValue`, { at: p.updatedAt, by: p.updatedBy })}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
