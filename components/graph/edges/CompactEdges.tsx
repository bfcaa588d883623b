'use client';
/**
 * Zoomed out, every edge is drawn in one SVG with one path per stroke style, instead of React Flow's
 * one <svg> per edge: hundreds of edge elements were most of the page's DOM and of the paint cost while
 * panning in software rendering. No labels or click targets here: at this zoom neither is usable.
 */
import { memo, useMemo } from 'react';
import { ViewportPortal } from '@xyflow/react';
import type { GwEdge } from '../flow';
import { STROKE } from './GraphEdge';

/** A node's box in flow coordinates. From the layout, not from React Flow's measurements: nodes off screen are
 * never mounted, so measurements would arrive (and redraw every curve) while the user pans. */
export type Box = { x: number; y: number; w: number; h: number };

/** A left-to-right bezier from the source's right side to the target's left side. */
function curve(s: Box, t: Box): string {
  const sx = s.x + s.w;
  const sy = s.y + s.h / 2;
  const tx = t.x;
  const ty = t.y + t.h / 2;
  const dx = Math.max(Math.abs(tx - sx) / 2, 20);
  return `M${sx.toFixed(1)},${sy.toFixed(1)}C${(sx + dx).toFixed(1)},${sy.toFixed(1)} ${(tx - dx).toFixed(1)},${ty.toFixed(1)} ${tx.toFixed(1)},${ty.toFixed(1)}`;
}

function CompactEdgesView({ edges, boxes, dark }: { edges: readonly GwEdge[]; boxes: ReadonlyMap<string, Box>; dark: boolean }) {
  const groups = useMemo(() => {
    const palette = STROKE[dark ? 'dark' : 'light'];
    const byStyle = new Map<string, { colour: string; width: number; dashed: boolean; opacity: number; d: string[] }>();
    for (const e of edges) {
      const s = boxes.get(e.source);
      const t = boxes.get(e.target);
      if (!s || !t || !e.data || !s.w || !t.w) continue;
      const { look } = e.data;
      const opacity = e.data.dimmed ? 0.2 : 1;
      const key = `${look.stroke}|${look.width}|${look.dashed}|${opacity}`;
      const g = byStyle.get(key) ?? { colour: palette[look.stroke], width: look.width + 1, dashed: !!look.dashed, opacity, d: [] };
      g.d.push(curve(s, t));
      byStyle.set(key, g);
    }
    return [...byStyle.entries()].sort(([a], [b]) => a.localeCompare(b));
  }, [edges, boxes, dark]);
  return (
    <ViewportPortal>
      <svg className="gw-compact-edges" data-testid="compact-edges" style={{ position: 'absolute', left: 0, top: 0, overflow: 'visible', zIndex: -1, pointerEvents: 'none' }} width={1} height={1}>
        {groups.map(([key, g]) => (
          <path key={key} d={g.d.join('')} fill="none" stroke={g.colour} strokeWidth={g.width} strokeDasharray={g.dashed ? '6 4' : undefined} opacity={g.opacity} />
        ))}
      </svg>
    </ViewportPortal>
  );
}

export const CompactEdges = memo(CompactEdgesView);
