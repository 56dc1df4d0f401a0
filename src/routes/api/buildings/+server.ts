import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { endpoint } from '$lib/server/http/respond';
import { requestedCommunities, requireActor } from '$lib/server/http/guards';
import { listBuildings } from '$lib/server/repositories/buildings';
import { isStaff } from '$lib/dispatch/permissions';

/** The buildings of the reader's scope (or of one community in it). */
export const GET: RequestHandler = endpoint(async (event) => {
	const actor = requireActor(event);
	// The stairwell codes are for staff, who print the QR sheets.
	return json(await listBuildings(event.locals.app.db, requestedCommunities(event, actor), isStaff(actor.role)), {
		headers: { 'cache-control': 'private, max-age=300' }
	});
});
