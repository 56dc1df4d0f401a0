import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveFeed, type ConnectionState, type FeedSocket, type FetchLike } from './live-feed';
import type { CaughtUpEvent } from './events';

/** Stands in for a socket.io-client socket: `fire` is the server speaking. */
class FakeSocket {
	connected = false;
	active = true;
	sent: unknown[][] = [];
	#handlers = new Map<string, ((...args: unknown[]) => void)[]>();
	on(name: string, handler: (...args: unknown[]) => void) {
		this.#handlers.set(name, [...(this.#handlers.get(name) ?? []), handler]);
		return this;
	}
	fire(name: string, ...args: unknown[]) {
		if (name === 'connect') this.connected = true;
		if (name === 'disconnect') this.connected = false;
		for (const handler of this.#handlers.get(name) ?? []) handler(...args);
	}
	connect = vi.fn(() => this);
	disconnect = vi.fn(() => this);
	emit(...args: unknown[]) {
		this.sent.push(args);
		return this;
	}
}

/** Answers each catch-up from `pages`, in turn; remembers what was asked. */
function fakeFetch(pages: (CaughtUpEvent[] | number)[]) {
	const asked: string[] = [];
	const fetch: FetchLike = async (path) => {
		asked.push(path);
		const page = pages.shift() ?? [];
		if (typeof page === 'number') return { ok: false, status: page, json: async () => ({}) };
		return { ok: true, status: 200, json: async () => page };
	};
	return { fetch, asked };
}

const task = (seq: number, id: string, version: number): CaughtUpEvent =>
	({ seq, event: 'task:updated', data: { seq, request: { id, version } } }) as unknown as CaughtUpEvent;
const created = (seq: number): CaughtUpEvent =>
	({ seq, event: 'request:created', data: { seq, request: { id: `r${seq}`, version: 1 } } }) as unknown as CaughtUpEvent;
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function feedFor(pages: (CaughtUpEvent[] | number)[], pageSize = 1000) {
	const socket = new FakeSocket();
	const { fetch, asked } = fakeFetch(pages);
	const applied: number[] = [];
	const states: ConnectionState[] = [];
	const ended = vi.fn();
	const feed = new LiveFeed({
		socket: socket as unknown as FeedSocket,
		fetch,
		since: 10,
		pageSize,
		onEvents: (events) => applied.push(...events.map((e) => e.seq)),
		onState: (state) => states.push(state),
		onSessionEnded: ended
	});
	feed.start();
	return { feed, socket, asked, applied, states, ended };
}
/** The server sends a live event as socket.io would: the payload alone. */
const live = (socket: FakeSocket, event: CaughtUpEvent) => socket.fire(event.event, event.data);

describe('LiveFeed', () => {
	it('catches up on connect, page by page until a short page', async () => {
		const { socket, asked, applied, states } = feedFor([[created(11), created(12)], [created(13)]], 2);
		socket.fire('connect');
		await flush();
		expect(states).toEqual(['connected']);
		expect(asked).toEqual(['/api/events?after=10&limit=2', '/api/events?after=12&limit=2']);
		expect(applied).toEqual([11, 12, 13]);
	});

	it('applies events as they come, however far seq jumps, and asks again when the socket reconnects', async () => {
		const { socket, asked, applied } = feedFor([[], [task(35, 'b', 2), task(40, 'a', 2)]]);
		socket.fire('connect');
		await flush();
		live(socket, task(40, 'a', 2));
		live(socket, task(700, 'a', 3));
		live(socket, task(25, 'a', 1));
		expect(applied).toEqual([40, 700]);
		expect(asked).toHaveLength(1);
		// Offered task b (seq 35) was still on its way from another node when the socket dropped.
		socket.fire('disconnect', 'transport close');
		socket.fire('connect');
		await flush();
		expect(asked).toEqual(['/api/events?after=10&limit=1000', '/api/events?after=10&limit=1000']);
		expect(applied).toEqual([40, 700, 35]);
	});

	it('asks once more when the socket reconnects while a catch-up is on its way', async () => {
		const { socket, asked } = feedFor([[], []]);
		socket.fire('connect');
		socket.fire('disconnect', 'transport close');
		socket.fire('connect');
		await flush();
		expect(asked).toHaveLength(2);
	});

	it('retries a failed catch-up while the socket stays up', async () => {
		vi.useFakeTimers();
		try {
			const { socket, asked, applied } = feedFor([503, [task(20, 'a', 2)]]);
			socket.fire('connect');
			await vi.advanceTimersByTimeAsync(0);
			expect(asked).toHaveLength(1);
			await vi.advanceTimersByTimeAsync(2000);
			expect(asked).toHaveLength(2);
			expect(applied).toEqual([20]);
		} finally {
			vi.useRealTimers();
		}
	});

	it('stops and says so when the session ends, by a catch-up answered 401 or by the server', async () => {
		const byAnswer = feedFor([401]);
		byAnswer.socket.fire('connect');
		await flush();
		expect(byAnswer.ended).toHaveBeenCalledOnce();
		expect(byAnswer.socket.disconnect).toHaveBeenCalled();

		const byServer = feedFor([]);
		byServer.socket.fire('session:ended');
		expect(byServer.ended).toHaveBeenCalledOnce();
		const refused = feedFor([]);
		refused.socket.fire('connect_error', new Error('unauthenticated'));
		expect(refused.ended).toHaveBeenCalledOnce();
	});

	it('asks again after a quiet minute, finding an event lost between nodes while the socket stayed up', async () => {
		vi.useFakeTimers();
		try {
			const { socket, asked, applied } = feedFor([[], [created(11)], []]);
			socket.fire('connect');
			await vi.advanceTimersByTimeAsync(0);
			live(socket, created(12));
			await vi.advanceTimersByTimeAsync(59_000);
			expect(asked).toHaveLength(1);
			await vi.advanceTimersByTimeAsync(1000);
			expect(asked).toEqual(['/api/events?after=10&limit=1000', '/api/events?after=10&limit=1000']);
			expect(applied).toEqual([12, 11]);
			// Each catch-up puts the next one a minute off; a dropped socket asks on its reconnect.
			socket.fire('disconnect', 'transport close');
			await vi.advanceTimersByTimeAsync(60_000);
			expect(asked).toHaveLength(2);
		} finally {
			vi.useRealTimers();
		}
	});

	describe('connection state', () => {
		beforeEach(() => vi.useFakeTimers());
		afterEach(() => vi.useRealTimers());

		it('is reconnecting after a drop, offline after three refusals, and retries a refused handshake', async () => {
			const { socket, states } = feedFor([[], []]);
			socket.fire('connect');
			socket.fire('disconnect', 'transport close');
			expect(states.at(-1)).toBe('reconnecting');
			socket.active = false;
			for (let i = 0; i < 3; i++) socket.fire('connect_error', new Error('unavailable'));
			expect(states.at(-1)).toBe('offline');
			await vi.advanceTimersByTimeAsync(5000);
			expect(socket.connect).toHaveBeenCalled();
		});

		it('reconnects by itself after the server closed the socket on purpose', async () => {
			const { socket } = feedFor([]);
			socket.fire('connect');
			socket.fire('disconnect', 'io server disconnect');
			await vi.advanceTimersByTimeAsync(1000);
			expect(socket.connect).toHaveBeenCalledOnce();
		});

		it('follows the device going offline and back, catching up if the socket never dropped', async () => {
			const { feed, socket, states, asked } = feedFor([[], []]);
			socket.fire('connect');
			await vi.advanceTimersByTimeAsync(0);
			feed.deviceOffline();
			expect(states.at(-1)).toBe('offline');
			feed.deviceOnline();
			await vi.advanceTimersByTimeAsync(0);
			expect(states.at(-1)).toBe('connected');
			expect(asked).toHaveLength(2);
		});
	});

	it('passes presence on and sends which request a dispatcher views', () => {
		const socket = new FakeSocket();
		const viewing = vi.fn();
		const online = vi.fn();
		const feed = new LiveFeed({
			socket: socket as unknown as FeedSocket,
			fetch: fakeFetch([]).fetch,
			since: 0,
			onEvents: () => {},
			onViewing: viewing,
			onOnline: online
		});
		feed.start();
		socket.fire('presence:viewing', { requestId: 'r1', viewers: [] });
		socket.fire('presence:online', { volunteerId: 'v1', online: true });
		feed.view('r1');
		expect(viewing).toHaveBeenCalledWith({ requestId: 'r1', viewers: [] });
		expect(online).toHaveBeenCalledWith({ volunteerId: 'v1', online: true });
		expect(socket.sent).toEqual([['presence:view', 'r1']]);
	});
});
