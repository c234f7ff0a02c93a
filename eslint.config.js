// ESLint 9 flat config: the recommended JavaScript and typescript-eslint rules (without type
// information, to stay fast), a 140-character line, and no unused variables.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

/** What Node gives a script, for the .mjs build and test scripts (TypeScript checks the names of the .ts files). */
const nodeGlobals = Object.fromEntries(['console', 'process', 'Buffer', 'URL', 'TextEncoder', 'TextDecoder', 'setTimeout', 'clearTimeout',
    'setInterval', 'clearInterval', 'fetch', 'AbortController', 'AbortSignal', 'performance', 'structuredClone']
    .map(name => [name, 'readonly']));

export default defineConfig(
    {
        ignores: ['**/node_modules/**', '**/out/**', '**/dist/**', 'packages/language/src/generated/**',
            'packages/extension/media/preview.js', 'test/extension/out/**', '.real-clients/**', '.test-tmp/**', 'test-results/**']
    },
    js.configs.recommended,
    tseslint.configs.recommended,
    {
        files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
        languageOptions: { globals: nodeGlobals }
    },
    {
        // The bins are CommonJS (their bin/package.json): node starts them without its ES module loader.
        files: ['packages/*/bin/*.js'],
        languageOptions: {
            sourceType: 'commonjs', globals: { ...nodeGlobals, require: 'readonly', module: 'writable', __dirname: 'readonly' }
        },
        rules: { '@typescript-eslint/no-require-imports': 'off' }
    },
    {
        rules: {
            // Long literals (messages, URLs, regular expressions) may run on; code may not.
            'max-len': ['error', {
                code: 140, ignoreUrls: true, ignoreRegExpLiterals: true,
                // A line that is one string (a message of a catalogue, `key: 'text',`), or one entry of a text
                // catalogue (`'key': { en: '…', fr: '…' },`), may be as long as its text: it is data, not code.
                ignorePattern: '^\\s*((\\w+: )?([\'"`]).*\\3,?|([\'"]?[\\w.\\- ]+[\'"]?): \\{ en: .*\\},?)$'
            }],
            'no-unused-vars': 'off',
            '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
            '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
            'eqeqeq': ['error', 'always'],
            'prefer-const': 'error'
        }
    }
);
