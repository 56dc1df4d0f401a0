import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { endpoint, readJson } from '$lib/server/http/respond';
import { requireVolunteer } from '$lib/server/http/guards';
import { availabilitySchema } from '$lib/api/schemas';
import { setAvailability } from '$lib/server/services/volunteers';

export const PUT: RequestHandler = endpoint(async (event) => {
	const actor = requireVolunteer(event);
	const input = await readJson(event.request, availabilitySchema);
	return json(await setAvailability(event.locals.app.services, actor, input));
});
