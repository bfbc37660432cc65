import { screen } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import type {
  ChildrenQuery,
  IdNumberInfo,
  PersonDetail,
  PersonRow,
  RegisterNode,
} from '../api/bindings';
import { mockBackend, type CallLog, type Handlers } from './backend';
import { appInfo } from './fixtures';

/** Fixtures and helpers of the 居民台账 tests. */
export const TREE: Record<string, RegisterNode[]> = {
  street: [{ id: 's1', name: '城关街道', children: 1 }],
  'community:s1': [{ id: 'c1', name: '幸福社区', children: 1 }],
  'grid:c1': [{ id: 'g1', name: '第一网格', children: 1 }],
  'estate:g1': [{ id: 'e1', name: '幸福家园', children: 1 }],
  'building:e1': [{ id: 'b1', name: '12栋', children: 1 }],
  'unit:b1': [{ id: 'u1', name: '1单元', children: 2 }],
};

export const registerChildren = ({ input }: { input: ChildrenQuery }) =>
  TREE[input.parentId ? `${input.level}:${input.parentId}` : input.level] ?? [];

export const row = (i: number): PersonRow => ({
  id: `p${i}`,
  name: `居民${i}`,
  idNumberMasked: '110101********1234',
  sex: i % 2 ? 'male' : 'female',
  birthDate: '1980-05-01',
  phoneMasked: '138****1234',
  householdId: 'h1',
  address: '幸福家园12栋1单元101',
  relation: '户主',
  residenceStatus: 'hukou',
});

export const zhangsan: PersonDetail = {
  id: 'p1',
  name: '张三',
  idType: 'resident_id',
  idNumber: '110101********1234',
  birthDate: '1980-05-01',
  sex: 'male',
  age: 46,
  nativeRegion: '110101',
  phone: '138****1234',
  householdId: 'h1',
  householdAddress: '幸福家园12栋1单元101',
  relation: '户主',
  residenceStatus: 'hukou',
  currentLocation: null,
  notes: null,
  createdAt: '2026-11-01 09:00',
  updatedAt: '2026-11-02 10:00',
  updatedBy: '李网格员',
};

export const inspected: IdNumberInfo = {
  idNumber: '11010119800501123X',
  birthDate: '1980-05-01',
  sex: 'male',
  age: 46,
  nativeRegion: '110101',
  warningsZh: [],
};

export function residentsBackend(handlers: Handlers = {}): CallLog {
  return mockBackend({
    app_info: () => ({ ...appInfo, modules: ['home', 'residents', 'settings'] }),
    register_children: registerChildren,
    register_households: () => [
      {
        id: 'h1',
        address: '幸福家园12栋1单元101',
        room: '101',
        headName: '张三',
        people: 3,
        responsibleWorker: '李网格员',
      },
      {
        id: 'h2',
        address: '幸福家园12栋1单元102',
        room: '102',
        headName: null,
        people: 0,
        responsibleWorker: null,
      },
    ],
    list_people: ({ input }) => ({
      total: 45,
      rows: Array.from({ length: Math.min(20, 45 - input.offset) }, (_, i) =>
        row(input.offset + i + 1),
      ),
    }),
    get_person: () => zhangsan,
    list_workers: () => [
      { id: 'w1', name: '李网格员', phone: '13905540101' },
      { id: 'w2', name: '王芳', phone: null },
    ],
    ...handlers,
  });
}

export const calls = (log: CallLog, cmd: string) =>
  log.filter((c) => c.cmd === cmd).map((c) => c.args);

/** Expands a node of the register tree by clicking its switcher. */
export async function expand(user: UserEvent, title: string) {
  const node = (await screen.findByText(title)).closest('.ant-tree-treenode') as HTMLElement;
  await user.click(node.querySelector('.ant-tree-switcher') as HTMLElement);
}
