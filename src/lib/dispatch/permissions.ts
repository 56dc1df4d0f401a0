import { isHeldStatus, type Role, type Status } from './vocabulary';
import type { AreaTree, ScopeView } from './areas';
import type { UserView } from '../api/types';

/** The signed-in person, as the rules need to know them. */
export interface Actor {
	userId: string;
	role: Role;
	volunteerId: string | null;
	name: string;
	/** The area they work in. */
	scope: ScopeView;
	/** Every community in that area: all they may see or touch. */
	communityIds: readonly string[];
}

/** The actor behind a signed-in user: their scope's communities read from the area tree. */
export function actorFor(user: UserView, tree: AreaTree): Actor {
	return {
		userId: user.id,
		role: user.role,
		volunteerId: user.volunteerId,
		name: user.name,
		scope: user.scope,
		communityIds: tree.communitiesUnder(user.scope.id)
	};
}

/** Whether a record of this community is inside the actor's scope. */
export function inScope(actor: Pick<Actor, 'communityIds'>, communityId: string): boolean {
	return actor.communityIds.includes(communityId);
}

/**
 * The communities a list should cover: the one asked for, if it is inside the scope, or every
 * community of the scope. Null when the one asked for lies outside: the caller answers 403.
 */
export function communitiesToList(actor: Pick<Actor, 'communityIds'>, asked: string | undefined): readonly string[] | null {
	if (asked === undefined) return actor.communityIds;
	return inScope(actor, asked) ? [asked] : null;
}

/** Dispatchers run the board; coordinators may do everything a dispatcher may. */
export function isStaff(role: Role): boolean {
	return role === 'dispatcher' || role === 'coordinator';
}

export function isCoordinator(role: Role): boolean {
	return role === 'coordinator';
}

export function isVolunteer(role: Role): boolean {
	return role === 'volunteer';
}

/** Building heads and grid workers: they report for their grid and follow their reports. */
export function isReporter(role: Role): boolean {
	return role === 'reporter';
}

/** A role and the kind of area it works in: what rules above a single community ask. */
type RoleInScope = { role: Role; scope: Pick<ScopeView, 'kind'> };

/**
 * The service catalogue serves the whole county, so only coordinators above a single community
 * (a street's or the county's) edit it: a community's change would reach its neighbours.
 */
export function mayEditCatalogue(actor: RoleInScope): boolean {
	return isCoordinator(actor.role) && actor.scope.kind !== 'community';
}

/** Only the assigned volunteer acts on their task. */
export function isAssignee(actor: Actor, assigneeId: string | null): boolean {
	return actor.role === 'volunteer' && actor.volunteerId !== null && actor.volunteerId === assigneeId;
}

/**
 * Residents' contact details are for staff, and for the assignee only while the task is theirs
 * and not yet finished: a volunteer's finished tasks no longer carry the resident's phone.
 */
export function maySeeContact(actor: Actor, request: { assigneeId: string | null; status: Status }): boolean {
	return isStaff(actor.role) || (isAssignee(actor, request.assigneeId) && assigneeKeepsContact(request.status));
}

/** Whether a task in this status still shows its assignee the resident's contact. */
export function assigneeKeepsContact(status: Status): boolean {
	return isHeldStatus(status);
}

/**
 * Who may open each page, keyed by Kit's route id: what Kit routes on after decoding the path,
 * so `/%64ispatch` and `/dispatch` meet the same rule. `public` needs no sign-in; a function
 * needs a signed-in user whose role it accepts. Every page route must be listed here (a unit
 * test walks src/routes), so a new page cannot be left open by forgetting it.
 */
export const PAGE_ACCESS: Record<string, 'public' | ((role: Role) => boolean)> = {
	'/': 'public',
	'/login': 'public',
	'/r/[code]': 'public',
	'/t/[token]': 'public',
	'/(app)/account': () => true,
	'/(app)/dispatch': isStaff,
	'/(app)/volunteer': isVolunteer,
	'/(app)/report': isReporter,
	'/(app)/print/qr': isStaff,
	'/(app)/follow-ups': isStaff,
	'/(app)/history': isCoordinator,
	// A community's coordinator passes this role rule; the page's load refuses them (mayEditCatalogue).
	'/(app)/admin/services': isCoordinator,
	'/(app)/admin/teams': isCoordinator,
	'/(app)/admin/volunteers': isCoordinator
};

export type PageAccess = 'open' | 'sign-in' | 'wrong-role' | 'not-a-page';

/** Whether this user (or nobody) may open the page of this route id. */
export function pageAccess(routeId: string | null, role: Role | null): PageAccess {
	const rule = routeId === null ? undefined : PAGE_ACCESS[routeId];
	if (rule === undefined) return 'not-a-page';
	if (rule === 'public') return 'open';
	if (role === null) return 'sign-in';
	return rule(role) ? 'open' : 'wrong-role';
}

/** What a link needs beyond its page's role rule, where the page's load asks more of its reader. */
const LINK_RULES: Record<string, (reader: RoleInScope) => boolean> = {
	'/(app)/admin/services': mayEditCatalogue
};

/** The header's links: the pages this reader may open, in this order. */
export function navigationFor(reader: RoleInScope) {
	const links = [
		{ routeId: '/(app)/dispatch', href: '/dispatch', name: 'dispatch' },
		{ routeId: '/(app)/volunteer', href: '/volunteer', name: 'volunteer' },
		{ routeId: '/(app)/report', href: '/report', name: 'report' },
		{ routeId: '/(app)/follow-ups', href: '/follow-ups', name: 'followUps' },
		{ routeId: '/(app)/history', href: '/history', name: 'history' },
		{ routeId: '/(app)/admin/services', href: '/admin/services', name: 'services' },
		{ routeId: '/(app)/admin/teams', href: '/admin/teams', name: 'teams' },
		{ routeId: '/(app)/admin/volunteers', href: '/admin/volunteers', name: 'volunteers' },
		{ routeId: '/(app)/print/qr', href: '/print/qr', name: 'qr' }
	] as const;
	return links.filter((link) => pageAccess(link.routeId, reader.role) === 'open' && (LINK_RULES[link.routeId]?.(reader) ?? true));
}

/** Which page each role lands on after signing in. */
export function homePathFor(role: Role): string {
	const homes: Record<Role, string> = { volunteer: '/volunteer', coordinator: '/history', dispatcher: '/dispatch', reporter: '/report' };
	return homes[role];
}
