import { theme } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ContactChain, ContactLink } from '../../api/bindings';
import { useFormatDate } from '../../lib/useFormatDate';

const NODE_W = 112;
const NODE_H = 34;
const COL_W = 300;
/** The level stretch before the person exposed, where the edge's label sits. */
const STUB = 108;
const ROW_H = 56;
const PAD = 16;
const HEADER = 28;

export type GraphNode = { id: string; name: string; column: number; row: number };
export type GraphEdge = { link: ContactLink; from: GraphNode; to: GraphNode };
export type GraphLayout = {
  nodes: GraphNode[];
  edges: GraphEdge[];
  minColumn: number;
  maxColumn: number;
  rows: number;
};

/**
 * Places a chain's people in columns by depth: those the person was exposed to (upstream)
 * to the left, the person in the middle, those exposed to them (downstream) to the right.
 * Every edge points from the index person to the one exposed. A person reached twice
 * stays where first placed.
 */
export function layoutChain(chain: ContactChain, centerName: string): GraphLayout {
  const byId = new Map<string, GraphNode>();
  const perColumn = new Map<number, number>();
  const place = (id: string, name: string, column: number) => {
    const found = byId.get(id);
    if (found) return found;
    const row = perColumn.get(column) ?? 0;
    perColumn.set(column, row + 1);
    const node = { id, name, column, row };
    byId.set(id, node);
    return node;
  };
  place(chain.personId, centerName, 0);
  const edges: GraphEdge[] = [];
  const byDepth = (a: ContactLink, b: ContactLink) => a.depth - b.depth;
  for (const link of [...chain.upstream].sort(byDepth)) {
    const to = place(link.personId, link.personName, -(link.depth - 1));
    const from = place(link.indexPersonId, link.indexPersonName, -link.depth);
    edges.push({ link, from, to });
  }
  for (const link of [...chain.downstream].sort(byDepth)) {
    const from = place(link.indexPersonId, link.indexPersonName, link.depth - 1);
    const to = place(link.personId, link.personName, link.depth);
    edges.push({ link, from, to });
  }
  const nodes = [...byId.values()];
  const columns = nodes.map((n) => n.column);
  return {
    nodes,
    edges,
    minColumn: Math.min(...columns),
    maxColumn: Math.max(...columns),
    rows: Math.max(...perColumn.values()),
  };
}

/** The name of the person a chain was asked for, as its links tell it. */
export function centerNameOf(chain: ContactChain): string | undefined {
  return (
    chain.upstream.find((l) => l.personId === chain.personId)?.personName ??
    chain.downstream.find((l) => l.indexPersonId === chain.personId)?.indexPersonName
  );
}

/**
 * 密接关系图: the people of a contact chain as boxes, each exposure as an arrow from the
 * index person to the one exposed, labelled with the kind of exposure and the last contact
 * date. Clicking a person asks for their chain (`onSelect`).
 */
export function ContactGraph({
  chain,
  centerName,
  onSelect,
}: {
  chain: ContactChain;
  centerName: string;
  onSelect?: (personId: string) => void;
}) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const formatDate = useFormatDate('short');
  const layout = layoutChain(chain, centerName);
  const columns = layout.maxColumn - layout.minColumn + 1;
  const width = PAD * 2 + (columns - 1) * COL_W + NODE_W;
  const height = HEADER + PAD + layout.rows * ROW_H;
  const x = (column: number) => PAD + (column - layout.minColumn) * COL_W;
  const y = (row: number) => HEADER + PAD + row * ROW_H;
  const header = (column: number) =>
    column === 0
      ? t('contacts.graph.self')
      : column < 0
        ? t('contacts.graph.upstream', { n: -column })
        : t('contacts.graph.downstream', { n: column });

  return (
    <div style={{ overflowX: 'auto' }} data-testid="contact-graph">
      <svg
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={t('contacts.graph.aria', { name: centerName })}
        style={{ fontFamily: 'inherit', display: 'block' }}
      >
        <defs>
          <marker
            id="contact-arrow"
            viewBox="0 0 10 10"
            refX="10"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M 0 0 L 10 5 L 0 10 z" fill={token.colorTextSecondary} />
          </marker>
        </defs>
        {Array.from({ length: columns }, (_, i) => layout.minColumn + i).map((column) => (
          <text
            key={column}
            x={x(column) + NODE_W / 2}
            y={HEADER - 8}
            textAnchor="middle"
            fontSize={12}
            fill={token.colorTextSecondary}
            data-testid="graph-column"
          >
            {header(column)}
          </text>
        ))}
        {layout.edges.map(({ link, from, to }) => {
          const forward = x(from.column) <= x(to.column);
          const x1 = x(from.column) + (forward ? NODE_W : 0);
          const x2 = x(to.column) + (forward ? 0 : NODE_W);
          const y1 = y(from.row) + NODE_H / 2;
          const y2 = y(to.row) + NODE_H / 2;
          // A level stretch before the person exposed carries the label: edges fanning out of
          // one person end on different rows, so their labels never overlap.
          const stub = Math.min(STUB, Math.abs(x2 - x1) / 2);
          const xs = forward ? x2 - stub : x2 + stub;
          const cx = (x1 + xs) / 2;
          const lx = (xs + x2) / 2;
          return (
            <g key={link.id} data-testid="graph-edge">
              <path
                d={`M ${x1} ${y1} C ${cx} ${y1}, ${cx} ${y2}, ${xs} ${y2} L ${x2} ${y2}`}
                fill="none"
                stroke={token.colorTextSecondary}
                strokeWidth={1.2}
                markerEnd="url(#contact-arrow)"
              />
              <text
                x={lx}
                y={y2 - 5}
                textAnchor="middle"
                fontSize={11}
                fill={token.colorText}
                stroke={token.colorBgContainer}
                strokeWidth={3}
                paintOrder="stroke"
              >
                {t(`contacts.exposure.${link.exposure}`)}
              </text>
              <text
                x={lx}
                y={y2 + 13}
                textAnchor="middle"
                fontSize={11}
                fill={token.colorTextSecondary}
                stroke={token.colorBgContainer}
                strokeWidth={3}
                paintOrder="stroke"
              >
                {formatDate(link.lastContactOn)}
              </text>
            </g>
          );
        })}
        {layout.nodes.map((node) => {
          const center = node.id === chain.personId;
          return (
            <g
              key={node.id}
              data-testid="graph-node"
              data-person-id={node.id}
              transform={`translate(${x(node.column)}, ${y(node.row)})`}
              onClick={onSelect && !center ? () => onSelect(node.id) : undefined}
              style={{ cursor: onSelect && !center ? 'pointer' : undefined }}
            >
              <rect
                width={NODE_W}
                height={NODE_H}
                rx={6}
                fill={center ? token.colorPrimary : token.colorBgContainer}
                stroke={center ? token.colorPrimary : token.colorBorder}
              />
              <text
                x={NODE_W / 2}
                y={NODE_H / 2 + 5}
                textAnchor="middle"
                fontSize={14}
                fill={center ? token.colorTextLightSolid : token.colorText}
              >
                {node.name}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}
