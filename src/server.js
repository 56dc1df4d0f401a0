// The production entry: one HTTP server for pages, API and sockets on one port.
// It hands its server to the app before loading Kit's handler, whose `init` hook then
// starts the app (migrate, seed in demo mode) and attaches socket.io to this same server.
import { createServer, ServerResponse } from 'node:http';
import { SECURITY_HEADERS } from './lib/server/http/security-headers.js';

const APP_KEY = Symbol.for('volunteer-dispatch.app');
const HTTP_SERVER_KEY = Symbol.for('volunteer-dispatch.http-server');

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';

/** @type {Record<symbol, unknown>} */
const registry = /** @type {any} */ (globalThis);

// adapter-node assumes https unless told otherwise. This server speaks plain http; behind a
// TLS proxy, the proxy's X-Forwarded-Proto (or ORIGIN) says https.
process.env.PROTOCOL_HEADER ??= 'x-forwarded-proto';
// No API body comes near this; adapter-node refuses bigger ones before they are read.
process.env.BODY_SIZE_LIMIT ??= '64K';

/** Every answer of this server starts with the security headers, whoever writes it (Kit, sirv, socket.io). */
class SecureResponse extends ServerResponse {
	/** @param {import('node:http').IncomingMessage} req */
	constructor(req) {
		super(req);
		for (const [name, value] of SECURITY_HEADERS) this.setHeader(name, value);
	}
}

const server = createServer({ ServerResponse: SecureResponse });
// Longer than the 60 s idle timeout of common load balancers (nginx, AWS ALB): if the node
// closed an idle keep-alive connection first, the proxy could send a request down a socket
// that is closing and answer the user with a 502.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
registry[HTTP_SERVER_KEY] = server;

/** @type {import('node:http').RequestListener} */
let handler = (_req, res) => void res.writeHead(503).end();
let stopping = false;
// Requests being answered right now, so a shutdown can let them finish.
let inFlight = 0;
/** @type {(() => void) | null} */
let onIdle = null;
server.on('request', (req, res) => {
	req.headers['x-forwarded-proto'] ??= 'http';
	inFlight += 1;
	res.once('close', () => {
		inFlight -= 1;
		if (inFlight === 0) onIdle?.();
	});
	// While stopping, answer what came in but do not keep the connection for more.
	if (stopping) res.setHeader('connection', 'close');
	handler(req, res);
});

// Loaded after the listener above is registered: Kit's `init` attaches socket.io, whose
// engine takes over the existing request listeners and calls them only for paths that are
// not its own. Registered later, Kit would answer socket.io's long-polling requests a
// second time and crash the process on "headers already sent".
// A path in a variable: the build does not exist until `vite build` has run.
const handlerPath = '../build/handler.js';
({ handler } = /** @type {{ handler: import('node:http').RequestListener }} */ (await import(handlerPath)));

server.listen(port, host, () => {
	const address = server.address();
	const shown = typeof address === 'object' && address ? address.port : port;
	console.log(`Listening on http://localhost:${shown}`);
	// Tests and process managers read this line to learn a port chosen with PORT=0.
	if (process.send) process.send({ ready: true, port: shown });
});

const DRAIN_MS = 8_000;

/**
 * Graceful stop: take no new connections, let requests in flight finish (their writes
 * commit and their events are published), then close every socket (clients reconnect to
 * another node or to this one after its restart, and catch up), then end the database pool
 * cleanly, then exit 0. Anything still hanging after 10 s exits 1.
 * @param {string} signal
 */
async function shutdown(signal) {
	if (stopping) return;
	stopping = true;
	console.log(`${signal} received: draining requests, sockets and the database pool`);
	const force = setTimeout(() => {
		console.error('shutdown took too long; exiting');
		process.exit(1);
	}, 10_000);
	force.unref();
	server.close();
	server.closeIdleConnections();
	const requests = inFlight;
	if (inFlight > 0) {
		await new Promise((resolve) => {
			onIdle = () => resolve(undefined);
			setTimeout(resolve, DRAIN_MS).unref();
		});
	}
	try {
		const app = /** @type {{ close(): Promise<void> } | undefined} */ (await registry[APP_KEY]);
		await app?.close();
		console.log(`drained: ${requests} request(s) in flight finished, sockets closed, database pool ended`);
	} catch (error) {
		console.error('shutdown could not close everything cleanly', error);
		process.exitCode = 1;
	} finally {
		clearTimeout(force);
		process.exit(process.exitCode ?? 0);
	}
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
