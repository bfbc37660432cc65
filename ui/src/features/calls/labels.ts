import type {
  CallChannel,
  CallDueKind,
  CallOutcome,
  CallReason,
  CallState,
} from '../../api/bindings';

/** The outcomes in the order of the number keys 1–9 of the quick entry. */
export const OUTCOMES: readonly CallOutcome[] = [
  'not_returning',
  'plans_return',
  'returned',
  'no_answer',
  'powered_off',
  'vacant_number',
  'suspended',
  'rejected',
  'wrong_number',
];

export const REACHED: readonly CallOutcome[] = ['not_returning', 'plans_return', 'returned'];

export const CHANNELS: readonly CallChannel[] = ['phone', 'wechat', 'visit', 'relative'];

export const REASONS: readonly CallReason[] = ['tourism', 'study', 'work', 'family', 'other'];

export const STATES: readonly CallState[] = [
  'pending',
  'not_returning',
  'plans_return',
  'returned',
  'retry',
  'lost',
];

export const STATE_COLORS: Record<CallState, string> = {
  pending: 'default',
  not_returning: 'blue',
  plans_return: 'orange',
  returned: 'green',
  retry: 'gold',
  lost: 'red',
};

export const DUE_COLORS: Record<CallDueKind, string> = {
  first: 'blue',
  retry: 'gold',
  reverify: 'cyan',
  expected_return: 'orange',
  register_arrival: 'green',
};
