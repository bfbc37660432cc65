import {
  Alert,
  App,
  Checkbox,
  DatePicker,
  Form,
  Input,
  List,
  Modal,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Difficulty, IpcError } from '../../api/bindings';
import { errorText } from '../../api/errors';
import { ErrorState } from '../../components/QueryStates';
import { useFormatDate } from '../../lib/useFormatDate';
import { useAppInfo } from '../../shell/queries';
import { defaultCheckDate, fromPicker, toPicker } from '../isolation/dates';
import { SubmitRow } from '../isolation/parts';
import { WorkerSelect } from '../workers/WorkerSelect';
import { useAddDifficultyFollowUp, useDifficulties } from './queries';

/** 问题跟踪: difficulties, open ones first, with their follow-ups; 跟进 until 办结. */
export function Difficulties() {
  const { t } = useTranslation();
  const formatDate = useFormatDate('short');
  const [open, setOpen] = useState(true);
  const list = useDifficulties({ open });
  const [following, setFollowing] = useState<Difficulty | null>(null);
  const p = 'work.difficulties';
  if (list.isError) {
    return (
      <ErrorState
        title={t(`${p}.loadFailed`)}
        error={list.error}
        onRetry={() => void list.refetch()}
        retrying={list.isFetching}
      />
    );
  }
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Checkbox
        checked={open}
        onChange={(e) => setOpen(e.target.checked)}
        data-testid="difficulties-open"
      >
        {t(`${p}.openOnly`)}
      </Checkbox>
      <List
        bordered
        loading={list.isPending}
        dataSource={list.data ?? []}
        locale={{ emptyText: t(`${p}.empty`) }}
        renderItem={(d) => (
          <List.Item
            data-testid="difficulty-row"
            actions={
              d.closedOn
                ? []
                : [
                    <Typography.Link
                      key="follow"
                      onClick={() => setFollowing(d)}
                      data-testid="difficulty-follow"
                    >
                      {t(`${p}.follow`)}
                    </Typography.Link>,
                  ]
            }
          >
            <Space direction="vertical" size={4} style={{ width: '100%' }}>
              <Space wrap>
                {d.closedOn ? (
                  <Tag color="green">{t(`${p}.closed`, { date: formatDate(d.closedOn) })}</Tag>
                ) : (
                  <Tag color="red">{t(`${p}.open`)}</Tag>
                )}
                <Typography.Text strong>{d.enterpriseName}</Typography.Text>
                <Typography.Text type="secondary">{formatDate(d.raisedOn)}</Typography.Text>
              </Space>
              <Typography.Text>{d.description}</Typography.Text>
              {d.followUps.length > 0 && (
                <Timeline
                  style={{ marginTop: 8, marginBottom: -16 }}
                  items={d.followUps.map((f) => ({
                    children: (
                      <span>
                        {formatDate(f.doneOn)} {f.workerName ?? ''} {f.note}
                      </span>
                    ),
                  }))}
                />
              )}
            </Space>
          </List.Item>
        )}
      />
      <FollowUpModal difficulty={following} onClose={() => setFollowing(null)} />
    </Space>
  );
}

type Values = { doneOn: Dayjs; workerId?: string | null; note: string; close?: boolean };

function FollowUpModal({
  difficulty,
  onClose,
}: {
  difficulty: Difficulty | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const info = useAppInfo();
  const add = useAddDifficultyFollowUp();
  const [error, setError] = useState<IpcError | null>(null);
  const p = 'work.followUp';
  const onFinish = (v: Values) => {
    if (!difficulty) return;
    setError(null);
    add.mutate(
      {
        difficultyId: difficulty.id,
        doneOn: fromPicker(v.doneOn),
        ...(v.workerId ? { workerId: v.workerId } : {}),
        note: v.note.trim(),
        close: v.close ?? false,
      },
      {
        onSuccess: () => {
          void message.success(t(v.close ? `${p}.closed` : `${p}.saved`));
          onClose();
        },
        onError: setError,
      },
    );
  };
  return (
    <Modal
      open={difficulty !== null}
      onCancel={onClose}
      title={t(`${p}.title`, { name: difficulty?.enterpriseName ?? '' })}
      footer={null}
      destroyOnHidden
    >
      <Form<Values>
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ doneOn: toPicker(defaultCheckDate(info.data?.statisticalDate)) }}
      >
        <Typography.Paragraph type="secondary">{difficulty?.description}</Typography.Paragraph>
        <Form.Item name="doneOn" label={t(`${p}.date`)} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="workerId" label={t(`${p}.worker`)}>
          <WorkerSelect />
        </Form.Item>
        <Form.Item
          name="note"
          label={t(`${p}.note`)}
          rules={[{ required: true, whitespace: true, message: t(`${p}.noteRequired`) }]}
        >
          <Input.TextArea rows={3} maxLength={500} data-testid="follow-note" />
        </Form.Item>
        <Form.Item name="close" valuePropName="checked">
          <Checkbox data-testid="follow-close">{t(`${p}.close`)}</Checkbox>
        </Form.Item>
        {error && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            message={t('work.saveFailed', { error: errorText(t, error) })}
          />
        )}
        <SubmitRow pending={add.isPending} onCancel={onClose} testId="follow-submit" />
      </Form>
    </Modal>
  );
}
