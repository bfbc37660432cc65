import { Card, Tree, type TreeDataNode } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegisterLevel, RegisterNode } from '../../api/bindings';
import { EmptyState, ErrorState, LoadingState } from '../../components/QueryStates';
import { childLevel, useFetchChildren, useRegisterTree, type Expanded } from './queries';

/** A node of the register tree, as the page knows it. */
export type SelectedNode = { level: RegisterLevel; id: string; name: string };

type Node = TreeDataNode & { node: SelectedNode; children?: Node[] };

const keyOf = (level: RegisterLevel, id: string) => `${level}:${id}`;

/** 街道 › 社区 › 网格 › 小区 › 楼栋 › 单元, loaded one level at a time as nodes are expanded. */
export function RegisterTree({
  selected,
  onSelect,
}: {
  selected: SelectedNode | null;
  onSelect: (node: SelectedNode | null) => void;
}) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState<Expanded[]>([]);
  const { streets, children } = useRegisterTree(expanded);
  const fetchChildren = useFetchChildren();

  const build = (level: RegisterLevel, nodes: RegisterNode[]): Node[] =>
    nodes.map((n) => {
      const next = childLevel(level);
      const loaded = children.get(keyOf(next ?? level, n.id));
      const isLeaf = level === 'unit' || n.children === 0;
      return {
        key: keyOf(level, n.id),
        title: (
          <span data-testid={`tree-node-${level}`}>
            {t('residents.tree.title', { name: n.name, n: n.children })}
          </span>
        ),
        isLeaf,
        node: { level, id: n.id, name: n.name },
        children: next && loaded ? build(next, loaded) : undefined,
      };
    });

  if (streets.isPending) return <LoadingState rows={6} />;
  if (streets.isError) {
    return (
      <ErrorState
        title={t('residents.tree.loadFailed')}
        error={streets.error}
        onRetry={() => void streets.refetch()}
        retrying={streets.isFetching}
      />
    );
  }
  if (streets.data.length === 0) return <EmptyState title={t('residents.tree.empty')} />;

  const loadData = async ({ node }: Node) => {
    const next = childLevel(node.level);
    if (!next) return;
    await fetchChildren(next, node.id);
    setExpanded((prev) =>
      prev.some((e) => e.level === next && e.parentId === node.id)
        ? prev
        : [...prev, { level: next, parentId: node.id }],
    );
  };

  return (
    <Card size="small" title={t('residents.tree.heading')} data-testid="register-tree">
      <Tree<Node>
        treeData={build('street', streets.data)}
        loadData={loadData}
        selectedKeys={selected ? [keyOf(selected.level, selected.id)] : []}
        onSelect={(_keys, info) => onSelect(info.selected ? info.node.node : null)}
        blockNode
      />
    </Card>
  );
}
