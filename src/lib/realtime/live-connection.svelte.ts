<<<<<<< HEAD
import { io, type Socket } from 'socket.io-client';
import { callApi } from '$lib/api/client';
import { EventSequencer } from './event-sequencer';
import type { CaughtUpEvent, ClientToServerEvents, DurableEventName, OnlinePresence, ServerToClientEvents, ViewingPresence } from './events';
=======
import { io } from 'socket.io-client';
import { LiveFeed, type ConnectionState, type FeedAudience } from './live-feed';
import type { CaughtUpEvent, OnlinePresence, ViewingPresence } from './events';
>>>>>>> wt/catchup

export type { ConnectionState } from './live-feed';

/** Enough for any live moment on one frame; a burst or a catch-up spreads over several. */
const EVENTS_PER_FRAME = 10;

export interface LiveConnectionOptions {
	/** The seq the page's data was read at; everything after it arrives live or by catch-up. */
	since: number;
	/** Who is signed in decides what a jump in seq means (see LiveFeed). */
	audience: FeedAudience;
	/** Receives events batched once per animation frame: in seq order for staff, by version for a volunteer. */
	onEvents(batch: CaughtUpEvent[]): void;
	onViewing?(presence: ViewingPresence): void;
	onOnline?(presence: OnlinePresence): void;
}

/**
 * The page's one live connection, for Svelte: its state as `$state`, the browser's online and
 * offline events, the sign-in page when the session ends, and event application paced by
 * animation frames. The socket and catch-up logic is LiveFeed's, which Node tests run too.
 */
export class LiveConnection {
	state = $state<ConnectionState>('reconnecting');
	#feed: LiveFeed | null = null;
	#batch: CaughtUpEvent[] = [];
	#flushScheduled = false;
	readonly options: LiveConnectionOptions;

	constructor(options: LiveConnectionOptions) {
		this.options = options;
	}

	get lastSeq(): number {
		return this.#feed?.lastSeq ?? this.options.since;
	}

	start(): void {
		const socket = io({
			path: '/socket.io',
			transports: ['websocket', 'polling'],
			reconnectionDelay: 500,
			reconnectionDelayMax: 5000
		});
		this.#feed = new LiveFeed({
			socket,
			fetch: (path, init) => fetch(path, init),
			audience: this.options.audience,
			since: this.lastSeq,
			onEvents: (events) => this.#enqueue(events),
			onState: (state) => (this.state = state),
			onViewing: (p) => this.options.onViewing?.(p),
			onOnline: (p) => this.options.onOnline?.(p),
			onSessionEnded: () => this.#signInAgain(),
			isOffline: () => navigator.onLine === false
		});
		this.#feed.start();
		window.addEventListener('online', this.#onDeviceOnline);
		window.addEventListener('offline', this.#onDeviceOffline);
	}

	stop(): void {
		this.#feed?.stop();
		window.removeEventListener('online', this.#onDeviceOnline);
		window.removeEventListener('offline', this.#onDeviceOffline);
	}

	/** Tells other dispatchers which request this one is looking at. */
	view(requestId: string | null): void {
		this.#feed?.view(requestId);
	}

	catchUp(): Promise<void> {
		return this.#feed?.catchUp() ?? Promise.resolve();
	}

	#onDeviceOnline = () => this.#feed?.deviceOnline();
	#onDeviceOffline = () => this.#feed?.deviceOffline();

	#signInAgain() {
		this.stop();
		window.location.href = `/login?next=${encodeURIComponent(window.location.pathname)}&ended=1`;
	}

<<<<<<< HEAD
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
					const answer = await callApi<CaughtUpEvent[]>('GET', `/api/events?after=${this.#sequencer.lastSeq}&limit=1000`);
					// The client has sent the reader to sign in again; nothing more to ask for here.
					if (!answer.ok && answer.status === 401) return this.stop();
					if (!answer.ok) throw new Error(`catch-up failed with ${answer.status}`);
					const events = answer.data;
					this.#enqueue(this.#sequencer.caughtUp(events, mark));
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

=======
>>>>>>> wt/catchup
	#enqueue(events: CaughtUpEvent[]) {
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
