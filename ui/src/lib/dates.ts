import dayjs from 'dayjs';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Formats a `YYYY-MM-DD` date from the backend with a dayjs pattern (e.g. `YYYY年M月D日`).
 * Dates are only displayed here, never computed. A value that is not a valid ISO date is
 * shown as it came.
 */
export function formatDate(iso: string, pattern: string): string {
  if (!ISO_DATE.test(iso)) return iso;
  const date = dayjs(iso);
  if (!date.isValid() || date.format('YYYY-MM-DD') !== iso) return iso;
  return date.format(pattern);
}
