import type { VolunteerView } from '../../api/types';
import type { Actor } from '../../dispatch/permissions';
import { findVolunteerRecord, listVolunteerRecords, updateAvailability, type VolunteerRecord } from '../repositories/volunteers';
import { forbidden, notFound } from '../http/api-error';
import { commitChange } from './commit';
import { availabilityChanged } from './event-records';
import type { ServiceDeps } from './deps';

export function toVolunteerView(record: VolunteerRecord): VolunteerView {
	return {
		id: record.id,
		communityId: record.communityId,
		name: record.name,
		skills: record.skills,
		available: record.available,
		online: record.online,
		lat: record.lat,
		lng: record.lng,
		activeCount: record.activeCount,
		lastSeenAt: record.lastSeenAt ? record.lastSeenAt.toISOString() : null,
		active: record.active
	};
}

/** The volunteers of these communities (already checked against the reader's scope). */
export async function listVolunteers(deps: Pick<ServiceDeps, 'db'>, communityIds: readonly string[]): Promise<VolunteerView[]> {
	const records = await listVolunteerRecords(deps.db, communityIds);
	return records.map(toVolunteerView);
}

/** A volunteer goes on or off duty, optionally sharing where they are. Staff hear it live. */
export async function setAvailability(
	deps: ServiceDeps,
	actor: Actor,
	input: { available: boolean; lat?: number; lng?: number }
): Promise<VolunteerView> {
	const volunteerId = actor.volunteerId;
	if (!volunteerId) throw forbidden('Only volunteers have an on-duty switch.');
	const position = input.lat !== undefined && input.lng !== undefined ? { lat: input.lat, lng: input.lng } : undefined;
	return commitChange(deps, async (trx) => {
		await updateAvailability(trx, volunteerId, { available: input.available, position }, deps.now());
		const record = await findVolunteerRecord(trx, volunteerId);
		if (!record) throw notFound('Your volunteer record');
		const view = toVolunteerView(record);
		return { result: view, events: [availabilityChanged(actor.userId, view, position !== undefined)] };
	});
}
