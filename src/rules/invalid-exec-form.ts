import { commandForm, spanIn, splitWords } from '../engine/lexer.js';
import { explicitShellAt, type InstructionNode } from '../engine/model.js';
import { POSIX_SHELL } from '../engine/shell-wrapper.js';
import { defineRule, type Fix } from '../engine/types.js';
import { isPowerShellTypeLiteral, isShellTest, readPseudoArray } from './shared/runtime-json.js';
import { baseName } from './shared/runtime-pairs.js';

export default defineRule({
  id: 'invalid-exec-form',
  severity: 'error',
  description: 'Text in brackets that is not a JSON array of strings silently runs as a shell command',
  refs: { hadolint: ['DL3025'], buildkit: ['JSONArgsRecommended'] },
  basis: ['GUIDANCE.md: ENTRYPOINT and CMD 6'],
  fixable: 'sometimes',
  check({ model, report }) {
    for (const stage of model.stages) {
      for (const instruction of stage.instructions) {
        const target = bracketedCommand(instruction);
        if (!target) continue;
        const text = instruction.args.text.slice(target.textStart);
        const form = commandForm(text);
        if (form.kind !== 'invalid-exec') continue;
        const label = target.label;

        const nonString = nonStringElement(text);
        if (nonString !== null) {
          report({
            span: instruction.span,
            message: `\`${label}\` is a JSON array holding \`${nonString}\`, which is not a string: Docker refuses to build the file, because exec-form arrays may hold strings only. Quote the element.`,
          });
          continue;
        }

        const shell = target.onbuild ? null : explicitShellAt(stage, instruction.index);
        // Under PowerShell or cmd, a line starting with `[` is ordinary script (`[Environment]::...`).
        if (shell && !POSIX_SHELL.test(baseName(shell[0] ?? ''))) continue;
        if (isShellTest(text) || isPowerShellTypeLiteral(text)) continue;

        const reading = readPseudoArray(text);
        const problems = reading.problems.length > 0 ? reading.problems : [form.problem];
        const shellText = (shell ?? ['/bin/sh', '-c']).join(' ');
        const fix: Fix | undefined = reading.edits
          ? {
              safety: reading.safety,
              title:
                reading.safety === 'safe'
                  ? 'Write it as a JSON array'
                  : 'Write it as the JSON array it seems to mean',
              edits: reading.edits.map((edit) => ({
                span: spanIn(instruction.args, target.textStart + edit.start, target.textStart + edit.end),
                text: edit.text,
              })),
            }
          : undefined;
        report({
          span: instruction.span,
          message: `\`${label}\` starts with \`[\` but is not a JSON array (${listProblems(problems)}), so Docker runs the whole text with \`${shellText}\` ${consequence(target, text, shell === null)}.`,
          fix,
        });
      }
    }
  },
});

interface BracketedCommand {
  /** `CMD`, `HEALTHCHECK CMD`, `ONBUILD RUN`... as written. */
  readonly label: string;
  readonly kind: 'RUN' | 'CMD' | 'ENTRYPOINT' | 'HEALTHCHECK';
  readonly textStart: number;
  readonly onbuild: boolean;
}

/** The instructions whose text Docker reads as exec form when it parses as JSON, and as shell form otherwise. */
function bracketedCommand(instruction: InstructionNode): BracketedCommand | null {
  const text = instruction.args.text;
  switch (instruction.keyword) {
    case 'RUN':
    case 'CMD':
    case 'ENTRYPOINT':
      return { label: instruction.rawKeyword, kind: instruction.keyword, textStart: 0, onbuild: false };
    case 'HEALTHCHECK': {
      const match = /^\s*CMD\b\s*/i.exec(text);
      if (!match) return null;
      const label = `${instruction.rawKeyword} ${match[0].trim()}`;
      return { label, kind: 'HEALTHCHECK', textStart: match[0].length, onbuild: false };
    }
    case 'ONBUILD': {
      // A trigger runs in every image built FROM this one, with the same silent fallback to the shell.
      const match = /^\s*(RUN|CMD|ENTRYPOINT)\s+/i.exec(text);
      if (!match) return null;
      const kind = match[1].toUpperCase() as 'RUN' | 'CMD' | 'ENTRYPOINT';
      return {
        label: `${instruction.rawKeyword} ${match[1]}`,
        kind,
        textStart: match[0].length,
        onbuild: true,
      };
    }
    default:
      return null;
  }
}

/** The first element of a parsable JSON array that is not a string, as JSON; null when there is none. */
function nonStringElement(text: string): string | null {
  try {
    const parsed: unknown = JSON.parse(text.trim());
    if (!Array.isArray(parsed)) return null;
    const element: unknown = parsed.find((item) => typeof item !== 'string');
    return element === undefined ? null : truncate(JSON.stringify(element));
  } catch {
    return null;
  }
}

function listProblems(problems: readonly string[]): string {
  return problems.length === 1 ? problems[0] : `${problems[0]}, and ${problems[1]}`;
}

/** What running the text through the shell does, with the error `/bin/sh` prints when it is the shell. */
function consequence(target: BracketedCommand, text: string, defaultShell: boolean): string {
  const firstWord = splitWords(text, '\\')[0]?.value ?? '';
  const error = !defaultShell
    ? ''
    : firstWord === '['
      ? ': the shell runs its `[` test command with your words instead of your program'
      : ` with an error like \`/bin/sh: ${truncate(firstWord)}: not found\``;
  const where = target.onbuild ? ' in every image built FROM this one' : '';
  switch (target.kind) {
    case 'RUN':
      return `and the build fails at this step${where}${error}`;
    case 'HEALTHCHECK':
      return `and every check fails, so the container is reported unhealthy${error}`;
    default:
      return `and the container fails at start${where}${error}`;
  }
}

function truncate(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
