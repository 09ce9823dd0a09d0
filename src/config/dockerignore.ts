/**
 * Which `.dockerignore` applies to a Dockerfile, as BuildKit decides: `<Dockerfile>.dockerignore` beside the
 * Dockerfile (e.g. `app.Dockerfile.dockerignore`) wins over the build context's `.dockerignore`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function dockerignoreFor(dockerfilePath: string, contextDir: string): string | null {
  for (const candidate of [`${dockerfilePath}.dockerignore`, join(contextDir, '.dockerignore')]) {
    if (existsSync(candidate)) {
      try {
        return readFileSync(candidate, 'utf8');
      } catch {
        // An unreadable ignore file is treated as absent: copy-ignored-file then stays silent, never wrong.
      }
    }
  }
  return null;
}
