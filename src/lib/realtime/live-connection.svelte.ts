import { io } from 'socket.io-client';
import { callApi, signInAgainHref } from '../api/client';
import { LiveFeed, type ConnectionState } from './live-feed';
import type { CaughtUpEvent, OnlinePresence, ViewingPresence } from './events';

export type { ConnectionState } from './live-feed';

/** Enough for any live moment on one frame; a burst or a catch-up spreads over several. */
const EVENTS_PER_FRAME = 10;

export interface LiveConnectionOptions {
	/** The seq the page's data was read at; everything after it arrives live or by catch-up. */
	since: number;
	/** Receives events batched once per animation frame, each a newer snapshot of its thing (see SnapshotSequencer). */
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
			// Through the one API client, so a 503 raises the banner and a 401 goes to sign-in.
			fetch: async (path) => {
				const result = await callApi<unknown>('GET', path);
				return { ok: result.ok, status: result.status, json: async () => (result.ok ? result.data : null) };
			},
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
		const href = signInAgainHref({ method: 'GET', path: '/socket.io', status: 401 }, window.location);
		if (href) window.location.href = href;
	}

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
