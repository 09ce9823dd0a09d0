/** Finding and reading the config file: the only file I/O of the config module. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Rule } from '../engine/types.js';
import { CONFIG_FILE_NAMES, type Config, ConfigError, DEFAULT_CONFIG, parseConfig } from './config.js';

export interface LoadedConfig {
  readonly config: Config;
  /** The file read, or null when none was found and the defaults apply. */
  readonly path: string | null;
}

/**
 * An explicit path must exist. Otherwise the file is looked for in `cwd` and its parents, stopping at the
 * repository root (the first folder holding `.git`), so a CLI run from a subfolder finds the repo's config.
 */
export function loadConfig(rules: readonly Rule[], options: { path?: string; cwd: string }): LoadedConfig {
  const path = options.path ? resolve(options.cwd, options.path) : findConfig(options.cwd);
  if (path === null) return { config: DEFAULT_CONFIG, path: null };
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(
      `cannot read the config file ${path}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return { config: parseConfig(text, path, rules), path };
}

function findConfig(start: string): string | null {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    if (existsSync(join(dir, '.git')) || dirname(dir) === dir) return null;
  }
}
