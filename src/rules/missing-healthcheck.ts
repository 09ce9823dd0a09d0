import { finalStage, rootStage, type Stage } from '../engine/model.js';
import { defineRule } from '../engine/types.js';

export default defineRule({
  id: 'missing-healthcheck',
  severity: 'info',
  description: 'The final image has no HEALTHCHECK',
  refs: { hadolint: ['DL3057'] },
  basis: ['Dockerfile reference: HEALTHCHECK'],
  fixable: 'never',
  enabledByDefault: false,
  check({ model, report }) {
    const final = finalStage(model);
    if (!final) return;
    // A HEALTHCHECK (even `HEALTHCHECK NONE`, a deliberate choice) carries over along `FROM <stage>`.
    for (let stage: Stage | null = final; stage; stage = stage.parent)
      if (stage.instructions.some((node) => node.keyword === 'HEALTHCHECK')) return;
    const base = rootStage(final).base;
    const baseNote =
      base.toLowerCase() === 'scratch' ? '' : ` (unless the base image \`${base}\` defines one)`;
    report({
      span: final.from.span,
      message: `The final stage${final.name ? ` \`${final.name}\`` : ''} sets no HEALTHCHECK, so Docker reports the container as running even when the application inside has hung or stopped answering${baseNote}. Add \`HEALTHCHECK CMD …\` that probes the application, or \`HEALTHCHECK NONE\` to say that none is wanted.`,
    });
  },
});
