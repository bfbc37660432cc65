import {
  Alert,
  App,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DaysInput } from './DaysInput';
import type { Isolation, IsolationKind, IpcError } from '../../api/bindings';
import { errorText } from '../../api/errors';
import { useFormatDate } from '../../lib/useFormatDate';
import { PersonSearch } from '../residents/PersonSearch';
import { usePerson } from '../residents/queries';
import { WorkerSelect } from '../workers/WorkerSelect';
import { fromPicker, toPicker } from './dates';
import { KINDS } from './labels';
import { SubmitRow } from '../../components/SubjectModal';
import { useProposal, useStartIsolation } from './queries';

type Values = {
  kind: IsolationKind;
  startDate?: Dayjs;
  days?: number;
  place?: string;
  responsibleWorkerId?: string | null;
  note?: string;
};

/** 开始隔离: a person, a kind, the policy's dates (editable), start_isolation. */
export function StartModal({
  open,
  onClose,
  onStarted,
}: {
  open: boolean;
  onClose: () => void;
  onStarted?: (isolation: Isolation) => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={t('isolation.start.title')}
      footer={null}
      width={600}
      destroyOnHidden
    >
      {open && <StartForm onClose={onClose} onStarted={onStarted} />}
    </Modal>
  );
}

function StartForm({
  onClose,
  onStarted,
}: {
  onClose: () => void;
  onStarted?: (isolation: Isolation) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const formatDate = useFormatDate('short');
  const [form] = Form.useForm<Values>();
  const [personId, setPersonId] = useState<string | null>(null);
  const [personMissing, setPersonMissing] = useState(false);
  const kind = Form.useWatch('kind', form) ?? 'home';
  const startDate = Form.useWatch('startDate', form);
  const days = Form.useWatch('days', form);
  const person = usePerson(personId);
  const proposal = useProposal(personId ? { personId, kind } : null);
  const start = useStartIsolation();
  const [error, setError] = useState<IpcError | null>(null);
  const s = 'isolation.start';

  // The policy's dates fill the form each time a person or kind is chosen.
  const proposed = proposal.data;
  useEffect(() => {
    if (proposed) {
      form.setFieldsValue({ startDate: toPicker(proposed.startDate), days: proposed.days });
    }
  }, [proposed, form]);

  const asProposed =
    proposed !== undefined &&
    startDate !== undefined &&
    fromPicker(startDate) === proposed.startDate &&
    days === proposed.days;

  const onFinish = (v: Values) => {
    if (!personId) {
      setPersonMissing(true);
      return;
    }
    setError(null);
    start.mutate(
      {
        personId,
        kind: v.kind,
        ...(v.startDate ? { startDate: fromPicker(v.startDate) } : {}),
        ...(v.days ? { days: v.days } : {}),
        ...(v.place?.trim() ? { place: v.place.trim() } : {}),
        ...(v.responsibleWorkerId ? { responsibleWorkerId: v.responsibleWorkerId } : {}),
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      },
      {
        onSuccess: (isolation) => {
          void message.success(
            t(`${s}.saved`, {
              name: isolation.personName,
              end: formatDate(isolation.plannedEnd),
            }),
          );
          onStarted?.(isolation);
          onClose();
        },
        onError: setError,
      },
    );
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      requiredMark={false}
      initialValues={{ kind: 'home' }}
      onFinish={onFinish}
      data-testid="start-form"
    >
      <Form.Item
        label={t(`${s}.person`)}
        validateStatus={personMissing ? 'error' : undefined}
        help={personMissing ? t(`${s}.personRequired`) : undefined}
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <div data-testid="start-person">
            <PersonSearch
              onOpen={(id) => {
                setPersonId(id);
                setPersonMissing(false);
              }}
            />
          </div>
          {personId && (
            <Typography.Text data-testid="start-person-chosen">
              {person.data
                ? t(`${s}.chosen`, {
                    name: person.data.name,
                    address: person.data.householdAddress ?? t(`${s}.noAddress`),
                  })
                : t('common.loading')}
            </Typography.Text>
          )}
        </Space>
      </Form.Item>
      <Form.Item<Values> name="kind" label={t(`${s}.kind`)}>
        <Select
          data-testid="start-kind"
          options={KINDS.map((k) => ({ value: k, label: t(`isolation.kind.${k}`) }))}
        />
      </Form.Item>
      {proposal.isError && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={t(`${s}.proposalFailed`, { error: errorText(t, proposal.error) })}
        />
      )}
      <Space size={16} wrap align="start">
        <Form.Item<Values>
          name="startDate"
          label={t(`${s}.startDate`)}
          rules={[{ required: true, message: t(`${s}.startDateRequired`) }]}
        >
          <DatePicker allowClear={false} data-testid="start-date" />
        </Form.Item>
        <Form.Item<Values>
          name="days"
          label={t(`${s}.days`)}
          rules={[{ required: true, message: t(`${s}.daysRequired`) }]}
        >
          <DaysInput data-testid="start-days" />
        </Form.Item>
      </Space>
      {proposed && (
        <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
          <Descriptions.Item label={t(`${s}.rule`)}>
            {t(`isolation.startRule.${proposed.startRule}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t(`${s}.plannedEnd`)}>
            <span data-testid="start-planned-end">
              {asProposed ? formatDate(proposed.plannedEnd) : t(`${s}.plannedEndChanged`)}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t(`${s}.checks`)}>
            {t(`${s}.checksValue`, { n: proposed.checksPerDay })}
          </Descriptions.Item>
        </Descriptions>
      )}
      <Form.Item<Values> name="place" label={t(`${s}.place`)}>
        <Input placeholder={t(`${s}.placePlaceholder`)} data-testid="start-place" />
      </Form.Item>
      <Form.Item<Values> name="responsibleWorkerId" label={t(`${s}.worker`)}>
        <WorkerSelect testId="start-worker" />
      </Form.Item>
      <Form.Item<Values> name="note" label={t(`${s}.note`)}>
        <Input.TextArea rows={2} />
      </Form.Item>
      {error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={t(`${s}.failed`, { error: errorText(t, error) })}
        />
      )}
      <Form.Item style={{ marginBottom: 0, textAlign: 'right' }}>
        <SubmitRow
          pending={start.isPending}
          onCancel={onClose}
          okText={t(`${s}.submit`)}
          testId="start-submit"
        />
      </Form.Item>
    </Form>
  );
}
