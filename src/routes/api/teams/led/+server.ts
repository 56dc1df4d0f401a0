import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { endpoint } from '$lib/server/http/respond';
import { requireVolunteer } from '$lib/server/http/guards';
import { ledTeams } from '$lib/server/services/team-requests';

/** The teams this volunteer leads, their members, and the open requests handed to them. A static segment, so it wins over [id]. */
export const GET: RequestHandler = endpoint(async (event) => {
	const actor = requireVolunteer(event);
	return json(await ledTeams(event.locals.app.services, actor));
});
