/**
 * Long-running backend jobs that report progress through a Tauri `Channel`. Like every
 * command they go through `call()`, so they too only ever reject with an `IpcError`.
 */
import { Channel } from '@tauri-apps/api/core';
import type { DashboardCounts, ImportOutcome, ImportRequest, JobProgress } from './bindings';
import { assertBackendAvailable, call } from './rpc';

/**
 * Loads the demo data into an empty ledger (the backend refuses a non-empty one and names an
 * unnamed ledger 幸福社区). `onProgress` receives `{ done, total }` as the steps complete,
 * starting with `done: 0`. Resolves with the new dashboard counts.
 */
export async function loadDemo(
  onProgress: (progress: JobProgress) => void,
): Promise<DashboardCounts> {
  // Creating a Channel registers a callback with Tauri, which needs the backend present.
  assertBackendAvailable();
  const channel = new Channel<JobProgress>();
  channel.onmessage = onProgress;
  return call('load_demo', { onProgress: channel });
}

/**
 * Commits an import (every accepted row or none). `onProgress` receives `{ done, total: 100 }`
 * from the plan through the rows to the commit. Resolves with the outcome.
 */
export async function commitImport(
  input: ImportRequest,
  onProgress: (progress: JobProgress) => void,
): Promise<ImportOutcome> {
  assertBackendAvailable();
  const channel = new Channel<JobProgress>();
  channel.onmessage = onProgress;
  return call('commit_import', { input, onProgress: channel });
}
