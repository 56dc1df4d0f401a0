import { describe, expect, it } from 'vitest';
import { sameOriginPath } from './return-path';

const ORIGIN = 'https://dispatch.example.org';

describe('sameOriginPath', () => {
	it('keeps a path on our origin, with its query', () => {
		expect(sameOriginPath('/dispatch', ORIGIN)).toBe('/dispatch');
		expect(sameOriginPath('/history?type=repair&from=2026-11-01', ORIGIN)).toBe('/history?type=repair&from=2026-11-01');
		expect(sameOriginPath('/%64ispatch', ORIGIN)).toBe('/%64ispatch');
	});

	it.each([
		['nothing', null],
		['empty', ''],
		['a relative path', 'dispatch'],
		['protocol-relative', '//evil.example'],
		['protocol-relative with a backslash', '/\\evil.example'],
		['a tab the browser drops', '/\t/evil.example'],
		['a newline', '/\n/evil.example'],
		['a carriage return', '/\r/evil.example'],
		['dot segments that end in //', '/.//evil.example'],
		['an absolute URL elsewhere', 'https://evil.example/'],
		['javascript:', 'javascript:alert(1)'],
		['a URL with our host as a user', '//dispatch.example.org@evil.example/']
	])('refuses %s', (_, next) => {
		expect(sameOriginPath(next, ORIGIN)).toBeNull();
	});

	it('reads a backslash as the browser does, a slash on our origin', () => {
		expect(sameOriginPath('/history\\x', ORIGIN)).toBe('/history/x');
	});

	it('keeps encoded slashes encoded, so they stay one path on our origin', () => {
		expect(sameOriginPath('/%2F%2Fevil.example', ORIGIN)).toBe('/%2F%2Fevil.example');
		expect(sameOriginPath('/%5Cevil.example', ORIGIN)).toBe('/%5Cevil.example');
	});

	it('never returns a control character, whatever it is given', () => {
		for (let code = 0; code < 32; code++) {
			const result = sameOriginPath(`/${String.fromCharCode(code)}/x`, ORIGIN);
			// eslint-disable-next-line no-control-regex -- control characters are what must never come back
			expect(result === null || !/[\u0000-\u001f]/.test(result)).toBe(true);
		}
	});
});
