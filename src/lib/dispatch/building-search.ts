export interface NamedBuilding {
	id: string;
	name: string;
}

// "3", "3栋", "3号楼", "3幢", "3#" all mean building number 3.
const NUMBER_QUERY = /^(\d+)\s*(栋|号楼|号|幢|#)?$/;

/**
 * Finds buildings by what a dispatcher types: a number finds that building first, then
 * names that start with the text, then names that contain it.
 */
export function searchBuildings<T extends NamedBuilding>(buildings: T[], query: string, limit = 12): T[] {
	const text = query.trim().toLowerCase();
	if (!text) return [];
	const number = NUMBER_QUERY.exec(text)?.[1];
	const scored: { building: T; rank: number }[] = [];
	for (const building of buildings) {
		const name = building.name.toLowerCase();
		let rank: number;
		if (number && (name === `${number}栋` || name === `${number}号楼`)) rank = 0;
		else if (name === text) rank = 0;
		else if (name.startsWith(number ?? text)) rank = 1;
		// "3" inside "13栋" is noise: numbers match from the start only.
		else if (!number && name.includes(text)) rank = 2;
		else continue;
		scored.push({ building, rank });
	}
	return scored
		.sort(
			(a, b) =>
				a.rank - b.rank ||
				a.building.name.length - b.building.name.length ||
				a.building.name.localeCompare(b.building.name, 'zh-CN', { numeric: true })
		)
		.slice(0, limit)
		.map((s) => s.building);
}
