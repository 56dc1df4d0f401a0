// The words of the domain, shared by server, client and database checks.
// The migration repeats these lists on purpose (migrations are frozen in time).

export const REQUEST_TYPES = ['haircut', 'repair', 'elder_visit'] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

/** A volunteer's skill is named after the request type it serves. */
export type Skill = RequestType;

export const URGENCIES = ['normal', 'urgent'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const STATUSES = ['open', 'assigned', 'accepted', 'in_progress', 'completed', 'cancelled'] as const;
export type Status = (typeof STATUSES)[number];

export const ACTIVE_STATUSES = ['open', 'assigned', 'accepted', 'in_progress'] as const satisfies readonly Status[];
/** A volunteer holds the task: it counts as their active load (see ranking.ts). */
export const HELD_STATUSES = ['assigned', 'accepted', 'in_progress'] as const satisfies readonly Status[];
export const FINISHED_STATUSES = ['completed', 'cancelled'] as const satisfies readonly Status[];

export const ROLES = ['dispatcher', 'volunteer', 'coordinator'] as const;
export type Role = (typeof ROLES)[number];

export const BUILDING_KINDS = ['residential', 'shop', 'public'] as const;
export type BuildingKind = (typeof BUILDING_KINDS)[number];

export const TEAMS = ['haircut', 'repair', 'elder_visit'] as const;
export type Team = (typeof TEAMS)[number];

export function isActiveStatus(status: Status): boolean {
	return (ACTIVE_STATUSES as readonly Status[]).includes(status);
}

export function isHeldStatus(status: Status): boolean {
	return (HELD_STATUSES as readonly Status[]).includes(status);
}
