import { describe, expect, it } from 'vitest';
import { normalizePhone } from './phone';

describe('normalizePhone', () => {
	it('takes mainland mobiles, with or without spaces, dashes or +86', () => {
		expect(normalizePhone('13912345678')).toBe('13912345678');
		expect(normalizePhone('139 1234 5678')).toBe('13912345678');
		expect(normalizePhone('+86 139-1234-5678')).toBe('13912345678');
	});

	it('takes landlines with their area code', () => {
		expect(normalizePhone('0817-2345678')).toBe('08172345678');
		expect(normalizePhone('010 12345678')).toBe('01012345678');
	});

	it('refuses anything else', () => {
		for (const bad of ['', '12345678901', '1391234567', '139123456789', '2345678', 'abc', '139.1234.5678', '0817-23456'])
			expect(normalizePhone(bad), bad).toBeNull();
	});
});
