import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { endpoint, parseWith, readJson } from '$lib/server/http/respond';
import { requireStaff } from '$lib/server/http/guards';
import { requestIdSchema } from '$lib/api/schemas';
import { handToTeamSchema } from '$lib/api/team-schemas';
import { handToTeam } from '$lib/server/services/team-requests';

/** Staff hand an open request to a team, whose leader then assigns one of its members. */
export const POST: RequestHandler = endpoint(async (event) => {
	const actor = requireStaff(event);
	const id = parseWith(requestIdSchema, event.params.id, 'Not a valid request id.', 'id');
	return json(await handToTeam(event.locals.app.services, actor, id, await readJson(event.request, handToTeamSchema)));
});
