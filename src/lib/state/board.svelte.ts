import { SvelteMap } from 'svelte/reactivity';
import type { RequestView, VolunteerView } from '$lib/api/types';
import type { CaughtUpEvent, ViewingPresence } from '$lib/realtime/events';
import { isActiveStatus, type RequestType } from '$lib/dispatch/vocabulary';
import { compareByDeadline, compareQueue, type QueueSort } from '$lib/dispatch/queue-order';
import { countByCommunity, countByStatus, type ActiveStatus } from '$lib/components/dispatch/board-scope';
import { newAttention } from '$lib/dispatch/attention';

/** What a batch of live events brought that the dispatcher should hear of. */
export interface BoardNews {
	/** Requests that gained an attention code they did not have: the board rings once for them. */
	needAttention: RequestView[];
	/** The request the dispatcher was looking at, completed or cancelled by someone else. */
	finishedWhileViewed: RequestView | null;
}

/**
 * The dispatcher's live picture: active requests and volunteers, kept current by applying
 * events in seq order. Each event carries a full snapshot with its version, so replaying an
 * event the page already reflects changes nothing.
 */
export class BoardState {
	requests = new SvelteMap<string, RequestView>();
	volunteers = new SvelteMap<string, VolunteerView>();
	/** Who else is looking at which request, by request id. */
	viewers = new SvelteMap<string, ViewingPresence['viewers']>();
	selectedId = $state<string | null>(null);
	typeFilter = $state<RequestType | null>(null);
	statusFilter = $state<ActiveStatus | null>(null);
	/** One community of a street's or the county's board; null shows the whole scope. */
	communityFilter = $state<string | null>(null);
	search = $state('');
	/** Only the requests that need attention (dispatch/attention.ts). */
	attentionOnly = $state(false);
	/** The queue's order: what needs hands first, or the deadline in play. */
	sortBy = $state<QueueSort>('priority');
	/**
	 * Ids that arrived or changed live (not in the first load), so their rows flash. Plain, not
	 * reactive: a row reads it once when it appears, and otherwise flashes on a version change.
	 */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- not reactive on purpose (see above)
	readonly changedLive = new Set<string>();

	#buildingNames: Map<string, string>;
	#communityIds: readonly string[] = [];

	/** `communityIds`: the communities of the user's scope, in the order the board lists them. */
	constructor(
		requests: RequestView[],
		volunteers: VolunteerView[],
		buildingNames: Map<string, string>,
		communityIds: readonly string[] = []
	) {
		this.#buildingNames = buildingNames;
		this.#communityIds = communityIds;
		for (const r of requests) this.requests.set(r.id, withAttention(r));
		for (const v of volunteers) this.volunteers.set(v.id, v);
	}

	readonly all = $derived([...this.requests.values()].sort(compareQueue));

	/** The active requests of the chosen community (of the whole scope without one): what the map and the status counts show. */
	readonly inCommunity = $derived.by(() => {
		const chosen = this.communityFilter;
		return chosen ? this.all.filter((r) => r.communityId === chosen) : this.all;
	});

	readonly counts = $derived(countByStatus(this.inCommunity));

	/** How many requests of the chosen community need attention: the filter's count. */
	readonly attentionCount = $derived(this.inCommunity.filter((r) => r.attention.length > 0).length);

	/** Each community's counts, whatever community is chosen, so a coordinator sees where work waits. */
	readonly countsByCommunity = $derived(countByCommunity(this.requests.values(), this.#communityIds));

	/** The volunteers of the chosen community, or of the whole scope. */
	readonly volunteersShown = $derived.by(() => {
		const chosen = this.communityFilter;
		const all = [...this.volunteers.values()];
		return chosen ? all.filter((v) => v.communityId === chosen) : all;
	});

	/** The queue as filtered by community, type, status and the search box (building, unit, description). */
	readonly queue = $derived.by(() => {
		const needle = this.search.trim().toLowerCase();
		const shown = this.inCommunity.filter(
			(r) =>
				(!this.typeFilter || r.type === this.typeFilter) &&
				(!this.statusFilter || r.status === this.statusFilter) &&
				(!this.attentionOnly || r.attention.length > 0) &&
				(!needle ||
					`${this.#buildingNames.get(r.buildingId) ?? ''} ${r.unit} ${r.description} ${r.contactName ?? ''}`.toLowerCase().includes(needle))
		);
		// `all` is in priority order already, and filtering keeps it.
		return this.sortBy === 'deadline' ? shown.sort(compareByDeadline) : shown;
	});

	readonly selected = $derived(this.selectedId ? (this.requests.get(this.selectedId) ?? null) : null);

	/** Grows with every volunteer change (duty, position, workload): what a ranking depends on. */
	volunteerChanges = $state(0);

	/** Requests this board is finishing itself (its own cancel): their end is no news to it. */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, never rendered
	readonly #finishingHere = new Set<string>();

	/** Says the board itself is about to finish this request; `done` when the call returned. */
	finishing(id: string): { done: () => void } {
		this.#finishingHere.add(id);
		return { done: () => this.#finishingHere.delete(id) };
	}

	/**
	 * Applies events in order. Live ones (seq > 0; the page applies its own answers with seq 0)
	 * may be news: a request newly needing attention, or the one being looked at finished elsewhere.
	 */
	apply(batch: CaughtUpEvent[]): BoardNews {
		const news: BoardNews = { needAttention: [], finishedWhileViewed: null };
		for (const message of batch) {
			if (message.event === 'request:created' || message.event === 'request:updated') {
				const incoming = withAttention(message.data.request);
				const before = this.requests.get(incoming.id);
				const viewed = this.selectedId === incoming.id;
				if (!this.#upsertRequest(incoming)) continue;
				this.changedLive.add(incoming.id);
				if (message.seq <= 0) continue;
				if (isActiveStatus(incoming.status) && newAttention(before?.attention, incoming.attention).length)
					news.needAttention.push(incoming);
				if (viewed && !isActiveStatus(incoming.status) && !this.#finishingHere.has(incoming.id)) news.finishedWhileViewed = incoming;
			} else if (message.event === 'volunteer:updated') {
				const incoming = message.data.volunteer;
				// Deactivated, or moved to a community outside this board: no longer on it.
				const outside = this.#communityIds.length > 0 && !this.#communityIds.includes(incoming.communityId);
				if (incoming.active === false || outside) this.volunteers.delete(incoming.id);
				// `online` is live presence, which the stored event cannot know; keep ours.
				else this.volunteers.set(incoming.id, { ...incoming, online: this.volunteers.get(incoming.id)?.online ?? incoming.online });
				this.volunteerChanges += 1;
			}
		}
		return news;
	}

	setOnline(volunteerId: string, online: boolean): void {
		const volunteer = this.volunteers.get(volunteerId);
		if (volunteer && volunteer.online !== online) this.volunteers.set(volunteerId, { ...volunteer, online });
	}

	setViewers(presence: ViewingPresence, myUserId: string): void {
		const others = presence.viewers.filter((v) => v.userId !== myUserId);
		if (others.length) this.viewers.set(presence.requestId, others);
		else this.viewers.delete(presence.requestId);
	}

	/** Narrows the board to one community (null: the whole scope); a selected request of another one is let go. */
	chooseCommunity(communityId: string | null): void {
		this.communityFilter = communityId;
		const selected = this.selected;
		if (communityId && selected && selected.communityId !== communityId) this.selectedId = null;
	}

	/** Moves the selection through the visible queue; wraps at neither end. */
	moveSelection(step: 1 | -1): void {
		const list = this.queue;
		if (!list.length) return;
		const index = list.findIndex((r) => r.id === this.selectedId);
		const next = index === -1 ? (step === 1 ? 0 : list.length - 1) : Math.min(list.length - 1, Math.max(0, index + step));
		this.selectedId = list[next]!.id; // clamped into the non-empty list
	}

	volunteerName(id: string | null): string | null {
		return id ? (this.volunteers.get(id)?.name ?? null) : null;
	}

	/** Applies one request snapshot; returns whether it changed anything. */
	#upsertRequest(request: RequestView): boolean {
		const existing = this.requests.get(request.id);
		if (existing && existing.version >= request.version) return false;
		if (isActiveStatus(request.status)) this.requests.set(request.id, request);
		else if (existing) {
			this.requests.delete(request.id);
			this.changedLive.delete(request.id); // its row is gone; a tab open for days keeps no trail
		} else return false;
		if (!isActiveStatus(request.status) && this.selectedId === request.id) this.selectedId = null;
		return true;
	}
}

/** A snapshot stored before requests carried attention (an old event replayed on catch-up) has none. */
function withAttention(request: RequestView): RequestView {
	return Array.isArray(request.attention) ? request : { ...request, attention: [] };
}
