'use client';
/**
 * Export the whole graph (not just what is on screen) as PNG or SVG with html-to-image, fitted to the
 * nodes' bounds, and download it as `gatewatch-<date>.<ext>`. The graph registers its instance here.
 */
import { getNodesBounds, getViewportForBounds, type Node } from '@xyflow/react';
import { toPng, toSvg } from 'html-to-image';

interface ExportTarget {
  getNodes: () => Node[];
  /** The React Flow root element (contains .react-flow__viewport). */
  element: HTMLElement;
  /** Brings every node into the DOM (large graphs render only what is on screen). */
  prepare?: () => Promise<void>;
}

let target: ExportTarget | null = null;

/** Called by TopologyGraph on mount (and with null on unmount). */
export function registerExportTarget(t: ExportTarget | null): void {
  target = t;
}

const MAX_SIDE = 8000;

export function exportFileName(format: 'png' | 'svg', now = new Date()): string {
  const stamp = now.toISOString().slice(0, 19).replace(/[:T]/g, '-');
  return `gatewatch-${stamp}.${format}`;
}

export async function exportGraph(format: 'png' | 'svg', dark: boolean): Promise<void> {
  if (!target) throw new Error('The graph is not on the page');
  await target.prepare?.();
  const nodes = target.getNodes();
  if (nodes.length === 0) throw new Error('Nothing to export');
  const viewportEl = target.element.querySelector<HTMLElement>('.react-flow__viewport');
  if (!viewportEl) throw new Error('The graph is not rendered yet');
  const bounds = getNodesBounds(nodes);
  const pad = 40;
  const scale = Math.min(2, MAX_SIDE / Math.max(bounds.width + pad * 2, bounds.height + pad * 2));
  const width = Math.ceil((bounds.width + pad * 2) * scale);
  const height = Math.ceil((bounds.height + pad * 2) * scale);
  const vp = getViewportForBounds(bounds, width, height, 0.01, 4, `${Math.round(pad * scale)}px`);
  const options = {
    backgroundColor: dark ? '#020617' : '#f8fafc',
    width,
    height,
    style: {
      width: `${width}px`,
      height: `${height}px`,
      transform: `translate(${vp.x}px, ${vp.y}px) scale(${vp.zoom})`,
    },
    // Controls, minimap and attribution are chrome, not part of the picture.
    filter: (el: HTMLElement) => !el.classList?.contains('react-flow__minimap') && !el.classList?.contains('react-flow__controls'),
  };
  const url = format === 'png' ? await toPng(viewportEl, options) : await toSvg(viewportEl, options);
  const a = document.createElement('a');
  a.href = url;
  a.download = exportFileName(format);
  document.body.appendChild(a);
  a.click();
  a.remove();
}
