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

	it('gives each of the ten seeded services a colour of its own, from the palette', () => {
		const seeded = ['home_help', 'meal_help', 'child_minding', 'companionship', 'nail_care', 'appliance_repair', 'mediation'];
		expect(new Set([...seeded, 'haircut', 'repair', 'elder_visit'].map(serviceColor)).size).toBe(10);
		for (const code of seeded) expect(SERVICE_PALETTE).toContain(serviceColor(code));
	});

	it('spreads services added later over the palette rather than piling them on one colour', () => {
		const added = ['foot_care', 'tutoring', 'laundry', 'shopping_help', 'legal_advice', 'computer_help', 'escort_to_clinic'];
		expect(new Set(added.map(serviceColor)).size).toBeGreaterThanOrEqual(4);
	});

	it('carries white text at 4.5:1 or more, every colour', () => {
		for (const colour of [...SERVICE_PALETTE, serviceColor('haircut'), serviceColor('repair'), serviceColor('elder_visit')]) {
			expect(contrastWithWhite(colour), colour).toBeGreaterThanOrEqual(4.5);
		}
	});
});
