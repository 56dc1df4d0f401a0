import type { RequestView } from '../../api/types';
import type { LedTeamsView } from '../../api/team-types';
import { isStaff, maySeeContact, type Actor } from '../../dispatch/permissions';
import { withoutContact } from '../../realtime/deliveries';
import { assignerOf, whyTeamCannotTake, type TeamUnfit } from '../../dispatch/teams';
import { findRequest, listOpenTeamRequests, toRequestView, updateRequestIf } from '../repositories/requests';
import { findTeam, listLedTeams } from '../repositories/teams';
import { findService } from '../repositories/services';
import { listVolunteerRecordsByIds } from '../repositories/volunteers';
import { conflict, forbidden, unprocessable } from '../http/api-error';
import { commitChange } from './commit';
import { byTeamLeader, requestHandedToTeam } from './event-records';
import { explainConflict, findStaffRequest, offerOpenRequest } from './requests';
import { findTeamInScope } from './teams';
import type { ServiceDeps } from './deps';

const UNFIT: Record<TeamUnfit, string> = {
	inactive: 'That team is not active.',
	not_serving: 'That team does not serve the community of this request.',
	lacks_skill: 'That team does not have the skill this request needs.'
};

/**
 * Staff hand an open request to a team of their scope that serves its community and has its
 * skill: it stays open and gains `teamId` (one conditional update on id, version and status
 * open), and the team's leader hears it as team:request. A request already with a team stays
 * with it: that leader would never hear it left (a request event reaches one team's leader),
 * so staff assign it themselves, or cancel it, instead.
 */
export async function handToTeam(
	deps: ServiceDeps,
	actor: Actor,
	id: string,
	input: { teamId: string; version: number }
): Promise<RequestView> {
	if (!isStaff(actor.role)) throw forbidden('Only dispatchers and coordinators may do this.');
	return commitChange(deps, async (trx) => {
		const request = await findStaffRequest(trx, actor, id);
		if (request.status !== 'open' || request.version !== input.version) return explainConflict(trx, id, input.version);
		if (request.team_id) throw conflict('This request is already with a team; assign it or cancel it instead.');
		const team = await findTeamInScope(trx, actor, input.teamId);
		const skill = (await findService(trx, request.type))?.skill ?? request.type;
		const unfit = whyTeamCannotTake(team, { communityId: request.community_id, skill });
		if (unfit) throw unprocessable(UNFIT[unfit]);

		const updated = await updateRequestIf(trx, { id, statuses: ['open'], version: input.version }, { team_id: team.id });
		if (!updated) return explainConflict(trx, id, input.version);
		const view = toRequestView(updated, true);
		return { result: view, events: [requestHandedToTeam(actor.userId, view, team.id)] };
	});
}

/**
 * The leader of the team a request is handed to assigns one of its members, through the same
 * conditional update and the same event as a dispatcher's assign. Anyone else who is not staff
 * is refused (403), saying no more, not even whether the request exists.
 */
export async function assignAsTeamLeader(
	deps: ServiceDeps,
	actor: Actor,
	id: string,
	input: { volunteerId: string; version: number }
): Promise<RequestView> {
	return commitChange(deps, async (trx) => {
		const request = await findRequest(trx, id);
		const team = request?.team_id ? await findTeam(trx, request.team_id) : undefined;
		if (!request || !team || assignerOf(actor, { teamId: request.team_id }, team) !== 'team_leader') {
			throw forbidden('Only the leader of the team this request was handed to may assign it.');
		}
		if (!team.memberIds.includes(input.volunteerId)) throw unprocessable('That volunteer is not a member of the team.');
		const { view, event } = await offerOpenRequest(trx, deps.now(), actor.userId, request, input, byTeamLeader(team.id));
		// The leader reads it as any volunteer does: with the resident's contact only if they took it themselves.
		return { result: maySeeContact(actor, view) ? view : withoutContact(view), events: [event] };
	});
}

/**
 * What a leader's tab shows: the active teams they lead, each with its members as the leader
 * needs to choose (skills, on duty, online, load), and the open requests handed to them,
 * without the resident's contact (the leader is not the one who goes).
 */
export async function ledTeams(deps: Pick<ServiceDeps, 'db'>, actor: Actor): Promise<LedTeamsView> {
	if (actor.role !== 'volunteer') throw forbidden('Only volunteers lead teams.');
	if (!actor.volunteerId) return { teams: [], requests: [] };
	const teams = await listLedTeams(deps.db, actor.volunteerId);
	const [members, requests] = await Promise.all([
		listVolunteerRecordsByIds(deps.db, [...new Set(teams.flatMap((t) => t.memberIds))]),
		listOpenTeamRequests(deps.db, teams)
	]);
	return {
		teams: teams.map((team) => ({
			...team,
			members: members
				.filter((m) => team.memberIds.includes(m.id))
				.map((m) => ({
					id: m.id,
					name: m.name,
					skills: m.skills,
					available: m.available,
					online: m.online,
					active: m.active,
					activeCount: m.activeCount
				}))
		})),
		requests: requests.map((row) => toRequestView(row, false))
	};
}
