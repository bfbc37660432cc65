import { configure, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Button, Form } from 'antd';
import type { ReactNode } from 'react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import regionsJson from '../../../assets/regions/cn-regions.json';
import countriesJson from '../../../assets/regions/countries.json';
import { AppProviders } from '../providers';
import { createQueryClient } from '../queryClient';
import {
  COUNTRY_FIELDS,
  CountryPicker,
  countries,
  parseQuery,
  pathMatches,
  REGION_FIELDS,
  RegionPicker,
  regionPath,
  regions,
  regionTier,
} from './RegionPicker';

// antd's cascader and select render slowly in jsdom.
beforeAll(() => configure({ asyncUtilTimeout: 15_000 }));

function renderWith(ui: ReactNode) {
  const user = userEvent.setup();
  render(<AppProviders client={createQueryClient()}>{ui}</AppProviders>);
  return { user };
}

const path = (...codes: string[]) => codes.map((c) => regions().byCode.get(c)!);

/** The open dropdown's option texts. */
function cascaderOptions(): string[] {
  return [...document.querySelectorAll('.ant-cascader-menu-item')].map((o) => o.textContent ?? '');
}

describe('region data', () => {
  it('reads the layout the generator writes', () => {
    expect(regionsJson.fields).toEqual([...REGION_FIELDS]);
    expect(countriesJson.fields).toEqual([...COUNTRY_FIELDS]);
  });

  it('builds the 省 / 市 / 县 tree', () => {
    const { tree, byCode } = regions();
    expect(tree).toHaveLength(34);
    expect(byCode.get('420100')?.label).toBe('武汉市');
    expect(byCode.get('420000')?.children?.map((c) => c.value)).toContain('429004');
    expect(byCode.get('810000')?.children).toBeUndefined();
    expect(regionPath('420102')).toEqual(['420000', '420100', '420102']);
    expect(regionPath('110101')).toEqual(['110000', '110101']);
    expect(regionPath('999999')).toEqual([]);
    expect(countries().find((c) => c.value === 'HK')).toMatchObject({
      nameZh: '中国香港',
      kind: 'hkMoTw',
    });
  });

  it('matches names, initials, full pinyin and codes', () => {
    const wuhan = regions().byCode.get('420100')!;
    for (const q of ['wh', 'wuhan', 'Wu Han', '武汉', '武汉市', '4201', 'ＷＨ']) {
      expect(regionTier(wuhan, parseQuery(q)!), q).toBeDefined();
    }
    expect(regionTier(wuhan, parseQuery('han')!)).toBeUndefined();
    expect(pathMatches(path('420000', '420100'), 'wh')).toBe(true);
    // Only the last region counts, so "wh" does not list every county of 武汉市 …
    expect(pathMatches(path('420000', '420100', '420102'), 'wh')).toBe(false);
    // … but several words may name the levels.
    expect(pathMatches(path('420000', '420100', '420102'), 'wh ja')).toBe(true);
    expect(pathMatches(path('420000', '420100', '420102'), '武汉 江岸')).toBe(true);
    expect(pathMatches(path('420000', '420100'), '')).toBe(false);
  });
});

describe('RegionPicker', { timeout: 30_000 }, () => {
  it('finds 武汉 by pinyin initials and yields its code', async () => {
    const onChange = vi.fn();
    const { user } = renderWith(<RegionPicker onChange={onChange} data-testid="region" />);
    expect(screen.getByTestId('region')).toBeInTheDocument();
    const input = screen.getByRole('combobox');
    await user.click(input);
    await user.type(input, 'wh');
    await waitFor(() => expect(cascaderOptions()).toContain('湖北省 / 武汉市'));
    // Provinces and prefectures only, not every county of 武汉市.
    expect(cascaderOptions().some((o) => o.startsWith('湖北省 / 武汉市 /'))).toBe(false);
    await user.click(screen.getByText('湖北省 / 武汉市'));
    expect(onChange).toHaveBeenLastCalledWith('420100');
  });

  it('chooses a county level by level', async () => {
    const onChange = vi.fn();
    const { user } = renderWith(<RegionPicker onChange={onChange} />);
    await user.click(screen.getByRole('combobox'));
    await user.click(await screen.findByText('湖北省'));
    expect(onChange).toHaveBeenLastCalledWith('420000');
    await user.click(await screen.findByText('武汉市'));
    expect(onChange).toHaveBeenLastCalledWith('420100');
    await user.click(await screen.findByText('江岸区'));
    expect(onChange).toHaveBeenLastCalledWith('420102');
  });

  it('shows a value as its path and works inside a Form', async () => {
    const onFinish = vi.fn();
    const { user } = renderWith(
      <Form initialValues={{ origin: '420102' }} onFinish={onFinish}>
        <Form.Item name="origin" label="origin">
          <RegionPicker />
        </Form.Item>
        <Button htmlType="submit">submit</Button>
      </Form>,
    );
    expect(await screen.findByText('湖北省 / 武汉市 / 江岸区')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'submit' }));
    await waitFor(() => expect(onFinish).toHaveBeenCalledWith({ origin: '420102' }));
  });

  it('has a translated placeholder', () => {
    renderWith(<RegionPicker />);
    expect(screen.getByText('省 / 市 / 县（可输入名称或拼音）')).toBeInTheDocument();
  });
});

describe('CountryPicker', { timeout: 30_000 }, () => {
  it('finds 韩国 by pinyin and yields KR', async () => {
    const onChange = vi.fn();
    const { user } = renderWith(<CountryPicker onChange={onChange} />);
    const input = screen.getByRole('combobox');
    await user.click(input);
    await user.type(input, 'hanguo');
    const option = await screen.findByTitle('韩国');
    await user.click(option);
    expect(onChange).toHaveBeenCalledWith('KR');
  });

  it('finds both Koreas by English and leaves out excluded codes', async () => {
    const { user } = renderWith(<CountryPicker exclude={['CN']} data-testid="country" />);
    expect(screen.getByTestId('country')).toBeInTheDocument();
    const input = screen.getByRole('combobox');
    await user.click(input);
    await user.type(input, 'korea');
    expect(await screen.findByTitle('韩国')).toBeInTheDocument();
    expect(screen.getByTitle('朝鲜')).toBeInTheDocument();
    await user.clear(input);
    await user.type(input, 'zhongguo');
    expect(await screen.findByTitle('中国香港')).toBeInTheDocument();
    expect(screen.queryByTitle('中国')).toBeNull();
  });

  it('shows a chosen value by its Chinese name', () => {
    renderWith(<CountryPicker value="JP" />);
    expect(screen.getByTitle('日本')).toBeInTheDocument();
  });
});
