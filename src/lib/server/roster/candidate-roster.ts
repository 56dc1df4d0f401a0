// The candidate search in memory, so ranking 10,000 volunteers costs no database round trip
// (issue #7: p99 ≤ 2 ms; one `select 1` alone has a p99 of several ms on a busy machine).
//
// Each node keeps its own roster: a snapshot read in one transaction, with every committed
// event applied on top. This node's events are applied as they are published, other nodes'
// when the tail reads them from the events table a moment later. What no event carries is
// read again every `refreshMs` (elders' planned visitors, who is online: small reads), and a
// whole fresh snapshot every `reloadMs` picks up rows written outside the app. Ranking is a
// suggestion: the assignment itself checks the volunteer in the database, so a ranking a
// moment old can never assign someone who may not go.
//
// When the roster cannot vouch for itself (still loading, the tail failing, plans changed
// here and not yet reread, a request it has not heard of), `rank` answers null and the
// caller searches the database as before.

import type { Kysely } from 'kysely';
import type { RankedCandidate } from '../../dispatch/ranking';
import type { StoredEvent } from '../../realtime/deliveries';
import type { Database } from '../db/schema';
import type { Logger } from '../log';
import { latestSeq, listEventsAfter } from '../repositories/events';
import { listOnlineVolunteers, listRosterVolunteers } from '../repositories/volunteers';
import { listLastVisits, listRosterRequests } from '../repositories/requests';
import { listBuildingPlaces } from '../repositories/buildings';
import { listPlannedVisitors } from '../repositories/visit-plans';
import { listRosterTeams } from '../repositories/teams';
import { listServices } from '../repositories/services';
import { RosterState, type RosterSnapshot, type RosterVolunteer } from './roster-state';
import type { Queryable } from '../db/types';

export interface CandidateRoster {
	/** The best `limit` for a request (Infinity: all), by name when `name` is given, or null: ask the database. */
	rank(requestId: string, limit: number, now: Date, name?: string): RankedCandidate[] | null;
	/** Events this node just committed. */
	apply(events: readonly StoredEvent[]): void;
	setOnlineUntil(volunteerIds: readonly string[], until: Date | null): void;
	/** Something no event carries changed here (a visit plan): search the database until it is reread, which starts now. */
	invalidate(): void;
	/** Catches up with every event committed before the call, or throws (tests and the bench). */
	sync(): Promise<void>;
	stop(): void;
}

export interface RosterOptions {
	/** How often other nodes' events are read from the events table. */
	tailMs: number;
	/** How often planned visitors and presence, which no event carries, are read again. */
	refreshMs: number;
	/** How often a whole fresh snapshot replaces the roster. */
	reloadMs: number;
}

const TAIL_BATCH = 1000;
/** Volunteers per read while taking a snapshot: parsing 10,000 rows at once held the event loop ~50 ms. */
const VOLUNTEER_PAGE = 1000;
const DAY_MS = 86_400_000;

/** Reads everything the roster holds at one event seq: one repeatable-read snapshot. */
export async function readRosterSnapshot(db: Kysely<Database>, now: Date): Promise<RosterSnapshot> {
	return db
		.transaction()
		.setIsolationLevel('repeatable read')
		.execute(async (trx) => ({
			seq: await latestSeq(trx),
			volunteers: await readAllVolunteers(trx),
			// A day back covers "today" for as long as this snapshot lives.
			requests: await listRosterRequests(trx, new Date(now.getTime() - DAY_MS)),
			buildings: await listBuildingPlaces(trx),
			plannedVisitors: await listPlannedVisitors(trx),
			lastVisits: await listLastVisits(trx),
			teams: await listRosterTeams(trx),
			services: (await listServices(trx)).map((s) => ({ code: s.code, skill: s.skill }))
		}));
}

async function readAllVolunteers(db: Queryable): Promise<RosterVolunteer[]> {
	const all: RosterVolunteer[] = [];
	for (;;) {
		const page = await listRosterVolunteers(db, all.at(-1)?.id ?? null, VOLUNTEER_PAGE);
		all.push(...page);
		if (page.length < VOLUNTEER_PAGE) return all;
	}
}

export function startCandidateRoster(db: Kysely<Database>, log: Logger, options: RosterOptions): CandidateRoster {
	let state: RosterState | null = null;
	/** The seq up to which every committed event has been applied. */
	let cursor = 0;
	let trusted = false;
	let lastReload = 0;
	let lastRefresh = 0;
	let reloadWanted = true;
	let refreshWanted = false;
	/** When the roster last caught up with the events table; older than `staleMs` is too old to rank from. */
	let syncedAt = 0;
	const staleMs = Math.max(5 * options.tailMs, 2_000);
	/** Events published while a snapshot is being read: applied to it once it is in place. */
	let heldForSnapshot: StoredEvent[] | null = null;
	let running: Promise<void> | null = null;
	let stopped = false;

	async function tail(into: RosterState) {
		for (;;) {
			const events = await listEventsAfter(db, cursor, { kind: 'everything' }, TAIL_BATCH);
			into.apply(events);
			const last = events.at(-1);
			if (last) cursor = last.seq;
			if (events.length < TAIL_BATCH) return;
		}
	}

	async function reload() {
		reloadWanted = false;
		refreshWanted = false;
		heldForSnapshot = [];
		const startedAt = Date.now();
		try {
			const next = new RosterState(await readRosterSnapshot(db, new Date()));
			cursor = next.seq;
			await tail(next);
			// Published while the snapshot and the tail were read, maybe after the tail's read.
			next.apply(heldForSnapshot);
			state = next;
			lastReload = lastRefresh = startedAt;
		} finally {
			heldForSnapshot = null;
		}
	}

	async function refresh(into: RosterState) {
		refreshWanted = false;
		const startedAt = Date.now();
		into.refreshUnevented(await listPlannedVisitors(db), await listOnlineVolunteers(db));
		lastRefresh = startedAt;
	}

	async function step() {
		try {
			const now = Date.now();
			if (!state || reloadWanted || now - lastReload >= options.reloadMs) await reload();
			else {
				await tail(state);
				if (refreshWanted || now - lastRefresh >= options.refreshMs) await refresh(state);
			}
			trusted = !reloadWanted && !refreshWanted && state !== null;
			syncedAt = Date.now();
		} catch (error) {
			// The database path answers (or fails plainly) until the roster catches up again.
			if (trusted && !stopped) log.warn({ err: error }, 'the candidate roster could not sync; ranking from the database');
			trusted = false;
			reloadWanted = true;
		}
	}

	function run(): Promise<void> {
		running ??= step().finally(() => (running = null));
		return running;
	}

	const timer = setInterval(() => void run(), options.tailMs);
	timer.unref();
	void run();

	return {
		rank(requestId, limit, now, name) {
			const fresh = trusted && Date.now() - syncedAt < staleMs;
			return fresh && state ? state.rank(requestId, limit, now, name) : null;
		},
		apply(events) {
			state?.apply(events);
			heldForSnapshot?.push(...events);
		},
		setOnlineUntil(volunteerIds, until) {
			state?.setOnlineUntil(volunteerIds, until ? until.getTime() : null);
		},
		invalidate() {
			trusted = false;
			refreshWanted = true;
			void run();
		},
		async sync() {
			// A step already under way may have read the events table before the caller's commit.
			await running;
			await run();
			if (!trusted) throw new Error('the candidate roster could not catch up with the database');
		},
		stop() {
			stopped = true;
			clearInterval(timer);
		}
	};
}
