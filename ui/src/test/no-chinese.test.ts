import { describe, expect, it } from 'vitest';

// Every component and module under src/, except translations, tests and generated bindings.
const sources = import.meta.glob<string>(
  [
    '../**/*.{ts,tsx}',
    '!../i18n/**',
    '!../test/**',
    '!../**/*.test.{ts,tsx}',
    '!../api/bindings/**',
  ],
  { query: '?raw', import: 'default', eager: true },
);

const HAN = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/;

/** Removes comments, keeping line numbers (comments may explain things in Chinese). */
function stripComments(code: string): string {
  return code
    .replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' '))
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

describe('no hard-coded Chinese in components', () => {
  it('finds source files to check', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(10);
    expect(Object.keys(sources).some((p) => p.endsWith('HomePage.tsx'))).toBe(true);
  });

  it('keeps Chinese text in src/i18n/ only', () => {
    const offenders: string[] = [];
    for (const [path, code] of Object.entries(sources)) {
      stripComments(code)
        .split('\n')
        .forEach((line, i) => {
          if (HAN.test(line)) offenders.push(`${path}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(offenders).toEqual([]);
  });
});
