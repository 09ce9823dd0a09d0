/**
 * The machine-readable result of DESIGN.md ("The machine-readable result"): a contract. The document is built
 * field by field, in the contract's order, rather than by serialising engine objects, so an engine change can
 * never silently add, rename or reorder a field. Fields beyond the contract are only ever appended.
 */
import packageJson from '../../package.json' with { type: 'json' };
import type { Model, Stage } from '../engine/model.js';
import { argvOf, type EffectiveCommand, type StageRuntime } from '../engine/runtime.js';
import type { SourceText } from '../engine/source.js';
import type { Finding, Refs } from '../engine/types.js';

export const TOOL_NAME = 'dockerfile-review';
export const TOOL_VERSION: string = packageJson.version;

/** One linted file as every report builder takes it: a `LintResult` plus its path (`{ path, ...result }`). */
export interface ReportedFile {
  /** Relative to the repository root or the working directory, with `/` separators; `<stdin>` for standard input. */
  readonly path: string;
  /** The findings to report (a caller may pass a filtered subset of the lint result's). */
  readonly findings: readonly Finding[];
  /** Null when the file was not parsed (too large, or binary): it then has no runtime. */
  readonly model: Model | null;
  readonly runtimes: readonly StageRuntime[];
  readonly source: SourceText;
}

export interface JsonReport {
  readonly tool: { readonly name: string; readonly version: string };
  readonly files: readonly JsonFile[];
}

export interface JsonFile {
  readonly path: string;
  readonly findings: readonly JsonFinding[];
  readonly runtime?: readonly JsonRuntime[];
}

export interface JsonFinding {
  readonly ruleId: string;
  readonly severity: Finding['severity'];
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly refs: Refs;
  readonly fix?: {
    readonly safety: 'safe' | 'unsafe';
    readonly edits: readonly JsonEdit[];
    /** Beyond the contract: the fix's caption. */
    readonly title: string;
  };
}

export interface JsonEdit {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly text: string;
}

export interface JsonRuntime {
  /** The stage's name, or its 0-based index as a string when it has none. */
  readonly stage: string;
  /** The stage's FROM line, 1-based. */
  readonly line: number;
  readonly entrypoint: readonly string[] | null;
  readonly cmd: readonly string[] | null;
  /** The effective ENTRYPOINT (or CMD, when there is no ENTRYPOINT) is shell form: `/bin/sh -c` runs it. */
  readonly shellForm: boolean;
  /** The stage the deciding ENTRYPOINT (or CMD) comes from, when inherited; null when the stage sets it itself. */
  readonly inheritedFrom: string | null;
  /** Beyond the contract: argv of `docker run IMAGE`, null when the base image decides or nothing runs. */
  readonly run: readonly string[] | null;
  /** Beyond the contract: argv of `docker run IMAGE ARGS`, the word `ARGS` standing for the user's words. */
  readonly runWithArgs: readonly string[] | null;
}

export function jsonReport(files: readonly ReportedFile[]): JsonReport {
  return {
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    files: files.map((file) => ({
      path: file.path,
      findings: file.findings.map(jsonFinding),
      ...(file.model ? { runtime: file.runtimes.map((runtime) => jsonRuntime(runtime, file.source)) } : {}),
    })),
  };
}

/** The document as the CLI prints it: two-space indentation and a final newline. */
export function formatJsonReport(files: readonly ReportedFile[]): string {
  return `${JSON.stringify(jsonReport(files), null, 2)}\n`;
}

function jsonFinding(finding: Finding): JsonFinding {
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    line: finding.line,
    column: finding.column,
    endLine: finding.endLine,
    endColumn: finding.endColumn,
    refs: jsonRefs(finding.refs),
    ...(finding.fix
      ? {
          fix: {
            safety: finding.fix.safety,
            edits: finding.fix.edits.map((edit) => ({
              line: edit.line,
              column: edit.column,
              endLine: edit.endLine,
              endColumn: edit.endColumn,
              text: edit.text,
            })),
            title: finding.fix.title,
          },
        }
      : {}),
  };
}

function jsonRefs(refs: Refs): Refs {
  // A fixed key order (hadolint, then buildkit), whatever order the rule wrote them in.
  return {
    ...(refs.hadolint ? { hadolint: [...refs.hadolint] } : {}),
    ...(refs.buildkit ? { buildkit: [...refs.buildkit] } : {}),
  };
}

export function jsonRuntime(runtime: StageRuntime, source: SourceText): JsonRuntime {
  const deciding = runtime.entrypoint ?? runtime.cmd;
  return {
    stage: stageLabel(runtime.stage),
    line: source.locate(runtime.stage.from.span).line,
    entrypoint: commandArgv(runtime.entrypoint),
    cmd: commandArgv(runtime.cmd),
    shellForm: deciding !== null && deciding.command.form.kind !== 'exec',
    inheritedFrom: deciding?.inheritedFrom ? stageLabel(deciding.inheritedFrom) : null,
    run: runtime.run ? [...runtime.run] : null,
    runWithArgs: runtime.runWithArgs ? [...runtime.runWithArgs] : null,
  };
}

/** How reports name a stage: `AS name`, or the 0-based index Docker's `--target` does not accept but logs show. */
export function stageLabel(stage: Stage): string {
  return stage.name ?? String(stage.index);
}

/** Exec form as written; shell form (or bracketed text that is not JSON) as the shell's argv. */
function commandArgv(effective: EffectiveCommand | null): string[] | null {
  return effective ? [...argvOf(effective.command)] : null;
}
