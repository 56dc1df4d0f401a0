import type { RequestView, VolunteerView } from '../../api/types';
import { HELD_STATUSES } from '../../dispatch/vocabulary';
import { listActiveTasksOf, toRequestView, updateRequestIf } from '../repositories/requests';
import type { NewEventRecord } from '../repositories/events';
import type { Actor } from '../../dispatch/permissions';
import { findVolunteerRecord, listVolunteerRecords, updateAvailability, type VolunteerRecord } from '../repositories/volunteers';
import { forbidden, notFound } from '../http/api-error';
import { commitChange } from './commit';
import { assigneeDutyChanged, availabilityChanged } from './event-records';
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

/** The switch's answer: the volunteer, and the tasks they still hold (flagged when off duty). */
export interface AvailabilityAnswer {
	volunteer: VolunteerView;
	heldTasks: RequestView[];
}

/**
 * A volunteer goes on or off duty, optionally sharing where they are. Staff hear it live.
 * Going off duty never fails for tasks still held: each one is flagged assignee_off_duty (in the
 * same transaction, one event each, so the board hears it) and the flag clears on the way back.
 */
export async function setAvailability(
	deps: ServiceDeps,
	actor: Actor,
	input: { available: boolean; lat?: number; lng?: number }
): Promise<AvailabilityAnswer> {
	const volunteerId = actor.volunteerId;
	if (!volunteerId) throw forbidden('Only volunteers have an on-duty switch.');
	const position = input.lat !== undefined && input.lng !== undefined ? { lat: input.lat, lng: input.lng } : undefined;
	return commitChange(deps, async (trx) => {
		await updateAvailability(trx, volunteerId, { available: input.available, position }, deps.now());
		const record = await findVolunteerRecord(trx, volunteerId);
		if (!record) throw notFound('Your volunteer record');
		const view = toVolunteerView(record);
		const events: NewEventRecord[] = [availabilityChanged(actor.userId, view, position !== undefined)];
		const heldTasks: RequestView[] = [];
		for (const task of await listActiveTasksOf(trx, volunteerId)) {
			const offDuty = !input.available;
			const changed =
				task.assignee_off_duty === offDuty
					? task
					: await updateRequestIf(trx, { id: task.id, statuses: HELD_STATUSES, assigneeId: volunteerId }, { assignee_off_duty: offDuty });
			if (!changed) continue;
			const request = toRequestView(changed, true);
			heldTasks.push(request);
			if (changed !== task) events.push(assigneeDutyChanged(actor.userId, request, input.available));
		}
		return { result: { volunteer: view, heldTasks }, events };
	});
}
