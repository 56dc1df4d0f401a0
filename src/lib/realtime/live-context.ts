import { getContext, setContext } from 'svelte';
import type { LiveConnection } from './live-connection.svelte';
import type { CaughtUpEvent, OnlinePresence, ViewingPresence } from './events';

/** What a page may do with the layout's one live connection. */
export interface LiveChannel {
	readonly connection: LiveConnection;
	onEvents(listener: (batch: CaughtUpEvent[]) => void): () => void;
	onViewing(listener: (presence: ViewingPresence) => void): () => void;
	onOnline(listener: (presence: OnlinePresence) => void): () => void;
}

const KEY = Symbol('live');

export function setLiveChannel(channel: LiveChannel): void {
	setContext(KEY, channel);
}

export function useLiveChannel(): LiveChannel {
	return getContext<LiveChannel>(KEY);
}

/** A tiny listener list: add returns its own remover. */
export class Listeners<T> {
	#set = new Set<(value: T) => void>();
	add(listener: (value: T) => void): () => void {
		this.#set.add(listener);
		return () => this.#set.delete(listener);
	}
	emit(value: T): void {
		for (const listener of this.#set) listener(value);
	}
}
