import { defineMessages } from './define';

// Dispatch texts: each key holds its Chinese and English side by side.
export const dispatchMessages = defineMessages({
	'map.loading': { zh: '正在加载地图…', en: 'Loading the map…' },
	'map.error': { zh: '地图加载失败：{message}', en: 'The map could not load: {message}' },
	'map.legend.residential': { zh: '住宅', en: 'Homes' },
	'map.legend.shop': { zh: '商铺', en: 'Shops' },
	'map.legend.public': { zh: '公共设施', en: 'Public' },
	'dispatch.title': { zh: '调度台', en: 'Dispatch board' },
	'dispatch.queue': { zh: '工单队列', en: 'Queue' },
	'dispatch.queueEmpty': { zh: '目前没有待处理的工单。', en: 'No active requests right now.' },
});
