// Headers every answer carries: pages and API (through the Kit hook), and everything Kit's hooks
// never see: static files under /_app, the service worker, and socket.io's long-polling answers
// (through the production server's response class, src/server.js). Plain JavaScript, because
// src/server.js loads it outside Kit's bundle.

/** @type {ReadonlyArray<readonly [string, string]>} */
export const SECURITY_HEADERS = [
	['x-content-type-options', 'nosniff'],
	['referrer-policy', 'same-origin'],
	['x-frame-options', 'DENY'],
	['permissions-policy', 'camera=(), microphone=(), geolocation=(self)']
];
