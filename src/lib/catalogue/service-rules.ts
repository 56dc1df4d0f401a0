// What makes a service of the catalogue sound beyond each field's own format: the rules that
// tie fields together. The API's schema (api/catalogue-schemas.ts) refuses a body that breaks
// them, and the admin form checks them before sending, so both say the same thing. The
// migration checks the single fields again (lengths, ranges, free means no price), not these.
import type { ServiceView } from '../api/types';

/** Bounds of each field, as the `services` table checks them. */
export const SERVICE_LIMITS = {
	nameZh: 40,
	nameEn: 60,
	/** Deadlines, in whole minutes: at most about ten weeks. */
	minutes: { min: 1, max: 100_000 },
	/** numeric(8, 2): up to 999,999.99 yuan, in fen. */
	priceYuan: { min: 0, max: 999_999.99 }
} as const;

export const FEES = ['free', 'low_cost'] as const;

/** The fields a coordinator sets; the code is set once, when the service is added. */
export type ServiceFields = Omit<ServiceView, 'code'>;

/** Each rule by name, so the browser can say it in the reader's language. */
export type ServiceRule =
	| 'price_for_free'
	| 'price_missing'
	| 'urgent_assign_longer'
	| 'urgent_complete_longer'
	| 'assign_after_complete'
	| 'urgent_assign_after_complete';

export interface ServiceRuleProblem {
	rule: ServiceRule;
	/** The field to fix: the price or a deadline. */
	path: Exclude<keyof RuleInput, 'fee'>;
	/** The API's sentence (English); the admin page says it through its own messages. */
	message: string;
}

type RuleInput = Pick<
	ServiceFields,
	'fee' | 'priceYuan' | 'assignWithinMin' | 'completeWithinMin' | 'urgentAssignWithinMin' | 'urgentCompleteWithinMin'
>;

/**
 * Everything wrong between the fields, in form order; none for a sound service.
 * - A free service has no price; a low-cost one has one (0 or more).
 * - An urgent request is never given longer than a normal one.
 * - A request must be assigned before it can be completed, so its assign deadline comes first.
 */
export function serviceRuleProblems(s: RuleInput): ServiceRuleProblem[] {
	const problems: ServiceRuleProblem[] = [];
	if (s.fee === 'free' && s.priceYuan !== null) {
		problems.push({ rule: 'price_for_free', path: 'priceYuan', message: 'A free service has no price: leave priceYuan null.' });
	}
	if (s.fee === 'low_cost' && s.priceYuan === null) {
		problems.push({ rule: 'price_missing', path: 'priceYuan', message: 'A low-cost service needs a price in yuan (0 or more).' });
	}
	if (s.assignWithinMin > s.completeWithinMin) {
		problems.push({
			rule: 'assign_after_complete',
			path: 'assignWithinMin',
			message: 'The assign deadline cannot be later than the complete deadline.'
		});
	}
	if (s.urgentAssignWithinMin > s.assignWithinMin) {
		problems.push({
			rule: 'urgent_assign_longer',
			path: 'urgentAssignWithinMin',
			message: 'An urgent request cannot have longer to be assigned than a normal one.'
		});
	}
	if (s.urgentAssignWithinMin > s.urgentCompleteWithinMin) {
		problems.push({
			rule: 'urgent_assign_after_complete',
			path: 'urgentAssignWithinMin',
			message: 'The urgent assign deadline cannot be later than the urgent complete deadline.'
		});
	}
	if (s.urgentCompleteWithinMin > s.completeWithinMin) {
		problems.push({
			rule: 'urgent_complete_longer',
			path: 'urgentCompleteWithinMin',
			message: 'An urgent request cannot have longer to be completed than a normal one.'
		});
	}
	return problems;
}

/** Whether an amount in yuan is whole fen (at most two decimals), as numeric(8, 2) keeps it. */
export function isWholeFen(yuan: number): boolean {
	return Math.abs(yuan * 100 - Math.round(yuan * 100)) < 1e-6;
}

/**
 * The skills a volunteer may be given: each service's, once, in code order. A service added
 * with a new skill adds it here, so a volunteer can be given it at once.
 */
export function catalogueSkills(services: readonly Pick<ServiceView, 'skill'>[]): string[] {
	return [...new Set(services.map((s) => s.skill))].sort();
}
