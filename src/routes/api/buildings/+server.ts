import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { endpoint } from '$lib/server/http/respond';
import { requireActor } from '$lib/server/http/guards';
import { listBuildings } from '$lib/server/repositories/buildings';

export const GET: RequestHandler = endpoint(async (event) => {
	requireActor(event);
	return json(await listBuildings(event.locals.app.db), { headers: { 'cache-control': 'private, max-age=300' } });
});
