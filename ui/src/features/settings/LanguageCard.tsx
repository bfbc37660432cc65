import { Card, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLanguage, isLanguage, LANGUAGES } from '../../i18n';

/** 界面语言: Chinese first, English second. */
export function LanguageCard() {
  const { t, i18n } = useTranslation();
  return (
    <Card title={t('settings.language.title')}>
      <Radio.Group
        aria-label={t('settings.language.label')}
        value={i18n.resolvedLanguage}
        optionType="button"
        data-testid="language-select"
        options={LANGUAGES.map((lng) => ({ value: lng, label: t(`settings.language.${lng}`) }))}
        onChange={(e) => {
          const value: unknown = e.target.value;
          if (isLanguage(value)) void changeLanguage(value);
        }}
      />
    </Card>
  );
}
