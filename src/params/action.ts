import type { ParamMatcher } from '@sveltejs/kit';
import { ACTIONS, type Action } from '$lib/dispatch/lifecycle';

export const match = ((param: string): param is Action => (ACTIONS as readonly string[]).includes(param)) satisfies ParamMatcher;
