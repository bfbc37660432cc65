import { Alert, Button, DatePicker, Form, Input, Modal, Radio, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcError, NewRiskArea, Place, RiskArea, RiskLevel } from '../../api/bindings';
import { errorText } from '../../api/errors';
import { RISK_LEVELS } from './labels';
import { PlacePicker } from './PlacePicker';
import { useAddRiskArea, useUpdateRiskArea } from './queries';

type Values = {
  place?: Place;
  level: RiskLevel;
  fromDate?: Dayjs | null;
  untilDate?: Dayjs | null;
  notice?: string;
  note?: string;
};

const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);

/** A risk area read back, as the record `update_risk_area` takes. */
export function riskAreaInput(area: RiskArea): NewRiskArea {
  const input: NewRiskArea = { place: area.place, level: area.level, fromDate: area.fromDate };
  if (area.untilDate) input.untilDate = area.untilDate;
  if (area.notice) input.notice = area.notice;
  if (area.note) input.note = area.note;
  return input;
}

/**
 * 新增 / 修改风险地区: the place (境内 省/市/县 or 境外), the level, from (and until) which
 * dates, and the notice that declared it. `lifting` asks only for the date it was lifted.
 */
export function RiskAreaModal({
  open,
  editing,
  lifting = false,
  onClose,
  onSaved,
}: {
  open: boolean;
  editing: RiskArea | null;
  lifting?: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const title = lifting
    ? t('arrivals.risk.liftTitle', { name: editing?.name ?? '' })
    : editing
      ? t('arrivals.risk.editTitle', { name: editing.name })
      : t('arrivals.risk.addTitle');
  return (
    <Modal open={open} onCancel={onClose} title={title} footer={null} destroyOnHidden>
      {open && (
        <RiskAreaForm editing={editing} lifting={lifting} onClose={onClose} onSaved={onSaved} />
      )}
    </Modal>
  );
}

function RiskAreaForm({
  editing,
  lifting,
  onClose,
  onSaved,
}: {
  editing: RiskArea | null;
  lifting: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const add = useAddRiskArea();
  const update = useUpdateRiskArea();
  const [error, setError] = useState<IpcError | null>(null);
  const r = 'arrivals.risk';

  const onFinish = (v: Values) => {
    setError(null);
    const area: NewRiskArea = {
      place: v.place!,
      level: v.level,
      fromDate: iso(v.fromDate) ?? '',
    };
    const untilDate = iso(v.untilDate);
    if (untilDate) area.untilDate = untilDate;
    const notice = v.notice?.trim();
    if (notice) area.notice = notice;
    const note = v.note?.trim();
    if (note) area.note = note;
    const saved = () => {
      onSaved();
      onClose();
    };
    if (editing) update.mutate({ id: editing.id, area }, { onSuccess: saved, onError: setError });
    else add.mutate(area, { onSuccess: saved, onError: setError });
  };

  const initial: Partial<Values> = editing
    ? {
        place: editing.place,
        level: editing.level,
        fromDate: dayjs(editing.fromDate),
        untilDate: editing.untilDate ? dayjs(editing.untilDate) : lifting ? dayjs() : null,
        notice: editing.notice ?? undefined,
        note: editing.note ?? undefined,
      }
    : { level: 'high' };

  return (
    <Form<Values>
      layout="vertical"
      requiredMark={false}
      initialValues={initial}
      onFinish={onFinish}
      data-testid="risk-area-form"
    >
      <div style={{ display: lifting ? 'none' : undefined }}>
        <Form.Item<Values>
          name="place"
          label={t(`${r}.place`)}
          rules={[{ required: true, message: t(`${r}.placeRequired`) }]}
        >
          <PlacePicker data-testid="risk-area-place" width={280} />
        </Form.Item>
        <Form.Item<Values> name="level" label={t(`${r}.level`)}>
          <Radio.Group
            data-testid="risk-area-level"
            optionType="button"
            options={RISK_LEVELS.map((l) => ({ value: l, label: t(`arrivals.riskLevel.${l}`) }))}
          />
        </Form.Item>
      </div>
      <Space size={16} wrap>
        <Form.Item<Values>
          name="fromDate"
          label={t(`${r}.fromDate`)}
          hidden={lifting}
          rules={[{ required: true, message: t(`${r}.fromDateRequired`) }]}
        >
          <DatePicker data-testid="risk-area-from" format="YYYY-MM-DD" />
        </Form.Item>
        <Form.Item<Values>
          name="untilDate"
          label={lifting ? t(`${r}.liftedOn`) : t(`${r}.untilDate`)}
          extra={lifting ? t(`${r}.liftHint`) : undefined}
          rules={lifting ? [{ required: true, message: t(`${r}.liftedOnRequired`) }] : []}
        >
          <DatePicker
            data-testid="risk-area-until"
            format="YYYY-MM-DD"
            placeholder={lifting ? undefined : t(`${r}.untilPlaceholder`)}
          />
        </Form.Item>
      </Space>
      <div style={{ display: lifting ? 'none' : undefined }}>
        <Form.Item<Values> name="notice" label={t(`${r}.notice`)}>
          <Input data-testid="risk-area-notice" placeholder={t(`${r}.noticePlaceholder`)} />
        </Form.Item>
        <Form.Item<Values> name="note" label={t(`${r}.note`)}>
          <Input data-testid="risk-area-note" />
        </Form.Item>
      </div>
      {error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="risk-area-error"
          message={t(`${r}.failed`, { error: errorText(t, error) })}
        />
      )}
      <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
        <Button onClick={onClose}>{t(`${r}.cancel`)}</Button>
        <Button
          type="primary"
          htmlType="submit"
          loading={add.isPending || update.isPending}
          data-testid="risk-area-submit"
        >
          {lifting ? t(`${r}.liftOk`) : t(`${r}.submit`)}
        </Button>
      </Space>
    </Form>
  );
}
