import type { TFunction } from 'i18next';
import type { MatchKind, ResidenceStatus } from '../../api/bindings';

export const RESIDENCE_STATUSES: readonly ResidenceStatus[] = [
  'hukou',
  'resident',
  'floating',
  'away',
  'abroad',
];

export const RESIDENCE_COLORS: Record<ResidenceStatus, string> = {
  hukou: 'blue',
  resident: 'green',
  floating: 'orange',
  away: 'purple',
  abroad: 'magenta',
};

export const MATCH_COLORS: Record<MatchKind, string> = {
  idNumber: 'geekblue',
  phone: 'cyan',
  name: 'green',
  pinyin: 'gold',
  address: 'default',
};

/** 'male' / 'female' in words; anything else as it came. */
export function sexText(t: TFunction, sex: string | null): string {
  if (sex === 'male' || sex === 'female') return t(`residents.sex.${sex}`);
  return sex ?? '';
}
