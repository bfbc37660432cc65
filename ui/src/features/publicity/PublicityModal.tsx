import { type ButtonProps, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicityKind } from '../../api/bindings';
import { errorText } from '../../api/errors';
import { fromPicker } from '../isolation/dates';
import { PUBLICITY_KINDS, useAddPublicity } from './queries';
import { UnitsPicker, unitIdsOf, type ChosenUnits } from './UnitsPicker';

type Values = {
  kind: PublicityKind;
  count?: number | null;
  reach?: number | null;
  place?: string;
  date: Dayjs;
  note?: string;
};

/** 登记宣传: kind, count, reach per item, place, date, note; for 入户张贴 the units posted. */
export function PublicityModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const p = 'publicity.form';
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const [units, setUnits] = useState<ChosenUnits>({});
  const add = useAddPublicity();
  const posting = kind === 'posting';

  const submit = (v: Values) =>
    add.mutate(
      {
        kind: v.kind,
        count: v.count ?? undefined,
        reach: v.reach ?? undefined,
        place: v.place,
        date: fromPicker(v.date),
        note: v.note,
        unitIds: posting ? unitIdsOf(units) : [],
      },
      {
        onSuccess: () => {
          form.resetFields();
          setUnits({});
          onClose();
        },
      },
    );

  return (
    <Modal
      open={open}
      title={t(`${p}.title`)}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t(`${p}.save`)}
      confirmLoading={add.isPending}
      width={640}
      okButtonProps={{ 'data-testid': 'publicity-save' } as ButtonProps}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ kind: 'banner', date: dayjs() }}
      >
        <Form.Item name="kind" label={t(`${p}.kind`)} rules={[{ required: true }]}>
          <Select
            options={PUBLICITY_KINDS.map((k) => ({ value: k, label: t(`publicity.kinds.${k}`) }))}
            data-testid="publicity-kind"
          />
        </Form.Item>
        <Form.Item
          name="count"
          label={t(`${p}.count`)}
          extra={posting ? t(`${p}.countPosting`) : undefined}
          rules={posting ? [] : [{ required: true, message: t(`${p}.countRequired`) }]}
        >
          <InputNumber min={1} precision={0} data-testid="publicity-count" />
        </Form.Item>
        <Form.Item name="reach" label={t(`${p}.reach`)} extra={t(`${p}.reachHint`)}>
          <InputNumber min={1} precision={0} data-testid="publicity-reach" />
        </Form.Item>
        {posting && (
          <Form.Item label={t(`${p}.units`)}>
            <UnitsPicker value={units} onChange={setUnits} />
          </Form.Item>
        )}
        <Form.Item name="place" label={t(`${p}.place`)}>
          <Input data-testid="publicity-place" />
        </Form.Item>
        <Form.Item name="date" label={t(`${p}.date`)} rules={[{ required: true }]}>
          <DatePicker data-testid="publicity-date" />
        </Form.Item>
        <Form.Item name="note" label={t(`${p}.note`)}>
          <Input data-testid="publicity-note" />
        </Form.Item>
        {add.isError && (
          <Form.Item
            validateStatus="error"
            help={errorText(t, add.error)}
            data-testid="publicity-error"
          />
        )}
      </Form>
    </Modal>
  );
}
