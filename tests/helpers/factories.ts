// Small factories for service-level tests against a real, migrated database.
import type { Kysely } from 'kysely';
import { connectDatabase, type DatabaseHandle, type DatabaseTarget } from '../../src/lib/server/db/connect';
import { migrateToLatest } from '../../src/lib/server/db/migrate';
import type { Database } from '../../src/lib/server/db/schema';
import type { ServiceDeps } from '../../src/lib/server/services/deps';
import type { StoredEvent } from '../../src/lib/realtime/deliveries';
import type { Actor } from '../../src/lib/dispatch/permissions';
import type { Skill } from '../../src/lib/dispatch/vocabulary';
import { ensureArea } from '../../src/lib/server/repositories/areas';

export async function openMigrated(target: DatabaseTarget): Promise<DatabaseHandle> {
	const handle = await connectDatabase(target, 4);
	await migrateToLatest(handle.db);
	return handle;
}

/** A clock the test moves by hand. */
export class TestClock {
	constructor(public current: Date) {}
	now = () => this.current;
	set(iso: string) {
		this.current = new Date(iso);
	}
}

/** Service dependencies with a hand-moved clock and a publisher that records what it sent. */
export function testDeps(db: Kysely<Database>, clock: TestClock): { deps: ServiceDeps; published: StoredEvent[] } {
	const published: StoredEvent[] = [];
	return {
		deps: { db, now: clock.now, publisher: { publish: (events) => published.push(...events) } },
		published
	};
}

let counter = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;

/** The community a test's records go in: the demo's 大田坝 when seeded, else a test county of its own. */
export async function testCommunity(db: Kysely<Database>): Promise<string> {
	const demo = await db.selectFrom('areas').select('id').where('name', '=', '大田坝社区').executeTakeFirst();
	if (demo) return demo.id;
	const county = await ensureArea(db, { name: '测试县', kind: 'county', parentId: null });
	const street = await ensureArea(db, { name: '测试街道', kind: 'street', parentId: county });
	return ensureArea(db, { name: '测试社区', kind: 'community', parentId: street });
}

/** A staff actor working across every community there is, as a county coordinator does. */
export async function countyActor(db: Kysely<Database>, userId = '00000000-0000-4000-8000-000000000000'): Promise<Actor> {
	const communities = await db.selectFrom('areas').select('id').where('kind', '=', 'community').execute();
	return {
		userId,
		role: 'coordinator',
		volunteerId: null,
		name: 'county',
		scope: { id: 'county', kind: 'county', name: 'county' },
		communityIds: communities.map((c) => c.id)
	};
}

export async function makeBuilding(db: Kysely<Database>): Promise<string> {
	const communityId = await testCommunity(db);
	const ring: [number, number][] = [
		[121.4, 31.2],
		[121.4001, 31.2],
		[121.4001, 31.2001],
		[121.4, 31.2]
	];
	const row = await db
		.insertInto('buildings')
		.values({
			community_id: communityId,
			name: unique('楼'),
			kind: 'residential',
			lat: 31.20005,
			lng: 121.40005,
			footprint: JSON.stringify({ type: 'Polygon', coordinates: [ring] }),
			street: null
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

export async function makeStaff(db: Kysely<Database>): Promise<Actor> {
	const communityId = await testCommunity(db);
	const user = await db
		.insertInto('users')
		.values({
			username: unique('dispatcher'),
			name: '调度员',
			role: 'dispatcher',
			password_hash: 'not-a-login',
			scope_area_id: communityId
		})
		.returning(['id', 'name'])
		.executeTakeFirstOrThrow();
	const scope = { id: communityId, kind: 'community' as const, name: 'community' };
	return { userId: user.id, role: 'dispatcher', volunteerId: null, name: user.name, scope, communityIds: [communityId] };
}

export async function makeVolunteer(
	db: Kysely<Database>,
	homeBuildingId: string,
	skills: [Skill, ...Skill[]] = ['repair']
): Promise<Actor> {
	const { community_id: communityId } = await db
		.selectFrom('buildings')
		.select('community_id')
		.where('id', '=', homeBuildingId)
		.executeTakeFirstOrThrow();
	const user = await db
		.insertInto('users')
		.values({ username: unique('vol'), name: '志愿者', role: 'volunteer', password_hash: 'not-a-login', scope_area_id: communityId })
		.returning(['id', 'name'])
		.executeTakeFirstOrThrow();
	const volunteer = await db
		.insertInto('volunteers')
		.values({
			community_id: communityId,
			user_id: user.id,
			name: user.name,
			phone: null,
			skills,
			home_building_id: homeBuildingId,
			available: true,
			lat: 31.2,
			lng: 121.4,
			created_at: new Date()
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	const scope = { id: communityId, kind: 'community' as const, name: 'community' };
	return { userId: user.id, role: 'volunteer', volunteerId: volunteer.id, name: user.name, scope, communityIds: [communityId] };
}
