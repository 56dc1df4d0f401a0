import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { endpoint, readJson } from '$lib/server/http/respond';
import { requestedCommunities, requireCoordinator, requireStaff } from '$lib/server/http/guards';
import { newVolunteerSchema } from '$lib/api/volunteer-schemas';
import { listVolunteers } from '$lib/server/services/volunteers';
import { addVolunteer } from '$lib/server/services/volunteer-admin';

export const GET: RequestHandler = endpoint(async (event) => {
	const actor = requireStaff(event);
	return json(await listVolunteers(event.locals.app.services, requestedCommunities(event, actor)));
});

/** A new volunteer and their login, answered with a first password shown this once. */
export const POST: RequestHandler = endpoint(async (event) => {
	const actor = requireCoordinator(event);
	const input = await readJson(event.request, newVolunteerSchema);
	return json(await addVolunteer(event.locals.app.services, actor, input), { status: 201 });
});
