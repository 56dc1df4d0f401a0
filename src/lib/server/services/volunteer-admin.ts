// A coordinator's keeping of volunteers within their scope: the list, a new volunteer with
// their login, and a change of their record (skills, home, teams). Deactivation is in
// volunteer-activation.ts.
import type { TeamView, VolunteerView } from '../../api/types';
import type { NewVolunteerView, VolunteerAdminView } from '../../api/volunteer-types';
import type { NewVolunteerInput, VolunteerEdit } from '../../api/volunteer-schemas';
import { inScope, isCoordinator, type Actor } from '../../dispatch/permissions';
import { settleMembership, type MembershipProblem } from '../../dispatch/volunteer-admin';
import { teamRoomMoves, undoMoves, type TeamRoomMoves } from '../../realtime/team-rooms';
import {
	findVolunteerAdminRecord,
	findVolunteerForUpdate,
	insertVolunteer,
	listVolunteerAdminRecords,
	updateVolunteerRecord,
	type VolunteerAdminRecord
} from '../repositories/volunteers';
import { changeMemberships, listTeamsByIds, listTeamsOfVolunteer, lockTeams, teamIdsOfVolunteers } from '../repositories/teams';
import { findUserByUsername, insertUser, updateVolunteerLogin } from '../repositories/users';
import { findBuilding } from '../repositories/buildings';
import { listServices } from '../repositories/services';
import type { NewEventRecord } from '../repositories/events';
import { hashPassword } from '../auth/passwords';
import { firstPassword } from '../auth/first-password';
import { ApiError, conflict, forbidden, invalidInput, notFound } from '../http/api-error';
import type { Queryable } from '../db/types';
import { commitChange } from './commit';
import { teamSaved, volunteerSaved } from './event-records';
import { toVolunteerView } from './volunteers';
import type { VolunteerSockets } from './teams';
import type { ServiceDeps } from './deps';

const UNIQUE_VIOLATION = '23505';
/** The admin list shows this many at most; the search by name finds the rest. */
export const DIRECTORY_LIMIT = 500;

export function requireVolunteerAdmin(actor: Actor): void {
	if (!isCoordinator(actor.role)) throw forbidden('Only coordinators may add or change volunteers.');
}

export function toAdminView(record: VolunteerAdminRecord, teamIds: string[]): VolunteerAdminView {
	return {
		...toVolunteerView(record),
		username: record.username,
		phone: record.phone,
		homeBuildingId: record.homeBuildingId,
		teamIds
	};
}

/** What boards and the roster hear of a volunteer: the contract's view, without login, phone or home. */
export function boardView(view: VolunteerAdminView): VolunteerView {
	const { username: _username, phone: _phone, homeBuildingId: _home, teamIds: _teams, ...rest } = view;
	return rest;
}

/** One volunteer as their coordinator sees them (inside the transaction that changed them). */
export async function readAdminView(db: Queryable, id: string): Promise<VolunteerAdminView> {
	const record = (await findVolunteerAdminRecord(db, id))!;
	return toAdminView(record, (await teamIdsOfVolunteers(db, [id])).get(id) ?? []);
}

/** The volunteers of these communities (already checked against the scope), active or not, by name. */
export async function listVolunteerDirectory(
	deps: Pick<ServiceDeps, 'db'>,
	communityIds: readonly string[],
	q: string | null
): Promise<VolunteerAdminView[]> {
	const records = await listVolunteerAdminRecords(deps.db, communityIds, q, DIRECTORY_LIMIT);
	const teams = await teamIdsOfVolunteers(
		deps.db,
		records.map((r) => r.id)
	);
	return records.map((r) => toAdminView(r, teams.get(r.id) ?? []));
}

/**
 * A new volunteer and their login, in one transaction with its events: the staff of their
 * community hear volunteer:updated, and the teams they join team:updated. The first password
 * is answered once and stored only as a hash.
 */
export async function addVolunteer(deps: ServiceDeps, actor: Actor, input: NewVolunteerInput): Promise<NewVolunteerView> {
	requireVolunteerAdmin(actor);
	// argon2 is slow on purpose: hash before the transaction, not while holding it open.
	const password = firstPassword();
	const passwordHash = await hashPassword(password);
	const taken = () => conflict(`The username ${input.username} is already taken.`);
	try {
		const volunteer = await commitChange(deps, async (trx) => {
			const home = await homeInScope(trx, actor, input.homeBuildingId);
			await requireCatalogueSkills(trx, input.skills);
			if (await findUserByUsername(trx, input.username)) throw taken();
			const user = await insertUser(trx, {
				username: input.username,
				name: input.name,
				role: 'volunteer',
				password_hash: passwordHash,
				scope_area_id: home.community_id
			});
			const row = await insertVolunteer(trx, {
				community_id: home.community_id,
				user_id: user.id,
				name: input.name,
				phone: input.phone,
				skills: [...new Set(input.skills)],
				home_building_id: home.id,
				lat: home.lat,
				lng: home.lng,
				created_at: deps.now()
			});
			// A new volunteer has no socket yet: no rooms to move.
			const teams = await saveMemberships(trx, actor, { id: row.id, communityId: home.community_id }, input.teamIds);
			const view = await readAdminView(trx, row.id);
			return { result: view, events: [volunteerSaved(actor.userId, boardView(view)), ...teams.events] };
		});
		return { volunteer, firstPassword: password };
	} catch (error) {
		// Two coordinators taking one username at once: the unique index decides, said plainly.
		if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw taken();
		throw error;
	}
}

/**
 * A volunteer's record changed whole: name, phone, skills, home (and so community) and the
 * teams of the coordinator's scope. Outside the scope, the volunteer is as unknown (404).
 * Their connected sockets join and leave the rooms of the teams they join and leave, just
 * before the commit (moved back if it fails), as a team edit does.
 */
export async function editVolunteer(
	deps: ServiceDeps,
	actor: Actor,
	id: string,
	input: VolunteerEdit,
	sockets: VolunteerSockets
): Promise<VolunteerAdminView> {
	requireVolunteerAdmin(actor);
	const rooms: { moved: TeamRoomMoves | null } = { moved: null };
	try {
		return await commitChange(deps, async (trx) => {
			const before = await findVolunteerForUpdate(trx, id);
			if (!before || !inScope(actor, before.community_id)) throw notFound('The volunteer');
			const home = await homeInScope(trx, actor, input.homeBuildingId);
			await requireCatalogueSkills(trx, input.skills);
			await updateVolunteerRecord(trx, id, {
				name: input.name,
				phone: input.phone,
				skills: [...new Set(input.skills)],
				home: { id: home.id, communityId: home.community_id, lat: home.lat, lng: home.lng }
			});
			if (before.user_id) await updateVolunteerLogin(trx, before.user_id, { name: input.name, scopeAreaId: home.community_id });
			const teams = await saveMemberships(trx, actor, { id, communityId: home.community_id }, input.teamIds);
			rooms.moved = teams.moves;
			sockets.apply(teams.moves);
			const view = await readAdminView(trx, id);
			const moved = before.community_id !== view.communityId ? before.community_id : undefined;
			const told = boardView(view);
			return {
				result: view,
				events: [volunteerSaved(actor.userId, told), ...(moved ? [volunteerSaved(actor.userId, told, moved)] : []), ...teams.events]
			};
		});
	} catch (error) {
		if (rooms.moved) sockets.apply(undoMoves(rooms.moved));
		throw error;
	}
}

/** A home building of the coordinator's scope; one outside it is as unknown (as for a request). */
async function homeInScope(trx: Queryable, actor: Actor, buildingId: string) {
	const building = await findBuilding(trx, buildingId);
	if (!building || !inScope(actor, building.community_id)) {
		throw invalidInput('That building does not exist.', [{ path: 'homeBuildingId', message: 'Unknown building' }]);
	}
	return building;
}

/** A volunteer's skills are skills of the service catalogue (what requests need). */
async function requireCatalogueSkills(trx: Queryable, skills: readonly string[]): Promise<void> {
	const known = new Set((await listServices(trx)).map((s) => s.skill));
	const issues = skills.flatMap((skill, index) =>
		known.has(skill) ? [] : [{ path: `skills.${index}`, message: 'Not a skill of the catalogue' }]
	);
	if (issues.length) throw invalidInput('Some skills are not in the service catalogue.', issues);
}

/**
 * Writes the volunteer's teams as settleMembership decides, and says what changed: a
 * team:updated for each team joined or left, and the socket room moves that go with them.
 */
async function saveMemberships(
	trx: Queryable,
	actor: Actor,
	volunteer: { id: string; communityId: string },
	teamIds: readonly string[]
): Promise<{ events: NewEventRecord[]; moves: TeamRoomMoves }> {
	const current = await listTeamsOfVolunteer(trx, volunteer.id);
	const named = await listTeamsByIds(trx, teamIds);
	const known = new Map([...current, ...named].map((t) => [t.id, t]));
	const settled = settleMembership(actor, volunteer, current, teamIds, known);
	if (settled.problems.length) throw membershipError(settled.problems);
	const changed = [...settled.join, ...settled.leave];
	if (changed.length === 0) return { events: [], moves: { join: [], leave: [] } };
	await lockTeams(trx, changed);
	const before = new Map((await listTeamsByIds(trx, changed)).map((t) => [t.id, t]));
	await changeMemberships(trx, volunteer.id, settled.join, settled.leave);
	const after = await listTeamsByIds(trx, changed);
	const moves: TeamRoomMoves = { join: [], leave: [] };
	for (const team of after) {
		const step = teamRoomMoves(before.get(team.id) ?? null, team);
		moves.join.push(...step.join);
		moves.leave.push(...step.leave);
	}
	return { events: after.map((team: TeamView) => teamSaved(actor.userId, team)), moves };
}

/** An unknown team is a bad request (400); a team that cannot be joined or left is 422. */
function membershipError(problems: MembershipProblem[]): ApiError {
	const unknown = problems.flatMap((p) => (p.kind === 'unknown_team' ? [{ path: `teamIds.${p.index}`, message: 'Unknown team' }] : []));
	if (unknown.length) return invalidInput('Some teams do not exist.', unknown);
	return new ApiError(
		'unprocessable',
		'The volunteer cannot be in these teams.',
		problems.map((p) =>
			p.kind === 'not_serving'
				? { path: `teamIds.${p.index}`, message: `${p.team} does not serve the volunteer’s community` }
				: { path: 'teamIds', message: `Leads ${p.kind === 'leads' ? p.team : ''}: choose another leader first` }
		)
	);
}
