import type { PageServerLoad } from './$types';
import { listBuildings, listMapFeatures } from '$lib/server/repositories/buildings';
import { listRequestsByStatus, toRequestView } from '$lib/server/repositories/requests';
import { listVolunteers } from '$lib/server/services/volunteers';
import { ACTIVE_STATUSES } from '$lib/dispatch/vocabulary';
import { guardPage, requireStaff } from '$lib/server/http/guards';

/** The board of the dispatcher's scope: every community in it, each request, building and volunteer. */
export const load: PageServerLoad = async (event) => {
	guardPage(event);
	await event.parent(); // the layout reads the live seq first
	const actor = requireStaff(event);
	const app = event.locals.app;
	const communities = actor.communityIds;
	// Names for the community filter of a street's or the county's board, in the scope's order.
	const tree = app.areas.tree;
	const scopeCommunities = communities.map((id) => ({ id, name: tree.get(id)?.name ?? '' }));
	const [buildings, features, requests, volunteers] = await Promise.all([
		listBuildings(app.db, communities),
		listMapFeatures(app.db, communities),
		listRequestsByStatus(app.db, ACTIVE_STATUSES, communities),
		listVolunteers(app.services, communities)
	]);
	return {
		buildings,
		features,
		requests: requests.map((r) => toRequestView(r, true)),
		volunteers,
		communities: scopeCommunities,
		map: { tileUrl: app.config.mapTileUrl, tileAttribution: app.config.mapTileAttribution },
		autoOfferMaxTries: app.config.autoOfferMaxTries
	};
};
