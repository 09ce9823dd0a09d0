/**
 * `ncc --minify` only mangles the entry file (terser with `compress: false`), and it leaves the chunks it splits
 * off for lazy `import()`s (the shell parser, the engine and reporters loaded after the first request) as
 * written. This compresses and mangles all of them, so the committed dist/ stays small. Deterministic: CI
 * rebuilds dist/ and compares.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';

async function main(dir: string): Promise<void> {
  const files = readdirSync(dir).filter((name) => /^(?:\d+\.)?index\.js$/.test(name));
  for (const name of files) {
    const path = join(dir, name);
    const code = readFileSync(path, 'utf8');
    // mvdan-sh is GopherJS output: its function names are GopherJS's own, never in our messages or stack traces.
    const gopherjs = code.includes('$goVersion') || code.includes('GOPHERJS_GOROOT');
    const result = await minify(code, {
      module: true,
      // Class and function names appear in error messages and stack traces a user may report.
      keep_classnames: !gopherjs,
      keep_fnames: !gopherjs,
    });
    if (result.code === undefined) throw new Error(`terser returned nothing for ${path}`);
    writeFileSync(path, result.code);
  }
}

await main(process.argv[2] ?? 'dist');
