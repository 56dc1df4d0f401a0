import type { RequestView, VolunteerView } from '../../api/types';
import type { Actor } from '../../dispatch/permissions';
import { listActiveTasksOf, listCompletedTasksOf, toRequestView } from '../repositories/requests';
import { findVolunteerRecord } from '../repositories/volunteers';
import { forbidden, notFound } from '../http/api-error';
import type { ServiceDeps } from './deps';
import { toVolunteerView } from './volunteers';

/** How far back a volunteer's own record of finished work reaches. */
export const COMPLETED_WINDOW_DAYS = 30;

/** A volunteer login whose volunteer record is gone simply has no tasks. */
function ownVolunteerId(actor: Actor): string | null {
	if (actor.role !== 'volunteer') throw forbidden('Only volunteers have tasks.');
	return actor.volunteerId;
}

/** The volunteer's own active tasks, with the contact details they need to do them. */
export async function listMyActiveTasks(deps: ServiceDeps, actor: Actor): Promise<RequestView[]> {
	const volunteerId = ownVolunteerId(actor);
	if (!volunteerId) return [];
	const rows = await listActiveTasksOf(deps.db, volunteerId);
	return rows.map((row) => toRequestView(row, true));
}

/**
 * What the volunteer finished in the last 30 days. The work is done, so the resident's
 * contact details are left out: a finished task is no reason to keep them on a phone.
 */
export async function listMyCompletedTasks(deps: ServiceDeps, actor: Actor): Promise<RequestView[]> {
	const volunteerId = ownVolunteerId(actor);
	if (!volunteerId) return [];
	const since = new Date(deps.now().getTime() - COMPLETED_WINDOW_DAYS * 86_400_000);
	const rows = await listCompletedTasksOf(deps.db, volunteerId, since);
	return rows.map((row) => toRequestView(row, false));
}

/** The volunteer's own record: on duty or not, and where ranking thinks they are. */
export async function getMyVolunteer(deps: ServiceDeps, actor: Actor): Promise<VolunteerView> {
	const volunteerId = ownVolunteerId(actor);
	const record = volunteerId ? await findVolunteerRecord(deps.db, volunteerId) : undefined;
	if (!record) throw notFound('Your volunteer record');
	return toVolunteerView(record);
}
