import { z } from 'zod';

export const passwordChangeSchema = z
	.object({
		currentPassword: z.string().min(1, 'Enter your current password.').max(256),
		newPassword: z.string().min(8, 'Use at least 8 characters.').max(256, 'At most 256 characters.')
	})
	.refine((v) => v.newPassword !== v.currentPassword, {
		path: ['newPassword'],
		message: 'Choose a password different from the current one.'
	});
export type PasswordChangeBody = z.infer<typeof passwordChangeSchema>;
