// Inputs of the public pages (no sign-in): a resident's request by a building's code, and their rating.
import { z } from 'zod';
import { CODE_PATTERN } from '../dispatch/vocabulary';
import { FIELD_LIMITS } from '../dispatch/field-limits';
import { normalizePhone } from '../dispatch/phone';

const trimmed = (max: number) => z.string().trim().max(max, `At most ${max} characters.`);

export const buildingCodeSchema = z.string().regex(/^[0-9a-z]{6,16}$/, 'Not a building code.');
export const trackTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{22,64}$/, 'Not a tracking token.');

export const publicRequestSchema = z.strictObject({
	buildingCode: buildingCodeSchema,
	unit: trimmed(FIELD_LIMITS.unit).min(1, 'Say which unit or door.'),
	type: z.string().regex(CODE_PATTERN, 'Choose a service.'),
	description: trimmed(FIELD_LIMITS.description).min(1, 'Say what is needed.'),
	contactName: trimmed(FIELD_LIMITS.contactName).min(1, 'Say your name.'),
	contactPhone: z
		.string()
		.max(FIELD_LIMITS.contactPhone)
		.transform((typed, ctx) => {
			const phone = normalizePhone(typed);
			if (phone === null) ctx.addIssue({ code: 'custom', message: 'Give a mainland mobile (11 digits) or a landline with its area code.' });
			return phone ?? '';
		})
});

export const feedbackSchema = z.strictObject({
	rating: z.number('Rate from 1 to 5.').int('Rate from 1 to 5.').min(1, 'Rate from 1 to 5.').max(5, 'Rate from 1 to 5.'),
	comment: trimmed(FIELD_LIMITS.note)
		.optional()
		.nullable()
		.transform((v) => (v ? v : null))
});

/** A follow-up call's answer, recorded by staff. */
export const phoneFeedbackSchema = z.strictObject({
	rating: feedbackSchema.shape.rating,
	comment: feedbackSchema.shape.comment,
	via: z.literal('phone', 'Feedback recorded by staff comes via phone.')
});
