import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { endpoint, readJson } from '$lib/server/http/respond';
import { requireVolunteer } from '$lib/server/http/guards';
import { availabilitySchema } from '$lib/api/schemas';
import { setAvailability } from '$lib/server/services/volunteers';

/**
 * Answers `{volunteer, heldTasks}` (contract part two). The volunteer's own fields stay at the
 * top level too, so a part-one client that reads the answer as the volunteer keeps working.
 */
export const PUT: RequestHandler = endpoint(async (event) => {
	const actor = requireVolunteer(event);
	const input = await readJson(event.request, availabilitySchema);
	const answer = await setAvailability(event.locals.app.services, actor, input);
	return json({ ...answer.volunteer, ...answer });
});
