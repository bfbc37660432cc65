import { configure, screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BulkBuilding, Worker } from '../../api/bindings';
import { renderApp } from '../../test/render';
import { calls, expand, residentsBackend } from '../../test/residents';

// antd's tree, modals and selects render slowly in jsdom.
beforeAll(() => configure({ asyncUtilTimeout: 5000 }));

/** Opens 新建楼栋 under 幸福家园 and names the building. */
async function openAddBuilding(user: UserEvent) {
  await expand(user, '城关街道（1）');
  await expand(user, '幸福社区（1）');
  await expand(user, '第一网格（1）');
  await user.click(await screen.findByText('幸福家园（1）'));
  await waitFor(() => expect(screen.getByTestId('add-building')).toBeEnabled());
  await user.click(screen.getByTestId('add-building'));
  await user.type(await screen.findByTestId('building-name-input'), '12栋');
}

const sent = (log: ReturnType<typeof residentsBackend>) =>
  (calls(log, 'bulk_create_building')[0] as { input: BulkBuilding }).input;

describe('WorkerSelect: 包保责任人', { timeout: 120_000 }, () => {
  it('gives every household of a new building the worker chosen from list_workers', async () => {
    const log = residentsBackend({
      bulk_create_building: () => ({ buildingId: 'b2', units: 2, households: 24 }),
    });
    const { user } = renderApp('/residents');
    await openAddBuilding(user);
    const select = screen.getByTestId('building-worker-select');
    await user.click(within(select).getByRole('combobox'));
    expect(await screen.findByTitle('李网格员（13905540101）')).toBeInTheDocument();
    await user.click(await screen.findByTitle('王芳'));
    expect(select).toHaveTextContent('王芳');
    await user.click(screen.getByTestId('building-submit'));
    await waitFor(() => expect(calls(log, 'bulk_create_building')).toHaveLength(1));
    expect(sent(log).responsibleWorkerId).toBe('w2');
    expect(calls(log, 'list_workers')).toEqual([{}]);
  });

  it('adds a worker on the spot and chooses them', async () => {
    let workers: Worker[] = [{ id: 'w1', name: '李网格员', phone: '13905540101' }];
    const log = residentsBackend({
      list_workers: () => workers,
      add_worker: ({ input }) => {
        const added = { id: 'w9', name: input.name, phone: input.phone ?? null };
        workers = [...workers, added];
        return added;
      },
      bulk_create_building: () => ({ buildingId: 'b2', units: 2, households: 24 }),
    });
    const { user } = renderApp('/residents');
    await openAddBuilding(user);
    await user.click(screen.getByTestId('building-worker-select-add'));
    await user.type(await screen.findByTestId('worker-name-input'), '赵敏');
    await user.type(screen.getByTestId('worker-phone-input'), '13800001111');
    await user.click(screen.getByTestId('worker-submit'));
    await waitFor(() =>
      expect(screen.getByTestId('building-worker-select')).toHaveTextContent('赵敏（13800001111）'),
    );
    expect(calls(log, 'add_worker')).toEqual([{ input: { name: '赵敏', phone: '13800001111' } }]);
    await user.click(screen.getByTestId('building-submit'));
    await waitFor(() => expect(calls(log, 'bulk_create_building')).toHaveLength(1));
    expect(sent(log).responsibleWorkerId).toBe('w9');
  });

  it('shows the backend’s refusal of a new worker and keeps the form', async () => {
    residentsBackend({
      add_worker: () => {
        throw { code: 'invalidInput', message: 'bad phone', detailZh: '手机号码应为 11 位' };
      },
    });
    const { user } = renderApp('/residents');
    await openAddBuilding(user);
    await user.click(screen.getByTestId('building-worker-select-add'));
    await user.type(await screen.findByTestId('worker-name-input'), '赵敏');
    await user.type(screen.getByTestId('worker-phone-input'), '123');
    await user.click(screen.getByTestId('worker-submit'));
    expect(await screen.findByTestId('add-worker-error')).toHaveTextContent(
      '保存失败：输入有误：手机号码应为 11 位',
    );
    expect(screen.getByTestId('worker-name-input')).toHaveValue('赵敏');
  });
});
