import { beforeEach, describe, expect, it } from 'vitest';
import { clearDraft, readDraft, writeDraft } from './tab-drafts';

class MemoryStorage {
	#items = new Map<string, string>();
	getItem = (key: string) => this.#items.get(key) ?? null;
	setItem = (key: string, value: string) => void this.#items.set(key, value);
	removeItem = (key: string) => void this.#items.delete(key);
}

describe('tab drafts', () => {
	beforeEach(() => {
		(globalThis as { sessionStorage?: unknown }).sessionStorage = new MemoryStorage();
	});

	it('keeps the named string fields and nothing else', () => {
		writeDraft('d', { description: '水管漏水', unit: '' });
		expect(readDraft('d', ['description', 'unit', 'missing'])).toEqual({ description: '水管漏水', unit: '' });
		sessionStorage.setItem('d', JSON.stringify({ description: 42, unit: '3单元' }));
		expect(readDraft('d', ['description', 'unit'])).toEqual({ unit: '3单元' });
	});

	it('forgets a draft whose fields are all empty, and reads garbage as no draft', () => {
		writeDraft('d', { description: '水管漏水' });
		writeDraft('d', { description: '  ' });
		expect(sessionStorage.getItem('d')).toBeNull();
		sessionStorage.setItem('d', '{not json');
		expect(readDraft('d', ['description'])).toBeNull();
		writeDraft('d', { description: 'x' });
		clearDraft('d');
		expect(readDraft('d', ['description'])).toBeNull();
	});

	it('works without storage at all (the server render)', () => {
		delete (globalThis as { sessionStorage?: unknown }).sessionStorage;
		expect(readDraft('d', ['description'])).toBeNull();
		expect(() => writeDraft('d', { description: 'x' })).not.toThrow();
	});
});
