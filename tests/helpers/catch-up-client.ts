import { io, type Socket } from 'socket.io-client';
import { DURABLE_EVENTS, LiveFeed } from '../../src/lib/realtime/live-feed';
import type { CaughtUpEvent, ClientToServerEvents, ServerToClientEvents } from '../../src/lib/realtime/events';

const PAGE = 500;

export interface CatchUpClientOptions {
	/**
	 * Delays each catch-up answer by up to that long, like a phone network would, so that live
	 * events keep arriving while a catch-up is on its way.
	 */
	slowNetworkMs?: number;
}

/**
 * The browser's live feed (LiveFeed, the very module its LiveConnection runs) outside a browser:
 * a real socket.io client that reconnects by itself and a fetch that carries the session cookie.
 * It records what the feed hands on to apply, and counts what it heard and what it asked.
 */
export class CatchUpClient {
	readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
	readonly feed: LiveFeed;
	readonly applied: CaughtUpEvent[] = [];
	liveArrivals = 0;
	caughtUpArrivals = 0;
	/** GET /api/events requests sent, answered or not. */
	catchUpRequests = 0;
	connects = 0;

	constructor(
		readonly baseUrl: string,
		readonly cookie: string,
		since: number,
		options: CatchUpClientOptions = {}
	) {
		this.socket = io(baseUrl, {
			path: '/socket.io',
			transports: ['websocket'],
			extraHeaders: { cookie },
			reconnection: true,
			reconnectionDelay: 50,
			reconnectionDelayMax: 400,
			randomizationFactor: 0.5,
			forceNew: true
		});
		this.socket.on('connect', () => (this.connects += 1));
		for (const name of DURABLE_EVENTS) this.socket.on(name, () => (this.liveArrivals += 1));
		const slowNetworkMs = options.slowNetworkMs ?? 0;
		this.feed = new LiveFeed({
			socket: this.socket,
			since,
			pageSize: PAGE,
			timing: { reconnectMs: 300, refusedMs: 150, catchUpRetryMs: 200 },
			onEvents: (events) => this.applied.push(...events),
			fetch: async (path, init) => {
				this.catchUpRequests += 1;
				const response = await fetch(`${baseUrl}${path}`, { headers: { ...init.headers, cookie } });
				if (slowNetworkMs) await new Promise((resolve) => setTimeout(resolve, Math.random() * slowNetworkMs));
				return {
					ok: response.ok,
					status: response.status,
					json: async () => {
						const events = (await response.json()) as CaughtUpEvent[];
						this.caughtUpArrivals += events.length;
						return events;
					}
				};
			}
		});
		this.feed.start();
	}

	get lastSeq(): number {
		return this.feed.lastSeq;
	}

	catchUp(): Promise<void> {
		return this.feed.catchUp();
	}

	close(): void {
		this.feed.stop();
	}
}

/** Every event this cookie may see after `after`, paged, straight from the server. */
export async function allEventsAfter(baseUrl: string, cookie: string, after: number): Promise<CaughtUpEvent[]> {
	const all: CaughtUpEvent[] = [];
	let from = after;
	for (;;) {
		const response = await fetch(`${baseUrl}/api/events?after=${from}&limit=${PAGE}`, { headers: { cookie } });
		if (!response.ok) throw new Error(`events answered ${response.status}`);
		const page = (await response.json()) as CaughtUpEvent[];
		all.push(...page);
		if (page.length < PAGE) return all;
		from = page[page.length - 1]!.seq;
	}
}
