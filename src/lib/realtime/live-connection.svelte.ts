import { io, type Socket } from 'socket.io-client';
import { EventSequencer } from './event-sequencer';
import type { CaughtUpEvent, ClientToServerEvents, DurableEventName, OnlinePresence, ServerToClientEvents, ViewingPresence } from './events';

export type ConnectionState = 'connected' | 'reconnecting' | 'offline';

const DURABLE_EVENTS: DurableEventName[] = ['request:created', 'request:updated', 'volunteer:updated', 'task:assigned', 'task:updated'];
/** Enough for any live moment on one frame; a burst or a catch-up spreads over several. */
const EVENTS_PER_FRAME = 10;

export interface LiveConnectionOptions {
	/** The seq the page's data was read at; everything after it arrives live or by catch-up. */
	since: number;
	/** Receives events in seq order, batched once per animation frame. */
	onEvents(batch: CaughtUpEvent[]): void;
	onViewing?(presence: ViewingPresence): void;
	onOnline?(presence: OnlinePresence): void;
}

/**
 * The page's one live connection: socket.io for speed, the events table for certainty.
 * On every (re)connect and on any gap in seq it asks `/api/events?after=` for what it missed.
 */
export class LiveConnection {
	state = $state<ConnectionState>('reconnecting');
	#socket: Socket<ServerToClientEvents, ClientToServerEvents> | null = null;
	#sequencer: EventSequencer;
	#batch: CaughtUpEvent[] = [];
	#flushScheduled = false;
	#catchingUp: Promise<void> | null = null;
	/** Set when a catch-up is asked for while one is on its way; see catchUp(). */
	#askedAgain = false;
	#failedAttempts = 0;
	readonly options: LiveConnectionOptions;

	constructor(options: LiveConnectionOptions) {
		this.options = options;
		this.#sequencer = new EventSequencer(options.since);
	}

	get lastSeq(): number {
		return this.#sequencer.lastSeq;
	}

	start(): void {
		const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({
			path: '/socket.io',
			transports: ['websocket', 'polling'],
			reconnectionDelay: 500,
			reconnectionDelayMax: 5000
		});
		this.#socket = socket;
		socket.on('connect', () => {
			this.#failedAttempts = 0;
			this.state = 'connected';
			void this.catchUp();
		});
		socket.on('disconnect', (reason) => {
			this.#markDown();
			// socket.io does not retry after the server closed the socket on purpose; we do,
			// and a session that really ended is refused with `unauthenticated`.
			if (reason === 'io server disconnect') setTimeout(() => this.#socket === socket && socket.connect(), 1000);
		});
		socket.on('connect_error', (error) => {
			if (error.message === 'unauthenticated') return this.#signInAgain();
			this.#failedAttempts += 1;
			this.#markDown();
			// Refused by the server (say `unavailable` while its database is away): socket.io
			// does not retry that by itself, so we do, backing off up to the usual 5 s.
			if (!socket.active) {
				const delay = Math.min(5000, 500 * 2 ** Math.min(this.#failedAttempts, 4));
				setTimeout(() => this.#socket === socket && !socket.connected && socket.connect(), delay);
			}
		});
		socket.on('session:ended', () => this.#signInAgain());
		for (const name of DURABLE_EVENTS) {
			socket.on(name, (data: { seq: number }) => this.#receive({ seq: data.seq, event: name, data } as CaughtUpEvent));
		}
		socket.on('presence:viewing', (p) => this.options.onViewing?.(p));
		socket.on('presence:online', (p) => this.options.onOnline?.(p));
		window.addEventListener('online', this.#onBrowserOnline);
		window.addEventListener('offline', this.#onBrowserOffline);
	}

	stop(): void {
		this.#socket?.disconnect();
		this.#socket = null;
		window.removeEventListener('online', this.#onBrowserOnline);
		window.removeEventListener('offline', this.#onBrowserOffline);
	}

	/** Tells other dispatchers which request this one is looking at. */
	view(requestId: string | null): void {
		this.#socket?.emit('presence:view', requestId);
	}

	#onBrowserOnline = () => {
		const socket = this.#socket;
		if (!socket) return;
		// A short network blip may never have dropped the socket: then no 'connect' follows,
		// so say connected here (and catch up, in case something slipped by).
		if (socket.connected) {
			this.state = 'connected';
			void this.catchUp();
		} else socket.connect();
	};
	#onBrowserOffline = () => (this.state = 'offline');

	#markDown() {
		const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
		this.state = offline || this.#failedAttempts >= 3 ? 'offline' : 'reconnecting';
	}

	#signInAgain() {
		this.stop();
		window.location.href = `/login?next=${encodeURIComponent(window.location.pathname)}&ended=1`;
	}

	#receive(event: CaughtUpEvent) {
		const { ready, needCatchUp } = this.#sequencer.receive(event);
		this.#enqueue(ready);
		if (needCatchUp) void this.catchUp();
	}

	/** Fetches everything after the last applied seq, page by page, and releases it in order. */
	catchUp(): Promise<void> {
		// A reconnect while a request is on its way may follow events that request was sent too
		// early to include, and nothing else would ask for them: so it earns one more round.
		if (this.#catchingUp) {
			this.#askedAgain = true;
			return this.#catchingUp;
		}
		this.#catchingUp = (async () => {
			try {
				for (;;) {
					this.#askedAgain = false;
					const mark = this.#sequencer.startCatchUp();
					const response = await fetch(`/api/events?after=${this.#sequencer.lastSeq}&limit=1000`, {
						headers: { accept: 'application/json' }
					});
					if (response.status === 401) return this.#signInAgain();
					if (!response.ok) throw new Error(`catch-up failed with ${response.status}`);
					const events = (await response.json()) as CaughtUpEvent[];
					this.#enqueue(this.#sequencer.caughtUp(events, mark, events.length < 1000));
					// A full page, or an event that came in while we asked: ask again.
					if (events.length < 1000 && !this.#sequencer.holding && !this.#askedAgain) break;
				}
			} catch {
				// The next reconnect or event tries again; nothing is marked applied that was not.
				setTimeout(() => this.#sequencer.holding && void this.catchUp(), 2000);
			} finally {
				this.#catchingUp = null;
			}
		})();
		return this.#catchingUp;
	}

	#enqueue(events: CaughtUpEvent[]) {
		if (events.length === 0) return;
		this.#batch.push(...events);
		this.#scheduleFlush();
	}

	/**
	 * Applies at most EVENTS_PER_FRAME events a frame: a burst of a hundred then costs several
	 * short frames, not one long one that freezes the board (a catch-up drains the same way).
	 */
	#scheduleFlush() {
		if (this.#flushScheduled) return;
		this.#flushScheduled = true;
		// Animation frames pause in background tabs, and a volunteer's tab must still ring.
		const schedule = document.visibilityState === 'visible' ? requestAnimationFrame : (fn: () => void) => setTimeout(fn, 0);
		schedule(() => {
			this.#flushScheduled = false;
			const slice = this.#batch.splice(0, EVENTS_PER_FRAME);
			this.options.onEvents(slice);
			if (this.#batch.length) this.#scheduleFlush();
		});
	}
}
