/**
 * The value formats of hadolint's label-schema types (DL3052-DL3056, DL3058). Each check returns null for a
 * well-formed value, else what is wrong, as a clause for the message. Pure and linear; no I/O.
 */
import type { LabelType } from '../../engine/types.js';

export function formatProblem(type: LabelType, value: string): string | null {
  switch (type) {
    case 'text':
      return null;
    case 'url':
      return urlProblem(value);
    case 'rfc3339':
      return rfc3339Problem(value);
    case 'semver':
      return semverProblem(value);
    case 'hash':
      return hashProblem(value);
    case 'email':
      return emailProblem(value);
    case 'spdx':
      return spdxProblem(value);
  }
}

/** What each type expects, for messages. */
export const FORMAT_NAMES: Readonly<Record<LabelType, string>> = {
  text: 'text',
  url: 'an absolute URL',
  rfc3339: 'an RFC 3339 date-time',
  semver: 'a semantic version',
  hash: 'a git commit hash',
  email: 'an email address',
  spdx: 'an SPDX license expression',
};

/** An absolute URI with a scheme (hadolint uses Network.URI's parseURI), as WHATWG URL parsing accepts it (`http(s)` ones need a host). */
function urlProblem(value: string): string | null {
  if (/\s/.test(value)) return 'contains whitespace';
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:/.test(value))
    return /^[\w.-]+\.[a-z]{2,}(\/|$)/i.test(value)
      ? `has no scheme (write \`https://${value}\`)`
      : 'is not an absolute URL with a scheme (`https://…`)';
  try {
    new URL(value);
  } catch {
    return 'is not a well-formed URL';
  }
  return null;
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-](\d{2}):(\d{2}))$/;

/** RFC 3339 section 5.6 `date-time`, with the field ranges of its section 5.7. */
function rfc3339Problem(value: string): string | null {
  const match = RFC3339.exec(value);
  if (!match) {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return 'is a date without a time (`2024-05-01T00:00:00Z`)';
    if (/^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2})?(\.\d+)?$/.test(value))
      return 'has no time zone offset (`Z` or `+02:00`)';
    return 'is not in the `YYYY-MM-DDThh:mm:ssZ` form (`date -u +%Y-%m-%dT%H:%M:%SZ` prints one)';
  }
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  const daysInMonth = [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (daysInMonth === undefined || day < 1 || day > daysInMonth) return 'is not a date that exists';
  if (hour > 23 || minute > 59 || second > 60) return 'is not a time that exists';
  if (match[7] !== undefined && (Number(match[7]) > 23 || Number(match[8]) > 59))
    return 'has an impossible time zone offset';
  return null;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The regular expression semver.org gives for Semantic Versioning 2.0.0. */
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

function semverProblem(value: string): string | null {
  if (SEMVER.test(value)) return null;
  if (/^[vV]/.test(value) && SEMVER.test(value.slice(1)))
    return `starts with \`${value[0]}\`, which is not part of a semantic version (write \`${value.slice(1)}\`)`;
  if (/^\d+(\.\d+)?$/.test(value)) return 'lacks the `MAJOR.MINOR.PATCH` parts (`1.4.0`)';
  return 'is not `MAJOR.MINOR.PATCH` with an optional `-prerelease` and `+build` (`1.4.0-rc.1`)';
}

/** An abbreviated or full git commit id: lowercase hex, 7 to 40 digits (SHA-1), or 64 (SHA-256 repositories). */
function hashProblem(value: string): string | null {
  if (/^[0-9a-f]+$/.test(value) && ((value.length >= 7 && value.length <= 40) || value.length === 64))
    return null;
  if (/^[0-9a-fA-F]+$/.test(value) && /[A-F]/.test(value))
    return 'has uppercase hex digits (git prints lowercase)';
  if (/^[0-9a-f]+$/.test(value))
    return `has ${value.length} hex digits, not 7 to 40 (\`git rev-parse HEAD\` prints 40)`;
  return 'is not hexadecimal (`git rev-parse HEAD` prints the commit id)';
}

const ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
const LOCAL_PART = `(?:${ATOM}(?:\\.${ATOM})*|"(?:[^"\\\\\\r\\n]|\\\\.)*")`;
const DOMAIN =
  '(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*|\\[[^\\[\\]\\\\\\s]+\\])';
/** RFC 5322 `addr-spec` (no comments or folding whitespace), as hadolint's email-validate accepts. */
const EMAIL = new RegExp(`^${LOCAL_PART}@${DOMAIN}$`);

function emailProblem(value: string): string | null {
  if (EMAIL.test(value)) return null;
  const bracketed = /<([^<>]+)>\s*$/.exec(value);
  if (bracketed && EMAIL.test(bracketed[1]))
    return `is a name and an address; the label takes the bare address (\`${bracketed[1]}\`)`;
  return 'is not an email address (`name@example.com`)';
}

/**
 * Common SPDX license ids (SPDX License List 3.x), deprecated ones that are still widespread included. The full
 * list has some 600 ids; an id missing here can be written `LicenseRef-<name>`, or the check disabled.
 */
const SPDX_LICENSES = [
  '0BSD',
  'AFL-3.0',
  'AGPL-1.0',
  'AGPL-1.0-only',
  'AGPL-1.0-or-later',
  'AGPL-3.0',
  'AGPL-3.0-only',
  'AGPL-3.0-or-later',
  'Apache-1.0',
  'Apache-1.1',
  'Apache-2.0',
  'APSL-2.0',
  'Artistic-1.0',
  'Artistic-1.0-Perl',
  'Artistic-2.0',
  'Beerware',
  'BlueOak-1.0.0',
  'BSD-1-Clause',
  'BSD-2-Clause',
  'BSD-2-Clause-Patent',
  'BSD-3-Clause',
  'BSD-3-Clause-Clear',
  'BSD-3-Clause-LBNL',
  'BSD-4-Clause',
  'BSL-1.0',
  'BUSL-1.1',
  'bzip2-1.0.6',
  'CAL-1.0',
  'CC-BY-1.0',
  'CC-BY-2.0',
  'CC-BY-2.5',
  'CC-BY-3.0',
  'CC-BY-4.0',
  'CC-BY-NC-4.0',
  'CC-BY-NC-SA-4.0',
  'CC-BY-ND-4.0',
  'CC-BY-SA-3.0',
  'CC-BY-SA-4.0',
  'CC-PDDC',
  'CC0-1.0',
  'CDDL-1.0',
  'CDDL-1.1',
  'CECILL-2.1',
  'CERN-OHL-P-2.0',
  'CERN-OHL-S-2.0',
  'CERN-OHL-W-2.0',
  'CPAL-1.0',
  'CPL-1.0',
  'curl',
  'ECL-2.0',
  'EFL-2.0',
  'Elastic-2.0',
  'EPL-1.0',
  'EPL-2.0',
  'EUPL-1.1',
  'EUPL-1.2',
  'FSFAP',
  'FTL',
  'GFDL-1.1',
  'GFDL-1.1-only',
  'GFDL-1.1-or-later',
  'GFDL-1.2',
  'GFDL-1.2-only',
  'GFDL-1.2-or-later',
  'GFDL-1.3',
  'GFDL-1.3-only',
  'GFDL-1.3-or-later',
  'GPL-1.0',
  'GPL-1.0-only',
  'GPL-1.0-or-later',
  'GPL-2.0',
  'GPL-2.0-only',
  'GPL-2.0-or-later',
  'GPL-3.0',
  'GPL-3.0-only',
  'GPL-3.0-or-later',
  'Hippocratic-2.1',
  'HPND',
  'ICU',
  'IJG',
  'ImageMagick',
  'Info-ZIP',
  'IPA',
  'IPL-1.0',
  'ISC',
  'JSON',
  'LGPL-2.0',
  'LGPL-2.0-only',
  'LGPL-2.0-or-later',
  'LGPL-2.1',
  'LGPL-2.1-only',
  'LGPL-2.1-or-later',
  'LGPL-3.0',
  'LGPL-3.0-only',
  'LGPL-3.0-or-later',
  'Libpng',
  'libpng-2.0',
  'libtiff',
  'LPL-1.02',
  'LPPL-1.3c',
  'MirOS',
  'MIT',
  'MIT-0',
  'MIT-CMU',
  'MIT-Modern-Variant',
  'MPL-1.0',
  'MPL-1.1',
  'MPL-2.0',
  'MPL-2.0-no-copyleft-exception',
  'MS-PL',
  'MS-RL',
  'MulanPSL-2.0',
  'NCSA',
  'Nokia',
  'NPL-1.1',
  'NTP',
  'ODbL-1.0',
  'ODC-By-1.0',
  'OFL-1.0',
  'OFL-1.1',
  'OFL-1.1-RFN',
  'OGL-UK-3.0',
  'OLDAP-2.8',
  'OpenSSL',
  'OSL-1.0',
  'OSL-2.0',
  'OSL-2.1',
  'OSL-3.0',
  'Parity-7.0.0',
  'PDDL-1.0',
  'PHP-3.0',
  'PHP-3.01',
  'PolyForm-Noncommercial-1.0.0',
  'PolyForm-Small-Business-1.0.0',
  'PostgreSQL',
  'PSF-2.0',
  'Python-2.0',
  'Python-2.0.1',
  'QPL-1.0',
  'Ruby',
  'SGI-B-2.0',
  'SISSL',
  'Sleepycat',
  'SSPL-1.0',
  'UCL-1.0',
  'Unicode-3.0',
  'Unicode-DFS-2015',
  'Unicode-DFS-2016',
  'Unlicense',
  'UPL-1.0',
  'Vim',
  'W3C',
  'W3C-20150513',
  'WTFPL',
  'X11',
  'XFree86-1.1',
  'Xnet',
  'Zend-2.0',
  'Zlib',
  'zlib-acknowledgement',
  'ZPL-2.0',
  'ZPL-2.1',
];

/** Common SPDX license exceptions, for `<license> WITH <exception>`. */
const SPDX_EXCEPTIONS = [
  'Autoconf-exception-2.0',
  'Autoconf-exception-3.0',
  'Bison-exception-2.2',
  'Bootloader-exception',
  'Classpath-exception-2.0',
  'CLISP-exception-2.0',
  'eCos-exception-2.0',
  'FLTK-exception',
  'Font-exception-2.0',
  'freertos-exception-2.0',
  'GCC-exception-2.0',
  'GCC-exception-3.1',
  'GPL-3.0-linking-exception',
  'LGPL-3.0-linking-exception',
  'Libtool-exception',
  'Linux-syscall-note',
  'LLVM-exception',
  'LZMA-exception',
  'Nokia-Qt-exception-1.1',
  'OCaml-LGPL-linking-exception',
  'OpenJDK-assembly-exception-1.0',
  'openvpn-openssl-exception',
  'Qt-GPL-exception-1.0',
  'Qt-LGPL-exception-1.1',
  'Swift-exception',
  'u-boot-exception-2.0',
  'Universal-FOSS-exception-1.0',
  'WxWindows-exception-3.1',
];

// SPDX ids match case-insensitively (SPDX specification, Annex B).
const LICENSES = new Map(SPDX_LICENSES.map((id) => [id.toLowerCase(), id]));
const EXCEPTIONS = new Map(SPDX_EXCEPTIONS.map((id) => [id.toLowerCase(), id]));
const ID_STRING = /^[A-Za-z0-9.-]+$/;
const REF = /^(?:DocumentRef-[A-Za-z0-9.-]+:)?LicenseRef-[A-Za-z0-9.-]+$/;
const ADDITION_REF = /^(?:DocumentRef-[A-Za-z0-9.-]+:)?AdditionRef-[A-Za-z0-9.-]+$/;

/**
 * An SPDX license expression (SPDX specification, Annex D): license ids (with an optional `+`) or
 * `LicenseRef-…`, optionally `WITH` an exception, combined with `AND`/`OR` and parentheses.
 */
function spdxProblem(value: string): string | null {
  const tokens = value.match(/\(|\)|[^\s()]+/g) ?? [];
  let position = 0;
  let problem: string | null = null;
  const fail = (text: string) => {
    problem ??= text;
    return false;
  };
  const isOperator = (token: string | undefined, name: string) =>
    token !== undefined && (token === name || token === name.toLowerCase());

  const license = (): boolean => {
    const token = tokens[position];
    if (token === undefined) return fail('ends where a license id is expected');
    if (token === '(') {
      position++;
      if (!expression()) return false;
      if (tokens[position] !== ')') return fail('has an unclosed `(`');
      position++;
      return true;
    }
    position++;
    if (!REF.test(token)) {
      const id = token.endsWith('+') ? token.slice(0, -1) : token;
      if (!ID_STRING.test(id)) return fail(`has \`${token}\`, which is not a license id`);
      if (!LICENSES.has(id.toLowerCase())) return fail(unknownLicense(value, token));
    }
    if (isOperator(tokens[position], 'WITH')) {
      position++;
      const exception = tokens[position++];
      if (exception === undefined) return fail('ends after `WITH`');
      if (!EXCEPTIONS.has(exception.toLowerCase()) && !ADDITION_REF.test(exception))
        return fail(
          `has \`${exception}\` after \`WITH\`, which is not an SPDX license exception of the built-in list`,
        );
    }
    return true;
  };
  const expression = (): boolean => {
    if (!license()) return false;
    while (isOperator(tokens[position], 'AND') || isOperator(tokens[position], 'OR')) {
      position++;
      if (!license()) return false;
    }
    return true;
  };

  if (tokens.length === 0) return 'is blank';
  if (!expression()) return problem;
  if (position < tokens.length) {
    const token = tokens[position];
    return token === ')'
      ? 'has a `)` without its `(`'
      : `has \`${token}\` where \`AND\`, \`OR\` or \`WITH\` is expected`;
  }
  return null;
}

function unknownLicense(value: string, token: string): string {
  const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');
  const whole = squash(value);
  const close = SPDX_LICENSES.find((id) => squash(id) === whole);
  if (close) return `is not written as the SPDX id (\`${close}\`)`;
  return `has \`${token}\`, which is not an SPDX license id of the built-in list of common ids (\`MIT\`, \`Apache-2.0\`, \`GPL-3.0-or-later\`, …)`;
}
