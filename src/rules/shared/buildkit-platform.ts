/**
 * Platform specifiers (`linux/amd64`, `linux/arm/v7`, `arm64`) read the way containerd's
 * `platforms.Parse` reads them for FROM `--platform`: normalized OS and architecture, or null when
 * BuildKit would refuse the value (the build fails on it, which is not the platform rules' finding).
 */

export interface Platform {
  readonly os: string;
  /** Null when the specifier names only an OS: the daemon's own architecture is used, unknown here. */
  readonly architecture: string | null;
}

const COMPONENT = /^[A-Za-z0-9_.-]+$/;

const KNOWN_OS = new Set([
  'aix',
  'android',
  'darwin',
  'dragonfly',
  'freebsd',
  'hurd',
  'illumos',
  'ios',
  'js',
  'linux',
  'nacl',
  'netbsd',
  'openbsd',
  'plan9',
  'solaris',
  'wasip1',
  'windows',
  'zos',
]);

const KNOWN_ARCH = new Set([
  '386',
  'amd64',
  'amd64p32',
  'arm',
  'armbe',
  'arm64',
  'arm64be',
  'loong64',
  'mips',
  'mipsle',
  'mips64',
  'mips64le',
  'mips64p32',
  'mips64p32le',
  'ppc',
  'ppc64',
  'ppc64le',
  'riscv',
  'riscv64',
  's390',
  's390x',
  'sparc',
  'sparc64',
  'wasm',
]);

export function parsePlatform(specifier: string): Platform | null {
  if (specifier === '' || specifier.includes('*')) return null;
  const parts = specifier.toLowerCase().split('/');
  if (parts.length > 3) return null;
  // The OS may carry a version in parentheses: `windows(10.0.17763)/amd64`.
  const osPart = parts[0].replace(/^([^(]*)\([^()]*\)$/, '$1');
  if (![osPart, ...parts.slice(1)].every((part) => COMPONENT.test(part))) return null;
  const os = normalizeOs(osPart);
  if (parts.length === 1) {
    if (KNOWN_OS.has(os)) return { os, architecture: null };
    const architecture = normalizeArch(parts[0]);
    // A lone architecture gets the daemon's OS, which is Linux for every BuildKit that runs RUN steps here.
    return KNOWN_ARCH.has(architecture) ? { os: 'linux', architecture } : null;
  }
  return { os, architecture: normalizeArch(parts[1]) };
}

function normalizeOs(os: string): string {
  return os === 'macos' ? 'darwin' : os;
}

function normalizeArch(arch: string): string {
  switch (arch) {
    case 'i386':
      return '386';
    case 'x86_64':
    case 'x86-64':
      return 'amd64';
    case 'aarch64':
      return 'arm64';
    case 'armhf':
    case 'armel':
      return 'arm';
    default:
      return arch;
  }
}
