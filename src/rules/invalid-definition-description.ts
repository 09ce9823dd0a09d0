import { declarationsOf } from '../engine/model.js';
import { defineRule } from '../engine/types.js';

/** Top-of-file lines BuildKit reads as parser directives, not comments. */
const DIRECTIVES = new Set(['syntax', 'escape', 'check']);
/** Suppression comments are not descriptions, and must not be reported as bad ones. */
const PRAGMA = /^(?:dockerfile-review|hadolint)\b|^check\s*=/i;

export default defineRule({
  id: 'invalid-definition-description',
  severity: 'warning',
  description: 'The comment above an ARG or named stage does not start with its name',
  refs: { buildkit: ['InvalidDefinitionDescription'] },
  basis: ['BuildKit build checks: InvalidDefinitionDescription (experimental)'],
  fixable: 'never',
  enabledByDefault: false,
  check({ model, source, report }) {
    const directiveLines = new Set(
      model.ast
        .getDirectives()
        .filter((directive) => DIRECTIVES.has(directive.getName().toLowerCase()))
        .map((directive) => directive.getRange().start.line),
    );
    let nextLine = 0;
    for (const node of model.instructions) {
      const startLine = source.lineIndexAt(node.span.start);
      // BuildKit's parser collects the comment lines since the previous instruction and judges the last
      // one; an empty `#` line empties the list, a blank line does not.
      let description: string | undefined;
      for (let line = nextLine; line < startLine; line++) {
        if (directiveLines.has(line)) continue;
        const text = source.lineText(line);
        if (!/^\s*#/.test(text)) continue;
        const content = text.slice(1).trim();
        description = content === '' ? undefined : content;
      }
      nextLine = source.lineIndexAt(node.span.end) + 1;

      if (description === undefined || PRAGMA.test(description)) continue;
      let names: string[];
      let what: string;
      if (node.keyword === 'ARG') {
        names = declarationsOf(node, 'arg').map((declaration) => declaration.name);
        what = 'ARG';
      } else if (node.keyword === 'FROM' && node.stage?.name) {
        // BuildKit compares with the lowercased stage name, and case-sensitively.
        names = [node.stage.name.toLowerCase()];
        what = 'stage';
      } else continue;
      if (names.length === 0 || names.includes(description.split(' ')[0])) continue;
      const example = names.length === 1 ? names[0] : '<name>';
      report({
        span: node.span,
        message: `The comment above this ${what} does not start with its name (\`${names.join('`, `')}\`), so BuildKit does not take it as the ${what}'s description (shown by \`docker buildx build --call=outline\`). Start it with \`# ${example} <description>\`, or put an empty \`#\` line between if it is not a description.`,
      });
    }
  },
});
