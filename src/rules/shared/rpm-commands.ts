/**
 * How the yum / dnf / microdnf / zypper rules read a command line: which tool runs, which action it
 * performs (after the aliases each tool accepts: `in`, `rm`, `up`, `dup`...), its options, the packages it
 * is given, and what a version pin looks like for RPM. Built on the package-manager helpers
 * (`pkg-commands.ts`, `pkg-args.ts`) so that `sudo yum ...`, `env X=1 dnf ...` and `sh -c '...'` scripts are
 * read the same way as for apt-get or apk.
 */
import { lookup } from '../../engine/model.js';
import type { TextEdit } from '../../engine/types.js';
import {
  type ArgWord,
  type CommandLine,
  type OptionSpec,
  type ParsedOption,
  parseCommandLine,
  pinVerdict,
} from './pkg-args.js';
import { deletesDirectory, ephemeralMountTargets, isWithin, type ToolCommand } from './pkg-commands.js';
import { expandWithDefaults } from './vars-image-ref.js';

export type RpmTool = 'yum' | 'dnf' | 'microdnf' | 'zypper';

/** `dnf5` and `dnf-3` are dnf; on EL 8 and later `yum` is dnf too, but it keeps its own rule (hadolint's DL3030). */
const TOOLS: Record<string, RpmTool> = {
  yum: 'yum',
  dnf: 'dnf',
  dnf5: 'dnf',
  'dnf-3': 'dnf',
  microdnf: 'microdnf',
  zypper: 'zypper',
};

/** What the command does, after aliases. */
export type RpmAction =
  | 'install'
  | 'group-install'
  | 'module-install'
  | 'module-change'
  | 'upgrade'
  | 'dist-upgrade'
  | 'reinstall'
  | 'downgrade'
  | 'remove'
  | 'swap'
  | 'builddep'
  | 'patch'
  | 'source-install'
  | 'verify'
  | 'makecache'
  | 'clean'
  | 'other';

export interface RpmCommand {
  readonly tool: RpmTool;
  readonly command: ToolCommand;
  readonly action: RpmAction;
  /** The words naming the action as written (`install`, `group install`), for messages. */
  readonly actionText: string;
  /** The last word of the action: `-y` goes right after it. */
  readonly actionWord: ArgWord;
  /** Options before the action (zypper's global options) and after it. */
  readonly globalOptions: readonly ParsedOption[];
  readonly options: readonly ParsedOption[];
  /** The operands after the action: packages, files, modules, `clean` targets. */
  readonly operands: readonly ArgWord[];
  /** Some word expands to options unknown until build time (`$DNF_OPTS`): no rule judges the options then. */
  readonly opaque: boolean;
}

// The options that take a value, from dnf(8), yum(8), microdnf --help and zypper(8). Every other option is a switch.
const YUM_DNF_OPTIONS: OptionSpec = {
  shortWithValue: 'cdeRx',
  longWithValue: [
    'config',
    'debuglevel',
    'errorlevel',
    'rpmverbosity',
    'randomwait',
    'installroot',
    'releasever',
    'setopt',
    'exclude',
    'excludepkgs',
    'disableexcludes',
    'disableexcludepkgs',
    'enablerepo',
    'disablerepo',
    'repo',
    'repoid',
    'repofrompath',
    'enableplugin',
    'disableplugin',
    'color',
    'downloaddir',
    'destdir',
    'forcearch',
    'comment',
    'advisory',
    'advisories',
    'bz',
    'bzs',
    'cve',
    'cves',
    'sec-severity',
    'secseverity',
    'from-repo',
  ],
};

const ZYPPER_GLOBAL_OPTIONS: OptionSpec = {
  shortWithValue: 'cRDCps',
  longWithValue: [
    'config',
    'root',
    'installroot',
    'reposd-dir',
    'cache-dir',
    'raw-cache-dir',
    'solv-cache-dir',
    'pkg-cache-dir',
    'plus-repo',
    'plus-content',
    'userdata',
    'table-style',
  ],
};

const ZYPPER_COMMAND_OPTIONS: OptionSpec = {
  shortWithValue: 'tr',
  longWithValue: [
    'type',
    'repo',
    'from',
    'download',
    'category',
    'severity',
    'date',
    'bugzilla',
    'cve',
    'issues',
  ],
};

const YUM_DNF_ACTIONS: Record<string, RpmAction> = {
  install: 'install',
  in: 'install',
  localinstall: 'install',
  'install-n': 'install',
  'install-na': 'install',
  'install-nevra': 'install',
  groupinstall: 'group-install',
  upgrade: 'upgrade',
  update: 'upgrade',
  up: 'upgrade',
  'upgrade-to': 'upgrade',
  'update-to': 'upgrade',
  localupdate: 'upgrade',
  'upgrade-minimal': 'upgrade',
  'update-minimal': 'upgrade',
  groupupdate: 'upgrade',
  'distro-sync': 'dist-upgrade',
  distrosync: 'dist-upgrade',
  dsync: 'dist-upgrade',
  reinstall: 'reinstall',
  rei: 'reinstall',
  downgrade: 'downgrade',
  dg: 'downgrade',
  remove: 'remove',
  erase: 'remove',
  rm: 'remove',
  autoremove: 'remove',
  groupremove: 'remove',
  groupupgrade: 'upgrade',
  swap: 'swap',
  builddep: 'builddep',
  makecache: 'makecache',
  clean: 'clean',
};

/** `dnf group install`, `dnf module install`: the second word decides. */
const YUM_DNF_SUBCOMMANDS: Record<string, Record<string, RpmAction>> = {
  group: {
    install: 'group-install',
    upgrade: 'upgrade',
    update: 'upgrade',
    remove: 'remove',
    erase: 'remove',
  },
  groups: {
    install: 'group-install',
    upgrade: 'upgrade',
    update: 'upgrade',
    remove: 'remove',
    erase: 'remove',
  },
  module: {
    install: 'module-install',
    enable: 'module-change',
    disable: 'module-change',
    reset: 'module-change',
    'switch-to': 'module-change',
    remove: 'remove',
    update: 'upgrade',
    upgrade: 'upgrade',
  },
};

const ZYPPER_ACTIONS: Record<string, RpmAction> = {
  install: 'install',
  in: 'install',
  remove: 'remove',
  rm: 'remove',
  update: 'upgrade',
  up: 'upgrade',
  'dist-upgrade': 'dist-upgrade',
  dup: 'dist-upgrade',
  patch: 'patch',
  'source-install': 'source-install',
  si: 'source-install',
  'install-new-recommends': 'install',
  inr: 'install',
  verify: 'verify',
  ve: 'verify',
  clean: 'clean',
  cc: 'clean',
};

/** Actions that change the installed packages: each asks "Is this ok [y/N]" unless told yes. */
export const PROMPTING_ACTIONS: ReadonlySet<RpmAction> = new Set<RpmAction>([
  'install',
  'group-install',
  'module-install',
  'module-change',
  'upgrade',
  'dist-upgrade',
  'reinstall',
  'downgrade',
  'remove',
  'swap',
  'builddep',
  'patch',
  'source-install',
  'verify',
]);

/** Actions that download repository metadata and packages into the cache. */
export const CACHING_ACTIONS: ReadonlySet<RpmAction> = new Set<RpmAction>([
  'install',
  'group-install',
  'module-install',
  'upgrade',
  'dist-upgrade',
  'reinstall',
  'downgrade',
  'swap',
  'builddep',
  'patch',
  'source-install',
  'makecache',
]);

export function rpmTool(program: string): RpmTool | null {
  return Object.hasOwn(TOOLS, program) ? TOOLS[program] : null;
}

/** The command read as an RPM package manager's command line, or null for any other program (or no action). */
export function readRpmCommand(command: ToolCommand): RpmCommand | null {
  const tool = rpmTool(command.program);
  if (!tool) return null;
  const args = command.args;
  if (tool === 'zypper') {
    // zypper's global options (`-n`, `--non-interactive`) only count before the command; after `install`,
    // `-n` means `--name`.
    const global = parseCommandLine(args, ZYPPER_GLOBAL_OPTIONS);
    const actionWord = global.operands[0];
    if (!actionWord || actionWord.value === null) return null;
    const position = args.indexOf(actionWord);
    const before = parseCommandLine(args.slice(0, position), ZYPPER_GLOBAL_OPTIONS);
    const after = parseCommandLine(args.slice(position + 1), ZYPPER_COMMAND_OPTIONS);
    return {
      tool,
      command,
      action: Object.hasOwn(ZYPPER_ACTIONS, actionWord.value) ? ZYPPER_ACTIONS[actionWord.value] : 'other',
      actionText: actionWord.value,
      actionWord,
      globalOptions: before.options,
      options: after.options,
      operands: after.operands,
      opaque: before.opaque || after.opaque,
    };
  }
  const line: CommandLine = parseCommandLine(args, YUM_DNF_OPTIONS);
  const first = line.operands[0];
  if (!first || first.value === null) return null;
  let action: RpmAction = Object.hasOwn(YUM_DNF_ACTIONS, first.value)
    ? YUM_DNF_ACTIONS[first.value]
    : 'other';
  let actionWord = first;
  let operands = line.operands.slice(1);
  const subcommands = Object.hasOwn(YUM_DNF_SUBCOMMANDS, first.value)
    ? YUM_DNF_SUBCOMMANDS[first.value]
    : null;
  if (subcommands) {
    const second = line.operands[1];
    if (!second || second.value === null) return null;
    action = Object.hasOwn(subcommands, second.value) ? subcommands[second.value] : 'other';
    actionWord = second;
    operands = line.operands.slice(2);
  }
  return {
    tool,
    command,
    action,
    actionText: actionWord === first ? first.value : `${first.value} ${actionWord.value}`,
    actionWord,
    globalOptions: [],
    options: line.options,
    operands,
    opaque: line.opaque,
  };
}

/** `--setopt=assumeyes=1` (or `True`): the same as `-y` for yum and dnf. */
export function setsAssumeYes(options: readonly ParsedOption[]): boolean {
  return options.some(
    (option) => option.name === 'setopt' && /^assumeyes=(?:1|true|yes)$/i.test(option.value ?? ''),
  );
}

/** `yes | yum install ...`, `echo y | zypper install`: an earlier command of the same pipeline answers. */
export function answeredByPipe(command: ToolCommand): boolean {
  if (!command.piped) return false;
  const earlier = command.run.commands.slice(0, command.order);
  const previous = earlier[earlier.length - 1];
  return previous?.piped === true && ['yes', 'echo', 'printf'].includes(previous.program);
}

/** An edit adding an option right after a word, or null when the word's place in the file is not exact. */
export function insertionAfter(command: ToolCommand, word: ArgWord | null, text: string): TextEdit | null {
  if (!word || !command.context.editable || word.start === word.end) return null;
  const span = command.context.toSource(word.start, word.end);
  if (command.run.source.slice(span.start, span.end) !== word.raw) return null;
  return { span: { start: span.end, end: span.end }, text };
}

// --- caches -------------------------------------------------------------------------------------------------

/**
 * Where each tool keeps its cache. yum (EL 7) uses /var/cache/yum, dnf 4 /var/cache/dnf, dnf 5
 * /var/cache/libdnf5, and microdnf (libdnf) /var/cache/yum; `yum` is dnf on EL 8 and later, and `dnf` is
 * dnf 5 on Fedora 41 and later. The file cannot say which version runs, so any of the family's
 * directories counts, as hadolint accepts /var/cache/yum for dnf.
 */
const CACHE_DIRECTORIES: Record<RpmTool, readonly string[]> = {
  yum: ['/var/cache/yum', '/var/cache/dnf'],
  dnf: ['/var/cache/dnf', '/var/cache/libdnf5', '/var/cache/yum'],
  microdnf: ['/var/cache/yum', '/var/cache/libdnf5', '/var/cache/dnf'],
  zypper: ['/var/cache/zypp'],
};

export function cacheDirectories(tool: RpmTool): readonly string[] {
  return CACHE_DIRECTORIES[tool];
}

/** Tools whose `clean all` empties the other's cache: `yum` is dnf on EL 8+, `dnf` and `yum` share the command. */
function cleansFor(tool: RpmTool): readonly string[] {
  if (tool === 'yum' || tool === 'dnf') return ['yum', 'dnf', 'dnf5', 'dnf-3'];
  return tool === 'microdnf' ? ['microdnf'] : ['zypper'];
}

/** A cache or tmpfs mount over the tool's cache directory: nothing it downloads stays in the layer. */
export function cacheIsMounted(command: ToolCommand, tool: RpmTool): boolean {
  const targets = ephemeralMountTargets(command.run.instruction);
  return targets.some((target) => CACHE_DIRECTORIES[tool].some((directory) => isWithin(directory, target)));
}

/**
 * Whether a later command of the same RUN empties the cache: `yum clean all`, `dnf clean all`,
 * `microdnf clean all`, `zypper clean` / `zypper cc`, or an `rm -rf` of the cache directory.
 */
export function laterCleanup(command: ToolCommand, tool: RpmTool): ToolCommand | undefined {
  const cleaners = cleansFor(tool);
  for (const later of command.run.commands.slice(command.order + 1)) {
    if (CACHE_DIRECTORIES[tool].some((directory) => deletesDirectory(later, directory))) return later;
    if (!cleaners.includes(later.program)) continue;
    const read = readRpmCommand(later);
    if (read?.action !== 'clean') continue;
    if (tool === 'zypper') return later;
    if (read.operands.some((operand) => operand.value === 'all')) return later;
  }
  return undefined;
}

/**
 * An edit appending ` && <text>` after the command when it ends its script (nothing follows, not even a
 * redirection) and runs the tool directly: after `sudo yum ...`, a bare `yum clean all` could not run as root.
 */
export function appendAfterLastCommand(command: ToolCommand, text: string): TextEdit | null {
  const context = command.context;
  const last = command.args[command.args.length - 1];
  if (!context.editable || !last || command.programWord === null) return null;
  if (context.text.slice(last.end).trim() !== '') return null;
  const programSpan = context.toSource(command.programWord.start, command.programWord.end);
  if (programSpan.start !== command.span.start) return null;
  if (command.run.commands[command.run.commands.length - 1] !== command) return null;
  const lastSpan = context.toSource(last.start, last.end);
  if (command.run.source.slice(lastSpan.start, lastSpan.end) !== last.raw) return null;
  return { span: { start: lastSpan.end, end: lastSpan.end }, text: ` && ${text}` };
}

// --- versions -----------------------------------------------------------------------------------------------

const ARCH_SUFFIX = /\.(?:x86_64|aarch64|i[3-6]86|noarch|ppc64le|ppc64|s390x|armv7hl|src)$/;
/**
 * `-<version>[-<release>]` at the end of a name: the version and the release start with a digit (RPM
 * releases do: `1.el9`, `0.rc1`), so `java-1.8.0-openjdk`, `java-17-openjdk-headless` and `python3-devel`
 * are names, while `tomcat-9.0.1`, `nginx-1:1.20.1-10.el9` and `java-17-openjdk-17.0.9.0.9-2.el9` are
 * pinned. `\0` stands for an expansion (`foo-${VERSION}`), taken as a version.
 */
const VERSION_TAIL = /^(?:\d+:)?[\d\0][\w.+~^*\0]*(?:-[\d\0][\w.+~^*\0]*)?$/;

/** Whether an RPM package spec names a version, for yum, dnf and zypper alike. */
export function isRpmPinned(spec: string): boolean {
  if (/[<>=]/.test(spec) || /\.rpm$/i.test(spec)) return true;
  const name = spec.replace(ARCH_SUFFIX, '');
  for (let dash = name.indexOf('-'); dash !== -1; dash = name.indexOf('-', dash + 1)) {
    if (dash > 0 && VERSION_TAIL.test(name.slice(dash + 1))) return true;
  }
  return false;
}

/** Operands no version can be given to: files, URLs, groups, provides like `perl(JSON)` or `/usr/bin/x`. */
export function isUnpinnable(spec: string): boolean {
  return /[/()]/.test(spec) || spec.startsWith('@');
}

export interface PackageVerdict {
  readonly word: ArgWord;
  /** How the package reads in a message, in backquotes: the word, and its value when a variable was expanded. */
  readonly shown: string;
  /** The package spec judged: the word's value, or its expansion. */
  readonly spec: string;
  readonly pinned: boolean | null;
}

/**
 * Judges one package word. A word that expands is first expanded with the ARG / ENV values visible at the
 * RUN (the shell sees them as environment variables): `${PKG}` with `ARG PKG=nginx` is an unpinned `nginx`,
 * `tomcat-${TOMCAT_VERSION}` is pinned. When a value is unknown (an ARG without default, a shell variable),
 * the literal parts decide, and when they cannot (`$PKGS`), the verdict is null: no finding.
 */
export function judgePackages(
  command: ToolCommand,
  word: ArgWord,
  isPinned: (spec: string) => boolean,
): PackageVerdict[] {
  if (word.value !== null) {
    if (isUnpinnable(word.value)) return [];
    return [{ word, shown: `\`${word.value}\``, spec: word.value, pinned: isPinned(word.value) }];
  }
  const expanded = expandedWord(command, word);
  if (expanded !== null) {
    // An unquoted expansion splits into words, as the shell splits `$PKGS`.
    const specs = /["']/.test(word.raw) ? [expanded] : expanded.split(/\s+/).filter(Boolean);
    return specs
      .filter((spec) => !isUnpinnable(spec))
      .map((spec) => ({ word, shown: `\`${word.raw}\` (\`${spec}\`)`, spec, pinned: isPinned(spec) }));
  }
  const verdict = pinVerdict(word, isPinned);
  if (verdict === 'unknown') return [];
  return [{ word, shown: `\`${word.raw}\``, spec: word.raw, pinned: verdict === 'pinned' }];
}

function expandedWord(command: ToolCommand, word: ArgWord): string | null {
  const instruction = command.run.instruction;
  // A trigger's variables take their values in the child build; `$(...)` and backquotes are not variables.
  if (command.run.onbuild !== null || !instruction.stage || /\$\(|`/.test(word.raw)) return null;
  const values = new Map<string, string>();
  for (const match of word.raw.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) {
    const name = match[1];
    const value = command.env.has(name)
      ? command.env.get(name)
      : lookup(instruction.stage, name, instruction.index)?.value;
    if (value === null || value === undefined || value.includes('$')) return null;
    values.set(name, value);
  }
  if (values.size === 0) return null;
  const expanded = expandWithDefaults(word.raw, values, '\\');
  return expanded === null || expanded.unset.length > 0 ? null : expanded.value;
}
