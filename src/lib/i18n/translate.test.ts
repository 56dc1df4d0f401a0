import { describe, expect, it } from 'vitest';
import { createTranslator } from './translate';
import { en } from './messages/en';
import { zhCN } from './messages/zh-CN';

describe('translations', () => {
	it('have the same keys in both languages, none empty', () => {
		expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
		for (const [key, text] of Object.entries(en)) expect(text, key).not.toBe('');
	});
	it('fill in parameters', () => {
		expect(createTranslator('en')('map.error', { message: 'boom' })).toBe('The map could not load: boom');
		expect(createTranslator('zh-CN')('status.open')).toBe('待派单');
	});
});
