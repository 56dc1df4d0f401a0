import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { Actor } from '../../dispatch/permissions';
import { assigneeKeepsContact, isReporter, isStaff } from '../../dispatch/permissions';
import { deliveriesFor, heardOnce, roomsOf, withoutContact } from '../../realtime/deliveries';
import { teamTiesOf } from '../repositories/teams';
import { listCurrentHolders } from '../repositories/requests';
import type { CaughtUpEvent } from '../../realtime/events';
import { listEventsAfter, type Audience } from '../repositories/events';

/** Events read from the table per query when a caller asks for everything. */
export const CATCH_UP_PAGE = 1000;

/** The events this actor would have heard live after `after`, in seq order: at most `limit` stored events' worth. */
export async function eventsAfter(db: Kysely<Database>, actor: Actor, after: number, limit: number): Promise<CaughtUpEvent[]> {
	return (await readPage(db, actor, after, limit)).events;
}

/**
 * All of them, page by page, until a page comes back short: a long absence costs one page of
 * memory, not the whole tail. The first page is read before this returns, so a database that is
 * down is an error the caller can still answer with a status, not a broken stream.
 */
export async function allEventsAfter(
	db: Kysely<Database>,
	actor: Actor,
	after: number
): Promise<{ first: CaughtUpEvent[]; rest: AsyncIterable<CaughtUpEvent[]> }> {
	const first = await readPage(db, actor, after, CATCH_UP_PAGE);
	async function* rest() {
		let page = first;
		while (page.complete) {
			page = await readPage(db, actor, page.lastSeq, CATCH_UP_PAGE);
			if (page.events.length) yield page.events;
		}
	}
	return { first: first.events, rest: rest() };
}

async function readPage(db: Kysely<Database>, actor: Actor, after: number, limit: number) {
	const teams = actor.volunteerId ? await teamTiesOf(db, actor.volunteerId) : { led: [], member: [] };
	const audience: Audience | null = isStaff(actor.role)
		? { kind: 'staff', communityIds: actor.communityIds }
		: isReporter(actor.role)
			? { kind: 'reporter', userId: actor.userId }
			: actor.volunteerId
				? { kind: 'volunteer', volunteerId: actor.volunteerId, ledTeamIds: teams.led, teamIds: teams.member }
				: null;
	if (!audience) return { events: [], lastSeq: after, complete: false };
	const rooms = new Set(roomsOf(actor, teams));
	const stored = await listEventsAfter(db, after, audience, limit);
	let events = stored.flatMap((event) => heardOnce(deliveriesFor(event), rooms));
	if (audience.kind === 'volunteer') events = await withoutExpiredContacts(db, events, audience.volunteerId);
	return {
		events,
		lastSeq: stored.at(-1)?.seq ?? after,
		/** A full page: there may be more after it. */
		complete: stored.length === limit
	};
}

/**
 * An old event still carries the contact its task had then. A volunteer catching up reads it as
 * the task is now: the resident's contact only while the task is still theirs and unfinished.
 */
async function withoutExpiredContacts(db: Kysely<Database>, events: CaughtUpEvent[], volunteerId: string): Promise<CaughtUpEvent[]> {
	const requestIds = [...new Set(events.flatMap((e) => ('request' in e.data ? [e.data.request.id] : [])))];
	const holders = await listCurrentHolders(db, requestIds);
	return events.map((e) => {
		if (!('request' in e.data)) return e;
		const now = holders.get(e.data.request.id);
		if (now && now.assigneeId === volunteerId && assigneeKeepsContact(now.status)) return e;
		return { ...e, data: { ...e.data, request: withoutContact(e.data.request) } } as CaughtUpEvent;
	});
}
