import { redirect, type RequestEvent } from '@sveltejs/kit';
import { ApiError } from './api-error';
import { SESSION_COOKIE } from '../auth/sessions';
import { homePathFor, isCoordinator, isStaff, isVolunteer, pageAccess, type Actor } from '../../dispatch/permissions';
import type { Role } from '../../dispatch/vocabulary';

/** The signed-in actor, or a 401 in the contract's shape. */
export function requireActor(event: RequestEvent): Actor {
	const user = event.locals.user;
	if (!user) throw new ApiError('unauthenticated', 'Please sign in first.');
	return { userId: user.id, role: user.role, volunteerId: user.volunteerId, name: user.name };
}

export function requireRole(event: RequestEvent, allowed: (role: Role) => boolean, what: string): Actor {
	const actor = requireActor(event);
	if (!allowed(actor.role)) throw new ApiError('forbidden', `Only ${what} may do this.`);
	return actor;
}

export const requireStaff = (event: RequestEvent) => requireRole(event, isStaff, 'dispatchers and coordinators');
export const requireVolunteer = (event: RequestEvent) => requireRole(event, isVolunteer, 'volunteers');
export const requireCoordinator = (event: RequestEvent) => requireRole(event, isCoordinator, 'coordinators');

/**
 * The page rule of `PAGE_ACCESS`, applied to the route Kit matched (never to a spelling of the
 * path): nobody signed in goes to the login page, and the wrong role to their own page. Used by
 * the hook for every page and again by each role-bound page's `load`.
 */
export function guardPage(event: Pick<RequestEvent, 'route' | 'locals' | 'url' | 'cookies'>): void {
	const user = event.locals.user;
	const access = pageAccess(event.route.id, user?.role ?? null);
	if (access === 'sign-in') {
		// A cookie that no longer names a session: the login page says that it ended.
		const ended = event.cookies.get(SESSION_COOKIE) ? '&ended=1' : '';
		redirect(303, `/login?next=${encodeURIComponent(event.url.pathname + event.url.search)}${ended}`);
	}
	if (access === 'wrong-role') redirect(303, homePathFor(user!.role));
}
