/** One edge: bezier path styled by its look (kind, acceptance, weight, telemetry), label with a hover title. */
import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import type { GwEdge } from '../flow';
import type { EdgeStroke } from '../edge-label';

/**
 * Stroke colours per theme, as literal values (not CSS variables): the PNG/SVG export clones the
 * viewport without the graph's root element, where variables would be defined.
 */
export const STROKE: Record<'light' | 'dark', Record<EdgeStroke | 'selected' | 'bg', string>> = {
  light: {
    normal: '#64748b',
    idle: '#b6c0cd',
    rejected: '#dc2626',
    unknown: '#94a3b8',
    mesh: '#7c3aed',
    degraded: '#d97706',
    failing: '#dc2626',
    healthy: '#059669',
    ingress: '#a8a29e',
    selected: '#2563eb',
    bg: '#f8fafc',
  },
  dark: {
    normal: '#94a3b8',
    idle: '#475569',
    rejected: '#f87171',
    unknown: '#64748b',
    mesh: '#a78bfa',
    degraded: '#fbbf24',
    failing: '#f87171',
    healthy: '#34d399',
    ingress: '#78716c',
    selected: '#60a5fa',
    bg: '#020617',
  },
};

const LABEL_TONE: Partial<Record<EdgeStroke, string>> = {
  rejected: 'border-red-300 text-red-700 dark:border-red-800 dark:text-red-300',
  mesh: 'border-violet-300 text-violet-700 dark:border-violet-800 dark:text-violet-300',
  idle: 'border-slate-200 text-slate-400 dark:border-slate-700 dark:text-slate-500',
  failing: 'border-red-300 text-red-700 dark:border-red-800 dark:text-red-300',
  degraded: 'border-amber-300 text-amber-800 dark:border-amber-800 dark:text-amber-300',
};

function GraphEdgeView(props: EdgeProps<GwEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected, markerEnd } = props;
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  if (!data) return null;
  const { look } = data;
  const palette = STROKE[data.dark ? 'dark' : 'light'];
  const colour = selected ? palette.selected : palette[look.stroke];
  const dim = data.dimmed ? 0.2 : 1;
  const flashClass = data.flash ? (data.flash % 2 ? 'gw-flash-a' : 'gw-flash-b') : '';
  const lx = data.labelAt?.x ?? labelX;
  const ly = data.labelAt?.y ?? labelY;
  if (data.compact) {
    // Zoomed out: one path, no label, no traffic dots, no wide click target.
    return (
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        interactionWidth={0}
        style={{ stroke: colour, strokeWidth: look.width + 1, strokeDasharray: look.dashed ? '6 4' : undefined, opacity: dim }}
      />
    );
  }
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
        className={flashClass}
        interactionWidth={14}
        style={{
          stroke: look.stroke === 'mesh' ? palette.bg : colour,
          strokeWidth: look.stroke === 'mesh' ? 1.2 : selected ? look.width + 1 : look.width,
          strokeDasharray: look.stroke === 'mesh' ? (look.dashed ? '8 4' : undefined) : look.dashed ? '6 4' : undefined,
          opacity: dim,
        }}
      />
      {look.flowing && (
        // Traffic: dots travelling towards the target on top of the solid line (dashes mean "broken").
        <path d={path} className="gw-flow" fill="none" stroke={colour} strokeWidth={look.width + 1.5} strokeLinecap="round" strokeDasharray="0.5 13" style={{ opacity: dim, pointerEvents: 'none' }} />
      )}
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
