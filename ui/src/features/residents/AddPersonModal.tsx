import {
  Alert,
  App,
  Button,
  Descriptions,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Typography,
} from 'antd';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  HouseholdRow,
  IpcError,
  PersonDetail,
  PersonInput,
  ResidenceStatus,
} from '../../api/bindings';
import { errorText } from '../../api/errors';
import { useFormatDate } from '../../lib/useFormatDate';
import { RESIDENCE_STATUSES, sexText } from './labels';
import { useAddPerson, useInspectIdNumber } from './queries';
import { useDebounced } from './useDebounced';

const INSPECT_DEBOUNCE_MS = 250;

type Values = {
  idNumber?: string;
  name?: string;
  phone?: string;
  householdId?: string;
  relation?: string;
  residenceStatus: ResidenceStatus;
  notes?: string;
};

const RELATIONS = ['head', 'spouse', 'child', 'parent', 'other'] as const;

/** The ID number as typed, when it is long enough to ask the backend about. */
function inspectable(idNumber: string | undefined): string | null {
  const v = (idNumber ?? '').trim();
  return v.length === 15 || v.length === 18 ? v : null;
}

const optional = (v: string | undefined) => {
  const s = v?.trim();
  return s ? s : undefined;
};

/** 新增人员: ID number first; what it says comes from the backend, never computed here. */
export function AddPersonModal({
  open,
  onClose,
  households,
  defaultHouseholdId,
  onOpenPerson,
}: {
  open: boolean;
  onClose: () => void;
  households: HouseholdRow[];
  defaultHouseholdId: string | null;
  onOpenPerson: (personId: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={t('residents.add.title')}
      footer={null}
      destroyOnHidden
      width={560}
    >
      {open && (
        <AddPersonForm
          onClose={onClose}
          households={households}
          defaultHouseholdId={defaultHouseholdId}
          onOpenPerson={onOpenPerson}
        />
      )}
    </Modal>
  );
}

function AddPersonForm({
  onClose,
  households,
  defaultHouseholdId,
  onOpenPerson,
}: {
  onClose: () => void;
  households: HouseholdRow[];
  defaultHouseholdId: string | null;
  onOpenPerson: (personId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const formatDate = useFormatDate();
  const [form] = Form.useForm<Values>();
  const add = useAddPerson();
  const [saveError, setSaveError] = useState<IpcError | null>(null);
  const idNumber = Form.useWatch('idNumber', form);
  // A 15-character prefix of an 18-character number is not worth asking about mid-typing.
  const settledId = useDebounced(inspectable(idNumber), INSPECT_DEBOUNCE_MS);
  const current = settledId !== null && settledId === inspectable(idNumber) ? settledId : null;
  const inspect = useInspectIdNumber(current);
  const info = current && inspect.data ? inspect.data : null;
  const existing = info?.existing ?? null;

  // Enter moves on through the text fields (the selects keep Enter for their dropdowns).
  const next = (field: keyof Values) => (e: KeyboardEvent) => {
    e.preventDefault();
    form.focusField(field);
  };

  // The stored relation is the Chinese word, whatever the UI language.
  const zh = i18n.getFixedT('zh-CN');
  const relationOptions = RELATIONS.map((r) => ({
    value: zh(`residents.relation.${r}`),
    label: t(`residents.relation.${r}`),
  }));

  const onFinish = (v: Values) => {
    if (existing) return;
    const input: PersonInput = { name: (v.name ?? '').trim() };
    const id = optional(v.idNumber);
    if (id) input.idNumber = id;
    const phone = optional(v.phone);
    if (phone) input.phone = phone;
    if (v.householdId) input.householdId = v.householdId;
    if (v.relation) input.relation = v.relation;
    input.residenceStatus = v.residenceStatus;
    const notes = optional(v.notes);
    if (notes) input.notes = notes;
    setSaveError(null);
    add.mutate(input, {
      onSuccess: (person: PersonDetail) => {
        void message.success(t('residents.add.success', { name: person.name }));
        onClose();
        onOpenPerson(person.id);
      },
      onError: setSaveError,
    });
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      form.submit();
    }
  };

  const idError =
    current && inspect.isError
      ? (inspect.error.detailZh ?? errorText(t, inspect.error))
      : undefined;

  return (
    <div onKeyDown={onKeyDown}>
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={onFinish}
        initialValues={{
          residenceStatus: 'resident',
          householdId: defaultHouseholdId ?? undefined,
        }}
      >
        <Form.Item<Values>
          name="idNumber"
          label={t('residents.add.idNumber')}
          validateStatus={idError ? 'error' : inspect.isFetching ? 'validating' : undefined}
          help={idError ?? (inspect.isFetching ? t('residents.add.inspecting') : undefined)}
          rules={[
            {
              validator: (_, value: string | undefined) => {
                const v = (value ?? '').trim();
                return v && v.length !== 15 && v.length !== 18
                  ? Promise.reject(new Error(t('residents.add.idLength')))
                  : Promise.resolve();
              },
              validateTrigger: 'onSubmit',
            },
          ]}
        >
          <Input
            autoFocus
            data-testid="person-id-input"
            placeholder={t('residents.add.idPlaceholder')}
            maxLength={18}
            onPressEnter={next('name')}
          />
        </Form.Item>
        {info && (
          <Space direction="vertical" style={{ width: '100%', marginBottom: 16 }}>
            <Descriptions size="small" column={4} data-testid="derived-fields">
              <Descriptions.Item label={t('residents.add.birthDate')}>
                <span data-testid="derived-birth-date">{formatDate(info.birthDate)}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('residents.add.sex')}>
                <span data-testid="derived-sex">{sexText(t, info.sex)}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('residents.add.age')}>
                <span data-testid="derived-age">{info.age}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('residents.add.nativeRegion')}>
                <span data-testid="derived-native-region">{info.nativeRegion}</span>
              </Descriptions.Item>
            </Descriptions>
            {info.warningsZh.map((w) => (
              <Alert key={w} type="warning" showIcon message={w} />
            ))}
            {existing && (
              <Alert
                type="error"
                showIcon
                data-testid="existing-person"
                message={t('residents.add.existing', {
                  name: existing.name,
                  address: existing.address ?? t('residents.add.noAddress'),
                })}
                action={
                  <Button
                    size="small"
                    data-testid="open-existing"
                    onClick={() => {
                      onClose();
                      onOpenPerson(existing.id);
                    }}
                  >
                    {t('residents.add.openExisting')}
                  </Button>
                }
              />
            )}
          </Space>
        )}
        <Form.Item<Values>
          name="name"
          label={t('residents.add.name')}
          rules={[{ required: true, whitespace: true, message: t('residents.add.nameRequired') }]}
        >
          <Input data-testid="person-name-input" onPressEnter={next('phone')} />
        </Form.Item>
        <Form.Item<Values> name="phone" label={t('residents.add.phone')}>
          <Input data-testid="person-phone-input" onPressEnter={next('notes')} />
        </Form.Item>
        <Form.Item<Values> name="householdId" label={t('residents.add.household')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('residents.add.householdPlaceholder')}
            options={households.map((h) => ({ value: h.id, label: h.address }))}
            data-testid="person-household-select"
          />
        </Form.Item>
        <Space style={{ width: '100%' }} size={16}>
          <Form.Item<Values> name="relation" label={t('residents.add.relation')}>
            <Select
              allowClear
              options={relationOptions}
              style={{ width: 160 }}
              data-testid="person-relation-select"
            />
          </Form.Item>
          <Form.Item<Values> name="residenceStatus" label={t('residents.add.residenceStatus')}>
            <Select
              options={RESIDENCE_STATUSES.map((s) => ({ value: s, label: t(`residence.${s}`) }))}
              style={{ width: 160 }}
              data-testid="person-status-select"
            />
          </Form.Item>
        </Space>
        <Form.Item<Values> name="notes" label={t('residents.add.notes')}>
          <Input
            data-testid="person-notes-input"
            onPressEnter={(e) => {
              e.preventDefault();
              form.submit();
            }}
          />
        </Form.Item>
        {saveError && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="add-person-error"
            message={t('residents.add.failed', { error: errorText(t, saveError) })}
          />
        )}
        <Space style={{ width: '100%', justifyContent: 'space-between' }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('residents.add.keyboardHint')}
          </Typography.Text>
          <Space>
            <Button onClick={onClose}>{t('residents.add.cancel')}</Button>
            <Button
              type="primary"
              htmlType="submit"
              loading={add.isPending}
              disabled={existing !== null}
              data-testid="person-submit"
            >
              {t('residents.add.submit')}
            </Button>
          </Space>
        </Space>
      </Form>
    </div>
  );
}
