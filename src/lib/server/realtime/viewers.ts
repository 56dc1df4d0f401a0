import type { ViewingPresence } from '../../realtime/events';

interface Viewer {
	userId: string;
	name: string;
}

/**
 * Who is looking at which request right now, per socket. Each change returns the requests
 * whose viewer list changed, so only those are announced.
 */
export class ViewerRegistry {
	#viewing = new Map<string, { requestId: string; viewer: Viewer }>();

	view(socketId: string, viewer: Viewer, requestId: string | null): ViewingPresence[] {
		const before = this.#viewing.get(socketId)?.requestId ?? null;
		if (before === requestId) return [];
		if (requestId) this.#viewing.set(socketId, { requestId, viewer });
		else this.#viewing.delete(socketId);
		return [before, requestId].filter((id): id is string => id !== null).map((id) => this.viewersOf(id));
	}

	viewersOf(requestId: string): ViewingPresence {
		const seen = new Map<string, Viewer>();
		for (const entry of this.#viewing.values()) {
			if (entry.requestId === requestId) seen.set(entry.viewer.userId, entry.viewer);
		}
		return { requestId, viewers: [...seen.values()] };
	}
}
