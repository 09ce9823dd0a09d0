import { defineRule } from '../engine/types.js';
import { onFirstLine } from './shared/buildkit-location.js';

const RESERVED = new Map([
  [
    'scratch',
    '`scratch` is the empty base image: once a stage has that name, a later `FROM scratch` builds on that stage instead of starting empty',
  ],
  [
    'context',
    '`context` is the name BuildKit uses for the build context itself, so a stage of that name collides with it',
  ],
]);

export default defineRule({
  id: 'reserved-stage-name',
  severity: 'warning',
  description: 'A stage is named `scratch` or `context`, names BuildKit reserves',
  refs: { hadolint: ['DL3063'], buildkit: ['ReservedStageName'] },
  basis: ['Dockerfile reference: FROM', 'BuildKit build checks: ReservedStageName'],
  fixable: 'never',
  check({ model, report }) {
    for (const stage of model.stages) {
      if (stage.name === null || stage.nameSpan === null) continue;
      const reason = RESERVED.get(stage.name.toLowerCase());
      if (reason === undefined) continue;
      report({
        span: onFirstLine(model.source, stage.from, stage.nameSpan),
        message: `Stage name \`${stage.name}\` is reserved: ${reason}. Pick another name.`,
      });
    }
  },
});
