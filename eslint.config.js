// ESLint as the `sv create` templates ship it: JavaScript, TypeScript and Svelte recommended
// rules, with formatting left to Prettier.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			// TypeScript checks names already (typescript-eslint's advice).
			'no-undef': 'off',
			// A leading underscore marks what is left out on purpose, e.g. `{ secret: _, ...rest }`.
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }]
		}
	},
	{
		// The app is served at the root (no `paths.base`), so a plain path is the resolved one.
		rules: { 'svelte/no-navigation-without-resolve': 'off' }
	},
	{
		// Migrations are frozen in time and typed loosely on purpose, as Kysely's guide writes them.
		files: ['db/migrations/**', 'src/lib/server/db/migrate.ts', 'tests/integration/*migration*.test.ts'],
		rules: { '@typescript-eslint/no-explicit-any': 'off' }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: { parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig } }
	},
	{ ignores: ['build/', '.svelte-kit/', 'node_modules/', 'test-results/', 'playwright-report/', 'data/', '.scratch/'] }
);
