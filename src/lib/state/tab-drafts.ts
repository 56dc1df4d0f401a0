// What someone half-typed survives a reload of their tab: kept in sessionStorage, which belongs
// to this one tab and is gone when it closes, so a shared computer does not keep it for days.
// Drafts are plain strings by field; anything unreadable is treated as no draft.

export type Draft = Record<string, string>;

function storage(): Storage | null {
	try {
		return typeof sessionStorage === 'undefined' ? null : sessionStorage;
	} catch {
		return null; // storage disabled by the browser's settings
	}
}

/** The draft kept under `key`, with only the named fields that hold strings; null when there is none. */
export function readDraft<F extends string>(key: string, fields: readonly F[]): Partial<Record<F, string>> | null {
	try {
		const parsed: unknown = JSON.parse(storage()?.getItem(key) ?? 'null');
		if (!parsed || typeof parsed !== 'object') return null;
		const draft: Partial<Record<F, string>> = {};
		for (const field of fields) {
			const value = (parsed as Record<string, unknown>)[field];
			if (typeof value === 'string') draft[field] = value;
		}
		return draft;
	} catch {
		return null;
	}
}

/** Keeps the draft, or forgets it when every field is empty. */
export function writeDraft(key: string, draft: Draft): void {
	try {
		if (Object.values(draft).every((value) => value.trim() === '')) storage()?.removeItem(key);
		else storage()?.setItem(key, JSON.stringify(draft));
	} catch {
		// Full or disabled storage: the draft is a convenience, never worth an error.
	}
}

export function clearDraft(key: string): void {
	try {
		storage()?.removeItem(key);
	} catch {
		// as above
	}
}
