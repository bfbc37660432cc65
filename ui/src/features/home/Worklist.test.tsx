import { configure, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { HandleFever } from '../../api/bindings';
import { choose } from '../../test/arrivals';
import { TODAY, isolationBackend, worklist, zhang } from '../../test/isolation';
import { renderApp } from '../../test/render';
import { calls } from '../../test/residents';

// antd's lists, selects and modals render slowly in jsdom.
beforeAll(() => configure({ asyncUtilTimeout: 8000 }));

const section = async (id: string) => screen.findByTestId(`worklist-section-${id}`);

describe('首页: 今日工作', { timeout: 90_000 }, () => {
  it('renders each section of the worklist with its counts', async () => {
    const log = isolationBackend();
    renderApp('/');
    const card = await screen.findByTestId('worklist');
    expect(within(card).getByTestId('worklist-date')).toHaveTextContent('2020-01-25');
    expect(within(card).getByTestId('worklist-count-due-1')).toHaveTextContent('上午待测3');
    expect(within(card).getByTestId('worklist-count-due-2')).toHaveTextContent('下午待测2');
    expect(within(card).getByTestId('worklist-count-overdue')).toHaveTextContent('缺报1');
    expect(within(card).getByTestId('worklist-count-endingToday')).toHaveTextContent('今日到期1');
    expect(within(card).getByTestId('worklist-count-endingTomorrow')).toHaveTextContent(
      '明日到期1',
    );
    expect(within(card).getByTestId('worklist-count-releaseDue')).toHaveTextContent('待解除1');
    expect(within(card).getByTestId('worklist-count-fevers')).toHaveTextContent('未处理发热1');
    expect(within(card).getByTestId('worklist-count-followUps')).toHaveTextContent('随访1');

    const due = within(await section('due')).getAllByTestId('worklist-due');
    expect(due).toHaveLength(2);
    expect(due[0]).toHaveTextContent('张三');
    expect(due[0]).toHaveTextContent('第 5/14 天');
    expect(due[0]).toHaveTextContent('上午');
    expect(due[0]).toHaveTextContent('下午');
    expect(due[1]).toHaveTextContent('李四');
    expect(due[1]).not.toHaveTextContent('上午');
    expect(within(await section('overdue')).getByTestId('worklist-overdue')).toHaveTextContent(
      '张三缺报 1',
    );
    expect(
      within(await section('endingToday')).getByTestId('worklist-ending-today'),
    ).toHaveTextContent('赵六');
    expect(
      within(await section('endingTomorrow')).getByTestId('worklist-ending-tomorrow'),
    ).toHaveTextContent('钱七');
    const release = within(await section('releaseDue')).getByTestId('worklist-release-due');
    expect(release).toHaveTextContent('孙八');
    expect(release).toHaveTextContent('计划 2020-01-24 解除');
    const fever = within(await section('fevers')).getByTestId('worklist-fever');
    expect(fever).toHaveTextContent('张三');
    expect(fever).toHaveTextContent('38.1℃');
    const follow = within(await section('followUps')).getByTestId('worklist-follow-up');
    expect(follow).toHaveTextContent('周九');
    expect(follow).toHaveTextContent('第 3 天');
    // The rest of 首页 is still there.
    expect(screen.getByTestId('stat-people')).toHaveTextContent('4,521');
    expect(calls(log, 'worklist')).toEqual([{}]);
  });

  it('handles a fever: referral defaults to the fever clinic, the result is chosen', async () => {
    let handled = false;
    const log = isolationBackend({
      worklist: () => (handled ? { ...worklist, fevers: [] } : worklist),
      handle_fever: ({ input }) => {
        handled = true;
        return {
          ...worklist.fevers[0],
          handledOn: input.on,
          referral: input.referral,
          result: input.result,
        };
      },
    });
    const { user } = renderApp('/');
    const fever = within(await section('fevers')).getByTestId('worklist-fever');
    await user.click(within(fever).getByTestId('worklist-handle-fever'));
    const form = await screen.findByTestId('fever-form');
    expect(within(form).getByTestId('fever-referral')).toHaveValue('社区卫生服务中心发热门诊');
    await user.click(within(form).getByTestId('fever-submit'));
    expect(await screen.findByText('请选择诊断结果')).toBeInTheDocument();
    expect(calls(log, 'handle_fever')).toEqual([]);

    await choose(user, 'fever-result', '居家观察');
    await user.click(within(form).getByTestId('fever-submit'));
    expect(await screen.findByText('已处理张三的发热')).toBeInTheDocument();
    expect(calls(log, 'handle_fever')).toEqual([
      {
        input: {
          id: 'f1',
          on: TODAY,
          referral: '社区卫生服务中心发热门诊',
          result: 'observe',
        } satisfies HandleFever,
      },
    ]);
    await waitFor(() =>
      expect(within(screen.getByTestId('worklist-count-fevers')).getByText('0')).toBeVisible(),
    );
    expect(await section('fevers')).toHaveTextContent('没有未处理的发热');
  });

  it('releases one past its end, records a follow-up and opens the check entry', async () => {
    const log = isolationBackend({
      end_isolation: ({ input }) => ({ ...zhang, personName: '孙八', endReason: input.reason }),
      record_follow_up: () => null,
      add_checks: ({ input }) => ({ checks: input.checks.map((_, i) => `c${i}`), fevers: [] }),
    });
    const { user } = renderApp('/');
    const release = within(await section('releaseDue')).getByTestId('worklist-release-due');
    await user.click(within(release).getByTestId('worklist-release'));
    await user.click(await screen.findByTestId('end-submit'));
    expect(await screen.findByText('孙八：解除隔离')).toBeInTheDocument();
    expect(calls(log, 'end_isolation')).toEqual([
      { input: { id: 'i6', on: TODAY, reason: 'released' } },
    ]);

    const follow = within(await section('followUps')).getByTestId('worklist-follow-up');
    await user.click(within(follow).getByTestId('worklist-record-follow-up'));
    await user.click(await screen.findByTestId('follow-up-submit'));
    expect(await screen.findByText('已记录周九的随访')).toBeInTheDocument();
    expect(calls(log, 'record_follow_up')).toEqual([
      { input: { isolationId: 'i7', day: 3, doneOn: TODAY, well: true } },
    ]);

    const due = within(await section('due')).getAllByTestId('worklist-due')[1];
    await user.click(within(due).getByTestId('worklist-enter'));
    await user.type(await screen.findByTestId('check-temperature'), '36.6');
    await user.click(screen.getByTestId('check-submit'));
    expect(await screen.findByText('已录入李四的体温')).toBeInTheDocument();
    expect(calls(log, 'add_checks')).toEqual([
      {
        input: {
          checks: [
            {
              isolationId: 'i2',
              date: TODAY,
              slot: 2,
              temperature: '36.6',
              symptoms: [],
              method: 'visit',
            },
          ],
        },
      },
    ]);
  });
});
