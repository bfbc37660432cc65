import dayjs, { type Dayjs } from 'dayjs';

/** A backend date (YYYY-MM-DD) as a DatePicker value. */
export const toPicker = (iso: string | null | undefined): Dayjs | undefined =>
  iso ? dayjs(iso) : undefined;

/** A DatePicker value as the backend's YYYY-MM-DD. */
export const fromPicker = (d: Dayjs): string => d.format('YYYY-MM-DD');

/**
 * The default date for entering a check: the statistical date, but never after the
 * calendar day (after the cut-off the statistical date is tomorrow, whose checks cannot be
 * taken yet; the core refuses future checks and stays the authority).
 */
export const defaultCheckDate = (statistical: string | null | undefined): string => {
  const calendar = dayjs().format('YYYY-MM-DD');
  return statistical && statistical < calendar ? statistical : calendar;
};
