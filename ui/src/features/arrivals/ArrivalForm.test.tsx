import { configure, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { NewArrival } from '../../api/bindings';
import { arrival, arrivalsBackend, choose, chooseWuhan, typeDate } from '../../test/arrivals';
import { renderApp } from '../../test/render';
import { calls, inspected, row } from '../../test/residents';

// antd's tables, selects, cascaders and modals render slowly in jsdom.
beforeAll(() => configure({ asyncUtilTimeout: 15_000 }));

/** Fills what every arrival needs: 湖北省武汉市, left 2020-01-20, arrived 2020-01-21. */
async function fillArrival(user: ReturnType<typeof renderApp>['user']) {
  await chooseWuhan(user, 'arrival-origin');
  await typeDate(user, 'arrival-departed', '2020-01-20');
  await typeDate(user, 'arrival-arrived', '2020-01-21');
}

describe('ArrivalsPage: registration at the door', { timeout: 120_000 }, () => {
  it('recognises a registered person by the ID number and adds only the arrival', async () => {
    const log = arrivalsBackend({
      inspect_id_number: () => ({ ...inspected, existing: row(1) }),
      add_arrival: ({ input }) =>
        ({ ...arrival, id: 'a9', personName: '居民1', ...input }) as never,
    });
    const { user } = renderApp('/arrivals');
    await user.click(await screen.findByTestId('add-arrival'));
    await user.click(await screen.findByTestId('arrival-id-input'));
    await user.paste('11010119800501123X');
    expect(await screen.findByTestId('arrival-person')).toHaveTextContent(
      '已登记人员：居民1（幸福家园12栋1单元101）',
    );
    expect(screen.queryByTestId('arrival-name-input')).not.toBeInTheDocument();
    await fillArrival(user);
    await choose(user, 'arrival-transport', '火车');
    await user.type(screen.getByTestId('arrival-transport-no'), 'G1234');
    const symptoms = screen.getByTestId('arrival-symptoms');
    await user.click(within(symptoms).getByLabelText('咳嗽'));
    await user.type(screen.getByTestId('arrival-temperature'), '37.5');
    await user.click(screen.getByTestId('arrival-submit'));

    expect(await screen.findByText('已登记返乡人员：居民1')).toBeInTheDocument();
    expect(calls(log, 'add_person')).toEqual([]);
    expect(calls(log, 'add_arrival')).toEqual([
      {
        input: {
          personId: 'p1',
          origin: { kind: 'region', code: '420100' },
          departedOn: '2020-01-20',
          arrivedOn: '2020-01-21',
          transport: 'train',
          transportNo: 'G1234',
          symptoms: ['cough'],
          temperature: '37.5',
        } satisfies NewArrival,
      },
    ]);
  });

  it('registers a new person and the arrival in one call', async () => {
    const log = arrivalsBackend({
      inspect_id_number: () => inspected,
      register_arrival: ({ input }) =>
        ({ ...arrival, id: 'a9', personName: input.person.name, ...input.arrival }) as never,
    });
    const { user } = renderApp('/arrivals');
    await user.click(await screen.findByTestId('add-arrival'));
    await user.type(await screen.findByTestId('arrival-id-input'), '11010119800501123X');
    expect(await screen.findByTestId('arrival-id-derived')).toHaveTextContent(
      '1980-05-01 · 男 · 46 岁',
    );
    // Enter moves from the ID number to the name, and on to the phone.
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByTestId('arrival-name-input')).toHaveFocus());
    await user.keyboard('王五{Enter}');
    await waitFor(() => expect(screen.getByTestId('arrival-phone-input')).toHaveFocus());
    await user.keyboard('13800001234');
    await fillArrival(user);
    await user.click(screen.getByTestId('arrival-submit'));

    expect(await screen.findByText('已登记返乡人员：王五')).toBeInTheDocument();
    // One call: the core writes the person and the arrival together (both or neither).
    expect(log.map((c) => c.cmd).filter((c) => c.startsWith('add_'))).toEqual([]);
    expect(calls(log, 'register_arrival')).toEqual([
      {
        input: {
          person: { name: '王五', idNumber: '11010119800501123X', phone: '13800001234' },
          arrival: {
            personId: '',
            origin: { kind: 'region', code: '420100' },
            departedOn: '2020-01-20',
            arrivedOn: '2020-01-21',
            symptoms: [],
          },
        },
      },
    ]);
  });

  it('shows the core’s Chinese error and calls nothing else', async () => {
    const log = arrivalsBackend({
      inspect_id_number: () => inspected,
      register_arrival: () => {
        throw {
          code: 'invalidInput',
          message: 'bad phone',
          detailZh: '联系电话应为 11 位手机号或带区号的固定电话',
        };
      },
    });
    const { user } = renderApp('/arrivals');
    await user.click(await screen.findByTestId('add-arrival'));
    await user.click(await screen.findByTestId('arrival-id-input'));
    await user.paste('11010119800501123X');
    await screen.findByTestId('arrival-id-derived');
    await user.type(screen.getByTestId('arrival-name-input'), '王五');
    await user.type(screen.getByTestId('arrival-phone-input'), '12345');
    await fillArrival(user);
    await user.click(screen.getByTestId('arrival-submit'));

    expect(await screen.findByTestId('arrival-form-error')).toHaveTextContent(
      '保存失败：输入有误：联系电话应为 11 位手机号或带区号的固定电话',
    );
    expect(calls(log, 'register_arrival')).toHaveLength(1);
    expect(calls(log, 'add_person')).toEqual([]);
    expect(calls(log, 'add_arrival')).toEqual([]);
    // The form keeps what was typed.
    expect(screen.getByTestId('arrival-name-input')).toHaveValue('王五');
  });
});
