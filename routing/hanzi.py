"""Traditional Chinese read as Simplified: one character for one, so that the rules and deadline phrases written in
Simplified Chinese read mail written in Traditional Chinese too (AWS writes zh-TW mail: "您的 AWS 帳戶", "免費方案",
"請在 … 前", "計費").

This module owns the table, the fold, and the fold of a rule file's patterns (:func:`with_folded_patterns`, for the
notice rules and the evidence cues). The fold keeps every offset (one character for one character), so a
position found in the folded text is the same position in the original; a caller that shows text to people shows the
original. Text that holds kana is Japanese, whose kanji are often the Traditional forms ("請求", "設定", "終了"): it is
never folded. The table covers the characters of AWS's notices (accounts, billing, support, security, Health, dates),
not the whole script; a character it lacks stays as written.
"""

from __future__ import annotations

import re
from typing import Any

#: each pair is (Traditional, Simplified); a Traditional character whose Simplified reading depends on the word
#: (乾, 著, 髮) is left out
_PAIRS = (
    "並并 後后 個个 們们 來来 係系 併并 侶侣 價价 偵侦 備备 傳传 債债 僅仅 優优 儲储 億亿 內内 兩两 冊册 "
    "凍冻 刪删 創创 劃划 則则 剛刚 劑剂 動动 務务 勞劳 勢势 勵励 區区 協协 參参 啟启 啓启 問问 單单 嚴严 "
    "團团 圖图 國国 圍围 執执 報报 場场 墊垫 壓压 壞坏 夠够 奪夺 奮奋 審审 實实 寫写 寬宽 將将 專专 對对 "
    "導导 尋寻 屆届 屬属 層层 帳账 帶带 幣币 幫帮 幾几 庫库 廢废 廣广 張张 強强 彈弹 彙汇 徑径 從从 復复 "
    "徵征 徹彻 恆恒 悅悦 惡恶 態态 慮虑 憑凭 應应 懷怀 懸悬 戰战 戶户 拋抛 挾挟 捨舍 掃扫 換换 揮挥 損损 "
    "搖摇 撥拨 擁拥 擇择 擊击 擋挡 據据 擔担 擬拟 擴扩 攔拦 攝摄 敗败 敵敌 數数 斷断 於于 時时 暢畅 暫暂 "
    "曆历 書书 會会 條条 棄弃 構构 槍枪 樂乐 樓楼 標标 樣样 機机 檔档 檢检 櫃柜 權权 歐欧 歡欢 歲岁 歷历 "
    "歸归 殘残 氣气 決决 沒没 況况 測测 淨净 減减 湧涌 滅灭 滯滞 滿满 漢汉 潛潜 濟济 濫滥 濾滤 灣湾 為为 "
    "無无 燈灯 爭争 爲为 狀状 獎奖 獨独 獲获 環环 產产 畢毕 畫画 異异 當当 療疗 發发 盜盗 盡尽 監监 盤盘 "
    "確确 碼码 礎础 礙碍 祕秘 禍祸 禮礼 種种 稅税 稱称 積积 穩稳 窮穷 競竞 筆笔 範范 築筑 簡简 簽签 籤签 "
    "糾纠 紀纪 約约 紅红 納纳 紐纽 純纯 紙纸 級级 細细 終终 組组 結结 絕绝 絡络 給给 統统 絲丝 經经 綁绑 "
    "綜综 綠绿 維维 網网 緊紧 緒绪 線线 締缔 編编 緩缓 練练 縮缩 總总 績绩 繁繁 織织 繪绘 繫系 繳缴 續续 "
    "纜缆 罰罚 羅罗 習习 聯联 聲声 職职 聽听 脅胁 腦脑 臨临 與与 興兴 舉举 舊旧 華华 萬万 葉叶 蓋盖 藍蓝 "
    "處处 號号 衛卫 衝冲 補补 裝装 裡里 裏里 製制 複复 襲袭 見见 規规 視视 親亲 覺觉 覽览 觀观 觸触 訂订 "
    "計计 訊讯 訓训 託托 記记 訪访 設设 許许 訴诉 註注 詐诈 詢询 試试 詳详 詞词 話话 該该 認认 誤误 說说 "
    "誰谁 課课 調调 談谈 請请 諮咨 諾诺 謝谢 謹谨 講讲 證证 識识 譯译 議议 護护 讀读 變变 讓让 負负 財财 "
    "貢贡 貨货 販贩 責责 貸贷 費费 貼贴 貿贸 資资 賠赔 賣卖 質质 賬账 賴赖 購购 贈赠 贊赞 趕赶 趨趋 跡迹 "
    "踐践 蹤踪 車车 軌轨 軍军 軟软 較较 載载 輔辅 輕轻 輪轮 輸输 轉转 辦办 農农 這这 連连 週周 進进 遊游 "
    "運运 過过 達达 違违 遞递 遠远 適适 遲迟 遷迁 選选 遺遗 還还 邊边 郵邮 鄰邻 醫医 釋释 針针 鈕钮 銀银 "
    "銷销 鋪铺 錄录 錢钱 錯错 鍵键 鎖锁 鏈链 鏡镜 鐘钟 鐵铁 鑑鉴 鑰钥 長长 門门 閃闪 閉闭 開开 閒闲 間间 "
    "閘闸 閱阅 閾阈 關关 闆板 陣阵 陰阴 陳陈 陸陆 陽阳 隊队 階阶 際际 隨随 險险 隱隐 雖虽 雙双 雜杂 雞鸡 "
    "離离 難难 雲云 電电 靈灵 靜静 頁页 頂顶 項项 順顺 須须 預预 頒颁 領领 頻频 題题 額额 顏颜 願愿 類类 "
    "顧顾 顯显 風风 飛飞 飾饰 餘余 館馆 馬马 驅驱 驗验 騙骗 體体 鬥斗 點点 齊齐 龍龙 齡龄 戲戏 態态 歷历 "
    "彌弥 鬆松 倉仓 幹干 衆众 眾众 啞哑 嗎吗 麼么 塊块 壽寿 夾夹 奧奥 娛娱 孫孙 寧宁 屜屉 峽峡 島岛 廳厅 "
    "彥彦 懇恳 憶忆 懲惩 揚扬 撲扑 擠挤 攤摊 攜携 敘叙 斂敛 暈晕 曉晓 棧栈 樞枢 橋桥 殼壳 氫氢 灑洒 爐炉 "
    "牆墙 瑣琐 癒愈 盃杯 碩硕 礦矿 紋纹 絃弦 緝缉 縣县 繩绳 纖纤 罷罢 聖圣 膚肤 艦舰 蘇苏 蟲虫 蠻蛮 誇夸 "
    "誌志 謀谋 謂谓 謊谎 豐丰 貝贝 貫贯 賀贺 賦赋 賽赛 贖赎 躍跃 輩辈 輯辑 轄辖 辭辞 鋒锋 鍊炼 鎮镇 闊阔 "
    "隸隶 韌韧 韓韩 頓顿 頸颈 顆颗 颱台 飄飘 飲饮 養养 餅饼 駐驻 駭骇 騰腾 驟骤 鳥鸟 鹽盐 麥麦 黃黄 黨党 "
    "齒齿 龜龟 儘尽 劍剑 劉刘 勳勋 匯汇 嘆叹 囑嘱 壇坛 奬奖 孿孪 巖岩 廠厂 徠徕 慶庆 憂忧 懶懒 摺折 擺摆 "
    "擾扰 攪搅 斃毙 暱昵 桿杆 梘枧 槓杠 歎叹 毀毁 漲涨 煙烟 燒烧 爛烂 獄狱 瘋疯 盞盏 硃朱 穀谷 窩窝 簿簿 "
    "紮扎 綱纲 緬缅 縫缝 繞绕 繼继 罈坛 翹翘 聰聪 腳脚 臟脏 艱艰 薦荐 藥药 蘋苹 蝕蚀 衊蔑 覆覆 訝讶 診诊 "
    "詮诠 誠诚 諒谅 諸诸 謎谜 譜谱 讚赞 豬猪 賊贼 賭赌 趙赵 軸轴 輛辆 轟轰 遜逊 邏逻 鄉乡 釘钉 鉤钩 銘铭 "
    "銳锐 鋼钢 錨锚 鍋锅 鏟铲 鑄铸 閣阁 闖闯 闡阐 陝陕 隕陨 雛雏 雕雕 靂雳 韋韦 頗颇 頹颓 顫颤 飢饥 餵喂 "
    "駁驳 驕骄 骯肮 髒脏 鬧闹 魯鲁 鮮鲜 鳴鸣 鴻鸿 麗丽 齣出 嚇吓 嚮向 壟垄 妝妆 媽妈 嬰婴 寢寝 尷尴 屢屡 "
    "嶄崭 巒峦 帥帅 幟帜 彎弯 悵怅 愛爱 慚惭 懼惧 戀恋 抵抵 挪挪 捲卷 掛挂 採采 搶抢 摯挚 撐撑 撫抚 擲掷 "
    "攏拢 敍叙 晝昼 朧胧 楊杨 檯台 櫻樱 欄栏 殺杀 氾泛 淚泪 準准 溝沟 漁渔 潔洁 澀涩 濃浓 瀏浏 災灾 煉炼 "
    "爺爷 牽牵 猶犹 獅狮 琺珐 療疗 瘡疮 癡痴 發发 皺皱 睏困 矇蒙 硯砚 碟碟 磚砖 祿禄 禪禅 稈秆 稟禀 穌稣 "
    "竊窃 筍笋 箋笺 簾帘 籃篮 粵粤 糧粮 緯纬 縱纵 繃绷 繹绎 纏缠 罵骂 翺翱 聳耸 肅肃 脈脉 脫脱 腫肿 膠胶 "
    "膩腻 臉脸 臺台 艷艳 莊庄 蒞莅 蓮莲 蔣蒋 薩萨 藝艺 蘆芦 虛虚 虜虏 蛻蜕 蠟蜡 衹只 袞衮 裊袅 褲裤 襪袜 "
    "覓觅 訛讹 訟讼 訣诀 評评 詠咏 詭诡 詹詹 誕诞 誘诱 諧谐 謙谦 謠谣 譏讥 譴谴 讒谗 貓猫 貞贞 貪贪 貳贰 "
    "賄贿 賓宾 賜赐 賤贱 賺赚 贅赘 贓赃 趲趱 跌跌 蹺跷 軀躯 軒轩 輓挽 輿舆 轎轿 辮辫 迴回 逕径 遙遥 遞递 "
    "鄭郑 醞酝 釀酿 釣钓 鈍钝 鈔钞 鈴铃 鉛铅 銅铜 銜衔 鋁铝 錦锦 鍛锻 鎊镑 鏽锈 鐺铛 鑽钻 閥阀 闈闱 陘陉 "
    "隴陇 雋隽 霧雾 霸霸 靄霭 韻韵 響响 頌颂 頰颊 頻频 顛颠 飼饲 餃饺 餓饿 饑饥 駕驾 駛驶 騎骑 騷骚 驚惊 "
    "驢驴 髏髅 鬍胡 鬱郁 魚鱼 鯨鲸 鴨鸭 鵝鹅 鶴鹤 鷹鹰 麵面 黴霉 齋斋 凈净 囪囱 坵丘 壺壶 姍姗 屍尸 岡冈 "
    "崗岗 嶇岖 幀帧 廂厢 廚厨 廝厮 徬彷 恥耻 愜惬 慘惨 慣惯 慾欲 憐怜 擬拟 昇升 暉晖 曠旷 朮术 柵栅 桌桌 "
    "棟栋 椏桠 楓枫 榮荣 槳桨 樁桩 橫横 檯台 欽钦 滙汇 滬沪 漿浆 潰溃 澤泽 濤涛 瀰弥 炤照 烴烃 無无 焰焰 "
    "燦灿 燭烛 牘牍 犧牺 狹狭 琿珲 瑤瑶 甕瓮 痠酸 瘓痪 盧卢 睜睁 瞭了 矯矫 碁棋 礪砺 祿禄 稜棱 窯窑 竄窜 "
    "筧笕 篩筛 簞箪 粧妆 紓纾 絀绌 綻绽 緻致 縴纤 繽缤 罌罂 羋芈 翬翚 耬耧 脛胫 臘腊 舖铺 舉举 艙舱 芻刍 "
    "萊莱 蒐搜 蕭萧 藹蔼 蘊蕴 虧亏 蛺蛱 螢萤 蠅蝇 衚胡 裝装 褸褛 覲觐 觴觞 託托 訖讫 詛诅 誨诲 諦谛 諱讳 "
    "諷讽 謄誊 譖谮 讎雠 豎竖 賬账 跡迹 踴踊 蹣蹒 躊踌 軛轭 軾轼 輥辊 轆辘 辯辩 邁迈 郟郏 醃腌 釐厘 鈞钧 "
    "鉅钜 鉗钳 銓铨 鋸锯 錘锤 鍍镀 鎔熔 鏢镖 鐲镯 鑒鉴 閩闽 闌阑 陞升 雙双 霽霁 靦腼 鞦秋 韁缰 頃顷 頷颔 "
    "顎颚 颳刮 飆飙 餒馁 餛馄 饅馒 馮冯 駝驼 駿骏 驛驿 驪骊 髖髋 鬢鬓 鯉鲤 鴉鸦 鵲鹊 鷗鸥 鹼碱 麩麸 黲黪 "
    "週周 佈布 佔占 儀仪 冪幂 剝剥 勁劲 匱匮 厲厉 厭厌 吳吴 啣衔 喪丧 嘗尝 嘩哗 噴喷 嚐尝 團团 埡垭 墜坠 "
    "墳坟 壇坛 壯壮 奐奂 姪侄 嫻娴 孃娘 寶宝 尋寻 嶼屿 廬庐 弒弑 彫雕 徑径 悶闷 惱恼 愴怆 慍愠 憫悯 懺忏 "
    "掄抡 揀拣 搗捣 摑掴 撈捞 撻挞 擄掳 擻擞 攬揽 敎教 斬斩 昶昶 晉晋 曇昙 朶朵 桮杯 棲栖 楨桢 榖谷 槨椁 "
    "樸朴 檻槛 櫛栉 欖榄 氈毡 汙污 洶汹 渙涣 溫温 滷卤 潑泼 澗涧 瀋沈 瀨濑 灘滩 烏乌 煒炜 熾炽 燄焰 燼烬 "
    "爾尔 犢犊 猙狰 獷犷 璉琏 瓏珑 畝亩 疊叠 痺痹 瘍疡 癢痒 皚皑 盪荡 睞睐 瞞瞒 砲炮 碭砀 磯矶 禦御 稭秸 "
    "穢秽 窪洼 竇窦 筴策 篋箧 簣篑 糰团 紉纫 紡纺 絨绒 綢绸 綺绮 緞缎 縛缚 繆缪 繚缭 纓缨 罩罩 羨羡 翹翘 "
    "聵聩 脣唇 膽胆 臍脐 舺舺 芻刍 荊荆 葷荤 蔔卜 薑姜 蘚藓 虯虬 蝸蜗 蟻蚁 衆众 袪祛 褻亵 襯衬 覈核 訃讣 "
    "訐讦 訥讷 詰诘 誅诛 諂谄 諛谀 謁谒 譁哗 譫谵 讖谶 豈岂 貶贬 賁贲 賑赈 賸剩 贍赡 跼局 踫碰 蹌跄 躪躏 "
    "輒辄 輟辍 輻辐 轔辚 辦办 遯遁 邇迩 醜丑 釦扣 鈉钠 鉀钾 銬铐 鋅锌 錳锰 鎢钨 鏗铿 鐐镣 鑲镶 閨闺 闔阖 "
    "陣阵 雛雏 霑沾 靨靥 鞏巩 頒颁 頡颉 顱颅 颯飒 餡馅 餽馈 馱驮 駟驷 騖骛 驍骁 骾鲠 鬚须 鯊鲨 鳳凤 鴿鸽 "
    "鵬鹏 鷺鹭 麼么 黷黩 鼴鼹 齜龇 龐庞"
)
#: ord(Traditional) -> ord(Simplified), for :meth:`str.translate`
TRADITIONAL_TO_SIMPLIFIED: dict[int, int] = {
    ord(pair[0]): ord(pair[1]) for pair in _PAIRS.split() if len(pair) == 2 and pair[0] != pair[1]}
# a Han character (CJK Unified Ideographs and Extension A), and kana (hiragana, katakana, their extensions, the
# half-width forms): Japanese text
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_KANA = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]")


def fold_traditional(text: str) -> str:
    """``text`` with its Traditional Chinese characters in their Simplified forms (one for one: every offset holds),
    unless it holds no Han character or holds kana (Japanese). A rule's pattern is folded the same way
    (:mod:`routing.notices`): its fold reads the folded mail."""
    if text.isascii() or _HAN.search(text) is None or _KANA.search(text) is not None:
        return text
    return text.translate(TRADITIONAL_TO_SIMPLIFIED)


def with_folded_patterns(value: Any) -> Any:
    """A rule file's pattern value (a string or a list of them) with the fold of each pattern written in Traditional
    characters added, so that it reads the mail's folded text too (the notice rules and the evidence cues read the
    mail as :class:`routing.notices.MailView` folds it); ``value`` itself when no pattern folds (a pattern with kana
    is Japanese, as is the text it reads: neither is folded)."""
    items = value if isinstance(value, list) else [value]
    folded = [fold for item in items if isinstance(item, str) and (fold := fold_traditional(item)) != item]
    return [*items, *folded] if folded else value

