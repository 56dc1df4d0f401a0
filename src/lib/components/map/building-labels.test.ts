import { describe, expect, it } from 'vitest';
import { labelFits, labelWidthPx } from './building-labels';

describe('building labels', () => {
	it('measures CJK characters a full em and others about half', () => {
		expect(labelWidthPx('3栋')).toBeCloseTo(0.6 * 12 + 12 + 4);
		expect(labelWidthPx('一组12栋')).toBeCloseTo(3 * 12 + 2 * 0.6 * 12 + 4);
	});

	it('labels a building only when its outline on screen holds the name', () => {
		expect(labelFits('3栋', 40, 16)).toBe(true);
		expect(labelFits('3栋', 20, 16)).toBe(false);
		expect(labelFits('3栋', 40, 8)).toBe(false);
		expect(labelFits('观音庵社区服务中心', 60, 30)).toBe(false);
		expect(labelFits('观音庵社区服务中心', 120, 30)).toBe(true);
	});
});
