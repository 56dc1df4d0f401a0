import { redirect } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';
import { latestSeq } from '$lib/server/repositories/events';
import { getApp } from '$lib/server/app';

// The seq is read before any page data (pages `await parent()`), so the live connection
// starting from it can only replay events the page already reflects, never skip one.
export const load: LayoutServerLoad = async ({ locals, url }) => {
	if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname)}`);
	return { user: locals.user, since: await latestSeq(getApp().db) };
};
