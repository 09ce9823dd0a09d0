/**
 * What a container of each stage runs: ENTRYPOINT and CMD after inheritance from local parent stages,
 * following Docker's rules (GUIDANCE.md "ENTRYPOINT and CMD"):
 * - exec ENTRYPOINT + CMD: CMD's words are appended; `docker run IMAGE ARGS` replaces CMD's words;
 * - shell ENTRYPOINT: runs `/bin/sh -c "..."`; CMD and run arguments are ignored;
 * - ENTRYPOINT set in a stage resets a CMD inherited from the parent, unless the stage sets CMD too.
 */
import { type Command, lastCommand, type Model, rootStage, type Stage } from './model.js';

export interface EffectiveCommand {
  readonly command: Command;
  /** The stage whose instruction this is, when inherited from a parent stage. */
  readonly inheritedFrom: Stage | null;
}

export interface StageRuntime {
  readonly stage: Stage;
  readonly entrypoint: EffectiveCommand | null;
  readonly cmd: EffectiveCommand | null;
  /** Neither ENTRYPOINT nor CMD is set in this file: the external base image's own defaults run (we cannot see them). */
  readonly baseDecides: boolean;
  /** No ENTRYPOINT in this file but an external base image, whose own ENTRYPOINT (if any) would be prepended. */
  readonly baseEntrypointMayApply: boolean;
  /** argv of `docker run IMAGE`, or null when the base image decides (or nothing runs). */
  readonly run: readonly string[] | null;
  /** argv of `docker run IMAGE ARGS`, with the literal word `ARGS` standing for the user's words. */
  readonly runWithArgs: readonly string[] | null;
}

const memo = new WeakMap<Stage, StageRuntime>();

export function runtimeOf(stage: Stage): StageRuntime {
  const cached = memo.get(stage);
  if (cached) return cached;
  const inherited = stage.parent ? runtimeOf(stage.parent) : null;
  const ownEntrypoint = lastCommand(stage, 'ENTRYPOINT');
  const ownCmd = lastCommand(stage, 'CMD');
  const inherit = (effective: EffectiveCommand | null | undefined): EffectiveCommand | null =>
    effective ? { command: effective.command, inheritedFrom: effective.inheritedFrom ?? stage.parent } : null;

  const entrypoint = ownEntrypoint
    ? { command: ownEntrypoint, inheritedFrom: null }
    : inherit(inherited?.entrypoint);
  let cmd: EffectiveCommand | null;
  if (ownCmd) cmd = { command: ownCmd, inheritedFrom: null };
  else if (ownEntrypoint)
    cmd = null; // an ENTRYPOINT in this stage resets the inherited CMD
  else cmd = inherit(inherited?.cmd);

  const rootIsExternal = rootStage(stage).base.toLowerCase() !== 'scratch';
  const result: StageRuntime = {
    stage,
    entrypoint,
    cmd,
    baseDecides: rootIsExternal && entrypoint === null && cmd === null,
    baseEntrypointMayApply: rootIsExternal && entrypoint === null && cmd !== null,
    ...argvs(entrypoint?.command ?? null, cmd?.command ?? null),
  };
  memo.set(stage, result);
  return result;
}

/** The words a command contributes to the container's argv. */
export function argvOf(command: Command): readonly string[] {
  return command.form.kind === 'exec' ? command.form.argv : [...command.shell, command.form.script];
}

function argvs(
  entrypoint: Command | null,
  cmd: Command | null,
): { run: string[] | null; runWithArgs: string[] | null } {
  if (entrypoint) {
    const head = [...argvOf(entrypoint)];
    if (entrypoint.form.kind !== 'exec') return { run: head, runWithArgs: head };
    return { run: [...head, ...(cmd ? argvOf(cmd) : [])], runWithArgs: [...head, 'ARGS'] };
  }
  if (cmd) return { run: [...argvOf(cmd)], runWithArgs: ['ARGS'] };
  return { run: null, runWithArgs: null };
}

export function runtimes(model: Model): StageRuntime[] {
  return model.stages.map(runtimeOf);
}
