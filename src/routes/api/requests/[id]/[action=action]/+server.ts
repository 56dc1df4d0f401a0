import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { endpoint, parseWith, readJson } from '$lib/server/http/respond';
import { requireActor, requireStaff } from '$lib/server/http/guards';
import { assignSchema, cancelSchema, completeSchema, declineSchema, noteSchema, releaseSchema, requestIdSchema } from '$lib/api/schemas';
import { actOnTask, assignVolunteer, cancelRequest } from '$lib/server/services/requests';
import type { Action } from '$lib/dispatch/lifecycle';
import { isStaff } from '$lib/dispatch/permissions';
import { assignAsTeamLeader } from '$lib/server/services/team-requests';

/**
 * assign and cancel are the dispatcher's (assign also a team leader's, for a request handed to
 * their team); accept, decline, release, start and complete the assignee's. A decline or release
 * says why as a reason code; the others carry only a note.
 */
export const POST: RequestHandler = endpoint(async (event) => {
	const id = parseWith(requestIdSchema, event.params.id, 'Not a valid request id.', 'id');
	const action = event.params.action as Action;
	const services = event.locals.app.services;
	if (action === 'assign') {
		const actor = requireActor(event);
		const input = await readJson(event.request, assignSchema);
		// Staff assign any request of their scope; a volunteer only as the leader of the team it is handed to.
		return json(
			isStaff(actor.role) ? await assignVolunteer(services, actor, id, input) : await assignAsTeamLeader(services, actor, id, input)
		);
	}
	if (action === 'cancel') {
		const actor = requireStaff(event);
		const { reason, version } = await readJson(event.request, cancelSchema);
		return json(await cancelRequest(services, actor, id, reason, version));
	}
	const actor = requireActor(event);
	const schema =
		action === 'release' ? releaseSchema : action === 'decline' ? declineSchema : action === 'complete' ? completeSchema : noteSchema;
	return json(await actOnTask(services, actor, id, action, await readJson(event.request, schema)));
});
