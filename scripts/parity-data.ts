/**
 * The checks of the two reference linters, for docs/parity.md: every BuildKit build check and every hadolint
 * DL rule still active in hadolint 2.15 (shared research: buildkit-checks.md, hadolint.md). A check is covered
 * when some rule lists it in its `refs`; otherwise `NOT_COVERED` must say why. A test keeps both in step.
 */

export const BUILDKIT_CHECKS: readonly string[] = [
  'ConsistentInstructionCasing',
  'CopyIgnoredFile',
  'DuplicateStageName',
  'ExposeInvalidFormat',
  'ExposeProtoCasing',
  'FromAsCasing',
  'FromPlatformFlagConstDisallowed',
  'InvalidBaseImagePlatform',
  'InvalidDefaultArgInFrom',
  'InvalidDefinitionDescription',
  'JSONArgsRecommended',
  'LegacyKeyValueFormat',
  'MaintainerDeprecated',
  'MultipleInstructionsDisallowed',
  'NoEmptyContinuation',
  'RedundantTargetPlatform',
  'ReservedStageName',
  'SecretsUsedInArgOrEnv',
  'StageNameCasing',
  'UndefinedArgInFrom',
  'UndefinedVar',
  'WorkdirRelativePath',
];

const range = (from: number, to: number, skip: readonly number[] = []) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i)
    .filter((code) => !skip.includes(code))
    .map((code) => `DL${code}`);

/** DL1000 is hadolint's parse failure; DL3005, DL3017, DL3031 and DL3039 were removed from hadolint. */
export const HADOLINT_RULES: readonly string[] = [
  'DL1000',
  'DL1001',
  ...range(3000, 3067, [3005, 3017, 3031, 3039]),
  'DL4000',
  'DL4001',
  ...range(4003, 4006),
];

/** Why a check has no rule here. Keys are BuildKit check names or DL codes. */
export const NOT_COVERED: Readonly<Record<string, string>> = {
  InvalidBaseImagePlatform:
    "Needs the base image's manifest from its registry; a static review never contacts registries.",
  DL1001:
    'Forbids inline pragmas, an off-by-default hadolint policy; dockerfile-review honours pragmas instead.',
};
