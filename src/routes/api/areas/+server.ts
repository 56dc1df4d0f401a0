import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { endpoint } from '$lib/server/http/respond';
import { requireActor } from '$lib/server/http/guards';

/** The user's own area, everything under it, and the areas above it (contract: Areas). */
export const GET: RequestHandler = endpoint(async (event) => {
	const actor = requireActor(event);
	const tree = await event.locals.app.areas.treeKnowing(actor.scope.id);
	return json(tree.visibleFrom(actor.scope.id));
});
