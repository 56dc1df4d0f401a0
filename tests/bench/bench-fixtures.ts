import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/lib/server/db/schema';
import { hashToken, SESSION_COOKIE } from '../../src/lib/server/auth/sessions';
import { FIRST_SERVICES, type Skill } from '../../src/lib/dispatch/vocabulary';

// Users, volunteers and sessions go straight into the bench database: thousands of sign-ins
// would spend minutes in argon2 and measure nothing we care about. A session row is exactly
// what a sign-in writes (the sha256 of the token), so the sockets authenticate for real.

const BATCH = 1000;
const SESSION_HOURS = 11; // under the 12 h TTL's half-life, so no socket extends its session mid-run

export interface BenchUser {
	userId: string;
	cookie: string;
}
export interface BenchVolunteer extends BenchUser {
	volunteerId: string;
	skills: Skill[];
}

export interface BuildingPoint {
	id: string;
	communityId: string;
	lat: number;
	lng: number;
}

/** The demo's community of part one: the bench measures one community's board, as before. */
export const BENCH_COMMUNITY = '大田坝社区';

async function benchCommunityId(db: Kysely<Database>): Promise<string> {
	return (await db.selectFrom('areas').select('id').where('name', '=', BENCH_COMMUNITY).executeTakeFirstOrThrow()).id;
}

export async function listBuildings(db: Kysely<Database>): Promise<BuildingPoint[]> {
	return db
		.selectFrom('buildings')
		.select(['id', 'community_id as communityId', 'lat', 'lng'])
		.where('community_id', '=', await benchCommunityId(db))
		.orderBy('name')
		.execute();
}

async function demoPasswordHash(db: Kysely<Database>): Promise<string> {
	const row = await db.selectFrom('users').select('password_hash').where('username', '=', 'dispatcher').executeTakeFirstOrThrow();
	return row.password_hash;
}

function newSession(userId: string) {
	const token = `bench-${randomBytes(24).toString('base64url')}`;
	return {
		row: { token_hash: hashToken(token), user_id: userId, expires_at: new Date(Date.now() + SESSION_HOURS * 3_600_000) },
		cookie: `${SESSION_COOKIE}=${token}`
	};
}

async function insertInBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
	for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

/** Dispatcher users with one signed-in session each. */
export async function addDispatchers(db: Kysely<Database>, count: number): Promise<BenchUser[]> {
	const passwordHash = await demoPasswordHash(db);
	const community = await benchCommunityId(db);
	const users = Array.from({ length: count }, (_, i) => ({
		id: randomUUID(),
		username: `bench-d${String(i + 1).padStart(4, '0')}`,
		name: `调度员${i + 1}`,
		role: 'dispatcher' as const,
		password_hash: passwordHash,
		scope_area_id: community
	}));
	await insertInBatches(users, (batch) => db.insertInto('users').values(batch).execute());
	const sessions = users.map((u) => ({ userId: u.id, ...newSession(u.id) }));
	await insertInBatches(sessions, (batch) =>
		db
			.insertInto('sessions')
			.values(batch.map((s) => s.row))
			.execute()
	);
	return sessions.map((s) => ({ userId: s.userId, cookie: s.cookie }));
}

/** A signed-in session for an existing user, e.g. the demo `dispatcher`. */
export async function addSessionFor(db: Kysely<Database>, username: string): Promise<BenchUser> {
	const user = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow();
	const session = newSession(user.id);
	await db.insertInto('sessions').values(session.row).execute();
	return { userId: user.id, cookie: session.cookie };
}

/** A deterministic pseudo-random sequence, so every run builds the same population. */
function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state * 1_664_525 + 1_013_904_223) >>> 0;
		return state / 2 ** 32;
	};
}

/**
 * Volunteer users spread over the community with signed-in sessions. The first `allSkilled`
 * have every skill and are on duty (the latency run assigns to them); the rest have one or two
 * skills, and four in five are on duty, as a ranking query would meet them.
 */
export async function addVolunteers(
	db: Kysely<Database>,
	buildings: BuildingPoint[],
	count: number,
	allSkilled: number
): Promise<BenchVolunteer[]> {
	const passwordHash = await demoPasswordHash(db);
	const random = seededRandom(20261126);
	if (buildings.length === 0) throw new Error('volunteers need buildings to live in');
	const people = Array.from({ length: count }, (_, i) => {
		const home = buildings[Math.floor(random() * buildings.length)]!;
		const skills: Skill[] = i < allSkilled ? [...FIRST_SERVICES] : FIRST_SERVICES.filter((_, k) => k === i % 3 || random() < 0.25);
		return {
			userId: randomUUID(),
			volunteerId: randomUUID(),
			username: `bench-v${String(i + 1).padStart(5, '0')}`,
			name: `志愿者${i + 1}`,
			skills,
			home,
			available: i < allSkilled || random() < 0.8,
			// Within about 60 m of home, where a phone's last position would put them.
			lat: home.lat + (random() - 0.5) * 0.001,
			lng: home.lng + (random() - 0.5) * 0.001
		};
	});
	await insertInBatches(people, (batch) =>
		db
			.insertInto('users')
			.values(
				batch.map((p) => ({
					id: p.userId,
					username: p.username,
					name: p.name,
					role: 'volunteer' as const,
					password_hash: passwordHash,
					scope_area_id: p.home.communityId
				}))
			)
			.execute()
	);
	await insertInBatches(people, (batch) =>
		db
			.insertInto('volunteers')
			.values(
				batch.map((p) => ({
					id: p.volunteerId,
					community_id: p.home.communityId,
					user_id: p.userId,
					name: p.name,
					skills: p.skills,
					home_building_id: p.home.id,
					available: p.available,
					lat: p.lat,
					lng: p.lng
				}))
			)
			.execute()
	);
	const sessions = people.map((p) => ({ person: p, ...newSession(p.userId) }));
	await insertInBatches(sessions, (batch) =>
		db
			.insertInto('sessions')
			.values(batch.map((s) => s.row))
			.execute()
	);
	return sessions.map((s) => ({ userId: s.person.userId, volunteerId: s.person.volunteerId, skills: s.person.skills, cookie: s.cookie }));
}

const DESCRIPTIONS: Record<(typeof FIRST_SERVICES)[number], string[]> = {
	haircut: ['老人行动不便，请上门理发', '卧床老人需要理发', '给老伴剪个短发'],
	repair: ['厨房水龙头漏水', '卫生间灯不亮了', '插座跳闸，请帮忙看看', '下水道堵了'],
	elder_visit: ['独居老人，请上门看望', '老人最近情绪低落，请陪聊', '帮老人读药品说明']
};

/**
 * Inserts open and assigned requests until `total` are active, the picture of a busy day.
 * Rows only: the board reads active requests from the table at load.
 */
export async function topUpActiveRequests(db: Kysely<Database>, buildings: BuildingPoint[], total: number): Promise<number> {
	if (buildings.length === 0) throw new Error('requests need buildings to be at');
	// The board measured is one community's: its count is what the dispatcher sees.
	const community = buildings[0]!.communityId;
	const active = await db
		.selectFrom('requests')
		.select((eb) => eb.fn.countAll<string>().as('n'))
		.where('status', 'in', ['open', 'assigned', 'accepted', 'in_progress'])
		.where('community_id', '=', community)
		.executeTakeFirstOrThrow();
	const missing = total - Number(active.n);
	if (missing <= 0) return Number(active.n);
	const volunteers = await db.selectFrom('volunteers').select(['id', 'skills']).where('community_id', '=', community).execute();
	const random = seededRandom(7);
	const now = Date.now();
	const rows = Array.from({ length: missing }, (_, i) => {
		const type = FIRST_SERVICES[i % 3]!;
		const building = buildings[Math.floor(random() * buildings.length)]!;
		const createdAt = new Date(now - Math.floor(random() * 6 * 3_600_000));
		const assignee = random() < 0.3 ? volunteers.find((v, k) => k % 7 === i % 7 && v.skills.includes(type)) : undefined;
		return {
			community_id: building.communityId,
			type,
			building_id: building.id,
			unit: `${1 + (i % 6)}-${100 + ((i * 7) % 600)}`,
			description: DESCRIPTIONS[type][i % DESCRIPTIONS[type].length]!,
			urgency: i % 12 === 0 ? ('urgent' as const) : ('normal' as const),
			contact_name: '王阿姨',
			contact_phone: '13800000000',
			status: assignee ? ('assigned' as const) : ('open' as const),
			assignee_id: assignee?.id ?? null,
			created_at: createdAt,
			assigned_at: assignee ? new Date(createdAt.getTime() + 60_000) : null
		};
	});
	await insertInBatches(rows, (batch) => db.insertInto('requests').values(batch).execute());
	return total;
}
