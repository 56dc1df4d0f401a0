// The steps the events table records, and the machine data each one carries in `meta`.
// A step's note is only ever what a person typed (a decline or cancel reason, a completion
// note); whatever the system knows about a step is here, typed per action, so nothing has to
// parse a note back. The constructors are in server/services/event-records.ts.

import type { HandbackReason } from './reasons';

/** Who started a request or its first offer: staff, or a visit plan by itself (services/visit-scheduler.ts). */
export type StepSource = { source: 'staff' } | { source: 'visit_plan'; planId: string | null };

/** Who started a request: staff, a visit plan, a resident by the building's QR code, or a reporter. */
export type CreateSource = StepSource | { source: 'resident' } | { source: 'reporter' };

/**
 * Who made an offer: staff, a visit plan, the leader of the team the request was handed to,
 * or auto-offer by itself (`attempt` counts from 1 within its run).
 */
export type AssignSource = StepSource | { source: 'team_leader'; teamId: string } | { source: 'auto_offer'; attempt: number };

/** No machine data: the step's status change and its note say it all. */
export type NoMeta = Record<string, never>;

/**
 * `meta` per action. A volunteer id is null where the reader may not learn it (another
 * volunteer, see timeline-audience.ts) or, for rows older than meta, where nobody recorded it.
 * A plan id is null for a plan visit recorded before meta whose plan is gone.
 */
export interface EventMetaByAction {
	create: CreateSource;
	assign: AssignSource & { volunteerId: string | null };
	reassign: { fromVolunteerId: string | null; toVolunteerId: string | null };
	accept: NoMeta;
	/** Why, as a code said in each reader's language (reasons.ts); null when the volunteer gave none. */
	decline: { reason: HandbackReason | null };
	/** The assignee gave back a task they had accepted or started; why, as a code. */
	release: { reason: HandbackReason };
	start: NoMeta;
	complete: NoMeta;
	cancel: NoMeta;
	/** The offer timeout in force when the offer ran out, in minutes (0.05 in the e2e tests); null only on an old row that did not say. */
	offer_expired: { minutes: number | null };
	offer_requeued: { minutes: number | null };
	/** The assignee went off duty (or back on) while holding the task: `available` is their switch now. */
	assignee_duty: { available: boolean };
	/** Staff handed an open request to a team, whose leader assigns one of its members. */
	hand_to_team: { teamId: string };
	/** The resident rated it on the tracking page, or staff recorded a follow-up call; the comment is the note. */
	feedback: { rating: number; via: 'resident' | 'phone'; reopenedAs: string | null };
	/** A deadline passed unmet: found once, by the deadline job. */
	overdue: { milestone: 'assign' | 'complete' };
	/** Staff turned auto-offer on or off, or it ran out (`exhausted`, off by itself). */
	auto_offer: { on: boolean; exhausted: boolean };
	/** A volunteer's on-duty switch; `position` is the same switch turned on with a shared position. */
	availability: { available: boolean };
	position: { available: boolean };
	/** A coordinator changed a volunteer's record (skills, team, active). */
	volunteer_saved: NoMeta;
	/** A coordinator added or changed a service of the catalogue. */
	service_saved: { code: string };
	/** A coordinator added or changed a team. */
	team_saved: { teamId: string };
}

export type EventAction = keyof EventMetaByAction;
export type EventMeta = EventMetaByAction[EventAction];

/** An action with its own meta: switching on `action` narrows `meta`. */
export type EventStep = { [A in EventAction]: { action: A; meta: EventMetaByAction[A] } }[EventAction];

/** Steps of a request's life, as a timeline shows them; the others are about volunteers, the catalogue and teams. */
export type RequestStep = Exclude<EventStep, { action: 'availability' | 'position' | 'volunteer_saved' | 'service_saved' | 'team_saved' }>;

// A record, not a list, so that adding an action to EventMetaByAction fails to compile until it is named here.
const ACTIONS: Record<EventAction, 'request' | 'volunteer' | 'catalogue' | 'team'> = {
	create: 'request',
	assign: 'request',
	reassign: 'request',
	accept: 'request',
	decline: 'request',
	release: 'request',
	start: 'request',
	complete: 'request',
	cancel: 'request',
	offer_expired: 'request',
	offer_requeued: 'request',
	hand_to_team: 'request',
	auto_offer: 'request',
	feedback: 'request',
	overdue: 'request',
	assignee_duty: 'request',
	availability: 'volunteer',
	position: 'volunteer',
	volunteer_saved: 'volunteer',
	service_saved: 'catalogue',
	team_saved: 'team'
};

export const EVENT_ACTIONS = Object.keys(ACTIONS) as EventAction[];
export const REQUEST_ACTIONS = EVENT_ACTIONS.filter((a) => ACTIONS[a] === 'request') as RequestStep['action'][];

/** Actions that hand a task to a volunteer who did not hold it: a fresh offer for them. */
export const OFFER_ACTIONS: readonly EventAction[] = ['assign', 'reassign'];
