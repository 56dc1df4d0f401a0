// The floor for the latency figures: a bare socket.io server with nothing behind it. Clients
// say which rooms they belong to when they connect; `POST /emit` with a JSON list of
// {room, event, data} broadcasts each entry, then answers 204. That is the app's path
// (HTTP request in, broadcast to a room, HTTP answer out) minus everything the app does.
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const server = createServer((req, res) => {
	if (req.method !== 'POST' || req.url !== '/emit') {
		res.writeHead(404).end();
		return;
	}
	let body = '';
	req.setEncoding('utf8');
	req.on('data', (chunk) => (body += chunk));
	req.on('end', () => {
		/** @type {{room: string, event: string, data: unknown}[]} */
		const deliveries = JSON.parse(body);
		for (const { room, event, data } of deliveries) io.to(room).emit(event, data);
		res.writeHead(204).end();
	});
});

// The same transport settings as the app's server (src/lib/server/realtime/create-realtime.ts).
const io = new Server(server, { path: '/socket.io', serveClient: false, transports: ['websocket', 'polling'] });
io.on('connection', (socket) => {
	const rooms = String(socket.handshake.query.rooms ?? '');
	for (const room of rooms.split(',')) if (room) socket.join(room);
});

server.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1', () => {
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	if (process.send) process.send({ ready: true, port });
});
process.on('SIGTERM', () => {
	io.close();
	process.exit(0);
});
