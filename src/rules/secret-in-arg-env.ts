import { declarationsOf } from '../engine/model.js';
import { defineRule } from '../engine/types.js';

/** BuildKit's SecretsUsedInArgOrEnv word lists (dockerfile2llb): a denied word makes a secret-like key... */
const SECRET_WORDS = new Set([
  'apikey',
  'auth',
  'credential',
  'credentials',
  'key',
  'password',
  'pword',
  'passwd',
  'secret',
  'token',
]);
/** ...unless one of these words is also present (`PUBLIC_KEY`, `KEY_FILE`, `TOKEN_VERSION`). */
const ALLOWED_WORDS = new Set(['public', 'file', 'version']);

/** The secret word in `name`, compared as whole `_`-separated segments, case-insensitively (hyphens do not separate). */
function secretWordIn(name: string): string | undefined {
  const segments = name.toLowerCase().split('_');
  if (segments.some((segment) => ALLOWED_WORDS.has(segment))) return undefined;
  return segments.find((segment) => SECRET_WORDS.has(segment));
}

export default defineRule({
  id: 'secret-in-arg-env',
  severity: 'warning',
  description: 'An ARG or ENV name looks like a secret, which stays in the image history',
  refs: { hadolint: ['DL3064'], buildkit: ['SecretsUsedInArgOrEnv'] },
  basis: ['GUIDANCE.md: ARG 4'],
  fixable: 'never',
  check({ model, report }) {
    // Global ARGs are not checked (as BuildKit): only a stage's `ARG NAME` brings one into a build step.
    for (const stage of model.stages) {
      for (const instruction of stage.instructions) {
        if (instruction.keyword !== 'ARG' && instruction.keyword !== 'ENV') continue;
        const kind = instruction.keyword === 'ARG' ? 'arg' : 'env';
        for (const declaration of declarationsOf(instruction, kind)) {
          const word = secretWordIn(declaration.name);
          if (!word) continue;
          const where =
            kind === 'arg'
              ? 'ARG values are recorded in the image history (`docker history`) and build metadata'
              : 'ENV values are stored in the image configuration, visible to anyone who pulls it (`docker inspect`), and inherited by every image built on it';
          const id = declaration.name.toLowerCase();
          report({
            span: declaration.nameSpan,
            message: `\`${instruction.rawKeyword} ${declaration.name}\` looks like a secret (the word \`${word}\`): ${where}. Pass it with \`RUN --mount=type=secret,id=${id}\` (read from \`/run/secrets/${id}\`) in the step that needs it.`,
          });
        }
      }
    }
  },
});
