import { useQuery } from '@tanstack/react-query';
import { Button, Checkbox, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BuildingPicker, type ChosenBuilding } from '../isolation/BuildingPicker';
import { childrenQuery } from '../isolation/queries';

/** Units chosen, by building: { buildingId: { name, units: { unitId: unitName } } }. */
export type ChosenUnits = Record<string, { name: string; units: Record<string, string> }>;

export const unitIdsOf = (chosen: ChosenUnits): string[] =>
  Object.values(chosen).flatMap((b) => Object.keys(b.units));

/**
 * 入户张贴: the units posted, chosen from the register building by building (网格 → 小区 →
 * 楼栋, then the building's units, all ticked by default).
 */
export function UnitsPicker({
  value,
  onChange,
}: {
  value: ChosenUnits;
  onChange: (next: ChosenUnits) => void;
}) {
  const { t } = useTranslation();
  const p = 'publicity.units';
  const [building, setBuilding] = useState<ChosenBuilding | null>(null);
  const units = useQuery({
    ...childrenQuery('unit', building?.id ?? null),
    enabled: building !== null,
  });
  const [unticked, setUnticked] = useState<string[]>([]);
  const list = building ? (units.data ?? []) : [];
  const ticked = list.filter((u) => !unticked.includes(u.id));
  const buildings = Object.entries(value);

  return (
    <Flex vertical gap={8} data-testid="publicity-units">
      <Flex gap={8} align="center" wrap>
        <BuildingPicker
          value={building}
          onChange={(b) => {
            setBuilding(b);
            setUnticked([]);
          }}
          data-testid="publicity-building"
        />
        <Button
          disabled={!building || ticked.length === 0}
          onClick={() => {
            if (!building) return;
            onChange({
              ...value,
              [building.id]: {
                name: building.name,
                units: Object.fromEntries(ticked.map((u) => [u.id, u.name])),
              },
            });
            setBuilding(null);
          }}
          data-testid="publicity-add-building"
        >
          {t(`${p}.add`)}
        </Button>
      </Flex>
      {building && (
        <Checkbox.Group
          value={ticked.map((u) => u.id)}
          onChange={(ids) => setUnticked(list.map((u) => u.id).filter((id) => !ids.includes(id)))}
          options={list.map((u) => ({ value: u.id, label: u.name }))}
        />
      )}
      <Typography.Text type="secondary" data-testid="publicity-units-count">
        {t(`${p}.count`, { buildings: buildings.length, units: unitIdsOf(value).length })}
      </Typography.Text>
      <Flex gap={4} wrap>
        {buildings.map(([id, b]) => (
          <Tag
            key={id}
            closable
            onClose={() => {
              const next = { ...value };
              delete next[id];
              onChange(next);
            }}
          >
            {t(`${p}.tag`, { name: b.name, n: Object.keys(b.units).length })}
          </Tag>
        ))}
      </Flex>
    </Flex>
  );
}
