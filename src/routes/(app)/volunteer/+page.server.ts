import type { PageServerLoad } from './$types';
import { guardPage, requireVolunteer } from '$lib/server/http/guards';
import { ApiError } from '$lib/server/http/api-error';
import { listBuildings } from '$lib/server/repositories/buildings';
import { volunteerCommunities } from '$lib/server/repositories/teams';
import { getMyVolunteer, listMyActiveTasks, listMyCompletedTasks } from '$lib/server/services/my-tasks';
import { ledTeams } from '$lib/server/services/team-requests';

export const load: PageServerLoad = async (event) => {
	guardPage(event);
	await event.parent(); // the layout reads the live seq first
	const actor = requireVolunteer(event);
	const app = event.locals.app;
	const [buildings, tasks, completed, me, teamDesk] = await Promise.all([
		// Their community's buildings and those of the communities their teams serve.
		volunteerCommunities(app.db, actor.volunteerId!).then((communities) => listBuildings(app.db, communities)),
		listMyActiveTasks(app.services, actor),
		listMyCompletedTasks(app.services, actor),
		getMyVolunteer(app.services, actor).catch((error) => {
			// A volunteer login whose record is gone still gets a page, simply off duty.
			if (error instanceof ApiError && error.code === 'not_found') return null;
			throw error;
		}),
		// A team leader's desk: the teams they lead and the open requests handed to them.
		ledTeams(app.services, actor)
	]);
	return {
		buildings,
		tasks,
		completed,
		available: me?.available ?? false,
		teamDesk,
		offerTimeoutMinutes: +(app.config.offerTimeoutMs / 60_000).toFixed(2)
	};
};
