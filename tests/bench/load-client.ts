// A load-generator process: holds real socket.io clients and notes, on the shared monotonic
// clock, when each measured event arrives. It runs apart from the driver and the servers so
// that its own work does not sit inside the server's figures, and the driver spreads the
// sockets over several of these so that no one event loop queues thousands of arrivals.
import { io, type Socket } from 'socket.io-client';
import { nowMs } from './clock';
import { MEASURED_EVENTS, sampleKey, type ClientCommand, type ClientReply, type SocketPlan } from './load-protocol';

const sockets = new Map<string, Socket[]>();
let samples = new Map<string, number[]>();

function reply(message: ClientReply) {
	process.send!(message);
}

function openSocket(target: string, url: string, plan: SocketPlan): Promise<Socket> {
	const socket = io(url, {
		path: '/socket.io',
		transports: ['websocket'],
		extraHeaders: plan.cookie ? { cookie: plan.cookie } : {},
		query: plan.rooms ? { rooms: plan.rooms } : {},
		reconnection: false,
		forceNew: true,
		timeout: 60_000
	});
	for (const event of MEASURED_EVENTS) {
		socket.on(event, (payload: { request: { id: string } }) => {
			const arrived = nowMs();
			const key = sampleKey(target, event, payload.request.id);
			const list = samples.get(key);
			if (list) list.push(arrived);
			else samples.set(key, [arrived]);
		});
	}
	return new Promise((resolve, reject) => {
		socket.once('connect', () => resolve(socket));
		socket.once('connect_error', (error) => {
			socket.close();
			reject(error);
		});
	});
}

async function connectAll(command: Extract<ClientCommand, { op: 'connect' }>) {
	const open = sockets.get(command.target) ?? [];
	sockets.set(command.target, open);
	let next = 0;
	let failed = 0;
	let firstError: string | null = null;
	async function worker() {
		while (next < command.sockets.length) {
			const plan = command.sockets[next++]!; // next was just checked in range
			try {
				open.push(await openSocket(command.target, command.url, plan));
			} catch (error) {
				failed += 1;
				firstError ??= (error as Error).message;
			}
		}
	}
	await Promise.all(Array.from({ length: Math.min(command.concurrency, command.sockets.length) }, worker));
	reply({ id: command.id, op: 'connect', connected: open.length, failed, firstError, rssBytes: process.memoryUsage().rss });
}

process.on('message', (command: ClientCommand) => {
	void (async () => {
		try {
			if (command.op === 'connect') return await connectAll(command);
			if (command.op === 'disconnect') {
				for (const socket of sockets.get(command.target) ?? []) socket.close();
				sockets.delete(command.target);
				return reply({ id: command.id, op: 'disconnect' });
			}
			const collected = samples;
			samples = new Map();
			reply({ id: command.id, op: 'collect', samples: collected });
		} catch (error) {
			reply({ id: command.id, op: 'error', message: (error as Error).stack ?? String(error) });
		}
	})();
});
process.on('disconnect', () => process.exit(0));
