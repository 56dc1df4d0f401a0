import type { RequestEvent } from '@sveltejs/kit';
import { ApiError } from './api-error';
import { isStaff, type Actor } from '../../dispatch/permissions';
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
export const requireVolunteer = (event: RequestEvent) => requireRole(event, (role) => role === 'volunteer', 'volunteers');
export const requireCoordinator = (event: RequestEvent) => requireRole(event, (role) => role === 'coordinator', 'coordinators');
