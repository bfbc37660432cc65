import { describe, expect, it } from 'vitest';
import i18n from '../i18n';
import type { IpcError } from './bindings';
import { errorText } from './errors';

describe('errorText', () => {
  const t = i18n.t.bind(i18n);

  it('maps each code to Chinese text', () => {
    expect(errorText(t, { code: 'invalidInput', message: 'bad' })).toBe('输入有误');
    expect(errorText(t, { code: 'ledgerUnreadable', message: 'x' })).toBe('无法读取台账文件');
    expect(errorText(t, { code: 'internal', message: 'x' })).toBe('程序内部错误');
  });

  it('appends detailZh', () => {
    expect(
      errorText(t, {
        code: 'invalidInput',
        message: 'name too long',
        detailZh: '台账名称不能超过 40 个字',
      }),
    ).toBe('输入有误：台账名称不能超过 40 个字');
  });

  it('reads an unknown code as an internal error', () => {
    const err = { code: 'somethingNew', message: 'x' } as unknown as IpcError;
    expect(errorText(t, err)).toBe('程序内部错误');
  });

  it('follows the UI language', async () => {
    await i18n.changeLanguage('en');
    expect(errorText(t, { code: 'notFound', message: 'x' })).toBe('Record not found');
  });
});
