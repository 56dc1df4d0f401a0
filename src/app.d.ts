import type { UserView } from '$lib/api/types';
import type { Locale } from '$lib/i18n/locales';

declare global {
	namespace App {
		interface Error {
			message: string;
			code?: string;
		}
		interface Locals {
			user: UserView | null;
			locale: Locale;
			requestId: string;
			/** Set when the session could not be read because the database is unreachable. */
			databaseDown?: boolean;
		}
	}
}

export {};
