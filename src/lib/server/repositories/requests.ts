import { sql } from 'kysely';
import type { Queryable } from '../db/types';
import type { NewRequest, RequestRow, RequestUpdate } from '../db/schema';
import type { RequestView } from '../../api/types';
import { ACTIVE_STATUSES, HELD_STATUSES, type Status } from '../../dispatch/vocabulary';
import { LAST_VISIT, LOAD_STATUSES } from '../../dispatch/candidate-facts';
import type { LastVisit, RosterRequest } from '../roster/roster-state';
import { overdueOf } from '../../dispatch/deadlines';
import { attentionFor } from '../../dispatch/attention';

/**
 * How many requests the volunteer of the enclosing `select … from volunteers` holds now (the
 * held load of dispatch/candidate-facts.ts): a correlated subquery, a few probes of
 * requests_assignee_idx (assignee_id, status) per volunteer. The statuses are literals, as they
 * were when the plan was measured (see candidates.ts).
 */
export const heldRequestCount = sql<number>`(select count(*)::int from requests r
	where r.assignee_id = volunteers.id and r.status in (${sql.join(LOAD_STATUSES.map((status) => sql.lit(status)))}))`;

export async function insertRequest(db: Queryable, request: NewRequest): Promise<RequestRow> {
	return db.insertInto('requests').values(request).returningAll().executeTakeFirstOrThrow();
}

export async function findRequest(db: Queryable, id: string): Promise<RequestRow | undefined> {
	return db.selectFrom('requests').selectAll().where('id', '=', id).executeTakeFirst();
}

/** What the candidate search needs of a request: its type and skill, its community, its elder, and where its building stands. */
export type RequestPlace = NonNullable<Awaited<ReturnType<typeof findRequestPlace>>>;

export async function findRequestPlace(db: Queryable, id: string) {
	return db
		.selectFrom('requests')
		.innerJoin('buildings', 'buildings.id', 'requests.building_id')
		.innerJoin('services', 'services.code', 'requests.type')
		.select([
			'requests.type',
			'services.skill',
			'requests.community_id as communityId',
			'requests.elder_id as elderId',
			'buildings.lat',
			'buildings.lng'
		])
		.where('requests.id', '=', id)
		.executeTakeFirst();
}

/** Who holds each of these requests now, and in which status. */
export async function listCurrentHolders(
	db: Queryable,
	ids: string[]
): Promise<Map<string, { status: Status; assigneeId: string | null }>> {
	if (ids.length === 0) return new Map();
	const rows = await db.selectFrom('requests').select(['id', 'status', 'assignee_id']).where('id', 'in', ids).execute();
	return new Map(rows.map((row) => [row.id, { status: row.status, assigneeId: row.assignee_id }]));
}

/** Reads a request and holds it until the transaction ends, so what we record as "from" stays true. */
export async function findRequestForUpdate(db: Queryable, id: string): Promise<RequestRow | undefined> {
	return db.selectFrom('requests').selectAll().where('id', '=', id).forNoKeyUpdate().executeTakeFirst();
}

/** The requests of these communities in these statuses, oldest first. */
export async function listRequestsByStatus(
	db: Queryable,
	statuses: readonly Status[],
	communityIds: readonly string[]
): Promise<RequestRow[]> {
	if (communityIds.length === 0) return [];
	return db
		.selectFrom('requests')
		.selectAll()
		.where('status', 'in', statuses)
		.where('community_id', 'in', communityIds)
		.orderBy('created_at')
		.execute();
}

/** `%` and `_` typed by a person mean themselves in a LIKE pattern. */
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * A caller's "was it done?": requests created since `since`, finished or not, whose building
 * name, unit, contact phone or text holds `q`. Newest first, at most `limit`.
 */
export async function lookUpRequests(
	db: Queryable,
	q: string,
	since: Date,
	limit: number,
	communityIds: readonly string[]
): Promise<RequestRow[]> {
	if (communityIds.length === 0) return [];
	const pattern = `%${likeLiteral(q)}%`;
	return db
		.selectFrom('requests')
		.innerJoin('buildings', 'buildings.id', 'requests.building_id')
		.selectAll('requests')
		.where('requests.created_at', '>=', since)
		.where('requests.community_id', 'in', communityIds)
		.where((eb) =>
			eb.or([
				eb('buildings.name', 'ilike', pattern),
				eb('requests.unit', 'ilike', pattern),
				eb('requests.contact_phone', 'like', pattern),
				eb('requests.description', 'ilike', pattern)
			])
		)
		.orderBy('requests.created_at', 'desc')
		.limit(limit)
		.execute();
}

/** A volunteer's held tasks, oldest offer first; `lock` holds them until the transaction ends. */
export async function listActiveTasksOf(db: Queryable, volunteerId: string, lock = false): Promise<RequestRow[]> {
	const query = db
		.selectFrom('requests')
		.selectAll()
		.where('assignee_id', '=', volunteerId)
		.where('status', 'in', HELD_STATUSES)
		.orderBy('assigned_at');
	return (lock ? query.forNoKeyUpdate() : query).execute();
}

/**
 * The open requests handed to these teams, oldest first: what their leaders have to assign.
 * Read through the communities the teams serve, so the active-requests index does the work.
 */
export async function listOpenTeamRequests(
	db: Queryable,
	teams: readonly { id: string; communityIds: readonly string[] }[]
): Promise<RequestRow[]> {
	if (teams.length === 0) return [];
	return db
		.selectFrom('requests')
		.selectAll()
		.where('community_id', 'in', [...new Set(teams.flatMap((t) => t.communityIds))])
		.where('status', '=', 'open')
		.where(
			'team_id',
			'in',
			teams.map((t) => t.id)
		)
		.orderBy('created_at')
		.execute();
}

/** Offers made at or before `cutoff` that are still neither answered nor flagged, oldest first. */
export async function listUnansweredOffers(db: Queryable, cutoff: Date, limit = 500): Promise<RequestRow[]> {
	return db
		.selectFrom('requests')
		.selectAll()
		.where('status', '=', 'assigned')
		.where('assigned_at', '<=', cutoff)
		.where('offer_expired_at', 'is', null)
		.orderBy('assigned_at')
		.limit(limit)
		.execute();
}

/** Requests whose deadline for `milestone` passed by `now` and is not marked yet (requests_*_due_idx). */
export async function listPassedDeadlines(db: Queryable, milestone: 'assign' | 'complete', now: Date, limit = 500): Promise<RequestRow[]> {
	const query = db.selectFrom('requests').selectAll().orderBy('id').limit(limit);
	return milestone === 'assign'
		? query.where('status', '=', 'open').where('overdue_assign_at', 'is', null).where('assign_by', '<=', now).execute()
		: query.where('status', 'in', ACTIVE_STATUSES).where('overdue_complete_at', 'is', null).where('complete_by', '<=', now).execute();
}

/** Completed requests of these communities with no feedback, completed before `before`, oldest first (requests_completed_idx). */
export async function listUnratedCompletedBefore(
	db: Queryable,
	communityIds: readonly string[],
	before: Date,
	limit = 200
): Promise<RequestRow[]> {
	if (communityIds.length === 0) return [];
	return db
		.selectFrom('requests')
		.selectAll()
		.where('status', '=', 'completed')
		.where('feedback_at', 'is', null)
		.where('completed_at', '<=', before)
		.where('community_id', 'in', communityIds)
		.orderBy('completed_at')
		.limit(limit)
		.execute();
}

/** Open requests auto-offer is working on (requests_auto_offer_idx), oldest first. */
export async function listAutoOfferRequests(db: Queryable, limit = 500): Promise<string[]> {
	const rows = await db
		.selectFrom('requests')
		.select('id')
		.where(sql<boolean>`auto_offer`)
		.where('status', '=', 'open')
		.orderBy('created_at')
		.limit(limit)
		.execute();
	return rows.map((r) => r.id);
}

/** A volunteer's tasks completed since `since`, newest first. */
export async function listCompletedTasksOf(db: Queryable, volunteerId: string, since: Date, limit = 200): Promise<RequestRow[]> {
	return db
		.selectFrom('requests')
		.selectAll()
		.where('assignee_id', '=', volunteerId)
		.where('status', '=', 'completed')
		.where('completed_at', '>=', since)
		.orderBy('completed_at', 'desc')
		.limit(limit)
		.execute();
}

/**
 * The one way a request changes: a conditional update that matches only when the request is
 * still in one of the expected statuses (and at the expected version, when given).
 * Two racing writers cannot both match, so exactly one wins; the other gets undefined.
 */
export async function updateRequestIf(
	db: Queryable,
	where: { id: string; statuses: readonly Status[]; version?: number; assigneeId?: string },
	set: RequestUpdate
): Promise<RequestRow | undefined> {
	let query = db
		.updateTable('requests')
		.set((eb) => ({ ...attentionResets(set), ...set, version: eb('version', '+', 1) }))
		.where('id', '=', where.id)
		.where('status', 'in', where.statuses);
	if (where.version !== undefined) query = query.where('version', '=', where.version);
	if (where.assigneeId !== undefined) query = query.where('assignee_id', '=', where.assigneeId);
	return query.returningAll().executeTakeFirst();
}

/**
 * What every change clears of a request's attention columns (the database checks both): a
 * give-back is forgotten once the request leaves the queue, and an off-duty flag once the task
 * changes hands. A change that sets them itself (a decline, a release) overrides these.
 */
function attentionResets(set: RequestUpdate): RequestUpdate {
	return {
		...(set.status !== undefined && set.status !== 'open' ? { requeued_by: null } : {}),
		...(set.assignee_id !== undefined ? { assignee_off_duty: false } : {})
	};
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The contract's request shape. Contact details only when the reader may see them. */
export function toRequestView(row: RequestRow, withContact: boolean): RequestView {
	const overdue = overdueOf({ status: row.status, overdueAssignAt: row.overdue_assign_at, overdueCompleteAt: row.overdue_complete_at });
	const view: RequestView = {
		id: row.id,
		communityId: row.community_id,
		type: row.type,
		buildingId: row.building_id,
		unit: row.unit,
		description: row.description,
		urgency: row.urgency,
		status: row.status,
		version: row.version,
		assigneeId: row.assignee_id,
		elderId: row.elder_id,
		createdAt: row.created_at.toISOString(),
		assignedAt: iso(row.assigned_at),
		acceptedAt: iso(row.accepted_at),
		startedAt: iso(row.started_at),
		completedAt: iso(row.completed_at),
		cancelledAt: iso(row.cancelled_at),
		offerExpiredAt: iso(row.offer_expired_at),
		visitDueAt: iso(row.visit_due_at),
		teamId: row.team_id,
		autoOffer: { on: row.auto_offer, tried: row.auto_tried },
		source: row.source,
		reporterId: row.reporter_id,
		deadlines: { assignBy: iso(row.assign_by), completeBy: iso(row.complete_by) },
		overdue,
		feedback:
			row.feedback_rating !== null && row.feedback_via !== null && row.feedback_at !== null
				? { rating: row.feedback_rating, comment: row.feedback_comment, via: row.feedback_via, at: row.feedback_at.toISOString() }
				: null,
		reopenOf: row.reopen_of,
		confirmed: row.confirmed,
		startedOffSite: row.started_off_site,
		attention: attentionFor({
			status: row.status,
			offerExpiredAt: row.offer_expired_at,
			requeuedBy: row.requeued_by,
			assigneeOffDuty: row.assignee_off_duty,
			autoOffer: row.auto_offer,
			autoExhausted: row.auto_exhausted,
			overdue,
			reopenOf: row.reopen_of,
			source: row.source
		})
	};
	if (withContact) {
		view.contactName = row.contact_name;
		view.contactPhone = row.contact_phone;
	}
	return view;
}

/**
 * The requests the in-memory candidate roster keeps: open or held ones, and any assigned
 * since `assignedSince` (tasks today).
 */
export async function listRosterRequests(db: Queryable, assignedSince: Date): Promise<RosterRequest[]> {
	const rows = await db
		.selectFrom('requests')
		.select(['id', 'community_id', 'type', 'building_id', 'elder_id', 'status', 'assignee_id', 'assigned_at', 'completed_at'])
		.where((eb) => eb.or([eb('status', 'in', ACTIVE_STATUSES), eb('assigned_at', '>=', assignedSince)]))
		.execute();
	return rows.map((r) => ({
		id: r.id,
		communityId: r.community_id,
		type: r.type,
		buildingId: r.building_id,
		elderId: r.elder_id,
		status: r.status,
		assigneeId: r.assignee_id,
		assignedAt: r.assigned_at?.getTime() ?? null,
		completedAt: r.completed_at?.getTime() ?? null
	}));
}

/** Who made each elder's most recent visit (LAST_VISIT, continuity in the candidate roster). */
export async function listLastVisits(db: Queryable): Promise<LastVisit[]> {
	const rows = await db
		.selectFrom('requests')
		.distinctOn('elder_id')
		.select(['elder_id', 'assignee_id', 'completed_at'])
		.where('type', '=', LAST_VISIT.type)
		.where('status', '=', LAST_VISIT.status)
		.where('elder_id', 'is not', null)
		.where('assignee_id', 'is not', null)
		.orderBy('elder_id')
		.orderBy('completed_at', 'desc')
		.execute();
	return rows.map((r) => ({ elderId: r.elder_id!, volunteerId: r.assignee_id!, completedAt: r.completed_at!.getTime() }));
}
