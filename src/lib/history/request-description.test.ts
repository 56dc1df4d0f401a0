import { describe, expect, it } from 'vitest';
import { requestDescription } from './request-description';
import { createTranslator } from '../i18n/translate';

const zh = createTranslator('zh-CN');
const en = createTranslator('en');
const DUE = '2026-11-30T01:00:00.000Z';

describe('requestDescription', () => {
	it('shows what people wrote as written', () => {
		expect(requestDescription({ description: '厨房插座没电', visitDueAt: null }, en)).toBe('厨房插座没电');
	});

	it("names a plan's visit in the reader's language, with the elder and their notes", () => {
		expect(requestDescription({ description: '独居，耳背', visitDueAt: DUE, contactName: '刘奶奶' }, zh)).toBe(
			'定期探访 刘奶奶：独居，耳背'
		);
		expect(requestDescription({ description: '独居，耳背', visitDueAt: DUE, contactName: '刘奶奶' }, en)).toBe(
			'Planned visit to 刘奶奶: 独居，耳背'
		);
		expect(requestDescription({ description: '', visitDueAt: new Date(DUE), contactName: '刘奶奶' }, en)).toBe('Planned visit to 刘奶奶');
	});

	it('leaves the elder out for a reader without the contact', () => {
		expect(requestDescription({ description: '', visitDueAt: DUE }, zh)).toBe('定期探访');
		expect(requestDescription({ description: '独居', visitDueAt: DUE, contactName: null }, en)).toBe('Planned visit: 独居');
	});
});
