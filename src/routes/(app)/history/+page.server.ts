import type { PageServerLoad } from './$types';
import { listBuildings } from '$lib/server/repositories/buildings';
import { listVolunteerRecords } from '$lib/server/repositories/volunteers';
import { guardPage, requireCoordinator } from '$lib/server/http/guards';

// Names for the pickers, the table and the map. The page's own data comes from the API in
// +page.ts, so the page and outside clients read history the same way.
export const load: PageServerLoad = async (event) => {
	guardPage(event);
	await event.parent();
	const actor = requireCoordinator(event);
	const app = event.locals.app;
	const [buildings, volunteers] = await Promise.all([
		listBuildings(app.db, actor.communityIds),
		listVolunteerRecords(app.db, actor.communityIds)
	]);
	// The scope's communities, in the area tree's order: a street's or the county's coordinator filters and compares them.
	const tree = app.areas.tree;
	return {
		buildings,
		volunteers: volunteers.map((v) => ({ id: v.id, name: v.name, skills: v.skills, communityId: v.communityId })),
		communities: actor.communityIds.map((id) => ({ id, name: tree.get(id)?.name ?? '' })),
		map: { tileUrl: app.config.mapTileUrl, tileAttribution: app.config.mapTileAttribution }
	};
};
