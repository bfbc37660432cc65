import { describe, expect, it } from 'vitest';
import type { ErrorCode, ResidenceStatus } from '../api/bindings';
import { MODULES } from '../shell/modules';
import en from './en.json';
import zhCN from './zh-CN.json';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const zh = flatten(zhCN);
const english = flatten(en);
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();

describe('i18n resources', () => {
  it('zh-CN and en have the same keys', () => {
    expect([...english.keys()].sort()).toEqual([...zh.keys()].sort());
  });

  it('zh-CN and en use the same placeholders and tags', () => {
    for (const [key, text] of zh) {
      const other = english.get(key) ?? '';
      expect(placeholders(other), key).toEqual(placeholders(text));
      expect(other.match(/<\/?\w+>/g) ?? [], key).toEqual(text.match(/<\/?\w+>/g) ?? []);
    }
  });

  it('has a label for every module, error code and residence status', () => {
    const codes: ErrorCode[] = [
      'invalidInput',
      'notFound',
      'ledgerTooNew',
      'ledgerUnreadable',
      'internal',
    ];
    const statuses: ResidenceStatus[] = ['hukou', 'resident', 'floating', 'away', 'abroad'];
    const keys = [
      ...MODULES.map((m) => `modules.${m.key}`),
      ...codes.map((c) => `errors.${c}`),
      ...statuses.map((s) => `residence.${s}`),
    ];
    for (const key of keys) expect(zh.get(key), key).toBeTruthy();
    expect(MODULES).toHaveLength(13);
  });

  it('labels residence statuses as the glossary does', () => {
    expect(zhCN.residence).toEqual({
      hukou: '户籍',
      resident: '常住',
      floating: '流动',
      away: '外出',
      abroad: '境外',
    });
  });
});
