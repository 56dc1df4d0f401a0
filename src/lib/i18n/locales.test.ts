import { describe, expect, it } from 'vitest';
import { pickLocale } from './locales';

describe('pickLocale', () => {
	it('lets the cookie decide first', () => {
		expect(pickLocale('en', 'zh-CN,zh;q=0.9')).toBe('en');
		expect(pickLocale('zh-CN', 'en-US')).toBe('zh-CN');
	});
	it('then follows Accept-Language by quality', () => {
		expect(pickLocale(undefined, 'fr;q=1, en-GB;q=0.8, zh;q=0.5')).toBe('en');
		expect(pickLocale(undefined, 'zh-TW,en;q=0.1')).toBe('zh-CN');
	});
	it('falls back to Chinese', () => {
		expect(pickLocale('de', 'fr, de')).toBe('zh-CN');
		expect(pickLocale(undefined, null)).toBe('zh-CN');
	});
});
