// The candidate search in memory, so ranking 10,000 volunteers costs no database round trip
// (issue #7: p99 ≤ 2 ms; one `select 1` alone has a p99 of several ms on a busy machine).
//
// Each node keeps its own roster: a snapshot read in one transaction, with every committed
// event applied on top. This node's events are applied as they are published, other nodes'
// when the tail reads them from the events table a moment later, and a fresh snapshot every
// `reloadMs` picks up what no event carries (visit plans, other nodes' presence, rows written
// outside the app). Ranking is a suggestion: the assignment itself checks the volunteer in the
// database, so a ranking a moment old can never assign someone who may not go.
//
// When the roster cannot vouch for itself (still loading, the tail failing, plans changed
// here and not yet reloaded, a request it has not heard of), `rank` answers null and the
// caller searches the database as before.

import type { Kysely } from 'kysely';
import type { CandidateView } from '../../api/types';
import type { StoredEvent } from '../../realtime/deliveries';
import type { Database } from '../db/schema';
import type { Logger } from '../log';
import { latestSeq, listEventsAfter } from '../repositories/events';
import { listRosterVolunteers } from '../repositories/volunteers';
import { listLastVisits, listRosterRequests } from '../repositories/requests';
import { listBuildingPlaces } from '../repositories/buildings';
import { listPlannedVisitors } from '../repositories/visit-plans';
import { RosterState, type RosterSnapshot } from './roster-state';

export interface CandidateRoster {
	/** The best `limit` for a request, or null: ask the database. */
	rank(requestId: string, limit: number, now: Date): CandidateView[] | null;
	/** Events this node just committed. */
	apply(events: readonly StoredEvent[]): void;
	setOnlineUntil(volunteerIds: readonly string[], until: Date | null): void;
	/** Something no event carries changed here (a visit plan): search the database until the next snapshot, which starts now. */
	invalidate(): void;
	/** Catches up with every event committed before the call, or throws (tests and the bench). */
	sync(): Promise<void>;
	stop(): void;
}

export interface RosterOptions {
	/** How often other nodes' events are read from the events table. */
	tailMs: number;
	/** How often a whole fresh snapshot replaces the roster. */
	reloadMs: number;
}

const TAIL_BATCH = 1000;
const DAY_MS = 86_400_000;

/** Reads everything the roster holds at one event seq: one repeatable-read snapshot. */
export async function readRosterSnapshot(db: Kysely<Database>, now: Date): Promise<RosterSnapshot> {
	return db
		.transaction()
		.setIsolationLevel('repeatable read')
		.execute(async (trx) => ({
			seq: await latestSeq(trx),
			volunteers: await listRosterVolunteers(trx),
			// A day back covers "today" for as long as this snapshot lives.
			requests: await listRosterRequests(trx, new Date(now.getTime() - DAY_MS)),
			buildings: await listBuildingPlaces(trx),
			plannedVisitors: await listPlannedVisitors(trx),
			lastVisits: await listLastVisits(trx)
		}));
}

export function startCandidateRoster(db: Kysely<Database>, log: Logger, options: RosterOptions): CandidateRoster {
	let state: RosterState | null = null;
	/** The seq up to which every committed event has been applied. */
	let cursor = 0;
	let trusted = false;
	let lastReload = 0;
	/** When the roster last caught up with the events table; older than `staleMs` is too old to rank from. */
	let syncedAt = 0;
	const staleMs = Math.max(5 * options.tailMs, 2_000);
	let reloadWanted = true;
	/** Events published while a snapshot is being read: applied to it once it is in place. */
	let heldForSnapshot: StoredEvent[] | null = null;
	let running: Promise<void> | null = null;
	let stopped = false;

	async function tail(into: RosterState) {
		for (;;) {
			const events = await listEventsAfter(db, cursor, { kind: 'staff' }, TAIL_BATCH);
			into.apply(events);
			if (events.length > 0) cursor = events[events.length - 1].seq;
			if (events.length < TAIL_BATCH) return;
		}
	}

	async function reload() {
		reloadWanted = false;
		heldForSnapshot = [];
		const startedAt = Date.now();
		try {
			const next = new RosterState(await readRosterSnapshot(db, new Date()));
			next.apply(heldForSnapshot);
			cursor = next.seq;
			await tail(next);
			state = next;
			lastReload = startedAt;
		} finally {
			heldForSnapshot = null;
		}
	}

	async function step() {
		try {
			if (reloadWanted || Date.now() - lastReload >= options.reloadMs) await reload();
			else if (state) await tail(state);
			trusted = !reloadWanted && state !== null;
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
		rank(requestId, limit, now) {
			const fresh = trusted && Date.now() - syncedAt < staleMs;
			return fresh && state ? state.rank(requestId, limit, now) : null;
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
			reloadWanted = true;
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
