// What the candidate search reads, held in memory: volunteers, who holds which task, where
// buildings stand, and who an elder knows. Pure: it changes only through a snapshot and the
// events applied on top of it (see candidate-roster.ts for where both come from).

import type { CandidateView, RequestView, VolunteerView } from '../../api/types';
import type { StoredEvent } from '../../realtime/deliveries';
import { isSearchSettled, preselectCandidates, SEARCH_RADII_M } from '../../dispatch/candidate-search';
import { rankCandidates, type CandidateInput } from '../../dispatch/ranking';
import {
	continuityElderId,
	countsAsLoad,
	countsAsToday,
	familiarVolunteerIds,
	isLastVisit,
	isOnline,
	isPlannedVisitor,
	tasksTodaySince,
	visitedLast
} from '../../dispatch/candidate-facts';
import { REQUEST_TYPES, type RequestType, type Skill, type Status } from '../../dispatch/vocabulary';
import { boundingBox, type LatLng } from '../../dispatch/geo';
import { GridIndex } from './grid-index';

export interface RosterVolunteer extends LatLng {
	id: string;
	name: string;
	skills: readonly Skill[];
	available: boolean;
	/** Epoch ms; online while in the future (volunteers.online_until). */
	onlineUntil: number | null;
}

export interface RosterRequest {
	id: string;
	type: RequestType;
	buildingId: string;
	elderId: string | null;
	status: Status;
	assigneeId: string | null;
	/** Epoch ms. */
	assignedAt: number | null;
	completedAt: number | null;
}

export interface LastVisit {
	elderId: string;
	volunteerId: string;
	completedAt: number;
}

/** Everything at one event seq, read in one database snapshot. */
export interface RosterSnapshot {
	seq: number;
	volunteers: RosterVolunteer[];
	/** Open and held requests, and any assigned in the last day (for tasks today). */
	requests: RosterRequest[];
	buildings: (LatLng & { id: string })[];
	/** The volunteer of each elder's active visit plan. */
	plannedVisitors: { elderId: string; volunteerId: string }[];
	/** Each elder's most recent completed visit. */
	lastVisits: LastVisit[];
}

const NONE: ReadonlySet<string> = new Set();

export function requestFromView(view: RequestView): RosterRequest {
	return {
		id: view.id,
		type: view.type,
		buildingId: view.buildingId,
		elderId: view.elderId,
		status: view.status,
		assigneeId: view.assigneeId,
		assignedAt: view.assignedAt ? Date.parse(view.assignedAt) : null,
		completedAt: view.completedAt ? Date.parse(view.completedAt) : null
	};
}

/**
 * Copied field by field, whatever the source (a database row, an event's view, a test's
 * spread): objects built by rest or spread can fall into V8's slow dictionary mode, which made
 * a pass over 10,000 volunteers twenty times slower.
 */
function rosterVolunteer(source: Omit<RosterVolunteer, 'onlineUntil'>, onlineUntil: number | null): RosterVolunteer {
	return {
		id: source.id,
		name: source.name,
		skills: source.skills,
		available: source.available,
		lat: source.lat,
		lng: source.lng,
		onlineUntil
	};
}

export class RosterState {
	readonly seq: number;
	private readonly volunteers = new Map<string, RosterVolunteer>();
	/** On-duty volunteers by skill, by where they stand: who a request's search looks through. */
	private readonly onDuty = new Map<Skill, GridIndex<RosterVolunteer>>(REQUEST_TYPES.map((skill) => [skill, new GridIndex()]));
	private readonly requests = new Map<string, RosterRequest>();
	/** Request ids by their assignee, so a volunteer's load is a handful of lookups. */
	private readonly held = new Map<string, Set<string>>();
	private readonly buildings = new Map<string, LatLng>();
	private readonly plannedVisitors = new Map<string, string>();
	private readonly lastVisits = new Map<string, LastVisit>();
	/**
	 * The seq of the change each volunteer and request was last set from. An event at or below
	 * it is older news: this node's own events arrive at once, other nodes' a moment later, and
	 * one event may come both ways.
	 */
	private readonly seenAt = new Map<string, number>();

	constructor(snapshot: RosterSnapshot) {
		this.seq = snapshot.seq;
		for (const b of snapshot.buildings) this.buildings.set(b.id, { lat: b.lat, lng: b.lng });
		for (const v of snapshot.volunteers) this.putVolunteer(rosterVolunteer(v, v.onlineUntil));
		for (const r of snapshot.requests) this.putRequest(r);
		for (const p of snapshot.plannedVisitors) this.plannedVisitors.set(p.elderId, p.volunteerId);
		for (const visit of snapshot.lastVisits) this.lastVisits.set(visit.elderId, visit);
	}

	/** Applies committed events; any order, any repeats. */
	apply(events: readonly StoredEvent[]): void {
		for (const event of events) {
			const payload = event.payload;
			if ((this.seenAt.get(payload.id) ?? this.seq) >= event.seq) continue;
			this.seenAt.set(payload.id, event.seq);
			// Presence is not in events (see setOnlineUntil): keep what this node knows.
			if (event.kind === 'volunteer_updated')
				this.putVolunteer(rosterVolunteer(payload as VolunteerView, this.volunteers.get(payload.id)?.onlineUntil ?? null));
			else this.putRequest(requestFromView(payload as RequestView));
		}
	}

	/** Presence is kept apart from events (presence.ts); this node tells the roster itself. */
	setOnlineUntil(volunteerIds: readonly string[], until: number | null): void {
		for (const id of volunteerIds) {
			const volunteer = this.volunteers.get(id);
			if (volunteer) volunteer.onlineUntil = until;
		}
	}

	/** Replaces what no event carries: elders' planned visitors and who is online, read afresh. */
	refreshUnevented(
		plannedVisitors: readonly { elderId: string; volunteerId: string }[],
		online: readonly { id: string; onlineUntil: number }[]
	): void {
		this.plannedVisitors.clear();
		for (const p of plannedVisitors) this.plannedVisitors.set(p.elderId, p.volunteerId);
		const until = new Map(online.map((o) => [o.id, o.onlineUntil]));
		for (const volunteer of this.volunteers.values()) volunteer.onlineUntil = until.get(volunteer.id) ?? null;
	}

	/**
	 * The best `limit` volunteers for a request, as listCandidates ranks them from the
	 * database; null when the roster does not know the request (the caller asks the database).
	 */
	rank(requestId: string, limit: number, now: Date): CandidateView[] | null {
		const request = this.requests.get(requestId);
		const place = request && this.buildings.get(request.buildingId);
		if (!request || !place) return null;
		const elderId = continuityElderId(request);
		const continuity = {
			plannedVolunteerId: elderId ? (this.plannedVisitors.get(elderId) ?? null) : null,
			lastVisitorId: elderId ? (this.lastVisits.get(elderId)?.volunteerId ?? null) : null
		};
		const dayStart = tasksTodaySince(now).getTime();
		const nowMs = now.getTime();

		const ranked = { type: request.type, lat: place.lat, lng: place.lng };
		const toCandidate = (volunteer: RosterVolunteer): CandidateInput => {
			let activeCount = 0;
			let tasksToday = 0;
			for (const id of this.held.get(volunteer.id) ?? NONE) {
				const task = this.requests.get(id)!;
				if (countsAsLoad(task.status)) activeCount++;
				if (countsAsToday(task.assignedAt, dayStart)) tasksToday++;
			}
			return {
				id: volunteer.id,
				name: volunteer.name,
				lat: volunteer.lat,
				lng: volunteer.lng,
				activeCount,
				tasksToday,
				isPlannedVisitor: isPlannedVisitor(volunteer.id, continuity),
				visitedLast: visitedLast(volunteer.id, continuity),
				online: isOnline(volunteer.onlineUntil, nowMs)
			};
		};

		// The database search's boxes (candidate-search.ts), read from the grid instead of the index.
		const onDuty = this.onDuty.get(request.type)!;
		let nearby: CandidateInput[] | null = null;
		for (const radius of SEARCH_RADII_M) {
			const found = onDuty.inBox(boundingBox(place, radius)).map(toCandidate);
			if (isSearchSettled(place, found, radius, limit) || found.length >= onDuty.size) {
				nearby = found;
				break;
			}
		}
		nearby ??= [...onDuty.values()].map(toCandidate);
		// The elder's familiar volunteers are ranked wherever they stand, if they may go.
		const known = new Set(nearby.map((c) => c.id));
		for (const id of familiarVolunteerIds(continuity)) {
			const volunteer = !known.has(id) ? this.volunteers.get(id) : undefined;
			if (volunteer?.available && volunteer.skills.includes(request.type)) {
				nearby.push(toCandidate(volunteer));
				known.add(volunteer.id);
			}
		}
		return rankCandidates(ranked, preselectCandidates(ranked, nearby, limit), { limit });
	}

	private putVolunteer(volunteer: RosterVolunteer): void {
		const before = this.volunteers.get(volunteer.id);
		if (before) for (const skill of before.skills) this.onDuty.get(skill)?.delete(before);
		this.volunteers.set(volunteer.id, volunteer);
		if (volunteer.available) for (const skill of volunteer.skills) this.onDuty.get(skill)?.add(volunteer);
	}

	private putRequest(request: RosterRequest): void {
		const before = this.requests.get(request.id);
		if (before?.assigneeId && before.assigneeId !== request.assigneeId) this.held.get(before.assigneeId)?.delete(request.id);
		if (request.assigneeId) {
			let ids = this.held.get(request.assigneeId);
			if (!ids) this.held.set(request.assigneeId, (ids = new Set()));
			ids.add(request.id);
		}
		this.requests.set(request.id, request);
		if (isLastVisit(request)) {
			const last = this.lastVisits.get(request.elderId);
			if (!last || request.completedAt >= last.completedAt) {
				this.lastVisits.set(request.elderId, {
					elderId: request.elderId,
					volunteerId: request.assigneeId,
					completedAt: request.completedAt
				});
			}
		}
	}
}
