/**
 * dockerfile-ast's variable APIs are quadratic in the file (each call scans every instruction; toolchain.md
 * §7.11: 4.3 s for 10,000 lines) and `resolveVariable` can overflow the stack. The engine keeps its own scopes
 * (src/engine/model.ts); nothing in src/, rules included, may call them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { REPO_ROOT } from '../e2e/harness.js';

const QUADRATIC = ['getVariables', 'resolveVariable', 'getAvailableVariables', 'getExpandedArguments'];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

it("no source calls dockerfile-ast's quadratic variable APIs", () => {
  const calls = sources(join(REPO_ROOT, 'src')).flatMap((path) => {
    const text = readFileSync(path, 'utf8');
    return QUADRATIC.filter((api) => new RegExp(`\\.${api}\\s*\\(`).test(text)).map(
      (api) => `${path.slice(REPO_ROOT.length + 1)}: ${api}()`,
    );
  });
  expect(calls).toEqual([]);
});

/**
 * dockerfile-ast builds each argument one character at a time, a chain of string pieces that outgrows V8's
 * young heap on a long instruction (a 1 MB exec form took ~0.9 s, superlinear). `npm ci` applies
 * patches/dockerfile-ast+<version>.patch through patch-package; if the version moves, the patch must too.
 */
it('dockerfile-ast is installed with its patch for linear argument reading', async () => {
  const { version } = JSON.parse(
    readFileSync(join(REPO_ROOT, 'node_modules', 'dockerfile-ast', 'package.json'), 'utf8'),
  ) as { version: string };
  expect(readdirSync(join(REPO_ROOT, 'patches'))).toContain(`dockerfile-ast+${version}.patch`);
  const instruction = readFileSync(
    join(REPO_ROOT, 'node_modules', 'dockerfile-ast', 'lib', 'instruction.js'),
    'utf8',
  );
  expect(instruction).toContain('fullArgs.substring(runStart, runEnd)');
  const dockerfile = readFileSync(
    join(REPO_ROOT, 'node_modules', 'dockerfile-ast', 'lib', 'dockerfile.js'),
    'utf8',
  );
  expect(dockerfile).toContain('stageRanges');

  // The patched reading gives the same arguments, on a 1 MB exec form too.
  const { DockerfileParser } = await import('dockerfile-ast');
  const words = Array.from({ length: 100_000 }, (_, i) => `"w${i}"`);
  const [cmd] = DockerfileParser.parse(`FROM a\nCMD [${words.join(',')}]\n`)
    .getInstructions()
    .slice(1);
  expect(cmd.getArguments().map((argument) => argument.getValue())).toEqual([`[${words.join(',')}]`]);
  const strings = (cmd as unknown as { getJSONStrings(): { getValue(): string }[] }).getJSONStrings();
  expect(strings).toHaveLength(100_000);
  expect(strings[99_999].getValue()).toBe('"w99999"');
});

it("gives each comment to the stage it lies in (dockerfile-ast's comment sorting, patched to a binary search)", async () => {
  const { DockerfileParser } = await import('dockerfile-ast');
  const text = [
    '# before',
    'ARG V=1',
    'FROM a AS one',
    '# in one',
    'RUN x',
    '# between one and two',
    'FROM b AS two',
    'RUN y \\',
    '  # inside a continuation',
    '  z',
    '# after the last instruction',
  ].join('\n');
  const parsed = DockerfileParser.parse(text) as unknown as {
    initialInstructions: { getComments(): { getContent(): string }[] };
    buildStages: { getComments(): { getContent(): string }[] }[];
  };
  const contents = (comments: { getContent(): string }[]) => comments.map((comment) => comment.getContent());
  // Only a comment inside the ARGs before the first FROM belongs to them; one above them, to nothing.
  expect(contents(parsed.initialInstructions.getComments())).toEqual([]);
  expect(parsed.buildStages.map((stage) => contents(stage.getComments()))).toEqual([
    ['in one'],
    ['inside a continuation'],
  ]);
});
