import type { PageServerLoad } from './$types';
import { guardPage, requestedCommunities, requireStaff } from '$lib/server/http/guards';
import { listFollowUps } from '$lib/server/services/follow-ups';
import { buildingNamesByIds } from '$lib/server/repositories/buildings';
import { listVolunteerRecordsByIds } from '$lib/server/repositories/volunteers';

export const load: PageServerLoad = async (event) => {
	guardPage(event);
	await event.parent(); // the layout reads the live seq first
	const actor = requireStaff(event);
	const app = event.locals.app;
	const requests = await listFollowUps(app.services, actor, requestedCommunities(event, actor));
	const [buildings, volunteers] = await Promise.all([
		buildingNamesByIds(
			app.db,
			requests.map((r) => r.buildingId)
		),
		listVolunteerRecordsByIds(app.db, [...new Set(requests.flatMap((r) => (r.assigneeId ? [r.assigneeId] : [])))])
	]);
	return {
		requests,
		buildingNames: Object.fromEntries(buildings),
		volunteerNames: Object.fromEntries(volunteers.map((v) => [v.id, v.name]))
	};
};
