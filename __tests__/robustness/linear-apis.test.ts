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
