// What the candidate search reads, held in memory: volunteers, who holds which task, where
// buildings stand, and who an elder knows. Pure: it changes only through a snapshot and the
// events applied on top of it (see candidate-roster.ts for where both come from).

import type { RequestView, ServiceView, TeamView, VolunteerView } from '../../api/types';
import type { StoredEvent } from '../../realtime/deliveries';
import { isSearchSettled, preselectCandidates, SEARCH_RADII_M } from '../../dispatch/candidate-search';
import { rankCandidates, type CandidateInput, type RankedCandidate } from '../../dispatch/ranking';
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
import type { RequestType, Skill, Status } from '../../dispatch/vocabulary';
import { boundingBox, type LatLng } from '../../dispatch/geo';
import { GridIndex } from './grid-index';

export interface RosterVolunteer extends LatLng {
	id: string;
	communityId: string;
	name: string;
	skills: readonly Skill[];
	available: boolean;
	active: boolean;
	/** Epoch ms; online while in the future (volunteers.online_until). */
	onlineUntil: number | null;
}

export interface RosterRequest {
	id: string;
	communityId: string;
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
	/** The active teams: whose members also serve which communities. */
	teams: RosterTeam[];
	/** Which skill each service needs (a request's type is a service code). */
	services: { code: string; skill: Skill }[];
}

export interface RosterTeam {
	id: string;
	active: boolean;
	memberIds: readonly string[];
	communityIds: readonly string[];
}

const NONE: ReadonlySet<string> = new Set();

export function requestFromView(view: RequestView): RosterRequest {
	return {
		id: view.id,
		communityId: view.communityId,
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
		communityId: source.communityId,
		name: source.name,
		skills: source.skills,
		available: source.available,
		active: source.active,
		lat: source.lat,
		lng: source.lng,
		onlineUntil
	};
}

export class RosterState {
	readonly seq: number;
	private readonly volunteers = new Map<string, RosterVolunteer>();
	/** On-duty volunteers by skill, by where they stand: who a request's search looks through. */
	private readonly onDuty = new Map<Skill, GridIndex<RosterVolunteer>>();
	private readonly teams = new Map<string, RosterTeam>();
	/** Volunteers of other communities who serve a community through a team, by that community. */
	private teamServes = new Map<string, Set<string>>();
	private readonly skillOf = new Map<string, Skill>();
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
		for (const team of snapshot.teams) this.teams.set(team.id, team);
		this.indexTeams();
		for (const service of snapshot.services) this.skillOf.set(service.code, service.skill);
	}

	/** Applies committed events; any order, any repeats. */
	apply(events: readonly StoredEvent[]): void {
		for (const event of events) {
			const payload = event.payload;
			const key = 'code' in payload ? `service:${payload.code}` : payload.id;
			if ((this.seenAt.get(key) ?? this.seq) >= event.seq) continue;
			this.seenAt.set(key, event.seq);
			switch (event.kind) {
				case 'volunteer_updated':
					// Presence is not in events (see setOnlineUntil): keep what this node knows.
					this.putVolunteer(rosterVolunteer(payload as VolunteerView, this.volunteers.get(key)?.onlineUntil ?? null));
					break;
				case 'service_updated':
					this.skillOf.set((payload as ServiceView).code, (payload as ServiceView).skill);
					break;
				case 'team_updated': {
					const team = payload as TeamView;
					this.teams.set(team.id, { id: team.id, active: team.active, memberIds: team.memberIds, communityIds: team.communityIds });
					this.indexTeams();
					break;
				}
				default:
					this.putRequest(requestFromView(payload as RequestView));
			}
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
	 * The best `limit` volunteers for a request (Infinity: all), only those whose name holds
	 * `name` when given, as listCandidates ranks them from the database; null when the roster
	 * does not know the request (the caller asks the database).
	 */
	rank(requestId: string, limit: number, now: Date, name?: string): RankedCandidate[] | null {
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
		const skill = this.skillOf.get(request.type) ?? request.type;
		const servesHere = this.teamServes.get(request.communityId) ?? NONE;
		const named = name?.toLowerCase();
		const mayServe = (v: RosterVolunteer) =>
			(v.communityId === request.communityId || servesHere.has(v.id)) && (named === undefined || v.name.toLowerCase().includes(named));

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
		const onDuty = this.onDuty.get(skill) ?? new GridIndex<RosterVolunteer>();
		const everyone = [...onDuty.values()].filter(mayServe);
		let nearby: CandidateInput[] | null = named !== undefined || !Number.isFinite(limit) ? everyone.map(toCandidate) : null;
		for (const radius of nearby ? [] : SEARCH_RADII_M) {
			const found = onDuty.inBox(boundingBox(place, radius)).filter(mayServe).map(toCandidate);
			if (isSearchSettled(place, found, radius, limit) || found.length >= everyone.length) {
				nearby = found;
				break;
			}
		}
		nearby ??= everyone.map(toCandidate);
		const known = new Set(nearby.map((c) => c.id));
		// Everyone online, wherever they stand: their tier ranks them above anyone nearer.
		for (const volunteer of everyone) {
			if (!known.has(volunteer.id) && isOnline(volunteer.onlineUntil, nowMs)) {
				nearby.push(toCandidate(volunteer));
				known.add(volunteer.id);
			}
		}
		// The elder's familiar volunteers are ranked wherever they stand, if they may go.
		for (const id of familiarVolunteerIds(continuity)) {
			const volunteer = !known.has(id) ? this.volunteers.get(id) : undefined;
			if (volunteer?.available && volunteer.active && volunteer.skills.includes(skill) && mayServe(volunteer)) {
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
		if (volunteer.available && volunteer.active) {
			for (const skill of volunteer.skills) {
				let index = this.onDuty.get(skill);
				if (!index) this.onDuty.set(skill, (index = new GridIndex()));
				index.add(volunteer);
			}
		}
	}

	/** Rebuilds who serves which community through a team (teams are few; this is cheap). */
	private indexTeams(): void {
		const serves = new Map<string, Set<string>>();
		for (const team of this.teams.values()) {
			if (!team.active) continue;
			for (const communityId of team.communityIds) {
				let ids = serves.get(communityId);
				if (!ids) serves.set(communityId, (ids = new Set()));
				for (const id of team.memberIds) ids.add(id);
			}
		}
		this.teamServes = serves;
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
