import { sql, type Kysely } from 'kysely';

// Streets and water drawn under the buildings, so the map reads as a neighbourhood with no tiles.
export async function up(db: Kysely<any>): Promise<void> {
	await sql`
	create table map_features (
		id uuid primary key default gen_random_uuid(),
		kind text not null check (kind in ('street', 'water')),
		name text not null default '',
		-- GeoJSON: a LineString for a street (with its width), a Polygon for water.
		geometry jsonb not null,
		width_m real check (width_m is null or width_m > 0)
	)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`drop table if exists map_features`.execute(db);
}
