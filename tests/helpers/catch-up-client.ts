import { io, type Socket } from 'socket.io-client';
import { EventSequencer } from '../../src/lib/realtime/event-sequencer';
import type { CaughtUpEvent, ClientToServerEvents, DurableEventName, ServerToClientEvents } from '../../src/lib/realtime/events';

const DURABLE: DurableEventName[] = ['request:created', 'request:updated', 'volunteer:updated', 'task:assigned', 'task:updated'];
const PAGE = 500;

/**
 * What the browser's LiveConnection does, outside a browser: a real socket.io client that
 * reconnects by itself, puts every event through the same EventSequencer, and on each
 * (re)connect or gap asks GET /api/events?after= for what it missed. It records every event
 * it applies, so a test can count losses and duplicates against the database.
 */
export class CatchUpClient {
	readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
	readonly applied: CaughtUpEvent[] = [];
	liveArrivals = 0;
	caughtUpArrivals = 0;
	catchUps = 0;
	#sequencer: EventSequencer;
	#catchingUp: Promise<void> | null = null;
	#askedAgain = false;
	#retry: ReturnType<typeof setTimeout> | null = null;
	#closed = false;

	/**
	 * `slowNetworkMs` delays each catch-up answer by up to that long, like a phone network
	 * would, so that live events keep arriving while a catch-up is on its way.
	 */
	constructor(
		readonly baseUrl: string,
		readonly cookie: string,
		since: number,
		readonly slowNetworkMs = 0
	) {
		this.#sequencer = new EventSequencer(since);
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
		this.socket.on('connect', () => void this.catchUp());
		// As LiveConnection: a handshake the server refused (e.g. `unavailable`) is retried by
		// hand, because socket.io only retries lost transports by itself.
		this.socket.on('connect_error', () => {
			if (!this.socket.active && !this.#closed) setTimeout(() => !this.#closed && !this.socket.connected && this.socket.connect(), 300);
		});
		this.socket.on('disconnect', (reason) => {
			if (reason === 'io server disconnect' && !this.#closed) setTimeout(() => !this.#closed && this.socket.connect(), 300);
		});
		for (const name of DURABLE) {
			this.socket.on(name, (data: { seq: number }) => {
				this.liveArrivals += 1;
				const { ready, needCatchUp } = this.#sequencer.receive({ seq: data.seq, event: name, data } as CaughtUpEvent);
				this.applied.push(...ready);
				if (needCatchUp) void this.catchUp();
			});
		}
	}

	get lastSeq(): number {
		return this.#sequencer.lastSeq;
	}

	/** The same loop as LiveConnection.catchUp: page until short and nothing is held. */
	catchUp(): Promise<void> {
		if (this.#catchingUp) {
			this.#askedAgain = true;
			return this.#catchingUp;
		}
		this.#catchingUp = (async () => {
			try {
				for (;;) {
					this.#askedAgain = false;
					const mark = this.#sequencer.startCatchUp();
					const response = await fetch(`${this.baseUrl}/api/events?after=${this.#sequencer.lastSeq}&limit=${PAGE}`, {
						headers: { cookie: this.cookie }
					});
					if (!response.ok) throw new Error(`catch-up answered ${response.status}`);
					const events = (await response.json()) as CaughtUpEvent[];
					if (this.slowNetworkMs) await new Promise((resolve) => setTimeout(resolve, Math.random() * this.slowNetworkMs));
					this.catchUps += 1;
					this.caughtUpArrivals += events.length;
					this.applied.push(...this.#sequencer.caughtUp(events, mark, events.length < PAGE));
					if (events.length < PAGE && !this.#sequencer.holding && !this.#askedAgain) break;
				}
			} catch {
				// The server is away: the reconnect asks again; so does this timer, in case of a gap.
				if (!this.#closed) this.#retry = setTimeout(() => void this.catchUp(), 200);
			} finally {
				this.#catchingUp = null;
			}
		})();
		return this.#catchingUp;
	}

	close(): void {
		this.#closed = true;
		if (this.#retry) clearTimeout(this.#retry);
		this.socket.disconnect();
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
		from = page[page.length - 1].seq;
	}
}
