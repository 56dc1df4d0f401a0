import type { UserView } from '$lib/api/types';
import type { Locale } from '$lib/i18n/locales';
import type { App as RunningApp } from '$lib/server/app';
import type { Actor } from '$lib/dispatch/permissions';

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
			/** The same user as the rules see them, with the communities of their scope. */
			actor: Actor | null;
			locale: Locale;
			requestId: string;
			/** Set when the session could not be read because the database is unreachable. */
			databaseDown?: boolean;
		}
	}
}

export {};
