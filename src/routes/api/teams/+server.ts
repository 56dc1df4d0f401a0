import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { endpoint, readJson } from '$lib/server/http/respond';
import { requestedCommunities, requireCoordinator, requireStaff } from '$lib/server/http/guards';
import { teamInputSchema } from '$lib/api/team-schemas';
import { listTeams, saveTeam } from '$lib/server/services/teams';
import { volunteerSockets } from '$lib/server/realtime/volunteer-sockets';

/** The teams serving any community of the reader's scope, or the one `communityId=` names. */
export const GET: RequestHandler = endpoint(async (event) => {
	const actor = requireStaff(event);
	return json(await listTeams(event.locals.app.services, requestedCommunities(event, actor)));
});

export const POST: RequestHandler = endpoint(async (event) => {
	const actor = requireCoordinator(event);
	const input = await readJson(event.request, teamInputSchema);
	const { app } = event.locals;
	return json(await saveTeam(app.services, actor, null, input, volunteerSockets(app.realtime)), { status: 201 });
});
