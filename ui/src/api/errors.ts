import type { TFunction } from 'i18next';
import type { IpcError } from './bindings';
import { isErrorCode } from './rpc';

/**
 * The Chinese (or current language) text for an IPC error: the text of its code, followed by
 * the backend's `detailZh` when present. Messages are never parsed; an unknown code reads as
 * an internal error.
 */
export function errorText(t: TFunction, err: IpcError): string {
  const code = isErrorCode(err.code) ? err.code : 'internal';
  const text = t(`errors.${code}`);
  return err.detailZh ? t('errors.withDetail', { text, detail: err.detailZh }) : text;
}
