/**
 * Which files are Dockerfiles, and finding them under a directory. Paths are matched relative to the directory
 * walked, with `/` separators, so the same globs work on every OS and in the action's `files` input.
 */
import { type Dirent, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import picomatch from 'picomatch';

/** The names Docker, Podman and editors recognise as Dockerfiles (dot-directories such as `.devcontainer` included). */
export const DEFAULT_DOCKERFILE_GLOBS: readonly string[] = [
  '**/Dockerfile',
  '**/Dockerfile.*',
  '**/*.Dockerfile',
  '**/*.dockerfile',
  '**/Containerfile',
  '**/Containerfile.*',
  '**/*.containerfile',
];

/**
 * Files the name globs would catch but are not Dockerfiles: BuildKit reads `Dockerfile.dockerignore` (and
 * `app.Dockerfile.dockerignore`) as the ignore file of the Dockerfile of the same name.
 */
const NOT_DOCKERFILES: readonly string[] = ['**/*.dockerignore', '**/*.containerignore'];

/** Directories never walked: dependencies and version-control data hold no Dockerfiles of the project's own. */
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

type Matcher = (path: string) => boolean;

/**
 * Compiles globs into one predicate. A glob starting with `!` excludes what it matches (as in the action's
 * `files` input); picomatch alone would treat it as "anything but", which matches nearly everything.
 */
export function globMatcher(globs: readonly string[]): Matcher {
  const include = globs.filter((glob) => !glob.startsWith('!'));
  const exclude = globs.filter((glob) => glob.startsWith('!')).map((glob) => glob.slice(1));
  const included = include.length > 0 ? picomatch([...include], { dot: true }) : () => false;
  const excluded = exclude.length > 0 ? picomatch(exclude, { dot: true }) : () => false;
  return (path) => {
    const normalized = toPosix(path);
    return included(normalized) && !excluded(normalized);
  };
}

const notDockerfile = picomatch([...NOT_DOCKERFILES], { dot: true });

/** Whether a relative path names a Dockerfile under `globs`: compiled once, for matching many paths. */
export function dockerfileMatcher(globs: readonly string[] = DEFAULT_DOCKERFILE_GLOBS): Matcher {
  const matches = globMatcher(globs);
  return (path) => matches(path) && !notDockerfile(toPosix(path));
}

/** Whether a relative path names a Dockerfile under `globs` (default: the usual Dockerfile names). */
export function isDockerfilePath(path: string, globs: readonly string[] = DEFAULT_DOCKERFILE_GLOBS): boolean {
  return dockerfileMatcher(globs)(path);
}

export interface FindOptions {
  /** Called for each directory below `dir` that cannot be read; the walk goes on without it. */
  readonly onUnreadable?: (path: string, error: unknown) => void;
}

/**
 * Every file under `dir` matching `globs` and no `ignoreGlobs`, as sorted paths relative to `dir` with `/`
 * separators. Skips `node_modules` and `.git`; symbolic links to files count, to directories are not followed
 * (a link to a parent would loop, and a linked tree is usually someone else's). Throws when `dir` itself
 * cannot be read.
 */
export function findDockerfiles(
  dir: string,
  globs: readonly string[] = DEFAULT_DOCKERFILE_GLOBS,
  ignoreGlobs: readonly string[] = [],
  options: FindOptions = {},
): string[] {
  const wanted = globMatcher(globs);
  const ignored = globMatcher(ignoreGlobs);
  const found: string[] = [];
  // An explicit stack, not recursion: a deep tree must not overflow the call stack.
  const pending: string[] = [''];
  for (let relative = pending.pop(); relative !== undefined; relative = pending.pop()) {
    let entries: Dirent[];
    try {
      entries = readdirSync(join(dir, relative), { withFileTypes: true });
    } catch (error) {
      if (relative === '') throw error;
      options.onUnreadable?.(relative, error);
      continue;
    }
    for (const entry of entries) {
      const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) {
        // Ignored directories are pruned whole (`vendor/**` must not cost a walk of vendor/).
        if (!SKIPPED_DIRECTORIES.has(entry.name) && !ignored(path) && !ignored(`${path}/`))
          pending.push(path);
      } else if (
        (entry.isFile() || (entry.isSymbolicLink() && isFileTarget(join(dir, path)))) &&
        !ignored(path)
      ) {
        if (wanted(path) && !notDockerfile(path)) found.push(path);
      }
    }
  }
  // Code-unit order, not localeCompare: the same on every machine whatever its locale.
  return found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function isFileTarget(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false; // a dangling link
  }
}

function toPosix(path: string): string {
  return path.replaceAll('\\', '/').replace(/^\.\//, '');
}
