import { finalStage, rootStage, type Stage } from '../engine/model.js';
import { runtimeOf } from '../engine/runtime.js';
import { defineRule } from '../engine/types.js';

export default defineRule({
  id: 'missing-run-command',
  severity: 'info',
  description: 'The final stage sets no CMD or ENTRYPOINT',
  refs: {},
  basis: ['GUIDANCE.md: ENTRYPOINT and CMD 4'],
  fixable: 'never',
  check({ model, report }) {
    const stage = finalStage(model);
    if (!stage) return;
    const runtime = runtimeOf(stage);
    if (runtime.entrypoint || runtime.cmd) return;
    const subject = `The final stage${stage.name ? ` \`${stage.name}\`` : ''} sets no CMD or ENTRYPOINT${ancestry(stage)}`;
    if (runtime.baseDecides) {
      report({
        span: stage.from.span,
        message: `${subject}, so containers run whatever the base image \`${rootStage(stage).base}\` runs by default. That is fine when the base image is the application (as with \`nginx\`); otherwise add \`CMD\` or \`ENTRYPOINT\` for your program.`,
      });
      return;
    }
    report({
      span: stage.from.span,
      severity: 'error',
      message: `${subject}, and it is built on \`scratch\`, which has no default command: \`docker run\` fails with "No command specified" unless the user names a program. Add \`ENTRYPOINT ["/your-binary"]\`.`,
    });
  },
});

/** ", nor do its parent stages `a` and `b`" when the stage builds on earlier stages of the file. */
function ancestry(stage: Stage): string {
  const names: string[] = [];
  for (let parent = stage.parent; parent; parent = parent.parent)
    names.push(`\`${parent.name ?? parent.base}\``);
  if (names.length === 0) return '';
  return names.length === 1
    ? `, nor does its parent stage ${names[0]}`
    : `, nor do its parent stages ${names.join(', ')}`;
}
