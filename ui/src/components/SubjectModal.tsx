import { Alert, Button, Form, Modal, Space } from 'antd';
import type { ParseKeys } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcError } from '../api/bindings';
import { errorText } from '../api/errors';

/**
 * A modal about one subject (an isolation, a fever event, a follow-up): open while there is
 * a subject, its form mounted afresh each time (so initial values are the subject's).
 */
export function SubjectModal<S>({
  subject,
  title,
  onClose,
  children,
}: {
  subject: S | null;
  title: (subject: S) => string;
  onClose: () => void;
  children: (subject: S) => ReactNode;
}) {
  return (
    <Modal
      open={subject !== null}
      onCancel={onClose}
      title={subject !== null ? title(subject) : ''}
      footer={null}
      destroyOnHidden
    >
      {subject !== null && children(subject)}
    </Modal>
  );
}

/** 取消 / 保存 at the end of a form in a modal. */
export function SubmitRow({
  pending,
  onCancel,
  okText,
  testId,
}: {
  pending: boolean;
  onCancel: () => void;
  okText?: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Space>
      <Button onClick={onCancel}>{t('common.cancel')}</Button>
      <Button type="primary" htmlType="submit" loading={pending} data-testid={testId}>
        {okText ?? t('common.save')}
      </Button>
    </Space>
  );
}

/**
 * The end of a form in a modal: why the last try failed (the i18n key `failedKey` with the
 * error's text as `error`), then 取消 / 保存.
 */
export function FormFooter({
  error,
  failedKey,
  ...submit
}: {
  error: IpcError | null;
  failedKey: ParseKeys;
  pending: boolean;
  onCancel: () => void;
  okText?: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      {error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={t(failedKey, { error: errorText(t, error) })}
        />
      )}
      <Form.Item style={{ marginBottom: 0, textAlign: 'right' }}>
        <SubmitRow {...submit} />
      </Form.Item>
    </>
  );
}
