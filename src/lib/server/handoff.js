// The one hand-off between the process that serves HTTP (src/server.js in production, the Vite
// plugin in dev, the test harness in integration tests) and Kit's server bundle, which loads its
// own copy of every module. The two sides share nothing but this process's global object, so
// this module, and only this module, keeps a slot on it under a registered symbol.
// Plain JavaScript: src/server.js loads it outside Kit's bundle.

const SLOT = Symbol.for('volunteer-dispatch.handoff');

/**
 * @typedef {object} Handoff
 * @property {import('node:http').Server} [httpServer] Where socket.io attaches, on the same port as the pages.
 * @property {import('node:stream').Writable} [logDestination] Where the app logs (stdout when unset).
 * @property {Promise<{ close(): Promise<void> }>} [app] The running app, for the process to close on shutdown.
 */

/** @returns {Handoff} */
function slot() {
	const global = /** @type {Record<symbol, Handoff | undefined>} */ (/** @type {unknown} */ (globalThis));
	return (global[SLOT] ??= {});
}

/**
 * The serving side offers its HTTP server (and, in tests, a log destination) before Kit starts.
 * @param {import('node:http').Server} httpServer
 * @param {import('node:stream').Writable} [logDestination]
 */
export function offerServer(httpServer, logDestination) {
	Object.assign(slot(), { httpServer, logDestination });
}

/** Kit's side reads what was offered, if anything (a build served without sockets offers nothing). */
export function offered() {
	const { httpServer, logDestination } = slot();
	return { httpServer, logDestination };
}

/**
 * Kit's side publishes the app it started, so the serving side can close it on shutdown.
 * @param {Promise<{ close(): Promise<void> }>} app
 */
export function publishApp(app) {
	slot().app = app;
}

/** The app Kit's side started, once it has. */
export function startedApp() {
	return slot().app;
}
