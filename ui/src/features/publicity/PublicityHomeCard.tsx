import { useTranslation } from 'react-i18next';
import { useAppInfo } from '../../shell/queries';
import { PublicityTotalsCard } from './PublicityTotalsCard';
import { usePublicityTotals } from './queries';

/** 首页: publicity totals over all dates, when the module is there. */
export function PublicityHomeCard() {
  const info = useAppInfo();
  const on = info.data?.modules.includes('publicity') ?? false;
  const totals = usePublicityTotals({}, on);
  const { t } = useTranslation();
  if (!on || !totals.data) return null;
  return (
    <PublicityTotalsCard
      totals={totals.data}
      title={t('publicity.home.title')}
      testId="home-publicity"
    />
  );
}
