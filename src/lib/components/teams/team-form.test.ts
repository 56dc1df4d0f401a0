import { describe, expect, it } from 'vitest';
import type { ServiceView } from '$lib/api/types';
import { catalogueSkills, fieldProblems, filterVolunteers, outsideOf } from './team-form';

const service = (code: string, skill: string, zh: string, en: string): ServiceView => ({
	code,
	name: { zh, en },
	skill,
	fee: 'free',
	priceYuan: null,
	assignWithinMin: 60,
	completeWithinMin: 600,
	urgentAssignWithinMin: 30,
	urgentCompleteWithinMin: 300,
	active: true,
	autoOffer: false
});

describe('team form helpers', () => {
	it('lists each catalogue skill once, named by its services', () => {
		const services = [
			service('haircut', 'haircut', '上门理发', 'Haircut'),
			service('nail', 'nail_care', '老人修甲', 'Nails'),
			service('cut2', 'haircut', '儿童理发', 'Kids')
		];
		expect(catalogueSkills(services, 'zh-CN')).toEqual([
			{ skill: 'haircut', label: '上门理发、儿童理发' },
			{ skill: 'nail_care', label: '老人修甲' }
		]);
		expect(catalogueSkills(services, 'en')[0]!.label).toBe('Haircut, Kids');
	});

	it('filters volunteers by name, community or skill', () => {
		const volunteers = [
			{ id: 'a', name: '张伟', communityId: 'c1', skills: ['haircut'] },
			{ id: 'b', name: '李娜', communityId: 'c2', skills: ['repair'] }
		];
		const community = (id: string) => (id === 'c1' ? '观音庵社区' : '一段社区');
		const skill = (s: string) => (s === 'haircut' ? '上门理发' : '水电维修');
		expect(filterVolunteers(volunteers, '观音', community, skill).map((v) => v.id)).toEqual(['a']);
		expect(filterVolunteers(volunteers, '水电', community, skill).map((v) => v.id)).toEqual(['b']);
		expect(filterVolunteers(volunteers, ' ', community, skill)).toHaveLength(2);
	});

	it('finds what of a team lies outside the editor’s area', () => {
		const team = {
			id: 't',
			name: 'x',
			communityId: 'c1',
			communityIds: ['c1', 'far'],
			leaderVolunteerId: 'a',
			memberIds: ['a', 'z'],
			skills: [],
			active: true
		};
		expect(outsideOf(team, { volunteerIds: new Set(['a']), communityIds: new Set(['c1']) })).toEqual({
			memberIds: ['z'],
			communityIds: ['far']
		});
		expect(outsideOf(null, { volunteerIds: new Set(), communityIds: new Set() })).toEqual({ memberIds: [], communityIds: [] });
	});

	it('says each refused field once, and nothing for a field it has no words for', () => {
		expect(fieldProblems([{ path: 'memberIds.1' }, { path: 'memberIds.3' }, { path: 'skills.0' }, { path: '(body)' }])).toEqual([
			'admin.teams.problem.memberIds',
			'admin.teams.problem.skills'
		]);
	});
});
