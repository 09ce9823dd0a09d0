/**
 * Which `.dockerignore` applies to a Dockerfile, as BuildKit decides: `<Dockerfile>.dockerignore` beside the
 * Dockerfile (e.g. `app.Dockerfile.dockerignore`) wins over the build context's `.dockerignore`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The context's ignore file, read once per run: a pull request with 300 Dockerfiles shares one. */
const contextIgnores = new Map<string, string | null>();

export function dockerignoreFor(dockerfilePath: string, contextDir: string): string | null {
  const beside = readIgnoreFile(`${dockerfilePath}.dockerignore`);
  if (beside !== null) return beside;
  let shared = contextIgnores.get(contextDir);
  if (shared === undefined) {
    shared = readIgnoreFile(join(contextDir, '.dockerignore'));
    contextIgnores.set(contextDir, shared);
  }
  return shared;
}

function readIgnoreFile(path: string): string | null {
  if (!existsSync(path)) return null;
  try {
    return readFileSync(path, 'utf8');
  } catch {
    // An unreadable ignore file is treated as absent: copy-ignored-file then stays silent, never wrong.
    return null;
  }
}
