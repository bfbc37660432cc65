import { InputNumber, Space } from 'antd';
import type { InputNumberProps } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * A whole number of days (1–365) with 天 after it. Form.Item hands `value` and `onChange`
 * to this component, which passes them to the number input inside the compact group
 * (antd's `addonAfter` on InputNumber is deprecated).
 */
export function DaysInput(props: Omit<InputNumberProps<number>, 'min' | 'max' | 'precision'>) {
  const { t } = useTranslation();
  return (
    <Space.Compact>
      <InputNumber<number> min={1} max={365} precision={0} {...props} />
      <Space.Addon>{t('isolation.replan.unit')}</Space.Addon>
    </Space.Compact>
  );
}
