import type { TFunction } from 'i18next';
import type {
  CheckMethod,
  EndReason,
  FeverResult,
  IsolationKind,
  IsolationStatus,
  StartRule,
  Symptom,
} from '../../api/bindings';

export const KINDS: readonly IsolationKind[] = ['home', 'central', 'monitoring'];

export const KIND_COLORS: Record<IsolationKind, string> = {
  home: 'blue',
  central: 'purple',
  monitoring: 'cyan',
};

export const STATUSES: readonly IsolationStatus[] = [
  'not_started',
  'active',
  'released',
  'transferred',
  'lost',
];

export const STATUS_COLORS: Record<IsolationStatus, string> = {
  not_started: 'default',
  active: 'processing',
  released: 'success',
  transferred: 'warning',
  lost: 'error',
};

export const END_REASONS: readonly EndReason[] = [
  'released',
  'hospital',
  'central',
  'left',
  'lost',
];

export const FEVER_RESULTS: readonly FeverResult[] = [
  'normal',
  'observe',
  'suspected',
  'confirmed',
  'other',
];

export const METHODS: readonly CheckMethod[] = ['visit', 'phone', 'self_report'];

/** What an arrival's day 1 may count from (a contact's always counts from the last contact). */
export const ARRIVAL_START_RULES: readonly StartRule[] = ['arrival', 'departure'];

/** The symptoms asked about, in the order the arrivals form shows them. */
export const SYMPTOMS: readonly Symptom[] = [
  'fever',
  'cough',
  'fatigue',
  'sore_throat',
  'short_breath',
  'diarrhea',
  'muscle_ache',
  'smell_taste_loss',
  'other',
];

/** 上午 / 下午 with two checks a day, otherwise 第1次, 第2次…. */
export function slotLabel(t: TFunction, slot: number, checksPerDay: number): string {
  if (checksPerDay === 2 && (slot === 1 || slot === 2)) {
    return t(slot === 1 ? 'isolation.slot.morning' : 'isolation.slot.afternoon');
  }
  return t('isolation.slot.nth', { n: slot });
}

/** Slots 1…n. */
export function slots(checksPerDay: number): number[] {
  return Array.from({ length: Math.max(checksPerDay, 0) }, (_, i) => i + 1);
}

/** Active or not yet started: it can still be replanned and ended. */
export function isOpen(status: IsolationStatus): boolean {
  return status === 'active' || status === 'not_started';
}
