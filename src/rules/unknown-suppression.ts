import { defineRule } from '../engine/types.js';

export default defineRule({
  id: 'unknown-suppression',
  severity: 'warning',
  description: 'A `# dockerfile-review ignore=` pragma names no rule, so it silences nothing',
  refs: {},
  basis: ['dockerfile-review: suppressions'],
  fixable: 'never',
  check() {
    // Nothing to check here: the engine reads the pragmas after the rules ran and reports the names that match
    // no rule (src/engine/suppressions.ts, src/engine/lint.ts), since only it knows every rule in the run.
  },
});
