// The production entry: one HTTP server for pages, API and sockets on one port.
// It hands its server to the app before loading Kit's handler, whose `init` hook then
// starts the app (migrate, seed in demo mode) and attaches socket.io to this same server.
import { createServer } from 'node:http';

const APP_KEY = Symbol.for('volunteer-dispatch.app');
const HTTP_SERVER_KEY = Symbol.for('volunteer-dispatch.http-server');

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';

/** @type {Record<symbol, unknown>} */
const registry = /** @type {any} */ (globalThis);

// adapter-node assumes https unless told otherwise. This server speaks plain http; behind a
// TLS proxy, the proxy's X-Forwarded-Proto (or ORIGIN) says https.
process.env.PROTOCOL_HEADER ??= 'x-forwarded-proto';

const server = createServer();
registry[HTTP_SERVER_KEY] = server;

// A path in a variable: the build does not exist until `vite build` has run.
const handlerPath = '../build/handler.js';
/** @type {{ handler: import('node:http').RequestListener }} */
const { handler } = await import(handlerPath);
server.on('request', (req, res) => {
	req.headers['x-forwarded-proto'] ??= 'http';
	handler(req, res);
});

server.listen(port, host, () => {
	const address = server.address();
	const shown = typeof address === 'object' && address ? address.port : port;
	console.log(`Listening on http://localhost:${shown}`);
	// Tests and process managers read this line to learn a port chosen with PORT=0.
	if (process.send) process.send({ ready: true, port: shown });
});

let stopping = false;
/** @param {string} signal */
async function shutdown(signal) {
	if (stopping) return;
	stopping = true;
	console.log(`${signal} received: draining sockets and the database pool`);
	const force = setTimeout(() => process.exit(1), 10_000);
	force.unref();
	server.close();
	try {
		const app = /** @type {{ close(): Promise<void> } | undefined} */ (await registry[APP_KEY]);
		await app?.close();
	} finally {
		process.exit(0);
	}
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
