import { describe, expect, it } from 'vitest';
import { byBuildingName } from './building-order';

describe('byBuildingName', () => {
	it('counts building numbers as numbers, within each group', () => {
		const names = ['10栋', '2栋', '100栋', '1栋', '一组10栋', '一组2栋'].map((name) => ({ name }));
		expect(names.sort(byBuildingName).map((b) => b.name)).toEqual(['1栋', '2栋', '10栋', '100栋', '一组2栋', '一组10栋']);
	});
});
