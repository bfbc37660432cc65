import { configure, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GateCheck, GateCounts, GateDay, NewGateCheck, PersonHit } from '../../api/bindings';
import { mockBackend } from '../../test/backend';
import { appInfo } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import { calls } from '../../test/residents';

// antd renders slowly in jsdom.
beforeAll(() => configure({ asyncUtilTimeout: 8000 }));

const hit = (personId: string, name: string, phone: string): PersonHit => ({
  personId,
  name,
  idNumber: '340403********1234',
  phone,
  address: '幸福家园1栋1单元101',
  residenceStatus: 'hukou',
  matched: 'phone',
});
const ZHANG = hit('p1', '张伟', '138****5678');
const ZHANG2 = hit('p2', '张伟', '139****5678');
const LI = hit('p3', '李娜', '137****1111');

/** A backend that remembers the checks added, so the day view moves as it would. */
function gateBackend() {
  const checks: GateCheck[] = [];
  const log = mockBackend({
    app_info: () => ({ ...appInfo, modules: ['home', 'gate', 'settings'] }),
    list_checkpoints: () => [{ id: 'c1', name: '幸福家园东门', place: null, note: null }],
    search_people: ({ input }) => {
      if (input.query === '5678') return [ZHANG, ZHANG2];
      if (input.query === 'ln' || input.query === '1111') return [LI];
      return [];
    },
    add_gate_check: ({ input }: { input: NewGateCheck }) => {
      const fever = Number(input.temperature) >= 37.3;
      const id = `g${checks.length + 1}`;
      const who = [ZHANG, ZHANG2, LI].find((h) => h.personId === input.personId);
      checks.unshift({
        id,
        checkpointId: input.checkpointId,
        checkpointName: '幸福家园东门',
        personId: input.personId ?? null,
        name: who?.name ?? input.visitor?.name ?? '',
        visitor: !!input.visitor,
        idNumber: null,
        phone: null,
        address: null,
        reason: input.visitor?.reason ?? null,
        temperature: input.temperature,
        fever,
        admitted: !fever,
        referral: fever ? '社区卫生服务中心发热门诊' : null,
        feverEventId: fever ? `f${id}` : null,
        checkedAt: `2026-11-29 08:${String(10 + checks.length).padStart(2, '0')}:00`,
        note: null,
      });
      return {
        id,
        admitted: !fever,
        feverEventId: fever ? `f${id}` : null,
        personId: input.personId ?? null,
      };
    },
    void_gate_check: ({ input }) => {
      if (!input.reason.trim()) throw { code: 'invalid_input', message: 'no reason' };
      const i = checks.findIndex((c) => c.id === input.id);
      checks.splice(i, 1);
      return null;
    },
    gate_day: (): GateDay => {
      const total: GateCounts = {
        checked: checks.length,
        visitors: checks.filter((c) => c.visitor).length,
        fever: checks.filter((c) => c.fever).length,
        refused: checks.filter((c) => !c.admitted).length,
      };
      const perHour = Array.from({ length: 24 }, (_, h) => (h === 8 ? checks.length : 0));
      return {
        date: '2026-11-29',
        checkpoints: [
          {
            checkpoint: { id: 'c1', name: '幸福家园东门', place: null, note: null },
            counts: total,
          },
        ],
        total,
        perHour,
        checks: [...checks],
      };
    },
    worklist: () => {
      throw { code: 'internal', message: 'not in this test' };
    },
  });
  return log;
}

describe('GatePage: the keyboard-only entry', { timeout: 90_000 }, () => {
  it('checks a person, a fever and a visitor with the keyboard only', async () => {
    const log = gateBackend();
    const { user } = renderApp('/gate');
    const who = await screen.findByTestId('gate-who');
    await waitFor(() => expect(who).toHaveFocus());

    // A phone tail with two matches: ↓ picks the second, Enter, the temperature, Enter.
    await user.keyboard('5678');
    await waitFor(() => expect(screen.getAllByTestId('gate-candidate')).toHaveLength(2));
    await user.keyboard('{ArrowDown}{Enter}');
    const temp = await screen.findByTestId('gate-temperature');
    await waitFor(() => expect(temp).toHaveFocus());
    expect(screen.getByTestId('gate-picked')).toHaveTextContent('张伟');
    await user.keyboard('365{Enter}');
    await waitFor(() =>
      expect(calls(log, 'add_gate_check')).toEqual([
        { input: { checkpointId: 'c1', personId: 'p2', temperature: '36.5' } },
      ]),
    );
    expect(await screen.findByTestId('gate-last-result')).toHaveTextContent('张伟 36.5℃，已放行');
    await waitFor(() => expect(screen.getByTestId('gate-who')).toHaveFocus());
    expect(screen.getByTestId('gate-who')).toHaveValue('');

    // Enter straight after typing, before the search answered: the first match is taken.
    await user.keyboard('1111{Enter}');
    await waitFor(() => expect(screen.getByTestId('gate-temperature')).toHaveFocus());
    await user.keyboard('38.2{Enter}');
    const refused = await screen.findByText('李娜 38.2℃ 发热，不予进入');
    expect(refused.closest('[data-testid="gate-last-result"]')).toHaveAttribute(
      'data-admitted',
      'false',
    );
    expect(screen.getByTestId('gate-last-result')).toHaveTextContent('社区卫生服务中心发热门诊');

    // Nobody found: the visitor path, name prefilled, Enter from field to field.
    await waitFor(() => expect(screen.getByTestId('gate-who')).toHaveFocus());
    await user.keyboard('王五');
    const visitorOption = await screen.findByTestId('gate-candidate-visitor');
    expect(visitorOption).toHaveTextContent('查无此人');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByTestId('gate-visitor-phone')).toHaveFocus());
    expect(screen.getByTestId('gate-visitor-name')).toHaveValue('王五');
    await user.keyboard('13955554444{Enter}{Enter}探亲{Enter}');
    await waitFor(() => expect(screen.getByTestId('gate-temperature')).toHaveFocus());
    await user.keyboard('36.6{Enter}');
    await waitFor(() =>
      expect(calls(log, 'add_gate_check').at(-1)).toEqual({
        input: {
          checkpointId: 'c1',
          temperature: '36.6',
          visitor: { name: '王五', phone: '13955554444', reason: '探亲' },
        },
      }),
    );
    await waitFor(() => expect(screen.getByTestId('gate-who')).toHaveFocus());

    // The day view counts them, with the hour histogram.
    const day = screen.getByTestId('gate-day');
    await waitFor(() => expect(within(day).getAllByTestId('gate-check-row')).toHaveLength(3));
    expect(screen.getByTestId('gate-count-checked')).toHaveTextContent('3');
    expect(screen.getByTestId('gate-count-refused')).toHaveTextContent('1');
    expect(screen.getByTestId('gate-count-visitors')).toHaveTextContent('1');
    const eight = within(screen.getByTestId('gate-histogram'))
      .getAllByTestId('gate-hour')
      .find((g) => g.getAttribute('data-hour') === '8');
    expect(eight).toHaveAttribute('data-count', '3');
  });

  it('goes back with Esc and offers a visitor after the matches', async () => {
    gateBackend();
    const { user } = renderApp('/gate');
    const who = await screen.findByTestId('gate-who');
    await waitFor(() => expect(who).toHaveFocus());
    await user.keyboard('ln');
    await waitFor(() => expect(screen.getAllByTestId('gate-candidate')).toHaveLength(1));
    expect(screen.getByTestId('gate-candidate-visitor')).toHaveTextContent('都不是');
    await user.keyboard('{ArrowDown}');
    expect(screen.getByTestId('gate-candidate-visitor')).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowUp}{Enter}');
    await waitFor(() => expect(screen.getByTestId('gate-temperature')).toHaveFocus());
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.getByTestId('gate-who')).toHaveFocus());
    expect(screen.getByTestId('gate-who')).toHaveValue('ln');
  });

  it('voids an entry typed wrongly with its reason, and the day view drops it', async () => {
    const log = gateBackend();
    const { user } = renderApp('/gate');
    const who = await screen.findByTestId('gate-who');
    await waitFor(() => expect(who).toHaveFocus());
    await user.keyboard('1111{Enter}');
    await waitFor(() => expect(screen.getByTestId('gate-temperature')).toHaveFocus());
    await user.keyboard('38.6{Enter}');
    await screen.findByText('李娜 38.6℃ 发热，不予进入');
    const day = screen.getByTestId('gate-day');
    await waitFor(() => expect(within(day).getAllByTestId('gate-check-row')).toHaveLength(1));
    expect(screen.getByTestId('gate-count-refused')).toHaveTextContent('1');

    await user.click(within(day).getByTestId('gate-void'));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('作废 李娜 08:10 的登记');
    expect(dialog).toHaveTextContent('38.6℃');
    // No reason: the form says so and nothing is sent.
    await user.click(within(dialog).getByTestId('gate-void-ok'));
    expect(await within(dialog).findByText('请填写作废原因')).toBeInTheDocument();
    expect(calls(log, 'void_gate_check')).toEqual([]);
    await user.type(within(dialog).getByTestId('gate-void-reason'), '体温录错，实测36.8');
    await user.click(within(dialog).getByTestId('gate-void-ok'));
    await waitFor(() =>
      expect(calls(log, 'void_gate_check')).toEqual([
        { input: { id: 'g1', reason: '体温录错，实测36.8' } },
      ]),
    );
    await waitFor(() => expect(within(day).queryAllByTestId('gate-check-row')).toHaveLength(0));
    expect(screen.getByTestId('gate-count-refused')).toHaveTextContent('0');
  });
});
