// The JSON shapes of the contract, as both the server sends them and the browser reads them.
import type { BuildingKind, RequestType, Role, Skill, Status, Urgency } from '../dispatch/vocabulary';
import type { RequestStep } from '../dispatch/event-actions';
import type { ScopeView } from '../dispatch/areas';
import type { AttentionCode } from '../dispatch/attention';
import type { TrackView } from '../dispatch/tracking';

export interface UserView {
	id: string;
	username: string;
	name: string;
	role: Role;
	volunteerId: string | null;
	/** The area the user works in. */
	scope: ScopeView;
}

export interface BuildingView {
	id: string;
	communityId: string;
	name: string;
	kind: BuildingKind;
	lat: number;
	lng: number;
	footprint: { type: 'Polygon'; coordinates: [number, number][][] };
	/** Staff only: the public code of the stairwell QR (/r/:code). */
	code?: string;
}

/** A street (a line with a width in metres) or water (a polygon), drawn under the buildings. */
export interface MapFeatureView {
	kind: 'street' | 'water';
	name: string;
	geometry: { type: 'LineString'; coordinates: [number, number][] } | { type: 'Polygon'; coordinates: [number, number][][] };
	widthM: number | null;
}

export interface VolunteerView {
	id: string;
	communityId: string;
	name: string;
	skills: Skill[];
	available: boolean;
	online: boolean;
	lat: number;
	lng: number;
	activeCount: number;
	lastSeenAt: string | null;
	/** A deactivated volunteer keeps their record and history, and is offered nothing new. */
	active: boolean;
}

export interface RequestView {
	id: string;
	communityId: string;
	type: RequestType;
	buildingId: string;
	unit: string;
	description: string;
	urgency: Urgency;
	status: Status;
	version: number;
	assigneeId: string | null;
	elderId: string | null;
	createdAt: string;
	assignedAt: string | null;
	acceptedAt: string | null;
	startedAt: string | null;
	completedAt: string | null;
	cancelledAt: string | null;
	/** Set when the assignee did not answer the offer in time. */
	offerExpiredAt: string | null;
	/** Auto-offer: on while the server offers it to online volunteers in turn; `tried` offers so far in this run. */
	autoOffer: { on: boolean; tried: number };
	/** Who asked: typed by staff, by a resident through the building's QR code, or by a reporter. */
	source: 'staff' | 'resident' | 'reporter';
	/** The reporter's user id, for `source: reporter`. */
	reporterId: string | null;
	/** From the catalogue at creation (shorter when urgent); null on requests older than deadlines. */
	deadlines: { assignBy: string | null; completeBy: string | null };
	/** The deadline passed unmet and still in play: `assign` while open, `complete` while active. */
	overdue: 'assign' | 'complete' | null;
	/** The resident's rating (from the tracking page) or a follow-up call's answer; given once. */
	feedback: { rating: number; comment: string | null; via: 'resident' | 'phone'; at: string } | null;
	/** The request a low rating reopened. */
	reopenOf: string | null;
	/** Completed with the resident's confirmation code. */
	confirmed: boolean;
	/** Started more than 300 m from the building. */
	startedOffSite: boolean;
	/** For a plan's elder visit: when it fell due (see isVisitOverdue in dispatch/visits.ts); otherwise null. */
	visitDueAt: string | null;
	/** The team it was handed to (its leader assigns one of its members), or null. */
	teamId: string | null;
	/** Why a dispatcher should look (dispatch/attention.ts); empty when all is well. */
	attention: AttentionCode[];
	/** Present only for dispatchers, coordinators and the assigned volunteer. */
	contactName?: string | null;
	contactPhone?: string | null;
}

/**
 * A request as the reporter who reported it follows it (`GET /api/reports`): its steps, who is
 * coming by family name (as the resident's tracking page says it), and the tracking link and
 * code to pass on to the resident. Never a phone number.
 */
export interface ReportView extends Omit<TrackView, 'canRate'> {
	id: string;
	buildingId: string;
	description: string;
	urgency: Urgency;
	overdue: 'assign' | 'complete' | null;
	/** Whom it is for, as the reporter wrote it. */
	contactName: string | null;
	trackingUrl: string | null;
}

/** A service of the catalogue (`GET /api/services`); its code is a request's `type`. */
export interface ServiceView {
	code: string;
	name: { zh: string; en: string };
	/** The skill a volunteer needs for it. */
	skill: string;
	fee: 'free' | 'low_cost';
	priceYuan: number | null;
	/** Deadlines in minutes from creation, and shorter ones for an urgent request. */
	assignWithinMin: number;
	completeWithinMin: number;
	urgentAssignWithinMin: number;
	urgentCompleteWithinMin: number;
	/** An inactive service takes no new requests; its code stays, so history stays readable. */
	active: boolean;
	/** New requests of this service start with auto-offer on. */
	autoOffer: boolean;
}

/** A team (服务队): its leader assigns its members the requests handed to it. */
export interface TeamView {
	id: string;
	name: string;
	/** The community it belongs to. */
	communityId: string;
	/** Every community it serves, its own included. */
	communityIds: string[];
	leaderVolunteerId: string | null;
	memberIds: string[];
	skills: string[];
	active: boolean;
}

/** One ranked volunteer for a request (`GET /api/requests/:id/candidates`); `score` is higher for better. */
export interface CandidateView {
	volunteerId: string;
	name: string;
	/** Great-circle metres from the volunteer's position (or home building) to the request's building. */
	distanceM: number;
	/** Tasks assigned, accepted or in progress. */
	activeCount: number;
	score: number;
	/** Tasks assigned to them since local midnight (China time, UTC+8). */
	tasksToday: number;
	/** Elder visits only: the elder's planned visitor, or who visited last. */
	continuity: 'planned' | 'last' | null;
	/** A tab of theirs is open now: online volunteers rank above offline ones. */
	online: boolean;
	/** On duty. Always true: off-duty volunteers are not candidates; the field is the contract's. */
	available: boolean;
	/** They declined this request before: listed last, never the first pick. */
	declined: boolean;
	/** To call them; staff only (this list is). */
	phone: string | null;
	/** Their teams that serve the request's community. */
	teamIds: string[];
	lat: number;
	lng: number;
}

/**
 * One step of a request's timeline. `action` and `meta` come as a pair (dispatch/event-actions.ts):
 * meta is the step's machine data, for the reader to say in their own language; `note` is what a
 * person typed. A volunteer's meta never holds another volunteer's id.
 */
export type TimelineEntry = RequestStep & {
	seq: number;
	at: string;
	actor: string | null;
	from: Status | null;
	to: Status | null;
	note: string | null;
	/** On a decline, for staff only: the volunteer who declined, so the board can say so beside them. */
	declinedBy?: string;
};

export interface ApiErrorBody {
	error: { code: ErrorCode; message: string; issues?: { path: string; message: string }[] };
}

export const ERROR_STATUS = {
	invalid_input: 400,
	unauthenticated: 401,
	forbidden: 403,
	not_found: 404,
	conflict: 409,
	unprocessable: 422,
	rate_limited: 429,
	unavailable: 503
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;
