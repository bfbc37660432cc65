import { Menu, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { EnabledModule } from './modules';
import { moduleForPath } from './modules';

/** The side menu: only enabled modules, each a link to its route. */
export function SideMenu({
  modules,
  pending,
}: {
  modules: EnabledModule[] | undefined;
  pending: boolean;
}) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  if (pending) {
    return <Skeleton active title={false} paragraph={{ rows: 3 }} style={{ padding: 16 }} />;
  }
  if (!modules) return null;
  const selected = moduleForPath(modules, pathname);
  return (
    <Menu
      mode="inline"
      aria-label={t('shell.menuLabel')}
      selectedKeys={selected ? [selected.key] : []}
      style={{ borderInlineEnd: 'none' }}
      items={modules.map((m) => ({
        key: m.key,
        icon: m.icon,
        'data-testid': `menu-${m.key}`,
        label: <Link to={m.path}>{t(`modules.${m.key}`)}</Link>,
      }))}
    />
  );
}
