import { describe, expect, it } from 'vitest';
import { importFileSchema, placeOf } from './file-schema';

const building = (name: string) => ({ name, lat: 30.99, lng: 105.89 });
const volunteer = (username: string, homeBuilding = '1栋') => ({ username, name: '张伟', skills: ['repair'], homeBuilding });

const COUNTY = {
	county: '西充县',
	communities: [
		{ street: '晋城街道', name: '一段社区', buildings: [building('1栋')], volunteers: [volunteer('yd.zhang')] },
		{ street: '常林镇', name: '大田坝社区', buildings: [building('1栋')], volunteers: [volunteer('dtb.li')] }
	],
	teams: [
		{ name: '管得宽', communities: ['一段社区', '大田坝社区'], leader: 'yd.zhang', members: ['yd.zhang', 'dtb.li'], skills: ['repair'] }
	]
};

/** The places of a file's problems, as the import prints them. */
function problemsOf(file: unknown): string[] {
	const result = importFileSchema.safeParse(file);
	expect(result.success).toBe(false);
	return result.error!.issues.map((i) => `${placeOf(i.path)}: ${i.message}`);
}

describe('the import file', () => {
	it('reads a county file: each community in its place, with its street or town', () => {
		const file = importFileSchema.parse(COUNTY);
		expect(file.county).toBe('西充县');
		expect(file.communities.map((c) => [c.street, c.name, c.place])).toEqual([
			['晋城街道', '一段社区', 'communities[0]'],
			['常林镇', '大田坝社区', 'communities[1]']
		]);
		expect(file.communities[1]!.buildings[0]).toMatchObject({ name: '1栋', kind: 'residential' });
		expect(file.teams[0]!.members).toEqual(['yd.zhang', 'dtb.li']);
	});

	it('reads a file of one community as a county file of that community, without teams', () => {
		const file = importFileSchema.parse({ buildings: [building('1栋')], volunteers: [volunteer('zhang.wei')] });
		expect(file).toMatchObject({ county: '本县', teams: [] });
		expect(file.communities).toHaveLength(1);
		expect(file.communities[0]).toMatchObject({ street: '本街道', name: '本社区', place: '' });
		expect(file.communities[0]!.volunteers[0]!.username).toBe('zhang.wei');
	});

	it('places the problems of a file of one community as that file has them', () => {
		const problems = problemsOf({ buildings: [{ name: '1栋', lat: 91, lng: 0 }], volunteers: [volunteer('x')], extra: 1 });
		expect(problems).toEqual(
			expect.arrayContaining([
				expect.stringMatching(/^buildings\[0\]\.lat: /),
				expect.stringMatching(/^volunteers\[0\]\.username: /),
				expect.stringMatching(/^: Unrecognized key: "extra"/)
			])
		);
	});

	it('places the problems of a county file in its communities and teams', () => {
		const broken = structuredClone(COUNTY);
		broken.communities[1]!.buildings[0]!.lat = 91;
		broken.teams[0]!.skills = [];
		const problems = problemsOf(broken);
		expect(problems).toEqual(
			expect.arrayContaining([
				expect.stringMatching(/^communities\[1\]\.buildings\[0\]\.lat: /),
				expect.stringMatching(/^teams\[0\]\.skills: /)
			])
		);
	});

	it('refuses a username found in two communities', () => {
		const twice = structuredClone(COUNTY);
		twice.communities[1]!.volunteers.push(volunteer('YD.Zhang'));
		expect(problemsOf(twice)).toEqual([
			'communities[1].volunteers[1].username: the username "YD.Zhang" is also at communities[0].volunteers[0].username'
		]);
	});

	it('refuses a building named twice in one community, not a name each community has', () => {
		const twice = structuredClone(COUNTY);
		twice.communities[1]!.buildings.push(building('1栋'));
		expect(problemsOf(twice)).toEqual(['communities[1].buildings[1]: the building "1栋" is also at communities[1].buildings[0]']);
	});

	it('refuses two communities of one name, even under different streets', () => {
		const twice = structuredClone(COUNTY);
		twice.communities[1]!.name = '一段社区';
		expect(problemsOf(twice)).toEqual(['communities[1].name: the community "一段社区" is also at communities[0].name']);
	});

	it("refuses a team whose leader is not one of its members, and a team's name given twice", () => {
		const wrong = structuredClone(COUNTY);
		wrong.teams[0]!.members = ['dtb.li'];
		wrong.teams.push({ ...COUNTY.teams[0]! });
		expect(problemsOf(wrong)).toEqual([
			'teams[0].leader: the leader "yd.zhang" must also be one of the members',
			'teams[1].name: the team "管得宽" is also at teams[0].name'
		]);
	});
});
