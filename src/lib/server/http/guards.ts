import { redirect, type RequestEvent } from '@sveltejs/kit';
import { ApiError } from './api-error';
import { parseWith } from './respond';
import { communityIdSchema } from '../../api/schemas';
import { SESSION_COOKIE } from '../auth/sessions';
import {
	communitiesToList,
	homePathFor,
	isCoordinator,
	isReporter,
	isStaff,
	isVolunteer,
	pageAccess,
	type Actor
} from '../../dispatch/permissions';
import type { Role } from '../../dispatch/vocabulary';

/** The signed-in actor (set by the hook, scope and all), or a 401 in the contract's shape. */
export function requireActor(event: RequestEvent): Actor {
	const actor = event.locals.actor;
	if (!actor) throw new ApiError('unauthenticated', 'Please sign in first.');
	return actor;
}

export function requireRole(event: RequestEvent, allowed: (role: Role) => boolean, what: string): Actor {
	const actor = requireActor(event);
	if (!allowed(actor.role)) throw new ApiError('forbidden', `Only ${what} may do this.`);
	return actor;
}

export const requireStaff = (event: RequestEvent) => requireRole(event, isStaff, 'dispatchers and coordinators');
export const requireVolunteer = (event: RequestEvent) => requireRole(event, isVolunteer, 'volunteers');
export const requireCoordinator = (event: RequestEvent) => requireRole(event, isCoordinator, 'coordinators');
export const requireReporter = (event: RequestEvent) => requireRole(event, isReporter, 'building heads and grid workers');

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

/**
 * The communities a list covers for this actor: the one asked for (`communityId=`), which must
 * lie inside their scope (else 403, as the contract says of a filter outside the scope), or all
 * of the scope's.
 */
export function communitiesFor(actor: Actor, asked: string | undefined): readonly string[] {
	const communities = communitiesToList(actor, asked);
	if (!communities) throw new ApiError('forbidden', 'That community is outside the area you work in.');
	return communities;
}

/** `communitiesFor` with the `communityId` query parameter of this request (a bad id is 400). */
export function requestedCommunities(event: RequestEvent, actor: Actor): readonly string[] {
	const asked = event.url.searchParams.get('communityId');
	return communitiesFor(
		actor,
		asked === null || asked === '' ? undefined : parseWith(communityIdSchema, asked, 'Not a valid community id.', 'communityId')
	);
}
