// Chinese word lists for the demo community (db/seed/community.ts).
// Kept apart from the generator so the logic stays short enough to read.

/** Common surnames, weighted towards those frequent in Sichuan (何, 罗, 廖, 曾, 邓 …). */
export const SURNAMES = [
	'王',
	'李',
	'张',
	'刘',
	'陈',
	'杨',
	'黄',
	'赵',
	'吴',
	'周',
	'徐',
	'孙',
	'马',
	'朱',
	'胡',
	'郭',
	'何',
	'林',
	'罗',
	'高',
	'郑',
	'梁',
	'谢',
	'宋',
	'唐',
	'许',
	'邓',
	'冯',
	'韩',
	'曹',
	'曾',
	'彭',
	'蒋',
	'蔡',
	'余',
	'杜',
	'叶',
	'程',
	'苏',
	'魏',
	'吕',
	'丁',
	'任',
	'沈',
	'姚',
	'卢',
	'廖',
	'汪'
];

/** Given names of working-age adults (volunteers, residents who phone in). */
export const GIVEN_NAMES = [
	'建华',
	'志强',
	'秀兰',
	'丽',
	'静',
	'军',
	'勇',
	'红梅',
	'海燕',
	'小燕',
	'桂芳',
	'永强',
	'晓东',
	'德华',
	'春梅',
	'国庆',
	'雪梅',
	'玉兰',
	'明',
	'伟',
	'俊',
	'涛',
	'琴',
	'英',
	'丹',
	'婷',
	'鹏',
	'刚',
	'平',
	'霞',
	'亮',
	'斌',
	'娟',
	'波',
	'林',
	'华',
	'文',
	'利',
	'红',
	'燕',
	'萍',
	'军华',
	'小平',
	'志刚',
	'晓梅',
	'建军',
	'建平',
	'德明',
	'兴国',
	'利民',
	'学军',
	'春燕',
	'丽萍',
	'小兵',
	'大伟'
];

/** Given names typical of people born in the 1930s–1950s. */
export const ELDER_GIVEN_NAMES = [
	'秀英',
	'桂兰',
	'玉珍',
	'淑芬',
	'德明',
	'福贵',
	'长寿',
	'树林',
	'凤英',
	'素芳',
	'正华',
	'桂英',
	'光明',
	'国富',
	'翠兰',
	'金花',
	'友才',
	'学文',
	'玉芬',
	'德贵',
	'明秀',
	'春华',
	'世荣',
	'玉清'
];

/** How residents are often named on a phoned-in request. */
export const CONTACT_TITLES = ['先生', '女士', '阿姨', '大爷', '嬢嬢'];

/** Mobile prefixes of the three carriers, so phone numbers look real. */
export const PHONE_PREFIXES = [
	'138',
	'139',
	'135',
	'136',
	'137',
	'150',
	'151',
	'152',
	'158',
	'159',
	'187',
	'188',
	'133',
	'153',
	'180',
	'189',
	'177',
	'199'
];

/** Shop fronts: unique names, each one a plausible small-town business. */
export const SHOP_NAMES = [
	'老王理发店',
	'张姐美发',
	'便民超市',
	'红旗连锁',
	'舞东风超市',
	'川味面馆',
	'李记五金店',
	'德仁堂药房',
	'百姓大药房',
	'鲜果园水果店',
	'老陈烟酒店',
	'刘嬢嬢早餐店',
	'王胖子包子铺',
	'蜀香火锅',
	'好再来冒菜',
	'老码头串串香',
	'清风茶馆',
	'幸福麻将馆',
	'菜鸟驿站',
	'诚信手机维修',
	'巧手裁缝铺',
	'洁丽干洗店',
	'金龙粮油店',
	'建设路副食店',
	'放心猪肉铺',
	'周记卤菜',
	'北坝豆花饭',
	'绵阳米粉',
	'好利来蛋糕',
	'明亮眼镜店',
	'时尚女装',
	'步步高鞋店',
	'学苑文具',
	'体育彩票站',
	'仁和诊所',
	'微笑牙科',
	'老李家电维修',
	'快捷开锁配钥匙',
	'美的专卖店',
	'兴旺建材',
	'贝贝母婴店',
	'花语花店',
	'金像照相馆',
	'新华书店',
	'丰收农资店',
	'小刘电动车维修',
	'洁净洗车',
	'农商银行',
	'邮政储蓄',
	'中国移动营业厅',
	'江边烧烤',
	'凉面凉皮',
	'乐山钵钵鸡',
	'甜皮鸭',
	'香辣兔头',
	'老字号汤圆',
	'东街酸辣粉',
	'永和豆浆',
	'福满楼中餐',
	'平价药店',
	'宏达五金',
	'天天鲜蔬菜店',
	'阿芳美甲',
	'川北凉粉',
	'家家乐超市'
];

export interface RepairCase {
	description: string;
	done: string;
	urgent?: boolean;
}

/** Home repairs, each with the note the volunteer leaves on completion. */
export const HOME_REPAIRS: RepairCase[] = [
	{ description: '卫生间水龙头漏水', done: '已更换水龙头阀芯' },
	{ description: '厨房插座没电', done: '插座接线松动，已重新接好' },
	{ description: '客厅灯不亮了', done: '已更换灯泡' },
	{ description: '马桶水箱一直流水', done: '已更换进水阀' },
	{ description: '厨房下水道堵塞', done: '已疏通下水管' },
	{ description: '电闸老是跳闸', done: '热水器漏电，已断开并建议更换', urgent: true },
	{ description: '热水器不出热水', done: '点火器电池没电，已更换' },
	{ description: '门锁坏了，打不开门', done: '已更换锁芯', urgent: true },
	{ description: '窗户关不严，漏风', done: '已调整合页并加装密封条' },
	{ description: '吸顶灯一直闪', done: '已更换镇流器' },
	{ description: '洗手池下水管接头渗水', done: '已缠生料带重新紧固' },
	{ description: '燃气灶打不着火', done: '已更换电池，清理点火针' },
	{ description: '洗衣机排水不畅', done: '已清理排水管' },
	{ description: '水管爆裂，家里漏水严重', done: '已关总阀并更换破裂水管', urgent: true },
	{ description: '家里突然停电，其他家有电', done: '总开关损坏，已更换空气开关', urgent: true },
	{ description: '卧室开关按不动', done: '已更换墙壁开关' },
	{ description: '阳台晾衣架摇不下来', done: '已更换钢丝绳' },
	{ description: '抽油烟机不转', done: '电容损坏，已更换' },
	{ description: '卫生间地漏返臭', done: '已加装防臭地漏芯' },
	{ description: '纱窗破了，想换一下', done: '已更换纱网' }
];

/** Repairs reported by shopkeepers. */
export const SHOP_REPAIRS: RepairCase[] = [
	{ description: '店里卷帘门卡住拉不下来', done: '已给导轨上油并校正' },
	{ description: '门面电闸跳闸，冰柜停了', done: '插线板过载，已重新分线', urgent: true },
	{ description: '店门口招牌灯不亮', done: '已更换灯管' },
	{ description: '店里水池下水堵了', done: '已疏通' }
];

/** Haircut requests: usually elders or disabled residents who cannot go out. */
export const HAIRCUT_CASES = [
	'老人行动不便，上门理发',
	'卧床老人需要理发',
	'老伴腿脚不方便下楼，想剪个头发',
	'九十岁老人理发修面',
	'残疾人上门理发',
	'老人刚出院，想把头发剪短',
	'两位老人都要理发',
	'老人坐轮椅，请上门剪发刮胡子'
];
export const HAIRCUT_DONE = ['已理发，老人很满意', '理发修面完成', '已剪短发，顺便修了胡子', '两位老人都已理发', '已理发，帮忙打扫了碎发'];

/**
 * What a plan's weekly visit is for, and what volunteers report afterwards. Screens put
 * "定期探访 <elder>" before it themselves, in the reader's language (history/request-description.ts).
 */
export const VISIT_CASES = ['聊天、检查用药', '测血压、帮忙买菜', '打扫卫生、陪老人聊天', '查看水电燃气安全'];
export const VISIT_DONE = [
	'老人精神状态良好，血压正常',
	'帮老人买了米和油',
	'提醒按时吃药，药还够一周',
	'老人说膝盖疼，已联系家属带去看病',
	'陪老人聊天一小时，情绪不错',
	'检查了燃气阀门，已关好'
];

/** Visits asked for outside any plan: a neighbour or relative is worried. */
export const ADHOC_VISITS: RepairCase[] = [
	{ description: '子女在外地，请志愿者去看看老人', done: '老人身体还好，已给子女回电话' },
	{ description: '邻居反映老人两天没出门', done: '老人感冒在家休息，已送药', urgent: true },
	{ description: '老人刚出院，想请人陪着说说话', done: '陪老人聊天，帮忙整理了药品' }
];

/** Why a request was called off, by request type. */
export const CANCEL_REASONS = {
	haircut: ['居民临时外出，改天再约', '家属已带老人去理发店', '重复登记'],
	repair: ['居民已自行解决', '物业已派人维修', '重复登记', '居民临时外出，改天再约'],
	elder_visit: ['老人住院，暂停探访', '老人去子女家住几天', '家属已来照看']
};
export const DECLINE_REASONS = ['临时有事，无法前往', '人在外地，赶不回来', '手头工具不全', '身体不舒服'];

/** What the community office knows about each isolated elder. */
export const ELDER_NOTES = [
	'独居，行动不便，耳背',
	'独居，患高血压，需提醒吃药',
	'子女在外地打工，独居',
	'老伴去世，独居，腿脚不便',
	'糖尿病，视力差',
	'轻度认知障碍，容易忘事',
	'坐轮椅，需要帮忙买菜',
	'独居，喜欢聊天，有点耳背',
	'心脏不好，家里备有速效救心丸',
	'独居，腰椎不好，不能提重物'
];

// ---------------------------------------------------------------- 晋城街道 (一段 and 观音庵)

/** Requests for the catalogue's other services, as a resident says them on the phone, and what the volunteer reports. */
export const SERVICE_CASES: Record<string, RepairCase[]> = {
	nail_care: [
		{ description: '老人指甲太厚，自己剪不动', done: '已修剪手脚指甲' },
		{ description: '卧床老人需要修脚剪指甲', done: '已修甲，提醒家属注意灰指甲' },
		{ description: '老人糖尿病，想请人小心修一下脚指甲', done: '已小心修甲，未见破口' }
	],
	appliance_repair: [
		{ description: '电饭煲不加热了', done: '温控器坏了，已更换' },
		{ description: '电风扇不转，有焦味', done: '电容烧了，已更换', urgent: true },
		{ description: '电视机没声音', done: '喇叭线松了，已接好' },
		{ description: '电热水壶漏电跳闸', done: '已劝停用，帮忙买了新的', urgent: true },
		{ description: '收音机坏了，老人每天要听', done: '已换电池和天线' }
	],
	meal_help: [
		{ description: '老人做饭不方便，想订一周午餐', done: '已送餐，并登记一周午餐' },
		{ description: '老人刚出院，请送几天饭', done: '已送到，老人吃得下' },
		{ description: '独居老人今天没人做饭', done: '已送午餐和晚餐', urgent: true }
	],
	home_help: [
		{ description: '老人想请人打扫一下屋子', done: '已打扫卫生，清理了厨房' },
		{ description: '换季了，想请人帮忙洗被子、收衣服', done: '已洗晒被子，换好冬衣' },
		{ description: '家里东西太多，老人想请人帮忙整理', done: '已整理杂物，清出过道' }
	],
	child_minding: [
		{ description: '家长下午上班，孩子放学没人接', done: '已接孩子回家并看护到家长下班' },
		{ description: '周末想请人看护孩子写作业', done: '已辅导作业两小时' },
		{ description: '双职工家庭，孩子生病在家需要人照看', done: '已照看半天，按时喂药', urgent: true }
	],
	companionship: [
		{ description: '老人一个人在家闷，想有人陪着说说话', done: '陪老人聊天、下棋一下午' },
		{ description: '老人要去医院复查，想请人陪同', done: '已陪同复查，拿好了药' },
		{ description: '老人想去公园走走，需要有人陪', done: '已陪老人散步一小时' }
	]
};

/** Shop names are a brand and a trade: 张记 + 面馆. Drawn together, they give hundreds of distinct names. */
export const SHOP_BRANDS = [
	'张记',
	'王记',
	'李记',
	'刘记',
	'陈记',
	'杨记',
	'赵记',
	'黄记',
	'周记',
	'吴记',
	'徐记',
	'孙记',
	'胡记',
	'朱记',
	'高记',
	'林记',
	'何记',
	'郭记',
	'马记',
	'罗记',
	'老王',
	'老张',
	'老李',
	'老刘',
	'老陈',
	'鑫源',
	'兴旺',
	'福满',
	'金龙',
	'顺发',
	'好运',
	'家和',
	'百姓',
	'红旗',
	'平安',
	'吉祥',
	'阳光',
	'西充',
	'晋城',
	'紫岩'
];
export const SHOP_TRADES = [
	'面馆',
	'超市',
	'五金店',
	'药房',
	'理发店',
	'茶馆',
	'干洗店',
	'水果店',
	'包子铺',
	'烧烤',
	'冒菜',
	'文具店',
	'手机维修',
	'眼镜店',
	'烟酒店',
	'粮油店',
	'服装店',
	'鞋店',
	'花店',
	'蛋糕店',
	'早餐店',
	'凉粉',
	'卤菜',
	'打印店',
	'家电维修',
	'母婴店',
	'诊所',
	'麻将馆',
	'火锅',
	'豆花饭',
	'米粉',
	'副食店',
	'建材',
	'电动车维修',
	'裁缝铺',
	'小吃',
	'酸辣粉',
	'猪肉铺',
	'蔬菜店',
	'美甲'
];
