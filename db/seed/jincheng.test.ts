import { describe, it, expect } from 'vitest';
import { generateGuanyinan, generateYiduan, type DemoCommunity } from './jincheng';
import { generateCommunity, type SeedRequest } from './community';
import { nextStatus, type Action } from '../../src/lib/dispatch/lifecycle';
import type { Status } from '../../src/lib/dispatch/vocabulary';

// 14:30 China time on a Wednesday, as in community.test.ts.
const NOW = new Date('2026-12-02T06:30:00Z');
const yiduan = generateYiduan(NOW);
const guanyinan = generateGuanyinan(NOW);
// The catalogue's skills as the county migration seeds them.
const CATALOGUE_SKILLS = new Set([
	'haircut',
	'repair',
	'elder_visit',
	'home_help',
	'meal_help',
	'child_minding',
	'companionship',
	'nail_care',
	'appliance_repair'
]);

function finalStatus(r: SeedRequest): Status {
	let status: Status = 'open';
	for (const step of r.steps.slice(1)) {
		// Handing to a team keeps a request open.
		if (step.action === 'hand_to_team') {
			expect(status).toBe('open');
			continue;
		}
		const next = nextStatus(status, step.action as Action);
		expect(next, `${r.id} ${step.action} from ${status}`).not.toBeNull();
		status = next!;
	}
	return status;
}

describe.each([
	['一段社区', yiduan],
	['观音庵社区', guanyinan]
] as [string, DemoCommunity][])('%s', (name, community) => {
	it('is deterministic and keeps its people independent of now', () => {
		expect(community.name).toBe(name);
		const again = name === '一段社区' ? generateYiduan(new Date(NOW)) : generateGuanyinan(new Date(NOW));
		expect(again).toEqual(community);
		const later =
			name === '一段社区' ? generateYiduan(new Date('2031-01-01T00:00:00Z')) : generateGuanyinan(new Date('2031-01-01T00:00:00Z'));
		expect(later.buildings).toEqual(community.buildings);
		expect(later.volunteers).toEqual(community.volunteers);
	});

	it('has unique building names, ids, usernames and phones, and homes in the community', () => {
		expect(new Set(community.buildings.map((b) => b.name)).size).toBe(community.buildings.length);
		const ids = [...community.buildings, ...community.volunteers, ...community.elders, ...community.requests].map((x) => x.id);
		expect(new Set(ids).size).toBe(ids.length);
		expect(new Set(community.volunteers.map((v) => v.username)).size).toBe(community.volunteers.length);
		expect(new Set(community.volunteers.map((v) => v.phone)).size).toBe(community.volunteers.length);
		const residential = new Set(community.buildings.filter((b) => b.kind === 'residential').map((b) => b.id));
		expect(community.volunteers.every((v) => residential.has(v.homeBuildingId))).toBe(true);
		expect(community.volunteers.every((v) => v.skills.length > 0 && v.skills.every((s) => CATALOGUE_SKILLS.has(s)))).toBe(true);
	});

	it('plays every request through the lifecycle, by its own staff and the assignee, with a skilled volunteer', () => {
		const staff = new Set(community.staff.map((s) => s.username));
		const byId = new Map(community.volunteers.map((v) => [v.id, v]));
		for (const r of community.requests) {
			finalStatus(r);
			expect(staff.has(r.steps[0]!.actor)).toBe(true);
			for (const step of r.steps.filter((s) => s.action === 'assign')) expect(byId.get(step.volunteerId!)?.skills).toContain(r.type);
			for (const step of r.steps.filter((s) => ['accept', 'start', 'complete'].includes(s.action)))
				expect(step.actor).toBe(byId.get(step.volunteerId!)?.username);
			expect(r.steps.every((s) => s.at.getTime() <= NOW.getTime())).toBe(true);
		}
		const active = community.requests.filter((r) => !['completed', 'cancelled'].includes(finalStatus(r)));
		expect(active.length).toBeGreaterThanOrEqual(3);
		expect(new Set(active.map(finalStatus)).size).toBeGreaterThanOrEqual(3);
	});

	it('is placed apart from 大田坝 and the other community', () => {
		const others = [generateCommunity(NOW), name === '一段社区' ? guanyinan : yiduan];
		const box = (c: { buildings: { lat: number; lng: number }[] }) => ({
			south: Math.min(...c.buildings.map((b) => b.lat)),
			north: Math.max(...c.buildings.map((b) => b.lat)),
			west: Math.min(...c.buildings.map((b) => b.lng)),
			east: Math.max(...c.buildings.map((b) => b.lng))
		});
		const mine = box(community);
		for (const other of others.map(box)) {
			const apart = mine.east < other.west || other.east < mine.west || mine.north < other.south || other.north < mine.south;
			expect(apart).toBe(true);
		}
	});
});

describe('一段社区', () => {
	it('cares for 18 isolated elders one-to-one, each with their own volunteer, three of them due now', () => {
		expect(yiduan.elders).toHaveLength(18);
		expect(new Set(yiduan.elders.map((e) => e.planVolunteerId)).size).toBe(18);
		const byId = new Map(yiduan.volunteers.map((v) => [v.id, v]));
		expect(yiduan.elders.every((e) => byId.get(e.planVolunteerId)?.skills.includes('elder_visit'))).toBe(true);
		expect(yiduan.elders.filter((e) => e.nextDueAt.getTime() <= NOW.getTime())).toHaveLength(3);
		expect(yiduan.volunteers[0]!.username).toBe('yd01');
		expect(yiduan.staff.map((s) => s.username)).toEqual(['yd.dispatcher', 'jc.coordinator']);
	});

	it('visits each elder with their own volunteer', () => {
		const planned = new Map(yiduan.elders.map((e) => [e.id, e.planVolunteerId]));
		const visits = yiduan.requests.filter((r) => r.elderId);
		expect(visits.length).toBeGreaterThanOrEqual(18);
		for (const v of visits)
			for (const step of v.steps.filter((s) => s.action === 'assign')) expect(step.volunteerId).toBe(planned.get(v.elderId!));
	});
});

describe('观音庵社区', () => {
	const residential = guanyinan.buildings.filter((b) => b.kind === 'residential');

	it('is at its real size: 8 resident groups, buildings for about 30,000 residents, 700+ shops', () => {
		const groups = new Set(residential.map((b) => b.name.slice(0, 2)));
		expect(groups).toEqual(new Set(['一组', '二组', '三组', '四组', '五组', '六组', '七组', '八组']));
		// About 110 residents a block (6–11 floors, two or three units of two flats).
		expect(residential.length * 110).toBeGreaterThanOrEqual(28_000);
		expect(residential.length * 110).toBeLessThanOrEqual(32_000);
		expect(guanyinan.buildings.filter((b) => b.kind === 'shop').length).toBeGreaterThan(700);
	});

	it('has the 18 party-member volunteers gya001–gya018 and the teams the contract names', () => {
		const usernames = guanyinan.volunteers.map((v) => v.username);
		expect(usernames.slice(0, 18)).toEqual(Array.from({ length: 18 }, (_, i) => `gya${String(i + 1).padStart(3, '0')}`));
		expect(guanyinan.volunteers.slice(0, 18).every((v) => v.skills.includes('elder_visit'))).toBe(true);
		expect(guanyinan.staff.map((s) => s.username)).toEqual(['gya.dispatcher']);
		const teams = new Map(guanyinan.teams.map((t) => [t.name, t]));
		expect(teams.get('管得宽')).toMatchObject({ leader: 'gdk.lead', skills: ['haircut', 'nail_care'] });
		expect(teams.get('小马甲')).toMatchObject({ leader: 'xmj.lead' });
		const known = new Set(usernames);
		for (const team of guanyinan.teams) {
			expect(team.members).toContain(team.leader);
			expect(team.members.every((m) => known.has(m))).toBe(true);
			const skills = new Map(guanyinan.volunteers.map((v) => [v.username, v.skills]));
			expect(team.members.every((m) => skills.get(m)!.some((s) => team.skills.includes(s)))).toBe(true);
		}
		// A member other than the leader cuts hair: the team e2e assigns one.
		const gdk = teams.get('管得宽')!;
		expect(
			gdk.members.some((m) => m.startsWith('gya') && guanyinan.volunteers.find((v) => v.username === m)!.skills.includes('haircut'))
		).toBe(true);
	});

	it('has one open request waiting with 管得宽 for its leader', () => {
		const handed = guanyinan.requests.filter((r) => r.steps.some((s) => s.action === 'hand_to_team'));
		expect(handed.map((r) => [finalStatus(r), r.steps.at(-1)!.team])).toEqual([['open', '管得宽']]);
		expect(guanyinan.teams.find((t) => t.name === '管得宽')!.skills).toContain(handed[0]!.type);
	});

	it('leaves team members off the live board, free for their leader to assign', () => {
		const inTeams = new Set(guanyinan.teams.flatMap((t) => t.members));
		const byId = new Map(guanyinan.volunteers.map((v) => [v.id, v]));
		const active = guanyinan.requests.filter((r) => !['completed', 'cancelled'].includes(finalStatus(r)));
		for (const r of active) for (const s of r.steps) if (s.volunteerId) expect(inTeams.has(byId.get(s.volunteerId)!.username)).toBe(false);
	});
});
