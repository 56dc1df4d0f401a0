// JSON shapes of the coordinator's history, statistics and visit plans (beyond the contract's request).
import type { RequestView } from './types';
import type { Status } from '../dispatch/vocabulary';
import type { VisitState } from '../dispatch/visits';

export interface HistoryPage {
	items: RequestView[];
	nextCursor: string | null;
}

/** Seconds; null when no request in the period reached that stage. */
export interface StageStats {
	median: number | null;
	p90: number | null;
	count: number;
}

export interface PeriodSummary {
	from: string;
	to: string;
	finished: number;
	completed: number;
	cancelled: number;
	/** Created → assigned, assigned → accepted, accepted → completed. */
	toAssign: StageStats;
	toAccept: StageStats;
	toComplete: StageStats;
	/** Sum of started → completed over completed requests. */
	hours: number;
	kpis: Kpis;
}

/**
 * The closed loop's rates over the period's finished requests, each a fraction in [0, 1], or
 * null when there is nothing to measure (no request with a deadline, nothing completed or rated):
 * - assignedOnTime: of those with an assign deadline, assigned by it;
 * - completedOnTime: of the completed with a complete deadline, completed by it;
 * - rated: of the completed, rated (by the resident or a follow-up call);
 * - satisfied: of the rated, 4 or 5 stars;
 * - reopened: of the completed, reopened by a low rating.
 */
export interface Kpis {
	assignedOnTime: number | null;
	completedOnTime: number | null;
	rated: number | null;
	satisfied: number | null;
	reopened: number | null;
}

/** One community's summary for the period, to compare communities side by side. */
export interface CommunitySummary extends Omit<PeriodSummary, 'from' | 'to'> {
	communityId: string;
	name: string;
}

/** A day's requests by service code (only services with a request that day are named). */
export interface DayCounts {
	day: string;
	counts: Record<string, number>;
}

export interface VolunteerOutput {
	volunteerId: string;
	name: string;
	completed: number;
	hours: number;
}

export interface BuildingLoad {
	buildingId: string;
	name: string;
	lat: number;
	lng: number;
	count: number;
}

export interface HistoryStats {
	current: PeriodSummary;
	/** The period of the same length just before, for comparison. */
	previous: PeriodSummary;
	/** Each community the filter covers (every one of the scope without `communityId`), quiet ones with zeros, by name. */
	byCommunity: CommunitySummary[];
	perDay: DayCounts[];
	volunteers: VolunteerOutput[];
	/** Busiest first. */
	buildings: BuildingLoad[];
	/** The current period's KPIs (contract); `current.kpis` again, and `previous.kpis` beside it. */
	kpis: Kpis;
}

export interface VisitPlanView {
	id: string;
	communityId: string;
	elderId: string;
	elderName: string;
	buildingId: string;
	buildingName: string;
	unit: string;
	volunteerId: string;
	volunteerName: string;
	intervalDays: number;
	nextDueAt: string;
	active: boolean;
	lastVisitedAt: string | null;
	/** The latest visit that fell due: its request (null when the scheduler has not made it yet). */
	visit: { requestId: string | null; dueAt: string; status: Status | null; state: VisitState } | null;
}

export interface ElderView {
	id: string;
	communityId: string;
	name: string;
	buildingId: string;
	unit: string;
	phone: string | null;
	notes: string;
	planId: string | null;
}
