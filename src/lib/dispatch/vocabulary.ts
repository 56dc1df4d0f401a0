// The words of the domain, shared by server, client and database checks.
// The migration repeats these lists on purpose (migrations are frozen in time).

/**
 * A request's type is the code of a service in the catalogue (the `services` table): any
 * active one. These three are the first services, and keep their meaning.
 */
export type RequestType = string;
export const FIRST_SERVICES = ['haircut', 'repair', 'elder_visit'] as const;

/** A volunteer's skill is one of the catalogue's skills (each service needs one). */
export type Skill = string;

/** Service codes and skills: lower-case words joined by underscores, as the database checks them. */
export const CODE_PATTERN = /^[a-z][a-z0-9_]{1,39}$/;

export const URGENCIES = ['normal', 'urgent'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const STATUSES = ['open', 'assigned', 'accepted', 'in_progress', 'completed', 'cancelled'] as const;
export type Status = (typeof STATUSES)[number];

export const ACTIVE_STATUSES = ['open', 'assigned', 'accepted', 'in_progress'] as const satisfies readonly Status[];
/** A volunteer holds the task: it counts as their active load (see ranking.ts). */
export const HELD_STATUSES = ['assigned', 'accepted', 'in_progress'] as const satisfies readonly Status[];
export const FINISHED_STATUSES = ['completed', 'cancelled'] as const satisfies readonly Status[];

/** `reporter`: building heads and grid workers (楼栋长, 网格员), who report for the buildings of their grid. */
export const ROLES = ['dispatcher', 'volunteer', 'coordinator', 'reporter'] as const;
export type Role = (typeof ROLES)[number];

export const BUILDING_KINDS = ['residential', 'shop', 'public'] as const;
export type BuildingKind = (typeof BUILDING_KINDS)[number];

export function isActiveStatus(status: Status): boolean {
	return (ACTIVE_STATUSES as readonly Status[]).includes(status);
}

export function isHeldStatus(status: Status): boolean {
	return (HELD_STATUSES as readonly Status[]).includes(status);
}
