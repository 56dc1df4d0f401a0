import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { endpoint, parseWith } from '$lib/server/http/respond';
import { requireStaff } from '$lib/server/http/guards';
import { requestIdSchema } from '$lib/api/schemas';
import { candidatesQuerySchema } from '$lib/api/candidate-schemas';
import { listCandidates } from '$lib/server/services/candidates';

export const GET: RequestHandler = endpoint(async (event) => {
	const actor = requireStaff(event);
	const id = parseWith(requestIdSchema, event.params.id, 'Not a valid request id.', 'id');
	const query = Object.fromEntries([...event.url.searchParams].filter(([key]) => key === 'limit' || key === 'q'));
	const { limit, q } = parseWith(candidatesQuerySchema, query, 'Give `limit` as a whole number from 1 to 50.');
	return json(await listCandidates(event.locals.app.services, actor, id, { limit, q }));
});
