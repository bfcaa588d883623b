/** One edge: bezier path styled by its look (kind, acceptance, weight, telemetry), label with a hover title. */
import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import type { GwEdge } from '../flow';
import type { EdgeStroke } from '../edge-label';

/** Stroke colours as CSS variables (graph.css), so light and dark keep the same meanings. */
const STROKE: Record<EdgeStroke, string> = {
  normal: 'var(--gw-edge)',
  idle: 'var(--gw-edge-idle)',
  rejected: 'var(--gw-red)',
  unknown: 'var(--gw-grey)',
  mesh: 'var(--gw-violet)',
  degraded: 'var(--gw-amber)',
  failing: 'var(--gw-red)',
  healthy: 'var(--gw-green)',
  ingress: 'var(--gw-edge-idle)',
};

const LABEL_TONE: Partial<Record<EdgeStroke, string>> = {
  rejected: 'border-red-300 text-red-700 dark:border-red-800 dark:text-red-300',
  mesh: 'border-violet-300 text-violet-700 dark:border-violet-800 dark:text-violet-300',
  idle: 'border-slate-200 text-slate-400 dark:border-slate-700 dark:text-slate-500',
  failing: 'border-red-300 text-red-700 dark:border-red-800 dark:text-red-300',
  degraded: 'border-amber-300 text-amber-800 dark:border-amber-800 dark:text-amber-300',
};

/** Point at t on React Flow's right→left bezier (same control points as getBezierPath). */
function bezierPoint(sx: number, sy: number, tx: number, ty: number, t: number): [number, number] {
  const offset = (d: number) => (d >= 0 ? 0.5 * d : 0.25 * 25 * Math.sqrt(-d));
  const c1x = sx + offset(tx - sx);
  const c2x = tx - offset(tx - sx);
  const u = 1 - t;
  const x = u * u * u * sx + 3 * u * u * t * c1x + 3 * u * t * t * c2x + t * t * t * tx;
  const y = u * u * u * sy + 3 * u * u * t * sy + 3 * u * t * t * ty + t * t * t * ty;
  return [x, y];
}

function GraphEdgeView(props: EdgeProps<GwEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected, markerEnd } = props;
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  if (!data) return null;
  const { look } = data;
  const colour = selected ? 'var(--gw-selected)' : STROKE[look.stroke];
  const dim = data.dimmed ? 0.2 : 1;
  const flashClass = data.flash ? (data.flash % 2 ? 'gw-flash-a' : 'gw-flash-b') : '';
  // Backend labels sit past the middle, where a rule's edges have already fanned out towards their Services.
  const nearTarget = data.edge.kind === 'backend' && look.stroke !== 'rejected' && targetX - sourceX > 200;
  const [lx, ly] = nearTarget ? bezierPoint(sourceX, sourceY, targetX, targetY, 0.66) : [labelX, labelY];
  return (
    <>
      {look.stroke === 'mesh' && (
        // Double line for mesh (GAMMA) edges: a wide violet stroke with a thin background-coloured core.
        <BaseEdge id={`${id}-outer`} path={path} style={{ stroke: colour, strokeWidth: look.width + 2.5, strokeDasharray: look.dashed ? '8 4' : undefined, opacity: dim }} />
      )}
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        className={`${look.flowing ? 'gw-flow' : ''} ${flashClass}`}
        interactionWidth={14}
        style={{
          stroke: look.stroke === 'mesh' ? 'var(--gw-bg)' : colour,
          strokeWidth: look.stroke === 'mesh' ? 1.2 : selected ? look.width + 1 : look.width,
          strokeDasharray: look.stroke === 'mesh' ? (look.dashed ? '8 4' : undefined) : look.dashed ? '6 4' : look.flowing ? '10 4' : undefined,
          opacity: dim,
        }}
      />
      {look.label && (
        <EdgeLabelRenderer>
          <div
            className={[
              'nodrag nopan absolute rounded border bg-white/95 px-1 text-[10.5px] font-medium leading-4 whitespace-nowrap shadow-sm dark:bg-slate-900/95',
              LABEL_TONE[look.stroke] ?? 'border-slate-200 text-slate-700 dark:border-slate-700 dark:text-slate-200',
              look.pending ? 'italic !border-amber-400 !text-amber-800 dark:!text-amber-300' : '',
              look.drift ? '!border-amber-400 !bg-amber-50 dark:!bg-amber-950' : '',
              selected ? '!border-blue-500' : '',
              flashClass,
            ].join(' ')}
            style={{
              transform: `translate(-50%, -50%) translate(${lx}px, ${ly}px)`,
              opacity: dim,
              pointerEvents: 'all',
              // Above every edge path, so a label is never hidden behind a crossing edge.
              zIndex: 1001,
              cursor: 'pointer',
            }}
            onClick={(ev) => {
              ev.stopPropagation();
              data.onSelect?.(id);
            }}
            data-testid={`edge-label-${id}`}
            title={look.title || undefined}
          >
            {look.label}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const edgeTypes = { gw: memo(GraphEdgeView) };
