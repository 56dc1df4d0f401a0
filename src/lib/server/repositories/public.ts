// What the public pages read and write: buildings by their stairwell code, requests by their
// tracking token, and the submissions the limits count.
import { sql } from 'kysely';
import type { Queryable } from '../db/types';
import type { RequestRow } from '../db/schema';
import { ACTIVE_STATUSES } from '../../dispatch/vocabulary';

export async function findBuildingByCode(db: Queryable, code: string) {
	return db
		.selectFrom('buildings')
		.innerJoin('areas', 'areas.id', 'buildings.community_id')
		.select(['buildings.id', 'buildings.community_id', 'buildings.name', 'areas.name as communityName'])
		.where('buildings.code', '=', code)
		.executeTakeFirst();
}

export async function findRequestByToken(db: Queryable, token: string): Promise<RequestRow | undefined> {
	return db.selectFrom('requests').selectAll().where('track_token', '=', token).executeTakeFirst();
}

/** The resident's own request still in hand: same phone, service and building. */
export async function findActiveResidentDuplicate(
	db: Queryable,
	key: { buildingId: string; type: string; phone: string }
): Promise<{ track_token: string | null } | undefined> {
	return db
		.selectFrom('requests')
		.select('track_token')
		.where('source', '=', 'resident')
		.where('building_id', '=', key.buildingId)
		.where('type', '=', key.type)
		.where('contact_phone', '=', key.phone)
		.where('status', 'in', ACTIVE_STATUSES)
		.where('track_token', 'is not', null)
		.orderBy('created_at', 'desc')
		.limit(1)
		.executeTakeFirst();
}

/** Public requests since `since` from this address, and for this phone. */
export async function countSubmissions(db: Queryable, address: string, phone: string, since: Date) {
	const row = await db
		.selectFrom('public_submissions')
		.select([
			sql<number>`count(*) filter (where address = ${address})::int`.as('byAddress'),
			sql<number>`count(*) filter (where phone = ${phone})::int`.as('byPhone')
		])
		.where('at', '>', since)
		.where((eb) => eb.or([eb('address', '=', address), eb('phone', '=', phone)]))
		.executeTakeFirstOrThrow();
	return row;
}

export async function recordSubmission(db: Queryable, address: string, phone: string, at: Date): Promise<void> {
	await db
		.insertInto('public_submissions')
		.values({ address: address.slice(0, 64), phone, at })
		.execute();
}

/** Who holds the request, as the tracking page names them: their name and the service's skill. */
export async function findTrackingFacts(db: Queryable, request: RequestRow) {
	const [building, volunteer, cancel] = await Promise.all([
		db.selectFrom('buildings').select('name').where('id', '=', request.building_id).executeTakeFirst(),
		request.assignee_id
			? db.selectFrom('volunteers').select('name').where('id', '=', request.assignee_id).executeTakeFirst()
			: Promise.resolve(undefined),
		request.status === 'cancelled'
			? db
					.selectFrom('events')
					.select('note')
					.where('request_id', '=', request.id)
					.where('action', '=', 'cancel')
					.orderBy('seq', 'desc')
					.limit(1)
					.executeTakeFirst()
			: Promise.resolve(undefined)
	]);
	const service = await db.selectFrom('services').select('skill').where('code', '=', request.type).executeTakeFirst();
	return {
		buildingName: building?.name ?? '',
		volunteerName: volunteer?.name ?? null,
		skill: service?.skill ?? '',
		cancelReason: cancel?.note ?? null
	};
}
