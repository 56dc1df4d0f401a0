import type { BuildingKind } from '$lib/dispatch/vocabulary';

/** Building fills chosen to read as a town map without any tiles behind them. */
export const BUILDING_STYLE: Record<BuildingKind, { fillColor: string; color: string }> = {
	residential: { fillColor: '#e7dfd3', color: '#b9ab95' },
	shop: { fillColor: '#f6d7a7', color: '#d29d52' },
	public: { fillColor: '#c9e4d3', color: '#6fa884' }
};

export const MAP_BACKGROUND = '#f4f1ea';

export const STREET_COLOR = '#ffffff';
export const STREET_CASING = '#d8cfbf';
export const WATER_COLOR = '#c6dcec';
