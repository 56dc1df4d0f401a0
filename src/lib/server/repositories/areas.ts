import type { Queryable } from '../db/types';
import type { Area, AreaKind } from '../../dispatch/areas';

export async function listAreas(db: Queryable): Promise<Area[]> {
	const rows = await db.selectFrom('areas').select(['id', 'name', 'kind', 'parent_id']).orderBy('name').execute();
	return rows.map((row) => ({ id: row.id, name: row.name, kind: row.kind, parentId: row.parent_id }));
}

/** Adds an area, or finds the one of that name under the same parent. */
export async function ensureArea(db: Queryable, area: { name: string; kind: AreaKind; parentId: string | null }): Promise<string> {
	const existing = await db
		.selectFrom('areas')
		.select('id')
		.where('name', '=', area.name)
		.where((eb) => (area.parentId ? eb('parent_id', '=', area.parentId) : eb('parent_id', 'is', null)))
		.executeTakeFirst();
	if (existing) return existing.id;
	const row = await db
		.insertInto('areas')
		.values({ name: area.name, kind: area.kind, parent_id: area.parentId })
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}
