import { describe, expect, it } from 'vitest';
import { AreaTree, scopeKindsFor, type Area } from './areas';

const AREAS: Area[] = [
	{ id: 'xc', name: '西充县', kind: 'county', parentId: null },
	{ id: 'cl', name: '常林镇', kind: 'street', parentId: 'xc' },
	{ id: 'jc', name: '晋城街道', kind: 'street', parentId: 'xc' },
	{ id: 'dtb', name: '大田坝社区', kind: 'community', parentId: 'cl' },
	{ id: 'yd', name: '一段社区', kind: 'community', parentId: 'jc' },
	{ id: 'gya', name: '观音庵社区', kind: 'community', parentId: 'jc' }
];
const tree = new AreaTree(AREAS);

describe('the area tree', () => {
	it('finds the communities under each area, and only those', () => {
		expect(tree.communitiesUnder('xc').sort()).toEqual(['dtb', 'gya', 'yd']);
		expect(tree.communitiesUnder('jc').sort()).toEqual(['gya', 'yd']);
		expect(tree.communitiesUnder('cl')).toEqual(['dtb']);
		expect(tree.communitiesUnder('yd')).toEqual(['yd']);
		expect(tree.communitiesUnder('nowhere')).toEqual([]);
	});

	it("shows a user their own area, what is under it and what is above it, not their neighbours'", () => {
		expect(tree.visibleFrom('yd').map((a) => a.id)).toEqual(['xc', 'jc', 'yd']);
		expect(tree.visibleFrom('jc').map((a) => a.id)).toEqual(['xc', 'jc', 'yd', 'gya']);
		expect(
			tree
				.visibleFrom('xc')
				.map((a) => a.id)
				.sort()
		).toEqual(['cl', 'dtb', 'gya', 'jc', 'xc', 'yd']);
	});

	it('names a scope as the contract does', () => {
		expect(tree.scopeView('jc')).toEqual({ id: 'jc', kind: 'street', name: '晋城街道' });
		expect(tree.scopeView('nowhere')).toBeNull();
	});

	it('lets coordinators work at any level and everyone else in one community', () => {
		expect(scopeKindsFor('coordinator')).toEqual(['county', 'street', 'community']);
		expect(scopeKindsFor('dispatcher')).toEqual(['community']);
		expect(scopeKindsFor('volunteer')).toEqual(['community']);
	});
});
