import { ClearOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, DatePicker, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Arrival, ArrivalFilter, OriginClass, Place } from '../../api/bindings';
import { errorText } from '../../api/errors';
import { ArrivalTable } from './ArrivalTable';
import { ORIGIN_CLASSES } from './labels';
import { PlacePicker } from './PlacePicker';
import { PAGE_SIZE, useArrivals, useDeleteArrival, useGrids, useRiskAreas } from './queries';

/** What the worker has chosen above the list. */
export type ArrivalFilters = {
  originClass?: OriginClass;
  fromRiskArea: boolean;
  riskAreaId?: string;
  within?: Place;
  dates?: [Dayjs | null, Dayjs | null] | null;
  gridId?: string;
};

export const NO_FILTERS: ArrivalFilters = { fromRiskArea: false };

const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);

/** The `ArrivalFilter` for the chosen filters and a page: only what was chosen is sent. */
export function arrivalFilter(f: ArrivalFilters, page: number): ArrivalFilter {
  const filter: ArrivalFilter = {
    fromRiskArea: f.fromRiskArea,
    offset: (page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
  };
  if (f.originClass) filter.originClass = f.originClass;
  if (f.riskAreaId) filter.riskAreaId = f.riskAreaId;
  if (f.within) filter.within = f.within;
  const since = iso(f.dates?.[0]);
  const until = iso(f.dates?.[1]);
  if (since) filter.since = since;
  if (until) filter.until = until;
  if (f.gridId) filter.gridId = f.gridId;
  return filter;
}

/**
 * 返乡人员 list: filters over the whole ledger's arrivals, 20 a page. Changing a filter
 * (`onFilters`) is expected to go back to page 1.
 */
export function ArrivalList({
  filters,
  onFilters,
  page,
  onPage,
  onOpenPerson,
  onEdit,
}: {
  filters: ArrivalFilters;
  onFilters: (filters: ArrivalFilters) => void;
  page: number;
  onPage: (page: number) => void;
  onOpenPerson: (personId: string) => void;
  onEdit: (arrival: Arrival) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const arrivals = useArrivals(arrivalFilter(filters, page));
  const areas = useRiskAreas();
  const { grids } = useGrids();
  const remove = useDeleteArrival();
  const f = 'arrivals.filter';

  const set = (patch: Partial<ArrivalFilters>) => onFilters({ ...filters, ...patch });
  const onDelete = (a: Arrival) =>
    remove.mutate(a.id, {
      onSuccess: () => void message.success(t('arrivals.table.deleted', { name: a.personName })),
      onError: (err) =>
        void message.error(t('arrivals.table.deleteFailed', { error: errorText(t, err) })),
    });

  return (
    <Card
      size="small"
      title={t('arrivals.list.title')}
      extra={
        <Typography.Text type="secondary" data-testid="arrivals-total">
          {t('arrivals.list.total', { n: arrivals.data?.total ?? 0 })}
        </Typography.Text>
      }
    >
      <Space wrap size={[12, 8]} style={{ marginBottom: 12 }} data-testid="arrival-filters">
        <Select<OriginClass>
          data-testid="arrival-filter-class"
          allowClear
          aria-label={t(`${f}.class`)}
          placeholder={t(`${f}.classAll`)}
          value={filters.originClass}
          onChange={(c) => set({ originClass: c ?? undefined })}
          options={ORIGIN_CLASSES.map((c) => ({ value: c, label: t(`arrivals.originClass.${c}`) }))}
          style={{ width: 120 }}
        />
        <Checkbox
          data-testid="arrival-filter-risk-only"
          checked={filters.fromRiskArea}
          onChange={(e) => set({ fromRiskArea: e.target.checked })}
        >
          {t(`${f}.fromRiskArea`)}
        </Checkbox>
        <Select<string>
          data-testid="arrival-filter-risk-area"
          allowClear
          aria-label={t(`${f}.riskArea`)}
          placeholder={t(`${f}.riskAreaAll`)}
          value={filters.riskAreaId}
          onChange={(id) => set({ riskAreaId: id ?? undefined })}
          loading={areas.isPending}
          options={(areas.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
          style={{ width: 180 }}
        />
        <Space size={4}>
          <Typography.Text type="secondary">{t(`${f}.within`)}</Typography.Text>
          <PlacePicker
            data-testid="arrival-filter-within"
            value={filters.within}
            onChange={(within) => set({ within })}
            width={220}
          />
        </Space>
        <Space size={4}>
          <Typography.Text type="secondary">{t(`${f}.dates`)}</Typography.Text>
          <DatePicker.RangePicker
            data-testid="arrival-filter-dates"
            allowEmpty={[true, true]}
            value={filters.dates ?? null}
            onChange={(dates) => set({ dates: dates ?? null })}
          />
        </Space>
        <Select<string>
          data-testid="arrival-filter-grid"
          allowClear
          showSearch
          optionFilterProp="label"
          aria-label={t(`${f}.grid`)}
          placeholder={t(`${f}.gridAll`)}
          value={filters.gridId}
          onChange={(id) => set({ gridId: id ?? undefined })}
          options={grids.map((g) => ({
            value: g.id,
            label: t('arrivals.household.grid', { community: g.communityName, grid: g.name }),
          }))}
          style={{ width: 200 }}
        />
        <Button
          icon={<ClearOutlined />}
          onClick={() => onFilters(NO_FILTERS)}
          data-testid="arrival-filter-reset"
        >
          {t(`${f}.reset`)}
        </Button>
      </Space>
      <ArrivalTable
        arrivals={arrivals}
        page={page}
        onPage={onPage}
        onOpenPerson={onOpenPerson}
        onEdit={onEdit}
        onDelete={onDelete}
      />
    </Card>
  );
}
