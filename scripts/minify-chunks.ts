/**
 * `ncc --minify` minifies the entry file only; the chunks it splits off for lazy `import()`s (the shell parser,
 * the engine and reporters loaded after the first request) stay as written. This minifies them the same way, so
 * the committed dist/ stays small. Deterministic: CI rebuilds dist/ and compares.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';

async function main(dir: string): Promise<void> {
  const chunks = readdirSync(dir).filter((name) => /^\d+\.index\.js$/.test(name));
  for (const name of chunks) {
    const path = join(dir, name);
    const result = await minify(readFileSync(path, 'utf8'), {
      module: true,
      // Class and function names appear in error messages and stack traces a user may report.
      keep_classnames: true,
      keep_fnames: true,
    });
    if (result.code === undefined) throw new Error(`terser returned nothing for ${path}`);
    writeFileSync(path, result.code);
  }
}

await main(process.argv[2] ?? 'dist');
