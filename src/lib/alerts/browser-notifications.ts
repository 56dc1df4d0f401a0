/** Where the browser stands on system notifications for this site. */
export type NotificationAccess = 'unsupported' | 'default' | 'granted' | 'denied';

// Android Chrome allows notifications only through a service worker; this one only shows and
// focuses them (it caches nothing and never sees a request).
const WORKER_URL = '/task-alerts-sw.js';

export function notificationAccess(): NotificationAccess {
	if (typeof window === 'undefined' || !('Notification' in window)) return 'unsupported';
	return Notification.permission;
}

/** Asks the browser, and only ever from a tap on our own friendly banner. */
export async function askForNotifications(): Promise<NotificationAccess> {
	if (notificationAccess() === 'unsupported') return 'unsupported';
	try {
		return await Notification.requestPermission();
	} catch {
		return notificationAccess();
	}
}

/** Registers the small worker that phones need for notifications. Harmless where unsupported. */
export function prepareNotificationWorker(): void {
	if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
	navigator.serviceWorker.register(WORKER_URL).catch(() => {
		// Without it, desktop browsers still notify; phones fall back to the sound and the title.
	});
}

export interface TaskNotification {
	title: string;
	body: string;
	/** One notification per task: a newer one about the same task replaces it. */
	tag: string;
}

/**
 * Shows a system notification; clicking it brings this tab to the front. Desktop browsers take
 * `new Notification`; where the constructor is refused (Android), the service worker shows it.
 */
export function showNotification(message: TaskNotification): void {
	if (notificationAccess() !== 'granted') return;
	const options: NotificationOptions = { body: message.body, tag: message.tag, icon: '/favicon.svg', requireInteraction: true };
	try {
		const notification = new Notification(message.title, options);
		notification.onclick = () => {
			window.focus();
			notification.close();
		};
	} catch {
		void navigator.serviceWorker
			?.getRegistration(WORKER_URL)
			.then((registration) => registration?.showNotification(message.title, options))
			.catch(() => {});
	}
}
