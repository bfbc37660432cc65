import { Flex, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Place } from '../../api/bindings';
import { CountryPicker, RegionPicker } from '../../components/RegionPicker';
import type { PlaceKind } from './labels';

/** A mainland origin is a region; the country picker never offers China itself. */
const NOT_A_COUNTRY = ['CN'];

/**
 * A place: 境内 (省 / 市 / 县 through the RegionPicker) or 境外 (a country or territory
 * through the CountryPicker), toggled. Works as a Form.Item control (value / onChange).
 */
export function PlacePicker({
  value,
  onChange,
  size,
  width = 260,
  'data-testid': testId = 'place',
}: {
  value?: Place;
  onChange?: (place: Place | undefined) => void;
  size?: 'small' | 'middle';
  /** The picker's width beside the 境内 / 境外 toggle; `fill` takes what the row leaves. */
  width?: number | 'fill';
  'data-testid'?: string;
}) {
  const { t } = useTranslation();
  const [chosenKind, setKind] = useState<PlaceKind>(value?.kind ?? 'region');
  // A value set from outside (editing a record) decides the picker.
  const kind = value?.kind ?? chosenKind;
  const pickerStyle = width === 'fill' ? { flex: 1, minWidth: 0 } : { width };
  const switchTo = (next: PlaceKind) => {
    setKind(next);
    if (value && value.kind !== next) onChange?.(undefined);
  };
  return (
    <Flex gap={8} align="center" wrap={false} data-testid={testId}>
      <Radio.Group
        size={size}
        optionType="button"
        value={kind}
        onChange={(e) => switchTo(e.target.value as PlaceKind)}
        options={[
          { value: 'region', label: t('arrivals.place.region') },
          { value: 'country', label: t('arrivals.place.country') },
        ]}
        data-testid={`${testId}-kind`}
      />
      {kind === 'region' ? (
        <RegionPicker
          value={value?.kind === 'region' ? value.code : undefined}
          onChange={(code) => onChange?.(code ? { kind: 'region', code } : undefined)}
          style={pickerStyle}
          data-testid={`${testId}-region`}
        />
      ) : (
        <CountryPicker
          value={value?.kind === 'country' ? value.code : undefined}
          onChange={(code) => onChange?.(code ? { kind: 'country', code } : undefined)}
          exclude={NOT_A_COUNTRY}
          style={pickerStyle}
          data-testid={`${testId}-country`}
        />
      )}
    </Flex>
  );
}
