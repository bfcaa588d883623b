import type { RouteNode } from '@/lib/wire/types';

/** Pending (not yet applied) shares, keyed by backend edge id, shown on the graph as a preview. */
export type PendingShares = Record<string, { share: number; weight: number }>;

export interface SplitEditorProps {
  route: RouteNode;
  ruleIndex: number;
  /** GATEWATCH_READ_ONLY: show the split but no editing controls. */
  readOnly: boolean;
  /** Called on every slider move with the pending shares, and with null on apply/cancel/close. */
  onPreview: (pending: PendingShares | null) => void;
  onClose?: () => void;
}
