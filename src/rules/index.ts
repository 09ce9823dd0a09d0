/** Every rule, sorted by id. A test keeps this list, the rule files and docs/rules/ in step. */
import type { Rule } from '../engine/types.js';
import addInsteadOfCopy from './add-instead-of-copy.js';
import apkNoCache from './apk-no-cache.js';
import apkPinVersions from './apk-pin-versions.js';
import aptGetMissingYes from './apt-get-missing-yes.js';
import aptGetNoInstallRecommends from './apt-get-no-install-recommends.js';
import aptGetPinVersions from './apt-get-pin-versions.js';
import aptListsNotCleaned from './apt-lists-not-cleaned.js';
import argAtRuntime from './arg-at-runtime.js';
import argNameAsLiteral from './arg-name-as-literal.js';
import avoidInteractiveCommands from './avoid-interactive-commands.js';
import cdInsteadOfWorkdir from './cd-instead-of-workdir.js';
import cmdIgnoredByShellEntrypoint from './cmd-ignored-by-shell-entrypoint.js';
import consecutiveRun from './consecutive-run.js';
import consistentInstructionCasing from './consistent-instruction-casing.js';
import constantPlatformFlag from './constant-platform-flag.js';
import copyArchiveThenExtract from './copy-archive-then-extract.js';
import copyFromOwnStage from './copy-from-own-stage.js';
import copyFromUnknownStage from './copy-from-unknown-stage.js';
import copyIgnoredFile from './copy-ignored-file.js';
import copyMultipleSourcesDest from './copy-multiple-sources-dest.js';
import copyRelativeDestWithoutWorkdir from './copy-relative-dest-without-workdir.js';
import copyWholeFilesystem from './copy-whole-filesystem.js';
import curlAndWget from './curl-and-wget.js';
import dnfCleanAll from './dnf-clean-all.js';
import dnfMissingYes from './dnf-missing-yes.js';
import dnfPinVersions from './dnf-pin-versions.js';
import duplicateStageName from './duplicate-stage-name.js';
import execForm from './exec-form.js';
import execFormVariable from './exec-form-variable.js';
import exposeInvalidFormat from './expose-invalid-format.js';
import exposePortRange from './expose-port-range.js';
import exposeProtoCasing from './expose-proto-casing.js';
import fileTooLarge from './file-too-large.js';
import fromAsCasing from './from-as-casing.js';
import gemPinVersions from './gem-pin-versions.js';
import goInstallPinVersion from './go-install-pin-version.js';
import internalError from './internal-error.js';
import invalidDefaultArgInFrom from './invalid-default-arg-in-from.js';
import invalidDefinitionDescription from './invalid-definition-description.js';
import invalidExecForm from './invalid-exec-form.js';
import labelKeyFormat from './label-key-format.js';
import labelMissing from './label-missing.js';
import labelNotInSchema from './label-not-in-schema.js';
import labelValueFormat from './label-value-format.js';
import lastUserRoot from './last-user-root.js';
import latestBaseImage from './latest-base-image.js';
import legacyKeyValueFormat from './legacy-key-value-format.js';
import lnBinSh from './ln-bin-sh.js';
import maintainerDeprecated from './maintainer-deprecated.js';
import missingHealthcheck from './missing-healthcheck.js';
import missingRunCommand from './missing-run-command.js';
import noEmptyContinuation from './no-empty-continuation.js';
import npmPinVersions from './npm-pin-versions.js';
import onbuildForbiddenTrigger from './onbuild-forbidden-trigger.js';
import pipNoCacheDir from './pip-no-cache-dir.js';
import pipPinVersions from './pip-pin-versions.js';
import pipefail from './pipefail.js';
import redundantTargetPlatform from './redundant-target-platform.js';
import reservedStageName from './reserved-stage-name.js';
import secretInArgEnv from './secret-in-arg-env.js';
import shellCmdAfterExecEntrypoint from './shell-cmd-after-exec-entrypoint.js';
import shellFormWithoutShell from './shell-form-without-shell.js';
import shellWrapperWithoutExec from './shell-wrapper-without-exec.js';
import singleCmd from './single-cmd.js';
import singleEntrypoint from './single-entrypoint.js';
import singleHealthcheck from './single-healthcheck.js';
import stageNameCasing from './stage-name-casing.js';
import sudo from './sudo.js';
import syntaxError from './syntax-error.js';
import undefinedArgInFrom from './undefined-arg-in-from.js';
import undefinedVar from './undefined-var.js';
import unknownSuppression from './unknown-suppression.js';
import untaggedBaseImage from './untagged-base-image.js';
import untrustedRegistry from './untrusted-registry.js';
import unusedArg from './unused-arg.js';
import useAptGetNotApt from './use-apt-get-not-apt.js';
import userByName from './user-by-name.js';
import useraddWithoutNoLogInit from './useradd-without-no-log-init.js';
import wgetWithoutProgress from './wget-without-progress.js';
import workdirRelativePath from './workdir-relative-path.js';
import yarnCacheNotCleaned from './yarn-cache-not-cleaned.js';
import yumCleanAll from './yum-clean-all.js';
import yumMissingYes from './yum-missing-yes.js';
import yumPinVersions from './yum-pin-versions.js';
import zypperClean from './zypper-clean.js';
import zypperDistUpgrade from './zypper-dist-upgrade.js';
import zypperNonInteractive from './zypper-non-interactive.js';
import zypperPinVersions from './zypper-pin-versions.js';

export const allRules: readonly Rule[] = [
  syntaxError,
  fileTooLarge,
  internalError,
  unknownSuppression,
  execForm,
  invalidExecForm,
  singleCmd,
  singleEntrypoint,
  singleHealthcheck,
  missingRunCommand,
  cmdIgnoredByShellEntrypoint,
  shellCmdAfterExecEntrypoint,
  shellFormWithoutShell,
  execFormVariable,
  argAtRuntime,
  argNameAsLiteral,
  shellWrapperWithoutExec,
  undefinedVar,
  undefinedArgInFrom,
  invalidDefaultArgInFrom,
  unusedArg,
  secretInArgEnv,
  addInsteadOfCopy,
  copyFromOwnStage,
  copyFromUnknownStage,
  copyMultipleSourcesDest,
  copyRelativeDestWithoutWorkdir,
  copyWholeFilesystem,
  labelKeyFormat,
  lastUserRoot,
  latestBaseImage,
  missingHealthcheck,
  onbuildForbiddenTrigger,
  untaggedBaseImage,
  userByName,
  aptGetPinVersions,
  aptListsNotCleaned,
  aptGetMissingYes,
  aptGetNoInstallRecommends,
  useAptGetNotApt,
  apkPinVersions,
  apkNoCache,
  pipPinVersions,
  pipNoCacheDir,
  npmPinVersions,
  gemPinVersions,
  goInstallPinVersion,
  yarnCacheNotCleaned,
  yumMissingYes,
  yumCleanAll,
  yumPinVersions,
  dnfMissingYes,
  dnfCleanAll,
  dnfPinVersions,
  zypperNonInteractive,
  zypperDistUpgrade,
  zypperClean,
  zypperPinVersions,
  avoidInteractiveCommands,
  cdInsteadOfWorkdir,
  sudo,
  useraddWithoutNoLogInit,
  wgetWithoutProgress,
  consecutiveRun,
  curlAndWget,
  lnBinSh,
  pipefail,
  copyArchiveThenExtract,
  stageNameCasing,
  fromAsCasing,
  consistentInstructionCasing,
  duplicateStageName,
  reservedStageName,
  legacyKeyValueFormat,
  maintainerDeprecated,
  redundantTargetPlatform,
  constantPlatformFlag,
  workdirRelativePath,
  exposeProtoCasing,
  exposeInvalidFormat,
  exposePortRange,
  noEmptyContinuation,
  copyIgnoredFile,
  invalidDefinitionDescription,
  untrustedRegistry,
  labelMissing,
  labelNotInSchema,
  labelValueFormat,
].sort((a, b) => a.id.localeCompare(b.id));
