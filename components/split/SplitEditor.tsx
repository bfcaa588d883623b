'use client';
/**
 * The live traffic-split editor for one route rule: sliders (linked mode, locks, evenly, presets) or raw
 * weights (free mode), a pending preview on the graph, Apply / Revert, the rollout state after apply, and
 * the cluster-held history. The server checks everything again; this component only helps the user.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { edgeIds } from '@/lib/wire/ids';
import { editorReducer, initEditor, isDirty, pendingShares, pendingWeights, type EditorBase } from '@/lib/split/editor';
import { presets, sameWeights } from '@/lib/split/weights';
import { snippetYaml } from '@/lib/split/gitops';
import type { CurrentWeights } from '@/lib/split/apply';
import type { PendingShares, SplitEditorProps } from './types';
import { applySplit, fetchAccess, fetchHistory, type HistoryEntry, type SplitAccess } from './api';
import { BackendRow } from './BackendRow';
import { HistoryList } from './HistoryList';
import { RolloutState } from './RolloutState';

type Message = { tone: 'error' | 'warning' | 'info'; text: string };

const toneClass: Record<Message['tone'], string> = {
  error: 'border-red-300 bg-red-50 text-red-900 dark:border-red-700 dark:bg-red-950 dark:text-red-100',
  warning: 'border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100',
  info: 'border-sky-300 bg-sky-50 text-sky-900 dark:border-sky-700 dark:bg-sky-950 dark:text-sky-100',
};

const btn =
  'rounded border border-slate-300 px-2 py-0.5 text-sm hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-50 dark:border-slate-600 dark:hover:bg-slate-700';

export function SplitEditor({ route, ruleIndex, readOnly, onPreview, onClose }: SplitEditorProps) {
  const rule = route.rules.find((r) => r.index === ruleIndex);
  const refs = useMemo(() => rule?.backendRefs ?? [], [rule]);
  const ref = useMemo(() => ({ kind: route.kind, namespace: route.namespace ?? '', name: route.name }), [route.kind, route.namespace, route.name]);
  const propsBase: EditorBase = useMemo(
    () => ({
      resourceVersion: route.resourceVersion ?? '',
      generation: route.generation,
      names: refs.map((b) => b.name),
      weights: refs.map((b) => b.weight),
    }),
    [route.resourceVersion, route.generation, refs],
  );

  const [state, dispatch] = useReducer(editorReducer, propsBase, (b) => initEditor(b));
  const [access, setAccess] = useState<SplitAccess | null>(null);
  const [accessError, setAccessError] = useState<string>();
  const [history, setHistory] = useState<HistoryEntry[] | null>(null);
  const [historyError, setHistoryError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [messages, setMessages] = useState<Message[]>([]);
  const [conflict, setConflict] = useState<{ message: string; current?: CurrentWeights } | null>(null);
  const [confirmZero, setConfirmZero] = useState<number[] | null>(null);
  const [lastApplied, setLastApplied] = useState<{ from: number[]; to: number[] } | null>(null);
  const [written, setWritten] = useState<{ resourceVersion?: string; generation?: number; shares: number[] } | null>(null);
  const [outside, setOutside] = useState<string | null>(null);

  const editable = !readOnly && access?.readOnly !== true && access?.canPatch !== false;
  const weights = pendingWeights(state);
  const shares = pendingShares(state);
  const dirty = isDirty(state);

  // The route prop follows the live topology: take in changes made elsewhere.
  useEffect(() => {
    const b = state.base;
    if (propsBase.resourceVersion === b.resourceVersion) return;
    const sameRefs = sameNames(propsBase.names, b.names) && sameWeights(propsBase.weights, b.weights);
    if (sameRefs) dispatch({ type: 'rebase', base: propsBase });
    else if (!dirty) {
      dispatch({ type: 'reset', base: propsBase });
      setOutside(null);
    } else {
      setOutside(`Changed in the cluster while you were editing: now ${describe(propsBase.names, propsBase.weights)}.`);
    }
  }, [propsBase, state.base, dirty]);

  // Pending preview on the graph; cleared when clean and when the editor closes.
  const previewRef = useRef(onPreview);
  previewRef.current = onPreview;
  const previewKey = dirty && weights ? `${route.id}|${ruleIndex}|${weights.join(',')}|${shares.join(',')}` : '';
  useEffect(() => {
    if (!previewKey || !weights) {
      previewRef.current(null);
      return;
    }
    const pending: PendingShares = {};
    weights.forEach((w, i) => {
      pending[edgeIds.backend(route.id, ruleIndex, i)] = { share: shares[i] / 100, weight: w };
    });
    previewRef.current(pending);
    // weights and shares are captured by previewKey
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [previewKey]);
  useEffect(() => () => previewRef.current(null), []);

  useEffect(() => {
    let live = true;
    setAccess(null);
    void fetchAccess(ref).then((r) => {
      if (!live) return;
      if (r.ok) setAccess(r.value);
      else setAccessError(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [ref]);

  const loadHistory = useCallback(() => {
    void fetchHistory(ref, ruleIndex).then((r) => {
      if (r.ok) {
        setHistory(r.value.entries);
        setHistoryError(undefined);
      } else setHistoryError(`History unavailable: ${r.error.message}`);
    });
  }, [ref, ruleIndex]);
  useEffect(loadHistory, [loadHistory]);

  const apply = useCallback(
    async (to: number[], resourceVersion: string, generation: number | undefined, confirmAllZero = false) => {
      if (to.every((w) => w === 0) && !confirmAllZero) {
        setConfirmZero(to);
        return;
      }
      setConfirmZero(null);
      setBusy(true);
      setMessages([]);
      const r = await applySplit({
        ...ref,
        ruleIndex,
        expectedResourceVersion: resourceVersion,
        ...(generation !== undefined ? { expectedGeneration: generation } : {}),
        weights: to.map((weight, index) => ({ index, name: state.base.names[index], weight })),
        ...(confirmAllZero ? { confirmAllZero: true } : {}),
      });
      setBusy(false);
      if (r.ok) {
        const res = r.value;
        setConflict(null);
        setOutside(null);
        if (res.changed) setLastApplied({ from: res.from, to: res.to });
        setWritten(res.changed ? { resourceVersion: res.resourceVersion, generation: res.generation, shares: shareOf(res.to) } : null);
        dispatch({
          type: 'reset',
          base: { resourceVersion: res.resourceVersion ?? resourceVersion, generation: res.generation, names: res.backends, weights: res.to },
        });
        const notes: Message[] = [];
        if (!res.changed) notes.push({ tone: 'info', text: 'The weights were already these: nothing was written.' });
        if (res.changed && res.history.warning) notes.push({ tone: 'warning', text: res.history.warning });
        setMessages(notes);
        loadHistory();
      } else if (r.error.error === 'conflict') {
        const details = r.error.details as { current?: CurrentWeights } | undefined;
        setConflict({ message: r.error.message, current: details?.current });
      } else if (r.error.error === 'confirm_all_zero') {
        setConfirmZero(to);
      } else {
        setMessages([{ tone: 'error', text: r.error.message }]);
      }
    },
    [ref, ruleIndex, state.base.names, loadHistory],
  );

  if (!rule) {
    return (
      <div className="p-3 text-sm" data-testid="split-editor">
        {route.kind} {route.namespace}/{route.name} has no rule {ruleIndex}.
      </div>
    );
  }

  const notices: Message[] = [];
  if (readOnly || access?.readOnly) notices.push({ tone: 'info', text: 'Read-only mode: weights are shown but cannot be changed here.' });
  else for (const n of access?.notices ?? []) notices.push({ tone: access?.canPatch === false ? 'warning' : 'info', text: n });
  if (accessError) notices.push({ tone: 'warning', text: `Could not check permissions: ${accessError}` });
  const gitops = access?.gitops.managed ? access.gitops : undefined;
  const conflictCurrent = conflict?.current;
  const canReapply = !!conflictCurrent && sameNames(conflictCurrent.backendRefs.map((b) => b.name), state.base.names) && !!weights;

  return (
    <section className="flex flex-col gap-2 p-3 text-slate-900 dark:text-slate-100" aria-label="Traffic split editor" data-testid="split-editor">
      <header className="flex flex-wrap items-baseline gap-x-2">
        <h3 className="text-sm font-semibold">
          {route.name} · rule {ruleIndex}
        </h3>
        <span className="text-xs text-slate-600 dark:text-slate-300">
          {route.kind} {route.namespace}/{route.name}
        </span>
        <span className="flex-1" />
        {editable && (
          <label className="flex items-center gap-1 text-xs">
            <input
              type="checkbox"
              checked={state.mode === 'free'}
              onChange={(e) => dispatch({ type: 'mode', mode: e.target.checked ? 'free' : 'linked' })}
              data-testid="split-mode-free"
            />
            free weights
          </label>
        )}
        {onClose && (
          <button type="button" className="text-sm" aria-label="Close split editor" onClick={onClose} data-testid="split-close">
            ✕
          </button>
        )}
      </header>

      {notices.map((n, i) => (
        <p key={i} className={`rounded border px-2 py-1 text-xs ${toneClass[n.tone]}`} data-testid="split-notice">
          {n.text}
        </p>
      ))}

      <div>
        {refs.map((b, i) => (
          <BackendRow
            key={`${i}-${b.name}`}
            index={i}
            name={b.name}
            mode={state.mode}
            share={shares[i] ?? 0}
            weight={weights?.[i]}
            raw={state.raw[i] ?? ''}
            locked={state.locked[i] ?? false}
            editable={editable && !busy}
            onMove={(share) => dispatch({ type: 'move', index: i, share })}
            onRaw={(text) => dispatch({ type: 'raw', index: i, text })}
            onLock={() => dispatch({ type: 'lock', index: i })}
          />
        ))}
      </div>

      {editable && (
        <div className="flex flex-wrap items-center gap-1 text-xs" role="group" aria-label="Presets">
          <span className="text-slate-600 dark:text-slate-300">presets:</span>
          {presets(refs.length).map((p) => (
            <button key={p.id} type="button" className={btn} disabled={busy} onClick={() => dispatch({ type: 'preset', id: p.id })} data-testid={`split-preset-${p.id}`}>
              {p.label}
            </button>
          ))}
          <button type="button" className={btn} disabled={busy} onClick={() => dispatch({ type: 'evenly' })} data-testid="split-evenly">
            evenly
          </button>
        </div>
      )}

      {dirty && <p className="text-xs text-slate-600 dark:text-slate-300">Preview shown on the graph (pending): {describe(state.base.names, weights ?? [])}</p>}

      {editable && (
        <div className="flex flex-wrap justify-end gap-2">
          <button
            type="button"
            className={btn}
            disabled={busy || !lastApplied}
            title={lastApplied ? `Put back ${lastApplied.from.join(' / ')}` : 'Nothing applied yet'}
            onClick={() => lastApplied && void apply(lastApplied.from, state.base.resourceVersion, state.base.generation)}
            data-testid="split-revert"
          >
            Revert
          </button>
          <button
            type="button"
            className={btn}
            disabled={busy || !dirty}
            onClick={() => dispatch({ type: 'reset', base: state.base })}
            data-testid="split-discard"
          >
            Discard
          </button>
          <button
            type="button"
            className={`${btn} bg-sky-700 text-white hover:bg-sky-800 dark:bg-sky-600`}
            disabled={busy || !dirty || !weights}
            onClick={() => weights && void apply(weights, state.base.resourceVersion, state.base.generation)}
            data-testid="split-apply"
          >
            {busy ? 'Applying…' : 'Apply'}
          </button>
        </div>
      )}

      {confirmZero && (
        <div className={`rounded border px-2 py-1 text-xs ${toneClass.warning}`} role="alertdialog" aria-label="Confirm all-zero weights">
          <p>All weights would be 0: every request matching this rule would fail. Apply anyway?</p>
          <div className="mt-1 flex gap-2">
            <button type="button" className={btn} onClick={() => void apply(confirmZero, state.base.resourceVersion, state.base.generation, true)} data-testid="split-confirm-all-zero">
              Apply all-zero
            </button>
            <button type="button" className={btn} onClick={() => setConfirmZero(null)} data-testid="split-cancel-all-zero">
              Cancel
            </button>
          </div>
        </div>
      )}

      {conflict && (
        <div className={`rounded border px-2 py-1 text-xs ${toneClass.error}`} role="alert" data-testid="split-conflict">
          <p>{conflict.message}</p>
          <div className="mt-1 flex flex-wrap gap-2">
            <button
              type="button"
              className={btn}
              disabled={!canReapply || busy}
              onClick={() => conflictCurrent?.resourceVersion && weights && void apply(weights, conflictCurrent.resourceVersion, conflictCurrent.generation)}
              data-testid="split-reapply"
            >
              Re-apply my weights
            </button>
            <button
              type="button"
              className={btn}
              disabled={!conflictCurrent}
              onClick={() => {
                if (!conflictCurrent) return;
                dispatch({
                  type: 'reset',
                  base: {
                    resourceVersion: conflictCurrent.resourceVersion ?? '',
                    generation: conflictCurrent.generation,
                    names: conflictCurrent.backendRefs.map((b) => b.name),
                    weights: conflictCurrent.backendRefs.map((b) => b.weight),
                  },
                });
                setConflict(null);
              }}
              data-testid="split-load-current"
            >
              Use the current weights
            </button>
          </div>
        </div>
      )}

      {outside && !conflict && (
        <p className={`rounded border px-2 py-1 text-xs ${toneClass.warning}`} data-testid="split-outside-change">
          {outside}
        </p>
      )}

      {messages.map((m, i) => (
        <p key={i} className={`rounded border px-2 py-1 text-xs ${toneClass[m.tone]}`} role={m.tone === 'error' ? 'alert' : undefined} data-testid={`split-${m.tone}`}>
          {m.text}
        </p>
      ))}

      {gitops && (
        <details className={`rounded border px-2 py-1 text-xs ${toneClass.warning}`} data-testid="split-gitops">
          <summary>
            Managed by {gitops.by}: a change made here will be reverted on the next sync. Commit the YAML instead.
          </summary>
          <p className="mt-1">Signals: {gitops.reasons.join(', ')}</p>
          <pre className="mt-1 overflow-x-auto whitespace-pre rounded bg-white/60 p-1 font-mono dark:bg-black/30">
            {snippetYaml(
              { apiVersion: `${route.group}/${route.version}`, kind: route.kind, name: route.name, namespace: route.namespace },
              ruleIndex,
              rule.name,
              refs.map((b, i) => ({
                ...(b.group ? { group: b.group } : {}),
                ...(b.kind !== 'Service' ? { kind: b.kind } : {}),
                name: b.name,
                ...(b.namespace !== route.namespace ? { namespace: b.namespace } : {}),
                ...(b.port !== undefined ? { port: b.port } : {}),
                weight: weights?.[i] ?? b.weight,
              })),
            )}
          </pre>
        </details>
      )}

      {written && <RolloutState route={route} ruleIndex={ruleIndex} written={written} />}

      <HistoryList
        entries={history}
        error={historyError}
        names={state.base.names}
        canRevert={editable}
        busy={busy}
        onRevert={(e) => void apply(e.from, state.base.resourceVersion, state.base.generation)}
      />
    </section>
  );
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function describe(names: readonly string[], weights: readonly number[]): string {
  return names.map((n, i) => `${n} ${weights[i] ?? '–'}`).join(', ');
}

function shareOf(weights: readonly number[]): number[] {
  const t = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => (t > 0 ? (w * 100) / t : 0));
}
