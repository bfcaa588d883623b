/**
 * Applies a weight change to the cluster: read the route, check the expected resourceVersion and the
 * request against it, send the JSON patch (fieldManager gatewatch), record a WeightsChanged Event, and
 * log one structured line. API errors become SplitErrors that name the route and the cause.
 * Used by the API route (app/api/split) and the CLI (scripts/split.ts) alike.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { V1MicroTime, type EventsV1Event, type KubeConfig } from '@kubernetes/client-node';
import type { Route } from '../gateway-api/types';
import { SplitError } from './errors';
import { commitSnippet, detectGitOps, type GitOpsInfo } from './gitops';
import { buildWeightsEvent, describeChange } from './history';
import { apiFailure, createEvent, patchRoute, readRoute, type ApiFailure } from './kube';
import { buildWeightPatch } from './patch';
import { checkAgainstRoute, effectiveWeight, routeLabel, type ApplyRequest } from './validate';

export interface ApplyOptions {
  kubeConfig: KubeConfig;
  /** Who asked (shown in the history); "gatewatch" when unknown. */
  user?: string;
  /** API version of the route kind, when known from discovery. */
  version?: string;
  /** Where the structured line goes; default console.log. */
  log?: (line: string) => void;
}

export interface CurrentWeights {
  resourceVersion?: string;
  generation?: number;
  ruleIndex: number;
  backendRefs: { index: number; name: string; weight: number }[];
}

export interface ApplyResult {
  route: { kind: string; namespace: string; name: string };
  ruleIndex: number;
  backends: string[];
  from: number[];
  to: number[];
  /** false when the weights were already those: nothing was written. */
  changed: boolean;
  resourceVersion?: string;
  generation?: number;
  history: { recorded: boolean; warning?: string };
  gitops: GitOpsInfo & { yaml?: string };
  /** `rule 0: b-v1 2→0, b-v2 3→1` */
  summary: string;
}

export function currentWeights(route: Route, ruleIndex: number): CurrentWeights {
  return {
    resourceVersion: route.metadata.resourceVersion,
    generation: route.metadata.generation,
    ruleIndex,
    backendRefs: (route.spec?.rules?.[ruleIndex]?.backendRefs ?? []).map((r, index) => ({
      index,
      name: r.name,
      weight: effectiveWeight(r),
    })),
  };
}

function conflict(label: string, expected: string, route: Route, ruleIndex: number): SplitError {
  const cur = currentWeights(route, ruleIndex);
  const now = cur.backendRefs.map((b) => `${b.name} ${b.weight}`).join(', ');
  return new SplitError(
    'conflict',
    `${label} was changed by someone else since you opened it (resourceVersion ${expected} → ${cur.resourceVersion}). ` +
      `Current weights of rule ${ruleIndex}: ${now || 'none'}. Review them and apply again.`,
    { current: cur },
  );
}

/** Maps an API failure on the route to a SplitError naming the route and the cause. */
export function routeError(label: string, f: ApiFailure, verb: string): SplitError {
  switch (f.code) {
    case 0:
      return new SplitError('unavailable', `Could not reach the cluster to ${verb} ${label}: ${f.message}`);
    case 401:
      return new SplitError('forbidden', `The cluster did not accept Gatewatch's credentials to ${verb} ${label}: ${f.message}`);
    case 403:
      return new SplitError('forbidden', `Your cluster permissions do not allow you to ${verb} ${label}: ${f.message}`);
    case 404:
      return new SplitError('not_found', `${label} does not exist (it may have been deleted): ${f.message}`);
    case 409:
      return new SplitError('conflict', `${label} was changed by someone else since you opened it: ${f.message}`);
    case 422:
      return new SplitError('invalid', `The API server rejected the change to ${label} as invalid: ${f.message}`);
    default:
      return new SplitError(
        f.code >= 500 ? 'unavailable' : 'bad_request',
        `The API server refused to ${verb} ${label} (HTTP ${f.code}): ${f.message}`,
      );
  }
}

/** Reads and patches tried when only status changed in between (see applyWeights). */
const MAX_ATTEMPTS = 3;

function eventSuffix(): string {
  // The API server names its events <object>.<16 hex digits>; do the same.
  return randomBytes(8).toString('hex');
}

export async function applyWeights(req: ApplyRequest, opts: ApplyOptions): Promise<ApplyResult> {
  const label = routeLabel(req.kind, req.namespace, req.name);
  const log = opts.log ?? ((line: string) => console.log(line));
  const handle = { kind: req.kind, namespace: req.namespace, name: req.name, version: opts.version };
  const logLine = (fields: Record<string, unknown>) =>
    log(JSON.stringify({ msg: 'split.apply', route: label, rule: req.ruleIndex, ...fields }));

  const read = async () => {
    try {
      return await readRoute(opts.kubeConfig, handle);
    } catch (err) {
      throw routeError(label, apiFailure(err), 'read');
    }
  };

  try {
    // A controller writing status bumps the resourceVersion between our read and our patch. When the caller
    // gave expectedGeneration and the spec is still that generation, read again and retry (a few times);
    // the patch always tests the resourceVersion just read, so nothing is ever overwritten.
    for (let attempt = 0; ; attempt++) {
      const { route, version } = await read();
      const specUnchanged = req.expectedGeneration !== undefined && route.metadata.generation === req.expectedGeneration;
      if (route.metadata.resourceVersion !== req.expectedResourceVersion && !specUnchanged) {
        throw conflict(label, req.expectedResourceVersion, route, req.ruleIndex);
      }
      const { rule, to } = checkAgainstRoute(req, route);
      const refs = rule.backendRefs ?? [];
      const backends = refs.map((r) => r.name);
      const from = refs.map(effectiveWeight);
      const gitops = detectGitOps(route);
      const gitopsOut = gitops.managed ? { ...gitops, yaml: commitSnippet(route, req.ruleIndex, to) } : gitops;
      const summary = describeChange(req.ruleIndex, backends, from, to);
      const ops = buildWeightPatch(route, req.ruleIndex, to);
      const base = { route: { kind: req.kind, namespace: req.namespace, name: req.name }, ruleIndex: req.ruleIndex, backends, from, to, gitops: gitopsOut, summary };

      if (ops.length === 0) {
        logLine({ from, to, result: 'unchanged' });
        return {
          ...base,
          changed: false,
          resourceVersion: route.metadata.resourceVersion,
          generation: route.metadata.generation,
          history: { recorded: false, warning: 'Nothing to record: the weights were already these.' },
        };
      }

      let patched: Route;
      try {
        patched = await patchRoute(opts.kubeConfig, { ...handle, version }, ops);
      } catch (err) {
        const f = apiFailure(err);
        // A failed `test` op (422, or 409 on some servers) means the route moved under us: re-read it to say how.
        if (f.code === 409 || f.code === 422) {
          const fresh = await readRoute(opts.kubeConfig, { ...handle, version }).catch(() => undefined);
          if (fresh && fresh.route.metadata.resourceVersion !== route.metadata.resourceVersion) {
            if (attempt < MAX_ATTEMPTS - 1 && req.expectedGeneration !== undefined && fresh.route.metadata.generation === req.expectedGeneration) continue;
            throw conflict(label, req.expectedResourceVersion, fresh.route, req.ruleIndex);
          }
        }
        throw routeError(label, f, 'patch');
      }
      return await recordAndLog(patched, base);
    }
  } catch (err) {
    if (err instanceof SplitError) logLine({ result: err.code, message: err.message });
    throw err;
  }

  async function recordAndLog(patched: Route, base: Omit<ApplyResult, 'changed' | 'resourceVersion' | 'generation' | 'history'>): Promise<ApplyResult> {
    const { backends, from, to } = base;
    const user = opts.user || 'gatewatch';
    const history: ApplyResult['history'] = { recorded: false };
    try {
      const ev = buildWeightsEvent(
        { route: patched, ruleIndex: req.ruleIndex, backends, from, to, user },
        `gatewatch-${hostname()}`,
        // MicroTime: the API server wants six fractional digits in eventTime.
        new V1MicroTime(),
        eventSuffix(),
      );
      await createEvent(opts.kubeConfig, req.namespace, ev as unknown as EventsV1Event);
      history.recorded = true;
    } catch (err) {
      const f = apiFailure(err);
      history.warning =
        f.code === 403
          ? `The weights were written, but the history could not be recorded: your cluster permissions do not allow creating Events in namespace ${req.namespace}.`
          : `The weights were written, but the history could not be recorded: ${f.message}`;
    }
    logLine({ from, to, result: 'applied', resourceVersion: patched.metadata.resourceVersion, historyRecorded: history.recorded });
    return {
      ...base,
      changed: true,
      resourceVersion: patched.metadata.resourceVersion,
      generation: patched.metadata.generation,
      history,
    };
  }
}
