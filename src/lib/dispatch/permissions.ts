import type { Role } from './vocabulary';

/** The signed-in person, as the rules need to know them. */
export interface Actor {
	userId: string;
	role: Role;
	volunteerId: string | null;
	name: string;
}

/** Dispatchers run the board; coordinators may do everything a dispatcher may. */
export function isStaff(role: Role): boolean {
	return role === 'dispatcher' || role === 'coordinator';
}

export function canReadHistory(role: Role): boolean {
	return role === 'coordinator';
}

/** Only the assigned volunteer acts on their task. */
export function isAssignee(actor: Actor, assigneeId: string | null): boolean {
	return actor.role === 'volunteer' && actor.volunteerId !== null && actor.volunteerId === assigneeId;
}

/** Residents' contact details are for staff and the current assignee alone. */
export function maySeeContact(actor: Actor, assigneeId: string | null): boolean {
	return isStaff(actor.role) || isAssignee(actor, assigneeId);
}

/** Which page each role lands on after signing in. */
export function homePathFor(role: Role): string {
	return role === 'volunteer' ? '/volunteer' : role === 'coordinator' ? '/history' : '/dispatch';
}
