import { sql } from 'kysely';
import type { Queryable } from '../db/types';
import type { EventKind } from '../db/schema';
import type { StoredEvent } from '../../realtime/deliveries';
import type { RequestView, ServiceView, TeamView, VolunteerView } from '../../api/types';
import type { Status } from '../../dispatch/vocabulary';
import { OFFER_ACTIONS, type EventAction, type EventStep, type RequestStep } from '../../dispatch/event-actions';

/**
 * One event to append. `action` and `meta` come as a pair (dispatch/event-actions.ts); build
 * these with services/event-records.ts rather than by hand.
 */
export type NewEventRecord = EventStep & {
	kind: EventKind;
	actorId: string | null;
	requestId: string | null;
	volunteerId: string | null;
	previousAssigneeId?: string | null;
	fromStatus?: Status | null;
	toStatus?: Status | null;
	/** What a person typed, as they typed it. */
	note?: string | null;
	payload: RequestView | VolunteerView | ServiceView | TeamView;
	at?: Date;
	/** Whose staff hear it, when not the community its payload names (a volunteer who moved: their old one). */
	communityId?: string;
};

/** Whose staff hear an event (null: everyone), read off what it is about. */
function communityOf(event: NewEventRecord): string | null {
	if (event.communityId) return event.communityId;
	return event.kind === 'service_updated' ? null : (event.payload as { communityId: string }).communityId;
}

/** The team whose leader hears a request event: the team it is handed to now. */
function teamOf(event: NewEventRecord): string | null {
	return event.kind === 'request_created' || event.kind === 'request_updated' ? (event.payload as RequestView).teamId : null;
}

// Any constant works; it names the lock that orders event numbers.
const EVENT_ORDER_LOCK = 7_270_301;

/**
 * Appends events at the end of a transaction. The transaction-scoped advisory lock makes
 * seq order equal commit order: a client that has seen seq N has seen every committed
 * event below N, which is what makes `after=N` catch-up exact. It is held only from
 * here to commit, so call this last.
 */
export async function appendEvents(trx: Queryable, events: NewEventRecord[]): Promise<StoredEvent[]> {
	if (events.length === 0) return [];
	await sql`select pg_advisory_xact_lock(${EVENT_ORDER_LOCK})`.execute(trx);
	const rows = await trx
		.insertInto('events')
		.values(
			events.map((e) => ({
				kind: e.kind,
				action: e.action,
				community_id: communityOf(e),
				team_id: teamOf(e),
				actor_id: e.actorId,
				request_id: e.requestId,
				volunteer_id: e.volunteerId,
				previous_assignee_id: e.previousAssigneeId ?? null,
				from_status: e.fromStatus ?? null,
				to_status: e.toStatus ?? null,
				note: e.note ?? null,
				meta: JSON.stringify(e.meta),
				payload: JSON.stringify(e.payload),
				...(e.at ? { at: e.at } : {})
			}))
		)
		.returning(['seq', 'kind', 'action', 'community_id', 'team_id', 'volunteer_id', 'previous_assignee_id', 'note'])
		.execute();
	// RETURNING gives one row per inserted event, in the order they were given.
	return rows.map((row, i) => storedEvent({ ...row, payload: events[i]!.payload }));
}

/** A row of the events table as delivery reads it; its kind says what its payload is. */
function storedEvent(row: {
	seq: string;
	kind: EventKind;
	action: EventAction;
	community_id: string | null;
	team_id: string | null;
	volunteer_id: string | null;
	previous_assignee_id: string | null;
	note: string | null;
	payload: unknown;
}): StoredEvent {
	return {
		seq: Number(row.seq),
		kind: row.kind,
		action: row.action,
		communityId: row.community_id,
		teamId: row.team_id,
		volunteerId: row.volunteer_id,
		previousAssigneeId: row.previous_assignee_id,
		note: row.note,
		payload: row.payload
	} as StoredEvent;
}

/**
 * Who is catching up. The server itself (the roster) hears everything. Staff hear their scope's communities and the catalogue; a volunteer their
 * own tasks, the requests handed to the teams they lead, their teams and the catalogue. The rows
 * read here are a superset; deliveriesFor picks what each room hears, as it does live.
 */
export type Audience =
	| { kind: 'everything' }
	| { kind: 'staff'; communityIds: readonly string[] }
	| { kind: 'volunteer'; volunteerId: string; ledTeamIds: readonly string[]; teamIds: readonly string[] }
	| { kind: 'reporter'; userId: string };

export async function listEventsAfter(db: Queryable, after: number, audience: Audience, limit: number): Promise<StoredEvent[]> {
	let query = db
		.selectFrom('events')
		.select(['seq', 'kind', 'action', 'community_id', 'team_id', 'volunteer_id', 'previous_assignee_id', 'note', 'payload'])
		.where('seq', '>', String(after))
		.orderBy('seq')
		.limit(limit);
	if (audience.kind === 'everything') {
		// The server's own readers (the candidate roster's tail) hear every event.
	} else if (audience.kind === 'staff') {
		const communities = [...audience.communityIds];
		query = query.where((eb) =>
			eb.or([
				eb('kind', '=', 'service_updated'),
				...(communities.length ? [eb('community_id', 'in', communities)] : []),
				// A team of another community that serves one of these: its staff hear it too.
				...(communities.length ? [sql<boolean>`(kind = 'team_updated' and payload -> 'communityIds' ?| ${communities}::text[])`] : [])
			])
		);
	} else if (audience.kind === 'reporter') {
		// What they reported: its requests' payloads name them.
		query = query.where((eb) =>
			eb.or([
				eb('kind', '=', 'service_updated'),
				sql<boolean>`(kind in ('request_created', 'request_updated') and payload ->> 'reporterId' = ${audience.userId})`
			])
		);
	} else {
		const me = audience.volunteerId;
		const led = [...audience.ledTeamIds];
		const member = [...audience.teamIds];
		query = query.where((eb) =>
			eb.or([
				eb('kind', '=', 'service_updated'),
				eb.and([eb('kind', '<>', 'volunteer_updated'), eb.or([eb('volunteer_id', '=', me), eb('previous_assignee_id', '=', me)])]),
				...(led.length ? [eb('team_id', 'in', led)] : []),
				...(member.length ? [sql<boolean>`(kind = 'team_updated' and payload ->> 'id' = any(${member}::text[]))`] : [])
			])
		);
	}
	const rows = await query.execute();
	return rows.map(storedEvent);
}

/** Whether the request was ever offered to this volunteer: an assign or a reassignment naming them. */
export async function wasOfferedTo(db: Queryable, requestId: string, volunteerId: string): Promise<boolean> {
	const row = await db
		.selectFrom('events')
		.select('seq')
		.where('request_id', '=', requestId)
		.where('volunteer_id', '=', volunteerId)
		.where('action', 'in', [...OFFER_ACTIONS])
		.limit(1)
		.executeTakeFirst();
	return row !== undefined;
}

/** Who declined this request, each once: the assignee an offer's decline took it from. */
export async function listDecliners(db: Queryable, requestId: string): Promise<string[]> {
	const rows = await db
		.selectFrom('events')
		.select('previous_assignee_id as volunteerId')
		.distinct()
		.where('request_id', '=', requestId)
		.where('action', '=', 'decline')
		.where('previous_assignee_id', 'is not', null)
		.execute();
	return rows.map((r) => r.volunteerId!);
}

/** Everyone this request was ever offered to (assigns and reassignments naming them), each once. */
export async function listOfferedVolunteers(db: Queryable, requestId: string): Promise<string[]> {
	const rows = await db
		.selectFrom('events')
		.select('volunteer_id as volunteerId')
		.distinct()
		.where('request_id', '=', requestId)
		.where('action', 'in', [...OFFER_ACTIONS])
		.where('volunteer_id', 'is not', null)
		.execute();
	return rows.map((r) => r.volunteerId!);
}

export async function latestSeq(db: Queryable): Promise<number> {
	const row = await db
		.selectFrom('events')
		.select((eb) => eb.fn.max('seq').as('max'))
		.executeTakeFirst();
	return Number(row?.max ?? 0);
}

/** A request's audit rows, oldest first, with who did each step and what a reader needs to decide who may see it. */
export async function listTimelineRows(db: Queryable, requestId: string) {
	const rows = await db
		.selectFrom('events')
		.leftJoin('users', 'users.id', 'events.actor_id')
		.select([
			'events.seq',
			'events.at',
			'users.name as actor',
			'users.role as actor_role',
			'events.actor_id',
			'events.action',
			'events.meta',
			'events.from_status',
			'events.to_status',
			'events.note',
			'events.volunteer_id',
			'events.previous_assignee_id'
		])
		.where('events.request_id', '=', requestId)
		.orderBy('events.seq')
		.execute();
	// A request's rows hold request steps, each meta written by its action's constructor (or
	// moved there by the 2026-12-04 migration): the pair is what the column types cannot say.
	return rows.map((row) => ({ ...row, step: { action: row.action, meta: row.meta } as RequestStep }));
}
