import type { UserView } from '$lib/api/types';
import type { Locale } from '$lib/i18n/locales';
import type { App as RunningApp } from '$lib/server/app';

declare global {
	namespace App {
		interface Error {
			message: string;
			code?: string;
		}
		interface Locals {
			/** The running app (hooks.server.ts): its services, database, log and sockets. */
			app: RunningApp;
			user: UserView | null;
			locale: Locale;
			requestId: string;
			/** Set when the session could not be read because the database is unreachable. */
			databaseDown?: boolean;
		}
	}
}

export {};
