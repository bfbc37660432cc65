import { useQueryClient } from '@tanstack/react-query';
import { Cascader } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegisterLevel, RegisterNode } from '../../api/bindings';
import { childrenQuery, useGrids } from './queries';

/** A building chosen, with the words to name it. */
export type ChosenBuilding = { id: string; name: string };

type Option = {
  value: string;
  label: string;
  /** The node's own name (the label may say more). */
  name: string;
  isLeaf: boolean;
  level: RegisterLevel;
  id: string;
  children?: Option[];
};

const node = (level: RegisterLevel, n: RegisterNode, label = n.name): Option => ({
  value: `${level}:${n.id}`,
  label,
  name: n.name,
  isLeaf: level === 'building' || n.children === 0,
  level,
  id: n.id,
});

/** 网格 → 小区 → 楼栋, each level loaded when opened (register_children). */
export function BuildingPicker({
  value,
  onChange,
  'data-testid': testId,
}: {
  value: ChosenBuilding | null;
  onChange: (building: ChosenBuilding | null) => void;
  'data-testid'?: string;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { grids } = useGrids();
  const [loaded, setLoaded] = useState<Record<string, Option[]>>({});
  const [path, setPath] = useState<string[]>([]);

  const load = async (o: Option): Promise<Option[]> => {
    if (o.level === 'grid') {
      return (await client.fetchQuery(childrenQuery('estate', o.id))).map((e) => node('estate', e));
    }
    if (o.level === 'estate') {
      return (await client.fetchQuery(childrenQuery('building', o.id))).map((b) =>
        node('building', b, t('isolation.round.buildingOption', { name: b.name, n: b.children })),
      );
    }
    return [];
  };

  const build = (options: Option[]): Option[] =>
    options.map((o) => {
      const kids = loaded[o.value];
      return kids ? { ...o, children: build(kids) } : o;
    });
  const roots = build(
    grids.map((g) =>
      node('grid', g, t('isolation.round.grid', { community: g.communityName, grid: g.name })),
    ),
  );

  return (
    <Cascader<Option>
      data-testid={testId}
      options={roots}
      value={value && path.length > 0 ? path : undefined}
      placeholder={t('isolation.round.buildingPlaceholder')}
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
        if (!values || !last || last.level !== 'building') {
          setPath([]);
          onChange(null);
          return;
        }
        setPath(values.map(String));
        const estate = selected[selected.length - 2];
        onChange({ id: last.id, name: estate ? `${estate.name}${last.name}` : last.name });
      }}
      displayRender={(labels) => labels.slice(1).join(' / ')}
      allowClear
      style={{ width: 320 }}
      notFoundContent={t('isolation.round.none')}
    />
  );
}
