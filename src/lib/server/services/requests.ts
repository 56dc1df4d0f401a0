import type { Transaction } from 'kysely';
import type { Database, RequestRow, RequestUpdate } from '../db/schema';
import type { RequestView, TimelineEntry } from '../../api/types';
import type { RequestType, Status, Urgency } from '../../dispatch/vocabulary';
import { allowedFrom, isAssigneeAction, nextStatus, type AssigneeAction } from '../../dispatch/lifecycle';
import { inScope, isAssignee, isStaff, maySeeContact, type Actor } from '../../dispatch/permissions';
import { findRequest, findRequestForUpdate, insertRequest, toRequestView, updateRequestIf } from '../repositories/requests';
import { findBuilding } from '../repositories/buildings';
import { findService } from '../repositories/services';
import type { Queryable } from '../db/types';
import type { NewEventRecord } from '../repositories/events';
import type { AssignSource } from '../../dispatch/event-actions';
import { findElderAt } from '../repositories/elders';
import { deadlinesFor } from '../../dispatch/deadlines';
import type { RequestSource } from '../db/schema';
import { listTimelineRows, wasOfferedTo } from '../repositories/events';
import { stepForVolunteer, volunteerSees } from '../../dispatch/timeline-audience';
import { ApiError, conflict, forbidden, invalidInput, notFound } from '../http/api-error';
import { lockEligibleVolunteer } from './eligible-volunteer';
import { commitChange } from './commit';
import {
	requestAssigned,
	requestCancelled,
	requestCreated,
	taskAccepted,
	taskCompleted,
	taskDeclined,
	taskReleased,
	taskStarted
} from './event-records';
import type { HandbackReason } from '../../dispatch/reasons';
import type { ServiceDeps } from './deps';

export interface NewRequestInput {
	type: RequestType;
	buildingId: string;
	description: string;
	urgency: Urgency;
	unit: string;
	contactName: string | null;
	contactPhone: string | null;
	/** Auto-offer from the start; undefined: the service's default. */
	autoOffer?: boolean;
}

function requireStaff(actor: Actor) {
	if (!isStaff(actor.role)) throw forbidden('Only dispatchers and coordinators may do this.');
}

export async function createRequest(deps: ServiceDeps, actor: Actor, input: NewRequestInput): Promise<RequestView> {
	requireStaff(actor);
	return commitChange(deps, async (trx) => {
		// A building outside the scope is one this dispatcher cannot see: as if it did not exist.
		const building = await findBuilding(trx, input.buildingId);
		if (!building || !inScope(actor, building.community_id)) {
			throw invalidInput('That building does not exist.', [{ path: 'buildingId', message: 'Unknown building' }]);
		}
		const row = await insertNewRequest(trx, deps.now(), { building, input, createdBy: actor.userId, source: 'staff' });
		const request = toRequestView(row, true);
		return {
			result: request,
			events: [requestCreated(actor.userId, request)]
		};
	});
}

/** Where a new request came from, and what only a resident's request carries. */
export interface NewRequestOrigin {
	createdBy: string | null;
	source: RequestSource;
	reporterId?: string;
	/** A resident's tracking token and the code they give the volunteer. */
	tracking?: { token: string; confirmationCode: string };
}

/**
 * Inserts a new open request, whoever asks: the service must be active; the deadlines come from
 * the catalogue (dispatch/deadlines.ts); a visit to a known elder keeps its continuity (the same
 * volunteer as last time) when the building and unit name the elder.
 */
export async function insertNewRequest(
	trx: Transaction<Database>,
	now: Date,
	args: NewRequestOrigin & { building: { id: string; community_id: string }; input: NewRequestInput }
): Promise<RequestRow> {
	const { building, input } = args;
	const service = await findService(trx, input.type);
	if (!service?.active) {
		throw invalidInput('Choose a service from the catalogue.', [{ path: 'type', message: 'Not an active service' }]);
	}
	const elderId = input.type === 'elder_visit' ? await findElderAt(trx, building.id, input.unit) : null;
	const deadlines = deadlinesFor(service, input.urgency, now);
	return insertRequest(trx, {
		community_id: building.community_id,
		type: input.type,
		elder_id: elderId,
		building_id: building.id,
		description: input.description,
		urgency: input.urgency,
		unit: input.unit,
		contact_name: input.contactName,
		contact_phone: input.contactPhone,
		created_by: args.createdBy,
		created_at: now,
		auto_offer: input.autoOffer ?? service.autoOffer,
		assign_by: deadlines.assignBy,
		complete_by: deadlines.completeBy,
		source: args.source,
		reporter_id: args.reporterId ?? null,
		track_token: args.tracking?.token ?? null,
		confirmation_code: args.tracking?.confirmationCode ?? null
	});
}

/**
 * A request as this reader may open it: staff within their scope (outside it, as if it did not
 * exist: 404), a volunteer when it is their task.
 */
export async function getRequestFor(deps: Pick<ServiceDeps, 'db'>, actor: Actor, id: string): Promise<RequestRow> {
	const row = await findRequest(deps.db, id);
	if (!row || (isStaff(actor.role) && !inScope(actor, row.community_id))) throw notFound('The request');
	if (!isStaff(actor.role) && !isAssignee(actor, row.assignee_id)) throw forbidden('This request is not assigned to you.');
	return row;
}

/** A request staff may change: inside their scope, else 404. */
export async function findStaffRequest(trx: Queryable, actor: Actor, id: string, lock = false): Promise<RequestRow> {
	const row = lock ? await findRequestForUpdate(trx, id) : await findRequest(trx, id);
	if (!row || !inScope(actor, row.community_id)) throw notFound('The request');
	return row;
}

/** The volunteer who may take this request: eligible for its service's skill and its community. */
export async function lockVolunteerFor(trx: Queryable, request: RequestRow, volunteerId: string) {
	const service = await findService(trx, request.type);
	return lockEligibleVolunteer(trx, volunteerId, { skill: service?.skill ?? request.type, communityId: request.community_id });
}

/**
 * A request's timeline as this reader may see it: staff read every row (and, on a decline, which
 * volunteer declined); a volunteer reads only their own steps and the staff's, never another
 * volunteer's (timeline-audience.ts).
 */
export async function readTimeline(deps: Pick<ServiceDeps, 'db'>, actor: Actor, requestId: string): Promise<TimelineEntry[]> {
	const rows = await listTimelineRows(deps.db, requestId);
	const staff = isStaff(actor.role);
	const entries: TimelineEntry[] = [];
	for (const row of rows) {
		const facts = {
			action: row.action,
			actorUserId: row.actor_id,
			actorRole: row.actor_role,
			volunteerId: row.volunteer_id,
			previousAssigneeId: row.previous_assignee_id
		};
		const sees = staff
			? { keepNote: true }
			: actor.volunteerId
				? volunteerSees(facts, { userId: actor.userId, volunteerId: actor.volunteerId })
				: null;
		if (!sees) continue;
		entries.push({
			...(staff ? row.step : stepForVolunteer(row.step, actor.volunteerId!)),
			seq: Number(row.seq),
			at: row.at.toISOString(),
			actor: row.actor,
			from: row.from_status as Status | null,
			to: row.to_status as Status | null,
			note: sees.keepNote ? row.note : null,
			...(staff && row.action === 'decline' && row.previous_assignee_id ? { declinedBy: row.previous_assignee_id } : {})
		});
	}
	return entries;
}

export function viewFor(actor: Actor, row: RequestRow): RequestView {
	return toRequestView(row, maySeeContact(actor, { assigneeId: row.assignee_id, status: row.status }));
}

/**
 * Explains a lost race in words a dispatcher understands. `expectedStatuses` are those the
 * change could start from: still in one of them means only the version moved on.
 */
export async function explainConflict(
	trx: Transaction<Database>,
	id: string,
	expectedVersion?: number,
	expectedStatuses: readonly Status[] = ['open']
): Promise<never> {
	const current = await findRequest(trx, id);
	if (!current) throw notFound('The request');
	if (expectedVersion !== undefined && current.version !== expectedVersion && expectedStatuses.includes(current.status)) {
		throw conflict('This request was changed by someone else a moment ago. The board now shows the latest state.');
	}
	if (current.status === 'open') throw conflict('This request is back in the queue now, so this cannot be done.');
	throw conflict(`This request is already ${current.status.replace('_', ' ')}, so this cannot be done now.`);
}

export async function assignVolunteer(
	deps: ServiceDeps,
	actor: Actor,
	id: string,
	input: { volunteerId: string; version: number }
): Promise<RequestView> {
	requireStaff(actor);
	return commitChange(deps, async (trx) => {
		const request = await findStaffRequest(trx, actor, id);
		const { view, event } = await offerOpenRequest(trx, deps.now(), actor.userId, request, input);
		return { result: view, events: [event] };
	});
}

/**
 * The assign itself, whoever makes it (staff, or the leader of the team the request is handed
 * to): the volunteer checked and locked, then one conditional update on (id, version, status
 * open), and its 'assign' event. A lost race is explained as a 409.
 */
export async function offerOpenRequest(
	trx: Transaction<Database>,
	now: Date,
	/** Null for auto-offer: the server itself. */
	actorId: string | null,
	request: RequestRow,
	input: { volunteerId: string; version: number },
	source?: AssignSource
): Promise<{ view: RequestView; event: NewEventRecord }> {
	const volunteer = await lockVolunteerFor(trx, request, input.volunteerId);
	// Auto-offer counts its own offers; anyone else's assign takes over from it (auto-offer.ts).
	const auto = source?.source === 'auto_offer' ? { auto_tried: source.attempt } : { auto_offer: false, auto_tried: 0 };
	const updated = await updateRequestIf(
		trx,
		{ id: request.id, statuses: allowedFrom('assign'), version: input.version },
		{ status: 'assigned', assignee_id: volunteer.id, assigned_at: now, offer_expired_at: null, auto_exhausted: false, ...auto }
	);
	if (!updated) return explainConflict(trx, request.id, input.version);
	const view = toRequestView(updated, true);
	return { view, event: requestAssigned(actorId, view, volunteer.id, source) };
}

export async function cancelRequest(deps: ServiceDeps, actor: Actor, id: string, reason: string, version?: number): Promise<RequestView> {
	requireStaff(actor);
	return commitChange(deps, async (trx) => {
		// Held until commit: a cancel races the assignee's accept or start, and the audit row must name the real "from".
		const before = await findStaffRequest(trx, actor, id, true);
		const updated = await updateRequestIf(
			trx,
			{ id, statuses: allowedFrom('cancel'), version },
			{ status: 'cancelled', cancelled_at: deps.now(), auto_offer: false }
		);
		if (!updated) return explainConflict(trx, id, version);
		const view = toRequestView(updated, true);
		return {
			result: view,
			events: [requestCancelled(actor.userId, view, before.status, reason)]
		};
	});
}

/** What each of the assignee's actions writes, besides the new status. */
function assigneeChange(action: AssigneeAction, now: Date): RequestUpdate {
	switch (action) {
		case 'accept':
			return { accepted_at: now, offer_expired_at: null };
		case 'decline':
			return { assignee_id: null, assigned_at: null, offer_expired_at: null, requeued_by: 'decline' };
		case 'release':
			// Back to the queue as if never taken: the next volunteer's accept and start stamp their own times.
			// Given back for a reason a person should weigh ("not home"): auto-offer stops and the dispatcher decides.
			return { assignee_id: null, assigned_at: null, accepted_at: null, started_at: null, requeued_by: 'release', auto_offer: false };
		case 'start':
			return { started_at: now };
		case 'complete':
			return { completed_at: now };
	}
}

/** What the assignee sends with a step: their note, and for a decline or release why, as a code. */
export interface AssigneeInput {
	note: string | null;
	reason?: HandbackReason | null;
	/** On complete: the resident's confirmation code, when they gave one. */
	code?: string | null;
}

/** The event each of the assignee's actions records. */
function assigneeStepEvent(action: AssigneeAction, step: Parameters<typeof taskAccepted>[0], volunteerId: string, input: AssigneeInput) {
	switch (action) {
		case 'accept':
			return taskAccepted(step);
		case 'decline':
			return taskDeclined({ ...step, volunteerId, reason: input.reason ?? null });
		case 'release':
			return taskReleased({ ...step, volunteerId, reason: input.reason ?? 'other' });
		case 'start':
			return taskStarted(step);
		case 'complete':
			return taskCompleted(step);
	}
}

/** accept, decline, release, start, complete: only the assignee, only from the right status. */
export async function actOnTask(
	deps: ServiceDeps,
	actor: Actor,
	id: string,
	action: AssigneeAction,
	input: AssigneeInput
): Promise<RequestView> {
	if (!isAssigneeAction(action)) throw invalidInput('Unknown action.');
	if (action === 'release' && !input.reason)
		throw invalidInput('Say why you give the task back.', [{ path: 'reason', message: 'Required' }]);
	return commitChange(deps, async (trx) => {
		const before = await findRequest(trx, id);
		if (!before) throw notFound('The request');
		if (!isAssignee(actor, before.assignee_id)) {
			// Whoever held the task a moment ago lost a race (a reassignment got there first):
			// that is a conflict to explain, not a stranger to refuse.
			if (actor.volunteerId && (await wasOfferedTo(trx, id, actor.volunteerId))) {
				throw conflict(
					before.status === 'open'
						? 'This task is back in the queue now, so this cannot be done.'
						: 'This task was given to someone else a moment ago.'
				);
			}
			throw forbidden('This task is not assigned to you.');
		}
		const to = nextStatus(before.status, action);
		if (!to) return explainConflict(trx, id);
		// A code the resident did not give is refused plainly, and nothing is completed.
		const confirmed = action === 'complete' && input.code ? input.code === before.confirmation_code : false;
		if (action === 'complete' && input.code && !confirmed) {
			throw new ApiError('unprocessable', 'That is not the code the resident has. Ask them to read it again.', [
				{ path: 'code', message: 'Wrong code' }
			]);
		}

		const updated = await updateRequestIf(
			trx,
			{ id, statuses: allowedFrom(action), assigneeId: actor.volunteerId! },
			{ status: to, ...assigneeChange(action, deps.now()), ...(confirmed ? { confirmed: true } : {}) }
		);
		if (!updated) return explainConflict(trx, id);
		const step = { actorId: actor.userId, request: toRequestView(updated, true), from: before.status, note: input.note };
		return {
			// The volunteer keeps the resident's contact until they give the task back or finish it.
			result: viewFor(actor, updated),
			events: [assigneeStepEvent(action, step, actor.volunteerId!, input)]
		};
	});
}
