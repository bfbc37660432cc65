import { useState } from 'react';
import { HashRouter } from 'react-router';
import { AppProviders } from './providers';
import { createQueryClient } from './queryClient';
import { AppShell } from './shell/AppShell';

/** The application: providers, hash routing (served from a custom protocol), the shell. */
export function App() {
  const [client] = useState(createQueryClient);
  return (
    <AppProviders client={client}>
      <HashRouter>
        <AppShell />
      </HashRouter>
    </AppProviders>
  );
}
