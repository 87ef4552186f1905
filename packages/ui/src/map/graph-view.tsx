import { serviceColor } from "../colors.js";
import { formatDuration, formatNumber } from "../format.js";
import type { Graph, GraphEdge, GraphNode } from "./graph.js";

const NODE_W = 210;
const NODE_H = 54;
const GAP_X = 130;
const GAP_Y = 26;
const PAD = 16;

interface GraphViewProps {
  graph: Graph;
  /** Seconds covered, to turn calls into a rate. */
  seconds: number;
  /** P99 of a node's spans in ms, by node id, when known. */
  p99: Map<string, number>;
  onNode(node: GraphNode): void;
  onEdge(edge: GraphEdge): void;
  testId: string;
}

/**
 * A layered graph as SVG: nodes in columns by layer (callers left of callees), edges as
 * curves labelled with their rate and errors. Nodes and edges are links (keyboard reachable).
 */
export function GraphView({ graph, seconds, p99, onNode, onEdge, testId }: GraphViewProps) {
  const at = new Map(graph.nodes.map((n) => [n.id, n]));
  const x = (n: GraphNode) => PAD + n.layer * (NODE_W + GAP_X);
  const y = (n: GraphNode) => PAD + n.row * (NODE_H + GAP_Y);
  const width = Math.max(...graph.nodes.map((n) => x(n) + NODE_W), 0) + PAD;
  const height = Math.max(...graph.nodes.map((n) => y(n) + NODE_H), 0) + PAD;
  const rate = (calls: number) => `${formatNumber(Number((calls / seconds).toPrecision(3)))}/s`;
  const key = (e: GraphEdge) => `${e.from}→${e.to}`;
  return (
    <svg
      class="graph"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      data-testid={testId}
      role="img"
      aria-label={`${graph.nodes.length} nodes, ${graph.edges.length} edges`}
    >
      <defs>
        <marker
          id="arrow"
          viewBox="0 0 8 8"
          refX="8"
          refY="4"
          markerWidth="7"
          markerHeight="7"
          orient="auto-start-reverse"
        >
          <path d="M0,0 L8,4 L0,8 z" fill="#8a94a6" />
        </marker>
      </defs>
      {graph.edges.map((e) => {
        const from = at.get(e.from);
        const to = at.get(e.to);
        if (!from || !to || from === to) return null;
        const x1 = x(from) + NODE_W;
        const y1 = y(from) + NODE_H / 2;
        const x2 = x(to);
        const y2 = y(to) + NODE_H / 2;
        const bend = Math.max(40, Math.abs(x2 - x1) / 2);
        const d = `M${x1},${y1} C${x1 + bend},${y1} ${x2 - bend},${y2} ${x2},${y2}`;
        const errorRate = e.calls ? e.errors / e.calls : 0;
        return (
          // biome-ignore lint/a11y/useSemanticElements: an SVG group cannot be a <button>
          <g
            key={key(e)}
            class={`edge${e.errors ? " has-errors" : ""}`}
            role="button"
            tabIndex={0}
            data-testid="graph-edge"
            data-from={e.from}
            data-to={e.to}
            data-calls={e.calls}
            data-p99={e.p99Ms}
            onClick={() => onEdge(e)}
            onKeyDown={(ev) => ev.key === "Enter" && onEdge(e)}
          >
            <title>{`${e.from} → ${e.to}: ${e.calls} calls, ${e.errors} errors, avg ${formatDuration(e.totalMs / Math.max(e.calls, 1))}`}</title>
            <path d={d} class="edge-line" marker-end="url(#arrow)" />
            <path d={d} class="edge-hit" />
            <text x={(x1 + x2) / 2} y={(y1 + y2) / 2 - 5} text-anchor="middle" class="edge-label">
              {rate(e.calls)}
              {e.errors > 0 && ` · ${(100 * errorRate).toFixed(1)}% err`}
              {e.p99Ms !== undefined && ` · p99 ${formatDuration(e.p99Ms)}`}
            </text>
          </g>
        );
      })}
      {graph.nodes.map((n) => {
        const p = p99.get(n.id);
        return (
          // biome-ignore lint/a11y/useSemanticElements: an SVG group cannot be a <button>
          <g
            key={n.id}
            class={`node${n.errors ? " has-errors" : ""}`}
            transform={`translate(${x(n)},${y(n)})`}
            role="button"
            tabIndex={0}
            data-testid="graph-node"
            data-service={n.service}
            data-name={n.name}
            onClick={() => onNode(n)}
            onKeyDown={(ev) => ev.key === "Enter" && onNode(n)}
          >
            <rect width={NODE_W} height={NODE_H} rx="6" />
            <rect width="5" height={NODE_H} rx="2" fill={serviceColor(n.service)} />
            <text x="12" y="18" class="node-title">
              {clip(n.name ?? n.service, 28)}
            </text>
            <text x="12" y="33" class="node-sub">
              {n.name ? clip(n.service, 30) : `${rate(n.calls)} spans`}
            </text>
            <text x="12" y="47" class="node-sub">
              {`${formatNumber(n.calls)} calls`}
              {n.errors > 0 && ` · ${formatNumber(n.errors)} err`}
              {p !== undefined && ` · p99 ${formatDuration(p)}`}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
