import { EyeOutlined, FileExcelOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Progress,
  Radio,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportRequest, FormSummary, MaskPreset } from '../../api/bindings';
import { errorText } from '../../api/errors';
import { useDashboardCounts } from '../home/queries';
import { useAppInfo } from '../../shell/queries';
import { ExportDone } from './ExportDone';
import { useExportForm, useExportLog, useForms, usePreview } from './queries';

const s = 'reports';
const DATE = 'YYYY-MM-DD';

type Values = {
  form?: string;
  mode: 'date' | 'range';
  date?: Dayjs;
  range?: [Dayjs, Dayjs];
  grids: string[];
  masking?: MaskPreset;
};

/** The request the form values describe (undefined until a form is chosen). */
function toRequest(v: Values): ExportRequest | undefined {
  if (!v.form) return undefined;
  const req: ExportRequest = { form: v.form, grids: v.grids ?? [] };
  if (v.mode === 'date' && v.date) req.date = v.date.format(DATE);
  if (v.mode === 'range' && v.range) {
    req.from = v.range[0].format(DATE);
    req.to = v.range[1].format(DATE);
  }
  if (v.masking) req.masking = v.masking;
  return req;
}

/** 报表导出: the form definitions with their state; pick, preview, export; the export log. */
export function ReportsPage() {
  const { t } = useTranslation();
  const forms = useForms();
  const info = useAppInfo();
  const counts = useDashboardCounts();
  const log = useExportLog();
  const exporting = useExportForm();
  const [form] = Form.useForm<Values>();
  const [previewOf, setPreviewOf] = useState<ExportRequest | null>(null);
  const preview = usePreview(previewOf);
  const values = Form.useWatch([], form) as Values | undefined;

  const usable = (forms.data ?? []).filter((f) => f.valid && f.inUse);
  const gridOptions = (counts.data?.byGrid ?? []).map((g) => ({
    value: g.gridName,
    label: `${g.communityName} · ${g.gridName}`,
  }));
  const initial: Values = {
    mode: 'date',
    date: info.data ? dayjs(info.data.statisticalDate) : undefined,
    grids: [],
  };
  const chosen = usable.find((f) => f.id === values?.form);

  const exportNow = async () => {
    const req = toRequest(form.getFieldsValue(true) as Values);
    if (!req) {
      await form.validateFields();
      return;
    }
    exporting.mutate(req);
  };
  const showPreview = async () => {
    const v = await form.validateFields();
    setPreviewOf(toRequest({ ...(form.getFieldsValue(true) as Values), ...v }) ?? null);
  };

  const previewColumns = useMemo(
    () =>
      (preview.data?.headers ?? []).map((h, i) => ({
        title: h,
        dataIndex: i,
        key: String(i),
        ellipsis: true,
        width: 110,
      })),
    [preview.data],
  );

  return (
    <Flex vertical gap={16} data-testid="reports-page">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('modules.reports')}
      </Typography.Title>

      <Card size="small" title={t(`${s}.export.title`)}>
        {info.data && (
          <Form
            form={form}
            layout="inline"
            initialValues={initial}
            onValuesChange={() => exporting.reset()}
          >
            <Form.Item
              name="form"
              label={t(`${s}.export.form`)}
              rules={[{ required: true, message: t(`${s}.export.formRequired`) }]}
            >
              <Select
                style={{ width: 300 }}
                placeholder={t(`${s}.export.formPlaceholder`)}
                options={usable.map((f) => ({ value: f.id, label: f.name }))}
                onChange={(id: string) => {
                  const f = usable.find((x) => x.id === id);
                  if (f) form.setFieldValue('masking', f.masking);
                }}
                data-testid="reports-form"
              />
            </Form.Item>
            <Form.Item name="mode">
              <Radio.Group data-testid="reports-mode">
                <Radio.Button value="date">{t(`${s}.export.oneDay`)}</Radio.Button>
                <Radio.Button value="range">{t(`${s}.export.range`)}</Radio.Button>
              </Radio.Group>
            </Form.Item>
            {values?.mode === 'range' ? (
              <Form.Item name="range">
                <DatePicker.RangePicker data-testid="reports-range" />
              </Form.Item>
            ) : (
              <Form.Item name="date">
                <DatePicker allowClear={false} data-testid="reports-date" />
              </Form.Item>
            )}
            <Form.Item name="grids" label={t(`${s}.export.grids`)}>
              <Select
                mode="multiple"
                allowClear
                style={{ minWidth: 200 }}
                placeholder={t(`${s}.export.allGrids`)}
                options={gridOptions}
                data-testid="reports-grids"
              />
            </Form.Item>
            <Form.Item name="masking" label={t(`${s}.export.masking`)}>
              <Radio.Group data-testid="reports-masking">
                <Radio value="none">{t(`${s}.masking.none`)}</Radio>
                <Radio value="upward">{t(`${s}.masking.upward`)}</Radio>
                <Radio value="public">{t(`${s}.masking.public`)}</Radio>
              </Radio.Group>
            </Form.Item>
            <Form.Item>
              <Flex gap={8}>
                <Button
                  icon={<EyeOutlined />}
                  onClick={() => void showPreview()}
                  data-testid="reports-preview"
                >
                  {t(`${s}.export.preview`)}
                </Button>
                <Button
                  type="primary"
                  icon={<FileExcelOutlined />}
                  loading={exporting.isPending}
                  disabled={!chosen}
                  onClick={() => void exportNow()}
                  data-testid="reports-export"
                >
                  {t(`${s}.export.button`)}
                </Button>
              </Flex>
            </Form.Item>
          </Form>
        )}
        {exporting.isPending && (
          <Progress percent={100} status="active" showInfo={false} data-testid="reports-progress" />
        )}
        {exporting.data && (
          <ExportDone
            testId="reports-done"
            pathTestId="reports-path"
            message={t(`${s}.export.done`, { rows: exporting.data.rows })}
            path={exporting.data.path}
          />
        )}
        {exporting.error && (
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 12 }}
            message={t(`${s}.export.failed`, { error: errorText(t, exporting.error) })}
          />
        )}
      </Card>

      {previewOf && (
        <Card
          size="small"
          title={preview.data?.title ?? t(`${s}.preview.title`)}
          data-testid="reports-preview-card"
        >
          {preview.error ? (
            <Alert type="error" message={errorText(t, preview.error)} />
          ) : (
            <Table
              size="small"
              loading={preview.isFetching}
              columns={previewColumns}
              dataSource={(preview.data?.rows ?? []).map((r, i) => ({ ...r, key: i }))}
              pagination={false}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: t(`${s}.preview.empty`) }}
            />
          )}
        </Card>
      )}

      <Card size="small" title={t(`${s}.definitions.title`)}>
        <Table<FormSummary>
          size="small"
          loading={forms.isLoading}
          rowKey={(f) => `${f.origin}:${f.path ?? f.id}`}
          dataSource={forms.data ?? []}
          pagination={false}
          onRow={() => ({ 'data-testid': 'reports-definition' }) as object}
          columns={[
            { title: t(`${s}.definitions.name`), dataIndex: 'name' },
            { title: t(`${s}.definitions.id`), dataIndex: 'id' },
            {
              title: t(`${s}.definitions.origin`),
              render: (_, f) =>
                f.origin === 'shipped' ? t(`${s}.definitions.shipped`) : (f.path ?? ''),
            },
            {
              title: t(`${s}.definitions.state`),
              render: (_, f) =>
                f.valid ? (
                  <Tag color={f.inUse ? 'green' : 'default'}>
                    {f.inUse ? t(`${s}.definitions.inUse`) : t(`${s}.definitions.overridden`)}
                  </Tag>
                ) : (
                  <Flex vertical gap={4}>
                    <Tag color="red">{t(`${s}.definitions.invalid`)}</Tag>
                    {f.problems.map((p, i) => (
                      <Typography.Text key={i} type="danger">
                        {p.messageZh}
                      </Typography.Text>
                    ))}
                  </Flex>
                ),
            },
          ]}
        />
      </Card>

      <Card size="small" title={t(`${s}.log.title`)}>
        <Table
          size="small"
          loading={log.isLoading}
          rowKey="id"
          dataSource={log.data ?? []}
          pagination={false}
          columns={[
            {
              title: t(`${s}.log.at`),
              dataIndex: 'at',
              render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm'),
            },
            { title: t(`${s}.log.actor`), dataIndex: 'actor' },
            { title: t(`${s}.log.form`), dataIndex: 'formName' },
            { title: t(`${s}.log.rows`), dataIndex: 'rows' },
            {
              title: t(`${s}.log.masking`),
              dataIndex: 'masking',
              render: (m: MaskPreset) => t(`${s}.masking.${m}`),
            },
            { title: t(`${s}.log.file`), dataIndex: 'fileName' },
          ]}
        />
      </Card>
    </Flex>
  );
}
