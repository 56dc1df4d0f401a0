// The residents' side (contract part two, "Residents: intake, tracking, feedback"): a request
// from a building's QR code with no sign-in, a tracking link that follows it, and a rating once
// it is done. Nothing here ever answers with a phone number or a volunteer's full name.
import { randomBytes, randomInt } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database, RequestRow } from '../db/schema';
import type { Locale } from '../../i18n/locales';
import { canRate, reopensOnRating, volunteerTitle, type TrackView } from '../../dispatch/tracking';
import { ApiError, conflict, notFound } from '../http/api-error';
import { listServices } from '../repositories/services';
import {
	countSubmissions,
	findActiveResidentDuplicate,
	findBuildingByCode,
	findRequestByToken,
	findTrackingFacts,
	recordSubmission
} from '../repositories/public';
import { findRequestForUpdate, insertRequest, toRequestView, updateRequestIf } from '../repositories/requests';
import { commitChange } from './commit';
import { feedbackGiven, requestCreated } from './event-records';
import { insertNewRequest } from './requests';
import type { ServiceDeps } from './deps';

const HOUR_MS = 3_600_000;

export interface PublicBuilding {
	name: string;
	communityName: string;
	services: { code: string; name: string }[];
}

/** The building behind a QR code, and the services a resident may ask for, in their language. */
export async function publicBuilding(deps: Pick<ServiceDeps, 'db'>, code: string, locale: Locale): Promise<PublicBuilding> {
	const building = await findBuildingByCode(deps.db, code);
	if (!building) throw notFound('The building');
	const services = (await listServices(deps.db)).filter((s) => s.active);
	return {
		name: building.name,
		communityName: building.communityName,
		services: services.map((s) => ({ code: s.code, name: locale === 'en' ? s.name.en : s.name.zh }))
	};
}

export interface ResidentRequestInput {
	buildingCode: string;
	unit: string;
	type: string;
	description: string;
	contactName: string;
	/** Normalised (dispatch/phone.ts). */
	contactPhone: string;
}

export interface Submitted {
	token: string;
	trackingUrl: string;
	duplicate?: true;
}

/**
 * A resident's request. The same phone asking again for the same service at the same building
 * while the first is still in hand gets the first one's link back. Past `limitPerHour` new
 * requests from one address or for one phone, 429 with how long to wait.
 */
export async function submitResidentRequest(
	deps: ServiceDeps,
	input: ResidentRequestInput,
	address: string,
	limitPerHour: number
): Promise<Submitted> {
	const now = deps.now();
	return commitChange(deps, async (trx) => {
		const building = await findBuildingByCode(trx, input.buildingCode);
		if (!building) throw notFound('The building');
		const duplicate = await findActiveResidentDuplicate(trx, { buildingId: building.id, type: input.type, phone: input.contactPhone });
		if (duplicate?.track_token) return { result: { ...tracking(duplicate.track_token), duplicate: true as const }, events: [] };
		const counts = await countSubmissions(trx, address, input.contactPhone, new Date(now.getTime() - HOUR_MS));
		if (counts.byAddress >= limitPerHour || counts.byPhone >= limitPerHour) {
			throw new ApiError(
				'rate_limited',
				'Too many requests in the last hour. Please call your community instead, or try again later.',
				undefined,
				3600
			);
		}
		const newTracking = trackingFor();
		const row = await insertNewRequest(trx, now, {
			building,
			input: { ...input, buildingId: building.id, urgency: 'normal' },
			createdBy: null,
			source: 'resident',
			tracking: newTracking
		});
		await recordSubmission(trx, address, input.contactPhone, now);
		return { result: tracking(newTracking.token), events: [requestCreated(null, toRequestView(row, true), { source: 'resident' })] };
	});
}

/** A new request's tracking: an unguessable token (192 bits) and the 4-digit code the resident gives the volunteer. */
export function trackingFor(): { token: string; confirmationCode: string } {
	return { token: randomBytes(24).toString('base64url'), confirmationCode: String(randomInt(0, 10_000)).padStart(4, '0') };
}

/** The tracking page of a token. */
export function trackingUrl(token: string): string {
	return `/t/${token}`;
}

function tracking(token: string): Submitted {
	return { token, trackingUrl: trackingUrl(token) };
}

/** The tracking page's view of a request, or 404 for a token nobody was given. */
export async function trackRequest(deps: Pick<ServiceDeps, 'db'>, token: string, locale: Locale): Promise<TrackView> {
	const row = await findRequestByToken(deps.db, token);
	if (!row) throw notFound('The request');
	return trackViewOf(deps, row, locale);
}

/** The same view by request id, for the live updates (null: not a tracked request). */
export async function trackViewById(deps: Pick<ServiceDeps, 'db'>, requestId: string, locale: Locale): Promise<TrackView | null> {
	const row = await deps.db.selectFrom('requests').selectAll().where('id', '=', requestId).executeTakeFirst();
	return row?.track_token ? trackViewOf(deps, row, locale) : null;
}

async function trackViewOf(deps: Pick<ServiceDeps, 'db'>, row: RequestRow, locale: Locale): Promise<TrackView> {
	const facts = await findTrackingFacts(deps.db, row);
	const iso = (d: Date | null) => (d ? d.toISOString() : null);
	return {
		status: row.status,
		type: row.type,
		building: facts.buildingName,
		unit: row.unit,
		createdAt: row.created_at.toISOString(),
		assignedAt: iso(row.assigned_at),
		acceptedAt: iso(row.accepted_at),
		startedAt: iso(row.started_at),
		completedAt: iso(row.completed_at),
		cancelledAt: iso(row.cancelled_at),
		cancelReason: facts.cancelReason,
		volunteerName: facts.volunteerName ? volunteerTitle(facts.volunteerName, facts.skill, locale) : null,
		confirmationCode: row.confirmation_code,
		deadlines: { assignBy: iso(row.assign_by), completeBy: iso(row.complete_by) },
		feedback: row.feedback_rating === null ? null : { rating: row.feedback_rating, comment: row.feedback_comment },
		canRate: canRate(row.status, row.feedback_at !== null),
		version: row.version
	};
}

/**
 * The resident's rating, once, after completion (409 otherwise). A rating of 1 or 2 opens a new
 * request for the same need, linked by `reopenOf`, which the board flags `low_rating`.
 */
export async function rateRequest(
	deps: ServiceDeps,
	token: string,
	input: { rating: number; comment: string | null },
	locale: Locale
): Promise<TrackView> {
	const row = await findRequestByToken(deps.db, token);
	if (!row) throw notFound('The request');
	await recordFeedback(deps, row.id, { ...input, via: 'resident' }, null);
	return trackRequest(deps, token, locale);
}

/**
 * Feedback on a completed request, once: the resident's own (via `resident`) or a follow-up
 * call's answer (via `phone`, by staff). 409 before completion or a second time.
 */
export async function recordFeedback(
	deps: ServiceDeps,
	requestId: string,
	input: { rating: number; comment: string | null; via: 'resident' | 'phone' },
	actorId: string | null
): Promise<RequestRow> {
	return commitChange(deps, async (trx) => {
		const locked = await findRequestForUpdate(trx, requestId);
		if (!locked) throw notFound('The request');
		if (!canRate(locked.status, locked.feedback_at !== null)) {
			throw conflict(locked.status === 'completed' ? 'This request has feedback already.' : 'Feedback comes once the work is done.');
		}
		const rated = await updateRequestIf(
			trx,
			{ id: locked.id, statuses: ['completed'], version: locked.version },
			{ feedback_rating: input.rating, feedback_comment: input.comment, feedback_via: input.via, feedback_at: deps.now() }
		);
		if (!rated) throw conflict('This request changed meanwhile; please try again.');
		const reopened = reopensOnRating(input.rating) ? await reopen(trx, rated, deps.now()) : null;
		const events = [feedbackGiven(actorId, toRequestView(rated, true), reopened?.id ?? null)];
		if (reopened) events.push(requestCreated(actorId, toRequestView(reopened, true), { source: 'resident' }));
		return { result: rated, events };
	});
}

/** The same need again, for another try: same building, unit, service and contact, linked to the first. */
async function reopen(trx: Transaction<Database>, first: RequestRow, now: Date): Promise<RequestRow> {
	const allowed = (first.complete_by?.getTime() ?? now.getTime()) - first.created_at.getTime();
	const assignAllowed = (first.assign_by?.getTime() ?? now.getTime()) - first.created_at.getTime();
	return insertRequest(trx, {
		community_id: first.community_id,
		type: first.type,
		elder_id: first.elder_id,
		building_id: first.building_id,
		unit: first.unit,
		description: first.description,
		urgency: first.urgency,
		contact_name: first.contact_name,
		contact_phone: first.contact_phone,
		created_by: null,
		created_at: now,
		source: first.source,
		reopen_of: first.id,
		// The same time allowed as the first time, counted from now.
		assign_by: new Date(now.getTime() + Math.max(assignAllowed, 0)),
		complete_by: new Date(now.getTime() + Math.max(allowed, 0))
	});
}
