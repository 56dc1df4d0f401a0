import type { PageServerLoad } from './$types';
import { guardPage, requireCoordinator } from '$lib/server/http/guards';
import { listTeams } from '$lib/server/services/teams';
import { listVolunteers } from '$lib/server/services/volunteers';

/** The teams serving the coordinator's area, and what the form picks from: its communities and its active volunteers. */
export const load: PageServerLoad = async (event) => {
	guardPage(event);
	await event.parent(); // the layout reads the live seq first
	const actor = requireCoordinator(event);
	const app = event.locals.app;
	const tree = await app.areas.treeKnowing(actor.scope.id);
	const [teams, volunteers] = await Promise.all([
		listTeams(app.services, actor.communityIds),
		listVolunteers(app.services, actor.communityIds)
	]);
	return {
		teams,
		communities: actor.communityIds.map((id) => ({ id, name: tree.get(id)?.name ?? '' })),
		volunteers: volunteers.map((v) => ({ id: v.id, name: v.name, communityId: v.communityId, skills: v.skills }))
	};
};
