import type { OriginClass, Place, RiskLevel, Symptom, Transport } from '../../api/bindings';

export const ORIGIN_CLASSES: readonly OriginClass[] = [
  'same_province',
  'other_province',
  'outside',
  'unknown',
];

export const ORIGIN_CLASS_COLORS: Record<OriginClass, string> = {
  same_province: 'blue',
  other_province: 'orange',
  outside: 'magenta',
  unknown: 'default',
};

export const TRANSPORTS: readonly Transport[] = ['car', 'train', 'plane', 'coach', 'other'];

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

export const RISK_LEVELS: readonly RiskLevel[] = ['high', 'medium'];

export const RISK_LEVEL_COLORS: Record<RiskLevel, string> = { high: 'red', medium: 'orange' };

/** The picker a place is chosen with: 境内 (a region) or 境外 (a country or territory). */
export type PlaceKind = Place['kind'];
