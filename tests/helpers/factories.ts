// Small factories for service-level tests against a real, migrated database.
import type { Kysely } from 'kysely';
import { connectDatabase, type DatabaseHandle, type DatabaseTarget } from '../../src/lib/server/db/connect';
import { migrateToLatest } from '../../src/lib/server/db/migrate';
import type { Database } from '../../src/lib/server/db/schema';
import type { ServiceDeps } from '../../src/lib/server/services/deps';
import type { StoredEvent } from '../../src/lib/realtime/deliveries';
import type { Actor } from '../../src/lib/dispatch/permissions';
import type { Skill } from '../../src/lib/dispatch/vocabulary';

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

export async function makeBuilding(db: Kysely<Database>): Promise<string> {
	const ring: [number, number][] = [
		[121.4, 31.2],
		[121.4001, 31.2],
		[121.4001, 31.2001],
		[121.4, 31.2]
	];
	const row = await db
		.insertInto('buildings')
		.values({
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
	const user = await db
		.insertInto('users')
		.values({ username: unique('dispatcher'), name: '调度员', role: 'dispatcher', password_hash: 'not-a-login' })
		.returning(['id', 'name'])
		.executeTakeFirstOrThrow();
	return { userId: user.id, role: 'dispatcher', volunteerId: null, name: user.name };
}

export async function makeVolunteer(
	db: Kysely<Database>,
	homeBuildingId: string,
	skills: [Skill, ...Skill[]] = ['repair']
): Promise<Actor> {
	const user = await db
		.insertInto('users')
		.values({ username: unique('vol'), name: '志愿者', role: 'volunteer', password_hash: 'not-a-login' })
		.returning(['id', 'name'])
		.executeTakeFirstOrThrow();
	const volunteer = await db
		.insertInto('volunteers')
		.values({
			user_id: user.id,
			name: user.name,
			phone: null,
			skills,
			team: skills[0],
			home_building_id: homeBuildingId,
			available: true,
			lat: 31.2,
			lng: 121.4,
			created_at: new Date()
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return { userId: user.id, role: 'volunteer', volunteerId: volunteer.id, name: user.name };
}
