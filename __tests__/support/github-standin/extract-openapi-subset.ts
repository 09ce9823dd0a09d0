/**
 * Regenerates `openapi-subset.json` from GitHub's official OpenAPI description (npm
 * `@octokit/openapi`, file `generated/api.github.com.json`), keeping only the operations the
 * stand-in serves (see operations.ts) and only what request validation needs: parameters, request
 * bodies and documentation URLs, with every `$ref` inlined.
 *
 * Why a checked-in subset: the full description is 13 MB (73 MB dereferenced) and parsing it on
 * every test run would cost seconds and hundreds of MB on a shared machine; the subset is small and
 * reviewable, and this script makes it reproducible.
 *
 * Run from the repository root after `tsc`:
 *   node lib/__tests__/support/github-standin/extract-openapi-subset.js [output.json]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { SERVED_OPERATIONS } from './operations.js';

type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
type JsonObject = { [key: string]: JsonValue };

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Schema keywords kept in the subset; documentation-only keywords (examples, descriptions, x-github) are dropped. */
const KEPT_SCHEMA_KEYWORDS = new Set([
  'type',
  'enum',
  'format',
  'nullable',
  'default',
  'required',
  'maxItems',
  'minItems',
  'maxLength',
  'minLength',
  'maximum',
  'minimum',
  'pattern',
  'additionalProperties',
  'properties',
  'items',
  'anyOf',
  'oneOf',
  'allOf',
  'not',
]);

class Resolver {
  constructor(private readonly spec: JsonObject) {}

  /** Follows a local `#/...` JSON pointer. */
  deref(ref: string): JsonValue {
    if (!ref.startsWith('#/')) throw new Error(`Only local $refs are supported, got ${ref}`);
    let node: JsonValue = this.spec;
    for (const raw of ref.slice(2).split('/')) {
      const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      if (!isObject(node) || !(key in node)) throw new Error(`Dangling $ref ${ref}`);
      node = node[key] as JsonValue;
    }
    return node;
  }

  /** Inlines `$ref`s, refusing cycles (request schemas have none; a cycle would mean the spec changed shape). */
  inline(value: JsonValue, seen: readonly string[] = []): JsonValue {
    if (Array.isArray(value)) return value.map((item) => this.inline(item, seen));
    if (!isObject(value)) return value;
    const ref = value.$ref;
    if (typeof ref === 'string') {
      if (seen.includes(ref)) throw new Error(`Cyclic $ref ${[...seen, ref].join(' -> ')}`);
      return this.inline(this.deref(ref), [...seen, ref]);
    }
    const out: JsonObject = {};
    for (const [key, child] of Object.entries(value)) out[key] = this.inline(child, seen);
    return out;
  }
}

/** Keeps validation keywords only. `properties` is a map of names to schemas, so its keys are never filtered. */
function cleanSchema(schema: JsonValue): JsonValue {
  if (!isObject(schema)) return schema;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    if (!KEPT_SCHEMA_KEYWORDS.has(key)) continue;
    if (key === 'properties' && isObject(value)) {
      const props: JsonObject = {};
      for (const [name, propSchema] of Object.entries(value)) props[name] = cleanSchema(propSchema);
      out[key] = props;
    } else if ((key === 'anyOf' || key === 'oneOf' || key === 'allOf') && Array.isArray(value)) {
      out[key] = value.map(cleanSchema);
    } else if (key === 'items' || key === 'not' || (key === 'additionalProperties' && isObject(value))) {
      out[key] = cleanSchema(value);
    } else {
      out[key] = value;
    }
  }
  return out;
}

function extractOperation(resolver: Resolver, operation: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const key of ['operationId', 'summary', 'externalDocs'] as const) {
    const value = operation[key];
    if (value !== undefined)
      out[key] = key === 'externalDocs' && isObject(value) ? { url: value.url ?? '' } : value;
  }
  const xGithub = operation['x-github'];
  if (isObject(xGithub)) {
    // triggersNotification marks the content-creating endpoints that GitHub's secondary limits target.
    out['x-github'] = {
      triggersNotification: xGithub.triggersNotification === true,
      category: xGithub.category ?? null,
    };
  }
  const params = resolver.inline(operation.parameters ?? []);
  if (Array.isArray(params)) {
    out.parameters = params.filter(isObject).map((param) => {
      const kept: JsonObject = {
        name: param.name ?? '',
        in: param.in ?? '',
        required: param.required === true,
        schema: cleanSchema(param.schema ?? {}),
      };
      if (param['x-multi-segment'] === true) kept['x-multi-segment'] = true;
      return kept;
    });
  }
  const body = resolver.inline(operation.requestBody ?? null);
  if (isObject(body) && isObject(body.content)) {
    const json = body.content['application/json'];
    if (isObject(json)) {
      out.requestBody = {
        required: body.required === true,
        content: { 'application/json': { schema: cleanSchema(json.schema ?? {}) } },
      };
    }
  }
  // OpenAPI requires `responses`; only the status codes are kept (the stand-in builds its own bodies).
  const responses: JsonObject = {};
  if (isObject(operation.responses)) {
    for (const code of Object.keys(operation.responses)) responses[code] = { description: 'See GitHub docs' };
  }
  out.responses = responses;
  return out;
}

function main(): void {
  const require = createRequire(import.meta.url);
  const pkgDir = dirname(require.resolve('@octokit/openapi/package.json'));
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string };
  const specPath = join(pkgDir, 'generated', 'api.github.com.json');
  const spec = JSON.parse(readFileSync(specPath, 'utf8')) as JsonObject;
  const resolver = new Resolver(spec);
  const specPaths = spec.paths;
  if (!isObject(specPaths)) throw new Error('spec has no paths');

  const paths: JsonObject = {};
  for (const { path, method } of SERVED_OPERATIONS) {
    const item = specPaths[path];
    const operation = isObject(item) ? item[method] : undefined;
    if (!isObject(operation))
      throw new Error(`${method.toUpperCase()} ${path} is not in @octokit/openapi@${pkg.version}`);
    const existing = paths[path];
    const target: JsonObject = isObject(existing) ? existing : {};
    target[method] = extractOperation(resolver, operation);
    paths[path] = target;
  }
  const info = isObject(spec.info) ? spec.info : {};
  const subset: JsonObject = {
    openapi: typeof spec.openapi === 'string' ? spec.openapi : '3.0.3',
    info: {
      title: 'GitHub REST API subset served by the dockerfile-review test stand-in',
      version: typeof info.version === 'string' ? info.version : 'unknown',
      'x-source': `@octokit/openapi@${pkg.version} generated/api.github.com.json`,
      'x-regenerate':
        'npx tsc -p tsconfig.json && node lib/__tests__/support/github-standin/extract-openapi-subset.js',
    },
    paths,
  };

  const defaultOut = resolve('__tests__/support/github-standin/openapi-subset.json');
  const outPath = resolve(process.argv[2] ?? defaultOut);
  if (!existsSync(dirname(outPath)))
    throw new Error(`${dirname(outPath)} does not exist: run from the repo root`);
  writeFileSync(outPath, `${JSON.stringify(subset, null, 2)}\n`);
  // The repo's formatter owns JSON layout; running it here keeps regeneration diff-free.
  const biome = resolve('node_modules/.bin/biome');
  if (existsSync(biome)) spawnSync(biome, ['format', '--write', outPath], { stdio: 'ignore' });
  process.stdout.write(`wrote ${outPath} (${SERVED_OPERATIONS.length} operations)\n`);
}

main();
