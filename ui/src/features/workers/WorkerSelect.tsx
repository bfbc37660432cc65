import { PlusOutlined } from '@ant-design/icons';
import { Button, Select, Space, Tooltip } from 'antd';
import { useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { AddWorkerModal } from './AddWorkerModal';
import { useWorkers } from './queries';

/**
 * Pick a grid worker (网格员) from `list_workers`, or add one on the spot (the new worker
 * is then chosen). A controlled input: usable as a `Form.Item` child.
 */
export function WorkerSelect({
  value,
  onChange,
  placeholder,
  testId = 'worker-select',
  allowAdd = true,
  style,
}: {
  value?: string | null;
  onChange?: (workerId: string | null) => void;
  placeholder?: string;
  testId?: string;
  allowAdd?: boolean;
  style?: CSSProperties;
}) {
  const { t } = useTranslation();
  const workers = useWorkers();
  const [adding, setAdding] = useState(false);
  const options = (workers.data ?? []).map((w) => ({
    value: w.id,
    label: w.phone ? t('workers.option', { name: w.name, phone: w.phone }) : w.name,
  }));
  return (
    <>
      <Space.Compact style={{ width: '100%', ...style }}>
        <Select<string>
          data-testid={testId}
          value={value ?? undefined}
          onChange={(v) => onChange?.(v ?? null)}
          options={options}
          allowClear
          showSearch
          optionFilterProp="label"
          loading={workers.isPending}
          status={workers.isError ? 'error' : undefined}
          placeholder={
            workers.isError ? t('workers.loadFailed') : (placeholder ?? t('workers.placeholder'))
          }
          notFoundContent={t('workers.none')}
          style={{ flex: 1, minWidth: 160 }}
        />
        {allowAdd && (
          <Tooltip title={t('workers.add.button')}>
            <Button
              icon={<PlusOutlined />}
              aria-label={t('workers.add.button')}
              onClick={() => setAdding(true)}
              data-testid={`${testId}-add`}
            />
          </Tooltip>
        )}
      </Space.Compact>
      <AddWorkerModal
        open={adding}
        onClose={() => setAdding(false)}
        onAdded={(worker) => onChange?.(worker.id)}
      />
    </>
  );
}
