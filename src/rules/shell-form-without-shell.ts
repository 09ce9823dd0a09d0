import { commandForm } from '../engine/lexer.js';
import {
  type Command,
  explicitShellAt,
  type InstructionNode,
  type Model,
  rootStage,
  type Stage,
  stageChain,
} from '../engine/model.js';
import { type EffectiveCommand, runtimeOf } from '../engine/runtime.js';
import { defineRule } from '../engine/types.js';
import { copyArguments } from './shared/copy-args.js';
import { fromImage, globalArgValues } from './shared/image-ref.js';
import { expandWithDefaults } from './shared/vars-image-ref.js';

interface ShellLessImage {
  readonly label: string;
  /** The image sets an ENTRYPOINT of its own (distroless language runtimes): a CMD becomes its arguments. */
  readonly hasEntrypoint: boolean;
}

/**
 * Images known to ship no `/bin/sh`: `scratch`, Google's distroless images (their `debug` tags add busybox) and
 * Chainguard's `static`. Other images may lack a shell too; only these are certain enough to call an error.
 */
function shellLessImage(reference: string): ShellLessImage | null {
  const lower = reference.toLowerCase();
  if (lower === 'scratch') return { label: '`scratch`', hasEntrypoint: false };
  const [name, tag = ''] = lower.split('@')[0].split(/:(?=[^/]*$)/);
  if (name.startsWith('gcr.io/distroless/') && !tag.includes('debug'))
    return { label: 'a distroless image', hasEntrypoint: /\/(?:nodejs|python|java)/.test(name) };
  if (name === 'cgr.dev/chainguard/static')
    return { label: "Chainguard's static image", hasEntrypoint: false };
  return null;
}

/** Destinations that may put a shell at /bin/sh (`COPY --from=busybox /bin/sh /bin/sh`, `COPY --from=x / /`). */
const SHELL_DESTINATIONS = new Set(['/', '/bin', '/bin/sh', '/usr/bin', '/usr/bin/sh']);

export default defineRule({
  id: 'shell-form-without-shell',
  severity: 'error',
  description: 'Shell form in a stage built on an image without a shell: it fails when it runs',
  refs: {},
  basis: ['Dockerfile reference: shell and exec form', 'GoogleContainerTools/distroless: no shell'],
  fixable: 'never',
  check({ model, report }) {
    for (const stage of model.stages) {
      const root = rootStage(stage);
      const image = shellLessBase(model, root);
      if (!image) continue;
      const chain = stageChain(stage);
      for (const node of shellRunners(stage, image)) {
        // A SHELL set on purpose names the interpreter: the user knows what the image holds.
        if (explicitShellAt(stage, node.index)) continue;
        // A RUN sees what was copied before it; CMD, ENTRYPOINT and HEALTHCHECK see the finished image.
        if (copiesAShell(chain, node.keyword === 'RUN' ? node : null)) continue;
        const when =
          node.keyword === 'RUN'
            ? 'the build fails at this step with `/bin/sh: no such file or directory`'
            : node.keyword === 'HEALTHCHECK'
              ? 'every health check fails, so the container is reported unhealthy'
              : 'the container fails to start with `exec: "/bin/sh": stat /bin/sh: no such file or directory`';
        const advice =
          node.keyword === 'HEALTHCHECK'
            ? 'HEALTHCHECK CMD ["/program", "arg"]'
            : `${node.keyword} ["/program", "arg"]`;
        report({
          span: node.span,
          message: `${node.rawKeyword} in shell form runs through \`/bin/sh -c\`, but this stage is built on ${image.label} (\`${root.base}\`), which has no shell: ${when}. Use the JSON exec form (\`${advice}\`).`,
        });
      }
    }
  },
});

/**
 * The shell-form instructions of the stage that would start `/bin/sh`: every RUN; the HEALTHCHECK and the
 * ENTRYPOINT and CMD in effect (overridden ones never run: `single-cmd` and friends report them). A shell-form
 * CMD under an exec-form ENTRYPOINT only becomes its arguments (`shell-cmd-after-exec-entrypoint`), and so does
 * one under the base image's own ENTRYPOINT.
 */
function shellRunners(stage: Stage, image: ShellLessImage): InstructionNode[] {
  const nodes = stage.instructions.filter(
    (node) => node.keyword === 'RUN' && commandForm(node.args.text).kind === 'shell',
  );
  const isShell = (command: Command | undefined) =>
    command !== undefined && command.form.kind === 'shell' && command.form.script !== '';
  const healthcheck = stage.commands
    .filter((command) => command.instruction.keyword === 'HEALTHCHECK')
    .at(-1);
  if (isShell(healthcheck) && healthcheck) nodes.push(healthcheck.instruction);
  const { entrypoint, cmd } = runtimeOf(stage);
  const own = (effective: EffectiveCommand | null) =>
    effective && !effective.inheritedFrom ? effective.command : undefined;
  const ownEntrypoint = own(entrypoint);
  if (isShell(ownEntrypoint) && ownEntrypoint) nodes.push(ownEntrypoint.instruction);
  const ownCmd = own(cmd);
  const cmdRunsShell = entrypoint === null && !image.hasEntrypoint;
  if (cmdRunsShell && isShell(ownCmd) && ownCmd) nodes.push(ownCmd.instruction);
  return nodes.sort((a, b) => a.index - b.index);
}

function shellLessBase(model: Model, root: Stage): ShellLessImage | null {
  const base = fromImage(model, root)?.base;
  if (base?.kind === 'scratch') return shellLessImage('scratch');
  if (base?.kind === 'image') return shellLessImage(base.reference);
  if (base?.kind === 'variable') {
    // `FROM ${BASE}`: a build without --build-arg uses the global ARG's default.
    const expanded = expandWithDefaults(root.base, globalArgValues(model), model.escapeChar);
    if (expanded && expanded.unset.length === 0) return shellLessImage(expanded.value);
  }
  return null;
}

/** Whether a COPY or ADD of the stage chain (before `until`, when given) may put a shell at /bin/sh. */
function copiesAShell(chain: readonly Stage[], until: InstructionNode | null): boolean {
  for (const stage of chain) {
    for (const node of stage.instructions) {
      if (until && stage === until.stage && node.index >= until.index) break;
      if (node.keyword !== 'COPY' && node.keyword !== 'ADD') continue;
      const destination = copyArguments(node).destination?.value;
      if (destination === undefined) continue;
      const normalized = destination.replace(/\/+$/, '') || '/';
      if (SHELL_DESTINATIONS.has(normalized) || destination.includes('$')) return true;
    }
  }
  return false;
}
