import { mockIPC } from '../api/mocks';
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

type TauriInternals = { runCallback: (id: number, data: unknown) => void };

/**
 * The backend's end of a `Channel` argument, driven the way Tauri drives it: the channel
 * crosses the IPC as `__CHANNEL__:<callback id>` (its `toJSON()`), each message is delivered
 * as `runCallback(id, { index, message })` with a growing index, and dropping the Rust side
 * sends `{ index, end: true }`, which unregisters the callback. `mockIPC` hands handlers the
 * argument object unserialised, so the Channel itself arrives here.
 */
export function channelSender<T>(channel: unknown) {
  const ref: unknown = JSON.parse(JSON.stringify(channel));
  const match = typeof ref === 'string' ? /^__CHANNEL__:(\d+)$/.exec(ref) : null;
  if (!match) throw new Error(`not a channel: ${String(ref)}`);
  const id = Number(match[1]);
  const internals = (window as unknown as { __TAURI_INTERNALS__: TauriInternals })
    .__TAURI_INTERNALS__;
  let index = 0;
  return {
    /** Delivers `message` with the next index, or with `at` to simulate reordering. */
    send(message: T, at: number = index) {
      internals.runCallback(id, { index: at, message });
      index = Math.max(index, at + 1);
    },
    end() {
      internals.runCallback(id, { index, end: true });
    },
  };
}
