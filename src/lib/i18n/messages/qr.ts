import { defineMessages } from './define';

// The QR sheets staff print for the stairwells (/print/qr); the sheets themselves are in Chinese.
export const qrMessages = defineMessages({
	'nav.qr': { zh: '楼栋二维码', en: 'QR codes' },
	'qr.title': { zh: '楼栋求助二维码', en: 'Stairwell QR codes' },
	'qr.intro': {
		zh: '每栋楼一张，贴在楼道里。居民扫码就能求助，不用注册。',
		en: 'One sheet per building, for its stairwell. Residents scan it to ask for help, with no sign-up.'
	},
	'qr.community': { zh: '社区', en: 'Community' },
	'qr.which': { zh: '楼栋', en: 'Buildings' },
	'qr.residential': { zh: '住宅楼', en: 'Residential' },
	'qr.all': { zh: '全部（含商铺和公共建筑）', en: 'All, with shops and public buildings' },
	'qr.count': { zh: '共 {n} 张', en: '{n} sheets' },
	'qr.print': { zh: '打印', en: 'Print' },
	'qr.none': { zh: '这个社区还没有楼栋。', en: 'This community has no buildings yet.' }
});
