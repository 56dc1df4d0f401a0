// A demo community for the dispatch dashboard: a residential 社区 in a small county town
// in Sichuan (near 30.99°N, 105.89°E), its volunteers, isolated elders and three weeks of
// requests. Pure and deterministic: the same `now` and seed always give the same community,
// so demos, screenshots and tests can rely on it. Nothing here touches the database.

import type { GeoPolygon } from '../../src/lib/server/db/schema';
import type { BuildingKind, RequestType, Skill, Urgency } from '../../src/lib/dispatch/vocabulary';
import { communityWallClock, startOfCommunityDay } from '../../src/lib/history/community-time';
import {
	ADHOC_VISITS,
	CANCEL_REASONS,
	CONTACT_TITLES,
	DECLINE_REASONS,
	ELDER_GIVEN_NAMES,
	ELDER_NOTES,
	GIVEN_NAMES,
	HAIRCUT_CASES,
	HAIRCUT_DONE,
	HOME_REPAIRS,
	PHONE_PREFIXES,
	SHOP_REPAIRS,
	SURNAMES,
	VISIT_CASES,
	VISIT_DONE,
	type RepairCase
} from './vocabulary-zh';
import { between, int, mulberry32, pick, shuffle, uuid, weighted, type Rng } from './random';
import { PUBLIC_BUILDINGS, metresBetween, residentialDrafts, shopDrafts, toBuilding } from './layout';

/** `lat`/`lng` is the footprint's centroid; the footprint ring is closed and anticlockwise. */
export interface SeedBuilding {
	id: string;
	name: string;
	kind: BuildingKind;
	lat: number;
	lng: number;
	footprint: GeoPolygon;
	street: string;
}
export interface SeedVolunteer {
	id: string;
	username: string;
	name: string;
	phone: string;
	skills: Skill[];
	/** The main skill, which the demo groups volunteers by. */
	team: Skill;
	homeBuildingId: string;
	available: boolean;
}
export interface SeedElder {
	id: string;
	name: string;
	buildingId: string;
	unit: string;
	phone: string;
	notes: string;
	planVolunteerId: string;
	intervalDays: number;
	nextDueAt: Date;
}
export type SeedAction = 'create' | 'assign' | 'accept' | 'decline' | 'start' | 'complete' | 'cancel' | 'hand_to_team';
/** `actor` is a username; `volunteerId` is the assignee after this step; `team` names the team a request is handed to. */
export interface SeedStep {
	action: SeedAction;
	at: Date;
	actor: string;
	volunteerId: string | null;
	note: string | null;
	team?: string;
}
export interface SeedRequest {
	id: string;
	type: RequestType;
	buildingId: string;
	unit: string;
	description: string;
	urgency: Urgency;
	contactName: string;
	contactPhone: string;
	elderId: string | null;
	/** Chronological, starting with 'create', following the request lifecycle. */
	steps: SeedStep[];
}
export interface Community {
	buildings: SeedBuilding[];
	volunteers: SeedVolunteer[];
	elders: SeedElder[];
	requests: SeedRequest[];
	staff: { username: string; name: string; role: 'dispatcher' | 'coordinator' }[];
}

const STAFF: Community['staff'] = [
	{ username: 'dispatcher', name: '王芳', role: 'dispatcher' },
	{ username: 'dispatcher2', name: '李强', role: 'dispatcher' },
	{ username: 'coordinator', name: '张敏', role: 'coordinator' }
];
// The first services' skills: each demo volunteer has one of these as their main one.
const SKILLS = ['haircut', 'repair', 'elder_visit'] as const satisfies readonly Skill[];
/** A volunteer's main skill, which the demo groups them by. */
type Team = (typeof SKILLS)[number];

// ---------------------------------------------------------------- people

/** Hands out names and phone numbers, never the same one twice. */
export function directory(rng: Rng, staffNames: readonly string[] = STAFF.map((s) => s.name)) {
	const names = new Set(staffNames);
	const phones = new Set<string>();
	return {
		person(given: readonly string[] = GIVEN_NAMES): string {
			for (;;) {
				const name = pick(rng, SURNAMES) + pick(rng, given);
				if (!names.has(name)) return (names.add(name), name);
			}
		},
		phone(): string {
			for (;;) {
				const phone = pick(rng, PHONE_PREFIXES) + String(int(rng, 0, 99_999_999)).padStart(8, '0');
				if (!phones.has(phone)) return (phones.add(phone), phone);
			}
		},
		/** Callers give their name the way residents do on the phone: often just 刘阿姨. */
		caller(): string {
			return rng() < 0.5 ? pick(rng, SURNAMES) + pick(rng, CONTACT_TITLES) : pick(rng, SURNAMES) + pick(rng, GIVEN_NAMES);
		}
	};
}
export type Directory = ReturnType<typeof directory>;

export const unitNumber = (rng: Rng) => `${int(rng, 1, 3)}单元${int(rng, 1, 6)}0${int(rng, 1, 2)}`;

function recruitVolunteers(rng: Rng, newId: () => string, people: Directory, homes: SeedBuilding[]): SeedVolunteer[] {
	// vol01–vol03 are the demo logins, one per team, always on duty; the rest are shuffled.
	const rest: Team[] = [...Array(11).fill('haircut'), ...Array(13).fill('repair'), ...Array(21).fill('elder_visit')];
	const teams: Team[] = ['haircut', 'repair', 'elder_visit', ...shuffle(rng, rest)];
	const everyone = teams.map((_, i) => i);
	const withExtraSkill = new Set(shuffle(rng, everyone).slice(0, 16));
	const onDuty = new Set([0, 1, 2, ...shuffle(rng, everyone.slice(3)).slice(0, 26)]);
	return teams.map((team, i) => ({
		id: newId(),
		username: `vol${String(i + 1).padStart(2, '0')}`,
		name: people.person(),
		phone: people.phone(),
		skills: withExtraSkill.has(i)
			? [
					team,
					pick(
						rng,
						SKILLS.filter((s) => s !== team)
					)
				]
			: [team],
		team,
		homeBuildingId: pick(rng, homes).id,
		available: onDuty.has(i)
	}));
}

export function nearest<T extends { homeBuildingId: string }>(candidates: T[], place: SeedBuilding, byId: Map<string, SeedBuilding>): T {
	const distance = (v: T) => metresBetween(byId.get(v.homeBuildingId)!, place);
	return candidates.reduce((best, v) => (distance(v) < distance(best) ? v : best));
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const chinaMidnight = (t: number) => startOfCommunityDay(t).getTime();
export const chinaHour = (t: number) => communityWallClock(t).getUTCHours();
const isWeekend = (t: number) => [0, 6].includes(communityWallClock(t).getUTCDay());
export const toSecond = (t: number) => new Date(Math.round(t / 1000) * 1000);

function registerElders(
	rng: Rng,
	newId: () => string,
	people: Directory,
	homes: SeedBuilding[],
	volunteers: SeedVolunteer[],
	byId: Map<string, SeedBuilding>,
	now: number
): SeedElder[] {
	// Party members pair up one-to-one with an elder near where they live (结对帮扶);
	// vol03 always gets one so the demo volunteer has a plan to show.
	const [first, ...others] = volunteers.filter((v) => v.team === 'elder_visit');
	if (!first) throw new Error('the demo community has no elder_visit volunteer to pair with elders');
	const free = new Set(others);
	const today = chinaMidnight(now);
	return shuffle(rng, homes)
		.slice(0, 18)
		.map((home, i) => {
			const plan = i === 0 ? first : nearest([...free], home, byId);
			free.delete(plan);
			// Three are already due (the scheduler has something to do); the rest are spread over the week.
			const nextDue = i < 3 ? now - int(rng, 20, 240) * MINUTE : today + (1 + ((i - 3) % 6)) * DAY + (i % 2 ? 9 * HOUR : 14.5 * HOUR);
			return {
				id: newId(),
				name: people.person(ELDER_GIVEN_NAMES),
				buildingId: home.id,
				unit: unitNumber(rng),
				phone: people.phone(),
				notes: pick(rng, ELDER_NOTES),
				planVolunteerId: plan.id,
				intervalDays: 7,
				nextDueAt: toSecond(nextDue)
			};
		});
}

// ---------------------------------------------------------------- requests

/** A request before anything has happened to it. */
interface Ticket extends Omit<SeedRequest, 'steps' | 'type'> {
	type: Team;
	createdAt: number;
	done: string;
	planVolunteerId: string | null;
}

interface Desk {
	rng: Rng;
	newId: () => string;
	people: Directory;
	byId: Map<string, SeedBuilding>;
	residential: SeedBuilding[];
	shops: SeedBuilding[];
	volunteers: SeedVolunteer[];
	volunteerById: Map<string, SeedVolunteer>;
	/** When each volunteer's last task ended, so the dispatcher prefers someone free. */
	busyUntil: Map<string, number>;
}

function newTicket(desk: Desk, type: Team, createdAt: number, urgentOnly = false): Ticket {
	const { rng, people } = desk;
	const atShop = type === 'repair' && !urgentOnly && rng() < 0.12;
	const cases: RepairCase[] =
		type === 'haircut'
			? HAIRCUT_CASES.map((description) => ({ description, done: pick(rng, HAIRCUT_DONE) }))
			: type === 'elder_visit'
				? ADHOC_VISITS
				: atShop
					? SHOP_REPAIRS
					: HOME_REPAIRS;
	const chosen = pick(rng, urgentOnly ? cases.filter((c) => c.urgent) : cases);
	const building = pick(rng, atShop ? desk.shops : desk.residential);
	return {
		id: desk.newId(),
		type,
		buildingId: building.id,
		unit: atShop ? '门面' : unitNumber(rng),
		description: chosen.description,
		urgency: chosen.urgent ? 'urgent' : 'normal',
		contactName: atShop ? `${pick(rng, SURNAMES)}老板` : people.caller(),
		contactPhone: people.phone(),
		elderId: null,
		createdAt,
		done: chosen.done,
		planVolunteerId: null
	};
}

function visitTicket(desk: Desk, elder: SeedElder, due: number): Ticket {
	const { rng } = desk;
	return {
		id: desk.newId(),
		type: 'elder_visit',
		buildingId: elder.buildingId,
		unit: elder.unit,
		description: pick(rng, VISIT_CASES),
		urgency: 'normal',
		contactName: elder.name,
		contactPhone: elder.phone,
		elderId: elder.id,
		createdAt: due,
		done: pick(rng, VISIT_DONE),
		planVolunteerId: elder.planVolunteerId
	};
}

function toRequest(
	{ createdAt: _createdAt, done: _done, planVolunteerId: _planVolunteerId, ...request }: Ticket,
	steps: SeedStep[]
): SeedRequest {
	return { ...request, steps };
}

/** Residents phone in more on weekday mornings; the desk is staffed 8:00–19:00. */
const WEEKDAY_HOURS = [4, 6, 6, 5, 2, 1, 3, 3, 3, 2, 1];
const WEEKEND_HOURS = [2, 3, 4, 4, 2, 2, 3, 3, 2, 2, 1];

function phonedInTickets(desk: Desk, now: number, days: number): Ticket[] {
	const { rng } = desk;
	const tickets: Ticket[] = [];
	for (let d = days; d >= 0; d--) {
		const midnight = chinaMidnight(now) - d * DAY;
		const weekend = isWeekend(midnight);
		const count = weekend ? int(rng, 6, 8) : int(rng, 9, 11);
		for (let i = 0; i < count; i++) {
			const hour = 8 + weighted(rng, weekend ? WEEKEND_HOURS : WEEKDAY_HOURS);
			const at = Math.round(midnight + hour * HOUR + between(rng, 0, 60) * MINUTE);
			// Plan visits make up most elder visits; only a few are phoned in by worried neighbours.
			const type = SKILLS[weighted(rng, [45, 52, 3])]!; // one weight per skill
			if (at < now) tickets.push(newTicket(desk, type, at));
		}
	}
	return tickets;
}

/** Whoever is on the desk: 王芳 takes mornings, 李强 afternoons; the coordinator runs visit plans. */
const deskStaff = (t: Ticket, at: number) => (t.planVolunteerId ? 'coordinator' : chinaHour(at) < 13 ? 'dispatcher' : 'dispatcher2');

/** The dispatcher's choice: one of the three nearest free volunteers with the right skill. */
export function chooseVolunteer(
	desk: Pick<Desk, 'rng' | 'byId' | 'volunteers' | 'busyUntil'>,
	t: { type: string; buildingId: string },
	at: number,
	exclude: Set<string>,
	pool = desk.volunteers
): SeedVolunteer {
	const skilled = pool.filter((v) => v.skills.includes(t.type) && !exclude.has(v.id));
	const free = skilled.filter((v) => (desk.busyUntil.get(v.id) ?? 0) <= at);
	const place = desk.byId.get(t.buildingId)!;
	const byDistance = (free.length > 0 ? free : skilled)
		.map((v) => ({ v, d: metresBetween(desk.byId.get(v.homeBuildingId)!, place) }))
		.sort((a, b) => a.d - b.d);
	return pick(desk.rng, byDistance.slice(0, 3)).v;
}

/** Plays a finished request through the lifecycle: mostly completed, some cancelled, a few declined first. */
function playFinished(desk: Desk, t: Ticket): SeedStep[] {
	const { rng } = desk;
	let clock = t.createdAt;
	const steps: SeedStep[] = [];
	const step = (action: SeedAction, minutes: [number, number], actor: string, volunteerId: string | null, note: string | null = null) => {
		clock = toSecond(clock + between(rng, ...minutes) * MINUTE).getTime();
		steps.push({ action, at: new Date(clock), actor, volunteerId, note });
	};
	const staff = deskStaff(t, t.createdAt);
	const cancelReason = () => pick(rng, CANCEL_REASONS[t.type]);
	const cancelAt = rng() < 0.085 ? pick(rng, ['open', 'assigned', 'accepted'] as const) : null;
	step('create', [0, 0], staff, null);
	if (cancelAt === 'open') return (step('cancel', [5, 60], staff, null, cancelReason()), steps);

	let who = t.planVolunteerId ? desk.volunteerById.get(t.planVolunteerId)! : chooseVolunteer(desk, t, clock, new Set());
	step('assign', t.urgency === 'urgent' ? [2, 8] : [2, 30], staff, who.id);
	if (rng() < 0.06) {
		step('decline', [1, 10], who.username, null, pick(rng, DECLINE_REASONS));
		who = chooseVolunteer(desk, t, clock, new Set([who.id]));
		step('assign', [2, 15], staff, who.id);
	}
	if (cancelAt === 'assigned') return (step('cancel', [3, 20], staff, who.id, cancelReason()), steps);
	step('accept', [1, 10], who.username, who.id);
	if (cancelAt === 'accepted') return (step('cancel', [10, 60], staff, who.id, cancelReason()), steps);
	step('start', [10, 120], who.username, who.id);
	step('complete', [15, 90], who.username, who.id, t.done);
	desk.busyUntil.set(who.id, clock);
	return steps;
}

/**
 * Today's live board: minutes before `now` of each step (create, assign, accept, start) it has reached.
 * One offer is fresh (inside the default 5-minute offer timeout) and one is stale, so the
 * board shows both a pending and an expired offer right after seeding.
 */
const LIVE_BOARD: { type: Team; ago: number[]; urgent?: boolean }[] = [
	{ type: 'repair', ago: [6], urgent: true },
	{ type: 'haircut', ago: [23] },
	{ type: 'repair', ago: [12, 3] },
	{ type: 'elder_visit', ago: [52, 44] },
	{ type: 'repair', ago: [81, 70, 64] },
	{ type: 'haircut', ago: [142, 130, 124, 47] }
];
const LIVE_ACTIONS: SeedAction[] = ['create', 'assign', 'accept', 'start'];

function liveRequests(desk: Desk, now: number): SeedRequest[] {
	// On-duty volunteers only, one task each, and never the demo logins vol01–vol03 so a
	// presenter can assign to them from a clean slate.
	const pool = desk.volunteers.filter((v, i) => v.available && i >= 3);
	const taken = new Set<string>();
	return LIVE_BOARD.map(({ type, ago, urgent }) => {
		const times = ago.map((m) => toSecond(now - (m - desk.rng()) * MINUTE).getTime());
		// Each entry has one to four steps, the first its create.
		const ticket = newTicket(desk, type, times[0]!, urgent);
		const staff = deskStaff(ticket, ticket.createdAt);
		const who = ago.length > 1 ? chooseVolunteer(desk, ticket, now, taken, pool) : null;
		if (who) taken.add(who.id);
		const steps = times.map((at, i): SeedStep => ({
			action: LIVE_ACTIONS[i]!,
			at: new Date(at),
			actor: i < 2 ? staff : who!.username,
			volunteerId: i === 0 ? null : who!.id,
			note: null
		}));
		return toRequest(ticket, steps);
	});
}

// ---------------------------------------------------------------- the community

export function generateCommunity(now: Date, seed = 20_240_601): Community {
	const rng = mulberry32(seed);
	const newId = () => uuid(rng);
	const t = now.getTime();

	const drafts = [...residentialDrafts(rng), ...shopDrafts(rng), ...PUBLIC_BUILDINGS];
	const buildings = drafts.map((d) => toBuilding(d, newId()));
	const byId = new Map(buildings.map((b) => [b.id, b]));
	const residential = buildings.filter((b) => b.kind === 'residential');
	const people = directory(rng);
	const volunteers = recruitVolunteers(rng, newId, people, residential);
	const elders = registerElders(rng, newId, people, residential, volunteers, byId, t);

	const desk: Desk = {
		rng,
		newId,
		people,
		byId,
		residential,
		shops: buildings.filter((b) => b.kind === 'shop'),
		volunteers,
		volunteerById: new Map(volunteers.map((v) => [v.id, v])),
		busyUntil: new Map()
	};
	const days = 21;
	const visits = elders.flatMap((e) =>
		[1, 2, 3]
			.map((k) => e.nextDueAt.getTime() - k * e.intervalDays * DAY)
			.filter((due) => due >= t - days * DAY)
			.map((due) => visitTicket(desk, e, due))
	);
	const tickets = [...phonedInTickets(desk, t, days), ...visits].sort((a, b) => a.createdAt - b.createdAt);
	const past = tickets
		.map((ticket) => toRequest(ticket, playFinished(desk, ticket)))
		// Anything still running at `now` is left out: the live board below is curated instead.
		// (Every request has at least its create step.)
		.filter((r) => r.steps.at(-1)!.at.getTime() < t);
	const requests = [...past, ...liveRequests(desk, t)].sort((a, b) => a.steps[0]!.at.getTime() - b.steps[0]!.at.getTime());

	return { buildings, volunteers, elders, requests, staff: STAFF.map((s) => ({ ...s })) };
}
