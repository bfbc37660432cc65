import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import type { Locale } from 'antd/es/locale';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { theme } from './theme';

const ANTD_LOCALES: Record<string, Locale> = { 'zh-CN': zhCN, en: enUS };
const DAYJS_LOCALES: Record<string, string> = { 'zh-CN': 'zh-cn', en: 'en' };

/** Data, theme and locale for the whole UI; the router is added by the caller. */
export function AppProviders({ client, children }: { client: QueryClient; children: ReactNode }) {
  const { i18n } = useTranslation();
  const lng = i18n.resolvedLanguage ?? i18n.language;
  dayjs.locale(DAYJS_LOCALES[lng] ?? 'zh-cn');
  return (
    <QueryClientProvider client={client}>
      <ConfigProvider
        locale={ANTD_LOCALES[lng] ?? zhCN}
        theme={theme}
        button={{ autoInsertSpace: false }}
      >
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
