/** Runs the CLI in-process on a temporary folder, capturing its output: what every CLI test needs. */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach } from 'vitest';
import { main } from '../../src/cli.js';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly stdin?: string;
  readonly env?: Record<string, string | undefined>;
  /** Pretend standard output is a terminal (colour decisions). */
  readonly tty?: boolean;
}

export async function runCli(cwd: string, argv: string[], options: RunOptions = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (chunk: string) => (stdout += chunk), isTTY: options.tty ?? false },
    stderr: { write: (chunk: string) => (stderr += chunk), isTTY: false },
    stdin: Readable.from([Buffer.from(options.stdin ?? '')]),
    cwd,
    env: options.env ?? {},
  });
  return { code, stdout, stderr };
}

const made: string[] = [];

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * A fresh folder holding `files` (relative path -> content), removed after the test. A `.git` folder marks it
 * as a repository root, so the config search never climbs into the machine's own folders.
 */
export function project(files: Record<string, string> = {}): string {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'dockerfile-review-cli-')));
  made.push(root);
  mkdirSync(join(root, '.git'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

/** A Dockerfile `exec-form` flags with a safe fix (a warning: exit 0 under the default --fail-on error). */
export const SHELL_FORM_CMD = 'FROM nginx:1.27\nCMD nginx -g daemon-off\n';
export const SHELL_FORM_CMD_FIXED = 'FROM nginx:1.27\nCMD ["nginx", "-g", "daemon-off"]\n';
/** Exec form throughout: no finding from any rule. */
export const CLEAN = 'FROM python:3.12-slim\nENTRYPOINT ["python", "-m", "http.server"]\nCMD ["8000"]\n';

/** The text without its colour escape codes (SGR sequences, `ESC [ n m`). */
export function withoutColour(text: string): string {
  return text
    .split('\u001b[')
    .map((part, index) => (index === 0 ? part : part.replace(/^\d+m/, '')))
    .join('');
}
