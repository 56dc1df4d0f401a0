import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { endpoint, parseWith, readJson } from '$lib/server/http/respond';
import { requireCoordinator } from '$lib/server/http/guards';
import { volunteerIdSchema } from '$lib/api/volunteer-schemas';
import { reactivateVolunteer } from '$lib/server/services/volunteer-activation';
import { z } from 'zod';

/** May sign in and be offered tasks again; back off duty until they switch on. */
export const POST: RequestHandler = endpoint(async (event) => {
	const actor = requireCoordinator(event);
	const id = parseWith(volunteerIdSchema, event.params.id, 'Not a valid volunteer id.', 'id');
	await readJson(event.request, z.object({}));
	return json(await reactivateVolunteer(event.locals.app.services, actor, id));
});
