import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { endpoint, parseWith, readJson } from '$lib/server/http/respond';
import { requireCoordinator } from '$lib/server/http/guards';
import { deactivateSchema, volunteerIdSchema } from '$lib/api/volunteer-schemas';
import { deactivateVolunteer } from '$lib/server/services/volunteer-activation';
import { sessionSockets } from '$lib/server/realtime/session-watch';

/** Off duty, signed out everywhere, offered nothing; 409 while they hold tasks, unless `releaseTasks`. */
export const POST: RequestHandler = endpoint(async (event) => {
	const actor = requireCoordinator(event);
	const id = parseWith(volunteerIdSchema, event.params.id, 'Not a valid volunteer id.', 'id');
	const input = await readJson(event.request, deactivateSchema);
	const { app } = event.locals;
	return json(await deactivateVolunteer(app.services, actor, id, input, sessionSockets(app.realtime)));
});
