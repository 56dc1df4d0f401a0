// 晋城街道's two demo communities (contract part two, "Demo seed, part two"), beside 大田坝
// (community.ts, which never changes):
//   一段社区, the old town core, where 18 isolated elders are visited one-to-one;
//   观音庵社区 at its real size: 8 resident groups, buildings for about 30,000 residents,
//   700+ shops, 18 party-member volunteers and the service teams 管得宽, 小马甲 and others.
// Pure and deterministic like community.ts: the same `now` gives the same communities.

import type { Skill } from '../../src/lib/dispatch/vocabulary';
import {
	DAY,
	HOUR,
	MINUTE,
	chinaMidnight,
	chooseVolunteer,
	directory,
	toSecond,
	unitNumber,
	type Community,
	type Directory,
	type SeedAction,
	type SeedBuilding,
	type SeedElder,
	type SeedRequest,
	type SeedStep,
	type SeedVolunteer
} from './community';
import { compoundBlocks, shopsAlong, toBuilding, type Compound, type Draft, type Frontage, type LatLng } from './layout';
import { between, int, mulberry32, pick, shuffle, uuid, weighted, type Rng } from './random';
import {
	ADHOC_VISITS,
	CANCEL_REASONS,
	DECLINE_REASONS,
	ELDER_GIVEN_NAMES,
	ELDER_NOTES,
	HAIRCUT_CASES,
	HAIRCUT_DONE,
	HOME_REPAIRS,
	SERVICE_CASES,
	SHOP_BRANDS,
	SHOP_TRADES,
	VISIT_CASES,
	VISIT_DONE,
	type RepairCase
} from './vocabulary-zh';

/** A service team (服务队) by its volunteers' usernames; it serves its own community and `alsoServes`. */
export interface SeedTeam {
	name: string;
	leader: string;
	members: string[];
	skills: Skill[];
	alsoServes: string[];
}
export interface DemoCommunity extends Community {
	name: string;
	teams: SeedTeam[];
}

export const YIDUAN = '一段社区';
export const GUANYINAN = '观音庵社区';

// ---------------------------------------------------------------- maps

/** Compounds of `rows × cols` slab blocks with the given block size, at each origin. */
const compounds = (
	street: (i: number) => string,
	origins: [number, number][],
	shape: Omit<Compound, 'street' | 'origin' | 'angle' | 'start'>
) =>
	origins.map((origin, i): Compound => ({
		street: street(i),
		origin,
		angle: 0,
		start: i % 2 ? 'sw' : 'nw',
		...shape,
		skip: [...(shape.skip ?? [])]
	}));

/** Shop names as residents say them (张记面馆), never the same twice in a community. */
const shopNames = (rng: Rng) =>
	shuffle(
		rng,
		SHOP_BRANDS.flatMap((brand) => SHOP_TRADES.map((trade) => brand + trade))
	);

// 一段: the old town core, 2 km north-east of 大田坝. 一段街 runs east–west through the middle,
// lined with shops; 书院街 crosses it; four compounds of low old blocks, 76 in all.
const YIDUAN_ORIGIN: LatLng = { lat: 31.0085, lng: 105.9035 };
const YIDUAN_BLOCK = { rows: 4, cols: 5, length: 30, depth: 10, colGap: 8, rowGap: 14 };
const YIDUAN_COMPOUNDS = compounds(
	(i) => ['书院街', '一段街', '书院街', '一段街'][i]!,
	[
		[-205, 24],
		[15, 24],
		[-205, -120],
		[15, -120]
	],
	{ ...YIDUAN_BLOCK, skip: ['3,0'] }
);
const YIDUAN_FRONTAGES: Frontage[] = [
	{ street: '一段街', from: [-205, 8], to: [-15, 8], count: 12 },
	{ street: '一段街', from: [15, 8], to: [205, 8], count: 12 },
	{ street: '一段街', from: [-15, -8], to: [-205, -8], count: 12 },
	{ street: '一段街', from: [205, -8], to: [15, -8], count: 12 }
];
const YIDUAN_PUBLIC: Draft[] = [
	{ name: '一段社区服务中心', kind: 'public', street: '书院街', rect: { cx: -100, cy: 125, w: 40, h: 20, angle: 0 } },
	{ name: '老年日间照料中心', kind: 'public', street: '书院街', rect: { cx: 100, cy: 125, w: 36, h: 20, angle: 0 } }
];

// 观音庵: 8 resident groups (居民小组), one compound each, in two rows of four either side of
// 观音庵路. Shops line both sides of 观音庵路 and the outer streets 紫岩路 (north) and 滨河路
// (south); 272 blocks of 6–11 floors house about 30,000 people.
const GUANYINAN_ORIGIN: LatLng = { lat: 31.0085, lng: 105.9185 };
const GROUPS = ['一组', '二组', '三组', '四组', '五组', '六组', '七组', '八组'];
const COLUMNS = [-700, -350, 10, 360];
const GUANYINAN_BLOCK = { rows: 6, cols: 6, length: 44, depth: 12, colGap: 12, rowGap: 18 };
const COMPOUND_WIDTH = 6 * (44 + 12) - 12;
const COMPOUND_DEPTH = 6 * (12 + 18) - 18;
const GUANYINAN_COMPOUNDS = compounds(
	(i) => ['紫岩路', '观音庵路'][i % 2]!,
	COLUMNS.flatMap((x): [number, number][] => [
		[x, 26],
		[x, -26 - COMPOUND_DEPTH]
	]),
	// Two slots of each compound are its garden.
	{ ...GUANYINAN_BLOCK, skip: ['2,2', '3,3'] }
);
const SHOPS_PER_FRONTAGE = 46;
const GUANYINAN_FRONTAGES: Frontage[] = COLUMNS.flatMap((x): Frontage[] => {
	const [west, east] = [x, x + COMPOUND_WIDTH];
	const count = SHOPS_PER_FRONTAGE;
	const top = 26 + COMPOUND_DEPTH + 16;
	return [
		{ street: '观音庵路', from: [west, 8], to: [east, 8], count },
		{ street: '观音庵路', from: [east, -8], to: [west, -8], count },
		{ street: '紫岩路', from: [east, top], to: [west, top], count },
		{ street: '滨河路', from: [west, -top], to: [east, -top], count }
	];
});
const GUANYINAN_PUBLIC: Draft[] = [
	{ name: '观音庵社区服务中心', kind: 'public', street: '紫岩路', rect: { cx: -300, cy: 250, w: 44, h: 24, angle: 0 } },
	{ name: '社区卫生服务站', kind: 'public', street: '紫岩路', rect: { cx: -200, cy: 250, w: 30, h: 18, angle: 0 } },
	{ name: '老年日间照料中心', kind: 'public', street: '紫岩路', rect: { cx: 0, cy: 250, w: 36, h: 20, angle: 0 } },
	{ name: '社区食堂', kind: 'public', street: '紫岩路', rect: { cx: 150, cy: 250, w: 30, h: 20, angle: 0 } },
	{ name: '观音庵小学', kind: 'public', street: '滨河路', rect: { cx: 0, cy: -260, w: 80, h: 40, angle: 0 } }
];

function buildTown(
	rng: Rng,
	newId: () => string,
	origin: LatLng,
	blocks: Compound[],
	blockName: (index: number, inCompound: number, compoundIndex: number) => string,
	frontages: Frontage[],
	publicBuildings: Draft[]
): SeedBuilding[] {
	const drafts = [
		...compoundBlocks(rng, blocks, (i, inCompound, c) => blockName(i, inCompound, blocks.indexOf(c))),
		...shopsAlong(rng, frontages, shopNames(rng)),
		...publicBuildings
	];
	return drafts.map((d) => toBuilding(d, newId(), origin));
}

// ---------------------------------------------------------------- people

interface Recruit {
	username: string;
	skills: Skill[];
	onDuty: boolean;
}

function enlist(rng: Rng, newId: () => string, people: Directory, homes: SeedBuilding[], recruits: Recruit[]): SeedVolunteer[] {
	return recruits.map((r) => ({
		id: newId(),
		username: r.username,
		name: people.person(),
		phone: people.phone(),
		skills: r.skills,
		team: r.skills[0]!,
		homeBuildingId: pick(rng, homes).id,
		available: r.onDuty
	}));
}

const numbered = (prefix: string, from: number, count: number, width: number) =>
	Array.from({ length: count }, (_, i) => `${prefix}${String(from + i).padStart(width, '0')}`);

// ---------------------------------------------------------------- requests

/** Everything a desk needs to play a community's requests through. */
interface Desk {
	rng: Rng;
	newId: () => string;
	people: Directory;
	byId: Map<string, SeedBuilding>;
	residential: SeedBuilding[];
	volunteers: SeedVolunteer[];
	/** Who takes calls: by the hour, so mornings and afternoons have their own dispatcher. */
	staffAt(at: number): string;
	busyUntil: Map<string, number>;
}

function openDesk(
	rng: Rng,
	newId: () => string,
	people: Directory,
	buildings: SeedBuilding[],
	volunteers: SeedVolunteer[],
	dispatcher: string
): Desk {
	return {
		rng,
		newId,
		people,
		byId: new Map(buildings.map((b) => [b.id, b])),
		residential: buildings.filter((b) => b.kind === 'residential'),
		volunteers,
		staffAt: () => dispatcher,
		busyUntil: new Map()
	};
}

interface Ticket {
	request: Omit<SeedRequest, 'steps'>;
	createdAt: number;
	done: string;
	/** A plan visit's volunteer, who always gets it. */
	planned: SeedVolunteer | null;
}

const GENERIC_CANCEL = ['居民临时外出，改天再约', '家属已经安排好了', '重复登记'];
const cancelReasons = (type: string) => (CANCEL_REASONS as Record<string, string[]>)[type] ?? GENERIC_CANCEL;

function casesFor(type: string): RepairCase[] {
	if (type === 'haircut') return HAIRCUT_CASES.map((description, i) => ({ description, done: HAIRCUT_DONE[i % HAIRCUT_DONE.length]! }));
	if (type === 'repair') return HOME_REPAIRS;
	if (type === 'elder_visit') return ADHOC_VISITS;
	const cases = SERVICE_CASES[type];
	if (!cases) throw new Error(`seed: no cases for service ${type}`);
	return cases;
}

function newTicket(desk: Desk, type: string, createdAt: number): Ticket {
	const { rng, people } = desk;
	const chosen = pick(rng, casesFor(type));
	return {
		request: {
			id: desk.newId(),
			type,
			buildingId: pick(rng, desk.residential).id,
			unit: unitNumber(rng),
			description: chosen.description,
			urgency: chosen.urgent ? 'urgent' : 'normal',
			contactName: people.caller(),
			contactPhone: people.phone(),
			elderId: null
		},
		createdAt,
		done: chosen.done,
		planned: null
	};
}

function visitTicket(desk: Desk, elder: SeedElder, planned: SeedVolunteer, due: number): Ticket {
	return {
		request: {
			id: desk.newId(),
			type: 'elder_visit',
			buildingId: elder.buildingId,
			unit: elder.unit,
			description: pick(desk.rng, VISIT_CASES),
			urgency: 'normal',
			contactName: elder.name,
			contactPhone: elder.phone,
			elderId: elder.id
		},
		createdAt: due,
		done: pick(desk.rng, VISIT_DONE),
		planned
	};
}

/** A finished request: mostly completed, some cancelled, a few declined first. */
function playFinished(desk: Desk, t: Ticket): SeedRequest {
	const { rng } = desk;
	let clock = t.createdAt;
	const steps: SeedStep[] = [];
	const step = (action: SeedAction, minutes: [number, number], actor: string, volunteerId: string | null, note: string | null = null) => {
		clock = toSecond(clock + between(rng, ...minutes) * MINUTE).getTime();
		steps.push({ action, at: new Date(clock), actor, volunteerId, note });
	};
	const staff = desk.staffAt(t.createdAt);
	const cancelAt = rng() < 0.08 ? pick(rng, ['open', 'assigned'] as const) : null;
	step('create', [0, 0], staff, null);
	if (cancelAt === 'open') {
		step('cancel', [5, 60], staff, null, pick(rng, cancelReasons(t.request.type)));
		return { ...t.request, steps };
	}
	let who = t.planned ?? chooseVolunteer(desk, t.request, clock, new Set());
	step('assign', t.request.urgency === 'urgent' ? [2, 8] : [2, 30], staff, who.id);
	if (!t.planned && rng() < 0.06) {
		step('decline', [1, 10], who.username, null, pick(rng, DECLINE_REASONS));
		who = chooseVolunteer(desk, t.request, clock, new Set([who.id]));
		step('assign', [2, 15], staff, who.id);
	}
	if (cancelAt === 'assigned') {
		step('cancel', [3, 20], staff, who.id, pick(rng, cancelReasons(t.request.type)));
		return { ...t.request, steps };
	}
	step('accept', [1, 10], who.username, who.id);
	step('start', [10, 120], who.username, who.id);
	step('complete', [15, 90], who.username, who.id, t.done);
	desk.busyUntil.set(who.id, clock);
	return { ...t.request, steps };
}

/** Phoned-in requests over the last `days`, 8:00–19:00 China time; `mix` weighs the services. */
function phonedIn(desk: Desk, now: number, days: number, perDay: [number, number], mix: [string, number][]): Ticket[] {
	const tickets: Ticket[] = [];
	for (let d = days; d >= 0; d--) {
		const midnight = chinaMidnight(now) - d * DAY;
		for (let i = int(desk.rng, ...perDay); i > 0; i--) {
			const at = Math.round(midnight + (8 + between(desk.rng, 0, 11)) * HOUR);
			const type =
				mix[
					weighted(
						desk.rng,
						mix.map(([, w]) => w)
					)
				]![0];
			if (at < now) tickets.push(newTicket(desk, type, at));
		}
	}
	return tickets;
}

/** Today's board: each entry is minutes before `now` of the steps it has reached (create, assign, accept, start). */
function liveBoard(desk: Desk, now: number, entries: { type: string; ago: number[] }[], pool: SeedVolunteer[]): SeedRequest[] {
	const actions: SeedAction[] = ['create', 'assign', 'accept', 'start'];
	const taken = new Set<string>();
	return entries.map(({ type, ago }) => {
		const times = ago.map((m) => toSecond(now - (m - desk.rng()) * MINUTE).getTime());
		const ticket = newTicket(desk, type, times[0]!);
		const staff = desk.staffAt(ticket.createdAt);
		const who = ago.length > 1 ? chooseVolunteer(desk, ticket.request, now, taken, pool) : null;
		if (who) taken.add(who.id);
		const steps = times.map((at, i): SeedStep => ({
			action: actions[i]!,
			at: new Date(at),
			actor: i < 2 ? staff : who!.username,
			volunteerId: i === 0 ? null : who!.id,
			note: null
		}));
		return { ...ticket.request, steps };
	});
}

const byCreation = (a: SeedRequest, b: SeedRequest) => a.steps[0]!.at.getTime() - b.steps[0]!.at.getTime();

// ---------------------------------------------------------------- 一段社区

const YIDUAN_STAFF: Community['staff'] = [
	{ username: 'yd.dispatcher', name: '罗晓燕', role: 'dispatcher' },
	// 晋城街道's coordinator: their scope is the street (seed.ts), so they see 一段 and 观音庵.
	{ username: 'jc.coordinator', name: '蒲建国', role: 'coordinator' }
];

/**
 * 一段社区: 76 old blocks and 48 shops along 一段街, the 18 isolated elders each visited weekly
 * by their own volunteer (yd01–yd18, one-to-one), and six neighbours who help with repairs,
 * haircuts and meals.
 */
export function generateYiduan(now: Date, seed = 20_241_001): DemoCommunity {
	const rng = mulberry32(seed);
	const newId = () => uuid(rng);
	const t = now.getTime();
	const buildings = buildTown(rng, newId, YIDUAN_ORIGIN, YIDUAN_COMPOUNDS, (i) => `${i + 1}号楼`, YIDUAN_FRONTAGES, YIDUAN_PUBLIC);
	const residential = buildings.filter((b) => b.kind === 'residential');
	const people = directory(
		rng,
		YIDUAN_STAFF.map((s) => s.name)
	);
	const recruits: Recruit[] = [
		...numbered('yd', 1, 18, 2).map((username, i) => ({
			username,
			skills: ['elder_visit', 'companionship'],
			onDuty: i < 3 || i % 2 === 0
		})),
		{ username: 'yd19', skills: ['repair'], onDuty: true },
		{ username: 'yd20', skills: ['repair', 'appliance_repair'], onDuty: false },
		{ username: 'yd21', skills: ['haircut'], onDuty: true },
		{ username: 'yd22', skills: ['haircut', 'nail_care'], onDuty: false },
		{ username: 'yd23', skills: ['meal_help'], onDuty: true },
		{ username: 'yd24', skills: ['meal_help', 'home_help'], onDuty: true }
	];
	const volunteers = enlist(rng, newId, people, residential, recruits);

	// One-to-one (一对一结对): elder i is yd(i+1)'s; the first three are due already, so the
	// scheduler has visits to create at start, the rest spread over the coming week.
	const today = chinaMidnight(t);
	const elders: SeedElder[] = shuffle(rng, residential)
		.slice(0, 18)
		.map((home, i) => ({
			id: newId(),
			name: people.person(ELDER_GIVEN_NAMES),
			buildingId: home.id,
			unit: unitNumber(rng),
			phone: people.phone(),
			notes: pick(rng, ELDER_NOTES),
			planVolunteerId: volunteers[i]!.id,
			intervalDays: 7,
			nextDueAt: toSecond(i < 3 ? t - int(rng, 20, 240) * MINUTE : today + (1 + ((i - 3) % 6)) * DAY + (i % 2 ? 9 * HOUR : 15 * HOUR))
		}));

	const desk = openDesk(rng, newId, people, buildings, volunteers, 'yd.dispatcher');
	const days = 21;
	const visits = elders.flatMap((e, i) =>
		[1, 2, 3]
			.map((k) => e.nextDueAt.getTime() - k * e.intervalDays * DAY)
			.filter((due) => due >= t - days * DAY && due < t)
			.map((due) => visitTicket(desk, e, volunteers[i]!, due))
	);
	const tickets = [
		...phonedIn(
			desk,
			t,
			days,
			[2, 4],
			[
				['repair', 4],
				['haircut', 2],
				['meal_help', 2],
				['elder_visit', 1]
			]
		),
		...visits
	].sort((a, b) => a.createdAt - b.createdAt);
	const past = tickets.map((ticket) => playFinished(desk, ticket)).filter((r) => r.steps.at(-1)!.at.getTime() < t);
	const live = liveBoard(
		desk,
		t,
		[
			{ type: 'repair', ago: [14] },
			{ type: 'meal_help', ago: [3, 2] },
			{ type: 'haircut', ago: [95, 80, 70] }
		],
		volunteers.slice(18).filter((v) => v.available)
	);
	return {
		name: YIDUAN,
		buildings,
		volunteers,
		elders,
		requests: [...past, ...live].sort(byCreation),
		staff: YIDUAN_STAFF.map((s) => ({ ...s })),
		teams: []
	};
}

// ---------------------------------------------------------------- 观音庵社区

const GUANYINAN_STAFF: Community['staff'] = [{ username: 'gya.dispatcher', name: '杜红梅', role: 'dispatcher' }];

/** 观音庵's volunteers by what they do, in username order (gya001…), and the teams they form. */
const PARTY_MEMBERS = numbered('gya', 1, 18, 3);
const GDK = ['gdk.lead', ...numbered('gya', 19, 8, 3)];
const XMJ = ['xmj.lead', ...numbered('gya', 27, 8, 3)];
const MEALS = numbered('gya', 35, 6, 3);
const HOME_HELP = numbered('gya', 41, 6, 3);

const GUANYINAN_TEAMS: SeedTeam[] = [
	// 管得宽 cuts elders' hair and trims their nails, across the street in 一段 too.
	{ name: '管得宽', leader: 'gdk.lead', members: GDK, skills: ['haircut', 'nail_care'], alsoServes: [YIDUAN] },
	{ name: '小马甲', leader: 'xmj.lead', members: XMJ, skills: ['repair', 'appliance_repair'], alsoServes: [] },
	{ name: '爱心助餐队', leader: MEALS[0]!, members: MEALS, skills: ['meal_help'], alsoServes: [] },
	{ name: '巧手家政队', leader: HOME_HELP[0]!, members: HOME_HELP, skills: ['home_help', 'child_minding'], alsoServes: [] }
];

/**
 * 观音庵社区 at its real size: 272 blocks in 8 resident groups, 736 shops, the 18 party-member
 * volunteers (gya001–gya018) and four teams: 管得宽 (led by gdk.lead), 小马甲 (xmj.lead),
 * 爱心助餐队 and 巧手家政队.
 */
export function generateGuanyinan(now: Date, seed = 20_241_002): DemoCommunity {
	const rng = mulberry32(seed);
	const newId = () => uuid(rng);
	const t = now.getTime();
	const buildings = buildTown(
		rng,
		newId,
		GUANYINAN_ORIGIN,
		GUANYINAN_COMPOUNDS,
		(_, inCompound, c) => `${GROUPS[c]}${inCompound + 1}栋`,
		GUANYINAN_FRONTAGES,
		GUANYINAN_PUBLIC
	);
	const residential = buildings.filter((b) => b.kind === 'residential');
	const people = directory(
		rng,
		GUANYINAN_STAFF.map((s) => s.name)
	);
	const onDuty = (i: number) => i < 3 || rng() < 0.5;
	const recruits: Recruit[] = [
		...PARTY_MEMBERS.map((username, i) => ({ username, skills: ['elder_visit', 'companionship'], onDuty: onDuty(i) })),
		...GDK.map((username, i) => ({ username, skills: ['haircut', 'nail_care'], onDuty: onDuty(i) })),
		...XMJ.map((username, i) => ({
			username,
			skills: i % 2 ? ['appliance_repair', 'repair'] : ['repair', 'appliance_repair'],
			onDuty: onDuty(i)
		})),
		...MEALS.map((username, i) => ({ username, skills: ['meal_help'], onDuty: onDuty(i) })),
		...HOME_HELP.map((username, i) => ({ username, skills: i < 3 ? ['home_help'] : ['child_minding', 'home_help'], onDuty: onDuty(i) }))
	];
	const volunteers = enlist(rng, newId, people, residential, recruits);

	const desk = openDesk(rng, newId, people, buildings, volunteers, 'gya.dispatcher');
	const days = 21;
	const tickets = phonedIn(
		desk,
		t,
		days,
		[9, 13],
		[
			['repair', 5],
			['appliance_repair', 3],
			['haircut', 3],
			['nail_care', 1],
			['meal_help', 3],
			['home_help', 2],
			['child_minding', 1],
			['companionship', 2],
			['elder_visit', 1]
		]
	);
	const past = tickets.map((ticket) => playFinished(desk, ticket)).filter((r) => r.steps.at(-1)!.at.getTime() < t);
	// Team members are left free for the team's leader to assign, so the live board leaves them out.
	const inTeams = new Set(GUANYINAN_TEAMS.flatMap((team) => team.members));
	const live = liveBoard(
		desk,
		t,
		[
			{ type: 'haircut', ago: [9] },
			{ type: 'appliance_repair', ago: [18] },
			{ type: 'companionship', ago: [4, 2] },
			{ type: 'elder_visit', ago: [60, 50, 41] },
			{ type: 'companionship', ago: [130, 118, 110, 40] }
		],
		volunteers.filter((v, i) => v.available && i >= 3 && !inTeams.has(v.username))
	);
	// One waits with 管得宽, so its leader gdk.lead has a member to choose at once.
	const forTeam = newTicket(desk, 'nail_care', toSecond(t - 35 * MINUTE).getTime());
	const handed: SeedRequest = {
		...forTeam.request,
		steps: [
			{ action: 'create', at: new Date(forTeam.createdAt), actor: 'gya.dispatcher', volunteerId: null, note: null },
			{ action: 'hand_to_team', at: toSecond(t - 31 * MINUTE), actor: 'gya.dispatcher', volunteerId: null, note: null, team: '管得宽' }
		]
	};
	return {
		name: GUANYINAN,
		buildings,
		volunteers,
		elders: [],
		requests: [...past, ...live, handed].sort(byCreation),
		staff: GUANYINAN_STAFF.map((s) => ({ ...s })),
		teams: GUANYINAN_TEAMS.map((team) => ({ ...team, members: [...team.members], skills: [...team.skills] }))
	};
}
