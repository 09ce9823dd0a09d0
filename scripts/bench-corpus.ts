/**
 * The benchmark's inputs, made deterministically from a seed so every run (and every machine) lints the same
 * bytes: realistic Dockerfiles of 5 to 2,000 lines, the scaling files (many lines, or one huge instruction),
 * and the repository's own examples (docs/rules/*.md code blocks and bench/fixtures/).
 *
 * "Realistic" means the shapes real repositories have and the parsers find hard: multi-stage builds with
 * `COPY --from`, global ARGs used in FROM, stage ARGs and ENV, long `RUN ... && \` chains, heredocs,
 * `# escape=\`` Windows images with PowerShell, ONBUILD triggers, comments inside continuations.
 */
import { type Dirent, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: tiny, fast and good enough to pick shapes; the same seed gives the same corpus everywhere. */
export function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];
const int = (random: Random, min: number, max: number): number =>
  min + Math.floor(random() * (max - min + 1));

const LINUX_BASES = [
  'node:20-bookworm-slim',
  'python:3.12-slim',
  'golang:1.22',
  'debian:bookworm',
  'ubuntu:24.04',
  'alpine:3.20',
  'eclipse-temurin:21-jdk',
  'rust:1.79',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: Dockerfile text, not a template.
  '${REGISTRY}/base/runtime:${BASE_TAG}',
];
const FINAL_BASES = ['gcr.io/distroless/static-debian12', 'alpine:3.20', 'scratch', 'debian:bookworm-slim'];
const APT_PACKAGES = [
  'ca-certificates',
  'curl',
  'git',
  'build-essential',
  'libssl-dev',
  'pkg-config',
  'python3-pip',
  'unzip',
  'tzdata',
  'openssh-client',
  'jq',
  'gnupg',
  'locales',
  'netcat-openbsd',
  'libpq-dev',
];
const APK_PACKAGES = ['bash', 'curl', 'git', 'openssl', 'tini', 'su-exec', 'ca-certificates', 'make', 'gcc'];
const WORDS = ['app', 'server', 'worker', 'api', 'web', 'tools', 'cron', 'gateway'];

/** One realistic Dockerfile of about `targetLines` lines (at least one stage, whatever the target). */
export function realisticDockerfile(random: Random, targetLines: number): string {
  if (random() < 0.08) return windowsDockerfile(random, targetLines);
  const out: string[] = [];
  if (random() < 0.4) out.push('# syntax=docker/dockerfile:1.7');
  if (random() < 0.1) out.push('# check=skip=JSONArgsRecommended');
  out.push('');
  const globalArgs = random() < 0.6;
  if (globalArgs) {
    out.push(
      'ARG REGISTRY=docker.io',
      'ARG BASE_TAG=1.0.0',
      `ARG VERSION=${int(random, 1, 9)}.${int(random, 0, 20)}`,
    );
  }
  let stage = 0;
  const stageNames: string[] = [];
  while (out.length < targetLines || stage === 0) {
    const last = out.length + 30 >= targetLines;
    const name = `${pick(random, WORDS)}${stage}`;
    const base = last
      ? pick(random, FINAL_BASES)
      : stageNames.length > 0 && random() < 0.3
        ? pick(random, stageNames)
        : pick(random, globalArgs ? LINUX_BASES : LINUX_BASES.slice(0, -1));
    out.push(
      '',
      `FROM ${random() < 0.1 ? '--platform=$BUILDPLATFORM ' : ''}${base}${last ? '' : ` AS ${name}`}`,
    );
    if (!last) stageNames.push(name);
    const budget = last
      ? Math.max(4, targetLines - out.length)
      : int(random, 8, Math.max(10, targetLines / 3));
    const end = out.length + budget;
    if (globalArgs && random() < 0.7) out.push('ARG VERSION');
    out.push(`WORKDIR /${pick(random, WORDS)}`);
    while (out.length < end) out.push(...block(random, stageNames, base));
    out.push(...runtimeBlock(random));
    stage++;
    if (last) break;
  }
  return `${out.join('\n').replace(/^\n+/, '')}\n`;
}

function block(random: Random, stages: readonly string[], base: string): string[] {
  const alpine = base.startsWith('alpine');
  const roll = random();
  if (roll < 0.25) return runChain(random, alpine);
  if (roll < 0.35) return heredocRun(random);
  if (roll < 0.42)
    return [
      `COPY <<EOF /etc/${pick(random, WORDS)}.conf`,
      'listen 8080',
      `name ${pick(random, WORDS)}`,
      'EOF',
    ];
  if (roll < 0.5 && stages.length > 0)
    return [`COPY --from=${pick(random, stages)} /out/${pick(random, WORDS)} /usr/local/bin/`];
  if (roll < 0.58)
    return [`ENV ${pick(random, WORDS).toUpperCase()}_HOME=/opt/${pick(random, WORDS)} PATH=/opt/bin:$PATH`];
  if (roll < 0.64)
    return [`ARG ${pick(random, WORDS).toUpperCase()}_VERSION=${int(random, 1, 30)}.${int(random, 0, 9)}`];
  if (roll < 0.7)
    return [
      `LABEL org.opencontainers.image.title="${pick(random, WORDS)}" \\`,
      '      org.opencontainers.image.version="$VERSION"',
    ];
  if (roll < 0.76)
    return [
      `# ${pick(random, WORDS)}: build the ${pick(random, WORDS)} first`,
      `COPY ${pick(random, WORDS)}/ ./${pick(random, WORDS)}/`,
    ];
  if (roll < 0.8) return ['ONBUILD COPY . /src', 'ONBUILD RUN make -C /src build && make -C /src install'];
  if (roll < 0.85)
    return [
      `RUN --mount=type=cache,target=/root/.cache pip install --no-cache-dir -r requirements-${int(random, 1, 9)}.txt`,
    ];
  if (roll < 0.9)
    return [
      `RUN set -eux; \\`,
      `    ${pick(random, WORDS)}=$(cat /etc/hostname); \\`,
      '    echo "$app" | tr a-z A-Z > /tmp/name',
    ];
  if (roll < 0.93)
    // Shell the quick reader hands to mvdan-sh (loops, case, backquotes): real RUNs have these too.
    return [
      pick(random, [
        'RUN for f in /etc/app/*.conf; do chmod 0644 "$f"; done',
        'RUN case "$(uname -m)" in x86_64) echo amd64 > /arch;; aarch64) echo arm64 > /arch;; esac',
        'RUN echo "built on `date -u +%F`" > /etc/build-date',
        'RUN while read -r pkg; do pip install "$pkg"; done < /tmp/requirements.txt',
      ]),
    ];
  if (roll < 0.95)
    return [
      `USER ${int(random, 1000, 1999)}:${int(random, 1000, 1999)}`,
      `EXPOSE ${int(random, 1000, 9999)}/tcp`,
    ];
  return [`RUN ["/bin/sh", "-c", "echo ${pick(random, WORDS)} > /etc/motd"]`];
}

function runChain(random: Random, alpine: boolean): string[] {
  const lines: string[] = [];
  const packages = Array.from({ length: int(random, 2, 14) }, () =>
    pick(random, alpine ? APK_PACKAGES : APT_PACKAGES),
  );
  if (alpine) {
    lines.push('RUN apk add --no-cache \\');
  } else {
    lines.push(
      'RUN set -eux \\',
      '    && apt-get update \\',
      '    && apt-get install -y --no-install-recommends \\',
    );
  }
  for (const name of packages) lines.push(`        ${name} \\`);
  if (random() < 0.3) lines.push('    # the build tools go again at the end \\');
  const steps = int(random, 0, 6);
  for (let i = 0; i < steps; i++)
    lines.push(
      `    && ${pick(random, ['curl -fsSL https://example.com/x.tgz | tar -xz -C /opt', 'groupadd -r app && useradd -r -g app app', 'mkdir -p /var/run/app', 'chmod 0755 /usr/local/bin/entry', 'sed -i "s/a/b/" /etc/app.conf'])} \\`,
    );
  lines.push(alpine ? '    && rm -rf /var/cache/apk/*' : '    && rm -rf /var/lib/apt/lists/*');
  return lines;
}

function heredocRun(random: Random): string[] {
  const body = Array.from({ length: int(random, 2, 12) }, (_, i) =>
    pick(random, [
      `echo step ${i}`,
      'apt-get update',
      'if [ -f /etc/os-release ]; then . /etc/os-release; fi',
      'export PATH=/opt/bin:$PATH',
      'cd /src && make',
    ]),
  );
  const shell = pick(random, ['', 'bash ', '/bin/sh ']);
  return [`RUN ${shell}<<EOF`, 'set -e', ...body, 'EOF'];
}

function runtimeBlock(random: Random): string[] {
  const roll = random();
  if (roll < 0.4)
    return [
      `ENTRYPOINT ["/usr/local/bin/${pick(random, WORDS)}"]`,
      `CMD ["--port", "${int(random, 1000, 9999)}"]`,
    ];
  if (roll < 0.6) return [`CMD ${pick(random, WORDS)} --port $PORT`];
  if (roll < 0.75)
    return [
      `HEALTHCHECK --interval=30s CMD curl -f http://localhost:${int(random, 1000, 9999)}/health || exit 1`,
      'CMD ["node", "server.js"]',
    ];
  return [];
}

function windowsDockerfile(random: Random, targetLines: number): string {
  const out = [
    '# escape=`',
    '',
    'FROM mcr.microsoft.com/windows/servercore:ltsc2022',
    'SHELL ["powershell", "-Command", "$ErrorActionPreference = \'Stop\'; $ProgressPreference = \'SilentlyContinue\';"]',
  ];
  while (out.length < targetLines) {
    out.push(
      `RUN Invoke-WebRequest -Uri https://example.com/${pick(random, WORDS)}.zip -OutFile C:\\${pick(random, WORDS)}.zip; \``,
      `    Expand-Archive C:\\${pick(random, WORDS)}.zip -DestinationPath C:\\tools; \``,
      '    Remove-Item -Force C:\\*.zip',
      `ENV PATH="C:\\tools;C:\\Windows\\system32"`,
      `WORKDIR C:\\${pick(random, WORDS)}`,
    );
  }
  out.push('ENTRYPOINT ["C:\\\\tools\\\\app.exe"]');
  return `${out.join('\n')}\n`;
}

export interface CorpusFile {
  readonly name: string;
  readonly text: string;
}

/**
 * `count` generated files whose line counts are spread log-uniformly from 5 to 2,000 (most real Dockerfiles
 * are short; a few are very long), seeded.
 */
export function generatedCorpus(seed: number, count: number): CorpusFile[] {
  const random = rng(seed);
  return Array.from({ length: count }, (_, i) => {
    const lines = Math.round(Math.exp(Math.log(5) + random() * (Math.log(2000) - Math.log(5))));
    return { name: `generated-${i}.Dockerfile`, text: realisticDockerfile(random, lines) };
  });
}

/** The ```dockerfile blocks of docs/rules/*.md, bench/fixtures/ and the Dockerfiles under __tests__/fixtures/. */
export function repositoryCorpus(root: string): CorpusFile[] {
  const files: CorpusFile[] = [];
  const docs = join(root, 'docs', 'rules');
  for (const name of safeList(docs)
    .filter((entry) => entry.endsWith('.md'))
    .sort()) {
    const markdown = readFileSync(join(docs, name), 'utf8');
    let index = 0;
    for (const match of markdown.matchAll(/```dockerfile\n([\s\S]*?)```/g))
      files.push({ name: `docs/rules/${name}#${index++}`, text: match[1] });
  }
  const fixtures = join(root, 'bench', 'fixtures');
  for (const name of safeList(fixtures).sort())
    files.push({ name: `bench/fixtures/${name}`, text: readFileSync(join(fixtures, name), 'utf8') });
  // The test fixtures' Dockerfiles (the demo pull request's base and head, and whatever joins them).
  for (const path of walk(join(root, '__tests__', 'fixtures')))
    if (/(?:^|\/)(?:Dockerfile|Containerfile)[^/]*$|\.(?:docker|container)file$/i.test(path))
      files.push({ name: path.slice(root.length + 1), text: readFileSync(path, 'utf8') });
  return files;
}

function walk(dir: string): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]));
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** A file of exactly `lines` lines cut from realistic content (seeded), for the scaling curve. */
export function fileOfLines(seed: number, lines: number): string {
  const random = rng(seed);
  const out: string[] = [];
  while (out.length < lines) {
    const next = realisticDockerfile(random, int(random, 40, 200)).split('\n');
    // Windows files switch the escape character for the whole file: keep the scaling file POSIX.
    if (next[0] === '# escape=`') continue;
    out.push(...next.filter((line) => !line.startsWith('# syntax') && !line.startsWith('# check')));
  }
  const cut = out.slice(0, lines);
  // Never end inside a continuation or an open heredoc's body on the last line: close what is open.
  return `${cut.join('\n')}\n`;
}

export type HugeShape = 'line' | 'continued' | 'heredoc' | 'json';

/** One instruction of about `bytes` bytes, in one of the shapes that stress a parser differently. */
export function hugeInstruction(shape: HugeShape, bytes: number): string {
  const head = 'FROM alpine:3.20\n';
  const step = 'echo step-0123456789 && ';
  const repeat = (unit: string) => unit.repeat(Math.max(1, Math.ceil(bytes / unit.length)));
  switch (shape) {
    case 'line':
      return `${head}RUN ${repeat(step)}true\n`;
    case 'continued':
      return `${head}RUN ${repeat(`${step}\\\n    `)}true\n`;
    case 'heredoc':
      return `${head}RUN <<EOF\n${repeat('echo step-0123456789\n')}EOF\n`;
    case 'json':
      return `${head}CMD ["app"${repeat(', "--flag=0123456789"')}]\n`;
  }
}
