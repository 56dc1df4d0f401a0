import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { endpoint, parseWith, readJson } from '$lib/server/http/respond';
import { requireCoordinator } from '$lib/server/http/guards';
import { volunteerEditSchema, volunteerIdSchema } from '$lib/api/volunteer-schemas';
import { editVolunteer } from '$lib/server/services/volunteer-admin';
import { volunteerSockets } from '$lib/server/realtime/volunteer-sockets';

/** A volunteer's record, changed whole: teams outside the coordinator's scope stay as they were. */
export const PUT: RequestHandler = endpoint(async (event) => {
	const actor = requireCoordinator(event);
	const id = parseWith(volunteerIdSchema, event.params.id, 'Not a valid volunteer id.', 'id');
	const input = await readJson(event.request, volunteerEditSchema);
	const { app } = event.locals;
	return json(await editVolunteer(app.services, actor, id, input, volunteerSockets(app.realtime)));
});
