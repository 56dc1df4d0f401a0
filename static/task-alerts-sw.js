// Shows task notifications on phones, where pages may not construct Notification themselves,
// and brings the volunteer's tab to the front when one is tapped. It caches nothing and
// handles no requests.
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('notificationclick', (event) => {
	event.notification.close();
	event.waitUntil(
		self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
			const tab = windows.find((w) => new URL(w.url).pathname.startsWith('/volunteer')) ?? windows[0];
			return tab ? tab.focus() : self.clients.openWindow('/volunteer');
		})
	);
});
