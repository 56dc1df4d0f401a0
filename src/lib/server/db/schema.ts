import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { BuildingKind, RequestType, Role, Skill, Status, Urgency } from '../../dispatch/vocabulary';
import type { AreaKind } from '../../dispatch/areas';
import type { EventAction, EventMeta } from '../../dispatch/event-actions';

/** A polygon as GeoJSON keeps it: rings of [lng, lat] positions. */
export interface GeoPolygon {
	type: 'Polygon';
	coordinates: [number, number][][];
}

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T> = ColumnType<T, string, string>;

export interface AreaTable {
	id: Generated<string>;
	name: string;
	kind: AreaKind;
	parent_id: string | null;
}

export interface BuildingTable {
	id: Generated<string>;
	community_id: string;
	name: string;
	kind: BuildingKind;
	lat: number;
	lng: number;
	footprint: Json<GeoPolygon>;
	street: string | null;
	/** Public: printed as a QR code in the stairwell (/r/:code). */
	code: Generated<string>;
}

export interface UserTable {
	id: Generated<string>;
	username: string;
	name: string;
	password_hash: string;
	role: Role;
	/** The area the user works in: a community, or for a coordinator also a street or the county. */
	scope_area_id: string;
	password_changed_at: Timestamp;
	created_at: Timestamp;
}

/** A sign-in that did not (yet) succeed; the throttle counts these per account and per address. */
export interface LoginAttemptTable {
	id: Generated<string>;
	username: string;
	ip: string;
	at: Timestamp;
}

export interface SessionTable {
	token_hash: string;
	user_id: string;
	created_at: Timestamp;
	expires_at: Timestamp;
}

export interface VolunteerTable {
	id: Generated<string>;
	user_id: string | null;
	community_id: string;
	name: string;
	phone: string | null;
	skills: Skill[];
	home_building_id: string;
	/** A deactivated volunteer keeps their record and history, and is offered nothing new. */
	active: Generated<boolean>;
	available: Generated<boolean>;
	lat: number;
	lng: number;
	position_shared_at: NullableTimestamp;
	last_seen_at: NullableTimestamp;
	/** While in the future, a tab of this volunteer is connected to some app node. */
	online_until: NullableTimestamp;
	created_at: Timestamp;
}

export interface ElderTable {
	id: Generated<string>;
	community_id: string;
	name: string;
	building_id: string;
	unit: Generated<string>;
	phone: string | null;
	notes: Generated<string>;
	created_at: Timestamp;
}

export interface VisitPlanTable {
	id: Generated<string>;
	community_id: string;
	elder_id: string;
	volunteer_id: string;
	interval_days: Generated<number>;
	next_due_at: Timestamp;
	active: Generated<boolean>;
	created_at: Timestamp;
}

export interface RequestTable {
	id: Generated<string>;
	community_id: string;
	type: RequestType;
	building_id: string;
	unit: Generated<string>;
	description: string;
	urgency: Generated<Urgency>;
	contact_name: string | null;
	contact_phone: string | null;
	status: Generated<Status>;
	version: Generated<number>;
	assignee_id: string | null;
	elder_id: string | null;
	visit_key: string | null;
	created_by: string | null;
	created_at: Timestamp;
	assigned_at: NullableTimestamp;
	accepted_at: NullableTimestamp;
	started_at: NullableTimestamp;
	completed_at: NullableTimestamp;
	cancelled_at: NullableTimestamp;
	offer_expired_at: NullableTimestamp;
	/** When the plan visit this request carries out fell due; null for other requests. */
	visit_due_at: NullableTimestamp;
	/** The team it was handed to: its leader assigns one of its members. */
	team_id: Generated<string | null>;
	/** 'decline' or 'release' while the request sits open after its assignee gave it back (dispatch/attention.ts). */
	requeued_by: Generated<'decline' | 'release' | null>;
	/** The assignee went off duty while holding it. */
	assignee_off_duty: Generated<boolean>;
	/** The server offers it to online candidates in turn (services/auto-offer.ts). */
	auto_offer: Generated<boolean>;
	/** Offers the current auto-offer run has made. */
	auto_tried: Generated<number>;
	/** Auto-offer ran out of candidates or tries: attention `auto_exhausted` while open. */
	auto_exhausted: Generated<boolean>;
	/** Who asked: staff typed it, a resident by QR code, or a reporter for their grid. */
	source: Generated<RequestSource>;
	reporter_id: Generated<string | null>;
	/** A resident's tracking link (/t/:token); never shown to anyone else. */
	track_token: Generated<string | null>;
	/** The 4 digits the resident gives the volunteer at completion. */
	confirmation_code: Generated<string | null>;
	confirmed: Generated<boolean>;
	started_off_site: Generated<boolean>;
	assign_by: NullableTimestamp;
	complete_by: NullableTimestamp;
	/** When each deadline was found passed unmet: set once (services/deadlines.ts). */
	overdue_assign_at: NullableTimestamp;
	overdue_complete_at: NullableTimestamp;
	feedback_rating: Generated<number | null>;
	feedback_comment: Generated<string | null>;
	feedback_via: Generated<'resident' | 'phone' | null>;
	feedback_at: NullableTimestamp;
	/** The request a low rating reopened. */
	reopen_of: Generated<string | null>;
}

export type EventKind = 'request_created' | 'request_updated' | 'volunteer_updated' | 'service_updated' | 'team_updated';

export interface EventTable {
	/** bigserial: pg returns it as a string; repositories turn it into a number. */
	seq: ColumnType<string, never, never>;
	at: Timestamp;
	kind: EventKind;
	action: EventAction;
	actor_id: string | null;
	/** Whose staff hear it; null for what everyone hears (the catalogue). */
	community_id: string | null;
	/** For a request handed to a team: its leader hears it. */
	team_id: string | null;
	request_id: string | null;
	volunteer_id: string | null;
	previous_assignee_id: string | null;
	from_status: string | null;
	to_status: string | null;
	/** What a person typed (a reason, a completion note); never machine data, which is in meta. */
	note: string | null;
	/** The step's machine data, typed per action (dispatch/event-actions.ts); `{}` when there is none. */
	meta: Json<EventMeta>;
	payload: Json<unknown>;
}

export interface MapFeatureTable {
	id: Generated<string>;
	community_id: string | null;
	kind: 'street' | 'water';
	name: Generated<string>;
	geometry: Json<MapGeometry>;
	width_m: number | null;
}

export type MapGeometry = { type: 'LineString'; coordinates: [number, number][] } | GeoPolygon;

export interface ServiceTable {
	code: string;
	name_zh: string;
	name_en: string;
	skill: string;
	fee: 'free' | 'low_cost';
	/** numeric: pg returns it as a string. */
	price_yuan: ColumnType<string | null, number | null | undefined, number | null>;
	assign_within_min: number;
	complete_within_min: number;
	urgent_assign_within_min: number;
	urgent_complete_within_min: number;
	active: Generated<boolean>;
	sort_order: Generated<number>;
	/** New requests of this service start with auto-offer on. */
	auto_offer: Generated<boolean>;
}

export interface TeamTable {
	id: Generated<string>;
	name: string;
	community_id: string;
	leader_volunteer_id: string | null;
	skills: string[];
	active: Generated<boolean>;
	created_at: Generated<Date>;
}

export interface TeamMemberTable {
	team_id: string;
	volunteer_id: string;
}

export interface TeamCommunityTable {
	team_id: string;
	community_id: string;
}

export type RequestSource = 'staff' | 'resident' | 'reporter';

export interface ReporterBuildingTable {
	user_id: string;
	building_id: string;
}

/** One public request, for the limits per address and per phone. */
export interface PublicSubmissionTable {
	id: Generated<string>;
	address: string;
	phone: string;
	at: Timestamp;
}

export interface Database {
	areas: AreaTable;
	services: ServiceTable;
	teams: TeamTable;
	team_members: TeamMemberTable;
	team_communities: TeamCommunityTable;
	map_features: MapFeatureTable;
	buildings: BuildingTable;
	users: UserTable;
	sessions: SessionTable;
	volunteers: VolunteerTable;
	elders: ElderTable;
	visit_plans: VisitPlanTable;
	requests: RequestTable;
	events: EventTable;
	login_attempts: LoginAttemptTable;
	reporter_buildings: ReporterBuildingTable;
	public_submissions: PublicSubmissionTable;
}

export type NewBuilding = Insertable<BuildingTable>;
export type UserRow = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type VolunteerRow = Selectable<VolunteerTable>;
export type NewVolunteer = Insertable<VolunteerTable>;
export type NewElder = Insertable<ElderTable>;
export type RequestRow = Selectable<RequestTable>;
export type NewRequest = Insertable<RequestTable>;
export type RequestUpdate = Updateable<RequestTable>;
