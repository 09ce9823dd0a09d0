/**
 * `.dockerfile-review.yml`: per-rule severities, ignored paths, the file size cap, and the policy (trusted
 * registries, label schema) that the policy rules enforce.
 * The JSON Schema in `schema/dockerfile-review.schema.json` is the single definition: it is generated from
 * the rule registry (`npm run docs`), published for editors, and compiled by the same script into the
 * validator used here (ajv's standalone code, so the bundle carries the checks and not ajv's compiler); a test
 * fails when either is stale. Errors name the key and the accepted values.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { parse as parseYaml } from 'yaml';
import { DEFAULT_MAX_FILE_SIZE, type RuleSetting } from '../engine/lint.js';
import { LABEL_TYPES, type LabelType, type Policy, type Rule } from '../engine/types.js';
import validateGenerated from './config-validator.generated.js';

export interface Config {
  /** Rule id -> severity or `off`. */
  readonly rules: Readonly<Record<string, RuleSetting>>;
  /** Globs (picomatch) of paths never linted. */
  readonly ignorePaths: readonly string[];
  readonly maxFileSize: number;
  /** The build context whose `.dockerignore` `copy-ignored-file` reads, relative to the config file's folder. */
  readonly buildContext: string;
  /** Registries FROM and `COPY --from` images may come from (`untrusted-registry`); empty: any. */
  readonly trustedRegistries: readonly string[];
  /** Label name -> value type, for the label rules; empty: no label is required. */
  readonly labelSchema: Readonly<Record<string, LabelType>>;
  /** Report labels the schema does not name (`label-not-in-schema`). */
  readonly strictLabels: boolean;
}

export const CONFIG_FILE_NAMES = ['.dockerfile-review.yml', '.dockerfile-review.yaml'];

export const DEFAULT_CONFIG: Config = {
  rules: {},
  ignorePaths: [],
  maxFileSize: DEFAULT_MAX_FILE_SIZE,
  buildContext: '.',
  trustedRegistries: [],
  labelSchema: {},
  strictLabels: false,
};

/** What the engine's policy rules see of a config. */
export function configPolicy(config: Config): Policy {
  return {
    trustedRegistries: config.trustedRegistries,
    labelSchema: config.labelSchema,
    strictLabels: config.strictLabels,
  };
}

/**
 * A registry as an image reference names it: a host name or IP, an optional port, an IPv6 address in brackets;
 * or, as hadolint accepts, one `*` at the start (`*.example.com`) or the end (`registry.example.*`), or `*` alone.
 */
export const REGISTRY_PATTERN =
  '^(?:\\*|\\*[A-Za-z0-9.:-]+|[A-Za-z0-9][A-Za-z0-9.:-]*\\*|(?:[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]+\\])(?::[0-9]+)?)$';

/** hadolint's spellings of our keys, named in the error when a hadolint config is pasted in. */
const HADOLINT_KEYS: Readonly<Record<string, string>> = {
  trustedRegistries: 'trusted-registries',
  labelSchema: 'label-schema',
  strictLabels: 'strict-labels',
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export const RULE_SETTINGS: readonly RuleSetting[] = ['off', 'info', 'warning', 'error'];

export function configSchema(rules: readonly Rule[]): Record<string, unknown> {
  const ruleSetting = { enum: RULE_SETTINGS };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/dockerfile-review/dockerfile-review/blob/main/schema/dockerfile-review.schema.json',
    title: 'dockerfile-review configuration (.dockerfile-review.yml)',
    type: 'object',
    additionalProperties: false,
    properties: {
      rules: {
        description: 'Severity per rule id: off, info, warning or error.',
        type: 'object',
        additionalProperties: false,
        properties: Object.fromEntries(
          [...rules]
            .sort((a, b) => a.id.localeCompare(b.id))
            .map((rule) => [rule.id, { ...ruleSetting, description: rule.description }]),
        ),
      },
      'ignore-paths': {
        description: 'Glob patterns (picomatch) of Dockerfiles never linted.',
        type: 'array',
        items: { type: 'string', minLength: 1 },
      },
      'build-context': {
        description:
          'The folder `docker build` is given as its context, relative to the repository root: its .dockerignore is read for copy-ignored-file. Default: the repository root.',
        type: 'string',
        minLength: 1,
      },
      'max-file-size': {
        description: `Files larger than this many bytes get one file-too-large finding instead of a lint. Default ${DEFAULT_MAX_FILE_SIZE}.`,
        type: 'integer',
        minimum: 1,
      },
      'trusted-registries': {
        description:
          'Registries that FROM, COPY --from and RUN --mount from= images may come from, as host names (docker.io for Docker Hub, which an image without a registry resolves to; ghcr.io; localhost:5000), optionally with one * at the start or end (*.example.com). Empty or absent: any registry (untrusted-registry does nothing).',
        type: 'array',
        items: { type: 'string', pattern: REGISTRY_PATTERN },
      },
      'label-schema': {
        description: `Labels every image must carry, each with the type its value must have: ${LABEL_TYPES.join(', ')} (hadolint's label-schema). Absent: no label is required.`,
        type: 'object',
        propertyNames: { minLength: 1 },
        additionalProperties: { enum: LABEL_TYPES },
      },
      'strict-labels': {
        description:
          "Report labels that label-schema does not name (hadolint's strict-labels). Default false.",
        type: 'boolean',
      },
    },
  };
}

/**
 * Parses and validates the text of a config file; `origin` names it in errors. The validator knows every rule
 * of the registry; `rules` is what error messages suggest from.
 */
export function parseConfig(text: string, origin: string, rules: readonly Rule[]): Config {
  let data: unknown;
  try {
    data = parseYaml(text) ?? {};
  } catch (error) {
    throw new ConfigError(
      `${origin}: not valid YAML: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  // Precompiled from configSchema(allRules) by `npm run docs`; a test fails when it is stale.
  const validate = validateGenerated as unknown as ValidateFunction;
  if (!validate(data)) {
    const messages = (validate.errors ?? []).map((error) => describeError(error, rules, data));
    throw new ConfigError(`${origin}: ${[...new Set(messages)].join('; ')}`);
  }
  const valid = data as {
    rules?: Record<string, RuleSetting>;
    'ignore-paths'?: string[];
    'max-file-size'?: number;
    'build-context'?: string;
    'trusted-registries'?: string[];
    'label-schema'?: Record<string, LabelType>;
    'strict-labels'?: boolean;
  };
  return {
    rules: valid.rules ?? {},
    ignorePaths: valid['ignore-paths'] ?? [],
    maxFileSize: valid['max-file-size'] ?? DEFAULT_MAX_FILE_SIZE,
    buildContext: valid['build-context'] ?? '.',
    trustedRegistries: valid['trusted-registries'] ?? [],
    labelSchema: valid['label-schema'] ?? {},
    strictLabels: valid['strict-labels'] ?? false,
  };
}

function describeError(error: ErrorObject, rules: readonly Rule[], data: unknown): string {
  const segments = pointerSegments(error.instancePath);
  // A label name holds dots itself, so it is quoted rather than joined with them.
  const key =
    segments[0] === 'label-schema' && segments.length === 2
      ? `label-schema["${segments[1]}"]`
      : segments.join('.') || '(top level)';
  switch (error.keyword) {
    case 'additionalProperties': {
      const unknown = String(error.params.additionalProperty);
      if (error.instancePath === '/rules') {
        const close = rules
          .map((rule) => rule.id)
          .filter((id) => id.includes(unknown) || unknown.includes(id));
        return `unknown rule \`${unknown}\` under \`rules\`${close.length ? ` (did you mean ${close.map((id) => `\`${id}\``).join(', ')}?)` : ''}; see docs/rules for the ids`;
      }
      if (error.instancePath === '' && HADOLINT_KEYS[unknown])
        return `unknown key \`${unknown}\` (hadolint's spelling): write \`${HADOLINT_KEYS[unknown]}\``;
      const accepted = Object.keys(configSchema(rules).properties as Record<string, unknown>).join(', ');
      return `unknown key \`${key === '(top level)' ? unknown : `${key}.${unknown}`}\`; accepted keys: ${accepted}`;
    }
    case 'pattern':
      if (segments[0] === 'trusted-registries')
        return `\`${key}\` (\`${String(valueAt(data, segments))}\`) is not a registry host name: write the registry as an image reference names it (\`docker.io\`, \`ghcr.io\`, \`registry.example.com:5000\`), without a scheme or an image path, optionally with one \`*\` at the start or the end (\`*.example.com\`)`;
      return `\`${key}\` ${error.message ?? 'is invalid'}`;
    case 'minLength':
      if (error.propertyName === undefined) return `\`${key}\` must not be empty`;
      return `\`${key}\` has an empty label name`;
    case 'propertyNames':
      return `\`${key}\` has an empty label name`;
    case 'enum':
      return `\`${key}\` must be one of ${(error.params.allowedValues as string[]).join(', ')}`;
    case 'type':
      return `\`${key}\` must be ${article(String(error.params.type))}`;
    case 'minimum':
      return `\`${key}\` must be at least ${error.params.limit}`;
    default:
      return `\`${key}\` ${error.message ?? 'is invalid'}`;
  }
}

/** The keys of a JSON pointer (`/label-schema/a~1b` -> `label-schema`, `a/b`). */
function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
}

function valueAt(data: unknown, segments: readonly string[]): unknown {
  let value = data;
  for (const segment of segments) value = (value as Record<string, unknown> | undefined)?.[segment];
  return value;
}

function article(type: string): string {
  return type === 'array' || type === 'object' || type === 'integer' ? `an ${type}` : `a ${type}`;
}
