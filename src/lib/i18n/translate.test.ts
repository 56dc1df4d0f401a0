import { describe, expect, it } from 'vitest';
import { createTranslator } from './translate';
import { messages } from './messages/index';

describe('translations', () => {
	it('have every message in both languages, none empty', () => {
		for (const [key, message] of Object.entries(messages)) {
			expect(message.zh, key).not.toBe('');
			expect(message.en, key).not.toBe('');
		}
	});
	it('fill in parameters', () => {
		expect(createTranslator('en')('volunteer.done.completed', { place: '8栋 2单元301' })).toBe('Done at 8栋 2单元301. Thank you!');
		expect(createTranslator('zh-CN')('status.open')).toBe('待派单');
	});
});
