import {
  AuditOutlined,
  CarOutlined,
  FileExcelOutlined,
  HomeOutlined,
  InboxOutlined,
  MedicineBoxOutlined,
  NotificationOutlined,
  PhoneOutlined,
  SafetyOutlined,
  SettingOutlined,
  ShareAltOutlined,
  ShopOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ComponentType, ReactNode } from 'react';
import type { Module } from '../api/bindings';
import { ArrivalsPage } from '../features/arrivals/ArrivalsPage';
import { ContactsPage } from '../features/contacts/ContactsPage';
import { HomePage } from '../features/home/HomePage';
import { IsolationPage } from '../features/isolation/IsolationPage';
import { ResidentsPage } from '../features/residents/ResidentsPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { SuppliesPage } from '../features/supplies/SuppliesPage';
import { SweepsPage } from '../features/sweeps/SweepsPage';
import { WorkPage } from '../features/work/WorkPage';

export type ModuleDef = {
  key: Module;
  /** Route path; the menu label is the i18n key `modules.<key>`. */
  path: string;
  icon: ReactNode;
  /** The page; a module without one is not built yet and is never shown. */
  page?: ComponentType;
};

/** Every module of the product, in menu order. */
export const MODULES: readonly ModuleDef[] = [
  { key: 'home', path: '/', icon: <HomeOutlined />, page: HomePage },
  { key: 'residents', path: '/residents', icon: <TeamOutlined />, page: ResidentsPage },
  { key: 'sweeps', path: '/sweeps', icon: <AuditOutlined />, page: SweepsPage },
  { key: 'arrivals', path: '/arrivals', icon: <CarOutlined />, page: ArrivalsPage },
  { key: 'contacts', path: '/contacts', icon: <ShareAltOutlined />, page: ContactsPage },
  { key: 'isolation', path: '/isolation', icon: <MedicineBoxOutlined />, page: IsolationPage },
  { key: 'calls', path: '/calls', icon: <PhoneOutlined /> },
  { key: 'gate', path: '/gate', icon: <SafetyOutlined /> },
  { key: 'supplies', path: '/supplies', icon: <InboxOutlined />, page: SuppliesPage },
  {
    key: 'workResumption',
    path: '/work-resumption',
    icon: <ShopOutlined />,
    page: WorkPage,
  },
  { key: 'publicity', path: '/publicity', icon: <NotificationOutlined /> },
  { key: 'reports', path: '/reports', icon: <FileExcelOutlined /> },
  { key: 'settings', path: '/settings', icon: <SettingOutlined />, page: SettingsPage },
];

export type EnabledModule = ModuleDef & { page: ComponentType };

/** The modules to show: those the backend reports and the UI has a page for, in menu order. */
export function enabledModules(reported: readonly Module[]): EnabledModule[] {
  return MODULES.filter(
    (m): m is EnabledModule => m.page !== undefined && reported.includes(m.key),
  );
}

/** The module whose path matches the location best ('/' only matches itself). */
export function moduleForPath(
  modules: readonly ModuleDef[],
  pathname: string,
): ModuleDef | undefined {
  return modules
    .filter((m) =>
      m.path === '/' ? pathname === '/' : pathname === m.path || pathname.startsWith(`${m.path}/`),
    )
    .sort((a, b) => b.path.length - a.path.length)[0];
}
