/**
 * The one typed gateway to the Tauri backend. Nothing outside `src/api/` imports
 * `@tauri-apps/*` (an ESLint rule enforces it); screens use `call()` through TanStack Query.
 */
import { invoke, type Channel } from '@tauri-apps/api/core';
import type {
  AppInfo,
  ExportPath,
  SituationReportExport,
  BulkCallTargets,
  BulkCallTargetsOutcome,
  CallCandidate,
  CallCounts,
  CallList,
  CallListQuery,
  CallPolicy,
  CallTarget,
  CallTargetDetail,
  CallTargetFilter,
  NewCall,
  NewCallTarget,
  BulkRelease,
  BulkReleaseOutcome,
  CheckRound,
  CheckRoundOutcome,
  EndIsolation,
  FeverEvent,
  HandleFever,
  Isolation,
  IsolationFilter,
  IsolationPage,
  IsolationPolicy,
  IsolationProposal,
  IsolationSource,
  MonitoringGrid,
  NewFollowUp,
  NewIsolation,
  Replan,
  RoundQuery,
  RoundRow,
  Worklist,
  Arrival,
  ArrivalFilter,
  ArrivalPage,
  ArrivalUpdate,
  ContactChain,
  ContactFilter,
  ContactPage,
  HouseholdContacts,
  HouseholdContactsSummary,
  NewArrival,
  NewContact,
  NewRiskArea,
  RiskArea,
  RiskAreaUpdate,
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
  MergePeople,
  NewSweep,
  NewWorker,
  PersonDetail,
  PersonFilter,
  PersonHit,
  PersonInput,
  PersonPage,
  RecordSweepVisit,
  RegisterArrival,
  RescreenArrivals,
  RescreenSummary,
  RecordSweepVisits,
  RegisterNode,
  RevealedPerson,
  SearchQuery,
  SetHomeRegion,
  SetLedgerName,
  Sweep,
  SweepHousehold,
  SweepHouseholdsQuery,
  SweepProgress,
  SweepVisit,
  Worker,
  Checkpoint,
  GateCheck,
  GateCheckOutcome,
  GateDay,
  GateDayQuery,
  GateSummary,
  NewCheckpoint,
  NewGateCheck,
  NewPublicity,
  Publicity,
  PublicityRange,
  PublicityTotals,
  ImportLogEntry,
  ImportLogQuery,
  ImportMapping,
  ImportMappingQuery,
  ImportOutcome,
  ImportPreview,
  ImportRequest,
  StagedFile,
  VoidGateCheck,
  PreviewRowsPage,
  PreviewRowsQuery,
  CertificateFilter,
  CertificatePage,
  CertificateSettings,
  Difficulty,
  DifficultyFilter,
  EligibleHousehold,
  EligibleQuery,
  Enterprise,
  EnterpriseUpdate,
  EnterpriseVisit,
  NewCallBack,
  NewDifficulty,
  NewDifficultyFollowUp,
  NewEnterprise,
  NewSupplyFollowUp,
  NewSupplyIssue,
  NewSupplyItem,
  NewSupplyReceipt,
  NewVisit,
  NewWorkCertificate,
  SaveCertificate,
  SupplyCounts,
  SupplyEligibility,
  SupplyFollowUp,
  SupplyIssue,
  SupplyIssueFilter,
  SupplyIssuePage,
  SupplyItem,
  SupplyItemUpdate,
  SupplyReceipt,
  VisitFilter,
  VisitUpdate,
  VoidCertificate,
  WorkCertificate,
  WorkCounts,
  ExportLogEntry,
  ExportRequest,
  ExportResult,
  FormPreview,
  FormSummary,
  DailyStats,
  SituationReport,
  StatsDateArg,
  TrendPoint,
} from './bindings';

/** Every backend command: its invoke name, its argument object and its result. */
export type Commands = {
  app_info: { args: Record<string, never>; result: AppInfo };
  dashboard_counts: { args: Record<string, never>; result: DashboardCounts };
  set_ledger_name: { args: { input: SetLedgerName }; result: AppInfo };
  set_home_region: { args: { input: SetHomeRegion }; result: AppInfo };
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
  /** Merges `removeId` into `keepId`; answers the kept person (masked). */
  merge_people: { args: { input: MergePeople }; result: PersonDetail };
  /** Grid workers (网格员), in the order they were registered. */
  list_workers: { args: Record<string, never>; result: Worker[] };
  add_worker: { args: { input: NewWorker }; result: Worker };
  /** Screening sweeps (摸排轮次), the latest start first. */
  list_sweeps: { args: Record<string, never>; result: Sweep[] };
  create_sweep: { args: { input: NewSweep }; result: Sweep };
  /** Progress per building and in total; `input.id` is the sweep's. */
  sweep_progress: { args: { input: IdArg }; result: SweepProgress };
  /** The households of one progress row with their status in the sweep. */
  sweep_households: { args: { input: SweepHouseholdsQuery }; result: SweepHousehold[] };
  /** The status of one household, recorded as of now. */
  record_sweep_visit: { args: { input: RecordSweepVisit }; result: SweepVisit };
  /** One status for many households in one transaction; answers how many were recorded. */
  record_sweep_visits: { args: { input: RecordSweepVisits }; result: number };
  /** Arrivals (返乡摸排), newest arrival first, one page and the total. */
  list_arrivals: { args: { input: ArrivalFilter }; result: ArrivalPage };
  /** Registers an arrival; answers it as read back (origin class, risk areas derived). */
  add_arrival: { args: { input: NewArrival }; result: Arrival };
  register_arrival: { args: { input: RegisterArrival }; result: Arrival };
  rescreen_arrivals: { args: { input: RescreenArrivals }; result: RescreenSummary };
  /** 导入: the dry run of a list (xlsx / xls / ods / csv bytes), per row and counted. */
  /** Called through `stageImportFile` only: a raw body, the name in a header. */
  stage_import_file: { args: Uint8Array; result: StagedFile };
  preview_import: { args: { input: ImportRequest }; result: ImportPreview };
  /** One page of a preview's rows (by status); the preview itself carries only page one. */
  import_preview_rows: { args: { input: PreviewRowsQuery }; result: PreviewRowsPage };
  /** Writes every accepted row in one transaction, or none; logged for undo. */
  /** Commits an import; see `commitImport()` in `jobs.ts`. */
  commit_import: {
    args: { input: ImportRequest; onProgress: Channel<JobProgress> };
    result: ImportOutcome;
  };
  /** The rejected rows as xlsx bytes. */
  import_error_report: { args: { input: ImportRequest }; result: ArrayBuffer };
  list_imports: { args: { input: ImportLogQuery }; result: ImportLogEntry[] };
  /** Undoes an import as a whole; refused once something changed on top of it. */
  undo_import: { args: { input: IdArg }; result: null };
  save_import_mapping: { args: { input: ImportMapping }; result: null };
  get_import_mapping: { args: { input: ImportMappingQuery }; result: ImportMapping | null };
  list_import_mappings: { args: Record<string, never>; result: ImportMapping[] };
  update_arrival: { args: { input: ArrivalUpdate }; result: Arrival };
  delete_arrival: { args: { input: IdArg }; result: null };
  /** Risk areas (风险地区), in force ones first, with their arrival counts. */
  list_risk_areas: { args: Record<string, never>; result: RiskArea[] };
  /** Declares a risk area; answers its id. */
  add_risk_area: { args: { input: NewRiskArea }; result: string };
  /** Changes a risk area (e.g. sets its until date when it is lifted). */
  update_risk_area: { args: { input: RiskAreaUpdate }; result: null };
  delete_risk_area: { args: { input: IdArg }; result: null };
  /** Records a close contact (密切接触者); answers its id. */
  add_contact: { args: { input: NewContact }; result: string };
  /** Every other member of a household becomes a contact of the index person. */
  add_household_contacts: {
    args: { input: HouseholdContacts };
    result: HouseholdContactsSummary;
  };
  delete_contact: { args: { input: IdArg }; result: null };
  list_contacts: { args: { input: ContactFilter }; result: ContactPage };
  /** A person's contact chain both ways (`input.id` is the person's). */
  contact_chain: { args: { input: IdArg }; result: ContactChain };
  /** The isolation policy (居家隔离 / 集中隔离 / 居家健康监测: days, start rule, checks). */
  isolation_policy: { args: Record<string, never>; result: IsolationPolicy };
  set_isolation_policy: { args: { input: IsolationPolicy }; result: IsolationPolicy };
  /** The dates the policy gives for a person (from an arrival or contact when there is one). */
  propose_isolation: { args: { input: IsolationSource }; result: IsolationProposal };
  start_isolation: { args: { input: NewIsolation }; result: Isolation };
  /** Isolations on the statistical date (day N, checks missing, open fevers). */
  list_isolations: { args: { input: IsolationFilter }; result: IsolationPage };
  /** A new length (延长 / 缩短), only with a reason. */
  replan_isolation: { args: { input: Replan }; result: Isolation };
  /** 解除 / 转送 / 失访. */
  end_isolation: { args: { input: EndIsolation }; result: Isolation };
  /** Releases many at once; answers those released and those refused with the reason. */
  release_isolations: { args: { input: BulkRelease }; result: BulkReleaseOutcome };
  /** A round of health checks in one transaction; answers the fever events raised. */
  add_checks: { args: { input: CheckRound }; result: CheckRoundOutcome };
  /** A person's monitoring grid (days × slots); `input.id` is the isolation's. */
  monitoring_grid: { args: { input: IdArg }; result: MonitoringGrid };
  handle_fever: { args: { input: HandleFever }; result: FeverEvent };
  /** Everything due on the statistical date (今日工作). */
  worklist: { args: Record<string, never>; result: Worklist };
  record_follow_up: { args: { input: NewFollowUp }; result: null };
  /** The people of a building in isolation on a date, with the check of a slot if any. */
  building_round: { args: { input: RoundQuery }; result: RoundRow[] };
  // 卡口 (gate). Days are calendar days.
  list_checkpoints: { args: Record<string, never>; result: Checkpoint[] };
  /** Adds a checkpoint; answers them all. */
  add_checkpoint: { args: { input: NewCheckpoint }; result: Checkpoint[] };
  /** One entry; a fever refuses it and raises a fever event. */
  add_gate_check: { args: { input: NewGateCheck }; result: GateCheckOutcome };
  void_gate_check: { args: { input: VoidGateCheck }; result: null };
  gate_day: { args: { input: GateDayQuery }; result: GateDay };
  /** A person's gate checks, newest first; `input.id` is the person's. */
  person_gate_checks: { args: { input: IdArg }; result: GateCheck[] };
  /** Today's counts over all checkpoints (首页). */
  gate_summary: { args: Record<string, never>; result: GateSummary };
  // 宣传 (publicity).
  add_publicity: { args: { input: NewPublicity }; result: string };
  delete_publicity: { args: { input: IdArg }; result: null };
  list_publicity: { args: { input: PublicityRange }; result: Publicity[] };
  publicity_totals: { args: { input: PublicityRange }; result: PublicityTotals };
  /** Supply items (物资) with their stock, derived from receipts and issues. */
  list_supply_items: { args: Record<string, never>; result: SupplyItem[] };
  add_supply_item: { args: { input: NewSupplyItem }; result: SupplyItem };
  update_supply_item: { args: { input: SupplyItemUpdate }; result: SupplyItem };
  /** Only an item never received nor issued. */
  delete_supply_item: { args: { input: IdArg }; result: null };
  /** The receipts (入库) of an item; `input.id` is the item's. */
  list_supply_receipts: { args: { input: IdArg }; result: SupplyReceipt[] };
  /** Records stock received; answers the item with its new balance. */
  add_supply_receipt: { args: { input: NewSupplyReceipt }; result: SupplyItem };
  /** Refused when the stock was already handed out (the balance would go negative). */
  delete_supply_receipt: { args: { input: IdArg }; result: null };
  list_supply_issues: { args: { input: SupplyIssueFilter }; result: SupplyIssuePage };
  /** Refused, naming the balance, when the stock is short. */
  add_supply_issue: { args: { input: NewSupplyIssue }; result: SupplyIssue };
  delete_supply_issue: { args: { input: IdArg }; result: null };
  /** The follow-up visits (回访) of an issue; `input.id` is the issue's. */
  list_supply_follow_ups: { args: { input: IdArg }; result: SupplyFollowUp[] };
  add_supply_follow_up: { args: { input: NewSupplyFollowUp }; result: SupplyFollowUp[] };
  supply_eligibility: { args: Record<string, never>; result: SupplyEligibility };
  set_supply_eligibility: { args: { input: SupplyEligibility }; result: SupplyEligibility };
  /** Households eligible under the settings, with the reasons and the last issue. */
  eligible_households: { args: { input: EligibleQuery }; result: EligibleHousehold[] };
  supply_counts: { args: Record<string, never>; result: SupplyCounts };
  /** Enterprises resuming work (复工复产) with their visits and open difficulties. */
  list_enterprises: { args: Record<string, never>; result: Enterprise[] };
  /** Answers the new enterprise's id. */
  add_enterprise: { args: { input: NewEnterprise }; result: string };
  update_enterprise: { args: { input: EnterpriseUpdate }; result: null };
  list_enterprise_visits: { args: { input: VisitFilter }; result: EnterpriseVisit[] };
  /** A final visit needs the 五到位 complete; a draft is saved as it is. */
  add_enterprise_visit: { args: { input: NewVisit }; result: EnterpriseVisit };
  update_enterprise_visit: { args: { input: VisitUpdate }; result: EnterpriseVisit };
  list_difficulties: { args: { input: DifficultyFilter }; result: Difficulty[] };
  add_difficulty: { args: { input: NewDifficulty }; result: string };
  /** A follow-up; `close` closes the difficulty. */
  add_difficulty_follow_up: { args: { input: NewDifficultyFollowUp }; result: string };
  work_counts: { args: Record<string, never>; result: WorkCounts };
  /** Work certificates (外出务工证明), latest number first. */
  list_work_certificates: { args: { input: CertificateFilter }; result: CertificatePage };
  get_work_certificate: { args: { input: IdArg }; result: WorkCertificate };
  /** Issues the next number of the year. */
  issue_work_certificate: { args: { input: NewWorkCertificate }; result: WorkCertificate };
  /** The certificate keeps its number. */
  void_work_certificate: { args: { input: VoidCertificate }; result: WorkCertificate };
  add_certificate_call_back: { args: { input: NewCallBack }; result: WorkCertificate };
  /** Certificates whose holder was not yet reached after the settings' days. */
  certificate_call_backs_due: { args: Record<string, never>; result: WorkCertificate[] };
  certificate_settings: { args: Record<string, never>; result: CertificateSettings };
  set_certificate_settings: {
    args: { input: CertificateSettings };
    result: CertificateSettings;
  };
  /** Writes the printable A4 certificate (xlsx) to an absolute path; answers the path. */
  save_work_certificate: { args: { input: SaveCertificate }; result: string };
  /** 电话核实: the call policy (retries, 失联 limit, re-verification, return window). */
  call_policy: { args: Record<string, never>; result: CallPolicy };
  set_call_policy: { args: { input: CallPolicy }; result: CallPolicy };
  /** The call list of a date (default the statistical date): due targets and lost ones. */
  call_list: { args: { input: CallListQuery }; result: CallList };
  list_call_targets: { args: { input: CallTargetFilter }; result: CallTarget[] };
  /** A target with its calls and its numbers in full (audited). */
  call_target_detail: { args: { input: IdArg }; result: CallTargetDetail };
  add_call_target: { args: { input: NewCallTarget }; result: CallTarget };
  add_call_targets: { args: { input: BulkCallTargets }; result: BulkCallTargetsOutcome };
  delete_call_target: { args: { input: IdArg }; result: null };
  /** Logs a call; answers the target with its new derived state. */
  add_call: { args: { input: NewCall }; result: CallTarget };
  delete_call: { args: { input: IdArg }; result: null };
  /** People away or abroad in the register without an open target. */
  call_candidates: { args: Record<string, never>; result: CallCandidate[] };
  /** The 首页 card: targets by latest outcome and by state. */
  call_counts: { args: Record<string, never>; result: CallCounts };
  /** The day's numbers by grid and in total (statistical date by default). */
  daily_stats: { args: { input: StatsDateArg }; result: DailyStats };
  /** The 30 days ending on the date: totals per day. */
  daily_trend: { args: { input: StatsDateArg }; result: TrendPoint[] };
  /** The 情况汇报 draft and the WeChat text, generated from the numbers. */
  situation_report: { args: { input: StatsDateArg }; result: SituationReport };
  /** Form definitions (shipped and user copies) with their validation state. */
  list_forms: { args: Record<string, never>; result: FormSummary[] };
  /** The title, header texts and first rows of a form as it will be exported. */
  preview_form: { args: { input: ExportRequest }; result: FormPreview };
  /** Exports to `<data dir>/exports/<form>-<date>.xlsx` and logs it; answers the path. */
  export_form: { args: { input: ExportRequest }; result: ExportResult };
  /** The export log, newest first. */
  export_log: { args: { input: { limit?: number } }; result: ExportLogEntry[] };
  /** Writes the edited 情况汇报 to `<data dir>/exports/情况汇报-<date>.docx` and logs it. */
  export_situation_report_docx: { args: { input: SituationReportExport }; result: ExportResult };
  /** Shows the folder of a file in `<data dir>/exports/` in the file manager. */
  open_export_folder: { args: { input: ExportPath }; result: null };
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

/**
 * Hands a chosen file to the backend once, as a raw body (JSON would cost a number per
 * byte), with its name percent-encoded in the `x-file-name` header; import requests then
 * name it by `fileId`.
 */
export async function stageImportFile(name: string, bytes: Uint8Array): Promise<StagedFile> {
  assertBackendAvailable();
  try {
    return await invoke<StagedFile>('stage_import_file', bytes, {
      headers: { 'x-file-name': encodeURIComponent(name) },
    });
  } catch (e) {
    throw toIpcError(e);
  }
}
