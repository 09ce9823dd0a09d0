import { scanVariables, splitWords } from '../engine/lexer.js';
import { defineRule } from '../engine/types.js';
import { onFirstLine } from './shared/buildkit-location.js';
import { parsePlatform } from './shared/buildkit-platform.js';

export default defineRule({
  id: 'constant-platform-flag',
  severity: 'warning',
  description: '`FROM --platform` is a constant, so the stage ignores the platform the build asks for',
  refs: { hadolint: ['DL3029'], buildkit: ['FromPlatformFlagConstDisallowed'] },
  basis: ['Dockerfile reference: FROM --platform', 'BuildKit build checks: FromPlatformFlagConstDisallowed'],
  fixable: 'never',
  check({ model, report }) {
    for (const stage of model.stages) {
      for (const flag of stage.from.flags) {
        if (flag.name.toLowerCase() !== 'platform') continue;
        const text = model.source.slice(flag.span);
        const equals = text.indexOf('=');
        if (equals === -1) continue;
        const raw = text.slice(equals + 1);
        // Any variable makes the value follow the build (`$BUILDPLATFORM`, `$TARGETOS/$TARGETARCH`, an ARG):
        // hadolint's DL3029 flags those too, BuildKit rightly does not.
        if (scanVariables(raw, model.escapeChar).length > 0) continue;
        const words = splitWords(raw, model.escapeChar);
        if (words.length !== 1) continue;
        const platform = parsePlatform(words[0].value);
        // A value Docker cannot parse fails the build anyway; that is not this rule's finding.
        if (platform === null) continue;
        // Naming the stage after the platform (`AS build-arm64`) says the pinning is deliberate.
        const name = stage.name?.toLowerCase() ?? '';
        if (
          name.includes(platform.os) ||
          (platform.architecture !== null && name.includes(platform.architecture))
        )
          continue;
        const value = words[0].value;
        report({
          span: onFirstLine(model.source, stage.from, flag.span),
          message: `\`${text}\` pins this stage to \`${value}\` whatever platform the build asks for: \`docker build --platform\` and multi-platform builds still get the \`${value}\` stage (run under emulation elsewhere). Use \`$BUILDPLATFORM\` for a stage that runs build tools, \`$TARGETPLATFORM\` or no flag for the image itself, or name the stage after the platform (e.g. \`AS build-${platform.architecture ?? platform.os}\`) if the pinning is deliberate.`,
        });
      }
    }
  },
});
