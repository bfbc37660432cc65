import type {
  CheckRound,
  HealthCheck,
  Isolation,
  IsolationPolicy,
  MonitoringGrid,
  RoundRow,
  Worklist,
} from '../api/bindings';
import type { CallLog, Handlers } from './backend';
import { appInfo } from './fixtures';
import { registerChildren, residentsBackend } from './residents';

/** Fixtures and a mocked backend of the 居家隔离 · 健康监测 tests (statistical date 2020-01-25). */
export const TODAY = '2020-01-25';

export const isolation = (over: Partial<Isolation> = {}): Isolation => ({
  id: 'i1',
  personId: 'p1',
  personName: '张三',
  idNumberMasked: '420102********1234',
  phoneMasked: '138****1234',
  address: '幸福家园12栋1单元101',
  kind: 'home',
  startRule: 'arrival',
  arrivalId: 'a1',
  contactId: null,
  startDate: '2020-01-21',
  days: 14,
  plannedEnd: '2020-02-03',
  checksPerDay: 2,
  followUpDays: [1, 2, 3, 7, 14],
  status: 'active',
  day: 5,
  endedOn: null,
  endReason: null,
  planReason: null,
  place: null,
  note: null,
  checksDone: 7,
  checksMissing: 1,
  openFevers: 1,
  ...over,
});

export const zhang = isolation();
export const li = isolation({
  id: 'i2',
  personId: 'p2',
  personName: '李四',
  address: '幸福家园12栋1单元102',
  startDate: '2020-01-23',
  plannedEnd: '2020-02-05',
  day: 3,
  checksDone: 4,
  checksMissing: 0,
  openFevers: 0,
});
export const wang = isolation({
  id: 'i3',
  personId: 'p3',
  personName: '王五',
  kind: 'monitoring',
  address: '幸福家园12栋2单元301',
  day: 2,
  checksDone: 2,
  checksMissing: 0,
  openFevers: 0,
});

export const policy: IsolationPolicy = {
  kinds: [
    {
      kind: 'home',
      days: 14,
      startRule: 'arrival',
      checksPerDay: 2,
      followUpDays: [1, 2, 3, 7, 14],
    },
    { kind: 'central', days: 14, startRule: 'arrival', checksPerDay: 2, followUpDays: [] },
    { kind: 'monitoring', days: 7, startRule: 'departure', checksPerDay: 2, followUpDays: [] },
  ],
};

export const check = (over: Partial<HealthCheck>): HealthCheck => ({
  id: 'hc',
  isolationId: 'i1',
  date: '2020-01-21',
  slot: 1,
  temperature: '36.5',
  fever: false,
  symptoms: [],
  method: 'visit',
  checkedByName: '王芳',
  checkedAt: '2020-01-21 08:30:00',
  note: null,
  ...over,
});

/** 张三, day 5 of 14: day 2 has a fever in the morning and nothing in the afternoon. */
export const grid: MonitoringGrid = {
  isolation: zhang,
  days: [
    {
      date: '2020-01-21',
      day: 1,
      slots: [check({ id: 'c1' }), check({ id: 'c2', slot: 2, temperature: '36.7' })],
    },
    {
      date: '2020-01-22',
      day: 2,
      slots: [
        check({
          id: 'c3',
          date: '2020-01-22',
          temperature: '38.1',
          fever: true,
          symptoms: ['cough'],
        }),
        null,
      ],
    },
    {
      date: '2020-01-23',
      day: 3,
      slots: [
        check({ id: 'c4', date: '2020-01-23' }),
        check({ id: 'c5', date: '2020-01-23', slot: 2 }),
      ],
    },
    {
      date: '2020-01-24',
      day: 4,
      slots: [
        check({ id: 'c6', date: '2020-01-24' }),
        check({ id: 'c7', date: '2020-01-24', slot: 2 }),
      ],
    },
    { date: TODAY, day: 5, slots: [null, null] },
    { date: '2020-01-26', day: 6, slots: [null, null] },
  ],
};

export const worklist: Worklist = {
  date: TODAY,
  due: [
    { isolation: zhang, missingSlots: [1, 2] },
    { isolation: li, missingSlots: [2] },
  ],
  duePerSlot: [3, 2],
  overdue: [zhang],
  endingToday: [isolation({ id: 'i4', personName: '赵六', day: 14, plannedEnd: TODAY })],
  endingTomorrow: [isolation({ id: 'i5', personName: '钱七', day: 13, plannedEnd: '2020-01-26' })],
  releaseDue: [isolation({ id: 'i6', personName: '孙八', day: 14, plannedEnd: '2020-01-24' })],
  fevers: [
    {
      id: 'f1',
      personId: 'p1',
      personName: '张三',
      address: '幸福家园12栋1单元101',
      isolationId: 'i1',
      healthCheckId: 'c3',
      temperature: '38.1',
      detectedAt: '2020-01-22 08:30:00',
      handledOn: null,
      referral: null,
      result: null,
      note: null,
    },
  ],
  followUps: [
    {
      isolationId: 'i7',
      personId: 'p7',
      personName: '周九',
      phoneMasked: '139****5678',
      releasedOn: '2020-01-22',
      day: 3,
      dueOn: TODAY,
    },
  ],
};

/**
 * The residents backend with 隔离监测 reported; building_round remembers the checks added,
 * and a temperature of 37.3 or more is a fever (as the core's default threshold).
 */
export function isolationBackend(handlers: Handlers = {}): CallLog {
  const recorded = new Map<string, HealthCheck>();
  const roundRows = (): RoundRow[] =>
    [zhang, li, wang].map((i) => ({ isolation: i, check: recorded.get(i.id) ?? null }));
  const addChecks = ({ input }: { input: CheckRound }) => {
    const fevers: string[] = [];
    input.checks.forEach((c, n) => {
      const fever = Number(c.temperature) >= 37.3;
      recorded.set(c.isolationId, {
        ...check({ id: `new${n}`, isolationId: c.isolationId, date: c.date, slot: c.slot }),
        temperature: c.temperature ?? null,
        symptoms: c.symptoms,
        method: c.method,
        fever,
      });
      if (fever) fevers.push(`fever${n}`);
    });
    return { checks: input.checks.map((_, n) => `new${n}`), fevers };
  };
  return residentsBackend({
    app_info: () => ({
      ...appInfo,
      statisticalDate: TODAY,
      modules: ['home', 'residents', 'isolation', 'settings'],
    }),
    register_children: registerChildren,
    list_isolations: () => ({ rows: [zhang, li], total: 2 }),
    isolation_policy: () => policy,
    monitoring_grid: () => grid,
    building_round: () => roundRows(),
    add_checks: addChecks,
    worklist: () => worklist,
    ...handlers,
  });
}
