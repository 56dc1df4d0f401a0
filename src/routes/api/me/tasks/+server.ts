import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { endpoint } from '$lib/server/http/respond';
import { requireVolunteer } from '$lib/server/http/guards';
import { listActiveTasksOf, toRequestView } from '$lib/server/repositories/requests';
import { getApp } from '$lib/server/app';

export const GET: RequestHandler = endpoint(async (event) => {
	const actor = requireVolunteer(event);
	if (!actor.volunteerId) return json([]);
	const rows = await listActiveTasksOf(getApp().db, actor.volunteerId);
	return json(rows.map((row) => toRequestView(row, true)));
});
