// The production HTTP server: one port for pages, API and sockets. src/server.js runs it for
// `npm start`; the integration tests run the very same server in their own process.
import { createServer, ServerResponse } from 'node:http';
import compression from 'compression';
import { SECURITY_HEADERS } from './lib/server/http/security-headers.js';
import { offerServer, startedApp } from './lib/server/handoff.js';

/** Every answer of this server starts with the security headers, whoever writes it (Kit, sirv, socket.io). */
class SecureResponse extends ServerResponse {
	/** @param {import('node:http').IncomingMessage} req */
	constructor(req) {
		super(req);
		for (const [name, value] of SECURITY_HEADERS) this.setHeader(name, value);
	}
}

const DRAIN_MS = 8_000;

/**
 * Text answers (pages, JSON, CSV, SVG) go gzip- or brotli-compressed to a browser that asks:
 * at county size the board's buildings alone are most of a megabyte as JSON. Static files come
 * precompressed from the build (adapter-node's `precompress`), and an answer that already has
 * a content-encoding is left alone. socket.io never reaches this listener (see below).
 */
const compress = compression({ threshold: 1024 });

/**
 * Starts serving the built app (`vite build`) on `port` (0: any free port), and resolves once
 * it listens and the app has started (migrated, jobs running, sockets attached).
 * @param {{ port: number, host: string, logDestination?: import('node:stream').Writable }} options
 */
export async function startNodeServer({ port, host, logDestination }) {
	// adapter-node assumes https unless told otherwise. This server speaks plain http; behind a
	// TLS proxy, the proxy's X-Forwarded-Proto (or ORIGIN) says https.
	process.env.PROTOCOL_HEADER ??= 'x-forwarded-proto';
	// No API body comes near this; adapter-node refuses bigger ones before they are read.
	process.env.BODY_SIZE_LIMIT ??= '64K';

	const server = createServer({ ServerResponse: SecureResponse });
	// Longer than the 60 s idle timeout of common load balancers (nginx, AWS ALB): if the node
	// closed an idle keep-alive connection first, the proxy could send a request down a socket
	// that is closing and answer the user with a 502.
	server.keepAliveTimeout = 65_000;
	server.headersTimeout = 66_000;

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
		compress(/** @type {any} */ (req), /** @type {any} */ (res), () => handler(req, res));
	});

	// Kit's handler is loaded after the listener above is registered: its `init` hook starts the
	// app, which attaches socket.io to this server, and socket.io's engine takes over the
	// existing request listeners and calls them only for paths that are not its own. Registered
	// later, Kit would answer socket.io's long-polling requests a second time and crash the
	// process on "headers already sent". A path in a variable: the build does not exist until
	// `vite build` has run.
	offerServer(server, logDestination);
	const handlerPath = '../build/handler.js';
	({ handler } = /** @type {{ handler: import('node:http').RequestListener }} */ (await import(handlerPath)));

	await new Promise((resolve) => server.listen(port, host, () => resolve(undefined)));
	const address = server.address();
	const listening = typeof address === 'object' && address ? address.port : port;

	/**
	 * Graceful stop: take no new connections, let requests in flight finish (their writes
	 * commit and their events are published), then close every socket (clients reconnect to
	 * another node or to this one after its restart, and catch up), then end the database pool.
	 * Resolves with how many requests were still in flight when it began.
	 */
	async function stop() {
		stopping = true;
		server.close();
		server.closeIdleConnections();
		const requests = inFlight;
		if (inFlight > 0) {
			await new Promise((resolve) => {
				onIdle = () => resolve(undefined);
				setTimeout(resolve, DRAIN_MS).unref();
			});
		}
		await (await startedApp())?.close();
		server.closeAllConnections();
		return requests;
	}

	return { server, port: listening, stop };
}
