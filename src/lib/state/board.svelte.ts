import { SvelteMap } from 'svelte/reactivity';
import type { RequestView, VolunteerView } from '$lib/api/types';
import type { CaughtUpEvent, ViewingPresence } from '$lib/realtime/events';
import { ACTIVE_STATUSES, isActiveStatus, type RequestType } from '$lib/dispatch/vocabulary';
import { compareQueue } from '$lib/dispatch/queue-order';

export type ActiveStatus = (typeof ACTIVE_STATUSES)[number];

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
	search = $state('');
	/**
	 * Ids that arrived or changed live (not in the first load), so their rows flash. Plain, not
	 * reactive: a row reads it once when it appears, and otherwise flashes on a version change.
	 */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- not reactive on purpose (see above)
	readonly changedLive = new Set<string>();

	#buildingNames: Map<string, string>;

	constructor(requests: RequestView[], volunteers: VolunteerView[], buildingNames: Map<string, string>) {
		this.#buildingNames = buildingNames;
		for (const r of requests) this.requests.set(r.id, r);
		for (const v of volunteers) this.volunteers.set(v.id, v);
	}

	readonly all = $derived([...this.requests.values()].sort(compareQueue));

	readonly counts = $derived.by(() => {
		const counts: Record<ActiveStatus, number> = { open: 0, assigned: 0, accepted: 0, in_progress: 0 };
		for (const r of this.requests.values()) if (r.status in counts) counts[r.status as ActiveStatus] += 1;
		return counts;
	});

	/** The queue as filtered by type, status and the search box (building, unit, description). */
	readonly queue = $derived.by(() => {
		const needle = this.search.trim().toLowerCase();
		return this.all.filter(
			(r) =>
				(!this.typeFilter || r.type === this.typeFilter) &&
				(!this.statusFilter || r.status === this.statusFilter) &&
				(!needle ||
					`${this.#buildingNames.get(r.buildingId) ?? ''} ${r.unit} ${r.description} ${r.contactName ?? ''}`.toLowerCase().includes(needle))
		);
	});

	readonly selected = $derived(this.selectedId ? (this.requests.get(this.selectedId) ?? null) : null);

	/** Grows with every volunteer change (duty, position, workload): what a ranking depends on. */
	volunteerChanges = $state(0);

	apply(batch: CaughtUpEvent[]): void {
		for (const message of batch) {
			if (message.event === 'request:created' || message.event === 'request:updated') {
				if (this.#upsertRequest(message.data.request)) this.changedLive.add(message.data.request.id);
			} else if (message.event === 'volunteer:updated') {
				const incoming = message.data.volunteer;
				// `online` is live presence, which the stored event cannot know; keep ours.
				this.volunteers.set(incoming.id, { ...incoming, online: this.volunteers.get(incoming.id)?.online ?? incoming.online });
				this.volunteerChanges += 1;
			}
		}
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
