import {
  Alert,
  App,
  Button,
  Checkbox,
  Col,
  DatePicker,
  Form,
  Input,
  Modal,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  Arrival,
  IpcError,
  NewArrival,
  PersonInput,
  Place,
  Symptom,
  Transport,
} from '../../api/bindings';
import { errorText } from '../../api/errors';
import { useFormatDate } from '../../lib/useFormatDate';
import { sexText } from '../residents/labels';
import { useInspectIdNumber } from '../residents/queries';
import { useDebounced } from '../residents/useDebounced';
import { HouseholdPicker } from './HouseholdPicker';
import { SYMPTOMS, TRANSPORTS } from './labels';
import { PlacePicker } from './PlacePicker';
import { useAddArrival, useRegisterArrival, useUpdateArrival } from './queries';

const INSPECT_DEBOUNCE_MS = 250;

type Values = {
  idNumber?: string;
  name?: string;
  phone?: string;
  householdId?: string;
  origin?: Place;
  originText?: string;
  departedOn?: Dayjs | null;
  arrivedOn?: Dayjs | null;
  transport?: Transport;
  transportNo?: string;
  purpose?: string;
  symptoms: Symptom[];
  temperature?: string;
  note?: string;
};

/** What went wrong on saving, and whether the new person was saved before it did. */
type SaveError = { err: IpcError; personSaved?: string };

/** The ID number as typed, when it is long enough to ask the backend about. */
function inspectable(idNumber: string | undefined): string | null {
  const v = (idNumber ?? '').trim();
  return v.length === 15 || v.length === 18 ? v : null;
}

const optional = (v: string | undefined | null) => {
  const s = v?.trim();
  return s ? s : undefined;
};

const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);

/** The arrival's fields as typed, without the person. */
function arrivalDraft(v: Values): Omit<NewArrival, 'personId'> {
  const draft: Omit<NewArrival, 'personId'> = {
    arrivedOn: iso(v.arrivedOn) ?? '',
    symptoms: v.symptoms ?? [],
  };
  if (v.origin) draft.origin = v.origin;
  const text = {
    originText: optional(v.originText),
    departedOn: iso(v.departedOn),
    transportNo: optional(v.transportNo),
    purpose: optional(v.purpose),
    temperature: optional(v.temperature),
    note: optional(v.note),
  };
  for (const [key, value] of Object.entries(text)) {
    if (value !== undefined) draft[key as keyof typeof text] = value;
  }
  if (v.transport) draft.transport = v.transport;
  return draft;
}

function initialValues(editing: Arrival | null): Partial<Values> {
  if (!editing) return { symptoms: [] };
  return {
    householdId: editing.householdId ?? undefined,
    origin: editing.origin ?? undefined,
    originText: editing.originText ?? undefined,
    departedOn: editing.departedOn ? dayjs(editing.departedOn) : null,
    arrivedOn: dayjs(editing.arrivedOn),
    transport: editing.transport ?? undefined,
    transportNo: editing.transportNo ?? undefined,
    purpose: editing.purpose ?? undefined,
    symptoms: editing.symptoms,
    temperature: editing.temperature ?? undefined,
    note: editing.note ?? undefined,
  };
}

/**
 * 登记返乡人员, made for a door-to-door visit: the ID number first (an existing person is
 * recognised by the backend), then where from, when, how, and how they are. A person not
 * yet in the register is added first, in the same click. With `editing`, the arrival's
 * fields are changed (update_arrival) and the person stays.
 */
export function ArrivalFormModal({
  open,
  editing,
  onClose,
}: {
  open: boolean;
  editing: Arrival | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={editing ? t('arrivals.form.editTitle') : t('arrivals.form.title')}
      footer={null}
      destroyOnHidden
      width={760}
    >
      {open && <ArrivalForm key={editing?.id ?? 'new'} editing={editing} onClose={onClose} />}
    </Modal>
  );
}

function ArrivalForm({ editing, onClose }: { editing: Arrival | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const formatDate = useFormatDate('short');
  const [form] = Form.useForm<Values>();
  const container = useRef<HTMLDivElement>(null);
  const registerArrival = useRegisterArrival();
  const addArrival = useAddArrival();
  const updateArrival = useUpdateArrival();
  const [saveError, setSaveError] = useState<SaveError | null>(null);
  const [saving, setSaving] = useState(false);

  const idNumber = Form.useWatch('idNumber', form);
  const settledId = useDebounced(inspectable(idNumber), INSPECT_DEBOUNCE_MS);
  const current =
    !editing && settledId !== null && settledId === inspectable(idNumber) ? settledId : null;
  const inspect = useInspectIdNumber(current);
  const info = current && inspect.data ? inspect.data : null;
  const existing = info?.existing ?? null;
  const idError =
    current && inspect.isError
      ? (inspect.error.detailZh ?? errorText(t, inspect.error))
      : undefined;
  const newPerson = !editing && !existing;
  const f = 'arrivals.form';

  /** Puts the cursor in a field's text input (pickers: their search input). */
  const focusField = (field: string) => {
    const wrapper = container.current?.querySelector(`[data-field="${field}"]`);
    const input = wrapper?.querySelector<HTMLElement>(
      'input:not([type="radio"]):not([type="checkbox"]):not([disabled]), textarea',
    );
    input?.focus();
  };

  // Enter moves on (selects and cascaders keep Enter for their dropdowns); Ctrl+Enter saves.
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Enter') return;
    if (e.ctrlKey || e.metaKey) {
      e.preventDefault();
      form.submit();
      return;
    }
    const target = e.target as HTMLElement;
    if (target.getAttribute('role') === 'combobox' || target.tagName === 'BUTTON') return;
    const from = target.closest<HTMLElement>('[data-next]');
    if (!from?.dataset.next) return;
    e.preventDefault();
    const next = from.dataset.next;
    if (next === 'submit') form.submit();
    // After the date picker has taken the typed date.
    else setTimeout(() => focusField(next), 0);
  };

  const done = (arrival: Arrival) => {
    void message.success(
      editing
        ? t(`${f}.updated`, { name: arrival.personName })
        : t(`${f}.success`, { name: arrival.personName }),
    );
    onClose();
  };

  const onFinish = async (v: Values) => {
    if (idError) return;
    setSaveError(null);
    const draft = arrivalDraft(v);
    setSaving(true);
    try {
      if (editing) {
        const arrival: NewArrival = { ...draft, personId: editing.personId };
        if (v.householdId) arrival.householdId = v.householdId;
        if (editing.screenedOn) arrival.screenedOn = editing.screenedOn;
        if (editing.screenedBy) arrival.screenedBy = editing.screenedBy;
        if (editing.sweepId) arrival.sweepId = editing.sweepId;
        try {
          done(await updateArrival.mutateAsync({ id: editing.id, arrival }));
        } catch (err) {
          setSaveError({ err: err as IpcError });
        }
        return;
      }
      const person = existing?.id;
      if (!person) {
        // Someone not yet in the register: the person and the arrival are written in one
        // transaction by the core (both or neither).
        const input: PersonInput = { name: (v.name ?? '').trim() };
        const id = optional(v.idNumber);
        if (id) input.idNumber = id;
        const phone = optional(v.phone);
        if (phone) input.phone = phone;
        if (v.householdId) input.householdId = v.householdId;
        try {
          done(
            await registerArrival.mutateAsync({
              person: input,
              arrival: { ...draft, personId: '' },
            }),
          );
        } catch (err) {
          setSaveError({ err: err as IpcError });
        }
        return;
      }
      const arrival: NewArrival = { ...draft, personId: person };
      // A registered person's household is the default; another one is where they stay.
      if (existing && v.householdId) arrival.householdId = v.householdId;
      try {
        done(await addArrival.mutateAsync(arrival));
      } catch (err) {
        setSaveError({ err: err as IpcError });
      }
    } finally {
      setSaving(false);
    }
  };

  const personDone = editing?.personName ?? existing?.name;
  const personAddress = editing ? editing.address : existing ? existing.address : null;
  const afterId = newPerson ? 'name' : 'origin';

  return (
    <div ref={container} onKeyDown={onKeyDown} data-testid="arrival-form">
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(v) => void onFinish(v)}
        initialValues={initialValues(editing)}
      >
        {!editing && (
          <div data-field="idNumber" data-next={afterId}>
            <Form.Item<Values>
              name="idNumber"
              label={t(`${f}.idNumber`)}
              validateStatus={idError ? 'error' : inspect.isFetching ? 'validating' : undefined}
              help={idError ?? (inspect.isFetching ? t(`${f}.inspecting`) : undefined)}
              rules={[
                {
                  validator: (_, value: string | undefined) => {
                    const s = (value ?? '').trim();
                    return s && s.length !== 15 && s.length !== 18
                      ? Promise.reject(new Error(t('residents.add.idLength')))
                      : Promise.resolve();
                  },
                  validateTrigger: 'onSubmit',
                },
              ]}
            >
              <Input
                autoFocus
                data-testid="arrival-id-input"
                placeholder={t(`${f}.idPlaceholder`)}
                maxLength={18}
              />
            </Form.Item>
          </div>
        )}
        {info && (
          <Space direction="vertical" style={{ width: '100%', marginBottom: 12 }}>
            <Typography.Text type="secondary" data-testid="arrival-id-derived">
              {t(`${f}.derived`, {
                birthDate: formatDate(info.birthDate),
                sex: sexText(t, info.sex),
                age: info.age,
              })}
            </Typography.Text>
            {info.warningsZh.map((w) => (
              <Alert key={w} type="warning" showIcon message={w} />
            ))}
          </Space>
        )}
        {personDone && (
          <Alert
            type={existing || editing ? 'info' : 'success'}
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="arrival-person"
            message={
              existing || editing
                ? t(`${f}.existing`, {
                    name: personDone,
                    address: personAddress ?? t(`${f}.noAddress`),
                  })
                : t(`${f}.created`, { name: personDone })
            }
          />
        )}
        <Row gutter={16}>
          {newPerson && (
            <>
              <Col span={8}>
                <div data-field="name" data-next="phone">
                  <Form.Item<Values>
                    name="name"
                    label={t(`${f}.name`)}
                    rules={[{ required: true, whitespace: true, message: t(`${f}.nameRequired`) }]}
                  >
                    <Input data-testid="arrival-name-input" />
                  </Form.Item>
                </div>
              </Col>
              <Col span={8}>
                <div data-field="phone" data-next="origin">
                  <Form.Item<Values> name="phone" label={t(`${f}.phone`)}>
                    <Input data-testid="arrival-phone-input" />
                  </Form.Item>
                </div>
              </Col>
            </>
          )}
          <Col span={newPerson ? 8 : 24}>
            <Form.Item<Values>
              name="householdId"
              label={newPerson ? t(`${f}.household`) : t(`${f}.stayingAt`)}
              extra={newPerson ? undefined : t(`${f}.stayingAtHint`)}
            >
              <HouseholdPicker data-testid="arrival-household" address={editing?.address ?? null} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={14}>
            <div data-field="origin">
              <Form.Item<Values> name="origin" label={t(`${f}.origin`)}>
                <PlacePicker data-testid="arrival-origin" width="fill" />
              </Form.Item>
            </div>
          </Col>
          <Col span={10}>
            <div data-field="originText" data-next="departedOn">
              <Form.Item<Values> name="originText" label={t(`${f}.originText`)}>
                <Input
                  data-testid="arrival-origin-text"
                  placeholder={t(`${f}.originTextPlaceholder`)}
                />
              </Form.Item>
            </div>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={6}>
            <div data-field="departedOn" data-next="arrivedOn">
              <Form.Item<Values> name="departedOn" label={t(`${f}.departedOn`)}>
                <DatePicker
                  data-testid="arrival-departed"
                  format="YYYY-MM-DD"
                  style={{ width: '100%' }}
                />
              </Form.Item>
            </div>
          </Col>
          <Col span={6}>
            <div data-field="arrivedOn" data-next="transportNo">
              <Form.Item<Values>
                name="arrivedOn"
                label={t(`${f}.arrivedOn`)}
                rules={[{ required: true, message: t(`${f}.arrivedOnRequired`) }]}
              >
                <DatePicker
                  data-testid="arrival-arrived"
                  format="YYYY-MM-DD"
                  style={{ width: '100%' }}
                />
              </Form.Item>
            </div>
          </Col>
          <Col span={6}>
            <Form.Item<Values> name="transport" label={t(`${f}.transport`)}>
              <Select<Transport>
                allowClear
                data-testid="arrival-transport"
                options={TRANSPORTS.map((tr) => ({
                  value: tr,
                  label: t(`arrivals.transport.${tr}`),
                }))}
              />
            </Form.Item>
          </Col>
          <Col span={6}>
            <div data-field="transportNo" data-next="purpose">
              <Form.Item<Values> name="transportNo" label={t(`${f}.transportNo`)}>
                <Input
                  data-testid="arrival-transport-no"
                  placeholder={t(`${f}.transportNoPlaceholder`)}
                />
              </Form.Item>
            </div>
          </Col>
        </Row>
        <div data-field="purpose" data-next="temperature">
          <Form.Item<Values> name="purpose" label={t(`${f}.purpose`)}>
            <Input data-testid="arrival-purpose" placeholder={t(`${f}.purposePlaceholder`)} />
          </Form.Item>
        </div>
        <Form.Item<Values> name="symptoms" label={t(`${f}.symptoms`)}>
          <Checkbox.Group
            data-testid="arrival-symptoms"
            options={SYMPTOMS.map((s) => ({ value: s, label: t(`arrivals.symptom.${s}`) }))}
          />
        </Form.Item>
        <Row gutter={16}>
          <Col span={8}>
            <div data-field="temperature" data-next="note">
              <Form.Item<Values> name="temperature" label={t(`${f}.temperature`)}>
                <Input
                  data-testid="arrival-temperature"
                  suffix={t(`${f}.celsius`)}
                  placeholder={t(`${f}.temperaturePlaceholder`)}
                />
              </Form.Item>
            </div>
          </Col>
          <Col span={16}>
            <div data-field="note" data-next="submit">
              <Form.Item<Values> name="note" label={t(`${f}.note`)}>
                <Input data-testid="arrival-note" />
              </Form.Item>
            </div>
          </Col>
        </Row>
        {saveError && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="arrival-form-error"
            message={
              saveError.personSaved
                ? t(`${f}.failedAfterPerson`, {
                    name: saveError.personSaved,
                    error: errorText(t, saveError.err),
                  })
                : t(`${f}.failed`, { error: errorText(t, saveError.err) })
            }
          />
        )}
        <Space style={{ width: '100%', justifyContent: 'space-between' }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`${f}.keyboardHint`)}
          </Typography.Text>
          <Space>
            <Button onClick={onClose}>{t(`${f}.cancel`)}</Button>
            <Button
              type="primary"
              htmlType="submit"
              loading={saving}
              disabled={idError !== undefined}
              data-testid="arrival-submit"
            >
              {t(`${f}.submit`)}
            </Button>
          </Space>
        </Space>
      </Form>
    </div>
  );
}
