import type { Exposure } from '../../api/bindings';

export const EXPOSURES: readonly Exposure[] = ['household', 'meal', 'work', 'travel', 'other'];

export const EXPOSURE_COLORS: Record<Exposure, string> = {
  household: 'red',
  meal: 'orange',
  work: 'gold',
  travel: 'purple',
  other: 'default',
};
