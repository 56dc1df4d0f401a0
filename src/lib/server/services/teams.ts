import type { TeamView } from '../../api/types';
import type { TeamInput } from '../../api/team-schemas';
import { inScope, isCoordinator, type Actor } from '../../dispatch/permissions';
import { settleTeamDraft } from '../../dispatch/teams';
import { teamRoomMoves, undoMoves, type TeamRoomMoves } from '../../realtime/team-rooms';
import { findTeam, listTeamsServing, teamNameTaken, writeTeam } from '../repositories/teams';
import { listVolunteerRecordsByIds } from '../repositories/volunteers';
import { listServices } from '../repositories/services';
import { ApiError, conflict, forbidden, notFound, type ErrorIssue } from '../http/api-error';
import type { Queryable } from '../db/types';
import { commitChange } from './commit';
import { teamSaved } from './event-records';
import type { ServiceDeps } from './deps';

const UNIQUE_VIOLATION = '23505';

/** Moves volunteers' connected sockets, on every node, in and out of team rooms. */
export interface VolunteerSockets {
	apply(moves: TeamRoomMoves): void;
}

/** The teams serving any of these communities (already checked against the reader's scope). */
export async function listTeams(deps: Pick<ServiceDeps, 'db'>, communityIds: readonly string[]): Promise<TeamView[]> {
	return listTeamsServing(deps.db, communityIds);
}

/**
 * Adds a team (`id` null) or changes one, whole, for a coordinator within their scope, and
 * records `team_saved` in the same transaction: the boards of the communities it serves, the
 * candidate roster and its members hear it. Volunteers who join or leave it, or become or stop
 * being its leader, have their connected sockets moved in and out of its rooms just before the
 * commit, so they hear this very change (a change that then fails to commit moves them back).
 */
export async function saveTeam(
	deps: ServiceDeps,
	actor: Actor,
	id: string | null,
	input: TeamInput,
	sockets: VolunteerSockets
): Promise<TeamView> {
	if (!isCoordinator(actor.role)) throw forbidden('Only coordinators may add or change teams.');
	// Set inside the transaction, read if it fails.
	const rooms: { moved: TeamRoomMoves | null } = { moved: null };
	try {
		return await commitChange(deps, async (trx) => {
			const before = id ? await findTeam(trx, id, true) : null;
			// A team of another area is one this coordinator cannot see: as if it did not exist.
			if (id && (!before || !inScope(actor, before.communityId))) throw notFound('The team');

			const { communityIds, memberIds } = await settleAgainstScope(trx, actor, input, before ?? null);
			await requireCatalogueSkills(trx, input.skills);
			if (await teamNameTaken(trx, input.communityId, input.name, id)) {
				throw conflict(`Another team of this community is already called ${input.name}.`);
			}
			const teamId = await writeTeam(trx, id, {
				name: input.name,
				communityId: input.communityId,
				leaderVolunteerId: input.leaderVolunteerId,
				skills: [...new Set(input.skills)],
				active: input.active,
				memberIds,
				communityIds
			});
			const after = (await findTeam(trx, teamId))!;
			rooms.moved = teamRoomMoves(before ?? null, after);
			sockets.apply(rooms.moved);
			return { result: after, events: [teamSaved(actor.userId, after)] };
		});
	} catch (error) {
		if (rooms.moved) sockets.apply(undoMoves(rooms.moved));
		// Two coordinators naming two teams alike at once: the unique index decides, said plainly.
		if ((error as { code?: string }).code === UNIQUE_VIOLATION)
			throw conflict(`Another team of this community is already called ${input.name}.`);
		throw error;
	}
}

/**
 * The communities and members the team ends with. Outside the coordinator's scope nothing
 * changes (settleTeamDraft), and the members they add must be active volunteers of their scope.
 */
async function settleAgainstScope(trx: Queryable, actor: Actor, input: TeamInput, before: TeamView | null) {
	const records = new Map(
		(await listVolunteerRecordsByIds(trx, [...new Set([...input.memberIds, ...(before?.memberIds ?? [])])])).map((v) => [v.id, v])
	);
	const outsideMemberIds = (before?.memberIds ?? []).filter((m) => {
		const record = records.get(m);
		return record !== undefined && !inScope(actor, record.communityId);
	});
	const settled = settleTeamDraft(actor, input, before ? { communityIds: before.communityIds, outsideMemberIds } : null);
	for (const problem of settled.problems) {
		if (problem.kind === 'leader_not_member') {
			throw new ApiError('unprocessable', 'The leader must be one of the members.', [
				{ path: 'leaderVolunteerId', message: 'Not a member' }
			]);
		}
		throw forbidden('That community is outside the area you work in.');
	}
	const issues: ErrorIssue[] = [];
	input.memberIds.forEach((memberId, index) => {
		if (before?.memberIds.includes(memberId)) return; // already a member: kept as is
		const record = records.get(memberId);
		// A volunteer outside the scope is one this coordinator cannot see: as if unknown.
		if (!record || !inScope(actor, record.communityId)) issues.push({ path: `memberIds.${index}`, message: 'Unknown volunteer' });
		else if (!record.active) issues.push({ path: `memberIds.${index}`, message: `${record.name} is no longer active` });
	});
	if (issues.length) throw new ApiError('unprocessable', 'Some members cannot join this team.', issues);
	return settled;
}

/** A team's skills are skills of the service catalogue (what requests need). */
async function requireCatalogueSkills(trx: Queryable, skills: readonly string[]): Promise<void> {
	const known = new Set((await listServices(trx)).map((s) => s.skill));
	const issues = skills.flatMap((skill, index) =>
		known.has(skill) ? [] : [{ path: `skills.${index}`, message: 'Not a skill of the catalogue' }]
	);
	if (issues.length) throw new ApiError('unprocessable', 'Some skills are not in the service catalogue.', issues);
}

/** A team this staff member may hand requests to: one serving a community of their scope (else 404). */
export async function findTeamInScope(trx: Queryable, actor: Actor, teamId: string): Promise<TeamView> {
	const team = await findTeam(trx, teamId);
	if (!team || !team.communityIds.some((c) => inScope(actor, c))) throw notFound('The team');
	return team;
}
