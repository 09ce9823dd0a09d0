import { scanVariables } from '../engine/lexer.js';
import { lookup } from '../engine/model.js';
import { defineRule } from '../engine/types.js';
import { expandAt } from './shared/copy-args.js';
import { finalUser, isRootUser, looksLikeWindows } from './shared/image-user.js';

export default defineRule({
  id: 'user-by-name',
  severity: 'info',
  description: 'The final image runs as a user given by name, not by numeric UID',
  refs: { hadolint: ['DL3066'] },
  basis: ['Dockerfile reference: USER', 'Kubernetes: SecurityContext runAsNonRoot'],
  fixable: 'never',
  check({ model, source, report }) {
    const effective = finalUser(model);
    if (!effective || looksLikeWindows(effective.stage)) return;
    let user = effective.user;
    const references = scanVariables(effective.userRaw, effective.instruction.escapeChar);
    if (references.length > 0) {
      // An ARG is how Dockerfiles take the UID from the build (`--build-arg UID=1000`): its default proves nothing.
      const index = effective.instruction.index;
      if (references.some((reference) => lookup(effective.stage, reference.name, index)?.kind !== 'env'))
        return;
      const expanded = expandAt(effective.stage, effective.instruction, effective.userRaw);
      if (expanded === null) return;
      user = expanded;
    }
    // A numeric UID is what the rule asks for; root is `last-user-root`'s finding.
    if (user === '' || /^\d+$/.test(user) || isRootUser(user)) return;
    const written = source.slice(effective.span);
    const inherited =
      effective.stage !== model.stages[model.stages.length - 1]
        ? ` (the final stage keeps it from the stage \`${effective.stage.name}\` it is built FROM)`
        : '';
    report({
      span: effective.instruction.span,
      message: `\`${effective.instruction.rawKeyword} ${written}\` names the user \`${user}\`${inherited}: the container runtime must find it in the image's /etc/passwd when the container starts, and Kubernetes \`runAsNonRoot\` cannot verify that a name is not root, so it refuses to start the container unless the pod sets \`runAsUser\`. Give the numeric UID (and GID), e.g. \`USER 10001:10001\`, after creating the user.`,
    });
  },
});
