/**
 * Which registry an image reference pulls from, as Docker decides it (distribution/reference
 * `splitDockerDomain`), and whether a `trusted-registries` entry allows it (hadolint's DL3026 matching).
 */
import { scanVariables } from '../../engine/lexer.js';

/** Docker Hub's names: an image without a registry resolves to `docker.io`; hadolint also accepts `hub.docker.com`. */
const DOCKER_HUB = ['docker.io', 'index.docker.io', 'registry-1.docker.io', 'hub.docker.com'];

export interface ImageRegistry {
  /** The registry as written, lower-cased, or `docker.io` when the reference names none. */
  readonly registry: string;
  /** Docker Hub, named or implied. */
  readonly dockerHub: boolean;
  /** The reference names no registry: Docker Hub is implied. */
  readonly implied: boolean;
}

/**
 * The registry of `[registry/]path[:tag][@digest]`, or null when a variable decides it (`$REGISTRY/app`,
 * `${IMAGE}:1`). The first path part is a registry when it holds `.` or `:`, is `localhost`, or has an
 * uppercase letter (repository names cannot).
 */
export function imageRegistry(reference: string, escapeChar: string): ImageRegistry | null {
  const slash = reference.indexOf('/');
  const first = slash === -1 ? reference.split(/[:@]/)[0] : reference.slice(0, slash);
  const variables = scanVariables(reference, escapeChar);
  if (variables.some((variable) => variable.start < first.length)) return null;
  const isRegistry = slash !== -1 && isRegistryComponent(first);
  if (!isRegistry) return { registry: 'docker.io', dockerHub: true, implied: true };
  const registry = first.toLowerCase();
  return { registry, dockerHub: DOCKER_HUB.includes(registry), implied: false };
}

/**
 * Whether the first component of a reference that has a `/` is a registry, as distribution/reference's
 * `ParseNormalizedNamed` decides: it holds `.` or `:`, is `localhost`, or has capitals (a repository cannot).
 */
export function isRegistryComponent(first: string): boolean {
  return /[.:]/.test(first) || first === 'localhost' || first !== first.toLowerCase();
}

/** Whether an entry allows the registry: `*` alone, a `*suffix`, a `prefix*`, or the exact name (case-insensitive). */
export function isTrusted(image: ImageRegistry, trusted: readonly string[]): boolean {
  const names = image.dockerHub ? DOCKER_HUB : [image.registry];
  return trusted.some((entry) => {
    const pattern = entry.toLowerCase();
    if (pattern === '*') return true;
    if (pattern.startsWith('*')) return names.some((name) => name.endsWith(pattern.slice(1)));
    if (pattern.endsWith('*')) return names.some((name) => name.startsWith(pattern.slice(0, -1)));
    return names.includes(pattern);
  });
}
