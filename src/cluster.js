// npm run cluster: N app nodes on consecutive ports against one PostgreSQL (DATABASE_URL),
// sharing events through @socket.io/postgres-adapter (or Redis streams with REDIS_URL), with a
// small round-robin, websocket-capable proxy in front, for trying a multi-node setup locally.
// Production deployments use a real load balancer instead (see docs/architecture.md).
import { fork } from 'node:child_process';
import { createServer } from 'node:http';
import httpProxy from 'http-proxy';

const nodes = Number(process.env.NODE_COUNT ?? 2);
const port = Number(process.env.PORT ?? 3000);
const firstNodePort = Number(process.env.NODE_PORT ?? port + 1);
if (!process.env.DATABASE_URL) {
	console.error('npm run cluster needs DATABASE_URL: every node shares one PostgreSQL.');
	process.exit(2);
}

const children = Array.from({ length: nodes }, (_, i) =>
	fork('src/server.js', [], {
		env: { ...process.env, PORT: String(firstNodePort + i), CLUSTER: process.env.REDIS_URL ? 'redis' : 'postgres' }
	})
);
const targets = children.map((_, i) => `http://127.0.0.1:${firstNodePort + i}`);

// Websockets stick to the node they upgraded on, so round robin needs no sticky sessions;
// the long-polling fallback would (see the nginx example in docs/architecture.md).
const proxy = httpProxy.createProxyServer({ ws: true, xfwd: true });
proxy.on('error', (_error, _req, res) => {
	if ('writeHead' in res && !res.headersSent) res.writeHead(502).end('node unavailable');
	else res.destroy();
});
let next = 0;
const pick = () => targets[next++ % targets.length];
const server = createServer((req, res) => proxy.web(req, res, { target: pick() }));
server.on('upgrade', (req, socket, head) => proxy.ws(req, socket, head, { target: pick() }));
server.listen(port, () => console.log(`Proxy on http://localhost:${port} → ${targets.join(', ')}`));

function stop() {
	server.close();
	for (const child of children) child.kill('SIGTERM');
	setTimeout(() => process.exit(0), 2000).unref();
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
