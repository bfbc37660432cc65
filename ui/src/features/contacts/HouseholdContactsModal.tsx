import { Alert, Button, DatePicker, Form, Input, Modal, Radio, Result, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  Exposure,
  HouseholdContacts,
  HouseholdContactsSummary,
  IpcError,
} from '../../api/bindings';
import { errorText } from '../../api/errors';
import { HouseholdPicker } from '../arrivals/HouseholdPicker';
import { EXPOSURES } from './labels';
import { PersonPicker } from './PersonPicker';
import { useAddHouseholdContacts } from './queries';

type Values = {
  indexPersonId?: string;
  which: 'own' | 'other';
  householdId?: string;
  exposure: Exposure;
  lastContactOn?: Dayjs | null;
  note?: string;
};

/**
 * 添加同户人员为密接: every other member of the index person's household (or of a chosen
 * household) becomes their contact, 同住 unless changed, in one write; then how many were
 * added and how many were already recorded.
 */
export function HouseholdContactsModal({
  open,
  onClose,
  onShowChain,
}: {
  open: boolean;
  onClose: () => void;
  onShowChain: (personId: string, name: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={t('contacts.household.title')}
      footer={null}
      destroyOnHidden
      width={600}
    >
      {open && <HouseholdContactsForm onClose={onClose} onShowChain={onShowChain} />}
    </Modal>
  );
}

function HouseholdContactsForm({
  onClose,
  onShowChain,
}: {
  onClose: () => void;
  onShowChain: (personId: string, name: string) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const add = useAddHouseholdContacts();
  const [error, setError] = useState<IpcError | null>(null);
  const [summary, setSummary] = useState<HouseholdContactsSummary | null>(null);
  const [index, setIndex] = useState<{ id: string; name: string } | null>(null);
  const which = Form.useWatch('which', form);
  const h = 'contacts.household';

  const onFinish = (v: Values) => {
    setError(null);
    const input: HouseholdContacts = {
      indexPersonId: v.indexPersonId!,
      exposure: v.exposure,
      lastContactOn: v.lastContactOn!.format('YYYY-MM-DD'),
    };
    if (v.which === 'other' && v.householdId) input.householdId = v.householdId;
    const note = v.note?.trim();
    if (note) input.note = note;
    add.mutate(input, { onSuccess: setSummary, onError: setError });
  };

  if (summary) {
    return (
      <div data-testid="household-contacts-result">
        <Result
          status="success"
          title={t(`${h}.done`, { added: summary.added.length, already: summary.already })}
          subTitle={index ? t(`${h}.doneOf`, { name: index.name }) : undefined}
          extra={[
            index && (
              <Button
                key="chain"
                onClick={() => {
                  onShowChain(index.id, index.name);
                  onClose();
                }}
                data-testid="household-contacts-chain"
              >
                {t(`${h}.showChain`)}
              </Button>
            ),
            <Button
              key="close"
              type="primary"
              onClick={onClose}
              data-testid="household-contacts-close"
            >
              {t(`${h}.close`)}
            </Button>,
          ]}
        />
      </div>
    );
  }

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={onFinish}
      initialValues={{ which: 'own', exposure: 'household' }}
    >
      <Form.Item<Values>
        name="indexPersonId"
        label={t(`${h}.index`)}
        extra={t(`${h}.indexHint`)}
        rules={[{ required: true, message: t(`${h}.indexRequired`) }]}
      >
        <PersonPicker
          data-testid="household-contacts-index"
          onChange={(id, hit) => setIndex(id && hit ? { id, name: hit.name } : null)}
        />
      </Form.Item>
      <Form.Item<Values> name="which" label={t(`${h}.which`)}>
        <Radio.Group
          data-testid="household-contacts-which"
          options={[
            { value: 'own', label: t(`${h}.own`) },
            { value: 'other', label: t(`${h}.other`) },
          ]}
        />
      </Form.Item>
      {which === 'other' && (
        <Form.Item<Values>
          name="householdId"
          label={t(`${h}.household`)}
          rules={[{ required: true, message: t(`${h}.householdRequired`) }]}
        >
          <HouseholdPicker data-testid="household-contacts-household" />
        </Form.Item>
      )}
      <Space size={16} wrap>
        <Form.Item<Values> name="exposure" label={t(`${h}.exposure`)}>
          <Select<Exposure>
            data-testid="household-contacts-exposure"
            options={EXPOSURES.map((e) => ({ value: e, label: t(`contacts.exposure.${e}`) }))}
            style={{ width: 200 }}
          />
        </Form.Item>
        <Form.Item<Values>
          name="lastContactOn"
          label={t(`${h}.lastContactOn`)}
          rules={[{ required: true, message: t(`${h}.lastContactOnRequired`) }]}
        >
          <DatePicker data-testid="household-contacts-date" format="YYYY-MM-DD" />
        </Form.Item>
      </Space>
      <Form.Item<Values> name="note" label={t(`${h}.note`)}>
        <Input data-testid="household-contacts-note" />
      </Form.Item>
      {error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="household-contacts-error"
          message={t(`${h}.failed`, { error: errorText(t, error) })}
        />
      )}
      <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
        <Button onClick={onClose}>{t(`${h}.cancel`)}</Button>
        <Button
          type="primary"
          htmlType="submit"
          loading={add.isPending}
          data-testid="household-contacts-submit"
        >
          {t(`${h}.submit`)}
        </Button>
      </Space>
    </Form>
  );
}
