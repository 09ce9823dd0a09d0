import { defineRule } from '../engine/types.js';
import { onFirstLine } from './shared/buildkit-location.js';

/** `$TARGETPLATFORM`, `${TARGETPLATFORM}` (or with a never-used default), optionally double-quoted. */
const TARGET_PLATFORM_ONLY = /^("?)\$(?:TARGETPLATFORM|\{TARGETPLATFORM(?::?-[^}$"'\\]*)?\})\1$/;

export default defineRule({
  id: 'redundant-target-platform',
  severity: 'warning',
  description: '`FROM --platform=$TARGETPLATFORM` repeats what FROM does anyway',
  refs: { hadolint: ['DL3065'], buildkit: ['RedundantTargetPlatform'] },
  basis: ['Dockerfile reference: FROM --platform', 'BuildKit build checks: RedundantTargetPlatform'],
  fixable: 'sometimes',
  check({ model, report }) {
    for (const stage of model.stages) {
      for (const flag of stage.from.flags) {
        if (flag.name.toLowerCase() !== 'platform') continue;
        const text = model.source.slice(flag.span);
        const value = text.slice(text.indexOf('=') + 1);
        if (!text.includes('=') || !TARGET_PLATFORM_ONLY.test(value)) continue;
        let end = flag.span.end;
        while (end < model.source.text.length && /[ \t]/.test(model.source.text[end])) end++;
        report({
          span: onFirstLine(model.source, stage.from, flag.span),
          message: `\`${text}\` changes nothing: FROM already pulls the base image for the target platform, which is what \`$TARGETPLATFORM\` holds. Remove the flag (a constant or \`$BUILDPLATFORM\` would be the reasons to set one).`,
          fix: {
            safety: 'safe',
            title: 'Remove the redundant `--platform`',
            edits: [{ span: { start: flag.span.start, end }, text: '' }],
          },
        });
      }
    }
  },
});
