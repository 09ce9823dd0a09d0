import { spanIn, splitWords } from '../engine/lexer.js';
import { defineRule } from '../engine/types.js';
import { onFirstLine } from './shared/buildkit-location.js';
import { asSingleWord } from './shared/buildkit-quote.js';

/** BuildKit splits the legacy form at the first run of these (its `reWhitespace`). */
const BLANK = /[\t\v\f\r ]/;

export default defineRule({
  id: 'legacy-key-value-format',
  severity: 'warning',
  description: '`ENV key value` or `LABEL key value`: the legacy form without `=`',
  refs: { buildkit: ['LegacyKeyValueFormat'] },
  basis: ['Dockerfile reference: ENV', 'BuildKit build checks: LegacyKeyValueFormat'],
  fixable: 'sometimes',
  check({ model, report }) {
    for (const stage of model.stages) {
      for (const node of stage.instructions) {
        if (node.keyword !== 'ENV' && node.keyword !== 'LABEL') continue;
        const text = node.args.text;
        const words = splitWords(text, node.escapeChar);
        // `ENV KEY` alone is refused by Docker outright, and `KEY=value` is the current form.
        if (words.length < 2 || words[0].raw.includes('=')) continue;
        let keyStart = 0;
        while (keyStart < text.length && BLANK.test(text[keyStart])) keyStart++;
        let keyEnd = keyStart;
        while (keyEnd < text.length && !BLANK.test(text[keyEnd]) && text[keyEnd] !== '\n') keyEnd++;
        let valueStart = keyEnd;
        while (valueStart < text.length && /\s/.test(text[valueStart])) valueStart++;
        let valueEnd = text.length;
        while (valueEnd > valueStart && /\s/.test(text[valueEnd - 1])) valueEnd--;
        const key = text.slice(keyStart, keyEnd);
        const value = text.slice(valueStart, valueEnd);
        // Docker keeps the key's text as it is (quotes included): only a plain key can be moved into `key=value`.
        const plainKey = !/["']/.test(key) && !key.includes(node.escapeChar);
        const word = plainKey ? asSingleWord(value, node.escapeChar) : null;
        const replacement = word === null ? null : `${key}=${word}`;
        const keySpan = spanIn(node.args, keyStart, keyEnd);
        report({
          span: onFirstLine(model.source, node, keySpan),
          message: `\`${node.rawKeyword} ${key} ...\` uses the legacy \`${node.keyword} key value\` form: Docker takes everything after the first blank, spaces included, as the value of \`${key}\` (here \`${shorten(value)}\`), and BuildKit warns that the form is deprecated. ${replacement ? `Write \`${node.rawKeyword} ${shorten(replacement)}\`.` : `Write \`${node.rawKeyword} ${key}="..."\`.`}`,
          ...(replacement
            ? {
                fix: {
                  safety: 'safe' as const,
                  title: `Use \`${key}=value\``,
                  edits: [{ span: spanIn(node.args, keyStart, valueEnd), text: replacement }],
                },
              }
            : {}),
        });
      }
    }
  },
});

function shorten(text: string, max = 60): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > max ? `${oneLine.slice(0, max)}…` : oneLine;
}
