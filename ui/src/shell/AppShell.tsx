import { SafetyCertificateTwoTone } from '@ant-design/icons';
import { Flex, Layout, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '../components/QueryStates';
import { AppHeader } from './AppHeader';
import { AppRoutes } from './AppRoutes';
import { enabledModules } from './modules';
import { useAppInfo } from './queries';
import { SideMenu } from './SideMenu';

/** Side menu, header and the page of the current route. */
export function AppShell() {
  const { t } = useTranslation();
  const info = useAppInfo();
  const [collapsed, setCollapsed] = useState(false);
  const modules = info.data ? enabledModules(info.data.modules) : undefined;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        width={200}
        breakpoint="lg"
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        theme="light"
        style={{ borderInlineEnd: '1px solid #f0f0f0' }}
      >
        <Flex
          align="center"
          justify={collapsed ? 'center' : 'flex-start'}
          gap={8}
          style={{ height: 56, padding: collapsed ? 0 : '0 24px', overflow: 'hidden' }}
        >
          <SafetyCertificateTwoTone style={{ fontSize: 22 }} />
          {!collapsed && (
            <Typography.Text strong ellipsis style={{ fontSize: 16 }}>
              {t('app.name')}
            </Typography.Text>
          )}
        </Flex>
        <SideMenu modules={modules} pending={info.isPending} />
      </Layout.Sider>
      <Layout>
        <AppHeader info={info.data} pending={info.isPending} />
        <Layout.Content style={{ padding: 24 }}>
          {info.isPending ? (
            <LoadingState />
          ) : info.isError ? (
            <ErrorState
              title={t('shell.appInfoFailed')}
              error={info.error}
              onRetry={() => void info.refetch()}
              retrying={info.isFetching}
            />
          ) : (
            <AppRoutes modules={modules ?? []} />
          )}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
