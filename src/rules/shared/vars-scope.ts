/**
 * What a variable reference inside a stage can see, for the ARG / ENV / variable rules: the model's
 * `lookup` plus the names Docker defines without a declaration, the base image's ENV we cannot read,
 * global ARGs that a stage forgot to declare again, and BuildKit's "did you mean" closeness rule.
 */
import { distance } from 'fastest-levenshtein';
import { splitWords } from '../../engine/lexer.js';
import {
  type Declaration,
  lookup,
  type Model,
  PLATFORM_ARGS,
  PROXY_ARGS,
  rootStage,
  type Stage,
} from '../../engine/model.js';

/**
 * Defined in every stage without a declaration: BuildKit adds a default PATH when the image has none,
 * Docker predefines the proxy ARGs, and BuildKit never reports its SBOM scan ARGs (`nonEnvArgs`).
 */
const ALWAYS_DEFINED = new Set([
  'PATH',
  ...PROXY_ARGS,
  'BUILDKIT_SBOM_SCAN_CONTEXT',
  'BUILDKIT_SBOM_SCAN_STAGE',
]);

/**
 * Base images whose configuration sets no ENV but PATH: for these we know every name the stage starts with.
 * Matched on the repository's last path component, so `docker.io/library/alpine` and `alpine` agree.
 */
const BARE_BASE_IMAGES = new Set([
  'scratch',
  'alpine',
  'busybox',
  'debian',
  'ubuntu',
  'centos',
  'fedora',
  'rockylinux',
  'almalinux',
  'amazonlinux',
  'archlinux',
  'oraclelinux',
]);

/**
 * ENV names that widely used official images set (golang, node, python, Java images, ruby, php, rust,
 * nginx, httpd, postgres, mysql/mariadb, redis, .NET, Erlang/Elixir). BuildKit reads the real base image
 * configuration; we cannot, so on any base image other than the bare ones above these names count as
 * defined rather than risk a wrong finding (`ARG NODE_VERSION` + `FROM node:${NODE_VERSION}` + `RUN echo
 * $NODE_VERSION` reads the image's own ENV).
 */
const WELL_KNOWN_BASE_IMAGE_ENV = new Set([
  'HOME',
  'LANG',
  'LANGUAGE',
  'LC_ALL',
  'GOLANG_VERSION',
  'GOPATH',
  'GOTOOLCHAIN',
  'NODE_VERSION',
  'YARN_VERSION',
  'PYTHON_VERSION',
  'PYTHON_SHA256',
  'PYTHON_PIP_VERSION',
  'PYTHON_SETUPTOOLS_VERSION',
  'PYTHON_GET_PIP_URL',
  'PYTHON_GET_PIP_SHA256',
  'GPG_KEY',
  'GPG_KEYS',
  'JAVA_HOME',
  'JAVA_VERSION',
  'MAVEN_HOME',
  'MAVEN_CONFIG',
  'GRADLE_HOME',
  'GRADLE_VERSION',
  'RUBY_VERSION',
  'RUBY_DOWNLOAD_SHA256',
  'GEM_HOME',
  'BUNDLE_APP_CONFIG',
  'BUNDLE_SILENCE_ROOT_WARNING',
  'PHP_INI_DIR',
  'PHP_VERSION',
  'PHPIZE_DEPS',
  'APACHE_CONFDIR',
  'APACHE_ENVVARS',
  'RUSTUP_HOME',
  'CARGO_HOME',
  'RUST_VERSION',
  'NGINX_VERSION',
  'NJS_VERSION',
  'PKG_RELEASE',
  'HTTPD_PREFIX',
  'HTTPD_VERSION',
  'PG_MAJOR',
  'PG_VERSION',
  'PGDATA',
  'GOSU_VERSION',
  'MYSQL_MAJOR',
  'MYSQL_VERSION',
  'MARIADB_VERSION',
  'REDIS_VERSION',
  'DOTNET_VERSION',
  'ASPNET_VERSION',
  'ASPNETCORE_HTTP_PORTS',
  'DOTNET_RUNNING_IN_CONTAINER',
  'DOTNET_SDK_VERSION',
  'APP_UID',
  'OTP_VERSION',
  'ELIXIR_VERSION',
  'REBAR3_VERSION',
]);

/** The repository of the stage's external base image (`node`, `ghcr.io/org/app`), or null when variables hide it. */
export function baseRepository(stage: Stage): string | null {
  const withoutDigest = rootStage(stage).base.split('@')[0];
  const lastSlash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.indexOf(':', lastSlash + 1);
  // A variable in the tag (`alpine:${TAG}`) still leaves the repository known.
  const repository = colon === -1 ? withoutDigest : withoutDigest.slice(0, colon);
  return repository.includes('$') ? null : repository.toLowerCase();
}

/** Whether the base image may set ENV that we cannot see; false for `scratch` and bare OS images. */
export function baseImageMayDefineEnv(stage: Stage): boolean {
  const repository = baseRepository(stage);
  if (repository === null) return true;
  return !BARE_BASE_IMAGES.has(repository.slice(repository.lastIndexOf('/') + 1));
}

/** The base image as written, for messages that must admit we cannot see its ENV; null when we can. */
export function opaqueBaseImage(stage: Stage): string | null {
  return baseImageMayDefineEnv(stage) ? rootStage(stage).base : null;
}

/** Defined without any declaration in this file: always, or (plausibly) by the base image. */
export function implicitlyDefined(stage: Stage, name: string): boolean {
  return ALWAYS_DEFINED.has(name) || (WELL_KNOWN_BASE_IMAGE_ENV.has(name) && baseImageMayDefineEnv(stage));
}

/** Defined at instruction `index` of `stage`: declared before it (own stage or parents), or implicitly. */
export function isDefinedAt(stage: Stage, name: string, index: number): boolean {
  return lookup(stage, name, index) !== undefined || implicitlyDefined(stage, name);
}

/**
 * Whether an ENV of `name` is visible at instruction `index` (own stage before it, or any parent stage).
 * Walks only the declarations of that one name.
 */
export function envDeclaredAt(stage: Stage, name: string, index: number): Declaration | undefined {
  for (
    let current: Stage | null = stage, limit = index;
    current;
    limit = Number.POSITIVE_INFINITY, current = current.parent
  ) {
    const list = current.declarations.get(name);
    const found = list?.findLast(
      (declaration) => declaration.kind === 'env' && declaration.instruction.index < limit,
    );
    if (found) return found;
  }
  return undefined;
}

/** The last global ARG (before the first FROM) of that name. */
export function globalArgNamed(model: Model, name: string): Declaration | undefined {
  return model.globalArgs.findLast((declaration) => declaration.name === name);
}

export function isPlatformArg(name: string): boolean {
  return PLATFORM_ARGS.has(name);
}

/** The first declaration of `name` in the stage at or after instruction `index`, for "declared only later" hints. */
export function declaredLater(stage: Stage, name: string, index: number): Declaration | undefined {
  return stage.declarations.get(name)?.find((declaration) => declaration.instruction.index >= index);
}

/**
 * BuildKit's closeness rule (`util/suggest.Search`): the candidate at the smallest Levenshtein distance
 * below 3, compared case-sensitively as on Linux; no suggestion when the name itself is a candidate.
 * Candidates are sorted so ties resolve the same way on every run.
 */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of [...new Set(candidates)].sort()) {
    if (candidate === name) return undefined;
    const d = distance(name, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** `ARG`/`ENV` in the keyword's case, so inserted lines match the file's style. */
export function keywordLike(rawKeyword: string, keyword: string): string {
  return rawKeyword === rawKeyword.toLowerCase() ? keyword.toLowerCase() : keyword;
}

/** The raw (quoted, unexpanded) default of each `NAME=value` word of an ARG instruction's text. */
export function rawDefaults(
  text: string,
  escapeChar: string,
): { name: string; raw: string | null; start: number }[] {
  return splitWords(text, escapeChar).map((word) => {
    const equals = word.raw.indexOf('=');
    return equals === -1
      ? { name: word.raw, raw: null, start: word.end }
      : { name: word.raw.slice(0, equals), raw: word.raw.slice(equals + 1), start: word.start + equals + 1 };
  });
}
