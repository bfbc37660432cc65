import { useQueryClient } from '@tanstack/react-query';
import { Cascader } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HouseholdRow, RegisterLevel, RegisterNode } from '../../api/bindings';
import { childrenQuery, householdsQuery, useGrids } from './queries';

/** One option of the cascader: a node of the register tree, or a household (a leaf). */
type Option = {
  value: string;
  label: string;
  isLeaf: boolean;
  level: RegisterLevel | 'household';
  id: string;
  /** A household's full address. */
  address?: string;
  children?: Option[];
};

const node = (level: RegisterLevel, n: RegisterNode, label = n.name): Option => ({
  value: `${level}:${n.id}`,
  label,
  isLeaf: n.children === 0,
  level,
  id: n.id,
});

const household = (h: HouseholdRow, label: string): Option => ({
  value: `household:${h.id}`,
  label,
  isLeaf: true,
  level: 'household',
  id: h.id,
  address: h.address,
});

/**
 * A household chosen down the register: 网格 → 小区 → 楼栋 → 单元 → 户 (and the households
 * directly under a grid or an estate), each level loaded when opened. Works as a
 * Form.Item control; `address` names a value chosen elsewhere (a record being edited).
 */
export function HouseholdPicker({
  value,
  onChange,
  address,
  'data-testid': testId,
}: {
  value?: string;
  onChange?: (householdId: string | undefined, address?: string) => void;
  address?: string | null;
  'data-testid'?: string;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { grids } = useGrids();
  const [loaded, setLoaded] = useState<Record<string, Option[]>>({});
  const [path, setPath] = useState<string[]>([]);

  const load = async (o: Option): Promise<Option[]> => {
    const households = (level: 'grid' | 'estate' | 'unit') =>
      client.fetchQuery(householdsQuery({ level, id: o.id }));
    switch (o.level) {
      case 'grid': {
        const [estates, direct] = await Promise.all([
          client.fetchQuery(childrenQuery('estate', o.id)),
          households('grid'),
        ]);
        return [
          ...estates.map((e) => node('estate', e)),
          ...direct.map((h) => household(h, h.address)),
        ];
      }
      case 'estate': {
        const [buildings, direct] = await Promise.all([
          client.fetchQuery(childrenQuery('building', o.id)),
          households('estate'),
        ]);
        return [
          ...buildings.map((b) => node('building', b)),
          ...direct.map((h) => household(h, h.room || h.address)),
        ];
      }
      case 'building':
        return (await client.fetchQuery(childrenQuery('unit', o.id))).map((u) => node('unit', u));
      case 'unit':
        return (await households('unit')).map((h) => household(h, h.room || h.address));
      default:
        return [];
    }
  };

  const build = (options: Option[]): Option[] =>
    options.map((o) => {
      const kids = loaded[o.value];
      return kids ? { ...o, children: build(kids) } : o;
    });
  const roots = build(
    grids.map((g) =>
      node('grid', g, t('arrivals.household.grid', { community: g.communityName, grid: g.name })),
    ),
  );

  const current = path.length > 0 && path[path.length - 1] === `household:${value}`;
  return (
    <Cascader<Option>
      data-testid={testId}
      options={roots}
      value={current ? path : undefined}
      placeholder={value && address ? address : t('arrivals.household.placeholder')}
      loadData={(selected) => {
        const target = selected[selected.length - 1];
        if (!target || loaded[target.value]) return;
        void load(target).then(
          (kids) => setLoaded((prev) => ({ ...prev, [target.value]: kids })),
          () => setLoaded((prev) => ({ ...prev, [target.value]: [] })),
        );
      }}
      onChange={(values, selected) => {
        const last = selected?.[selected.length - 1];
        if (!values || !last || last.level !== 'household') {
          setPath([]);
          onChange?.(undefined);
          return;
        }
        setPath(values.map(String));
        onChange?.(last.id, last.address);
      }}
      displayRender={(labels, selected) =>
        selected?.[selected.length - 1]?.address ?? labels.join(' / ')
      }
      allowClear
      style={{ width: '100%' }}
      notFoundContent={t('arrivals.household.none')}
    />
  );
}
