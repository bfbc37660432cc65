import {
  Alert,
  App,
  Button,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Space,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CheckAnswer,
  CheckItem,
  EnterpriseVisit,
  IpcError,
  NewVisit,
} from '../../api/bindings';
import { errorText } from '../../api/errors';
import { useAppInfo } from '../../shell/queries';
import { defaultCheckDate, fromPicker, toPicker } from '../isolation/dates';
import { WorkerSelect } from '../workers/WorkerSelect';
import { ANSWERS, CHECK_ITEMS } from './labels';
import { useAddVisit, useEnterprises, useUpdateVisit } from './queries';

type Values = {
  enterpriseId: string;
  visitedOn: Dayjs;
  workerId?: string | null;
  staffReturned?: number | null;
  staffOnSite?: number | null;
  staffFromRiskAreas?: number | null;
  note?: string;
} & Partial<Record<`answer_${CheckItem}`, CheckAnswer>> &
  Partial<Record<`note_${CheckItem}`, string>>;

/**
 * 走访: the 五到位 checklist (是 / 否 / 不适用 with a note; a 否 needs one), staff returned /
 * on site / from risk areas. 保存 needs the checklist complete (the core says what is
 * missing); 存为草稿 keeps it as it is, counted as incomplete. Also completes a draft.
 */
export function VisitModal({
  open,
  enterpriseId,
  visit,
  onClose,
}: {
  open: boolean;
  enterpriseId?: string;
  visit?: EnterpriseVisit;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={t(visit ? 'work.visit.editTitle' : 'work.visit.title')}
      footer={null}
      width={680}
      destroyOnHidden
    >
      {open && <VisitForm enterpriseId={enterpriseId} visit={visit} onClose={onClose} />}
    </Modal>
  );
}

function VisitForm({
  enterpriseId,
  visit,
  onClose,
}: {
  enterpriseId?: string;
  visit?: EnterpriseVisit;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const info = useAppInfo();
  const enterprises = useEnterprises();
  const add = useAddVisit();
  const update = useUpdateVisit();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<IpcError | null>(null);
  const p = 'work.visit';

  const initial: Partial<Values> = visit
    ? {
        enterpriseId: visit.enterpriseId,
        visitedOn: toPicker(visit.visitedOn),
        workerId: visit.workerId,
        staffReturned: visit.staffReturned,
        staffOnSite: visit.staffOnSite,
        staffFromRiskAreas: visit.staffFromRiskAreas,
        note: visit.note ?? undefined,
        ...Object.fromEntries(
          visit.checklist.flatMap((a) => [
            [`answer_${a.item}`, a.answer ?? undefined],
            [`note_${a.item}`, a.note ?? undefined],
          ]),
        ),
      }
    : {
        enterpriseId,
        visitedOn: toPicker(defaultCheckDate(info.data?.statisticalDate)),
      };

  const submit = async (draft: boolean) => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setError(null);
    const input: NewVisit = {
      enterpriseId: v.enterpriseId,
      visitedOn: fromPicker(v.visitedOn),
      ...(v.workerId ? { workerId: v.workerId } : {}),
      checklist: CHECK_ITEMS.map((item) => {
        const answer = v[`answer_${item}`];
        const note = v[`note_${item}`]?.trim();
        return { item, ...(answer ? { answer } : {}), ...(note ? { note } : {}) };
      }),
      ...(v.staffReturned != null ? { staffReturned: v.staffReturned } : {}),
      ...(v.staffOnSite != null ? { staffOnSite: v.staffOnSite } : {}),
      ...(v.staffFromRiskAreas != null ? { staffFromRiskAreas: v.staffFromRiskAreas } : {}),
      ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      draft,
    };
    const done = {
      onSuccess: (saved: EnterpriseVisit) => {
        void message.success(
          t(saved.complete ? `${p}.saved` : `${p}.savedDraft`, { name: saved.enterpriseName }),
        );
        onClose();
      },
      onError: setError,
    };
    if (visit) update.mutate({ id: visit.id, visit: input }, done);
    else add.mutate(input, done);
  };

  const pending = add.isPending || update.isPending;
  return (
    <Form<Values> form={form} layout="vertical" initialValues={initial} data-testid="visit-form">
      <Space wrap>
        <Form.Item
          name="enterpriseId"
          label={t(`${p}.enterprise`)}
          rules={[{ required: true, message: t(`${p}.enterpriseRequired`) }]}
        >
          <Select
            style={{ width: 240 }}
            loading={enterprises.isPending}
            options={(enterprises.data ?? []).map((e) => ({ value: e.id, label: e.name }))}
            data-testid="visit-enterprise"
          />
        </Form.Item>
        <Form.Item name="visitedOn" label={t(`${p}.date`)} rules={[{ required: true }]}>
          <DatePicker data-testid="visit-date" />
        </Form.Item>
        <Form.Item name="workerId" label={t(`${p}.worker`)}>
          <WorkerSelect />
        </Form.Item>
      </Space>
      <Typography.Text strong>{t(`${p}.checklist`)}</Typography.Text>
      <div data-testid="visit-checklist" style={{ marginTop: 8 }}>
        {CHECK_ITEMS.map((item) => (
          <Space key={item} align="baseline" wrap data-testid={`check-${item}`}>
            <Typography.Text style={{ display: 'inline-block', width: 110 }}>
              {t(`work.check.${item}`)}
            </Typography.Text>
            <Form.Item name={`answer_${item}`} style={{ marginBottom: 8 }}>
              <Radio.Group
                optionType="button"
                size="small"
                options={ANSWERS.map((a) => ({ value: a, label: t(`work.answer.${a}`) }))}
              />
            </Form.Item>
            <Form.Item name={`note_${item}`} style={{ marginBottom: 8 }}>
              <Input
                size="small"
                style={{ width: 260 }}
                maxLength={200}
                placeholder={t(`${p}.notePlaceholder`)}
                data-testid={`check-note-${item}`}
              />
            </Form.Item>
          </Space>
        ))}
      </div>
      <Space wrap>
        <Form.Item name="staffReturned" label={t(`${p}.staffReturned`)}>
          <InputNumber min={0} precision={0} data-testid="visit-returned" />
        </Form.Item>
        <Form.Item name="staffOnSite" label={t(`${p}.staffOnSite`)}>
          <InputNumber min={0} precision={0} />
        </Form.Item>
        <Form.Item name="staffFromRiskAreas" label={t(`${p}.staffFromRiskAreas`)}>
          <InputNumber min={0} precision={0} />
        </Form.Item>
      </Space>
      <Form.Item name="note" label={t('work.note')}>
        <Input maxLength={200} />
      </Form.Item>
      {error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('work.saveFailed', { error: errorText(t, error) })}
          data-testid="visit-error"
        />
      )}
      <Space>
        <Button onClick={onClose}>{t('work.cancel')}</Button>
        <Button loading={pending} onClick={() => void submit(true)} data-testid="visit-draft">
          {t(`${p}.draft`)}
        </Button>
        <Button
          type="primary"
          loading={pending}
          onClick={() => void submit(false)}
          data-testid="visit-submit"
        >
          {t('work.save')}
        </Button>
      </Space>
    </Form>
  );
}
