import type { AppInfo, DashboardCounts } from '../api/bindings';

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
