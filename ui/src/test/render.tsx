import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { AppProviders } from '../providers';
import { createQueryClient } from '../queryClient';
import { AppShell } from '../shell/AppShell';

/** Renders the whole shell at `path` with a fresh query cache. */
export function renderApp(path = '/') {
  const client = createQueryClient();
  const user = userEvent.setup({ delay: null });
  const result = render(
    <AppProviders client={client}>
      <MemoryRouter initialEntries={[path]}>
        <AppShell />
      </MemoryRouter>
    </AppProviders>,
  );
  return { ...result, user, client };
}
