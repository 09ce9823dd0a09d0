import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { findSubsetPath, loadOperations, toJsonSchema } from '../support/github-standin/openapi.js';
import { SERVED_OPERATIONS } from '../support/github-standin/operations.js';

describe('openapi-subset.json', () => {
  it('holds exactly the served operations, with GitHub operationIds and request schemas', () => {
    const ops = loadOperations();
    expect(ops.map((o) => `${o.method} ${o.path}`).sort()).toEqual(
      SERVED_OPERATIONS.map((o) => `${o.method.toUpperCase()} ${o.path}`).sort(),
    );
    const review = ops.find((o) => o.operationId === 'pulls/create-review');
    expect(review?.bodySchema).toMatchObject({
      properties: { event: { enum: ['APPROVE', 'REQUEST_CHANGES', 'COMMENT'] } },
    });
    expect(
      ops.find((o) => o.operationId === 'repos/get-content')?.params.find((p) => p.name === 'path')
        ?.multiSegment,
    ).toBe(true);
    // No unresolved references survive extraction.
    expect(readFileSync(findSubsetPath(), 'utf8')).not.toContain('$ref');
  });

  it('turns OpenAPI nullable into JSON Schema, including inside enums', () => {
    const ajv = new Ajv({ strict: false });
    const validate = ajv.compile(
      toJsonSchema({
        type: 'object',
        properties: {
          side: { type: 'string', enum: ['LEFT', 'RIGHT'], nullable: true },
          n: { nullable: true, oneOf: [{ type: 'integer' }] },
        },
      }) as object,
    );
    expect(validate({ side: null, n: null })).toBe(true);
    expect(validate({ side: 'RIGHT', n: 3 })).toBe(true);
    expect(validate({ side: 'UP' })).toBe(false);
  });
});
