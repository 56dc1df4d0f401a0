import type { TrackView } from '../dispatch/tracking';
import type { Locale } from '../i18n/locales';
// The one map of socket events, shared by the server that sends them and the browser that hears them.
import type { RequestView, ServiceView, TeamView, VolunteerView } from '../api/types';

export interface RequestEvent {
	seq: number;
	request: RequestView;
	/** On task:updated for a cancellation: the dispatcher's reason, for the volunteer who held it. */
	reason?: string;
}
export interface VolunteerEvent {
	seq: number;
	volunteer: VolunteerView;
}
export interface ServiceEvent {
	seq: number;
	service: ServiceView;
}
export interface TeamEvent {
	seq: number;
	team: TeamView;
}

/** Events that carry a `seq` are durable: they are rows in the events table and can be caught up. */
export interface DurableEvents {
	'request:created': RequestEvent;
	'request:updated': RequestEvent;
	'volunteer:updated': VolunteerEvent;
	'task:assigned': RequestEvent;
	'task:updated': RequestEvent;
	/** To a team's leader: a request handed to the team, and every change to it while it is. */
	'team:request': RequestEvent;
	/** The catalogue changed: to everyone signed in. */
	'service:updated': ServiceEvent;
	/** A team changed: to the staff of every community it serves, and to its members. */
	'team:updated': TeamEvent;
	/** To the reporter who reported it: every change to the request, without the contact. */
	'report:updated': RequestEvent;
}
export type DurableEventName = keyof DurableEvents;

/** One catch-up entry from `GET /api/events?after=SEQ`. */
export type CaughtUpEvent = { [K in DurableEventName]: { seq: number; event: K; data: DurableEvents[K] } }[DurableEventName];

/** Ephemeral presence: who is looking at which request. Not stored, so no seq. */
export interface ViewingPresence {
	requestId: string;
	viewers: { userId: string; name: string }[];
}
export interface OnlinePresence {
	volunteerId: string;
	online: boolean;
}

export type ServerToClientEvents = { [K in DurableEventName]: (payload: DurableEvents[K]) => void } & {
	'presence:viewing': (payload: ViewingPresence) => void;
	'presence:online': (payload: OnlinePresence) => void;
	/** The session ended (logout, password change, expiry): the page should sign in again. */
	'session:ended': () => void;
	/** A resident's tracking page (auth: {track: token}): its one request, as /api/public/track says it. */
	'track:updated': (payload: TrackView) => void;
};

export interface ClientToServerEvents {
	/** A dispatcher selects a request (or null). Acknowledged with an error string on bad input. */
	'presence:view': (requestId: string | null, ack?: (result: { ok: boolean; error?: string }) => void) => void;
}

/** Every signed-in socket: what the whole county hears (the catalogue). */
export const ROOM_EVERYONE = 'everyone';
/** The staff of one community; a staff socket joins the room of every community in its scope. */
export const roomForCommunityStaff = (communityId: string) => `staff:${communityId}`;
export const roomForVolunteer = (volunteerId: string) => `volunteer:${volunteerId}`;
export const roomForTeamLead = (teamId: string) => `team-lead:${teamId}`;
export const roomForTeamMembers = (teamId: string) => `team:${teamId}`;
export const roomForUser = (userId: string) => `user:${userId}`;
/** A reporter's sockets: they hear about the requests they reported. */
export const roomForReporter = (userId: string) => `reporter:${userId}`;
/** The tracking pages of one request, in one language (the volunteer's title is said in it). */
export const roomForTracking = (requestId: string, locale: Locale) => `track:${requestId}:${locale}`;
