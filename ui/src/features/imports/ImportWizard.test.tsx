import { configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import type {
  ImportPreview,
  ImportRequest,
  JobProgress,
  PreviewRowsQuery,
} from '../../api/bindings';
import { AppProviders } from '../../providers';
import { createQueryClient } from '../../queryClient';
import { channelSender, mockBackend } from '../../test/backend';
import { ImportWizard } from './ImportWizard';

// antd's tables, selects and modals render slowly in jsdom.
beforeAll(() => configure({ asyncUtilTimeout: 15_000 }));

const preview: ImportPreview = {
  kind: 'arrivals',
  sheets: ['返乡人员', '说明'],
  sheet: '返乡人员',
  headerRows: [3, 4],
  columns: [
    { letter: 'A', header: '姓名', field: 'name' },
    { letter: 'B', header: '身份证号码', field: 'id_number' },
    { letter: 'C', header: '返回情况/返回时间', field: 'arrived_on' },
    { letter: 'D', header: '返回情况/从何地返回', field: 'origin' },
  ],
  fields: [
    { key: 'name', labelZh: '姓名', required: true },
    { key: 'id_number', labelZh: '身份证号', required: false },
    { key: 'origin', labelZh: '来源地', required: true },
    { key: 'arrived_on', labelZh: '返回时间', required: true },
  ],
  rows: [
    {
      row: 5,
      status: 'accepted',
      name: '张三',
      newPerson: true,
      newArrival: true,
      newHousehold: true,
      messageZh: '新建户：幸福家园1栋2单元401',
    },
    {
      row: 6,
      status: 'error',
      name: '钱六',
      newPerson: false,
      newArrival: false,
      newHousehold: false,
      cell: 'B6',
      messageZh: '身份证号已被 Excel 转成科学计数法',
    },
  ],
  counts: {
    rows: 2,
    accepted: 1,
    newPeople: 1,
    matchedPeople: 0,
    newArrivals: 1,
    newHouseholds: 1,
    unchanged: 0,
    duplicates: 0,
    errors: 1,
  },
  previewId: 'pv1',
};

describe('ImportWizard', { timeout: 120_000 }, () => {
  it('reads a file, shows the mapping and the preview counts, and commits', async () => {
    const requests: ImportRequest[] = [];
    const pages: PreviewRowsQuery[] = [];
    let goOn = () => {};
    const halfway = new Promise<void>((resolve) => (goOn = resolve));
    const staged: Uint8Array[] = [];
    mockBackend({
      // The file goes over once, as raw bytes; requests then name it.
      stage_import_file: (bytes) => {
        staged.push(bytes);
        return { fileId: 'f1', fileName: '返乡名单.csv', size: bytes.length };
      },
      // Server-side pagination: the core filters and pages the kept preview.
      import_preview_rows: ({ input }) => {
        pages.push(input);
        const rows = preview.rows.filter((r) => !input.status || r.status === input.status);
        return { rows, total: input.status === 'error' ? 1 : 40 };
      },
      preview_import: ({ input }) => {
        requests.push(input);
        return preview;
      },
      commit_import: async ({ input, onProgress }) => {
        requests.push(input);
        const channel = channelSender<JobProgress>(onProgress);
        channel.send({ done: 0, total: 100 });
        channel.send({ done: 37, total: 100 });
        await halfway;
        channel.send({ done: 100, total: 100 });
        channel.end();
        return { importId: 'imp1', preview };
      },
      list_imports: () => [],
    });
    const user = userEvent.setup();
    render(
      <AppProviders client={createQueryClient()}>
        <ImportWizard kind="arrivals" onClose={() => {}} />
      </AppProviders>,
    );
    const file = new File(['姓名,来源地,返回时间\n张三,武汉,2020-01-21\n'], '返乡名单.csv', {
      type: 'text/csv',
    });
    // 新建户: missing households are created from the addresses.
    await user.click(screen.getByTestId('import-create-households'));
    await user.upload(screen.getByTestId('import-file'), file);

    // The mapping step: the flattened merged header and the field it was mapped to.
    expect(await screen.findByText('返回情况/从何地返回')).toBeInTheDocument();
    expect(screen.getByText('表头在第 3, 4 行')).toBeInTheDocument();
    expect(requests[0].kind).toBe('arrivals');
    expect(requests[0].fileName).toBe('返乡名单.csv');
    expect(requests[0].createHouseholds).toBe(true);
    expect(requests[0].fileId).toBe('f1');
    expect(requests[0].bytes).toBeUndefined();
    expect(staged).toHaveLength(1);
    expect(staged[0]).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode(staged[0])).toContain('张三,武汉');

    await user.click(screen.getByTestId('import-to-preview'));
    const counts = await screen.findByTestId('import-counts');
    expect(within(screen.getByTestId('import-count-accepted')).getByText('1')).toBeInTheDocument();
    expect(within(screen.getByTestId('import-count-errors')).getByText('1')).toBeInTheDocument();
    expect(counts).toHaveTextContent('新增返乡记录');
    expect(
      within(screen.getByTestId('import-count-newHouseholds')).getByText('1'),
    ).toBeInTheDocument();
    const rows = screen.getAllByTestId('import-row');
    expect(rows[0]).toHaveTextContent('新建户');
    expect(rows[1]).toHaveTextContent('B6');
    expect(rows[1]).toHaveTextContent('科学计数法');
    expect(pages[0]).toMatchObject({ previewId: 'pv1', offset: 0, limit: 10 });
    expect(pages[0].status).toBeUndefined();
    // 40 rows in all: four pages, fetched one at a time.
    await user.click(screen.getByTitle('2'));
    await waitFor(() => expect(pages.at(-1)).toMatchObject({ offset: 10 }));
    // Only the errors.
    await user.click(screen.getByText('错误 1'));
    await waitFor(() => expect(pages.at(-1)).toMatchObject({ status: 'error', offset: 0 }));
    await waitFor(() => expect(screen.getAllByTestId('import-row')).toHaveLength(1));
    expect(screen.getByTestId('import-row')).toHaveTextContent('B6');

    await user.click(screen.getByTestId('import-commit'));
    // The commit's own progress, as the core reports it.
    await waitFor(() =>
      expect(screen.getByTestId('import-progress')).toHaveAttribute('data-percent', '37'),
    );
    expect(screen.getByTestId('import-progress')).toHaveTextContent('37%');
    goOn();
    expect(await screen.findByTestId('import-done')).toHaveTextContent('已导入 1 行');
    expect(screen.queryByTestId('import-progress')).not.toBeInTheDocument();
    await waitFor(() => expect(requests).toHaveLength(2));
    expect(requests[1].fileName).toBe('返乡名单.csv');
    expect(requests[1].fileId).toBe('f1');
    expect(staged).toHaveLength(1);
  });
});
