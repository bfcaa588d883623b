/**
 * OpenAPI v3: the root index and one document per group-version. kubectl apply only needs each
 * resource's PATCH operation with x-kubernetes-group-version-kind and a fieldValidation parameter
 * (then it leaves validation to the server); CRD group-versions carry the CRD schemas.
 */
import { createHash } from 'node:crypto';
import type { Registry, ResourceType } from './registry';

type Obj = Record<string, unknown>;

function prefix(group: string, version: string): string {
  return group ? `apis/${group}/${version}` : `api/${version}`;
}

/** Schema component name in kube's style: io.k8s.networking.gateway.v1.HTTPRoute */
function schemaName(t: ResourceType, version: string): string {
  const g = t.group ? t.group.split('.').reverse().join('.') : 'io.k8s.api.core';
  return `${g}.${version}.${t.kind}`;
}

const param = (name: string, where: 'query' | 'path'): Obj => ({ name, in: where, ...(where === 'path' ? { required: true } : {}), schema: { type: 'string', uniqueItems: true } });

function operations(t: ResourceType, version: string, ref: Obj): Obj {
  const gvk = { group: t.group, version, kind: t.kind };
  const json = { 'application/json': { schema: ref } };
  const patchTypes = ['application/json-patch+json', 'application/merge-patch+json', 'application/apply-patch+yaml'];
  if (t.builtin) patchTypes.push('application/strategic-merge-patch+json');
  const common = { 'x-kubernetes-group-version-kind': gvk };
  return {
    get: { operationId: `read${t.kind}`, responses: { '200': { content: json } }, ...common, 'x-kubernetes-action': 'get' },
    put: { operationId: `replace${t.kind}`, requestBody: { content: json }, parameters: [param('dryRun', 'query'), param('fieldManager', 'query'), param('fieldValidation', 'query')], responses: { '200': { content: json } }, ...common, 'x-kubernetes-action': 'put' },
    patch: {
      operationId: `patch${t.kind}`,
      requestBody: { content: Object.fromEntries(patchTypes.map((p) => [p, { schema: { type: 'object' } }])) },
      parameters: [param('dryRun', 'query'), param('fieldManager', 'query'), param('fieldValidation', 'query'), param('force', 'query')],
      responses: { '200': { content: json } },
      ...common,
      'x-kubernetes-action': 'patch',
    },
    delete: { operationId: `delete${t.kind}`, responses: { '200': { content: json } }, ...common, 'x-kubernetes-action': 'delete' },
  };
}

export function openapiGroupVersion(reg: Registry, group: string, version: string): Obj | undefined {
  const types = reg.inGroupVersion(group, version);
  if (!types.length) return undefined;
  const paths: Obj = {};
  const schemas: Obj = {};
  for (const t of types) {
    const name = schemaName(t, version);
    const ref = { $ref: `#/components/schemas/${name}` };
    const base = `/${prefix(group, version)}${t.namespaced ? '/namespaces/{namespace}' : ''}/${t.plural}`;
    const params = [param('name', 'path'), ...(t.namespaced ? [param('namespace', 'path')] : [])];
    paths[`${base}/{name}`] = { parameters: params, ...operations(t, version, ref) };
    paths[base] = {
      ...(t.namespaced ? { parameters: [param('namespace', 'path')] } : {}),
      get: { operationId: `list${t.kind}`, responses: { '200': { content: { 'application/json': { schema: { type: 'object' } } } } }, 'x-kubernetes-group-version-kind': { group, version, kind: t.kind }, 'x-kubernetes-action': 'list' },
      post: { operationId: `create${t.kind}`, requestBody: { content: { 'application/json': { schema: ref } } }, parameters: [param('dryRun', 'query'), param('fieldManager', 'query'), param('fieldValidation', 'query')], responses: { '201': { content: { 'application/json': { schema: ref } } } }, 'x-kubernetes-group-version-kind': { group, version, kind: t.kind }, 'x-kubernetes-action': 'post' },
    };
    const schema = t.schemas?.get(version);
    // Built-in kinds get an open schema without a GVK, so kubectl builds strategic merge patches from
    // its compiled-in types instead of trying (and warning about) this minimal schema.
    schemas[name] = schema ? { ...schema, 'x-kubernetes-group-version-kind': [{ group, version, kind: t.kind }] } : { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
  }
  return { openapi: '3.0.0', info: { title: 'Kubernetes', version: 'v1.32.4' }, paths, components: { schemas } };
}

export function openapiRoot(reg: Registry): Obj {
  const paths: Obj = {};
  const stamp = String(reg.version());
  for (const [group, versions] of reg.groups()) {
    for (const v of versions) {
      const p = prefix(group, v);
      const hash = createHash('sha256').update(`${p}:${stamp}`).digest('hex').slice(0, 32).toUpperCase();
      paths[p] = { serverRelativeURL: `/openapi/v3/${p}?hash=${hash}` };
    }
  }
  return { paths };
}
