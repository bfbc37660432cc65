import { configure, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderApp } from '../../test/render';
import { calls, inspected, residentsBackend, row, zhangsan } from '../../test/residents';

// antd's modals and forms render slowly in jsdom.
beforeAll(() => configure({ asyncUtilTimeout: 5000 }));

describe('ResidentsPage: 新增人员', { timeout: 60_000 }, () => {
  it('shows what inspect_id_number derives from the ID number', async () => {
    const log = residentsBackend({ inspect_id_number: () => inspected });
    const { user } = renderApp('/residents');
    await user.click(await screen.findByTestId('add-person'));
    const input = await screen.findByTestId('person-id-input');
    await user.type(input, '11010119800501123');
    expect(calls(log, 'inspect_id_number')).toHaveLength(0);
    await user.type(input, 'X');
    expect(await screen.findByTestId('derived-birth-date')).toHaveTextContent('1980年5月1日');
    expect(screen.getByTestId('derived-sex')).toHaveTextContent('男');
    expect(screen.getByTestId('derived-age')).toHaveTextContent('46');
    expect(calls(log, 'inspect_id_number')).toEqual([
      { input: { idNumber: '11010119800501123X' } },
    ]);
  });

  it('shows the backend’s error for an invalid ID number', async () => {
    residentsBackend({
      inspect_id_number: () => {
        throw {
          code: 'invalidInput',
          message: 'bad check digit',
          detailZh: '身份证号校验码错误：最后一位应为 X',
        };
      },
    });
    const { user } = renderApp('/residents');
    await user.click(await screen.findByTestId('add-person'));
    await user.type(await screen.findByTestId('person-id-input'), '110101198005011234');
    expect(await screen.findByText('身份证号校验码错误：最后一位应为 X')).toBeVisible();
    expect(screen.queryByTestId('derived-birth-date')).not.toBeInTheDocument();
  });

  it('offers the existing person instead of a duplicate', async () => {
    const log = residentsBackend({
      inspect_id_number: () => ({ ...inspected, existing: row(1) }),
    });
    const { user } = renderApp('/residents');
    await user.click(await screen.findByTestId('add-person'));
    await user.type(await screen.findByTestId('person-id-input'), '11010119800501123X');
    expect(
      await screen.findByText('该身份证号已登记：居民1（幸福家园12栋1单元101）'),
    ).toBeInTheDocument();
    expect(screen.getByTestId('person-submit')).toBeDisabled();
    await user.click(screen.getByRole('button', { name: '打开已有人员' }));
    const drawer = await screen.findByTestId('person-drawer');
    expect(await within(drawer).findByTestId('person-name')).toHaveTextContent('张三');
    expect(calls(log, 'get_person')).toEqual([{ input: { id: 'p1' } }]);
    expect(calls(log, 'add_person')).toHaveLength(0);
  });

  it('saves with add_person and opens the new person', async () => {
    const log = residentsBackend({
      inspect_id_number: () => inspected,
      add_person: ({ input }) => ({ ...zhangsan, id: 'p9', name: input.name }),
      get_person: ({ input }) =>
        input.id === 'p9' ? { ...zhangsan, id: 'p9', name: '王五' } : zhangsan,
    });
    const { user } = renderApp('/residents');
    await user.click(await screen.findByTestId('add-person'));
    await user.type(await screen.findByTestId('person-id-input'), '11010119800501123X{Enter}');
    await waitFor(() => expect(screen.getByTestId('person-name-input')).toHaveFocus());
    await user.keyboard('王五{Enter}13800001234{Enter}');
    await screen.findByTestId('derived-birth-date');
    await user.click(screen.getByTestId('person-submit'));
    expect(await screen.findByText('已新增人员：王五')).toBeInTheDocument();
    expect(calls(log, 'add_person')).toEqual([
      {
        input: {
          name: '王五',
          idNumber: '11010119800501123X',
          phone: '13800001234',
          residenceStatus: 'resident',
        },
      },
    ]);
    const drawer = await screen.findByTestId('person-drawer');
    expect(await within(drawer).findByTestId('person-name')).toHaveTextContent('王五');
    expect(calls(log, 'get_person')).toEqual([{ input: { id: 'p9' } }]);
  });

  it('keeps the form and shows the Chinese error when add_person refuses', async () => {
    residentsBackend({
      add_person: () => {
        throw {
          code: 'invalidInput',
          message: 'duplicate',
          detailZh: '该身份证号已登记（张三），请打开已有人员，不要重复录入',
        };
      },
    });
    const { user } = renderApp('/residents');
    await user.click(await screen.findByTestId('add-person'));
    await user.type(await screen.findByTestId('person-name-input'), '王五');
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(await screen.findByTestId('add-person-error')).toHaveTextContent(
      '保存失败：输入有误：该身份证号已登记（张三），请打开已有人员，不要重复录入',
    );
    expect(screen.getByTestId('person-name-input')).toHaveValue('王五');
  });
});
