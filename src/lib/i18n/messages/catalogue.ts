import { defineMessages } from './define';

// The service catalogue's page (/admin/services), for county and street coordinators.
export const catalogueMessages = defineMessages({
	'nav.services': { zh: '服务目录', en: 'Services' },
	'catalogue.title': { zh: '服务目录', en: 'Service catalogue' },
	'catalogue.intro': {
		zh: '全县各社区共用这份目录：受理表单、队列筛选、地图颜色和服务记录都按它显示。服务代码一经使用不会删除；停用的服务不再接新单，历史记录里仍显示它的名称。',
		en: 'Every community of the county uses this catalogue: the intake form, the queue filter, map colours and history follow it. A service code is never deleted; an inactive service takes no new requests, and history still names it.'
	},
	'catalogue.add': { zh: '新增服务', en: 'Add a service' },
	'catalogue.edit': { zh: '编辑', en: 'Edit' },
	'catalogue.editLabel': { zh: '编辑 {name}', en: 'Edit {name}' },
	'catalogue.addTitle': { zh: '新增服务', en: 'New service' },
	'catalogue.editTitle': { zh: '编辑服务：{name}', en: 'Edit service: {name}' },
	'catalogue.saved': { zh: '已保存：{name}', en: 'Saved: {name}' },
	'catalogue.count': { zh: '共 {n} 项，启用 {active} 项', en: '{n} services, {active} active' },
	'catalogue.col.service': { zh: '服务', en: 'Service' },
	'catalogue.col.code': { zh: '代码', en: 'Code' },
	'catalogue.col.skill': { zh: '所需技能', en: 'Skill needed' },
	'catalogue.col.fee': { zh: '收费', en: 'Fee' },
	'catalogue.col.assign': { zh: '派单时限', en: 'Assign within' },
	'catalogue.col.complete': { zh: '完成时限', en: 'Complete within' },
	'catalogue.col.status': { zh: '状态', en: 'Status' },
	'catalogue.col.actions': { zh: '操作', en: 'Actions' },
	'catalogue.normal': { zh: '普通', en: 'Normal' },
	'catalogue.urgent': { zh: '紧急', en: 'Urgent' },
	'catalogue.fee.free': { zh: '免费', en: 'Free' },
	'catalogue.fee.low_cost': { zh: '低偿', en: 'Low cost' },
	'catalogue.price': { zh: '{price} 元', en: '¥{price}' },
	'catalogue.active': { zh: '启用', en: 'Active' },
	'catalogue.inactive': { zh: '已停用', en: 'Inactive' },
	'catalogue.field.code': { zh: '服务代码', en: 'Code' },
	'catalogue.field.codeHint': {
		zh: '小写英文字母开头，可用小写字母、数字和下划线，例如 foot_care。保存后不能再改。',
		en: 'Starts with a lower-case letter; lower-case letters, digits and _, e.g. foot_care. It cannot change once saved.'
	},
	'catalogue.field.codeFixed': { zh: '服务代码（不可更改）', en: 'Code (cannot change)' },
	'catalogue.field.nameZh': { zh: '中文名称', en: 'Chinese name' },
	'catalogue.field.nameEn': { zh: '英文名称', en: 'English name' },
	'catalogue.field.skill': { zh: '所需技能', en: 'Skill needed' },
	'catalogue.field.skillHint': {
		zh: '选一个已有技能，或填写新技能代码；新技能保存后即可分配给志愿者。',
		en: 'Pick a skill volunteers already have, or type a new skill code; a new skill can be given to volunteers once saved.'
	},
	'catalogue.field.fee': { zh: '收费方式', en: 'Fee' },
	'catalogue.field.price': { zh: '价格（元）', en: 'Price (yuan)' },
	'catalogue.field.deadlines': { zh: '时限（分钟）', en: 'Deadlines (minutes)' },
	'catalogue.field.deadlinesHint': {
		zh: '从受理时算起。紧急时限不能长于普通时限；派单时限不能晚于完成时限。',
		en: 'Counted from when the request is taken. Urgent deadlines are no longer than normal ones; assigning comes no later than completing.'
	},
	'catalogue.field.assignWithinMin': { zh: '普通：派单时限', en: 'Normal: assign within' },
	'catalogue.field.completeWithinMin': { zh: '普通：完成时限', en: 'Normal: complete within' },
	'catalogue.field.urgentAssignWithinMin': { zh: '紧急：派单时限', en: 'Urgent: assign within' },
	'catalogue.field.urgentCompleteWithinMin': { zh: '紧急：完成时限', en: 'Urgent: complete within' },
	'catalogue.field.autoOffer': {
		zh: '新工单默认自动派单（系统依次派给在线志愿者）',
		en: 'Auto-offer new requests by default (the system asks online volunteers in turn)'
	},
	'catalogue.field.active': { zh: '启用（受理表单中可选，可接新单）', en: 'Active (offered on the intake form, takes new requests)' },
	'catalogue.save': { zh: '保存', en: 'Save' },
	'catalogue.saving': { zh: '正在保存…', en: 'Saving…' },
	'catalogue.cancel': { zh: '取消', en: 'Cancel' },
	'catalogue.problem.summary': { zh: '请按提示改正标出的项目。', en: 'Please correct the marked fields.' },
	'catalogue.problem.code': {
		zh: '代码要以小写英文字母开头，只用小写字母、数字和下划线，共 2–40 个字符。',
		en: 'The code starts with a lower-case letter and uses only lower-case letters, digits and _ (2–40 characters).'
	},
	'catalogue.problem.taken': {
		zh: '这个代码已被使用（代码永不删除，停用的服务也占用代码），请换一个。',
		en: 'This code is taken (codes are never deleted; an inactive service keeps its code). Choose another.'
	},
	'catalogue.problem.nameZh': { zh: '请填写中文名称，最多 40 个字。', en: 'Give the Chinese name, at most 40 characters.' },
	'catalogue.problem.nameEn': { zh: '请填写英文名称，最多 60 个字符。', en: 'Give the English name, at most 60 characters.' },
	'catalogue.problem.skill': {
		zh: '技能代码的写法和服务代码一样：小写英文字母开头，只用小写字母、数字和下划线。',
		en: 'A skill is written like a code: a lower-case letter first, then lower-case letters, digits and _.'
	},
	'catalogue.problem.fee': { zh: '请选择免费或低偿。', en: 'Choose free or low cost.' },
	'catalogue.problem.priceYuan': {
		zh: '低偿服务请填写价格：0 元或以上，最多两位小数；免费服务不填价格。',
		en: 'A low-cost service needs a price: 0 or more yuan, at most two decimals. A free service has none.'
	},
	'catalogue.problem.minutes': { zh: '请填写 1 到 100000 之间的整数分钟。', en: 'Enter a whole number of minutes from 1 to 100000.' },
	'catalogue.problem.gone': {
		zh: '找不到这项服务，可能页面已过时。请刷新后再试。',
		en: 'This service was not found; the page may be out of date. Reload and try again.'
	},
	'catalogue.rule.price_for_free': { zh: '免费服务不填价格。', en: 'A free service has no price.' },
	'catalogue.rule.price_missing': {
		zh: '低偿服务请填写价格（0 元或以上）。',
		en: 'A low-cost service needs a price (0 yuan or more).'
	},
	'catalogue.rule.urgent_assign_longer': {
		zh: '紧急派单时限不能长于普通派单时限。',
		en: 'The urgent assign deadline cannot be longer than the normal one.'
	},
	'catalogue.rule.urgent_complete_longer': {
		zh: '紧急完成时限不能长于普通完成时限。',
		en: 'The urgent complete deadline cannot be longer than the normal one.'
	},
	'catalogue.rule.assign_after_complete': {
		zh: '派单时限不能晚于完成时限。',
		en: 'The assign deadline cannot be later than the complete deadline.'
	},
	'catalogue.rule.urgent_assign_after_complete': {
		zh: '紧急派单时限不能晚于紧急完成时限。',
		en: 'The urgent assign deadline cannot be later than the urgent complete deadline.'
	}
});
