import type {
  BuildingProgress,
  RegisterNode,
  Sweep,
  SweepHousehold,
  SweepStatus,
  Worker,
} from '../api/bindings';
import { mockBackend, type CallLog, type Handlers } from './backend';
import { appInfo } from './fixtures';

/** Fixtures and a stateful mocked backend of the 入户摸排 tests. */
export const workers: Worker[] = [
  { id: 'w1', name: '王芳', phone: '13905540101' },
  { id: 'w2', name: '李强', phone: null },
];

export const sweeps: Sweep[] = [
  {
    id: 'sw1',
    name: '返乡人员第一轮摸排',
    startDate: '2026-11-20',
    endDate: null,
    communityId: null,
    gridId: 'g1',
    note: '重点：外地返乡',
  },
];

const SCOPES: Record<string, RegisterNode[]> = {
  street: [{ id: 's1', name: '城关街道', children: 1 }],
  'community:s1': [{ id: 'c1', name: '幸福社区', children: 2 }],
  'grid:c1': [
    { id: 'g1', name: '第一网格', children: 1 },
    { id: 'g2', name: '第二网格', children: 1 },
  ],
};

const household = (
  id: string,
  room: string,
  status: SweepStatus | null = null,
): SweepHousehold => ({
  id,
  address: `幸福家园12栋1单元${room}`,
  room,
  headName: room === '101' ? '张三' : null,
  people: 2,
  responsibleWorker: '王芳',
  status,
  visitedAt: status ? '2026-11-21 19:30:00' : null,
  visitedBy: status ? '王芳' : null,
  note: null,
});

const FIELD: Record<SweepStatus, 'visited' | 'noAnswer' | 'vacant' | 'refused'> = {
  visited: 'visited',
  no_answer: 'noAnswer',
  vacant: 'vacant',
  refused: 'refused',
};

/**
 * A backend that remembers statuses: 幸福家园12栋 (4 households, 101 already 无人应答) and
 * 老街平房区 (1 household outside buildings), in sweep sw1.
 */
export function sweepsBackend(handlers: Handlers = {}): CallLog {
  const b12: SweepHousehold[] = [
    household('h1', '101', 'no_answer'),
    household('h2', '102'),
    household('h3', '201'),
    household('h4', '202'),
  ];
  const bungalow: SweepHousehold[] = [{ ...household('h9', '1号'), address: '老街平房区1号' }];
  const rowOf = (
    building: string,
    ids: Pick<BuildingProgress, 'buildingId' | 'estateId' | 'gridId'>,
    hs: SweepHousehold[],
  ): BuildingProgress => {
    const row: BuildingProgress = {
      ...ids,
      building,
      households: hs.length,
      visited: 0,
      noAnswer: 0,
      vacant: 0,
      refused: 0,
      pending: 0,
    };
    for (const h of hs) {
      if (h.status) row[FIELD[h.status]] += 1;
      else row.pending += 1;
    }
    return row;
  };
  const progress = () => {
    const buildings = [
      rowOf('幸福家园12栋', { buildingId: 'b12', estateId: 'e1', gridId: 'g1' }, b12),
      rowOf('老街平房区', { buildingId: null, estateId: 'e2', gridId: 'g1' }, bungalow),
    ];
    return {
      buildings,
      total: rowOf('合计', { buildingId: null, estateId: null, gridId: null }, [
        ...b12,
        ...bungalow,
      ]),
    };
  };
  const record = (ids: string[], status: SweepStatus, workerId?: string) => {
    for (const h of [...b12, ...bungalow]) {
      if (ids.includes(h.id)) {
        h.status = status;
        h.visitedAt = '2026-11-29 20:00:00';
        h.visitedBy = workers.find((w) => w.id === workerId)?.name ?? null;
      }
    }
  };
  return mockBackend({
    app_info: () => ({ ...appInfo, modules: ['home', 'residents', 'sweeps', 'settings'] }),
    register_children: ({ input }) =>
      SCOPES[input.parentId ? `${input.level}:${input.parentId}` : input.level] ?? [],
    list_workers: () => workers,
    list_sweeps: () => sweeps,
    sweep_progress: () => progress(),
    sweep_households: ({ input }) =>
      (input.buildingId === 'b12' ? b12 : bungalow).map((h) => ({ ...h })),
    record_sweep_visits: ({ input }) => {
      record(input.householdIds, input.status, input.workerId);
      return new Set(input.householdIds).size;
    },
    record_sweep_visit: ({ input }) => {
      record([input.householdId], input.status, input.workerId);
      return {
        id: `v-${input.householdId}`,
        sweepId: input.sweepId,
        householdId: input.householdId,
        status: input.status,
        visitedAt: '2026-11-29 20:00:00',
        workerId: input.workerId ?? null,
        note: null,
      };
    },
    ...handlers,
  });
}
