/**
 * The one typed gateway to the Tauri backend. Nothing outside `src/api/` imports
 * `@tauri-apps/*` (an ESLint rule enforces it); screens use `call()` through TanStack Query.
 */
import { invoke, type Channel } from '@tauri-apps/api/core';
import type {
  AppInfo,
  BulkBuilding,
  BulkBuildingSummary,
  ChildrenQuery,
  DashboardCounts,
  ErrorCode,
  HouseholdRow,
  HouseholdsQuery,
  IdArg,
  IdNumberArg,
  IdNumberInfo,
  IpcError,
  JobProgress,
  PersonDetail,
  PersonFilter,
  PersonHit,
  PersonInput,
  PersonPage,
  RegisterNode,
  RevealedPerson,
  SearchQuery,
  SetLedgerName,
} from './bindings';

/** Every backend command: its invoke name, its argument object and its result. */
export type Commands = {
  app_info: { args: Record<string, never>; result: AppInfo };
  dashboard_counts: { args: Record<string, never>; result: DashboardCounts };
  set_ledger_name: { args: { input: SetLedgerName }; result: AppInfo };
  /** Fills an empty ledger with demo data; see `loadDemo()` in `jobs.ts`. */
  load_demo: { args: { onProgress: Channel<JobProgress> }; result: DashboardCounts };
  /** The nodes of one level of the register tree under a parent (none for streets). */
  register_children: { args: { input: ChildrenQuery }; result: RegisterNode[] };
  /** The households of a building or unit, or those directly under an estate or grid. */
  register_households: { args: { input: HouseholdsQuery }; result: HouseholdRow[] };
  list_people: { args: { input: PersonFilter }; result: PersonPage };
  /** One person; ID number and phone come masked. */
  get_person: { args: { input: IdArg }; result: PersonDetail };
  /** The full ID number and phone; the backend records the view in the audit log. */
  reveal_person: { args: { input: IdArg }; result: RevealedPerson };
  inspect_id_number: { args: { input: IdNumberArg }; result: IdNumberInfo };
  add_person: { args: { input: PersonInput }; result: PersonDetail };
  search_people: { args: { input: SearchQuery }; result: PersonHit[] };
  bulk_create_building: { args: { input: BulkBuilding }; result: BulkBuildingSummary };
};

export type Command = keyof Commands;

/** The message of the error `call()` rejects with when no Tauri backend is present. */
export const BACKEND_UNAVAILABLE =
  'backend unavailable: the GridLedger desktop backend is not running (browser preview?)';

const ERROR_CODES: readonly ErrorCode[] = [
  'invalidInput',
  'notFound',
  'ledgerTooNew',
  'ledgerUnreadable',
  'internal',
];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** True for the `{ code, message, detailZh? }` object the backend rejects with. */
export function isIpcError(value: unknown): value is IpcError {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.code === 'string' &&
    typeof v.message === 'string' &&
    (v.detailZh === undefined || typeof v.detailZh === 'string')
  );
}

/** Turns any rejection into an `IpcError`, so callers only ever see one error shape. */
export function toIpcError(e: unknown): IpcError {
  if (isIpcError(e)) return e;
  return { code: 'internal', message: String(e) };
}

function backendAvailable(): boolean {
  const internals = (window as { __TAURI_INTERNALS__?: { invoke?: unknown } }).__TAURI_INTERNALS__;
  return typeof internals?.invoke === 'function';
}

/** Throws the `IpcError` of a missing backend (browser preview) unless Tauri is present. */
export function assertBackendAvailable(): void {
  if (!backendAvailable()) {
    throw { code: 'internal', message: BACKEND_UNAVAILABLE } satisfies IpcError;
  }
}

/** Invokes a backend command; always rejects with an `IpcError`. */
export async function call<K extends Command>(
  cmd: K,
  args: Commands[K]['args'],
): Promise<Commands[K]['result']> {
  assertBackendAvailable();
  try {
    return await invoke<Commands[K]['result']>(cmd, args);
  } catch (e) {
    throw toIpcError(e);
  }
}
