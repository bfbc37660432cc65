import type { BuildingProgress, SweepStatus } from '../../api/bindings';

/** The statuses a household can be given in a sweep, in the order they are offered. */
export const SWEEP_STATUSES: readonly SweepStatus[] = ['visited', 'no_answer', 'vacant', 'refused'];

/** Tag colours per status, and for households not visited yet (未访). */
export const SWEEP_STATUS_COLORS: Record<SweepStatus | 'pending', string> = {
  visited: 'green',
  no_answer: 'orange',
  vacant: 'default',
  refused: 'red',
  pending: 'blue',
};

/** The field of a progress row that counts each status. */
export const PROGRESS_FIELD: Record<
  SweepStatus | 'pending',
  keyof Pick<BuildingProgress, 'visited' | 'noAnswer' | 'vacant' | 'refused' | 'pending'>
> = {
  visited: 'visited',
  no_answer: 'noAnswer',
  vacant: 'vacant',
  refused: 'refused',
  pending: 'pending',
};

/** Per cent of a row's households with a status recorded (rounded down, 0 for none). */
export function percentDone(row: BuildingProgress): number {
  if (row.households === 0) return 0;
  return Math.floor(((row.households - row.pending) * 100) / row.households);
}
