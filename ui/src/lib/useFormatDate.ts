import { useTranslation } from 'react-i18next';
import { formatDate } from './dates';

/** `formatDate` with the current language's date pattern (2026年11月29日 in Chinese). */
export function useFormatDate(): (iso: string) => string {
  const { t } = useTranslation();
  const pattern = t('format.date');
  return (iso) => formatDate(iso, pattern);
}
