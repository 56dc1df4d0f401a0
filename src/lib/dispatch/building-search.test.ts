import { describe, expect, it } from 'vitest';
import { searchBuildings } from './building-search';

const buildings = ['1栋', '3栋', '13栋', '30栋', '31栋', '103栋', '社区服务中心', '老王理发店', '便民超市'].map((name, i) => ({
	id: String(i),
	name
}));
const names = (query: string) => searchBuildings(buildings, query).map((b) => b.name);

describe('searchBuildings', () => {
	it('finds a building by its number first, however it is written', () => {
		for (const query of ['3栋', '3', '3号楼', ' 3 栋', '3#']) expect(names(query)[0], query).toBe('3栋');
	});
	it('then lists names starting with the number, shortest first', () => {
		expect(names('3')).toEqual(['3栋', '30栋', '31栋']);
	});
	it('finds shops and public buildings by part of their name', () => {
		expect(names('理发')).toEqual(['老王理发店']);
		expect(names('服务中心')).toEqual(['社区服务中心']);
	});
	it('returns nothing for an empty query or no match', () => {
		expect(names('')).toEqual([]);
		expect(names('xyz')).toEqual([]);
	});
});
