import { Alert, Card, DatePicker, Flex, Radio, Select, Space, Statistic, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArrivalFilter, Place } from '../../api/bindings';
import { ArrivalTable } from './ArrivalTable';
import { PlacePicker } from './PlacePicker';
import { RescreenButton } from './RescreenButton';
import { PAGE_SIZE, useArrivals, useRiskAreas } from './queries';

/** What the night-time query starts from: a declared risk area, or any place. */
type Source = 'area' | 'place';

/**
 * 风险地区倒查 ("the night-time query"): a risk area is announced — who in the ledger
 * arrived from there since a date? Chooses a risk area (its place) or any place, and a
 * date; lists everyone whose origin lies in it and who arrived on or after the date.
 */
export function NightQuery({ onOpenPerson }: { onOpenPerson: (personId: string) => void }) {
  const { t } = useTranslation();
  const areas = useRiskAreas();
  const [source, setSource] = useState<Source>('area');
  const [areaId, setAreaId] = useState<string | undefined>();
  const [place, setPlace] = useState<Place | undefined>();
  const [since, setSince] = useState<Dayjs | null>(null);
  const [page, setPage] = useState(1);
  const n = 'arrivals.night';

  const area = areas.data?.find((a) => a.id === areaId);
  const within = source === 'area' ? area?.place : place;
  const filter: ArrivalFilter = {
    fromRiskArea: false,
    offset: (page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
  };
  if (within) filter.within = within;
  if (since) filter.since = since.format('YYYY-MM-DD');
  const arrivals = useArrivals(filter, within !== undefined);

  const reset = (apply: () => void) => {
    apply();
    setPage(1);
  };

  return (
    <Flex vertical gap={16}>
      <Card size="small" title={t(`${n}.title`)}>
        <Typography.Paragraph type="secondary">{t(`${n}.explain`)}</Typography.Paragraph>
        <Space wrap size={[16, 8]}>
          <Radio.Group
            optionType="button"
            value={source}
            onChange={(e) => reset(() => setSource(e.target.value as Source))}
            options={[
              { value: 'area', label: t(`${n}.byArea`) },
              { value: 'place', label: t(`${n}.byPlace`) },
            ]}
            data-testid="night-source"
          />
          {source === 'area' ? (
            <Select<string>
              data-testid="night-area"
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder={t(`${n}.areaPlaceholder`)}
              value={areaId}
              onChange={(id) => reset(() => setAreaId(id ?? undefined))}
              loading={areas.isPending}
              options={(areas.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
              style={{ width: 240 }}
            />
          ) : (
            <PlacePicker
              data-testid="night-place"
              value={place}
              onChange={(p) => reset(() => setPlace(p))}
            />
          )}
          <Space size={4}>
            <Typography.Text>{t(`${n}.since`)}</Typography.Text>
            <DatePicker
              data-testid="night-since"
              format="YYYY-MM-DD"
              value={since}
              onChange={(d) => reset(() => setSince(d))}
              placeholder={t(`${n}.sincePlaceholder`)}
            />
          </Space>
        </Space>
      </Card>
      {!within ? (
        <Alert type="info" showIcon message={t(`${n}.hint`)} />
      ) : (
        <Card
          size="small"
          data-testid="night-result"
          title={
            <div data-testid="night-count">
              <Statistic
                title={t(`${n}.resultTitle`)}
                value={arrivals.data?.total ?? 0}
                suffix={t(`${n}.people`)}
                loading={arrivals.isPending}
                valueStyle={{ fontSize: 20 }}
              />
            </div>
          }
          extra={
            <Space data-testid="night-actions">
              {(arrivals.data?.total ?? 0) > 0 && (
                <RescreenButton filter={filter} title={area?.name ?? t(`${n}.byPlace`)} />
              )}
            </Space>
          }
        >
          <ArrivalTable
            data-testid="night-table"
            arrivals={arrivals}
            page={page}
            onPage={setPage}
            onOpenPerson={onOpenPerson}
          />
        </Card>
      )}
    </Flex>
  );
}
