import { PlusOutlined, SettingOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Checkbox,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Popover,
  Segmented,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcError, WorkCertificate } from '../../api/bindings';
import { errorText } from '../../api/errors';
import { ErrorState } from '../../components/QueryStates';
import { useFormatDate } from '../../lib/useFormatDate';
import { useAppInfo } from '../../shell/queries';
import { PersonPicker } from '../contacts/PersonPicker';
import { defaultCheckDate, fromPicker, toPicker } from '../isolation/dates';
import { SubmitRow } from '../../components/SubjectModal';
import { ExportDone } from '../reports/ExportDone';
import { WorkerSelect } from '../workers/WorkerSelect';
import {
  PAGE_SIZE,
  useAddCallBack,
  useCallBacksDue,
  useCertificateSettings,
  useCertificates,
  useIssueCertificate,
  useSaveCertificate,
  useSetCertificateSettings,
  useVoidCertificate,
} from './queries';

type View = 'valid' | 'all' | 'due';

/**
 * 外出务工证明: certificates, latest number first (or the call-back list: holders not yet
 * reached after the settings' days); 开具证明, 回访, 打印 (xlsx), 作废 (the number stays).
 */
export function Certificates({ onOpenPerson }: { onOpenPerson: (personId: string) => void }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate('short');
  const [view, setView] = useState<View>('valid');
  const [page, setPage] = useState(1);
  const list = useCertificates(
    { includeVoided: view === 'all', limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE },
    view !== 'due',
  );
  const due = useCallBacksDue();
  const [issuing, setIssuing] = useState(false);
  const [settings, setSettings] = useState(false);
  const [calling, setCalling] = useState<WorkCertificate | null>(null);
  const [voiding, setVoiding] = useState<WorkCertificate | null>(null);
  const [printing, setPrinting] = useState<WorkCertificate | null>(null);
  const p = 'work.certificates';
  const query = view === 'due' ? due : list;
  const rows = view === 'due' ? (due.data ?? []) : (list.data?.rows ?? []);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setIssuing(true)}
          data-testid="issue-certificate"
        >
          {t(`${p}.issue`)}
        </Button>
        <Button icon={<SettingOutlined />} onClick={() => setSettings(true)}>
          {t(`${p}.settings`)}
        </Button>
        <Segmented<View>
          value={view}
          onChange={(v) => {
            setView(v);
            setPage(1);
          }}
          options={[
            { value: 'valid', label: t(`${p}.view.valid`) },
            { value: 'all', label: t(`${p}.view.all`) },
            {
              value: 'due',
              label: (
                <span data-testid="certificates-due">
                  {t(`${p}.view.due`, { n: due.data?.length ?? 0 })}
                </span>
              ),
            },
          ]}
        />
      </Space>
      {query.isError ? (
        <ErrorState
          title={t(`${p}.loadFailed`)}
          error={query.error}
          onRetry={() => void query.refetch()}
          retrying={query.isFetching}
        />
      ) : (
        <Table<WorkCertificate>
          size="small"
          rowKey="id"
          loading={query.isPending}
          dataSource={rows}
          locale={{ emptyText: t(view === 'due' ? `${p}.dueEmpty` : `${p}.empty`) }}
          data-testid="certificate-table"
          onRow={() => ({ 'data-testid': 'certificate-row' }) as React.HTMLAttributes<HTMLElement>}
          pagination={
            view === 'due'
              ? { pageSize: PAGE_SIZE, showSizeChanger: false }
              : {
                  current: page,
                  pageSize: PAGE_SIZE,
                  total: list.data?.total ?? 0,
                  onChange: setPage,
                  showSizeChanger: false,
                  showTotal: (n) => t(`${p}.total`, { n }),
                }
          }
          columns={[
            { title: t(`${p}.number`), dataIndex: 'number', width: 100 },
            {
              title: t(`${p}.name`),
              key: 'name',
              width: 90,
              render: (_, c) => (
                <Typography.Link onClick={() => onOpenPerson(c.personId)}>
                  {c.personName}
                </Typography.Link>
              ),
            },
            {
              title: t(`${p}.idNumber`),
              dataIndex: 'idNumberMasked',
              width: 170,
              render: (v: string | null) => v ?? '—',
            },
            { title: t(`${p}.destination`), dataIndex: 'destination' },
            {
              title: t(`${p}.employer`),
              dataIndex: 'employer',
              render: (v: string | null) => v ?? '—',
            },
            {
              title: t(`${p}.issuedOn`),
              dataIndex: 'issuedOn',
              width: 110,
              render: (d: string) => formatDate(d),
            },
            {
              title: t(`${p}.callBacks`),
              key: 'callBacks',
              width: 120,
              render: (_, c) => {
                const reached = c.callBacks.filter((b) => b.reached);
                if (reached.length === 0) {
                  return c.callBacks.length > 0 ? (
                    <Tag color="orange">{t(`${p}.unreached`, { n: c.callBacks.length })}</Tag>
                  ) : (
                    '—'
                  );
                }
                const last = reached[reached.length - 1];
                return (
                  <Popover
                    content={c.callBacks.map((b) => (
                      <div key={b.id}>
                        {formatDate(b.calledOn)} {t(`${p}.outcome_${outcome(b)}`)} {b.note ?? ''}
                      </div>
                    ))}
                  >
                    <Tag color={last.arrived && last.well ? 'green' : 'orange'}>
                      {formatDate(last.calledOn)}
                    </Tag>
                  </Popover>
                );
              },
            },
            {
              title: t(`${p}.status`),
              key: 'status',
              width: 80,
              render: (_, c) =>
                c.voidedOn ? (
                  <Tag>{t(`${p}.void`)}</Tag>
                ) : (
                  <Tag color="green">{t(`${p}.valid`)}</Tag>
                ),
            },
            {
              key: 'actions',
              width: 140,
              render: (_, c) =>
                c.voidedOn ? null : (
                  <Space>
                    <Typography.Link
                      onClick={() => setCalling(c)}
                      data-testid="certificate-call-back"
                    >
                      {t(`${p}.callBack`)}
                    </Typography.Link>
                    <Typography.Link onClick={() => setPrinting(c)} data-testid="certificate-print">
                      {t(`${p}.print`)}
                    </Typography.Link>
                    <Typography.Link type="danger" onClick={() => setVoiding(c)}>
                      {t(`${p}.voidAction`)}
                    </Typography.Link>
                  </Space>
                ),
            },
          ]}
        />
      )}
      <IssueModal open={issuing} onClose={() => setIssuing(false)} />
      <SettingsModal open={settings} onClose={() => setSettings(false)} />
      <CallBackModal certificate={calling} onClose={() => setCalling(null)} />
      <VoidModal certificate={voiding} onClose={() => setVoiding(null)} />
      <PrintModal certificate={printing} onClose={() => setPrinting(null)} />
    </Space>
  );
}

function outcome(b: {
  reached: boolean;
  arrived: boolean;
  well: boolean;
}): 'unreached' | 'well' | 'issue' {
  return !b.reached ? 'unreached' : b.arrived && b.well ? 'well' : 'issue';
}

function ErrorLine({ error }: { error: IpcError | null }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      message={t('work.saveFailed', { error: errorText(t, error) })}
      data-testid="certificate-error"
    />
  );
}

type IssueValues = {
  personId: string;
  destination: string;
  employer?: string;
  leavingOn?: Dayjs;
  healthDeclaration?: string;
  issuedBy?: string | null;
  issuedOn: Dayjs;
};

function IssueModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const info = useAppInfo();
  const issue = useIssueCertificate();
  const [error, setError] = useState<IpcError | null>(null);
  const p = 'work.certificate';
  const onFinish = (v: IssueValues) => {
    setError(null);
    issue.mutate(
      {
        personId: v.personId,
        destination: v.destination.trim(),
        ...(v.employer?.trim() ? { employer: v.employer.trim() } : {}),
        ...(v.leavingOn ? { leavingOn: fromPicker(v.leavingOn) } : {}),
        ...(v.healthDeclaration?.trim() ? { healthDeclaration: v.healthDeclaration.trim() } : {}),
        ...(v.issuedBy ? { issuedBy: v.issuedBy } : {}),
        issuedOn: fromPicker(v.issuedOn),
      },
      {
        onSuccess: (c) => {
          void message.success(t(`${p}.saved`, { number: c.number, name: c.personName }));
          onClose();
        },
        onError: setError,
      },
    );
  };
  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={t(`${p}.title`)}
      footer={null}
      width={600}
      destroyOnHidden
    >
      <Form<IssueValues>
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ issuedOn: toPicker(defaultCheckDate(info.data?.statisticalDate)) }}
        data-testid="certificate-form"
      >
        <Form.Item
          name="personId"
          label={t(`${p}.person`)}
          rules={[{ required: true, message: t(`${p}.personRequired`) }]}
        >
          <PersonPicker data-testid="certificate-person" />
        </Form.Item>
        <Form.Item
          name="destination"
          label={t(`${p}.destination`)}
          rules={[{ required: true, whitespace: true, message: t(`${p}.destinationRequired`) }]}
        >
          <Input maxLength={60} data-testid="certificate-destination" />
        </Form.Item>
        <Form.Item name="employer" label={t(`${p}.employer`)}>
          <Input maxLength={60} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="leavingOn" label={t(`${p}.leavingOn`)}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="issuedOn" label={t(`${p}.issuedOn`)} rules={[{ required: true }]}>
            <DatePicker data-testid="certificate-date" />
          </Form.Item>
          <Form.Item name="issuedBy" label={t(`${p}.issuedBy`)}>
            <WorkerSelect />
          </Form.Item>
        </Space>
        <Form.Item
          name="healthDeclaration"
          label={t(`${p}.declaration`)}
          extra={t(`${p}.declarationHint`)}
        >
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
        <ErrorLine error={error} />
        <SubmitRow pending={issue.isPending} onCancel={onClose} testId="certificate-submit" />
      </Form>
    </Modal>
  );
}

type CallValues = {
  calledOn: Dayjs;
  reached?: boolean;
  arrived?: boolean;
  well?: boolean;
  workerId?: string | null;
  note?: string;
};

function CallBackModal({
  certificate,
  onClose,
}: {
  certificate: WorkCertificate | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const info = useAppInfo();
  const add = useAddCallBack();
  const [error, setError] = useState<IpcError | null>(null);
  const p = 'work.callBack';
  const onFinish = (v: CallValues) => {
    if (!certificate) return;
    setError(null);
    add.mutate(
      {
        certificateId: certificate.id,
        calledOn: fromPicker(v.calledOn),
        reached: v.reached ?? false,
        arrived: v.arrived ?? false,
        well: v.well ?? false,
        ...(v.workerId ? { workerId: v.workerId } : {}),
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      },
      {
        onSuccess: () => {
          void message.success(t(`${p}.saved`));
          onClose();
        },
        onError: setError,
      },
    );
  };
  return (
    <Modal
      open={certificate !== null}
      onCancel={onClose}
      title={t(`${p}.title`, {
        number: certificate?.number ?? '',
        name: certificate?.personName ?? '',
      })}
      footer={null}
      destroyOnHidden
    >
      <Form<CallValues>
        layout="vertical"
        onFinish={onFinish}
        initialValues={{
          calledOn: toPicker(defaultCheckDate(info.data?.statisticalDate)),
          reached: true,
          arrived: true,
          well: true,
        }}
      >
        <Form.Item name="calledOn" label={t(`${p}.date`)} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Space>
          <Form.Item name="reached" valuePropName="checked">
            <Checkbox data-testid="call-back-reached">{t(`${p}.reached`)}</Checkbox>
          </Form.Item>
          <Form.Item name="arrived" valuePropName="checked">
            <Checkbox>{t(`${p}.arrived`)}</Checkbox>
          </Form.Item>
          <Form.Item name="well" valuePropName="checked">
            <Checkbox>{t(`${p}.well`)}</Checkbox>
          </Form.Item>
        </Space>
        <Form.Item name="workerId" label={t(`${p}.worker`)}>
          <WorkerSelect />
        </Form.Item>
        <Form.Item name="note" label={t('work.note')}>
          <Input maxLength={200} />
        </Form.Item>
        <ErrorLine error={error} />
        <SubmitRow pending={add.isPending} onCancel={onClose} testId="call-back-submit" />
      </Form>
    </Modal>
  );
}

function VoidModal({
  certificate,
  onClose,
}: {
  certificate: WorkCertificate | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const info = useAppInfo();
  const voidIt = useVoidCertificate();
  const [error, setError] = useState<IpcError | null>(null);
  const p = 'work.void';
  const onFinish = (v: { on: Dayjs; reason: string }) => {
    if (!certificate) return;
    setError(null);
    voidIt.mutate(
      { id: certificate.id, on: fromPicker(v.on), reason: v.reason.trim() },
      {
        onSuccess: () => {
          void message.success(t(`${p}.saved`, { number: certificate.number }));
          onClose();
        },
        onError: setError,
      },
    );
  };
  return (
    <Modal
      open={certificate !== null}
      onCancel={onClose}
      title={t(`${p}.title`, { number: certificate?.number ?? '' })}
      footer={null}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t(`${p}.hint`)}</Typography.Paragraph>
      <Form<{ on: Dayjs; reason: string }>
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ on: toPicker(defaultCheckDate(info.data?.statisticalDate)) }}
      >
        <Form.Item name="on" label={t(`${p}.date`)} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t(`${p}.reason`)}
          rules={[{ required: true, whitespace: true, message: t(`${p}.reasonRequired`) }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <ErrorLine error={error} />
        <SubmitRow pending={voidIt.isPending} onCancel={onClose} okText={t(`${p}.ok`)} />
      </Form>
    </Modal>
  );
}

function PrintModal({
  certificate,
  onClose,
}: {
  certificate: WorkCertificate | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveCertificate();
  const p = 'work.print';
  const close = () => {
    save.reset();
    onClose();
  };
  return (
    <Modal
      open={certificate !== null}
      onCancel={close}
      title={t(`${p}.title`, { number: certificate?.number ?? '' })}
      footer={null}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t(`${p}.hint`)}</Typography.Paragraph>
      {save.isSuccess ? (
        <ExportDone
          message={t(`${p}.saved`, { number: certificate?.number ?? '' })}
          path={save.data}
          testId="print-done"
        />
      ) : (
        <>
          <ErrorLine error={save.error as IpcError | null} />
          <Space>
            <Button onClick={close}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              loading={save.isPending}
              data-testid="print-submit"
              onClick={() => certificate && save.mutate({ id: certificate.id })}
            >
              {t(`${p}.ok`)}
            </Button>
          </Space>
        </>
      )}
    </Modal>
  );
}

type SettingsValues = { issuingUnit?: string; contactPhone?: string; callBackDays: number };

function SettingsModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const current = useCertificateSettings();
  const save = useSetCertificateSettings();
  const [error, setError] = useState<IpcError | null>(null);
  const p = 'work.certificateSettings';
  const onFinish = (v: SettingsValues) => {
    setError(null);
    save.mutate(
      {
        ...(v.issuingUnit?.trim() ? { issuingUnit: v.issuingUnit.trim() } : {}),
        ...(v.contactPhone?.trim() ? { contactPhone: v.contactPhone.trim() } : {}),
        callBackDays: v.callBackDays,
      },
      {
        onSuccess: () => {
          void message.success(t(`${p}.saved`));
          onClose();
        },
        onError: setError,
      },
    );
  };
  return (
    <Modal open={open} onCancel={onClose} title={t(`${p}.title`)} footer={null} destroyOnHidden>
      {current.data && (
        <Form<SettingsValues>
          layout="vertical"
          onFinish={onFinish}
          initialValues={{
            issuingUnit: current.data.issuingUnit ?? undefined,
            contactPhone: current.data.contactPhone ?? undefined,
            callBackDays: current.data.callBackDays,
          }}
        >
          <Form.Item
            name="issuingUnit"
            label={t(`${p}.issuingUnit`)}
            extra={t(`${p}.issuingUnitHint`)}
          >
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="contactPhone" label={t(`${p}.contactPhone`)}>
            <Input maxLength={20} />
          </Form.Item>
          <Form.Item
            name="callBackDays"
            label={t(`${p}.callBackDays`)}
            rules={[{ required: true }]}
          >
            <InputNumber min={1} max={60} precision={0} />
          </Form.Item>
          <ErrorLine error={error} />
          <SubmitRow pending={save.isPending} onCancel={onClose} />
        </Form>
      )}
    </Modal>
  );
}
