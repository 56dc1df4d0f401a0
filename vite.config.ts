import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';

/**
 * Sockets in dev: hand Vite's HTTP server to the app, whose `init` hook attaches socket.io
 * to it (the production entry in src/server.js does the same with its own server).
 */
const realtimeInDev: Plugin = {
	name: 'volunteer-dispatch:realtime',
	configureServer(server) {
		if (server.httpServer) {
			(globalThis as Record<symbol, unknown>)[Symbol.for('volunteer-dispatch.http-server')] = server.httpServer;
		}
	}
};

export default defineConfig({
	plugins: [sveltekit(), realtimeInDev],
	test: {
		include: ['src/**/*.test.ts', 'db/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/realtime/**/*.test.ts'],
		testTimeout: 60_000,
		hookTimeout: 120_000,
		globalSetup: ['tests/helpers/global-setup.ts'],
		// Integration files each start their own database and server; two at a time fits two cores.
		maxWorkers: 2
	}
});
