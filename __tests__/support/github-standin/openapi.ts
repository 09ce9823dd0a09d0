/**
 * Routing and request validation driven by the checked-in subset of GitHub's OpenAPI description.
 * Routing by the subset (rather than by hand-written patterns) guarantees that every request the
 * stand-in answers is one GitHub documents, with the parameters GitHub documents.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';

export type JsonSchema = { [key: string]: unknown };

export interface ParamSpec {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: JsonSchema;
  multiSegment: boolean;
}

export interface Operation {
  operationId: string;
  method: string;
  path: string;
  docUrl: string;
  triggersNotification: boolean;
  params: ParamSpec[];
  bodySchema?: JsonSchema;
  bodyRequired: boolean;
  /** Built from the path template: captures path parameters in order. */
  pattern: RegExp;
  pathParamNames: string[];
  literalSegments: number;
}

interface SubsetFile {
  paths: Record<string, Record<string, RawOperation>>;
}

interface RawOperation {
  operationId: string;
  externalDocs?: { url?: string };
  'x-github'?: { triggersNotification?: boolean };
  parameters?: Array<{
    name: string;
    in: ParamSpec['in'];
    required?: boolean;
    schema?: JsonSchema;
    'x-multi-segment'?: boolean;
  }>;
  requestBody?: { required?: boolean; content?: { 'application/json'?: { schema?: JsonSchema } } };
}

const SUBSET_FILE = 'openapi-subset.json';

/**
 * The subset lives next to the TypeScript source. tsc does not copy it to `lib/`, so when running
 * compiled (the demo) we walk up to the repository root and find the source copy.
 */
export function findSubsetPath(explicit?: string): string {
  if (explicit) return explicit;
  const here = dirname(fileURLToPath(import.meta.url));
  const beside = join(here, SUBSET_FILE);
  if (existsSync(beside)) return beside;
  let dir = here;
  for (let i = 0; i < 8; i++) {
    const candidate = join(dir, '__tests__', 'support', 'github-standin', SUBSET_FILE);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error(`Cannot find ${SUBSET_FILE} near ${here}`);
}

function compilePattern(
  template: string,
  params: ParamSpec[],
): Pick<Operation, 'pattern' | 'pathParamNames' | 'literalSegments'> {
  const names: string[] = [];
  let literals = 0;
  const source = template
    .split('/')
    .map((segment) => {
      const m = /^\{(.+)\}$/.exec(segment);
      if (!m) {
        if (segment) literals++;
        return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      }
      const name = m[1] ?? '';
      names.push(name);
      // `x-multi-segment` parameters (the contents path) may contain slashes.
      return params.find((p) => p.name === name)?.multiSegment ? '(.+)' : '([^/]+)';
    })
    .join('/');
  return { pattern: new RegExp(`^${source}$`), pathParamNames: names, literalSegments: literals };
}

const operationsCache = new Map<string, Operation[]>();

export function loadOperations(subsetPath?: string): Operation[] {
  const file = findSubsetPath(subsetPath);
  const cached = operationsCache.get(file);
  if (cached) return cached;
  const subset = JSON.parse(readFileSync(file, 'utf8')) as SubsetFile;
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(subset.paths)) {
    for (const [method, raw] of Object.entries(item)) {
      const params: ParamSpec[] = (raw.parameters ?? []).map((p) => ({
        name: p.name,
        in: p.in,
        required: p.required === true,
        schema: p.schema ?? {},
        multiSegment: p['x-multi-segment'] === true,
      }));
      const bodySchema = raw.requestBody?.content?.['application/json']?.schema;
      ops.push({
        operationId: raw.operationId,
        method: method.toUpperCase(),
        path,
        docUrl: raw.externalDocs?.url ?? 'https://docs.github.com/rest',
        triggersNotification: raw['x-github']?.triggersNotification === true,
        params,
        bodySchema,
        bodyRequired: raw.requestBody?.required === true,
        ...compilePattern(path, params),
      });
    }
  }
  // More literal segments first, so `/pulls/comments/{id}` wins over `/pulls/{pull_number}/...` shapes.
  ops.sort((a, b) => b.literalSegments - a.literalSegments);
  operationsCache.set(file, ops);
  return ops;
}

export type RouteMatch =
  | { kind: 'matched'; op: Operation; params: Record<string, string> }
  | { kind: 'wrong-method' }
  | { kind: 'none' };

export function matchRoute(ops: Operation[], method: string, pathname: string): RouteMatch {
  let pathKnown = false;
  for (const op of ops) {
    const m = op.pattern.exec(pathname);
    if (!m) continue;
    if (op.method !== method) {
      pathKnown = true;
      continue;
    }
    const params: Record<string, string> = {};
    op.pathParamNames.forEach((name, i) => {
      params[name] = decodeURIComponent(m[i + 1] ?? '');
    });
    return { kind: 'matched', op, params };
  }
  return pathKnown ? { kind: 'wrong-method' } : { kind: 'none' };
}

/**
 * OpenAPI 3.0 `nullable: true` is not JSON Schema: turn it into a type union (and allow null in an
 * enum, which Ajv's own `nullable` support deliberately does not do). Applied recursively.
 */
export function toJsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toJsonSchema);
  if (typeof schema !== 'object' || schema === null) return schema;
  const src = schema as JsonSchema;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(src)) {
    if (key === 'nullable') continue;
    if (key === 'properties' && typeof value === 'object' && value !== null) {
      const props: JsonSchema = {};
      for (const [name, sub] of Object.entries(value)) props[name] = toJsonSchema(sub);
      out[key] = props;
    } else {
      out[key] = toJsonSchema(value);
    }
  }
  if (src.nullable === true) {
    if (typeof out.type === 'string') {
      out.type = [out.type, 'null'];
      if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    } else {
      return { anyOf: [out, { type: 'null' }] };
    }
  }
  return out;
}

function newAjv(coerceTypes: boolean): Ajv {
  // strict:false because GitHub's schemas use OpenAPI-only keywords Ajv does not know; formats other
  // than date-time are accepted as-is (GitHub's own validator is no stricter about them).
  const ajv = new Ajv({ strict: false, allErrors: true, coerceTypes, logger: false });
  ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/i);
  for (const name of [
    'uri',
    'int64',
    'int32',
    'email',
    'date',
    'double',
    'binary',
    'uri-template',
    'timestamp',
  ])
    ajv.addFormat(name, true);
  return ajv;
}

const bodyAjv = newAjv(false);
// Query strings are text: coerce "2" to 2 as GitHub does before validating.
const queryAjv = newAjv(true);
const bodyValidators = new WeakMap<Operation, ValidateFunction>();
const queryValidators = new WeakMap<Operation, ValidateFunction>();

function bodyValidator(op: Operation): ValidateFunction | undefined {
  if (!op.bodySchema) return undefined;
  let v = bodyValidators.get(op);
  if (!v) {
    v = bodyAjv.compile(toJsonSchema(op.bodySchema) as JsonSchema);
    bodyValidators.set(op, v);
  }
  return v;
}

function queryValidator(op: Operation): ValidateFunction {
  let v = queryValidators.get(op);
  if (!v) {
    const properties: JsonSchema = {};
    const required: string[] = [];
    for (const p of op.params) {
      if (p.in !== 'query') continue;
      properties[p.name] = toJsonSchema(p.schema);
      if (p.required) required.push(p.name);
    }
    v = queryAjv.compile({ type: 'object', properties, required });
    queryValidators.set(op, v);
  }
  return v;
}

/** Ruby's `inspect`, which GitHub's messages use to quote the offending value. */
function inspect(value: unknown): string {
  if (value === null || value === undefined) return 'nil';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

const ARTICLE: Record<string, string> = {
  integer: 'an integer',
  string: 'a string',
  object: 'an object',
  array: 'an array',
  boolean: 'a boolean',
  number: 'a number',
  null: 'null',
};

function valueAt(data: unknown, pointer: string): unknown {
  let node = data;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** `#/properties/comments/items/properties/line/type` -> `properties/comments/items/properties/line`, GitHub's naming. */
function fieldOf(err: ErrorObject): string {
  const parts = err.schemaPath.replace(/^#\/?/, '').split('/');
  parts.pop(); // the failing keyword
  const cleaned: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    // anyOf/oneOf branch indices are an artefact of the schema layout, not a field name.
    if (
      (parts[i] === 'anyOf' || parts[i] === 'oneOf' || parts[i] === 'allOf') &&
      /^\d+$/.test(parts[i + 1] ?? '')
    ) {
      i++;
      continue;
    }
    cleaned.push(parts[i] ?? '');
  }
  return cleaned.join('/');
}

/**
 * With `anyOf` (checks/update: "completed requires conclusion"), Ajv reports every branch. GitHub
 * names the requirement that was not met, so keep the branch whose discriminating enum matched.
 */
function pickAnyOfBranch(errors: ErrorObject[]): ErrorObject[] {
  const branchRe = /\/(anyOf|oneOf)\/(\d+)\//;
  const byBranch = new Map<string, ErrorObject[]>();
  const rest: ErrorObject[] = [];
  for (const e of errors) {
    if (e.keyword === 'anyOf' || e.keyword === 'oneOf') continue;
    const m = branchRe.exec(e.schemaPath);
    if (!m) {
      rest.push(e);
      continue;
    }
    const key = `${m[1]}${m[2]}`;
    byBranch.set(key, [...(byBranch.get(key) ?? []), e]);
  }
  if (byBranch.size === 0) return rest;
  const score = (errs: ErrorObject[]): number =>
    errs.reduce((s, e) => s + (e.keyword === 'enum' ? 100 : 1), 0);
  const best = [...byBranch.values()].sort((a, b) => score(a) - score(b))[0] ?? [];
  return [...rest, ...best];
}

/** Renders Ajv errors the way GitHub words its "Invalid request." 422s (verbatim forms in github-api.md). */
export function describeErrors(errors: ErrorObject[], data: unknown): string[] {
  const lines: string[] = [];
  const missing = new Map<string, string[]>();
  for (const err of pickAnyOfBranch(errors)) {
    const value = valueAt(data, err.instancePath);
    const field = fieldOf(err);
    switch (err.keyword) {
      case 'required': {
        const params = err.params as { missingProperty: string };
        missing.set(err.instancePath, [...(missing.get(err.instancePath) ?? []), params.missingProperty]);
        break;
      }
      case 'type': {
        const params = err.params as { type: string | string[] };
        const types = Array.isArray(params.type) ? params.type : [params.type];
        lines.push(
          `For '${field}', ${inspect(value)} is not ${types.map((t) => ARTICLE[t] ?? t).join(' or ')}.`,
        );
        break;
      }
      case 'enum': {
        const params = err.params as { allowedValues: unknown[] };
        lines.push(
          `For '${field}', ${inspect(value)} is not a member of [${params.allowedValues.map(inspect).join(', ')}].`,
        );
        break;
      }
      case 'maxItems': {
        const params = err.params as { limit: number };
        const n = Array.isArray(value) ? value.length : 0;
        lines.push(`For '${field}', No more than ${params.limit} items are allowed; ${n} were supplied.`);
        break;
      }
      case 'maxLength': {
        const params = err.params as { limit: number };
        const n = typeof value === 'string' ? [...value].length : 0;
        lines.push(`For '${field}', Only ${params.limit} characters are allowed; ${n} were supplied.`);
        break;
      }
      default:
        lines.push(`For '${field}', ${inspect(value)} ${err.message ?? 'is invalid'}.`);
    }
  }
  const out: string[] = [];
  for (const names of missing.values()) {
    const quoted = names.map((n) => JSON.stringify(n)).join(', ');
    out.push(names.length === 1 ? `${quoted} wasn't supplied.` : `${quoted} weren't supplied.`);
  }
  return [...new Set([...out, ...lines])];
}

/** Returns GitHub-style message lines, or undefined when the body is valid. */
export function validateBody(op: Operation, body: unknown): string[] | undefined {
  const validate = bodyValidator(op);
  if (!validate) return undefined;
  if (body === undefined) return op.bodyRequired ? ['Body is required.'] : undefined;
  if (validate(body)) return undefined;
  return describeErrors(validate.errors ?? [], body);
}

export function validateQuery(op: Operation, query: URLSearchParams): string[] | undefined {
  const data: Record<string, string> = {};
  for (const p of op.params) {
    const v = query.get(p.name);
    if (p.in === 'query' && v !== null) data[p.name] = v;
  }
  const validate = queryValidator(op);
  if (validate(data)) return undefined;
  return describeErrors(validate.errors ?? [], data);
}

/** Path parameters declared as integers must be integers: GitHub answers 404 otherwise. */
export function pathParamsValid(op: Operation, params: Record<string, string>): boolean {
  for (const p of op.params) {
    if (p.in !== 'path' || p.schema.type !== 'integer') continue;
    if (!/^\d+$/.test(params[p.name] ?? '')) return false;
  }
  return true;
}
