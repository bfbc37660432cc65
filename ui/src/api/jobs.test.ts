import { mockIPC } from '@tauri-apps/api/mocks';
import { describe, expect, it } from 'vitest';
import { channelSender } from '../test/backend';
import { dashboard } from '../test/fixtures';
import type { JobProgress } from './bindings';
import { loadDemo } from './jobs';
import { BACKEND_UNAVAILABLE } from './rpc';

describe('loadDemo', () => {
  it('passes a channel and reports its messages in order, then resolves', async () => {
    const cmds: string[] = [];
    mockIPC((cmd, payload) => {
      cmds.push(cmd);
      const args = payload as { onProgress: unknown };
      expect(JSON.stringify(args)).toMatch(/^\{"onProgress":"__CHANNEL__:\d+"\}$/);
      const channel = channelSender<JobProgress>(args.onProgress);
      channel.send({ done: 0, total: 2 }, 0);
      channel.send({ done: 2, total: 2 }, 2); // arrives early: held back until index 1
      channel.send({ done: 1, total: 2 }, 1);
      channel.end();
      return dashboard;
    });
    const seen: JobProgress[] = [];
    await expect(loadDemo((p) => seen.push(p))).resolves.toEqual(dashboard);
    expect(cmds).toEqual(['load_demo']);
    expect(seen).toEqual([
      { done: 0, total: 2 },
      { done: 1, total: 2 },
      { done: 2, total: 2 },
    ]);
  });

  it('rejects with an IpcError', async () => {
    mockIPC(() => {
      throw { code: 'invalidInput', message: 'ledger not empty', detailZh: '台账中已有数据' };
    });
    await expect(loadDemo(() => {})).rejects.toEqual({
      code: 'invalidInput',
      message: 'ledger not empty',
      detailZh: '台账中已有数据',
    });
  });

  it('rejects as internal when there is no Tauri backend (browser preview)', async () => {
    delete (window as { __TAURI_INTERNALS__?: unknown }).__TAURI_INTERNALS__;
    await expect(loadDemo(() => {})).rejects.toEqual({
      code: 'internal',
      message: BACKEND_UNAVAILABLE,
    });
  });
});
