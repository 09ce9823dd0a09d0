import { finalStage } from '../engine/model.js';
import { defineRule } from '../engine/types.js';
import { finalUser, isRootUser } from './shared/image-user.js';

export default defineRule({
  id: 'last-user-root',
  severity: 'warning',
  description: 'The final image runs as root because its last USER is root',
  refs: { hadolint: ['DL3002'] },
  basis: ['Dockerfile reference: USER', 'Docker best practices: USER'],
  fixable: 'never',
  check({ model, source, report }) {
    const effective = finalUser(model);
    if (!effective || !isRootUser(effective.user)) return;
    const final = finalStage(model);
    const inherited =
      effective.stage !== final
        ? ` The final stage sets no USER of its own, so it keeps this one from the stage \`${effective.stage.name ?? effective.stage.index}\` it is built FROM.`
        : '';
    report({
      span: effective.instruction.span,
      message: `\`${effective.instruction.rawKeyword} ${source.slice(effective.span)}\` is the last USER of the final stage, so every container of this image runs as root: a compromised process owns the whole container and anything mounted into it.${inherited} Switch to an unprivileged user (\`USER 10001\`, or one the Dockerfile creates) after the steps that need root.`,
    });
  },
});
