import type { PageServerLoad } from './$types';
import { listBuildings, listMapFeatures } from '$lib/server/repositories/buildings';
import { listRequestsByStatus, toRequestView } from '$lib/server/repositories/requests';
import { listVolunteers } from '$lib/server/services/volunteers';
import { ACTIVE_STATUSES } from '$lib/dispatch/vocabulary';
import { guardPage } from '$lib/server/http/guards';

export const load: PageServerLoad = async (event) => {
	guardPage(event);
	await event.parent(); // the layout reads the live seq first
	const app = event.locals.app;
	const [buildings, features, requests, volunteers] = await Promise.all([
		listBuildings(app.db),
		listMapFeatures(app.db),
		listRequestsByStatus(app.db, ACTIVE_STATUSES),
		listVolunteers(app.services)
	]);
	return {
		buildings,
		features,
		requests: requests.map((r) => toRequestView(r, true)),
		volunteers,
		map: { tileUrl: app.config.mapTileUrl, tileAttribution: app.config.mapTileAttribution }
	};
};
