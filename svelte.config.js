import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// Static files are served gzip- and brotli-compressed from files made at build time.
		adapter: adapter({ out: 'build', precompress: true }),
		// Kit's built-in origin check answers in plain text; hooks.server.ts (checkOrigin) makes
		// the same check, and more, in the contract's JSON, so Kit's is switched off here.
		csrf: { trustedOrigins: ['*'] },
		// Leaflet positions tiles and markers with inline styles, so styles may be inline;
		// scripts may not. Tiles may come from any https host set in MAP_TILE_URL.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:', 'https:'],
				'font-src': ['self', 'data:'],
				'connect-src': ['self'],
				'media-src': ['self', 'data:'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
