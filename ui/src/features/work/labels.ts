import type { CheckAnswer, CheckItem, EnterpriseKind } from '../../api/bindings';

/** Enterprise kinds in the order the form offers them (煤矿 first). */
export const KINDS: readonly EnterpriseKind[] = [
  'coal_mine',
  'factory',
  'construction',
  'commerce',
  'service',
  'other',
];

/** The 五到位, in the order of the form and the printed tables. */
export const CHECK_ITEMS: readonly CheckItem[] = [
  'mechanism',
  'screening',
  'supplies',
  'disinfection',
  'safety',
];

export const ANSWERS: readonly CheckAnswer[] = ['yes', 'no', 'na'];

export const ANSWER_COLOR: Record<CheckAnswer, string> = {
  yes: 'green',
  no: 'red',
  na: 'default',
};
