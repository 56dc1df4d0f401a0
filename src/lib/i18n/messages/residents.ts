import { defineMessages } from './define';

// The residents' own pages: the form behind a building's QR code (/r/:code) and the tracking link (/t/:token).
export const residentMessages = defineMessages({
	'resident.title': { zh: '社区志愿服务 · 在线求助', en: 'Community volunteers · Ask for help' },
	'resident.intro': {
		zh: '填写下面几项，社区会安排志愿者上门。提交后会给您一个链接，随时查看进度。',
		en: 'Fill in these few lines and the community will send a volunteer. You get a link to follow it.'
	},
	'resident.building': { zh: '楼栋', en: 'Building' },
	'resident.type': { zh: '需要什么服务', en: 'What service' },
	'resident.unit': { zh: '单元和门牌', en: 'Unit and door' },
	'resident.unitHint': { zh: '如：2单元301', en: 'e.g. 2-301' },
	'resident.description': { zh: '具体情况', en: 'What is needed' },
	'resident.descriptionHint': { zh: '如：厨房水龙头漏水', en: 'e.g. the kitchen tap leaks' },
	'resident.contactName': { zh: '您的称呼', en: 'Your name' },
	'resident.contactPhone': { zh: '联系电话', en: 'Phone' },
	'resident.phoneHint': {
		zh: '手机号，或带区号的座机。只有社区工作人员能看到。',
		en: 'Mobile, or landline with area code. Only community staff see it.'
	},
	'resident.submit': { zh: '提交求助', en: 'Send' },
	'resident.submitting': { zh: '正在提交…', en: 'Sending…' },
	'resident.problem.unit': { zh: '请写上单元和门牌。', en: 'Say which unit and door.' },
	'resident.problem.description': { zh: '请写下需要什么帮助。', en: 'Say what you need.' },
	'resident.problem.contactName': { zh: '请写上您的称呼。', en: 'Give your name.' },
	'resident.problem.contactPhone': {
		zh: '请填写11位手机号，或带区号的座机号码。',
		en: 'Give an 11-digit mobile number or a landline with its area code.'
	},
	'resident.problem.type': { zh: '请选择一项服务。', en: 'Choose a service.' },
	'resident.problem.tooMany': {
		zh: '一小时内提交次数太多。请稍后再试，或直接给社区打电话。',
		en: 'Too many requests in an hour. Please try again later, or call your community.'
	},
	'resident.problem.other': { zh: '没能提交：{reason}', en: 'Could not send: {reason}' },
	'resident.unknownBuilding': { zh: '找不到这个楼栋的二维码。请联系社区。', en: 'This QR code is not known. Please call your community.' },

	'track.title': { zh: '求助进度', en: 'Your request' },
	'track.saveLink': { zh: '请收藏本页，随时查看进度。', en: 'Keep this page to follow your request.' },
	'track.step.received': { zh: '社区已收到', en: 'Received by the community' },
	'track.step.assigned': { zh: '已安排志愿者：{name}', en: 'A volunteer is asked: {name}' },
	'track.step.assignedNoName': { zh: '已安排志愿者', en: 'A volunteer is asked' },
	'track.step.accepted': { zh: '{name} 已接单，准备上门', en: '{name} is coming' },
	'track.step.started': { zh: '{name} 已开始服务', en: '{name} has started' },
	'track.step.completed': { zh: '服务已完成', en: 'Done' },
	'track.step.cancelled': { zh: '社区未受理：{reason}', en: 'Not taken on by the community: {reason}' },
	'track.theVolunteer': { zh: '志愿者', en: 'The volunteer' },
	'track.step.waiting': { zh: '等待中', en: 'Waiting' },
	'track.code': { zh: '确认码', en: 'Confirmation code' },
	'track.codeHint': {
		zh: '服务完成后，请把这4位数字告诉志愿者。',
		en: 'When the work is done, tell the volunteer these 4 digits.'
	},
	'track.assignBy': { zh: '预计 {time} 前安排好志愿者', en: 'A volunteer by {time}' },
	'track.rateTitle': { zh: '服务怎么样？', en: 'How was it?' },
	'track.rateStars': { zh: '{n} 星', en: '{n} stars' },
	'track.rateStar1': { zh: '1 星', en: '1 star' },
	'track.comment': { zh: '想说的话（可不填）', en: 'Anything to add (optional)' },
	'track.sendRating': { zh: '提交评价', en: 'Send rating' },
	'track.thanks': { zh: '谢谢您的评价！', en: 'Thank you!' },
	'track.reopened': {
		zh: '很抱歉没让您满意。社区已重新安排，会尽快联系您。',
		en: 'We are sorry. The community has reopened it and will be in touch soon.'
	},
	'track.yourRating': { zh: '您的评价：{n} 星', en: 'Your rating: {n} stars' },
	'track.chooseRating': { zh: '请先选择星数。', en: 'Choose the stars first.' },
	'track.live': { zh: '进度会自动更新', en: 'This page updates by itself' },
	'track.offline': { zh: '网络断开，正在重新连接…', en: 'Offline, reconnecting…' },
	'track.notFound': {
		zh: '找不到这个求助。请检查链接，或联系社区。',
		en: 'This request is not known. Check the link, or call your community.'
	}
});
