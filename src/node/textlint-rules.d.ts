/** The two textlint rules the prose linter loads ship no types; both are ordinary textlint rule modules. */
declare module 'textlint-rule-terminology' {
  import type { TextlintRuleModule } from '@textlint/kernel';

  const rule: TextlintRuleModule;
  export default rule;
}

declare module 'textlint-rule-write-good' {
  import type { TextlintRuleModule } from '@textlint/kernel';

  const rule: TextlintRuleModule;
  export default rule;
}
