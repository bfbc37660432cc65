import { Button, Card, Col, Flex, List, Row, Space, Statistic, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  FeverEvent,
  FollowUpDue,
  Isolation,
  Worklist as WorklistData,
} from '../../api/bindings';
import { errorText } from '../../api/errors';
import { LoadingState } from '../../components/QueryStates';
import { useFormatDate } from '../../lib/useFormatDate';
import { useAppInfo } from '../../shell/queries';
import { CheckModal, type CheckTarget } from '../isolation/CheckModal';
import { EndModal, type Ending } from '../isolation/EndModal';
import { FeverModal } from '../isolation/FeverModal';
import { defaultCheckDate } from '../isolation/dates';
import { FollowUpModal } from '../isolation/FollowUpModal';
import { slotLabel } from '../isolation/labels';
import { MonitoringGridModal } from '../isolation/MonitoringGrid';
import { DayProgress, MissingCount } from '../isolation/parts';
import { useWorklist } from '../isolation/queries';

/** 今日工作 on 首页, when the backend provides 隔离监测. */
export function Worklist() {
  const info = useAppInfo();
  if (!info.data?.modules.includes('isolation')) return null;
  return <WorklistCard />;
}

/**
 * A grid worker's morning without searching: the checks due today per slot, gaps, who ends
 * today or tomorrow, who is past the end and not released, fevers not handled, follow-up
 * calls. Each line has its one-click action.
 */
function WorklistCard() {
  const { t } = useTranslation();
  const formatDate = useFormatDate('short');
  const worklist = useWorklist();
  const w = 'home.worklist';

  if (worklist.isPending) return <LoadingState rows={3} />;
  if (worklist.isError) {
    return (
      <Card size="small" title={t(`${w}.title`)} data-testid="worklist">
        <Flex gap={8} align="center">
          <Typography.Text type="danger" data-testid="worklist-error">
            {t(`${w}.loadFailed`, { error: errorText(t, worklist.error) })}
          </Typography.Text>
          <Button size="small" onClick={() => void worklist.refetch()}>
            {t('common.retry')}
          </Button>
        </Flex>
      </Card>
    );
  }
  return (
    <Card
      size="small"
      title={t(`${w}.title`)}
      extra={
        <Typography.Text type="secondary" data-testid="worklist-date">
          {t(`${w}.date`, { date: formatDate(worklist.data.date) })}
        </Typography.Text>
      }
      data-testid="worklist"
    >
      <WorklistBody data={worklist.data} />
    </Card>
  );
}

/** The checks per day the slots of today's due list are named for (上午 / 下午 with 2). */
function perDayOf(data: WorklistData): number {
  return Math.max(data.duePerSlot.length, ...data.due.map((d) => d.isolation.checksPerDay));
}

function WorklistBody({ data }: { data: WorklistData }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate('short');
  const [entering, setEntering] = useState<CheckTarget | null>(null);
  const [gridId, setGridId] = useState<string | null>(null);
  const [fever, setFever] = useState<FeverEvent | null>(null);
  const [ending, setEnding] = useState<Ending | null>(null);
  const [followUp, setFollowUp] = useState<FollowUpDue | null>(null);
  const w = 'home.worklist';
  const perDay = perDayOf(data);

  const gridLink = (i: Isolation) => (
    <Typography.Link key="grid" onClick={() => setGridId(i.id)} data-testid="worklist-grid">
      {t(`${w}.grid`)}
    </Typography.Link>
  );

  const counts: { key: string; title: string; value: number; danger?: boolean }[] = [
    ...data.duePerSlot.map((n, i) => ({
      key: `due-${i + 1}`,
      title: t(`${w}.due.perSlot`, { slot: slotLabel(t, i + 1, perDay) }),
      value: n,
    })),
    ...(
      ['overdue', 'endingToday', 'endingTomorrow', 'releaseDue', 'fevers', 'followUps'] as const
    ).map((key) => ({
      key,
      title: t(`${w}.${key}.title`),
      value: data[key].length,
      danger: key !== 'endingToday' && key !== 'endingTomorrow' && key !== 'followUps',
    })),
  ];

  return (
    <Flex vertical gap={12}>
      <Row gutter={[12, 12]}>
        {counts.map((c) => (
          <Col key={c.key} flex="1 1 120px">
            <Card size="small" data-testid={`worklist-count-${c.key}`}>
              <Statistic
                title={c.title}
                value={c.value}
                valueStyle={c.danger && c.value > 0 ? { color: '#cf1322' } : undefined}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[12, 12]}>
        <Section id="fevers" items={data.fevers}>
          {(f: FeverEvent) => (
            <List.Item
              data-testid="worklist-fever"
              actions={[
                <Button
                  key="handle"
                  size="small"
                  danger
                  type="primary"
                  onClick={() => setFever(f)}
                  data-testid="worklist-handle-fever"
                >
                  {t(`${w}.fevers.handle`)}
                </Button>,
                ...(f.isolationId
                  ? [
                      <Typography.Link
                        key="grid"
                        onClick={() => setGridId(f.isolationId)}
                        data-testid="worklist-grid"
                      >
                        {t(`${w}.grid`)}
                      </Typography.Link>,
                    ]
                  : []),
              ]}
            >
              <Space wrap size={[8, 0]}>
                <Typography.Text strong>{f.personName}</Typography.Text>
                <Tag color="red">{t('isolation.celsiusValue', { value: f.temperature })}</Tag>
                <Typography.Text type="secondary">{f.detectedAt}</Typography.Text>
                <Typography.Text type="secondary">{f.address}</Typography.Text>
              </Space>
            </List.Item>
          )}
        </Section>
        <Section id="due" items={data.due}>
          {(d) => (
            <List.Item
              data-testid="worklist-due"
              actions={[
                <Button
                  key="enter"
                  size="small"
                  type="primary"
                  onClick={() =>
                    setEntering({
                      isolation: d.isolation,
                      date: defaultCheckDate(data.date),
                      slot: d.missingSlots[0],
                    })
                  }
                  data-testid="worklist-enter"
                >
                  {t(`${w}.due.enter`)}
                </Button>,
                gridLink(d.isolation),
              ]}
            >
              <Space wrap size={[8, 0]}>
                <Typography.Text strong>{d.isolation.personName}</Typography.Text>
                <DayProgress isolation={d.isolation} compact />
                {d.missingSlots.map((s) => (
                  <Tag key={s} color="gold">
                    {slotLabel(t, s, d.isolation.checksPerDay)}
                  </Tag>
                ))}
                <Typography.Text type="secondary">{d.isolation.address}</Typography.Text>
              </Space>
            </List.Item>
          )}
        </Section>
        <Section id="overdue" items={data.overdue}>
          {(i) => (
            <List.Item data-testid="worklist-overdue" actions={[gridLink(i)]}>
              <Space wrap size={[8, 0]}>
                <Typography.Text strong>{i.personName}</Typography.Text>
                <MissingCount n={i.checksMissing} />
                <Typography.Text type="secondary">{i.address}</Typography.Text>
              </Space>
            </List.Item>
          )}
        </Section>
        <Section id="releaseDue" items={data.releaseDue}>
          {(i) => (
            <List.Item
              data-testid="worklist-release-due"
              actions={[
                <Button
                  key="release"
                  size="small"
                  type="primary"
                  onClick={() => setEnding({ isolation: i, reason: 'released', on: data.date })}
                  data-testid="worklist-release"
                >
                  {t(`${w}.releaseDue.release`)}
                </Button>,
                gridLink(i),
              ]}
            >
              <Space wrap size={[8, 0]}>
                <Typography.Text strong>{i.personName}</Typography.Text>
                <Typography.Text type="secondary">
                  {t(`${w}.plannedEnd`, { date: formatDate(i.plannedEnd) })}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        </Section>
        <Section id="endingToday" items={data.endingToday}>
          {(i) => <EndingItem isolation={i} action={gridLink(i)} testId="worklist-ending-today" />}
        </Section>
        <Section id="endingTomorrow" items={data.endingTomorrow}>
          {(i) => (
            <EndingItem isolation={i} action={gridLink(i)} testId="worklist-ending-tomorrow" />
          )}
        </Section>
        <Section id="followUps" items={data.followUps}>
          {(f) => (
            <List.Item
              data-testid="worklist-follow-up"
              actions={[
                <Button
                  key="record"
                  size="small"
                  onClick={() => setFollowUp(f)}
                  data-testid="worklist-record-follow-up"
                >
                  {t(`${w}.followUps.record`)}
                </Button>,
              ]}
            >
              <Space wrap size={[8, 0]}>
                <Typography.Text strong>{f.personName}</Typography.Text>
                <Tag>{t(`${w}.followUps.day`, { n: f.day })}</Tag>
                <Typography.Text type="secondary">{f.phoneMasked}</Typography.Text>
                <Typography.Text type="secondary">
                  {t(`${w}.followUps.released`, { date: formatDate(f.releasedOn) })}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        </Section>
      </Row>
      <CheckModal target={entering} onClose={() => setEntering(null)} />
      <MonitoringGridModal isolationId={gridId} onClose={() => setGridId(null)} />
      <FeverModal fever={fever} onClose={() => setFever(null)} />
      <EndModal ending={ending} onClose={() => setEnding(null)} />
      <FollowUpModal followUp={followUp} onClose={() => setFollowUp(null)} />
    </Flex>
  );
}

/** One section of the worklist: its title with the count, its lines, 无 when empty. */
type SectionId =
  'due' | 'overdue' | 'endingToday' | 'endingTomorrow' | 'releaseDue' | 'fevers' | 'followUps';

function Section<T>({
  id,
  items,
  children,
}: {
  id: SectionId;
  items: T[];
  children: (item: T) => ReactNode;
}) {
  const { t } = useTranslation();
  const w = 'home.worklist';
  return (
    <Col xs={24} xl={12}>
      <List<T>
        size="small"
        bordered
        data-testid={`worklist-section-${id}`}
        header={
          <Flex justify="space-between">
            <Typography.Text strong>{t(`${w}.${id}.title`)}</Typography.Text>
            <Typography.Text type="secondary">{t(`${w}.n`, { n: items.length })}</Typography.Text>
          </Flex>
        }
        dataSource={items}
        renderItem={(item) => children(item)}
        locale={{ emptyText: t(`${w}.${id}.empty`) }}
        pagination={items.length > 5 ? { pageSize: 5, size: 'small' } : false}
      />
    </Col>
  );
}

function EndingItem({
  isolation: i,
  action,
  testId,
}: {
  isolation: Isolation;
  action: ReactNode;
  testId: string;
}) {
  const { t } = useTranslation();
  const formatDate = useFormatDate('short');
  return (
    <List.Item data-testid={testId} actions={[action]}>
      <Space wrap size={[8, 0]}>
        <Typography.Text strong>{i.personName}</Typography.Text>
        <DayProgress isolation={i} compact />
        <Typography.Text type="secondary">
          {t('home.worklist.plannedEnd', { date: formatDate(i.plannedEnd) })}
        </Typography.Text>
      </Space>
    </List.Item>
  );
}
