import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { guardPage, requireCoordinator } from '$lib/server/http/guards';
import { communitiesToList } from '$lib/dispatch/permissions';
import { listBuildings } from '$lib/server/repositories/buildings';
import { listTeams } from '$lib/server/services/teams';
import { DIRECTORY_LIMIT, listVolunteerDirectory } from '$lib/server/services/volunteer-admin';
import { communityIdSchema } from '$lib/api/schemas';

/**
 * The volunteers of the coordinator's area (or of the community `?communityId=` names, whose
 * name holds `?q=`), and what the form picks from: the area's communities, buildings and teams.
 * The filters live in the URL, so a view can be shared as a link.
 */
export const load: PageServerLoad = async (event) => {
	guardPage(event);
	await event.parent(); // the layout reads the live seq first
	const actor = requireCoordinator(event);
	const app = event.locals.app;
	const asked = event.url.searchParams.get('communityId') || undefined;
	const q = (event.url.searchParams.get('q') ?? '').trim().slice(0, 40) || null;
	if (asked !== undefined && !communityIdSchema.safeParse(asked).success)
		error(400, { message: 'Not a valid community id.', code: 'invalid_input' });
	const listed = communitiesToList(actor, asked);
	if (!listed) error(403, { message: 'That community is outside the area you work in.', code: 'forbidden' });
	const tree = await app.areas.treeKnowing(actor.scope.id);
	const [volunteers, buildings, teams] = await Promise.all([
		listVolunteerDirectory(app.services, listed, q),
		listBuildings(app.db, actor.communityIds),
		listTeams(app.services, actor.communityIds)
	]);
	return {
		volunteers,
		limit: DIRECTORY_LIMIT,
		filter: { communityId: asked ?? '', q: q ?? '' },
		communities: actor.communityIds.map((id) => ({ id, name: tree.get(id)?.name ?? '' })),
		buildings: buildings.map((b) => ({ id: b.id, name: b.name, communityId: b.communityId })),
		// Only teams of the area can be joined or left here; the others a volunteer belongs to stay.
		teams: teams
			.filter((t) => actor.communityIds.includes(t.communityId))
			.map((t) => ({ id: t.id, name: t.name, communityIds: t.communityIds, leaderVolunteerId: t.leaderVolunteerId }))
	};
};
