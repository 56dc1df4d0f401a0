import { describe, expect, it } from 'vitest';
import { SERVICE_PALETTE, serviceColor } from './palette';

/** WCAG relative luminance and contrast with white. */
function contrastWithWhite(hex: string): number {
	const channel = (i: number) => {
		const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
		return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	};
	const luminance = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
	return 1.05 / (luminance + 0.05);
}

describe('service colours', () => {
	it('keeps the first services their colours, and gives any other the same colour every time', () => {
		expect([serviceColor('haircut'), serviceColor('repair'), serviceColor('elder_visit')]).toEqual(['#7c3aed', '#0369a1', '#c2410c']);
		expect(serviceColor('meal_help')).toBe(serviceColor('meal_help'));
		expect(SERVICE_PALETTE).toContain(serviceColor('meal_help'));
	});

	it('spreads the seeded services over the palette rather than piling them on one colour', () => {
		const codes = ['home_help', 'meal_help', 'child_minding', 'companionship', 'nail_care', 'appliance_repair', 'mediation'];
		expect(new Set(codes.map(serviceColor)).size).toBeGreaterThanOrEqual(4);
	});

	it('carries white text at 4.5:1 or more, every colour', () => {
		for (const colour of [...SERVICE_PALETTE, serviceColor('haircut'), serviceColor('repair'), serviceColor('elder_visit')]) {
			expect(contrastWithWhite(colour), colour).toBeGreaterThanOrEqual(4.5);
		}
	});
});
