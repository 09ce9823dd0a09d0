/**
 * `.dockerfile-review.yml`: per-rule severities, ignored paths, the file size cap.
 * The JSON Schema in `schema/dockerfile-review.schema.json` is the single definition: it is generated from
 * the rule registry (`npm run docs`), published for editors, and used here to validate, so the schema and
 * the validator can never disagree. Errors name the key and the accepted values.
 */
import { Ajv, type ErrorObject } from 'ajv';
import { parse as parseYaml } from 'yaml';
import { DEFAULT_MAX_FILE_SIZE, type RuleSetting } from '../engine/lint.js';
import type { Rule } from '../engine/types.js';

export interface Config {
  /** Rule id -> severity or `off`. */
  readonly rules: Readonly<Record<string, RuleSetting>>;
  /** Globs (picomatch) of paths never linted. */
  readonly ignorePaths: readonly string[];
  readonly maxFileSize: number;
  /** The build context whose `.dockerignore` `copy-ignored-file` reads, relative to the config file's folder. */
  readonly buildContext: string;
}

export const CONFIG_FILE_NAMES = ['.dockerfile-review.yml', '.dockerfile-review.yaml'];

export const DEFAULT_CONFIG: Config = {
  rules: {},
  ignorePaths: [],
  maxFileSize: DEFAULT_MAX_FILE_SIZE,
  buildContext: '.',
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
    },
  };
}

/** Parses and validates the text of a config file; `origin` names it in errors. */
export function parseConfig(text: string, origin: string, rules: readonly Rule[]): Config {
  let data: unknown;
  try {
    data = parseYaml(text) ?? {};
  } catch (error) {
    throw new ConfigError(
      `${origin}: not valid YAML: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const validate = new Ajv({ allErrors: true, strict: false }).compile(configSchema(rules));
  if (!validate(data)) {
    const messages = (validate.errors ?? []).map((error) => describeError(error, rules));
    throw new ConfigError(`${origin}: ${[...new Set(messages)].join('; ')}`);
  }
  const valid = data as {
    rules?: Record<string, RuleSetting>;
    'ignore-paths'?: string[];
    'max-file-size'?: number;
    'build-context'?: string;
  };
  return {
    rules: valid.rules ?? {},
    ignorePaths: valid['ignore-paths'] ?? [],
    maxFileSize: valid['max-file-size'] ?? DEFAULT_MAX_FILE_SIZE,
    buildContext: valid['build-context'] ?? '.',
  };
}

function describeError(error: ErrorObject, rules: readonly Rule[]): string {
  const key = error.instancePath.replace(/^\//, '').replaceAll('/', '.') || '(top level)';
  switch (error.keyword) {
    case 'additionalProperties': {
      const unknown = String(error.params.additionalProperty);
      if (error.instancePath === '/rules') {
        const close = rules
          .map((rule) => rule.id)
          .filter((id) => id.includes(unknown) || unknown.includes(id));
        return `unknown rule \`${unknown}\` under \`rules\`${close.length ? ` (did you mean ${close.map((id) => `\`${id}\``).join(', ')}?)` : ''}; see docs/rules for the ids`;
      }
      return `unknown key \`${key === '(top level)' ? unknown : `${key}.${unknown}`}\`; accepted keys: rules, ignore-paths, max-file-size, build-context`;
    }
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

function article(type: string): string {
  return type === 'array' || type === 'object' || type === 'integer' ? `an ${type}` : `a ${type}`;
}
