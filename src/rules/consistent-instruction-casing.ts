import { KNOWN_INSTRUCTIONS } from '../engine/model.js';
import { defineRule } from '../engine/types.js';

export default defineRule({
  id: 'consistent-instruction-casing',
  severity: 'warning',
  description: 'An instruction keyword is in mixed case, or not in the case most of the file uses',
  refs: { buildkit: ['ConsistentInstructionCasing'] },
  basis: ['Dockerfile reference: Format', 'BuildKit build checks: ConsistentInstructionCasing'],
  fixable: 'sometimes',
  check({ model, report }) {
    // As BuildKit counts: FROM and every instruction of a stage, not the global ARGs nor ONBUILD's trigger.
    const keywords = model.stages
      .flatMap((stage) => [stage.from, ...stage.instructions])
      .filter((node) => KNOWN_INSTRUCTIONS.has(node.keyword));
    let lowerCount = 0;
    let upperCount = 0;
    for (const node of keywords) {
      if (node.rawKeyword === node.rawKeyword.toLowerCase()) lowerCount++;
      else if (node.rawKeyword === node.rawKeyword.toUpperCase()) upperCount++;
    }
    // A tie counts as uppercase, as in BuildKit.
    const majorityLower = lowerCount > upperCount;
    const majority = majorityLower ? 'lowercase' : 'uppercase';
    for (const node of keywords) {
      const wanted = majorityLower ? node.rawKeyword.toLowerCase() : node.rawKeyword.toUpperCase();
      if (node.rawKeyword === wanted) continue;
      const mixed =
        node.rawKeyword !== node.rawKeyword.toLowerCase() &&
        node.rawKeyword !== node.rawKeyword.toUpperCase();
      report({
        span: node.keywordSpan,
        message: mixed
          ? `\`${node.rawKeyword}\` mixes upper and lower case; most instructions here are ${majority}. Docker accepts any case, so this only costs readability: write \`${wanted}\`.`
          : `\`${node.rawKeyword}\` is not ${majority} like most instructions in this file. Docker accepts any case, so this only costs readability: write \`${wanted}\`.`,
        fix: {
          safety: 'safe',
          title: `Write \`${wanted}\``,
          edits: [{ span: node.keywordSpan, text: wanted }],
        },
      });
    }
  },
});
