/**
 * Reading a package manager's command line the way that tool reads it: which words are options, which
 * words are the values of those options (`-t bookworm-backports`, `--virtual .build-deps`), and which are
 * operands (the subcommand and the packages). Each tool's table lists only the options that take a value;
 * every other option is a switch. Words that expand at build time (`$PKGS`, `curl=${CURL_VERSION}`) keep
 * their written text so a rule can still judge their literal parts.
 */

/** One word of a command line. Offsets index the script text the word was read from (UTF-16). */
export interface ArgWord {
  /** The word after quote removal, or null when it expands (`$X`, `$(...)`). */
  readonly value: string | null;
  /** The word as written, quotes included. */
  readonly raw: string;
  readonly start: number;
  readonly end: number;
}

export interface OptionSpec {
  /** Single-letter options that take a value, attached (`-tv`, `-t=v`) or as the next word (`-t v`). */
  readonly shortWithValue?: string;
  /** Long options (without dashes) that take a value: `--name value` or `--name=value`. */
  readonly longWithValue?: readonly string[];
  /**
   * Options whose value is optional and, as Ruby's OptionParser reads `--opt [VALUE]`, taken from the next
   * word unless that word starts with `-`. Single letters and long names alike.
   */
  readonly optionalValue?: readonly string[];
  /** Go's flag package: `-name` and `--name` are the same option, and letters never cluster. */
  readonly goStyle?: boolean;
}

export interface ParsedOption {
  /** `y`, `yes`, `target-release`: no dashes. */
  readonly name: string;
  /** The value, attached or from the next word; null when there is none or it expands. */
  readonly value: string | null;
  readonly hasValue: boolean;
  readonly word: ArgWord;
}

export interface CommandLine {
  readonly options: readonly ParsedOption[];
  /** Words that are neither options nor option values, in order: the subcommand first, then packages. */
  readonly operands: readonly ArgWord[];
  /** Operands after a `--` (for gem: options passed to the gem's build). */
  readonly afterDoubleDash: readonly ArgWord[];
  /** Some word expands to text unknown until build time and may hold options (`$APT_FLAGS`). */
  readonly opaque: boolean;
}

export function parseCommandLine(args: readonly ArgWord[], spec: OptionSpec): CommandLine {
  const options: ParsedOption[] = [];
  const operands: ArgWord[] = [];
  const afterDoubleDash: ArgWord[] = [];
  const shortWithValue = spec.shortWithValue ?? '';
  const longWithValue = new Set(spec.longWithValue ?? []);
  const optionalValue = new Set(spec.optionalValue ?? []);
  let opaque = false;
  let doubleDash = false;

  const takeNext = (i: number, optional: boolean): { value: string | null; consumed: boolean } => {
    const next = args[i + 1];
    if (!next) return { value: null, consumed: false };
    if (optional && (next.value ?? next.raw).startsWith('-')) return { value: null, consumed: false };
    return { value: next.value, consumed: true };
  };

  for (let i = 0; i < args.length; i++) {
    const word = args[i];
    if (doubleDash) {
      afterDoubleDash.push(word);
      continue;
    }
    const text = word.value ?? unquoted(word.raw);
    if (word.value === null && !text.startsWith('-')) {
      operands.push(word);
      if (mayHoldOptions(word)) opaque = true;
      continue;
    }
    if (text === '--') {
      doubleDash = true;
      continue;
    }
    if (text === '-' || !text.startsWith('-')) {
      operands.push(word);
      continue;
    }
    if (spec.goStyle || text.startsWith('--')) {
      const body = text.replace(/^--?/, '');
      const equals = body.indexOf('=');
      const name = equals === -1 ? body : body.slice(0, equals);
      if (word.value === null && (equals === -1 || /[$`]/.test(name))) {
        // `--$FLAG` or `-o$X`: which option this is depends on the build.
        opaque = true;
        continue;
      }
      if (equals !== -1) {
        options.push({
          name,
          value: word.value === null ? null : body.slice(equals + 1),
          hasValue: true,
          word,
        });
      } else if (longWithValue.has(name) || optionalValue.has(name)) {
        const next = takeNext(i, optionalValue.has(name));
        options.push({ name, value: next.value, hasValue: next.consumed, word });
        if (next.consumed) i++;
      } else options.push({ name, value: null, hasValue: false, word });
      continue;
    }
    if (word.value === null) {
      opaque = true;
      continue;
    }
    // A cluster of single letters: `-qqy`, `-tbookworm`, `-q=2`.
    for (let j = 1; j < text.length; j++) {
      const letter = text[j];
      const rest = text.slice(j + 1);
      if (rest.startsWith('=')) {
        options.push({ name: letter, value: rest.slice(1), hasValue: true, word });
        break;
      }
      if (shortWithValue.includes(letter) || optionalValue.has(letter)) {
        if (rest !== '') options.push({ name: letter, value: rest, hasValue: true, word });
        else {
          const next = takeNext(i, optionalValue.has(letter));
          options.push({ name: letter, value: next.value, hasValue: next.consumed, word });
          if (next.consumed) i++;
        }
        break;
      }
      options.push({ name: letter, value: null, hasValue: false, word });
    }
  }
  return { options, operands, afterDoubleDash, opaque };
}

/** Whether any of `names` is among the options (`hasOption(line.options, 'y', 'yes')`). */
export function hasOption(options: readonly ParsedOption[], ...names: string[]): boolean {
  return options.some((option) => names.includes(option.name));
}

export function optionValues(line: CommandLine, ...names: string[]): (string | null)[] {
  return line.options.filter((option) => names.includes(option.name)).map((option) => option.value);
}

function unquoted(raw: string): string {
  return raw.replace(/["']/g, '');
}

/**
 * A word that starts with an expansion could expand to `-y`. Lists of packages (`$BUILD_DEPS`, `$fetchDeps`)
 * are by far the common case, so only names that say options (`$APT_OPTS`, `${PIP_FLAGS}`, `$INSTALL_ARGS`)
 * and command substitutions are taken to hide options.
 */
function mayHoldOptions(word: ArgWord): boolean {
  const match = /^["']?(?:\$\{?([A-Za-z_][A-Za-z0-9_]*)|(\$\(|`))/.exec(word.raw);
  if (!match) return false;
  return (
    match[2] !== undefined || /(?:^|_)(?:OPTS?|OPTIONS|FLAGS?|ARGS?|PARAMS?)(?:_|$)/i.test(match[1] ?? '')
  );
}

/** The literal text of a word, with every expansion replaced by `\0`. */
export function literalShape(word: ArgWord): string {
  if (word.value !== null) return word.value;
  return unquoted(word.raw)
    .replace(/\$\{[^}]*\}|\$\([^)]*\)+|`[^`]*`|\$[A-Za-z_][A-Za-z0-9_]*|\$./g, '\0')
    .replace(/\\(.)/g, '$1');
}

export type PinVerdict = 'pinned' | 'unpinned' | 'unknown';

/**
 * Whether a package word names a version. A word that expands is judged by its literal parts
 * (`curl=${CURL_VERSION}` is pinned); when the verdict hangs on the expansion (`$PKG`, `python3${SUFFIX}`,
 * which may end in `=1.2`), it is unknown and no rule reports it.
 */
export function pinVerdict(word: ArgWord, isPinned: (text: string) => boolean): PinVerdict {
  const shape = literalShape(word);
  if (isPinned(shape)) return 'pinned';
  if (word.value !== null) return 'unpinned';
  return shape.replace(/\0/g, '') === '' || shape.endsWith('\0') ? 'unknown' : 'unpinned';
}

/** How a package word reads in a message. */
export function shown(word: ArgWord): string {
  return word.value ?? word.raw;
}

/** `a`, `a` and `b`, `a`, `b` and 3 more. */
export function listOf(words: readonly ArgWord[]): string {
  const names = words.map((word) => `\`${shown(word)}\``);
  if (names.length === 1) return names[0];
  if (names.length <= 3) return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `${names.slice(0, 2).join(', ')} and ${names.length - 2} more`;
}

// The options of each tool that take a value, from their manuals (apt-get(8), apk(8), `pip install --help`,
// npm's config definitions, `gem help install`, `go help build`, yarn 1's CLI).

export const APT_GET_OPTIONS: OptionSpec = {
  shortWithValue: 'cotaP',
  longWithValue: [
    'config-file',
    'option',
    'target-release',
    'default-release',
    'host-architecture',
    'build-profiles',
    'with-source',
  ],
};

export const APK_OPTIONS: OptionSpec = {
  shortWithValue: 'Xpt',
  longWithValue: [
    'repository',
    'root',
    'virtual',
    'arch',
    'cache-dir',
    'cache-max-age',
    'keys-dir',
    'repositories-file',
    'timeout',
    'wait',
    'progress-fd',
  ],
};

export const PIP_OPTIONS: OptionSpec = {
  shortWithValue: 'rcetifbC',
  longWithValue: [
    'requirement',
    'constraint',
    'editable',
    'target',
    'platform',
    'python-version',
    'implementation',
    'abi',
    'root',
    'prefix',
    'src',
    'upgrade-strategy',
    'index-url',
    'extra-index-url',
    'find-links',
    'no-binary',
    'only-binary',
    'progress-bar',
    'config-settings',
    'global-option',
    'install-option',
    'build-option',
    'report',
    'root-user-action',
    'python',
    'log',
    'log-file',
    'proxy',
    'retries',
    'timeout',
    'exists-action',
    'trusted-host',
    'cert',
    'client-cert',
    'cache-dir',
    'use-feature',
    'use-deprecated',
    'keyring-provider',
    'build',
    'group',
  ],
};

export const NPM_OPTIONS: OptionSpec = {
  shortWithValue: 'Cw',
  longWithValue: [
    'prefix',
    'registry',
    'cache',
    'tag',
    'loglevel',
    'omit',
    'include',
    'install-strategy',
    'workspace',
    'userconfig',
    'globalconfig',
    'location',
    'save-prefix',
    'only',
    'also',
    'before',
    'audit-level',
    'fetch-retries',
    'fetch-timeout',
    'fetch-retry-factor',
    'fetch-retry-mintimeout',
    'fetch-retry-maxtimeout',
    'https-proxy',
    'proxy',
    'noproxy',
    'ca',
    'cafile',
    'cert',
    'key',
    'script-shell',
    'node-options',
    'user-agent',
    'otp',
    'scope',
    'auth-type',
    'access',
    'lockfile-version',
    'cpu',
    'os',
    'libc',
    'maxsockets',
    'logs-dir',
    'logs-max',
  ],
};

export const GEM_OPTIONS: OptionSpec = {
  shortWithValue: 'vinsPB',
  longWithValue: [
    'version',
    'install-dir',
    'bindir',
    'source',
    'trust-policy',
    'bulk-threshold',
    'platform',
    'build-root',
    'without',
    'config-file',
  ],
  // RubyGems declares these `--opt [VALUE]`: OptionParser takes the next word unless it is an option.
  optionalValue: ['document', 'p', 'http-proxy', 'g', 'file', 'target-rbconfig'],
};

export const GO_OPTIONS: OptionSpec = {
  goStyle: true,
  longWithValue: [
    'C',
    'o',
    'p',
    'exec',
    'tags',
    'ldflags',
    'gcflags',
    'asmflags',
    'gccgoflags',
    'buildmode',
    'compiler',
    'installsuffix',
    'mod',
    'modfile',
    'overlay',
    'pkgdir',
    'toolexec',
    'pgo',
    'covermode',
    'coverpkg',
  ],
};

export const YARN_OPTIONS: OptionSpec = {
  longWithValue: [
    'cwd',
    'cache-folder',
    'modules-folder',
    'global-folder',
    'link-folder',
    'mutex',
    'network-timeout',
    'network-concurrency',
    'https-proxy',
    'proxy',
    'otp',
    'preferred-cache-folder',
    'use-yarnrc',
    'registry',
  ],
};
