/**
 * The user the final image runs as, for the USER rules: the last USER of the final stage, or, when it
 * sets none, of the stage it is built FROM (a USER carries over along `FROM <stage>`, as BuildKit does).
 * Only the final stage counts: builder stages are never run as containers (hadolint#405, #1068).
 */
import { spanIn, splitWords } from '../../engine/lexer.js';
import {
  explicitShellAt,
  finalStage,
  type InstructionNode,
  type Model,
  rootStage,
  type Stage,
} from '../../engine/model.js';
import type { Span } from '../../engine/source.js';

export interface EffectiveUser {
  readonly instruction: InstructionNode;
  /** The stage holding the USER: the final stage or one of its parents. */
  readonly stage: Stage;
  /** The user part (before `:`), quotes removed, variables not expanded. */
  readonly user: string;
  readonly userRaw: string;
  readonly group: string | null;
  readonly span: Span;
}

/** The USER in effect when the image built from the final stage starts, or null when the file sets none. */
export function finalUser(model: Model): EffectiveUser | null {
  const last = finalStage(model);
  for (let stage: Stage | null | undefined = last; stage; stage = stage.parent) {
    const instruction = stage.instructions.findLast((node) => node.keyword === 'USER');
    if (instruction) return readUser(instruction, stage);
  }
  return null;
}

function readUser(instruction: InstructionNode, stage: Stage): EffectiveUser | null {
  const word = splitWords(instruction.args.text, instruction.escapeChar)[0];
  if (!word) return null;
  const colon = word.value.indexOf(':');
  const rawColon = word.raw.indexOf(':');
  return {
    instruction,
    stage,
    user: colon === -1 ? word.value : word.value.slice(0, colon),
    userRaw: rawColon === -1 ? word.raw : word.raw.slice(0, rawColon),
    group: colon === -1 ? null : word.value.slice(colon + 1),
    span: spanIn(instruction.args, word.start, word.end),
  };
}

/** `root` and UID 0, as hadolint and the kernel see them. */
export function isRootUser(user: string): boolean {
  return user === 'root' || /^0+$/.test(user);
}

/**
 * Windows images name their users (`ContainerUser`, `ContainerAdministrator`) and have no numeric UIDs;
 * a Windows base image or a PowerShell / cmd SHELL gives them away.
 */
export function looksLikeWindows(stage: Stage): boolean {
  if (/windows|nanoserver|servercore/i.test(rootStage(stage).base)) return true;
  const shell = explicitShellAt(stage, Number.POSITIVE_INFINITY)?.[0] ?? '';
  return /(?:^|[\\/])(?:pwsh|powershell|cmd)(?:\.exe)?$/i.test(shell);
}
