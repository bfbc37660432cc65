import { Checkbox, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnterpriseVisit } from '../../api/bindings';
import { ErrorState } from '../../components/QueryStates';
import { useFormatDate } from '../../lib/useFormatDate';
import { ANSWER_COLOR } from './labels';
import { useVisits } from './queries';
import { VisitModal } from './VisitModal';

/** 走访记录: visits, latest first, the 五到位 at a glance; drafts to complete. */
export function Visits() {
  const { t } = useTranslation();
  const formatDate = useFormatDate('short');
  const [incomplete, setIncomplete] = useState(false);
  const visits = useVisits({ incomplete });
  const [editing, setEditing] = useState<EnterpriseVisit | null>(null);
  const p = 'work.visits';
  if (visits.isError) {
    return (
      <ErrorState
        title={t(`${p}.loadFailed`)}
        error={visits.error}
        onRetry={() => void visits.refetch()}
        retrying={visits.isFetching}
      />
    );
  }
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Checkbox
        checked={incomplete}
        onChange={(e) => setIncomplete(e.target.checked)}
        data-testid="visits-incomplete"
      >
        {t(`${p}.incompleteOnly`)}
      </Checkbox>
      <Table<EnterpriseVisit>
        size="small"
        rowKey="id"
        loading={visits.isPending}
        dataSource={visits.data ?? []}
        locale={{ emptyText: t(`${p}.empty`) }}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        data-testid="visit-table"
        onRow={() => ({ 'data-testid': 'visit-row' }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t(`${p}.date`),
            dataIndex: 'visitedOn',
            width: 110,
            render: (d: string) => formatDate(d),
          },
          { title: t(`${p}.enterprise`), dataIndex: 'enterpriseName' },
          {
            title: t(`${p}.checklist`),
            key: 'checklist',
            render: (_, v) => (
              <Space size={2} wrap>
                {v.checklist.map((a) => (
                  <Tooltip key={a.item} title={a.note ?? undefined}>
                    <Tag color={a.answer ? ANSWER_COLOR[a.answer] : 'warning'}>
                      {t(`work.check.${a.item}`)}
                      {'·'}
                      {a.answer ? t(`work.answer.${a.answer}`) : t(`${p}.unanswered`)}
                    </Tag>
                  </Tooltip>
                ))}
              </Space>
            ),
          },
          {
            title: t(`${p}.staff`),
            key: 'staff',
            width: 150,
            render: (_, v) =>
              t(`${p}.staffValue`, {
                returned: v.staffReturned ?? '—',
                onSite: v.staffOnSite ?? '—',
                risk: v.staffFromRiskAreas ?? '—',
              }),
          },
          {
            title: t(`${p}.status`),
            key: 'status',
            width: 90,
            render: (_, v) =>
              v.complete ? (
                <Tag color="green">{t(`${p}.complete`)}</Tag>
              ) : (
                <Tag color="orange" data-testid="visit-incomplete">
                  {t(`${p}.incomplete`)}
                </Tag>
              ),
          },
          {
            key: 'actions',
            width: 70,
            render: (_, v) => (
              <Typography.Link onClick={() => setEditing(v)} data-testid="visit-edit">
                {v.complete ? t(`${p}.edit`) : t(`${p}.complete_action`)}
              </Typography.Link>
            ),
          },
        ]}
      />
      <VisitModal
        open={editing !== null}
        visit={editing ?? undefined}
        onClose={() => setEditing(null)}
      />
    </Space>
  );
}
