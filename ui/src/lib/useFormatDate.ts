import { useTranslation } from 'react-i18next';
import { formatDate } from './dates';

/**
 * `formatDate` with the current language's date pattern: `long` (2026年11月29日 in
 * Chinese) for a date read on its own, `short` (2026-11-29) for dates in tables and
 * ledgers, where they line up in columns.
 */
export function useFormatDate(style: 'long' | 'short' = 'long'): (iso: string) => string {
  const { t } = useTranslation();
  const pattern = t(style === 'long' ? 'format.date' : 'format.dateShort');
  return (iso) => formatDate(iso, pattern);
}
