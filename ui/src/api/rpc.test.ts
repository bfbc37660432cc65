import { mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import { appInfo } from '../test/fixtures';
import type { IpcError } from './bindings';
import { BACKEND_UNAVAILABLE, call, toIpcError } from './rpc';

describe('call', () => {
  afterEach(() => {
    delete (window as { __TAURI_INTERNALS__?: unknown }).__TAURI_INTERNALS__;
  });

  it('invokes the command with its arguments and returns the result', async () => {
    const seen: unknown[] = [];
    mockIPC((cmd, payload) => {
      seen.push([cmd, payload]);
      return { ...appInfo, ledgerName: '阳光社区' };
    });
    const info = await call('set_ledger_name', { input: { name: '阳光社区' } });
    expect(info.ledgerName).toBe('阳光社区');
    expect(seen).toEqual([['set_ledger_name', { input: { name: '阳光社区' } }]]);
  });

  it('passes an IpcError rejection through unchanged', async () => {
    const err: IpcError = { code: 'invalidInput', message: 'name too long', detailZh: '太长' };
    mockIPC(() => {
      throw err;
    });
    await expect(call('app_info', {})).rejects.toEqual(err);
  });

  it('normalises a plain-string rejection into an internal IpcError', async () => {
    mockIPC(() => {
      throw 'command app_info not found';
    });
    await expect(call('app_info', {})).rejects.toEqual({
      code: 'internal',
      message: 'command app_info not found',
    });
  });

  it('normalises an Error rejection into an internal IpcError', async () => {
    mockIPC(() => {
      throw new Error('boom');
    });
    await expect(call('dashboard_counts', {})).rejects.toEqual({
      code: 'internal',
      message: 'Error: boom',
    });
  });

  it('rejects as internal when there is no Tauri backend (browser preview)', async () => {
    await expect(call('app_info', {})).rejects.toEqual({
      code: 'internal',
      message: BACKEND_UNAVAILABLE,
    });
  });
});

describe('toIpcError', () => {
  it('keeps objects of the IpcError shape and converts everything else', () => {
    expect(toIpcError({ code: 'notFound', message: 'x' })).toEqual({
      code: 'notFound',
      message: 'x',
    });
    expect(toIpcError({ code: 1, message: 'x' })).toEqual({
      code: 'internal',
      message: '[object Object]',
    });
    expect(toIpcError(null)).toEqual({ code: 'internal', message: 'null' });
    expect(toIpcError(undefined)).toEqual({ code: 'internal', message: 'undefined' });
  });
});
