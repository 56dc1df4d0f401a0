import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { endpoint, parseWith, readJson } from '$lib/server/http/respond';
import { requireCoordinator } from '$lib/server/http/guards';
import { teamIdSchema, teamInputSchema } from '$lib/api/team-schemas';
import { saveTeam } from '$lib/server/services/teams';
import { volunteerSockets } from '$lib/server/realtime/volunteer-sockets';

/** A team, changed whole: what lies outside the coordinator's scope stays as it was. */
export const PUT: RequestHandler = endpoint(async (event) => {
	const actor = requireCoordinator(event);
	const id = parseWith(teamIdSchema, event.params.id, 'Not a valid team id.', 'id');
	const input = await readJson(event.request, teamInputSchema);
	const { app } = event.locals;
	return json(await saveTeam(app.services, actor, id, input, volunteerSockets(app.realtime)));
});
