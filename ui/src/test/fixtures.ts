import type { AppInfo, CallTarget, DashboardCounts } from '../api/bindings';

export const appInfo: AppInfo = {
  version: '0.1.0',
  ledgerName: '幸福社区',
  ledgerPath: '/home/wangge/.local/share/gridledger/ledger.db',
  schemaVersion: 3,
  encrypted: true,
  statisticalDate: '2026-11-29',
  statisticalCutoff: '15:00',
  modules: ['home', 'settings'],
};

export const dashboard: DashboardCounts = {
  statisticalDate: '2026-11-29',
  communities: 2,
  grids: 5,
  estates: 7,
  buildings: 71,
  units: 271,
  households: 1834,
  people: 4521,
  byResidence: [
    { status: 'hukou', count: 3010 },
    { status: 'resident', count: 812 },
    { status: 'floating', count: 587 },
    { status: 'away', count: 102 },
    { status: 'abroad', count: 10 },
  ],
  byGrid: [
    {
      gridId: 'g1',
      gridName: '第一网格',
      communityName: '幸福社区',
      households: 612,
      people: 1503,
    },
    {
      gridId: 'g2',
      gridName: '第二网格',
      communityName: '幸福社区',
      households: 598,
      people: 1487,
    },
    {
      gridId: 'g3',
      gridName: '第三网格',
      communityName: '和平社区',
      households: 624,
      people: 1531,
    },
  ],
};

export const emptyDashboard: DashboardCounts = {
  statisticalDate: '2026-11-29',
  communities: 1,
  grids: 0,
  estates: 0,
  buildings: 0,
  units: 0,
  households: 0,
  people: 0,
  byResidence: [],
  byGrid: [],
};

/** A call target abroad (韩国 首尔) after one call to a dead number: due for a retry. */
export const callTarget: CallTarget = {
  id: 't1',
  personId: 'p1',
  personName: '金小明',
  residenceStatus: 'abroad',
  address: '幸福家园1栋1单元101',
  place: { kind: 'country', code: 'KR' },
  placeName: '韩国 首尔',
  city: '首尔',
  abroad: true,
  reason: 'study',
  awaySince: '2020-01-10',
  phoneMasked: '139****1234',
  foreignPhoneMasked: '+82****5678',
  relativeName: null,
  relativePhoneMasked: null,
  responsibleWorkerId: null,
  responsibleWorkerName: null,
  note: null,
  state: 'retry',
  calls: 1,
  lastCalledOn: '2020-01-27',
  lastOutcome: 'vacant_number',
  failedTries: 1,
  plannedReturnOn: null,
  dueOn: '2020-01-28',
  dueKind: 'retry',
  arrivalId: null,
  arrivedOn: null,
  createdOn: '2020-01-20',
};
