import { describe, expect, it } from 'vitest';
import type { KObject } from '../gateway-api/types';
import type { ResourceType } from './registry';
import { fieldPath, unknownFields, validateMetadata, validateSchema } from './validation';
import { evalJsonPath } from './jsonpath';
import { humanDuration } from './tables';

const schema = {
  type: 'object',
  properties: {
    spec: {
      type: 'object',
      required: ['name'],
      properties: {
        name: { type: 'string', maxLength: 5 },
        mode: { type: 'string', enum: ['A', 'B'], default: 'A' },
        items: { type: 'array', maxItems: 2, items: { type: 'integer', minimum: 0 } },
        free: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
      },
    },
  },
};
const type = { group: 'example.com', kind: 'Thing', schemas: new Map([['v1', schema]]) } as unknown as ResourceType;
const obj = (spec: unknown): KObject => ({ apiVersion: 'example.com/v1', kind: 'Thing', metadata: { name: 't' }, spec });

describe('CRD schema validation', () => {
  it('applies defaults and prunes unknown fields, keeping preserve-unknown-fields subtrees', () => {
    const o = obj({ name: 'x', extra: 1, free: { anything: true } });
    expect(validateSchema(type, 'v1', o)).toEqual([]);
    expect(o.spec).toEqual({ name: 'x', mode: 'A', free: { anything: true } });
  });

  it('words errors like kube-apiserver', () => {
    const causes = validateSchema(type, 'v1', obj({ mode: 'C', items: [1, -1, 3], name: 'toolong' }));
    expect(causes).toEqual(
      expect.arrayContaining([
        { reason: 'FieldValueNotSupported', field: 'spec.mode', message: 'Unsupported value: "C": supported values: "A", "B"' },
        { reason: 'FieldValueTooMany', field: 'spec.items', message: 'Too many: 3: must have at most 2 items' },
        { reason: 'FieldValueInvalid', field: 'spec.items[1]', message: 'Invalid value: -1: spec.items[1] in body should be greater than or equal to 0' },
        { reason: 'FieldValueTooLong', field: 'spec.name', message: 'Too long: may not be more than 5 bytes' },
      ]),
    );
    expect(validateSchema(type, 'v1', obj({}))).toEqual([{ reason: 'FieldValueRequired', field: 'spec.name', message: 'Required value' }]);
  });

  it('lists unknown fields for fieldValidation=Strict/Warn', () => {
    expect(unknownFields(type, 'v1', obj({ name: 'x', nmae: 'y', items: [1], free: { any: 1 } }))).toEqual(['spec.nmae']);
    expect(unknownFields(type, 'v1', { ...obj({ name: 'x' }), extra: true })).toEqual(['extra']);
  });

  it('turns JSON pointers into field paths', () => {
    expect(fieldPath('/spec/rules/0/backendRefs/12/weight')).toBe('spec.rules[0].backendRefs[12].weight');
    expect(fieldPath('/metadata/annotations/a~1b')).toBe('metadata.annotations.a/b');
  });

  it('checks names', () => {
    const svc = { kind: 'Service' } as ResourceType;
    expect(validateMetadata(svc, { apiVersion: 'v1', kind: 'Service', metadata: { name: '1abc' } })[0].field).toBe('metadata.name');
    expect(validateMetadata(type, obj({}))).toEqual([]);
  });
});

describe('printer helpers', () => {
  it('evaluates the JSONPath used by printer columns', () => {
    const gw = { status: { conditions: [{ type: 'Accepted', status: 'True' }, { type: 'Programmed', status: 'False' }], addresses: [{ value: '1.2.3.4' }, { value: '5.6.7.8' }] } };
    expect(evalJsonPath(gw, '.status.conditions[?(@.type=="Programmed")].status')).toEqual(['False']);
    expect(evalJsonPath(gw, '.status.addresses[*].value')).toEqual(['1.2.3.4', '5.6.7.8']);
    expect(evalJsonPath(gw, '.spec.missing')).toEqual([]);
  });
  it('formats ages like kubectl', () => {
    expect(humanDuration(5_000)).toBe('5s');
    expect(humanDuration(5 * 60_000 + 3000)).toBe('5m3s');
    expect(humanDuration(3 * 3600_000)).toBe('3h');
    expect(humanDuration(3 * 86400_000 + 2 * 3600_000)).toBe('3d2h');
  });
});

describe('pruning and value validations', () => {
  it('does not prune fields that only one oneOf branch lists (Gateway addresses)', () => {
    const s = {
      type: 'object',
      properties: {
        spec: {
          type: 'object',
          properties: {
            addresses: {
              type: 'array',
              items: {
                oneOf: [{ properties: { type: { enum: ['IPAddress'] }, value: { anyOf: [{ format: 'ipv4' }, { format: 'ipv6' }] } } }, { properties: { type: { not: { enum: ['IPAddress'] } } } }],
                properties: { type: { type: 'string', default: 'IPAddress' }, value: { type: 'string' } },
                type: 'object',
              },
            },
          },
        },
      },
    };
    const t = { group: 'example.com', kind: 'Thing', schemas: new Map([['v1', s]]) } as unknown as ResourceType;
    const o = obj({ addresses: [{ value: '10.0.0.1' }, { type: 'Hostname', value: 'gw.example.com' }] });
    expect(validateSchema(t, 'v1', o)).toEqual([]);
    expect(o.spec).toEqual({ addresses: [{ type: 'IPAddress', value: '10.0.0.1' }, { type: 'Hostname', value: 'gw.example.com' }] });
    expect(validateSchema(t, 'v1', obj({ addresses: [{ value: 'not-an-ip' }] })).length).toBeGreaterThan(0);
  });
});
