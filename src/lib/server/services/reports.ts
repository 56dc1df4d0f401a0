// Reporters (contract part two, "Reporters"): building heads and grid workers report for the
// buildings of their grid, and follow what they reported. Their requests get a tracking link and
// code like a resident's own, so the reporter can pass them on to the resident they asked for.
import type { RequestView, ReportView } from '../../api/types';
import type { Locale } from '../../i18n/locales';
import { inScope, isReporter, type Actor } from '../../dispatch/permissions';
import { volunteerTitle } from '../../dispatch/tracking';
import { forbidden } from '../http/api-error';
import { findGridBuilding, listReportedRequests } from '../repositories/reporters';
import { toRequestView } from '../repositories/requests';
import { commitChange } from './commit';
import { requestCreated } from './event-records';
import { insertNewRequest, type NewRequestInput } from './requests';
import { trackingFor, trackingUrl } from './residents';
import type { ServiceDeps } from './deps';

/** How many of their reports a reporter's list shows, newest first. */
const REPORTS_LISTED = 100;

function requireReporter(actor: Actor) {
	if (!isReporter(actor.role)) throw forbidden('Only building heads and grid workers report here.');
}

/** A reporter's request for a building of their grid (403 for any other); auto-offer stays the service's default. */
export async function createReport(deps: ServiceDeps, actor: Actor, input: NewRequestInput): Promise<RequestView> {
	requireReporter(actor);
	return commitChange(deps, async (trx) => {
		const building = await findGridBuilding(trx, actor.userId, input.buildingId);
		if (!building || !inScope(actor, building.community_id)) throw forbidden('That building is not in your grid.');
		const row = await insertNewRequest(trx, deps.now(), {
			building,
			input: { ...input, autoOffer: undefined },
			createdBy: actor.userId,
			source: 'reporter',
			reporterId: actor.userId,
			tracking: trackingFor()
		});
		// Staff hear it whole; the reporter's answer, like everything a reporter reads, has no phone.
		return { result: toRequestView(row, false), events: [requestCreated(actor.userId, toRequestView(row, true), { source: 'reporter' })] };
	});
}

/** What a reporter reported, as they follow it, in their language. */
export async function listReports(deps: Pick<ServiceDeps, 'db'>, actor: Actor, locale: Locale): Promise<ReportView[]> {
	requireReporter(actor);
	const rows = await listReportedRequests(deps.db, actor.userId, REPORTS_LISTED);
	return rows.map((row) => {
		const view = toRequestView(row, true);
		return {
			id: view.id,
			type: view.type,
			buildingId: view.buildingId,
			building: row.buildingName,
			unit: view.unit,
			description: view.description,
			urgency: view.urgency,
			status: view.status,
			version: view.version,
			createdAt: view.createdAt,
			assignedAt: view.assignedAt,
			acceptedAt: view.acceptedAt,
			startedAt: view.startedAt,
			completedAt: view.completedAt,
			cancelledAt: view.cancelledAt,
			cancelReason: view.status === 'cancelled' ? row.cancelNote : null,
			volunteerName: row.volunteerName ? volunteerTitle(row.volunteerName, row.skill ?? row.type, locale) : null,
			deadlines: view.deadlines,
			overdue: view.overdue,
			feedback: view.feedback ? { rating: view.feedback.rating, comment: view.feedback.comment } : null,
			contactName: row.contact_name,
			trackingUrl: row.track_token ? trackingUrl(row.track_token) : null,
			confirmationCode: row.confirmation_code
		};
	});
}
