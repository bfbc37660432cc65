import { mockIPC } from '@tauri-apps/api/mocks';
import type { Command, Commands } from '../api/rpc';
import * as fixtures from './fixtures';

export type Handlers = {
  [K in Command]?: (
    args: Commands[K]['args'],
  ) => Commands[K]['result'] | Promise<Commands[K]['result']>;
};

/** Every command a handler was called with, in order. */
export type CallLog = { cmd: string; args: unknown }[];

/**
 * A mocked backend: the given handlers over defaults that answer with the fixtures. A
 * handler that throws makes the invoke reject with what it threw (like the real backend's
 * IpcError). Unknown commands reject as the real Tauri does, with a plain string.
 */
export function mockBackend(handlers: Handlers = {}): CallLog {
  const all: Handlers = {
    app_info: () => fixtures.appInfo,
    dashboard_counts: () => fixtures.dashboard,
    ...handlers,
  };
  const log: CallLog = [];
  mockIPC((cmd, payload) => {
    log.push({ cmd, args: payload });
    const handler = all[cmd as Command] as ((args: unknown) => unknown) | undefined;
    if (!handler) throw `command ${cmd} not found`;
    return handler(payload);
  });
  return log;
}
