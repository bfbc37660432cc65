import { describe, expect, it } from 'vitest';
import { formatDate } from './dates';

describe('formatDate', () => {
  it('formats an ISO date with a pattern', () => {
    expect(formatDate('2026-11-29', 'YYYY年M月D日')).toBe('2026年11月29日');
    expect(formatDate('2020-01-21', 'YYYY年M月D日')).toBe('2020年1月21日');
    expect(formatDate('2020-01-21', 'YYYY-MM-DD')).toBe('2020-01-21');
  });

  it('shows anything else as it came', () => {
    expect(formatDate('2020-02-30', 'YYYY年M月D日')).toBe('2020-02-30');
    expect(formatDate('yesterday', 'YYYY年M月D日')).toBe('yesterday');
    expect(formatDate('', 'YYYY年M月D日')).toBe('');
  });
});
