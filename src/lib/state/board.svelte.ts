import { SvelteMap } from 'svelte/reactivity';
import type { RequestView, VolunteerView } from '$lib/api/types';
import type { CaughtUpEvent } from '$lib/realtime/events';
import { isActiveStatus } from '$lib/dispatch/vocabulary';

/**
 * The dispatcher's live picture: active requests and volunteers, kept current by applying
 * events in seq order. Each event carries a full snapshot with its version, so replaying an
 * event the page already reflects changes nothing.
 */
export class BoardState {
	requests = new SvelteMap<string, RequestView>();
	volunteers = new SvelteMap<string, VolunteerView>();
	/** Bumped on every applied batch, for views that want to flash changes. */
	revision = $state(0);

	constructor(requests: RequestView[], volunteers: VolunteerView[]) {
		for (const r of requests) this.requests.set(r.id, r);
		for (const v of volunteers) this.volunteers.set(v.id, v);
	}

	apply(batch: CaughtUpEvent[]): void {
		for (const message of batch) {
			switch (message.event) {
				case 'request:created':
				case 'request:updated':
					this.#upsertRequest(message.data.request);
					break;
				case 'volunteer:updated':
					this.volunteers.set(message.data.volunteer.id, {
						...message.data.volunteer,
						online: this.volunteers.get(message.data.volunteer.id)?.online ?? message.data.volunteer.online
					});
					break;
			}
		}
		this.revision += 1;
	}

	setOnline(volunteerId: string, online: boolean): void {
		const volunteer = this.volunteers.get(volunteerId);
		if (volunteer && volunteer.online !== online) this.volunteers.set(volunteerId, { ...volunteer, online });
	}

	#upsertRequest(request: RequestView) {
		const existing = this.requests.get(request.id);
		if (existing && existing.version > request.version) return;
		if (isActiveStatus(request.status)) this.requests.set(request.id, request);
		else this.requests.delete(request.id);
	}
}
