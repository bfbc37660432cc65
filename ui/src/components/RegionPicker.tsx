import { Cascader, Select } from 'antd';
import type { CSSProperties } from 'react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
// The same files the core embeds (src/regions/), bundled by Vite at build time: nothing is
// fetched at run time. Names and pinyin are data, not UI text.
import regionsJson from '../../../assets/regions/cn-regions.json';
import countriesJson from '../../../assets/regions/countries.json';

// ---------------------------------------------------------------------------------------
// Data

/** The column layouts this file reads (the generator writes them; a test compares). */
export const REGION_FIELDS = ['code', 'name', 'parent', 'level', 'initials', 'pinyin'] as const;
export const COUNTRY_FIELDS = [
  'code',
  'nameZh',
  'nameEn',
  'kind',
  'initials',
  'pinyin',
  'aliasesEn',
] as const;

export type RegionLevel = 1 | 2 | 3;

export interface RegionOption {
  /** GB/T 2260 code, e.g. "420102". */
  value: string;
  /** The region's own name, e.g. "江岸区". */
  label: string;
  level: RegionLevel;
  parent: string;
  initials: string;
  pinyin: string;
  children?: RegionOption[];
}

/** Hong Kong, Macao and Taiwan are outside the mainland (境外) but not foreign. */
export type OutsideMainlandKind = 'mainland' | 'hkMoTw' | 'foreign';

export interface CountryOption {
  /** ISO 3166-1 alpha-2 code, e.g. "KR". */
  value: string;
  label: string;
  nameZh: string;
  nameEn: string;
  kind: OutsideMainlandKind;
  initials: string;
  pinyin: string;
  /** Lowercase English name and aliases. */
  english: string[];
}

interface RegionData {
  tree: RegionOption[];
  byCode: Map<string, RegionOption>;
}

let regionData: RegionData | undefined;

/** The region tree (provinces → prefectures → counties), built once on first use. */
export function regions(): RegionData {
  if (regionData) return regionData;
  const byCode = new Map<string, RegionOption>();
  for (const row of regionsJson.rows) {
    const [code, name, parent, level, initials, pinyin] = row as [
      string,
      string,
      string,
      RegionLevel,
      string,
      string,
    ];
    byCode.set(code, { value: code, label: name, level, parent, initials, pinyin });
  }
  const tree: RegionOption[] = [];
  // Rows come in code order, so children end up in code order too.
  for (const option of byCode.values()) {
    const parent = option.parent ? byCode.get(option.parent) : undefined;
    if (!option.parent) tree.push(option);
    else if (parent) (parent.children ??= []).push(option);
  }
  regionData = { tree, byCode };
  return regionData;
}

/** The codes from the province down to `code`, or [] for an unknown code. */
export function regionPath(code: string | undefined): string[] {
  const { byCode } = regions();
  const path: string[] = [];
  let current = code ? byCode.get(code) : undefined;
  while (current && path.length < 3) {
    path.unshift(current.value);
    current = current.parent ? byCode.get(current.parent) : undefined;
  }
  return path;
}

let countryData: CountryOption[] | undefined;

/** Every country and territory in code order (Chinese labels; see CountryPicker for en). */
export function countries(): CountryOption[] {
  countryData ??= countriesJson.rows.map((row) => {
    const [code, nameZh, nameEn, kind, initials, pinyin, aliases] = row as [
      string,
      string,
      string,
      OutsideMainlandKind,
      string,
      string,
      string[],
    ];
    return {
      value: code,
      label: nameZh,
      nameZh,
      nameEn,
      kind,
      initials,
      pinyin,
      english: [nameEn, ...aliases].map((n) => n.toLowerCase()),
    };
  });
  return countryData;
}

// ---------------------------------------------------------------------------------------
// Matching (the same rules as the core's regions::search)

/** How well something matches, best first: exact, beginning, initials / later word, inside. */
export type Tier = 0 | 1 | 2 | 3;

interface Query {
  text: string;
  /** Letters only, when the query is Latin letters, spaces and apostrophes ("wu han"). */
  pinyin?: string;
  /** The query when it is all digits (a code or its beginning). */
  digits?: string;
}

export function parseQuery(raw: string): Query | undefined {
  // Full-width letters and digits (a Chinese input method's) to half-width, then lowercase.
  const text = raw
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
  if (!text) return undefined;
  const letters = text.replace(/[ ']/g, '');
  return {
    text,
    pinyin: /^[a-z ']+$/.test(text) && letters ? letters : undefined,
    digits: /^\d+$/.test(text) ? text : undefined,
  };
}

function best(...tiers: (Tier | undefined)[]): Tier | undefined {
  const found = tiers.filter((t): t is Tier => t !== undefined);
  return found.length ? (Math.min(...found) as Tier) : undefined;
}

function nameTier(name: string, text: string): Tier | undefined {
  if (name === text) return 0;
  if (name.startsWith(text)) return 1;
  if (name.includes(text)) return 3;
  return undefined;
}

function pinyinTier(full: string, initials: string, query: string): Tier | undefined {
  if (full === query || initials === query) return 0;
  if (full.startsWith(query)) return 1;
  if (initials.startsWith(query)) return 2;
  return undefined;
}

/** How a region matches a query: name, full pinyin or initials, or code. */
export function regionTier(region: RegionOption, query: Query): Tier | undefined {
  if (query.digits) {
    if (region.value === query.digits) return 0;
    return region.value.startsWith(query.digits) ? 1 : undefined;
  }
  if (query.pinyin) return pinyinTier(region.pinyin, region.initials, query.pinyin);
  return nameTier(region.label, query.text);
}

/** How a country matches a query: Chinese name, code, English name or alias, pinyin. */
export function countryTier(country: CountryOption, query: Query): Tier | undefined {
  const english = country.english.map((name): Tier | undefined => {
    if (name === query.text) return 0;
    if (name.startsWith(query.text)) return 1;
    // A later word: "korea" finds "south korea".
    return /[ \-(,]/.test(name) &&
      name.split(/[ \-(,]+/).some((word) => word.startsWith(query.text))
      ? 2
      : undefined;
  });
  return best(
    country.value.toLowerCase() === query.text ? 0 : undefined,
    nameTier(country.nameZh, query.text),
    ...english,
    query.pinyin ? pinyinTier(country.pinyin, country.initials, query.pinyin) : undefined,
  );
}

/**
 * Whether a cascader path matches: its last region matches the whole query, or, for a
 * query of several words ("wh ja", "武汉 江岸"), every word matches a region of the path
 * and one of them the last region. Matching only the last region keeps "wh" from listing
 * every county of 武汉市.
 */
export function pathMatches(path: RegionOption[], raw: string): boolean {
  const last = path[path.length - 1];
  const query = parseQuery(raw);
  if (!last || !query) return false;
  if (regionTier(last, query) !== undefined) return true;
  const words = query.text
    .split(' ')
    .map(parseQuery)
    .filter((q): q is Query => q !== undefined);
  return (
    words.length > 1 &&
    words.every((w) => path.some((r) => regionTier(r, w) !== undefined)) &&
    words.some((w) => regionTier(last, w) !== undefined)
  );
}

/** Search results order: exact matches, then provinces, prefectures, counties; then tier. */
function comparePaths(a: RegionOption[], b: RegionOption[], raw: string): number {
  const query = parseQuery(raw);
  const key = (path: RegionOption[]) => {
    const last = path[path.length - 1];
    const tier = query && last ? (regionTier(last, query) ?? 3) : 3;
    return [tier === 0 ? 0 : 1, path.length, tier];
  };
  const [ka, kb] = [key(a), key(b)];
  for (let i = 0; i < ka.length; i += 1) if (ka[i] !== kb[i]) return ka[i] - kb[i];
  // Array.prototype.sort is stable: the tree's code order breaks ties.
  return 0;
}

// ---------------------------------------------------------------------------------------
// Components

interface PickerProps {
  id?: string;
  size?: 'small' | 'middle' | 'large';
  disabled?: boolean;
  allowClear?: boolean;
  placeholder?: string;
  style?: CSSProperties;
  className?: string;
  'data-testid'?: string;
}

export interface RegionPickerProps extends PickerProps {
  /** The chosen region's GB/T 2260 code: a county, or a prefecture or province alone. */
  value?: string;
  onChange?: (code: string | undefined) => void;
}

/**
 * 省 / 市 / 县 cascader over the bundled GB/T 2260 regions. A province or prefecture alone
 * may be chosen (the risk area "湖北省"); the value is the deepest chosen code. Typing
 * searches names, pinyin initials ("wh") and full pinyin ("wuhan"). Works as a Form.Item
 * control (value / onChange).
 */
export function RegionPicker({
  value,
  onChange,
  placeholder,
  allowClear = true,
  ...rest
}: RegionPickerProps) {
  const { t } = useTranslation();
  const { tree } = regions();
  const path = useMemo(() => regionPath(value), [value]);
  return (
    <Cascader<RegionOption>
      {...rest}
      options={tree}
      value={path.length ? path : undefined}
      onChange={(codes) => onChange?.(codes?.length ? String(codes[codes.length - 1]) : undefined)}
      // Clicking a province or prefecture chooses it and opens its children, so either a
      // whole area or a county can be picked.
      changeOnSelect
      allowClear={allowClear}
      placeholder={placeholder ?? t('regionPicker.placeholder')}
      notFoundContent={t('regionPicker.notFound')}
      showSearch={{
        filter: (input, path) => pathMatches(path, input),
        sort: comparePaths,
        limit: 50,
      }}
    />
  );
}

export interface CountryPickerProps extends PickerProps {
  /** The chosen ISO 3166-1 alpha-2 code. */
  value?: string;
  onChange?: (code: string | undefined) => void;
  /** Codes not to offer, e.g. ["CN"] where a mainland place must be a region. */
  exclude?: string[];
}

/**
 * Country or territory select over the bundled ISO 3166-1 list (中国香港 / 中国澳门 / 中国台湾
 * included). Typing searches the Chinese name, the English name and its aliases, the code,
 * and pinyin. Works as a Form.Item control (value / onChange).
 */
export function CountryPicker({
  value,
  onChange,
  placeholder,
  allowClear = true,
  exclude,
  ...rest
}: CountryPickerProps) {
  const { t, i18n } = useTranslation();
  const english = (i18n.resolvedLanguage ?? i18n.language) === 'en';
  const options = useMemo(
    () =>
      countries()
        .filter((c) => !exclude?.includes(c.value))
        .map((c) => ({ ...c, label: english ? c.nameEn : c.nameZh })),
    [english, exclude],
  );
  return (
    <Select<string, CountryOption>
      {...rest}
      showSearch
      options={options}
      value={value}
      onChange={(code) => onChange?.(code ?? undefined)}
      allowClear={allowClear}
      placeholder={placeholder ?? t('countryPicker.placeholder')}
      notFoundContent={t('countryPicker.notFound')}
      filterOption={(input, option) => {
        const query = parseQuery(input);
        return !!option && !!query && countryTier(option, query) !== undefined;
      }}
      filterSort={(a, b, { searchValue }) => {
        const query = parseQuery(searchValue);
        if (!query) return 0;
        return (countryTier(a, query) ?? 3) - (countryTier(b, query) ?? 3);
      }}
    />
  );
}
