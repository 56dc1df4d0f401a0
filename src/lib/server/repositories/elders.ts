import type { Queryable } from '../db/types';
import type { NewElder } from '../db/schema';
import type { ElderView } from '../../api/history-types';

/** The elders of these communities. */
export async function listElders(db: Queryable, communityIds: readonly string[]): Promise<ElderView[]> {
	if (communityIds.length === 0) return [];
	return db
		.selectFrom('elders')
		.leftJoin('visit_plans', 'visit_plans.elder_id', 'elders.id')
		.where('elders.community_id', 'in', communityIds)
		.select([
			'elders.id',
			'elders.community_id as communityId',
			'elders.name',
			'elders.building_id as buildingId',
			'elders.unit',
			'elders.phone',
			'elders.notes',
			'visit_plans.id as planId'
		])
		.orderBy('elders.name')
		.execute();
}

export async function findElder(db: Queryable, id: string) {
	return db.selectFrom('elders').select(['id', 'community_id', 'name']).where('id', '=', id).executeTakeFirst();
}

/** The one elder living at this building and unit, if exactly one does (an elder visit taken in by hand names only the place). */
export async function findElderAt(db: Queryable, buildingId: string, unit: string): Promise<string | null> {
	const rows = await db.selectFrom('elders').select('id').where('building_id', '=', buildingId).where('unit', '=', unit).limit(2).execute();
	return rows.length === 1 ? rows[0]!.id : null;
}

/** Adds an elder, or updates the phone and notes of the one of that name at that building and unit. */
export async function upsertElder(db: Queryable, elder: NewElder): Promise<'created' | 'updated'> {
	const existing = await db
		.selectFrom('elders')
		.select('id')
		.where('name', '=', elder.name)
		.where('building_id', '=', elder.building_id)
		.where('unit', '=', elder.unit ?? '')
		.executeTakeFirst();
	if (existing) {
		await db.updateTable('elders').set({ phone: elder.phone, notes: elder.notes }).where('id', '=', existing.id).execute();
		return 'updated';
	}
	await db.insertInto('elders').values(elder).execute();
	return 'created';
}
