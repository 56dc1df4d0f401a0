// The admin form's model: a service as its fields hold it while being typed (a number field
// being cleared holds null), the body it sends, and which field each server issue is about.
import type { ServiceView } from '$lib/api/types';
import { serviceRuleProblems, type ServiceRule } from '$lib/catalogue/service-rules';

export interface ServiceDraft {
	code: string;
	nameZh: string;
	nameEn: string;
	skill: string;
	fee: ServiceView['fee'];
	priceYuan: number | null;
	assignWithinMin: number | null;
	completeWithinMin: number | null;
	urgentAssignWithinMin: number | null;
	urgentCompleteWithinMin: number | null;
	active: boolean;
	autoOffer: boolean;
}

export type DraftField = keyof ServiceDraft;

export const DEADLINE_FIELDS = ['assignWithinMin', 'completeWithinMin', 'urgentAssignWithinMin', 'urgentCompleteWithinMin'] as const;

/** A service to edit, or a new one with the deadlines most services have (4 h / 2 d; urgent 1 h / 12 h). */
export function draftOf(service: ServiceView | null): ServiceDraft {
	if (!service) {
		return {
			code: '',
			nameZh: '',
			nameEn: '',
			skill: '',
			fee: 'free',
			priceYuan: null,
			assignWithinMin: 240,
			completeWithinMin: 2880,
			urgentAssignWithinMin: 60,
			urgentCompleteWithinMin: 720,
			active: true,
			autoOffer: false
		};
	}
	const { name, ...rest } = service;
	return { ...rest, nameZh: name.zh, nameEn: name.en };
}

/** What the API takes. A free service sends no price, whatever the (disabled) price field still holds. */
export function bodyOf(draft: ServiceDraft) {
	return {
		code: draft.code.trim(),
		name: { zh: draft.nameZh, en: draft.nameEn },
		skill: draft.skill.trim(),
		fee: draft.fee,
		priceYuan: draft.fee === 'free' ? null : draft.priceYuan,
		assignWithinMin: draft.assignWithinMin,
		completeWithinMin: draft.completeWithinMin,
		urgentAssignWithinMin: draft.urgentAssignWithinMin,
		urgentCompleteWithinMin: draft.urgentCompleteWithinMin,
		active: draft.active,
		autoOffer: draft.autoOffer
	};
}

/**
 * The rules between fields, checked before sending so they can be said precisely; only once
 * every deadline is a number (a missing one is the server's to point out).
 */
export function draftRuleProblems(draft: ServiceDraft): { field: DraftField; rule: ServiceRule }[] {
	const body = bodyOf(draft);
	const [assign, complete, urgentAssign, urgentComplete] = DEADLINE_FIELDS.map((f) => body[f]);
	if (assign == null || complete == null || urgentAssign == null || urgentComplete == null) return [];
	return serviceRuleProblems({
		...body,
		assignWithinMin: assign,
		completeWithinMin: complete,
		urgentAssignWithinMin: urgentAssign,
		urgentCompleteWithinMin: urgentComplete
	}).map((p) => ({ field: p.path, rule: p.rule }));
}

/** The form field a server issue is about (`name.zh` is the Chinese name's), or null for the body as a whole. */
export function fieldOfIssue(path: string): DraftField | null {
	if (path === 'name.zh' || path === 'name') return 'nameZh';
	if (path === 'name.en') return 'nameEn';
	const fields: DraftField[] = ['code', 'skill', 'fee', 'priceYuan', ...DEADLINE_FIELDS, 'active'];
	return fields.find((f) => f === path) ?? null;
}
