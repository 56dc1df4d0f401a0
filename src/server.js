// The production entry: `npm start` (after ensure-build and the demo preparation) runs this.
import { startNodeServer } from './node-server.js';

const { port, stop } = await startNodeServer({ port: Number(process.env.PORT ?? 3000), host: process.env.HOST ?? '0.0.0.0' });
console.log(`Listening on http://localhost:${port}`);
// Tests and process managers read this to learn a port chosen with PORT=0.
if (process.send) process.send({ ready: true, port });

let stopping = false;

/**
 * Drains requests, sockets and the database pool, then exits 0; anything still hanging after
 * 10 s exits 1.
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
	try {
		const requests = await stop();
		console.log(`drained: ${requests} request(s) in flight finished, sockets closed, database pool ended`);
	} catch (error) {
		console.error('shutdown could not close everything cleanly', error);
		process.exitCode = 1;
	} finally {
		clearTimeout(force);
		process.exit(process.exitCode ?? 0);
	}
}
// A server that ends says so, and how, on stderr: an exit nobody asked for is never silent.
process.on('exit', (code) => {
	if (!stopping) console.error(`the server process is exiting unasked, with code ${code}`);
});
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
