// Bodies of the catalogue's calls: POST /api/services and PUT /api/services/:code. Each field
// checks its own format here; the rules that tie fields together live in
// catalogue/service-rules.ts and are added as issues on the field to fix.
import { z } from 'zod';
import { CODE_PATTERN } from '../dispatch/vocabulary';
import { FEES, SERVICE_LIMITS, isWholeFen, serviceRuleProblems } from '../catalogue/service-rules';

const LOWER_WORD = '2–40 lower-case letters, digits or _, starting with a letter (e.g. meal_help)';

export const serviceCodeSchema = z.string().regex(CODE_PATTERN, `A service code is ${LOWER_WORD}.`);

const name = (language: string, max: number) =>
	z
		.string(`Give the ${language} name.`)
		.trim()
		.min(1, `Give the ${language} name.`)
		.max(max, `The ${language} name has at most ${max} characters.`);

const { min, max } = SERVICE_LIMITS.minutes;
const minutes = (what: string) =>
	z
		.number(`${what}: a whole number of minutes.`)
		.int(`${what}: a whole number of minutes.`)
		.min(min, `${what}: between ${min} and ${max} minutes.`)
		.max(max, `${what}: between ${min} and ${max} minutes.`);

const price = SERVICE_LIMITS.priceYuan;
const fields = {
	name: z.strictObject(
		{ zh: name('Chinese', SERVICE_LIMITS.nameZh), en: name('English', SERVICE_LIMITS.nameEn) },
		'Give name as {zh, en}.'
	),
	skill: z.string('Give the skill it needs.').regex(CODE_PATTERN, `A skill is ${LOWER_WORD}.`),
	fee: z.enum(FEES, 'The fee is free or low_cost.'),
	priceYuan: z
		.number('The price is a number of yuan, or null when free.')
		.min(price.min, 'The price cannot be negative.')
		.max(price.max, `The price is at most ${price.max} yuan.`)
		.refine(isWholeFen, 'The price has at most two decimals.')
		.nullable(),
	assignWithinMin: minutes('Assign within'),
	completeWithinMin: minutes('Complete within'),
	urgentAssignWithinMin: minutes('Urgent: assign within'),
	urgentCompleteWithinMin: minutes('Urgent: complete within'),
	/** New requests of the service start with auto-offer on; off when not given. */
	autoOffer: z.boolean('autoOffer is true or false.').default(false)
};

/**
 * The cross-field rules, as issues on the field each one asks to fix; only once every field is
 * sound by itself, so a deadline out of range is not also blamed on its neighbours.
 */
function addRuleIssues(service: Parameters<typeof serviceRuleProblems>[0], ctx: z.RefinementCtx): void {
	if (ctx.issues.length > 0) return;
	for (const problem of serviceRuleProblems(service)) ctx.addIssue({ code: 'custom', path: [problem.path], message: problem.message });
}

/** A new service. It takes requests at once unless `active: false`. */
export const newServiceSchema = z
	.strictObject({ code: serviceCodeSchema, ...fields, active: z.boolean('active is true or false.').default(true) })
	.superRefine(addRuleIssues);

/**
 * A service's new state, whole. The code is the URL's and never changes: a body may repeat it
 * (so a client can send back what GET gave it), and the route refuses a different one.
 */
export const serviceChangeSchema = z
	.strictObject({ code: serviceCodeSchema.optional(), ...fields, active: z.boolean('active is true or false.') })
	.superRefine(addRuleIssues);
