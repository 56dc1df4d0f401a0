import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import type { TestProjectInlineConfiguration } from 'vitest/config';
import type { Plugin } from 'vite';
import { offerServer } from './src/lib/server/handoff.js';

/**
 * Sockets in dev: hand Vite's HTTP server to the app, whose `init` hook attaches socket.io
 * to it (the production server in src/node-server.js does the same with its own server).
 */
const realtimeInDev: Plugin = {
	name: 'volunteer-dispatch:realtime',
	configureServer(server) {
		if (server.httpServer) offerServer(server.httpServer as import('node:http').Server);
	}
};

const file = (name: string) => `tests/integration/${name}.test.ts`;
/** The long runs: thousands of fuzzed calls, races, catch-up through chaos, several nodes. */
const SOAK = ['fuzz', 'races', 'catch-up', 'cluster', 'database-down'].map(file);
/** Heavy files that run once, on real PostgreSQL when there is one (else on PGlite). */
const PRIMARY_ONLY = [
	'authorization-matrix',
	'page-access',
	'socket-limits',
	'web-security',
	'offer-timeout-live',
	'fuzz',
	'races',
	'catch-up'
].map(file);
/** What only PostgreSQL has: several nodes on one database, a database that goes away. */
const POSTGRES_ONLY = ['cluster', 'database-down'].map(file);
const hasPostgres = Boolean(process.env.TEST_DATABASE_URL);

/**
 * One project per tier and engine: each integration file runs in a process of its own against
 * one engine (TEST_ENGINE), since Kit starts one app per process. Every file runs on PGlite and,
 * with TEST_DATABASE_URL, on PostgreSQL, except the heavy ones, which run once.
 */
function tier(name: 'integration' | 'soak', engine: 'pglite' | 'postgres'): TestProjectInlineConfiguration {
	const skipped = engine === 'postgres' ? [] : [...POSTGRES_ONLY, ...(hasPostgres ? PRIMARY_ONLY : [])];
	return {
		extends: true,
		test: {
			name: `${name}:${engine}`,
			include: name === 'soak' ? SOAK : [file('*')],
			exclude: [...(name === 'soak' ? [] : SOAK), ...skipped],
			env: { TEST_ENGINE: engine },
			globalSetup: ['tests/helpers/global-setup.ts'],
			// The production build is loaded by Node as it is, as `npm start` loads it: not
			// transformed again by Vite (whose Svelte plugin would take build/**/*.svelte.js for source).
			server: { deps: { external: [/\/build\//] } }
		}
	};
}

export default defineConfig({
	plugins: [sveltekit(), realtimeInDev],
	test: {
		testTimeout: 60_000,
		hookTimeout: 120_000,
		// A test that asserts nothing passes for nothing: every test must assert.
		expect: { requireAssertions: true },
		// Integration files each start their own database and server; two at a time fits two cores.
		maxWorkers: 2,
		projects: [
			{ extends: true, test: { name: 'unit', include: ['src/**/*.test.ts', 'db/**/*.test.ts'] } },
			tier('integration', 'pglite'),
			...(hasPostgres ? [tier('integration', 'postgres')] : []),
			tier('soak', 'pglite'),
			...(hasPostgres ? [tier('soak', 'postgres')] : [])
		]
	}
});
