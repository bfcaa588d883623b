/**
 * The JSON patch (RFC 6902) that changes the weights of one rule and nothing else. It first `test`s
 * metadata.resourceVersion and the identity of every backendRef it edits, so the API server refuses it
 * when the route changed since the editor read it (a concurrent change is never overwritten).
 */
import type { BackendRef, Route } from '../gateway-api/types';

export type JsonPatchOp =
  | { op: 'test'; path: string; value: unknown }
  | { op: 'replace'; path: string; value: unknown }
  | { op: 'add'; path: string; value: unknown };

/** The identity fields of a backendRef that the patch tests when they are set. */
const IDENTITY: readonly (keyof BackendRef)[] = ['group', 'kind', 'namespace', 'name', 'port'];

/**
 * Builds the patch. `to[i]` is the new weight of backendRef i of rule `ruleIndex`. Only changed weights
 * get an op (`replace`, or `add` when the weight was unset and so defaulted to 1); unchanged ones are
 * still tested. Returns an empty list when nothing would change.
 */
export function buildWeightPatch(route: Route, ruleIndex: number, to: readonly number[]): JsonPatchOp[] {
  const rv = route.metadata.resourceVersion;
  const refs = route.spec?.rules?.[ruleIndex]?.backendRefs ?? [];
  if (!rv) throw new Error('route has no metadata.resourceVersion');
  if (refs.length !== to.length) throw new Error(`rule ${ruleIndex} has ${refs.length} backendRefs, got ${to.length} weights`);
  const tests: JsonPatchOp[] = [{ op: 'test', path: '/metadata/resourceVersion', value: rv }];
  const writes: JsonPatchOp[] = [];
  refs.forEach((ref, i) => {
    const base = `/spec/rules/${ruleIndex}/backendRefs/${i}`;
    for (const field of IDENTITY) {
      if (ref[field] !== undefined) tests.push({ op: 'test', path: `${base}/${field}`, value: ref[field] });
    }
    if (ref.weight !== undefined) tests.push({ op: 'test', path: `${base}/weight`, value: ref.weight });
    const current = ref.weight ?? 1;
    if (to[i] === current) return;
    writes.push({ op: ref.weight === undefined ? 'add' : 'replace', path: `${base}/weight`, value: to[i] });
  });
  return writes.length === 0 ? [] : [...tests, ...writes];
}
