/**
 * Validation of a weight change, in two steps: the request's own shape (zod, no cluster needed) and
 * the request against the route as the cluster holds it (rule index, number and identity of backendRefs,
 * the all-zero confirmation). Both throw SplitError with a message that names what is wrong.
 */
import { z } from 'zod';
import { ROUTE_KINDS, type RouteKind } from '../gateway-api/kinds';
import type { BackendRef, Route, RouteRule } from '../gateway-api/types';
import { SplitError } from './errors';
import { MAX_WEIGHT } from './weights';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

const weightSchema = z
  .number({ error: 'must be a number' })
  .int({ error: 'must be a whole number (no fractions)' })
  .min(0, { error: 'must not be negative' })
  .max(MAX_WEIGHT, { error: `must be at most ${MAX_WEIGHT.toLocaleString('en')} (the Gateway API limit)` });

export const backendWeightSchema = z.strictObject({
  /** Position of the backendRef within the rule's backendRefs. */
  index: z.number().int().min(0).max(63),
  /** The backendRef's name as the editor saw it: guards against editing a different backend. */
  name: z.string().min(1).max(253),
  weight: weightSchema,
});

export const applyRequestSchema = z.strictObject({
  kind: z.enum(ROUTE_KINDS as unknown as [RouteKind, ...RouteKind[]], {
    error: `must be one of ${ROUTE_KINDS.join(', ')}`,
  }),
  namespace: z.string().max(63).regex(DNS_LABEL, { error: 'must be a namespace name (DNS label)' }),
  name: z.string().max(253).regex(DNS_SUBDOMAIN, { error: 'must be an object name (DNS subdomain)' }),
  ruleIndex: z.number().int({ error: 'must be a whole number' }).min(0, { error: 'must not be negative' }).max(63),
  /** metadata.resourceVersion of the route when the editor opened it. */
  expectedResourceVersion: z.string().min(1).max(64),
  /**
   * metadata.generation when the editor opened it. Optional: when given and still current, a newer
   * resourceVersion means only status or metadata changed (every spec change bumps the generation), so
   * the change goes ahead, still guarded by the patch's test of the resourceVersion read just before.
   */
  expectedGeneration: z.number().int().min(0).optional(),
  weights: z.array(backendWeightSchema).min(1, { error: 'needs at least one backendRef weight' }).max(64),
  /** All-zero weights send every request of the rule to an error: the caller must say so explicitly. */
  confirmAllZero: z.boolean().optional(),
});

export type ApplyRequest = z.infer<typeof applyRequestSchema>;
export type BackendWeight = z.infer<typeof backendWeightSchema>;

/** zod issues → one readable sentence ("weights.0.weight: must not be negative; kind: …"). */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((i) => {
      const path = i.path.map(String).join('.');
      return path ? `${path}: ${i.message}` : i.message;
    })
    .join('; ');
}

/** Parses an apply request; throws SplitError('bad_request') naming every bad field. */
export function parseApplyRequest(input: unknown): ApplyRequest {
  const r = applyRequestSchema.safeParse(input);
  if (!r.success) {
    throw new SplitError('bad_request', `Invalid weight change: ${describeIssues(r.error)}`, {
      issues: r.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
    });
  }
  return r.data;
}

export function routeLabel(kind: string, namespace: string, name: string): string {
  return `${kind} ${namespace}/${name}`;
}

/** Effective weight of a backendRef (the API defaults an unset weight to 1). */
export function effectiveWeight(ref: BackendRef): number {
  return ref.weight ?? 1;
}

/**
 * Checks the request against the route: the rule exists, every backendRef of the rule gets exactly one
 * weight, and each weight names the backendRef at its index. Returns the rule and the new weights in
 * backendRef order. All-zero weights without confirmAllZero are refused.
 */
export function checkAgainstRoute(req: ApplyRequest, route: Route): { rule: RouteRule; to: number[] } {
  const label = routeLabel(req.kind, req.namespace, req.name);
  const rules = route.spec?.rules ?? [];
  if (req.ruleIndex >= rules.length) {
    throw new SplitError(
      'bad_request',
      `${label} has ${rules.length} rule${rules.length === 1 ? '' : 's'}; rule index ${req.ruleIndex} does not exist`,
    );
  }
  const rule = rules[req.ruleIndex];
  const refs = rule.backendRefs ?? [];
  if (refs.length === 0) {
    throw new SplitError('bad_request', `${label} rule ${req.ruleIndex} has no backendRefs to weigh`);
  }
  if (req.weights.length !== refs.length) {
    throw new SplitError(
      'bad_request',
      `${label} rule ${req.ruleIndex} has ${refs.length} backendRefs (${refs.map((r) => r.name).join(', ')}); ` +
        `got ${req.weights.length} weight${req.weights.length === 1 ? '' : 's'}`,
    );
  }
  const to: (number | undefined)[] = refs.map(() => undefined);
  for (const w of req.weights) {
    if (w.index >= refs.length) {
      throw new SplitError('bad_request', `${label} rule ${req.ruleIndex} has no backendRef at index ${w.index}`);
    }
    if (to[w.index] !== undefined) {
      throw new SplitError('bad_request', `backendRef index ${w.index} is given twice`);
    }
    if (refs[w.index].name !== w.name) {
      throw new SplitError(
        'bad_request',
        `${label} rule ${req.ruleIndex} backendRef ${w.index} is "${refs[w.index].name}", not "${w.name}"`,
      );
    }
    to[w.index] = w.weight;
  }
  const weights = to as number[];
  if (weights.every((w) => w === 0) && req.confirmAllZero !== true) {
    throw new SplitError(
      'confirm_all_zero',
      `All weights of ${label} rule ${req.ruleIndex} would be 0: every request matching that rule would fail ` +
        '(HTTP 500 / connection refused). Confirm explicitly (confirmAllZero: true) if that is what you want.',
    );
  }
  return { rule, to: weights };
}
