/**
 * The `dockerfile-review` command: the engine on local files, for developers, CI and pre-commit.
 *
 * `main` takes its I/O as a parameter so tests run it in-process; the module runs it by itself only when it is
 * the program's entry (`node lib/src/cli.js`, `node dist/cli/index.js`). `bin/dockerfile-review.js` imports
 * the bundle and calls `main` itself.
 *
 * Exit status: 0 clean, 1 findings at or above `--fail-on`, 2 a usage, config or file problem (the message says
 * what to change). File problems do not stop the other files from being linted and reported.
 */
import { readFileSync, realpathSync, type Stats, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import picomatch from 'picomatch';
import { ConfigError, configPolicy } from './config/config.js';
import { dockerignoreFor } from './config/dockerignore.js';
import { type LoadedConfig, loadConfig } from './config/load.js';
import { DEFAULT_DOCKERFILE_GLOBS, findDockerfiles, globMatcher } from './discover.js';
import { applyFixes } from './engine/fixes.js';
import { lintText, prepareEngine } from './engine/lint.js';
import { formatJsonReport, type ReportedFile, TOOL_NAME, TOOL_VERSION } from './report/json.js';
import { markdownReport } from './report/markdown.js';
import { formatSarifReport } from './report/sarif.js';
import { plural, textReport } from './report/text.js';
import { allRules } from './rules/index.js';
import { FAIL_ON_VALUES, failsAt } from './settings.js';

export const FORMATS = ['text', 'json', 'sarif', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

export const STDIN_PATH = '<stdin>';

export interface CliOutput {
  write(chunk: string): unknown;
  readonly isTTY?: boolean;
}

export interface CliIo {
  readonly stdout: CliOutput;
  readonly stderr: CliOutput;
  readonly stdin: AsyncIterable<string | Uint8Array>;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export const USAGE = `Usage: ${TOOL_NAME} [options] [PATH|DIR|GLOB|-]...

Lints Dockerfiles: ENTRYPOINT, CMD and ARG mistakes, with fixes.
With no path, every Dockerfile under the current directory (${DEFAULT_DOCKERFILE_GLOBS.join(', ')}).
A directory means every Dockerfile under it; a quoted glob is matched from the current directory;
'-' reads standard input.

Options:
  -f, --format FORMAT      text (default), json, sarif or markdown
  -o, --output FILE        write the report to FILE instead of standard output
      --fix                apply safe fixes, rewriting the files (with '-': print the fixed text)
      --unsafe-fixes       apply unsafe fixes too (implies --fix); they may change behaviour
      --fail-on LEVEL      exit 1 on findings at or above LEVEL: error (default), warning, info or never
  -c, --config FILE        config file (default: .dockerfile-review.yml in this directory or a parent,
                           up to the repository root)
      --stdin-filename P   the path to report standard input as (default ${STDIN_PATH})
      --no-color           no colours (also: the NO_COLOR environment variable)
  -v, --version            print the version
  -h, --help               print this help

Files matching the config's ignore-paths are skipped, even when named on the command line (so pre-commit
honours them). Exit status: 0 clean, 1 findings at or above --fail-on, 2 a usage, config or file problem.
`;

interface Target {
  /** As reported: relative to the working directory with `/` separators, or the stdin name. */
  readonly path: string;
  /** Null for standard input. */
  readonly absolute: string | null;
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const complain = (message: string) => io.stderr.write(`${TOOL_NAME}: ${message}\n`);

  let parsed: ReturnType<typeof parseCommandLine>;
  try {
    parsed = parseCommandLine(argv);
  } catch (error) {
    complain(`${describe(error)}\nRun '${TOOL_NAME} --help' for usage.`);
    return EXIT_USAGE;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(USAGE);
    return EXIT_CLEAN;
  }
  if (values.version) {
    io.stdout.write(`${TOOL_NAME} ${TOOL_VERSION}\n`);
    return EXIT_CLEAN;
  }
  const format = values.format ?? 'text';
  if (!isOneOf(FORMATS, format)) {
    complain(`--format must be one of ${FORMATS.join(', ')} (got "${format}")`);
    return EXIT_USAGE;
  }
  const failOn = values['fail-on'] ?? 'error';
  if (!isOneOf(FAIL_ON_VALUES, failOn)) {
    complain(`--fail-on must be one of ${FAIL_ON_VALUES.join(', ')} (got "${failOn}")`);
    return EXIT_USAGE;
  }
  if (positionals.filter((operand) => operand === '-').length > 1) {
    complain("'-' (standard input) can be given only once");
    return EXIT_USAGE;
  }

  let loaded: LoadedConfig;
  try {
    loaded = loadConfig(allRules, { path: values.config, cwd: io.cwd });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    complain(`config error: ${error.message}\nFix the config file, or pass another with --config.`);
    return EXIT_USAGE;
  }
  const { config } = loaded;
  const lintOptions = {
    rules: allRules,
    ruleSettings: config.rules,
    maxFileSize: config.maxFileSize,
    policy: configPolicy(config),
  };
  const contextDir = resolve(loaded.path ? dirname(loaded.path) : io.cwd, config.buildContext);

  const problems: string[] = [];
  const operands =
    positionals.length > 0 ? positionals : values['stdin-filename'] !== undefined ? ['-'] : ['.'];
  const stdinPath = values['stdin-filename'] ?? STDIN_PATH;
  const targets = collectTargets(operands, io.cwd, stdinPath, problems);
  // ignore-paths are written relative to the config file's folder (the repository root), else the working directory.
  const ignoreBase = loaded.path ? dirname(loaded.path) : io.cwd;
  const ignored = globMatcher(config.ignorePaths);

  // The engine's lazily loaded shell parser, before the first lint (src/engine/shell.ts).
  await prepareEngine();
  const fix = values.fix === true || values['unsafe-fixes'] === true;
  const unsafe = values['unsafe-fixes'] === true;
  const reported: ReportedFile[] = [];
  let fixedText: string | null = null;
  let fixesApplied = 0;
  let filesFixed = 0;
  for (const target of targets) {
    if (target.absolute !== null && ignored(toPosix(relative(ignoreBase, target.absolute)))) continue;
    let text: string;
    try {
      text = target.absolute === null ? await readAll(io.stdin) : readFileSync(target.absolute, 'utf8');
    } catch (error) {
      problems.push(`cannot read ${target.path}: ${describe(error)}`);
      continue;
    }
    const dockerignore =
      target.absolute === null
        ? dockerignoreFor('', contextDir)
        : dockerignoreFor(target.absolute, contextDir);
    if (fix) {
      const result = applyFixes(text, { ...lintOptions, dockerignore, unsafe });
      if (target.absolute === null) fixedText = result.text;
      else if (result.text !== text) {
        try {
          writeFileSync(target.absolute, result.text);
        } catch (error) {
          problems.push(`cannot write the fixes to ${target.path}: ${describe(error)}`);
          continue;
        }
      }
      if (result.text !== text) {
        fixesApplied += result.applied;
        filesFixed++;
      }
      text = result.text;
    }
    reported.push({ path: target.path, ...lintText(text, { ...lintOptions, dockerignore }) });
  }

  // With `- --fix`, standard output carries the fixed text, so the report goes to standard error (or --output).
  const sink = fixedText !== null ? io.stderr : io.stdout;
  if (fixedText !== null) io.stdout.write(fixedText);
  const color =
    format === 'text' &&
    values.output === undefined &&
    values['no-color'] !== true &&
    wantsColor(sink, io.env);
  const report = render(format, reported, problems, color);
  if (values.output !== undefined) {
    const outputPath = resolve(io.cwd, values.output);
    try {
      writeFileSync(outputPath, report);
    } catch (error) {
      complain(`cannot write the report to ${values.output}: ${describe(error)}`);
      return EXIT_USAGE;
    }
  } else sink.write(report);

  if (fix && fixesApplied > 0)
    io.stderr.write(`Applied ${plural(fixesApplied, 'fix')} in ${plural(filesFixed, 'file')}.\n`);
  for (const problem of problems) complain(problem);
  if (problems.length > 0) return EXIT_USAGE;
  const failing = reported.some((file) => file.findings.some((finding) => failsAt(finding.severity, failOn)));
  return failing ? EXIT_FINDINGS : EXIT_CLEAN;
}

function parseCommandLine(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string', short: 'f' },
      output: { type: 'string', short: 'o' },
      fix: { type: 'boolean' },
      'unsafe-fixes': { type: 'boolean' },
      'fail-on': { type: 'string' },
      config: { type: 'string', short: 'c' },
      'stdin-filename': { type: 'string' },
      'no-color': { type: 'boolean' },
      version: { type: 'boolean', short: 'v' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

/** Files to lint, in the order given, each once; what cannot be found becomes a problem naming the operand. */
function collectTargets(
  operands: readonly string[],
  cwd: string,
  stdinPath: string,
  problems: string[],
): Target[] {
  const targets: Target[] = [];
  const seen = new Set<string>();
  const add = (absolute: string) => {
    if (seen.has(absolute)) return;
    seen.add(absolute);
    targets.push({ path: displayPath(cwd, absolute), absolute });
  };
  const walk = (dir: string, globs: readonly string[]) =>
    findDockerfiles(dir, globs, [], {
      onUnreadable: (path, error) =>
        problems.push(
          `cannot read the directory ${displayPath(cwd, resolve(dir, path))}: ${describe(error)}`,
        ),
    }).map((path) => resolve(dir, path));

  for (const operand of operands) {
    if (operand === '-') {
      targets.push({ path: stdinPath, absolute: null });
      continue;
    }
    const absolute = resolve(cwd, operand);
    let stats: Stats | undefined;
    try {
      stats = statSync(absolute);
    } catch (error) {
      if (!isMissing(error)) {
        problems.push(`cannot read ${operand}: ${describe(error)}`);
        continue;
      }
    }
    try {
      if (stats?.isDirectory()) {
        const found = walk(absolute, DEFAULT_DOCKERFILE_GLOBS);
        if (found.length === 0)
          problems.push(
            `no Dockerfiles under ${operand} (looked for ${DEFAULT_DOCKERFILE_GLOBS.join(', ')}); name the files to lint`,
          );
        for (const file of found) add(file);
      } else if (stats) {
        add(absolute);
      } else if (picomatch.scan(operand).isGlob) {
        const { base, glob } = picomatch.scan(operand);
        const found = isDirectory(resolve(cwd, base || '.')) ? walk(resolve(cwd, base || '.'), [glob]) : [];
        if (found.length === 0) problems.push(`no files match ${operand}`);
        for (const file of found) add(file);
      } else {
        problems.push(`${operand}: no such file or directory`);
      }
    } catch (error) {
      problems.push(`cannot read ${operand}: ${describe(error)}`);
    }
  }
  return targets;
}

function render(
  format: Format,
  files: readonly ReportedFile[],
  problems: readonly string[],
  color: boolean,
): string {
  switch (format) {
    case 'text':
      return textReport(files, { color });
    case 'json':
      return formatJsonReport(files);
    case 'sarif':
      return formatSarifReport(files, { rules: allRules, problems });
    case 'markdown':
      return markdownReport(files);
  }
}

/** Colour on a terminal, unless NO_COLOR is set (no-color.org); FORCE_COLOR turns it on anywhere. */
function wantsColor(sink: CliOutput, env: CliIo['env']): boolean {
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR && env.FORCE_COLOR !== '0') return true;
  return sink.isTTY === true;
}

async function readAll(stream: AsyncIterable<string | Uint8Array>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

function displayPath(cwd: string, absolute: string): string {
  const path = relative(cwd, absolute);
  return toPosix(path === '' || isAbsolute(path) ? absolute : path);
}

function toPosix(path: string): string {
  return sep === '\\' ? path.replaceAll('\\', '/') : path;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Whether this module is the program being run, by real path: symlinked bins and the ncc bundle included. */
function isProgramEntry(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isProgramEntry()) runAsProgram(main);

/** Runs `main` on the process's own I/O; shared with `bin/dockerfile-review.js` through the bundle's exports. */
export function runAsProgram(run: typeof main): void {
  run(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    cwd: process.cwd(),
    env: process.env,
  }).then(
    (exitCode) => {
      process.exitCode = exitCode;
    },
    (error: unknown) => {
      // A bug, not a finding: say so plainly and exit 2 rather than print a bare stack as if it were output.
      process.stderr.write(
        `${TOOL_NAME}: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\nPlease report this.\n`,
      );
      process.exitCode = EXIT_USAGE;
    },
  );
}
