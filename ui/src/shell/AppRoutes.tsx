import { Navigate, Route, Routes } from 'react-router';
import type { EnabledModule } from './modules';
import { NotFound } from './NotFound';

/** One route per enabled module; nothing else exists. */
export function AppRoutes({ modules }: { modules: EnabledModule[] }) {
  const home = modules.find((m) => m.path === '/');
  const first = modules[0];
  return (
    <Routes>
      {modules.map((m) => {
        const Page = m.page;
        return m.path === '/' ? (
          <Route key={m.key} index element={<Page />} />
        ) : (
          <Route key={m.key} path={`${m.path}/*`} element={<Page />} />
        );
      })}
      {!home && first && <Route index element={<Navigate to={first.path} replace />} />}
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
