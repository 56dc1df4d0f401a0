import { callApi } from '$lib/api/client';
import type { VolunteerView } from '$lib/api/types';
import { PositionThrottle, type Position } from '$lib/alerts/position-throttle';

export type SharingState = 'off' | 'locating' | 'on' | 'denied' | 'unavailable';

const SHARE_PREFERENCE = 'volunteer-dispatch.share-location';

const putAvailability = (body: { available: boolean; lat?: number; lng?: number }) =>
	callApi<VolunteerView>('PUT', '/api/me/availability', { body });

/**
 * The on-duty switch and, optionally, the shared position. A position is sent only while on
 * duty, at most every 30 s (see PositionThrottle); going off duty stops the watch at once,
 * and the server drops the position back to the volunteer's home building.
 */
export class DutyState {
	available = $state(false);
	saving = $state(false);
	failed = $state(false);
	sharing = $state<SharingState>('off');
	lastSentAt = $state<Date | null>(null);
	#watchId: number | null = null;
	#throttle = new PositionThrottle();
	// One request at a time, in order: a position sent just before going off duty must not
	// overtake the off-duty request and put the volunteer back on duty.
	#queue: Promise<unknown> = Promise.resolve();

	constructor(available: boolean) {
		this.available = available;
	}

	/** Resumes sharing after a reload if the volunteer had it on (no new permission prompt). */
	resume(): void {
		if (this.available && localStorage.getItem(SHARE_PREFERENCE) === '1') this.startSharing();
	}

	async setAvailable(available: boolean): Promise<void> {
		const before = this.available;
		this.available = available;
		this.saving = true;
		this.failed = false;
		if (!available) this.#stopWatching();
		const outcome = await this.#inOrder(() => putAvailability({ available }));
		this.saving = false;
		if (!outcome.ok) {
			this.available = before;
			this.failed = true;
			return;
		}
		this.available = outcome.data.available;
		if (this.available && localStorage.getItem(SHARE_PREFERENCE) === '1') this.startSharing();
	}

	startSharing(): void {
		localStorage.setItem(SHARE_PREFERENCE, '1');
		if (!this.available || this.#watchId !== null) return;
		if (!('geolocation' in navigator)) {
			this.sharing = 'unavailable';
			return;
		}
		this.sharing = 'locating';
		this.#throttle.reset();
		this.#watchId = navigator.geolocation.watchPosition(
			(fix) => void this.#send({ lat: fix.coords.latitude, lng: fix.coords.longitude }),
			(error) => {
				this.sharing = error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable';
				if (error.code === error.PERMISSION_DENIED) this.#stopWatching(false);
			},
			{ enableHighAccuracy: false, maximumAge: 30_000, timeout: 60_000 }
		);
	}

	stopSharing(): void {
		localStorage.removeItem(SHARE_PREFERENCE);
		this.#stopWatching();
	}

	get sharingWanted(): boolean {
		return this.sharing !== 'off' && this.sharing !== 'denied';
	}

	#stopWatching(resetState = true) {
		if (this.#watchId !== null) navigator.geolocation.clearWatch(this.#watchId);
		this.#watchId = null;
		if (resetState) this.sharing = 'off';
	}

	#inOrder<T>(request: () => Promise<T>): Promise<T> {
		const next = this.#queue.then(request);
		this.#queue = next.catch(() => {});
		return next;
	}

	async #send(position: Position) {
		const now = Date.now();
		if (!this.available || !this.#throttle.shouldSend(position, now)) return;
		this.#throttle.sent(position, now);
		// Checked again when its turn comes: off duty by then means the position stays home.
		const outcome = await this.#inOrder(() =>
			this.available && this.#watchId !== null ? putAvailability({ available: true, ...position }) : Promise.resolve(null)
		);
		if (!outcome || this.#watchId === null) return;
		if (outcome.ok) {
			this.sharing = 'on';
			// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a new Date each time, never changed in place
			this.lastSentAt = new Date(now);
		} else {
			this.sharing = 'unavailable';
		}
	}

	dispose(): void {
		this.#stopWatching();
	}
}
