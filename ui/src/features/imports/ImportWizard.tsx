import {
  Alert,
  Button,
  Checkbox,
  Flex,
  Modal,
  Popconfirm,
  Progress,
  Segmented,
  Select,
  Space,
  Statistic,
  Steps,
  Table,
  Tabs,
  Tag,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  ImportCounts,
  ImportKind,
  ImportLogEntry,
  ImportPreview,
  ImportRequest,
  IpcError,
  PreviewRow,
  RowStatus,
} from '../../api/bindings';
import { errorText } from '../../api/errors';
import {
  useCommitImport,
  useErrorReport,
  useImportHistory,
  usePreviewImport,
  usePreviewRows,
  useStageFile,
  useUndoImport,
} from './queries';

const STATUS_COLOR: Record<RowStatus, string> = {
  accepted: 'green',
  unchanged: 'default',
  duplicate: 'orange',
  error: 'red',
};

type Mapping = Record<string, string>;

/** A chosen file's bytes (FileReader: also where `Blob.arrayBuffer` is missing). */
function readBytes(file: File): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsArrayBuffer(file);
  });
}

/**
 * The import wizard: file → sheet and mapping → preview (the dry run, per row and counted)
 * → commit (all accepted rows or none), and the import history with undo. Every verdict
 * comes from the core; the wizard only shows it.
 */
export function ImportWizard({ kind, onClose }: { kind: ImportKind; onClose: () => void }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState('wizard');
  return (
    <Modal
      open
      width={960}
      title={t(`imports.title.${kind}`)}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
    >
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'wizard', label: t('imports.tabs.wizard'), children: <Wizard kind={kind} /> },
          {
            key: 'history',
            label: <span data-testid="import-tab-history">{t('imports.tabs.history')}</span>,
            children: <History enabled={tab === 'history'} />,
          },
        ]}
      />
    </Modal>
  );
}

function Wizard({ kind }: { kind: ImportKind }) {
  const { t } = useTranslation();
  const [step, setStep] = useState(0);
  const [request, setRequest] = useState<ImportRequest | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const staging = useStageFile();
  const previewing = usePreviewImport();
  const { mutation: committing, progress: commitProgress } = useCommitImport();
  const report = useErrorReport();
  const [imported, setImported] = useState<string | null>(null);
  const [createHouseholds, setCreateHouseholds] = useState(false);

  const run = (next: ImportRequest, then?: number) => {
    setError(null);
    setRequest(next);
    previewing.mutate(next, {
      onSuccess: (p) => {
        setPreview(p);
        if (then !== undefined) setStep(then);
      },
      onError: (e) => {
        setPreview(null);
        setError(errorText(t, e as IpcError));
      },
    });
  };

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    const bytes = new Uint8Array(await readBytes(file));
    staging.mutate(
      { name: file.name, bytes },
      {
        onSuccess: (staged) =>
          run(
            {
              kind,
              fileName: staged.fileName,
              fileId: staged.fileId,
              ...(createHouseholds ? { createHouseholds } : {}),
            },
            1,
          ),
        onError: (e) => setError(errorText(t, e as IpcError)),
      },
    );
  };

  const mapping: Mapping = (request?.mapping as Mapping | undefined) ?? {};
  const remap = (field: string, header: string) => {
    if (!request || !preview) return;
    // Keep every current choice explicit, then apply the change.
    const current: Mapping = {};
    for (const c of preview.columns) if (c.field) current[c.field] = c.letter;
    run({ ...request, mapping: { ...current, ...mapping, [field]: header } });
  };

  const commit = () => {
    if (!request) return;
    setError(null);
    committing.mutate(request, {
      onSuccess: (o) => {
        setPreview(o.preview);
        setImported(o.importId);
        setStep(3);
      },
      onError: (e) => setError(errorText(t, e as IpcError)),
    });
  };

  const downloadReport = () => {
    if (!request || !preview) return;
    report.mutate(request, {
      onSuccess: (bytes) => {
        const blob = new Blob([new Uint8Array(bytes)], {
          type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        });
        const a = document.createElement('a');
        a.href = URL.createObjectURL(blob);
        a.download = t('imports.report.fileName', { name: request.fileName });
        a.click();
        URL.revokeObjectURL(a.href);
      },
      onError: (e) => setError(errorText(t, e as IpcError)),
    });
  };

  const fieldOptions = [
    { value: '', label: t('imports.mapping.none') },
    ...(preview?.fields ?? []).map((f) => ({
      value: f.key,
      label: f.required ? `${f.labelZh} *` : f.labelZh,
    })),
  ];

  return (
    <Flex vertical gap={16}>
      <Steps
        size="small"
        current={step}
        items={[
          { title: t('imports.steps.file') },
          { title: t('imports.steps.mapping') },
          { title: t('imports.steps.preview') },
          { title: t('imports.steps.done') },
        ]}
      />
      {error && <Alert type="error" showIcon message={error} data-testid="import-error" />}
      {committing.isPending ? (
        // The commit reports how far it is; reading and previewing are quick enough to
        // show only that something is happening.
        <Progress
          percent={commitProgress?.done ?? 0}
          status="active"
          data-testid="import-progress"
          data-percent={commitProgress?.done ?? 0}
        />
      ) : (
        (staging.isPending || previewing.isPending) && (
          <Progress percent={100} status="active" showInfo={false} data-testid="import-progress" />
        )
      )}

      {step === 0 && (
        <Space direction="vertical">
          <span>{t(`imports.file.hint.${kind}`)}</span>
          <Checkbox
            checked={createHouseholds}
            onChange={(e) => setCreateHouseholds(e.target.checked)}
            data-testid="import-create-households"
          >
            {t('imports.file.createHouseholds')}
          </Checkbox>
          <input
            type="file"
            accept=".xlsx,.xls,.ods,.csv"
            data-testid="import-file"
            onChange={(e) => void onFile(e.target.files?.[0])}
          />
        </Space>
      )}

      {step === 1 && preview && request && (
        <Flex vertical gap={12}>
          <Space>
            <span>{t('imports.mapping.sheet')}</span>
            <Select
              style={{ minWidth: 200 }}
              value={preview.sheet}
              options={preview.sheets.map((s) => ({ value: s, label: s }))}
              onChange={(sheet: string) => run({ ...request, sheet })}
              data-testid="import-sheet"
            />
            <span>{t('imports.mapping.headerRows', { rows: preview.headerRows.join(', ') })}</span>
          </Space>
          <Table
            size="small"
            rowKey="letter"
            pagination={false}
            dataSource={preview.columns}
            columns={[
              { title: t('imports.mapping.column'), dataIndex: 'letter', width: 70 },
              { title: t('imports.mapping.header'), dataIndex: 'header' },
              {
                title: t('imports.mapping.field'),
                key: 'field',
                width: 220,
                render: (_: unknown, c) => (
                  <Select
                    style={{ width: 200 }}
                    value={c.field ?? ''}
                    options={fieldOptions}
                    onChange={(field: string) => {
                      if (field) remap(field, c.letter);
                    }}
                    data-testid={`import-field-${c.letter}`}
                  />
                ),
              },
            ]}
          />
          <Flex justify="end" gap={8}>
            <Button onClick={() => setStep(0)}>{t('imports.back')}</Button>
            <Button type="primary" onClick={() => setStep(2)} data-testid="import-to-preview">
              {t('imports.next')}
            </Button>
          </Flex>
        </Flex>
      )}

      {(step === 2 || step === 3) && preview && (
        <Flex vertical gap={12}>
          <Counts preview={preview} />
          <Rows key={preview.previewId ?? ''} preview={preview} />
          <Flex justify="end" gap={8}>
            {preview.counts.errors > 0 && (
              <Button onClick={downloadReport} loading={report.isPending}>
                {t('imports.report.button')}
              </Button>
            )}
            {step === 2 && (
              <>
                <Button onClick={() => setStep(1)}>{t('imports.back')}</Button>
                <Button
                  type="primary"
                  disabled={preview.counts.accepted === 0}
                  loading={committing.isPending}
                  onClick={commit}
                  data-testid="import-commit"
                >
                  {t('imports.commit', { count: preview.counts.accepted })}
                </Button>
              </>
            )}
          </Flex>
          {step === 3 && imported && (
            <Alert
              type="success"
              showIcon
              data-testid="import-done"
              message={t('imports.done', { count: preview.counts.accepted })}
            />
          )}
        </Flex>
      )}
    </Flex>
  );
}

function Counts({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  const c = preview.counts;
  const items: [keyof ImportCounts, number][] = [
    ['rows', c.rows],
    ['accepted', c.accepted],
    ['newPeople', c.newPeople],
    ['matchedPeople', c.matchedPeople],
    ...(c.newHouseholds > 0
      ? ([['newHouseholds', c.newHouseholds]] as [keyof ImportCounts, number][])
      : []),
    ...(preview.kind === 'arrivals'
      ? ([['newArrivals', c.newArrivals]] as [keyof ImportCounts, number][])
      : []),
    ['unchanged', c.unchanged],
    ['duplicates', c.duplicates],
    ['errors', c.errors],
  ];
  return (
    <Flex gap={24} wrap data-testid="import-counts">
      {items.map(([key, value]) => (
        <Statistic
          key={key}
          title={t(`imports.counts.${key}`)}
          value={value}
          data-testid={`import-count-${key}`}
        />
      ))}
    </Flex>
  );
}

const PAGE_SIZE = 10;
const STATUS_FILTERS: (RowStatus | 'all')[] = [
  'all',
  'accepted',
  'unchanged',
  'duplicate',
  'error',
];

/**
 * The preview's rows, a page at a time from the core (server-side pagination: a
 * 100,000-row preview is never sent whole), filtered by status.
 */
function Rows({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<RowStatus | 'all'>('all');
  const [page, setPage] = useState(1);
  const paged = preview.previewId !== undefined;
  const query = paged
    ? {
        previewId: preview.previewId!,
        ...(status === 'all' ? {} : { status }),
        offset: (page - 1) * PAGE_SIZE,
        limit: PAGE_SIZE,
      }
    : null;
  const rows = usePreviewRows(query);
  const c = preview.counts;
  const totals: Record<RowStatus | 'all', number> = {
    all: c.rows,
    accepted: c.accepted,
    unchanged: c.unchanged,
    duplicate: c.duplicates,
    error: c.errors,
  };
  const local = preview.rows.filter((r) => status === 'all' || r.status === status);
  return (
    <Flex vertical gap={8}>
      <Segmented
        data-testid="import-status-filter"
        value={status}
        onChange={(v) => {
          setStatus(v as RowStatus | 'all');
          setPage(1);
        }}
        options={STATUS_FILTERS.map((s) => ({
          value: s,
          label: t('imports.rows.filter', {
            status: s === 'all' ? t('imports.rows.all') : t(`imports.status.${s}`),
            count: totals[s],
          }),
        }))}
      />
      <Table
        size="small"
        rowKey="row"
        loading={paged && rows.isFetching}
        dataSource={
          paged ? (rows.data?.rows ?? []) : local.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)
        }
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: paged ? (rows.data?.total ?? totals[status]) : local.length,
          showSizeChanger: false,
          onChange: setPage,
        }}
        onRow={() => ({ 'data-testid': 'import-row' }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('imports.rows.row'), dataIndex: 'row', width: 70 },
          {
            title: t('imports.rows.status'),
            key: 'status',
            width: 150,
            render: (_: unknown, r: PreviewRow) => (
              <Space size={4}>
                <Tag color={STATUS_COLOR[r.status]}>{t(`imports.status.${r.status}`)}</Tag>
                {r.newPerson && <Tag color="blue">{t('imports.rows.newPerson')}</Tag>}
                {r.newHousehold && <Tag color="purple">{t('imports.rows.newHousehold')}</Tag>}
              </Space>
            ),
          },
          { title: t('imports.rows.name'), dataIndex: 'name', width: 100 },
          { title: t('imports.rows.cell'), dataIndex: 'cell', width: 70 },
          { title: t('imports.rows.message'), dataIndex: 'messageZh' },
        ]}
      />
    </Flex>
  );
}

function History({ enabled }: { enabled: boolean }) {
  const { t } = useTranslation();
  const history = useImportHistory(enabled);
  const undo = useUndoImport();
  const [error, setError] = useState<string | null>(null);
  return (
    <Flex vertical gap={8}>
      {error && <Alert type="error" showIcon message={error} />}
      <Table<ImportLogEntry>
        size="small"
        rowKey="id"
        loading={history.isLoading}
        dataSource={history.data ?? []}
        pagination={false}
        onRow={() => ({ 'data-testid': 'import-history-row' }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('imports.history.at'),
            dataIndex: 'importedAt',
            render: (at: string) => at.slice(0, 16).replace('T', ' '),
          },
          { title: t('imports.history.by'), dataIndex: 'importedBy' },
          { title: t('imports.history.file'), dataIndex: 'fileName' },
          {
            title: t('imports.history.counts'),
            key: 'counts',
            render: (_: unknown, e) =>
              t('imports.history.countsText', {
                accepted: e.counts.accepted,
                errors: e.counts.errors,
              }),
          },
          {
            title: '',
            key: 'undo',
            render: (_: unknown, e) =>
              e.undoneAt ? (
                <Tag>{t('imports.history.undone')}</Tag>
              ) : (
                <Popconfirm
                  title={t('imports.history.undoConfirm')}
                  onConfirm={() => {
                    setError(null);
                    undo.mutate(e.id, {
                      onError: (err) => setError(errorText(t, err as IpcError)),
                    });
                  }}
                >
                  <Button size="small" danger data-testid="import-undo">
                    {t('imports.history.undo')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
    </Flex>
  );
}
