import { Alert, App, Button, Form, Input, InputNumber, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcError } from '../../api/bindings';
import { errorText } from '../../api/errors';
import { WorkerSelect } from '../workers/WorkerSelect';
import { useBulkCreateBuilding } from './queries';
import type { SelectedNode } from './RegisterTree';

type Values = {
  buildingName: string;
  unitsStart: number;
  unitsEnd: number;
  floorsStart: number;
  floorsEnd: number;
  roomsPerFloor: number;
  /** 包保责任人 of every household created. */
  responsibleWorkerId?: string | null;
};

const INITIAL: Omit<Values, 'buildingName' | 'responsibleWorkerId'> = {
  unitsStart: 1,
  unitsEnd: 2,
  floorsStart: 1,
  floorsEnd: 6,
  roomsPerFloor: 2,
};

const span = (start: number | null | undefined, end: number | null | undefined) =>
  typeof start === 'number' && typeof end === 'number' ? Math.max(0, end - start + 1) : 0;

/** 新建楼栋: a building with its units and every flat, in one go (楼栋批量生成). */
export function AddBuildingModal({
  estate,
  open,
  onClose,
}: {
  estate: SelectedNode;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={t('residents.building.title', { estate: estate.name })}
      footer={null}
      destroyOnHidden
    >
      {open && <AddBuildingForm estate={estate} onClose={onClose} />}
    </Modal>
  );
}

function AddBuildingForm({ estate, onClose }: { estate: SelectedNode; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useBulkCreateBuilding();
  const [error, setError] = useState<IpcError | null>(null);
  const values = Form.useWatch([], form) as Partial<Values> | undefined;
  const v = { ...INITIAL, ...values };
  const units = span(v.unitsStart, v.unitsEnd);
  const households = units * span(v.floorsStart, v.floorsEnd) * (v.roomsPerFloor ?? 0);

  const onFinish = (f: Values) => {
    setError(null);
    const buildingName = f.buildingName.trim();
    create.mutate(
      {
        estateId: estate.id,
        buildingName,
        units: { start: f.unitsStart, end: f.unitsEnd },
        floors: { start: f.floorsStart, end: f.floorsEnd },
        roomsPerFloor: f.roomsPerFloor,
        roomFormat: null,
        responsibleWorkerId: f.responsibleWorkerId ?? null,
      },
      {
        onSuccess: (summary) => {
          void message.success(
            t('residents.building.success', {
              name: buildingName,
              units: summary.units,
              households: summary.households,
            }),
          );
          onClose();
        },
        onError: setError,
      },
    );
  };

  const num = (name: keyof Values, testId?: string) => (
    <Form.Item<Values> name={name} noStyle rules={[{ required: true }]}>
      <InputNumber min={1} max={999} precision={0} data-testid={testId} style={{ width: 88 }} />
    </Form.Item>
  );

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      requiredMark={false}
      initialValues={INITIAL}
      onFinish={onFinish}
    >
      <Form.Item<Values>
        name="buildingName"
        label={t('residents.building.name')}
        rules={[
          { required: true, whitespace: true, message: t('residents.building.nameRequired') },
        ]}
      >
        <Input
          autoFocus
          data-testid="building-name-input"
          placeholder={t('residents.building.namePlaceholder')}
        />
      </Form.Item>
      <Form.Item label={t('residents.building.units')} required>
        <Space>
          {t('residents.building.from')}
          {num('unitsStart', 'units-start-input')}
          {t('residents.building.to')}
          {num('unitsEnd', 'units-end-input')}
        </Space>
      </Form.Item>
      <Form.Item label={t('residents.building.floors')} required>
        <Space>
          {t('residents.building.from')}
          {num('floorsStart', 'floors-start-input')}
          {t('residents.building.to')}
          {num('floorsEnd', 'floors-end-input')}
        </Space>
      </Form.Item>
      <Form.Item label={t('residents.building.roomsPerFloor')} required>
        {num('roomsPerFloor', 'rooms-per-floor-input')}
      </Form.Item>
      <Form.Item<Values>
        name="responsibleWorkerId"
        label={t('residents.building.worker')}
        extra={t('residents.building.workerHint')}
      >
        <WorkerSelect testId="building-worker-select" />
      </Form.Item>
      <Typography.Paragraph strong data-testid="building-preview">
        {t('residents.building.preview', { units, households })}
      </Typography.Paragraph>
      {error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="add-building-error"
          message={t('residents.building.failed', { error: errorText(t, error) })}
        />
      )}
      <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
        <Button onClick={onClose}>{t('residents.building.cancel')}</Button>
        <Button
          type="primary"
          htmlType="submit"
          loading={create.isPending}
          disabled={households === 0}
          data-testid="building-submit"
        >
          {t('residents.building.submit')}
        </Button>
      </Space>
    </Form>
  );
}
