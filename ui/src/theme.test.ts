import { describe, expect, it } from 'vitest';
import css from './index.css?raw';
import { FONT_FAMILY } from './theme';

const normalise = (s: string) =>
  s
    .replace(/'/g, '"')
    .replace(/\s+/g, ' ')
    .replace(/\s*,\s*/g, ', ');

describe('fonts', () => {
  it('uses the same system font stack in index.css and the antd token', () => {
    const match = /font-family:([^;]+);/.exec(css);
    expect(match).not.toBeNull();
    expect(normalise(match![1]).trim()).toBe(FONT_FAMILY);
  });

  it('names the CJK system fonts and loads nothing from the web', () => {
    for (const font of [
      'Microsoft YaHei',
      'PingFang SC',
      'Noto Sans CJK SC',
      'WenQuanYi Micro Hei',
    ]) {
      expect(FONT_FAMILY).toContain(`"${font}"`);
    }
    expect(css.replace(/\/\*[\s\S]*?\*\//g, '')).not.toMatch(/@font-face|@import|url\(/);
  });
});
