import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { homePathFor } from '$lib/dispatch/permissions';

export const load: PageServerLoad = ({ locals }) => {
	redirect(303, locals.user ? homePathFor(locals.user.role) : '/login');
};
