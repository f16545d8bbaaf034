// ESLint for the project's own code (npm run lint:code, part of npm test).
// The point of it is eslint-plugin-regexp: every regular expression in src/ must be free of super-linear
// backtracking, so that no committed file can stall `postmortem lint` (issue 11). Regular expressions built at run
// time from strings (new RegExp(`${A}|${B}`)) are beyond a linter: src/document/regexps.test.ts checks those.
// The rest is a modest baseline: ESLint's and typescript-eslint's recommended rules (syntax only, no type
// information, so it stays fast).
import js from '@eslint/js';
import regexp from 'eslint-plugin-regexp';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.bench/**', 'bench/**', 'coverage/**'] },
  {
    files: ['src/**/*.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    plugins: { regexp },
    languageOptions: { parser: tseslint.parser, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      // Linear time by construction: errors, never warnings. `potential` also reports backtracking that only a
      // rejected suffix can set off; the move rule also looks inside larger patterns and sticky ones.
      'regexp/no-super-linear-backtracking': ['error', { report: 'potential' }],
      'regexp/no-super-linear-move': ['error', { ignoreSticky: false, ignorePartial: false }],
      'regexp/no-misleading-capturing-group': ['error', { reportBacktrackingEnds: true }],
    },
  },
);
