// The live connection's logic, free of the DOM so that Node tests run the very code the browser
// runs: socket.io for speed, the events table for certainty.
import type { Socket } from 'socket.io-client';
import { SnapshotSequencer } from './snapshot-sequencer';
import type {
	CaughtUpEvent,
	ClientToServerEvents,
	DurableEventName,
	OnlinePresence,
	ServerToClientEvents,
	ViewingPresence
} from './events';

export type ConnectionState = 'connected' | 'reconnecting' | 'offline';

export const DURABLE_EVENTS: DurableEventName[] = [
	'request:created',
	'request:updated',
	'volunteer:updated',
	'task:assigned',
	'task:updated',
	'team:request',
	'service:updated',
	'team:updated',
	'report:updated'
];

export type FeedSocket = Pick<
	Socket<ServerToClientEvents, ClientToServerEvents>,
	'connected' | 'active' | 'on' | 'connect' | 'disconnect' | 'emit'
>;

/** What the feed needs of `fetch` for a same-origin path: the browser's own, or Node's with a base URL and cookie. */
export type FetchLike = (
	path: string,
	init: { headers: Record<string, string> }
) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

export interface LiveFeedTiming {
	/** After the server closed the socket on purpose. */
	reconnectMs: number;
	/** First wait after a refused handshake; it doubles, up to ten times this. */
	refusedMs: number;
	/** After a catch-up that failed while the socket stayed up. */
	catchUpRetryMs: number;
	/**
	 * How long a connected feed goes without asking. A live event lost between nodes while the
	 * socket stayed up leaves no trace here (nobody hears every seq, so there is no gap to see);
	 * this quiet catch-up finds it.
	 */
	sweepMs: number;
}

export interface LiveFeedOptions {
	socket: FeedSocket;
	fetch: FetchLike;
	/** The seq the page's data was read at; everything after it arrives live or by catch-up. */
	since: number;
	/** Receives what to apply, as soon as it is known. */
	onEvents(events: CaughtUpEvent[]): void;
	onState?(state: ConnectionState): void;
	onViewing?(presence: ViewingPresence): void;
	onOnline?(presence: OnlinePresence): void;
	/** The session is gone (signed out, password changed, expired); the feed has stopped. */
	onSessionEnded?(): void;
	/** Whether the device says it has no network. */
	isOffline?(): boolean;
	/** Events per catch-up page (the server allows up to 5,000). */
	pageSize?: number;
	timing?: Partial<LiveFeedTiming>;
}

const DEFAULT_TIMING: LiveFeedTiming = { reconnectMs: 1000, refusedMs: 500, catchUpRetryMs: 2000, sweepMs: 60_000 };

/**
 * Owns the seq bookkeeping and the catch-up loop. On every (re)connect it asks
 * `/api/events?after=` for what it missed, page by page until a short page, and again once a
 * minute while connected; live events apply as they come (see SnapshotSequencer).
 */
export class LiveFeed {
	#options: LiveFeedOptions;
	#socket: FeedSocket;
	#sequencer: SnapshotSequencer;
	#timing: LiveFeedTiming;
	#pageSize: number;
	#catchingUp: Promise<void> | null = null;
	/** Set when a catch-up is asked for while one is on its way; see catchUp(). */
	#askedAgain = false;
	#failedAttempts = 0;
	#stopped = false;
	#timers = new Set<ReturnType<typeof setTimeout>>();
	#sweep: ReturnType<typeof setTimeout> | null = null;

	constructor(options: LiveFeedOptions) {
		this.#options = options;
		this.#socket = options.socket;
		this.#sequencer = new SnapshotSequencer(options.since);
		this.#timing = { ...DEFAULT_TIMING, ...options.timing };
		this.#pageSize = options.pageSize ?? 1000;
	}

	get lastSeq(): number {
		return this.#sequencer.lastSeq;
	}

	start(): void {
		const socket = this.#socket;
		socket.on('connect', () => {
			this.#failedAttempts = 0;
			this.#setState('connected');
			void this.catchUp();
		});
		socket.on('disconnect', (reason) => {
			this.#markDown();
			// socket.io does not retry after the server closed the socket on purpose; we do,
			// and a session that really ended is refused with `unauthenticated`.
			if (reason === 'io server disconnect') this.#later(this.#timing.reconnectMs, () => socket.connect());
		});
		socket.on('connect_error', (error) => {
			if (error.message === 'unauthenticated') return this.#end();
			this.#failedAttempts += 1;
			this.#markDown();
			// Refused by the server (say `unavailable` while its database is away): socket.io
			// does not retry that by itself, so we do, backing off.
			if (!socket.active) {
				const delay = Math.min(10 * this.#timing.refusedMs, this.#timing.refusedMs * 2 ** Math.min(this.#failedAttempts, 4));
				this.#later(delay, () => !socket.connected && socket.connect());
			}
		});
		socket.on('session:ended', () => this.#end());
		for (const name of DURABLE_EVENTS) {
			socket.on(name, (data: { seq: number }) => this.#receive({ seq: data.seq, event: name, data } as CaughtUpEvent));
		}
		socket.on('presence:viewing', (p) => this.#options.onViewing?.(p));
		socket.on('presence:online', (p) => this.#options.onOnline?.(p));
		if (socket.connected) {
			this.#setState('connected');
			void this.catchUp();
		}
	}

	stop(): void {
		this.#stopped = true;
		for (const timer of this.#timers) clearTimeout(timer);
		this.#timers.clear();
		this.#socket.disconnect();
	}

	/** Tells other dispatchers which request this one is looking at. */
	view(requestId: string | null): void {
		this.#socket.emit('presence:view', requestId);
	}

	/**
	 * The device says it is back online. A short blip may never have dropped the socket: then
	 * no 'connect' follows, so say connected here (and catch up, in case something slipped by).
	 */
	deviceOnline(): void {
		if (this.#stopped) return;
		if (this.#socket.connected) {
			this.#setState('connected');
			void this.catchUp();
		} else this.#socket.connect();
	}

	deviceOffline(): void {
		this.#setState('offline');
	}

	/** Fetches everything after the last processed seq, page by page, and hands it on. */
	catchUp(): Promise<void> {
		// A reconnect while a request is on its way may follow events that request was sent too
		// early to include, and nothing else would ask for them: so it earns one more round.
		if (this.#catchingUp) {
			this.#askedAgain = true;
			return this.#catchingUp;
		}
		this.#catchingUp = this.#catchUpRounds().finally(() => (this.#catchingUp = null));
		return this.#catchingUp;
	}

	async #catchUpRounds(): Promise<void> {
		try {
			for (;;) {
				if (this.#stopped) return;
				this.#askedAgain = false;
				const mark = this.#sequencer.startCatchUp();
				const response = await this.#options.fetch(`/api/events?after=${this.#sequencer.lastSeq}&limit=${this.#pageSize}`, {
					headers: { accept: 'application/json' }
				});
				if (response.status === 401) return this.#end();
				if (!response.ok) throw new Error(`catch-up failed with ${response.status}`);
				const events = (await response.json()) as CaughtUpEvent[];
				if (this.#stopped) return;
				const complete = events.length < this.#pageSize;
				this.#emit(this.#sequencer.caughtUp(events, mark, complete));
				// A full page, or a reconnect while we asked: ask again.
				if (complete && !this.#askedAgain) return this.#sweepLater();
			}
		} catch {
			// Nothing was marked processed that was not. While the socket is down its next
			// 'connect' asks again; while it is up nothing else would.
			this.#later(this.#timing.catchUpRetryMs, () => this.#socket.connected && void this.catchUp());
		}
	}

	#sweepLater() {
		if (this.#sweep) {
			clearTimeout(this.#sweep);
			this.#timers.delete(this.#sweep);
		}
		this.#sweep = this.#later(this.#timing.sweepMs, () => this.#socket.connected && void this.catchUp());
	}

	#receive(event: CaughtUpEvent) {
		this.#emit(this.#sequencer.receive(event));
	}

	#emit(events: CaughtUpEvent[]) {
		if (events.length && !this.#stopped) this.#options.onEvents(events);
	}

	#markDown() {
		this.#setState(this.#options.isOffline?.() || this.#failedAttempts >= 3 ? 'offline' : 'reconnecting');
	}

	#setState(state: ConnectionState) {
		if (!this.#stopped) this.#options.onState?.(state);
	}

	#end() {
		if (this.#stopped) return;
		this.stop();
		this.#options.onSessionEnded?.();
	}

	#later(ms: number, run: () => void) {
		const timer = setTimeout(() => {
			this.#timers.delete(timer);
			if (!this.#stopped) run();
		}, ms);
		this.#timers.add(timer);
		return timer;
	}
}
