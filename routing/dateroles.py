"""Date roles: what each date of a mail is to its reader, and which roles a notice type expects its deadline in.

Owns the role of one date, read from its local evidence in lower-cased text (the lead words and labels right
before it, or right after it in Japanese, Chinese and Korean, in the 9 languages en/de/es/fr/it/pt/ja/ko/zh; the
clause it stands in; its place in a range "D1 - D2"): a fact (:data:`CREATED`, :data:`PUBLISHED`), the cause the
mail cites (:data:`CAUSE`), what happens only under a condition (:data:`CONDITIONAL`), the end of an extended
support (:data:`EXTENDED_END`), a window's end (:data:`WINDOW_END`), a date the reader is asked to act by
(:data:`ACT_BY`), when what the mail announces starts (:data:`START`) or is complete (:data:`COMPLETION`), when an
offer ends (:data:`OFFER_END`), or none of these (:data:`OTHER`). And the expectation of each notice type: which
roles are no deadline for it beside another date (a maintenance wants its window's start, not its end; a certificate
rotation not when AWS completes it), which it expects first (a rotation's or a maintenance's start) and which are none
even alone (a usage alert's offer end, unless the mail asks an act). ``routing/deadline.py`` scores every date and
asks here only to choose among the dates that qualify: roles first, scores as tie-breakers.
"""

from __future__ import annotations

import re

CREATED = "created"  # when something was made, detected or bought: a fact
PUBLISHED = "published"  # when the notice or the change was published, sent or announced: a fact
CAUSE = "cause"  # the date of what the mail cites as its cause ("As the community stops … on D1, …")
CONDITIONAL = "conditional"  # what happens only if the reader does (not) do something ("…場合、… D に")
EXTENDED_END = "extended-end"  # how long extended support lasts (the paid extension, not the deadline)
WINDOW_END = "window-end"  # the second date of a range or what closes a window ("closes on", "endet am")
ACT_BY = "act-by"  # a date the reader is asked to act by ("please … before D", "D までに…してください")
START = "start"  # when what the mail announces starts ("the rotation starts on D", "D から開始"): :func:`starts_at`
COMPLETION = "completion"  # when what AWS does is complete ("is completed for all instances by D", "D までに完了")
OFFER_END = "offer-end"  # when an offer, a free tier, a plan, a trial or credits end ("the Free Tier offer expires D")
OTHER = "other"

#: the roles that are never the deadline when the mail names a date of another role
NOT_DEADLINE = frozenset({CREATED, PUBLISHED, CAUSE, CONDITIONAL, EXTENDED_END})
#: the types that report usage against a limit or a budget: the end of the offer their usage counts against is no
#: deadline of theirs when it is their only date, unless the mail asks the reader to act (by then)
#: (:data:`_TYPE_ALONE_NOT_DEADLINE`); beside another date it stays one (a free plan that ends on D1, the account
#: closed on D2: D1)
_USAGE_TYPES = ("cost.free_tier_alert", "cost.budget_alert")
#: per notice type, the roles that are no deadline beside a date of another role (a maintenance wants its start, a
#: certificate rotation the rotation's start or the date to act by, not when AWS completes it)
_TYPE_NOT_DEADLINE = {"health.scheduled_maintenance": frozenset({WINDOW_END}),
                      "health.certificate_rotation": frozenset({COMPLETION})}
#: per notice type, the roles that are its deadline first (after an act-by date): a rotation's start, not a
#: later expiry or completion, unless a better-scored date comes before it; a maintenance's start (its window's), not
#: the date from which the reader may apply the update first ("the maintenance window that starts on D1 … a
#: self-applied update can be scheduled from D0")
_TYPE_EXPECTED = {"health.certificate_rotation": frozenset({START}), "health.scheduled_maintenance": frozenset({START})}
#: per notice type, the roles that are no deadline even when no date of another role is named, when the mail reports
#: usage (:func:`reports_usage`) and asks the reader nothing (:func:`asks_by_then`): a usage alert that mentions
#: when its free-tier offer ends names no deadline (the notice that the offer ends does)
_TYPE_ALONE_NOT_DEADLINE = {usage: frozenset({OFFER_END}) for usage in _USAGE_TYPES}
# a share of a limit or a budget ("85 %", "120%", "% 85")
_SHARE = re.compile(r"\d\s*[%％]|[%％]\s*\d")
# an act asked before "that date", named by reference ("Upgrade before this date", "Passez à une offre payante avant
# cette date", "antes de esa fecha", "vor diesem Datum", "prima di tale data", "この日までに", "在该日期之前",
# "이 날짜 이전에")
#: an act asked before "that date", the date named before ("before that time", "avant cette date", "antes de esa
#: fecha", "vor diesem Datum", "该日期之前"): a branch of BY_THEN
BEFORE_THAT_DATE = re.compile(r"\bbefore (?:then|that date|this date|that day|this day|that time|this time|it ends|"
                              r"the end)\b|"
                              # (or no later than it: "move your brokers to 5.19 no later than that day")
                              r"\bno later than (?:then|that date|this date|that day|this day|that time)\b|"
                              # (also "ahead of that date", "prior to that date", "in advance of that date")
                              r"\b(?:ahead of|prior to|in advance of) "
                              r"(?:then|that date|this date|that day|that time)\b|"
                              r"\bvor (?:diesem|dem) (?:datum|tag)\b|\bavant (?:cette date|ce jour|la fin)\b|"
                              r"\bantes de (?:esa|esta|dicha) fecha\b|\bantes (?:dessa|desta|da) data\b|"
                              r"\bprima di (?:tale|questa|quella) data\b|(?:この|その)日(?:付)?までに|"
                              # (or "that deadline": "passez au plan payant avant cette échéance", "before that
                              # deadline", "antes de ese plazo", "antes desse prazo", "prima di tale scadenza",
                              # "vor dieser Frist")
                              # (also named anew: "before this extended deadline", "avant cette nouvelle échéance",
                              # "antes de este nuevo plazo", "prima di questa nuova scadenza", "vor dieser neuen Frist")
                              r"\bbefore (?:that|this) (?:(?:new|extended|revised|updated|final|last|later) )?"
                              r"deadline\b|\bavant cette (?:nouvelle |derni[èe]re )?échéance\b|"
                              r"\bantes de (?:ese|este|dicho) (?:nuevo |[uú]ltimo )?(?:plazo|vencimiento)\b|"
                              r"\bantes (?:desse|deste) (?:novo |[uú]ltimo )?prazo\b|"
                              r"\bprima di (?:tale|questa|quella) (?:nuova |ultima )?scadenza\b|"
                              r"\bvor (?:dieser|der) (?:neuen |verlängerten |letzten )?frist\b|"
                              r"(?:该|此|这个)日期(?:之)?前|(?:这|這)一?天(?:之)?前|이 날짜 (?:이전에|전에|까지)|"
                              # (the date named above: "by the date above", "上記の(強制アップグレード)日までに",
                              # "上述日期之前", "위 날짜까지")
                              r"\b(?:by|before) the (?:date above|above date)\b|"
                              r"上記の[^\n。]{0,12}?日(?:付|時)?までに|上述(?:日期|时间)(?:之)?前|"
                              r"위 날짜(?:까지| 이전에| 전에)")
# an act asked by "then", the date named before ("please have your client updated by that date", "We recommend that
# you register a key before then", "bis dahin", "d'ici là", "para esa fecha", "até lá", "entro tale data", "それまでに",
# "在此之前", "그때까지"): with :data:`BEFORE_THAT_DATE`, what :func:`acts_by_then` reads
# the due date named as such ("pay before the due date", "請於繳款期限前", "お支払期日までに"): a branch of BY_THEN, and
# what routing.deadline reads, with more wordings, as a bill's ask to pay by its due-date field
DUE_DATE_ASK = (r"\b(?:by|before|on or before) the (?:due date|payment due date|payment deadline)\b|"
                r"\b(?:vor dem|bis zum) fälligkeitsdatum\b|\bavant la date d.échéance\b|"
                r"\bantes de la fecha de vencimiento\b|\baté a data de vencimento\b|\bentro la data di scadenza\b|"
                r"(?:期日|期限)までに|(?:繳款|付款|缴款)(?:期限|截止日期?)(?:之)?前|납부 기한(?:까지|\s?내에)")
# the date a change takes effect named as such ("cancel before the effective date", "適用開始日の前日までに解約
# してください")
EFFECTIVE_DATE_ASK = (r"\b(?:by|before|prior to) the (?:effective|start|change) date\b|"
                      r"\bantes de la fecha de (?:entrada en vigor|inicio|aplicaci[oó]n)\b|"
                      r"\bantes da data de (?:entrada em vigor|in[ií]cio|aplica[cç][aã]o)\b|"
                      r"\bavant la date d.(?:entrée en vigueur|application|effet)\b|"
                      r"\bprima della data di (?:entrata in vigore|decorrenza|inizio|applicazione)\b|"
                      r"\bvor dem (?:inkrafttreten|wirksamkeitsdatum|stichtag|startdatum)\b|"
                      r"(?:適用開始日|適用日|発効日|変更日|開始日)(?:の前日)?までに|(?:生效日期?|开始日期|变更日期)(?:前一天)?(?:之)?前|"
                      r"(?:적용일|시행일|시작일|변경일)(?: 전날| 전일)?까지")
_BY_THAT_DATE = (r"\bby (?:then|that date|this date|that day|that time)\b|"
                 r"\bbis (?:dahin|zu diesem (?:datum|tag))\b|\bd.ici (?:là|la|cette date)\b|"
                 r"\b(?:para|hasta) (?:esa|esta|dicha) fecha\b|\baté (?:lá|essa data|esta data)\b|"
                 r"\bentro (?:tale|quella|questa) data\b|それまでに|在此之前|届时|그때까지|그 전에|"
                 # (before "this time", the time named before: "이 시각 전에", "この時刻までに", "此时间之前")
                 r"(?:이|해당) (?:시각|시간) (?:이전|전)에|この時刻(?:まで|より前)に|(?:此|该)时间(?:之)?前")
#: the date named before, by reference ("by then", "before that time", "bis dahin", "それまでに"): the by-forms of
#: :data:`BY_THEN` without the due, effective or scheduled date it also reads, and the English before-forms
THEN_ANAPHOR = re.compile(_BY_THAT_DATE + r"|\bbefore (?:then|that date|this date|that day|this day|that time|"
                          r"this time)\b|"
                          # (or "no later than that day": "Please move these brokers to 5.19 or later no later than
                          # that day")
                          r"\bno later than (?:then|that date|this date|that day|this day|that time)\b|"
                          r"\b(?:ahead of|prior to|in advance of) (?:then|that date|this date|that day|that time)\b|"
                          # (and the localized "before that date": "vor diesem Datum", "avant cette date", "antes de
                          # esa fecha", "antes dessa data", "prima di tale data", "その日までに", "在此日期之前",
                          # "이 날짜 전에")
                          r"\bvor diesem (?:datum|tag)\b|\bavant (?:cette date|ce jour)\b|"
                          r"\bantes de (?:esa|esta|dicha) fecha\b|\bantes (?:dessa|desta) data\b|"
                          r"\bprima di (?:tale|questa|quella) data\b|(?:この|その)日(?:付)?までに|"
                          r"(?:该|此|这个|這個)日期(?:之)?前|(?:这|這)一?天(?:之)?前|이 날짜 (?:이전에|전에|까지)")
BY_THEN = re.compile(_BY_THAT_DATE + "|" + DUE_DATE_ASK + "|" + EFFECTIVE_DATE_ASK + "|"
                     # (or the date of a field the mail names: "reply … before the scheduled deletion time")
                     r"\b(?:by|before) the scheduled [\w-]{1,20}(?: [\w-]{1,20})? (?:time|date)\b|"
                     + BEFORE_THAT_DATE.pattern)
#: the literals one of which each BY_THEN match holds, each at most 40 characters into it (as specific as the branch
#: allows: "then" alone is in "authentication", "data" in every mail about a database: each costs a windowed search)
BY_THEN_CUES = ("by then", "by that", "by this", "bis dahin", "bis zu diesem", "ici là", "ici la", "ici cette",
                "sa fecha", "ta fecha", "ha fecha", "até lá", "até essa", "até esta", "entro tale", "entro quella",
                "entro questa", "それまでに", "在此之前", "届时", "그때까지", "그 전에", "due date",
                "payment deadline", "the scheduled", "fälligkeitsdatum", "échéance", "vencimiento", "vencimento",
                "scadenza", "期日まで", "期限まで", "款期限", "款截止", "납부 기한", "before then", "before that",
                "before this", "before it ends", "before the end", "no later than th", "of that da", "of this da",
                "of then", "of that ti",
                "to that da", "to this da", "to then", "to that ti", "vor diesem", "vor dem datum", "vor dem tag",
                "avant cette", "avant ce jour", "avant la fin", "dessa data", "desta data", "s da data", "di tale",
                "di questa", "di quella", "の日まで", "の日付まで", "该日期", "此日期", "个日期", "这一天",
                "这天", "這一天", "這天", "이 날짜",
                "effective date", "start date", "change date", "la fecha de", "da data de", "la date d",
                "della data di",
                "vor dem inkraft", "vor dem wirksam", "vor dem stichtag", "vor dem startdatum", "日までに", "日の前日",
                "生效日", "开始日期", "变更日期", "적용일", "시행일", "시작일", "변경일", "date above", "above date",
                "上述日期", "上述时间", "위 날짜", "이 시각", "이 시간", "해당 시각", "해당 시간", "この時刻", "此时间",
                "该时间")

#: the cues of :data:`BY_THEN_CUES` written in plain ASCII, in their order (those :func:`by_then_in` seeks in an ASCII
#: text)
_ASCII_BY_THEN_CUES = tuple(cue for cue in BY_THEN_CUES if cue.isascii())

# a purpose that opens a sentence before its imperative ("To keep using …, move …", "Pour continuer à …, migrez …",
# "Para seguir usando …, migre …"): en, fr, es, pt, it
_PURPOSE = re.compile(r"\bto (?:keep|continue|avoid|prevent|ensure|maintain|stay)\b|"
                      r"\bpour (?:continuer|éviter|garder|conserver)\b|"
                      r"\bpara (?:seguir|continuar|evitar|mantener|manter)\b|\bper (?:continuare|evitare)\b|"
                      # (any purpose that opens the sentence, its verb in the infinitive: "Pour choisir vous-même le
                      # moment de la mise à niveau, mettez à jour …", "Para elegir …", "Per scegliere …")
                      r"(?:(?<![\s\S])|(?<=\n)|(?<=[.!?] ))(?:pour|para|per) "
                      r"[a-zéèíóú]{1,16}(?:er|ir|re|ar|are|ere|ire)\b")
_PURPOSE_CUES = ("to keep", "to continue", "to avoid", "to prevent", "to ensure", "to maintain", "to stay", "pour ",
                 "para ", "per ")

_CLAUSE_BREAK = re.compile(r"[,;，、；]|\s[-–]\s")
# a fact's label or participle right before its date ("published on", "Aviso emitido el", "購入日:", "发布于")
_FACT_LEAD = re.compile(
    r"(?:\b(?:published|issued|sent|announced|posted|notified)(?: on| at)?|\bnotice date|\bdate of (?:this )?notice|"
    r"\bveröffentlicht am|\bversandt am|\bversendet am|\bausgestellt am|"
    r"\bpublicad[oa]s? (?:el|em)|\bemitid[oa]s? (?:el|em)|\benviad[oa]s? (?:el|em)|\banunciad[oa]s? (?:el|em)|"
    r"\bpubli[ée]e?s? le|\bémise? le|\benvoy[ée]e?s? le|\bannoncée? le|"
    r"\bpubblicat[oaie] il|\binviat[oaie] il|\bemess[oaie] il|\bannunciat[oaie] il|"
    r"発行日|発送日|送信日|通知日|公開日|発表日|发布于|发布日期|发送日期|通知日期|公布于|"
    r"발송일|게시일|통지일|공지일|발행일)\s*[:：]?\s*\Z")
_FACT_CUES = ("publi", "issued", "sent", "announc", "posted", "notif", "notice", "öffentlicht", "versandt", "versendet",
              "ausgestellt", "emitid", "enviad", "anunciad", "émis", "envoy", "annonc", "inviat", "emess",
              "発", "送信", "通知", "公開", "发", "公布", "발송", "게시", "통지", "공지", "발행")
_FACT_CUE = re.compile("|".join(map(re.escape, _FACT_CUES)))
# the same written after the date in Japanese, Chinese and Korean ("2026年12月1日 に公開",
# "2026년 12월 1일에 게시되었습니다")
_FACT_AFTER = re.compile(r"\s*(?:に(?:公開|発行|送信|発表)|에\s*(?:게시|발송|공지|발행)|(?:发布|发送)(?![^。]{0,6}将))")
# a creation, detection or purchase right before its date ("created on", "detected on", "acquistate il", "購入日:")
_CREATED_LEAD = re.compile(
    r"(?:\b(?:created|detected|purchased|bought|registered|opened|made)(?: on| at)?|\bpurchase date|"
    r"\berstellt am|\berkannt am|\bfestgestellt am|\bgekauft am|\berworben am|"
    r"\bcread[oa]s? el|\bdetectad[oa]s? el|\bcomprad[oa]s? el|\bdetectad[oa]s? em|\bcriad[oa]s? em|"
    r"\bcomprad[oa]s? em|\bcréée?s? le|\bdétectée?s? le|\bachetée?s? le|"
    r"\bcreat[oaie] il|\brilevat[oaie] il|\bacquistat[oaie] il|"
    r"作成日時?|作成された日|購入日|検出日|创建于|创建日期|购买日期|购买于|检测到于|생성일(?:시|자)?|구매일|감지일)\s*[:：]?\s*\Z")
_CREATED_CUES = ("creat", "detect", "purchas", "bought", "regist", "opened", "made", "erstellt", "erkannt",
                 "festgestellt", "gekauft", "erworben", "cread", "detectad", "comprad", "criad", "créé", "détect",
                 "achet", "rilevat", "acquistat", "作成", "購入", "検出", "创建", "购买", "检测", "생성", "구매",
                 "감지")
_CREATED_CUE = re.compile("|".join(map(re.escape, _CREATED_CUES)))
# the same after the date ("2026年11月28日 に作成された", "2026년 1월 9일에 생성된")
_CREATED_AFTER = re.compile(r"\s*(?:に(?:作成|購入|検出|登録)|에\s*(?:생성|구매|감지|등록)|"
                            r"(?:创建|购买|检测到|注册)(?:的|了))")
# a sentence that opens with a cause ("As the community stops maintaining Node.js 18 on D1, …", "Da die
# Python-Community die Pflege … am D1 einstellt, …"): the date in that first clause is the cause's
_CAUSE_OPENER = re.compile(r"[ \t]*(?:as(?! of\b| from\b| part\b| a\b| an\b| announced\b)|since|because|"
                           r"now that|given that|da|weil|nachdem|comme|puisque|étant donné que|como|ya que|dado que|"
                           r"puesto que|poiché|siccome|visto che|dato che|uma vez que|já que|visto que)\b|"
                           r"[ \t]*(?:由于|因为|随着)")
# a condition before the date's clause ("If you turn off automatic renewal, the registration instead expires on D",
# "期限までに回答がない場合、ケースは D に…"): the date is what happens only then
_CONDITION_CUES = ("if", "unless", "wenn", "falls", "sofern", "caso", "si ", "se ", "場合", "如果", "若", "경우",
                   "않으면", "없으면")
_CONDITION = re.compile(r"\b(?:if|unless|wenn|falls|sofern|caso)\b|"
                        r"\bsi (?:vous|no|usted|ne|el|la|los|las|su|sus|prefiere|prefieres|quieres|deseas)\b|"
                        r"\bse (?:você|voce|não|nao|non|o|a|il|la|lo|i|le|disattiv\w*|desativ\w*|ti|vi|hai|avete|"
                        r"preferir|preferisce|preferisci|vuoi|desideri|quiser)\b|"
                        r"場合|如果|若|경우|않으면|없으면")
# what may stand between a date and the particle after it in ja/zh/ko: a weekday, in parentheses or not, then a
# time with its half of the day and its zone ("2027年3月15日（月）10:00 UTC まで", "2027년 3월 15일 월요일 오전 10:00
# (UTC)까지", "2027年3月15日 周一 上午10:00 (UTC)前", "2027年3月15日 (月曜日) 午前10時 (UTC) まで"). Each run of white
# space is possessive (\s*+), so that a long run after a date costs one scan, not one per way to split it.
CJK_DATE_TAIL = (r"(?:\s*+[(（][^()（）\n]{1,6}[)）]|"
                 r"\s*+(?:[月火水木金土日]曜日?|[월화수목금토일]요일|星期[一二三四五六日天]|[周週][一二三四五六日]))?"
                 # (the zone may come before the time: "（星期六）北京时间 23:59 前")
                 r"(?:\s*+(?:(?:北京时间|北京時間|台北时间|台北時間|日本時間|한국 ?시간|utc|gmt|jst|kst)\s*+)?"
                 # (or midnight or noon in words: "5월 18일 자정(UTC)까지", "3月31日午夜前")
                 # (or an ISO time after the ISO date: "2027-02-19T03:30:00Z 이후에")
                 r"(?:t\d\d:\d\d(?::\d\d)?(?:\.\d+)?z?|"
                 r"(?:(?:午前|午後|上午|下午|오전|오후)\s*+)?\d{1,2}(?::\d\d(?::\d\d)?|時|时|点|시)|자정|정오|午夜|零时|零時|正午|中午)"
                 r"(?:\s*+\d{1,2}(?:分|분))?"
                 # (a window's end time after its start: "2027년 3월 6일 (토) 02:00~04:00 UTC에", "02:00～04:00 UTC に")
                 r"(?:\s*+[~〜～\-–]\s*+\d{1,2}(?::\d\d(?::\d\d)?|時|时|点|시))?"
                 r"(?:\s*+[(（]?(?:utc|gmt|jst|kst|cst|日本時間|日本标准时间|北京时间|北京時間|台北时间|日本標準時|"
                 r"한국 ?시간|한국 ?표준시)"
                 r"(?:\s*+[+-]\d{1,2}(?::?\d\d)?)?[)）]?)?)?")
# a weekday between a lead and its date ("by Monday, February 8, 2027", "bis spätestens Mittwoch, 27. Januar")
_WEEKDAY = (r"(?:\s+(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?|montag|dienstag|mittwoch|"
            r"donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|"
            r"mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo|luned[iì]|marted[iì]|mercoled[iì]|gioved[iì]|venerd[iì]|"
            r"sabato|domenica|(?:segunda|ter[çc]a|quarta|quinta|sexta)(?:-feira)?)\.?,?)?")
# a lead that asks for something by the date (right before it; in ja/zh/ko right after it, a weekday in
# parentheses between: "2027년 1월 18일 (월요일) 까지")
_BY_LEAD = re.compile(r"(?:\bby(?:[ \t]*:)?|\bbefore|\bno later than|\bprior to|\bon or before|\bnot later than|"
                      r"\bahead of|"
                      r"\bbis(?: zum| zur)?|\bvor dem|\bspätestens(?: am| bis)?|\bavant le|\bau plus tard le|"
                      r"\bd.ici le|\bantes del?|\ba más tardar el|\ba mais tardar em|\bentro (?:il|l['’])|\bprima del|"
                      r"\bavant(?= minuit)|\bentro(?= la mezzanotte)|"
                      # (the day named: "até ao dia D", "até o dia D", "hasta el día D", "entro il giorno D")
                      r"\bnon oltre (?:il|la giornata di)|\baté(?: (?:ao |o )?dia)?|\bhasta el(?: d[ií]a)?|"
                      r"\bentro il giorno)"
                      r"(?:\s+\d{1,2}:\d\d(?::\d\d)?(?:\s*[ap]\.?m\.?)?(?:\s*[a-z]{3,4})?(?:\s+on)?)?"
                      # (the end of the day: "by end of day Thursday, D", "by the close of business on D")
                      r"(?:\s+(?:the\s+)?(?:end\s+of\s+(?:the\s+)?(?:business\s+)?day|close\s+of\s+business|eod|cob)"
                      r"(?:\s+on)?)?"
                      # (midnight of the date: "by midnight (UTC) on D", "bis Mitternacht am D", "avant minuit le D")
                      r"(?:\s+(?:midnight|mitternacht|minuit|la medianoche|[aà] meia-noite|meia-noite|la mezzanotte)"
                      r"(?:\s*\([^)\n]{1,10}\)|\s+[a-z]{3,4})?(?:\s+(?:on|of|am|des|le|del?))?)?" + _WEEKDAY
                      + r"\s*\Z")
_BY_AFTER = re.compile(CJK_DATE_TAIL + r"\s*+"
                       r"(?:までに|まで|以前に|より前に|前に|之前|以前|前|까지|이전에|이전)"
                       # (not how long it can be deferred: "2027-01-26 まで延期可能")
                       r"(?!\s*(?:延期|変更|연기|변경|推迟|延后|可(?:以)?(?:推迟|延期)))")
# what asks the reader to act, in the date's sentence (searched only where one of _ASK_CUES stands in it)
_ASK = re.compile(r"\bplease\b|\bmust\b|\bneed to\b|"
                  r"\b(?:every|each|all) customers? (?:needs?|has|have) to\b|"
                  # (the reader, or what the reader runs, has to: "so your workers have to move … ahead of that date")
                  r"\byou (?:will )?have to\b|\byour (?:[\w-]+ ){1,3}?(?:have|has) to\b|"
                  r"\bis required\b|\bare required\b|\bmake sure\b|\bensure\b|"
                  r"\bunpaid\b|\bnot paid\b|\bbitte\b|\bmüssen\b|\bveuillez\b|\bvous devez\b|\bpor favor\b|"
                  r"\bdebe(?:rá|n)?\b|\bdeve(?:rá|m)?\b|\bsi prega\b|\bè necessario\b|\bé necessário\b|"
                  # a recommendation addressed to the reader ("We recommend that you move … before D")
                  r"\bwe recommend\b|\brecommend(?:s|ed)? that you\b|\bwir empfehlen\b|\bnous vous recommandons\b|"
                  r"\brecomendamos\b|\braccomandiamo\b|推奨します|建议您|권장합니다|"
                  # a polite request ("Le agradeceríamos que nos los envíe hasta el D", "we would appreciate it if you")
                  r"\bagradecer[ií]amos\b|\ble rogamos\b|\bsolicitamos que\b|\bpedimos que\b|\bla preghiamo\b|"
                  r"\bsaremmo grati\b|\bvous serions reconnaissants\b|\bwir bitten sie\b|\bwe would appreciate\b|"
                  r"\bkindly\b|"
                  # we ask you to ("nous vous demandons de", "le pedimos que", "ti chiediamo di", "pedimos-lhe que",
                  # "we ask that you")
                  r"\bnous vous demandons de\b|\b(?:le|les|te) pedimos que\b|\b(?:ti|le|vi) chiediamo di\b|"
                  r"\bpedimos-lhe que\b|\bwe ask (?:that )?you\b|"
                  # (or a seller's, a service's ask of the group the reader belongs to: "the seller asks its subscribers
                  # to move … before D", "pide a sus suscriptores que trasladen …", "pede aos seus assinantes que",
                  # "demande à ses abonnés de", "chiede ai suoi abbonati di", "bittet alle Abonnenten")
                  r"\basks? (?:all |its |their )?(?:subscribers|customers|users|buyers) to\b|"
                  r"\bpide a (?:todos )?(?:sus |los )?(?:suscriptores|clientes|usuarios|compradores) que\b|"
                  r"\bpede a(?:os)? (?:todos os )?(?:seus )?(?:assinantes|clientes|usu[aá]rios|compradores) que\b|"
                  r"\bdemande [àa] (?:ses|tous ses|les) (?:abonn[ée]s|clients|utilisateurs|acheteurs) de\b|"
                  r"\bchiede (?:a tutti )?ai (?:suoi )?(?:abbonati|clienti|utenti|acquirenti) di\b|"
                  r"\bbittet (?:alle |seine |ihre |die )?(?:abonnenten|kunden|nutzer|käufer)\b|"
                  # (an ask as a heading before its imperative: "What we ask of you: move … no later than D")
                  r"\bwhat we ask (?:of )?you\b|\bwhat we need (?:from )?you\b|\bwhat you should do\b|"
                  # we advise you to ("nous vous conseillons de", "le aconsejamos", "aconselhamos", "vi consigliamo")
                  r"\bnous vous conseillons\b|\ble aconsejamos\b|\baconselhamos\b|\b(?:vi|ti|le) consigliamo\b|"
                  r"\bwir raten ihnen\b|\bwe (?:strongly )?advise (?:that )?you\b|"
                  # what AWS needs from the reader, said as its condition ("If we have them by March 12th, …", "if we
                  # receive the logs by D")
                  r"\bif we (?:have|receive|get) (?:them|it|this|these|those|the [a-z]+(?: [a-z]+)?)\b|"
                  # (or what AWS lacks from the reader: "If we have no reply by D, we will remove …", "if we receive no
                  # response by D")
                  r"\bif we (?:have|receive|get|hear) no (?:reply|response|answer|update|word)\b|"
                  # (a French "merci de" before a verb: "merci de nous fournir", not "merci de votre confiance")
                  r"\bmerci de (?!votre\b|vos\b|notre\b|nos\b|leur\b)(?:bien vouloir |nous |nous les |le |la |les )?"
                  r"[a-zéè]+(?:er|ir|re)\b|"
                  # (a polite request: "お支払いをお願いいたします", "회신 부탁드립니다", "敬请")
                  r"お願い(?:します|いたします|致します|申し上げます)|부탁드립니다|敬请|"
                  # (请, 請: "please"; not 請求/请求, "invoice, request", nor 申請/申请, "application": nouns)
                  r"ください|下さい|必要があります|必要な(?:対応|措置|アクション|作業)|(?<!申)[请請](?!求)|必须|需要|주십시오|주세요|하십시오|하세요|해야|않으면|ない場合|"
                  # an imperative with its pronoun ("Envie-nos estes dados", "Envíenos los registros", "Ci invii i log")
                  r"\b[a-zçãõáéíóú]{3,}[ea]-(?:nos|me)\b|"
                  # (Spanish: the clitic moves the stress, which is then written: "Envíenos", "Súbanos", "Indíquenos")
                  r"\b[a-zñ]*[áéíóú][a-zñ]*[ae]nos\b|"
                  r"\b(?:invii|fornisca|indichi|risponda|confermi|comunichi)\b|"
                  # (a Portuguese or Spanish imperative of the polite form: "Responda a este caso até …", "Envíe")
                  r"\b(?:responda|respondam|envie|enviem|envíe|envíen|conteste|atualize|actualice)\b|"
                  # a German imperative ("migrieren Sie", "kündigen Sie"); not a modal or an auxiliary ("… können Sie
                  # den Fall erneut öffnen": the reader may)
                  r"\b(?!(?:können|könnten|dürfen|möchten|wollen|haben|hatten|sind|waren|werden|wenn)\b)"
                  r"[a-zäöü]+(?:en|ern|eln) sie\b")
_ASK_CUES = ("merci de", "agradecer", "rogamos", "solicitamos", "pedimos", "preghiamo", "grati", "reconnaissants",
             "bitten", "asks ", "ask all ", "ask its ", "ask their ", "ask subscribers", "ask customers", "ask users",
             "ask buyers", "pide a", "pede a", "demande", "chiede", "bittet",
             "appreciate", "kindly", "if we have", "if we receive", "if we get", "demandons", "pedimos", "chiediamo",
             "we ask", "we need", "you should",
             "お願い", "부탁", "敬请",
             "conseillons", "aconsejamos", "aconselhamos", "consigliamo", "raten ihnen", "advise",
             "please", "must", "need to", "needs to", "has to", "have to", "required", "make sure", "ensure", "unpaid",
             "not paid", "bitte", "müssen",
             "recommend", "empfehlen", "recommandons", "recomendamos", "raccomandiamo", "推奨", "建议", "권장",
             "veuillez", "devez", "por favor", "debe", "deve", "si prega", "necessari", "ください", "下さい", "必要",
             "请", "請", "必须", "需要", "주십시오", "주세요", "하십시오", "하세요", "해야", "않으면", "ない場合",
             " sie", "-nos", "-me", "enos", "anos", "invii", "fornisca", "indichi", "risponda", "confermi", "comunichi",
             "responda", "envie", "envíe", "conteste", "atualize", "actualice")
# an imperative that opens the sentence or one of its lines ("Update your clients before D", "Sauvegardez …")
_IMPERATIVE = re.compile(r"\s*(?:(?:update|upgrade|migrate|rotate|deactivate|delete|remove|back up|submit|upload|pay|"
                         r"respond|reply|apply|accept|confirm|complete|verify|renew|cancel|take action|contact|replace|"
                         r"move|add|"
                         r"install|import|configure|enable|switch|change|register|review|export|transfer|"
                         # (a restart the reader may do first: "restart each channel yourself before that date")
                         r"restart|reboot|reschedule)\b|"
                         r"[a-zéèà]+ez\b|"  # (a French imperative: "Sauvegardez", "Mettez")
                         # the polite imperative of Spanish, Portuguese and Italian ("Adjunte los documentos …",
                         # "Envie os documentos …", "Alleghi i documenti …")
                         r"(?:adjunte|env[ií]e|actualice|proporcione|cargue|suba|verifique|pague|confirme|realice|"
                         r"migre|elimine|desactive|renueve|registre|a[ñn]ada|agregue|cambie|reinicie|reprograme|"
                         # (a move of the reader's workloads: "Traslade sus cargas …", "Mova", "Sposti")
                         r"traslade|mueva|transfiera|mova|transfira|sposti|trasferisca|"
                         # (a link to follow: "Clique no link abaixo até D", "Haga clic en el enlace", "Clicchi")
                         r"clique|haga clic|pulse|acesse|acceda|clicchi|"
                         r"anexe|atualize|forne[çc]a|carregue|exclua|desative|renove|adicione|altere|"
                         # (steps to complete, follow, answer: "conclua as etapas abaixo até D", "siga estas etapas",
                         # "responda ao caso"; es, it: "siga", "responda", "segua", "risponda")
                         r"conclua|siga|responda|proteja|redefina|remova|aplique|habilite|segua|risponda|applichi|"
                         r"alleghi|aggiorni|carichi|verifichi|completi|paghi|controlli|effettui|migri|elimini|"
                         # (and the familiar imperative Italian mail also writes: "richiedi un aumento", "aggiorna i
                         # client", not one that is also a noun, "modifica", "verifica")
                         r"richiedi|aggiorna|migra|sposta|contatta|rispondi|carica|invia|disattiva|rinnova|aggiungi|"
                         r"controlla|"
                         r"disattivi|rinnovi|registri|aggiunga|modifichi|configuri|riavvii|riavvia|"
                         # (an imperative with its pronoun, Italian and Spanish: "modificala", "spostala", "la
                         # modifichi", "cámbiala", "modifíquela"; never a noun)
                         r"(?:modific|cambi|spost|aggiorn|riprogramm|pianific)a(?:la|lo|li|le)|"
                         r"(?:la|lo|li|le) (?:modifichi|cambi|sposti|aggiorni|riprogrammi)|"
                         r"(?:modif[ií]c|c[aá]mbi|reprogr[aá]m|program|actualiz)a(?:la|lo|las|los)|"
                         r"(?:modif[ií]qu|c[aá]mbi|reprogr[aá]m|program|actualic)e(?:la|lo|las|los))\b)")
# an imperative in the clause after a condition ("If you want to keep paying in USD, change the currency …", "Si vous
# souhaitez …, modifiez …", "Si desea …, cambie …", "Se desidera …, modifichi …")
_CONDITION_THEN_IMPERATIVE = re.compile(r"\b(?:if you|si vous|si desea|si usted|se voc[eê]|se desidera|wenn sie|"
                                        r"falls sie|si prefiere|se preferir|se preferisce|"
                                        # (the familiar "you": "Se preferisci un'altra finestra, modificala …")
                                        r"si prefieres|si quieres|si deseas|se preferisci|se vuoi|se desideri)\b"
                                        r"[^.\n]{0,160}?,(?=\s*\w)"
                                        + _IMPERATIVE.pattern)
# the same at the start of any line (the reference of :func:`_imperative_line`, which finds the same)
# (after a newline, the blanks before the word on its own line only, no other newline: a line's imperative is found from
# the last newline before it, as the leading \s* found it from the first; a search from each newline of a long run of
# blank lines no longer reads the rest of the run, a cost of the run's square)
_IMPERATIVE_WORDS = _IMPERATIVE.pattern.removeprefix(r"\s*")  # (the words, without the blanks before them)
_IMPERATIVE_LINE = re.compile(r"(?:\A\s*|\n[^\S\n]*+)" + _IMPERATIVE_WORDS)
# the same after a newline: led by a literal, which re finds by its fast prefix scan (where "\A|\n" has it try
# the pattern at every position)
_IMPERATIVE_AFTER_NEWLINE = re.compile(r"\n[^\S\n]*+" + _IMPERATIVE_WORDS)
# (or a sentence, in the middle of its line: "The seller has deprecated X. Move your workloads … before D", where
# :func:`_asks` reads it, at the start of the date's sentence; for :func:`may_ask` only: what follows a period of hours,
# :func:`asks_by_then`, is a line's imperative, not the next sentence's)
_IMPERATIVE_AFTER_SENTENCE = re.compile(r"[.!?] " + _IMPERATIVE.pattern)
# a by-lead right before a date (a cheap scan of a whole text: :func:`may_act_by` reads each date's lead); the
# reference of :func:`_by_near_date`, which searches its two branches apart, each only where it can match
_BY_WORD_NEAR_DATE = (
    r"\b(?:by(?:[ \t]*:)?|before|no later than|prior to|not later than|bis|vor dem|spätestens|avant le|"
    r"au plus tard le|d.ici le|"
    r"antes del?|a más tardar el|a mais tardar em|entro il|prima del|non oltre il|até|hasta el|avant minuit|"
    r"entro la mezzanotte)"
    # (a weekday between, also hyphenated: "até sexta-feira, 5 de fevereiro"; up to six words: "by close of business on
    # Friday, April 23rd")
    r"(?:\s+\d{1,2}:\d\d\S*(?:\s+[a-z]{3,4})?(?:\s+on)?)?\s+(?:\(?[^\W\d]+(?:-[^\W\d]+)?\)?\.?,?\s+){0,6}"
    r"(?:\d|jan|feb|f[ée]v|m[aä]r|apr|avr|ma[yig]|jun|jui|jul|aug|ao[uû]|sep|set|o[ck]t|out|ott|nov|de[cz]|déc|ene|"
    r"gen|abr|giu|lug|ago|dic)"
    r"|\bentro l['’]\d")  # (the Italian article elided before the day: "entro l'11 dicembre")
_DAY_NEAR_BY = (r"\d\s*[日일]" + CJK_DATE_TAIL + r"\s*+(?:までに|まで|以前|より前|前に|之前|前|까지|이전)")
_BY_NEAR_DATE = re.compile(_BY_WORD_NEAR_DATE + "|" + _DAY_NEAR_BY)
_BY_WORD = re.compile(_BY_WORD_NEAR_DATE)
_DAY_BY = re.compile(_DAY_NEAR_BY)
# the literals a match of _BY_WORD opens with, each with how far before it the match starts ("d'ici le": "ici le" is
# found, the match starts two characters before it)
_BY_WORD_STARTS = (("by", 0), ("before", 0), ("no later than", 0), ("prior to", 0), ("not later than", 0), ("bis", 0),
                   ("vor dem", 0), ("spätestens", 0), ("avant le", 0), ("au plus tard le", 0), ("ici le", 2),
                   ("antes de", 0), ("a más tardar el", 0), ("a mais tardar em", 0), ("entro il", 0),
                   ("entro l", 0), ("avant minuit", 0), ("prima del", 0), ("non oltre il", 0), ("até", 0),
                   ("hasta el", 0))
# literals one of which a text holds where _BY_NEAR_DATE can match
_BY_CUES = ("by ", "by:", "before", "later than", "prior to", "bis", "vor dem", "spätestens", "avant le",
            "au plus tard",
            "ici le", "antes", "a más tardar", "a mais tardar", "entro il", "entro l", "avant minuit", "prima del",
            "non oltre", "até", "hasta el", "まで", "以前", "より前", "前", "까지", "이전")
# an extended support named in the date's clause, and a lead that says how long it lasts
_EXTENDED_CUES = ("exten", "estend", "erweitert", "étendu", "esteso", "延長", "延长", "扩展", "延伸", "연장", "확장")
_EXTENDED = re.compile(r"extended support|erweiterte[nr]? support|support étendu|soporte extendido|suporte estendido|"
                       r"supporto esteso|延長サポート|延长支持|扩展支持|연장 지원|확장 지원|"
                       # (Traditional Chinese says "延伸支援" or "延長支援", read folded: "延伸支援會持續到 D")
                       r"延伸支援|延伸支持|延长支援")
_UNTIL_LEAD = re.compile(r"(?:\buntil|\bthrough|\bhasta el|\bhasta|\baté|\bbis(?: zum)?|\bjusqu.au|\bfino al|"
                         r"\bends?(?: on)?|\bendet am|\btermina(?:rá)? (?:el|em)|\bprend fin le|\bfinisce il|"
                         # (Chinese, read folded: "会持续到 D", "直到 D")
                         r"(?:持续|延续)(?:到|至)|直到)\s*\Z")
_UNTIL_AFTER = re.compile(r"\s*(?:まで|까지|为止|止)")
#: a weekday's name in the six languages written in Latin letters, with the comma and space after it ("Thursday, ",
#: "jeudi ", "quinta-feira, "): what may stand between a range's connector and its second date
#: the weekdays' names in de, fr, es, it, pt (Portuguese without its "-feira"), as an alternation
WEEKDAY_NAMES_FOREIGN = (r"montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|"
                         r"vendredi|samedi|dimanche|lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo|luned[iì]|"
                         r"marted[iì]|mercoled[iì]|gioved[iì]|venerd[iì]|sabato|domenica|segunda|ter[çc]a|quarta|quinta|"
                         r"sexta")
WEEKDAY_WORD = (r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|" + WEEKDAY_NAMES_FOREIGN
                + r")(?:-feira)?,?\s*")
# a range's second date: the connector between the two ("D1 - D2", "D1 ~ D2", "D1 至 D2", "dal D1 al D2",
# "D1 から D2 まで") and a window's closing lead ("closes on", "endet am", "se cierra el", "termina il")
# (the second date may follow its weekday: "du jeudi 4 au vendredi 5 février 2027")
_RANGE_JOIN = re.compile(r"\s*(?:\d{1,2}:\d\d(?::\d\d)?\s*(?:\(?(?:utc|gmt)\)?)?\s*)?"
                         r"(?:-|–|—|~|〜|～|至|到|から|부터|to|until|through|and|al|all['’]|au|bis|a|e|y|et|und|"
                         r"und dem)"
                         r"\s*(?:" + WEEKDAY_WORD + r")?(?:the\s+|le\s+|el\s+|il\s+|zum\s+|am\s+)?\Z")
_CLOSE_LEAD = re.compile(r"(?:\bclos(?:es|ing)(?: on)?|\bends?(?: on)?|\bschließt sich am|\bschließt am|\bendet am|"
                         r"\bse cierra el|\btermina el|\bse ferme le|\bprend fin le|\bsi chiude il|\btermina il|"
                         r"\bfecha em|\btermina em|\bencerra em)"
                         r"(?:\s+\d{1,2}:\d\d(?::\d\d)?(?:\s*[a-z]{3,4})?(?:\s+on)?)?\s*\Z")
_CLOSE_CUE = re.compile("clos|end|schließt|cierra|termina|ferme|fin|chiude|fecha|encerra")
# what AWS completes by the date ("is completed for all DB instances by D", "wird bis D abgeschlossen", "se
# completará el D", "sera achevée le D", "sarà completata entro il D", "será concluída até D"; after it:
# "D までに完了", "D 前完成", "D까지 완료")
_COMPLETION_CUES = ("complet", "finish", "abgeschlossen", "conclu", "achev", "完了", "完成", "완료")
_COMPLETION_LEAD = re.compile(r"(?:complet|finish|abgeschlossen|conclu|achev)\w*[^.;:!?\n]{0,50}\Z")
# (every run of blanks possessive: three runs apart only by what may be absent would split a long run every way)
_COMPLETION_AFTER = re.compile(r"\s*+(?:[(（][^()（）\n]{1,6}[)）]\s*+)?(?:までに|まで|前|까지)?\s*+(?:に)?\s*+"
                               r"(?:完了|完成|완료)")
# when what the mail announces starts: a start lead right before the date ("starts on", "begins on", "beginnt am",
# "comienza el", "commence le", "inizia il", "começa em", "start time:") or a start right after it in Japanese,
# Chinese and Korean ("D から開始", "D 开始", "D에 시작", "D부터 시작")
_START_LEAD = re.compile(r"(?:\b(?:starts?|starting|begins?|beginning|commences?|commencing)(?: on| at| from)?|"
                         r"\bstart (?:time|date)\s*:|\bbeginnt am|\bbeginnen am|\bstartet am|\b(?:comienza|empieza|"
                         r"comenzará|empezará) el|\b(?:commence|débute|commencera|débutera) le|\binizi(?:a|erà) il|"
                         r"\bcomeça(?:rá)? em|\binicia(?:rá)? em)"
                         r"(?:\s+(?:[a-z]{3,9}\.?,)\s*)?\s*\Z")
_START_CUE = re.compile("start|begin|commen|beginn|comienza|empieza|comenzar|empezar|début|inizi|começa|inicia")
_START_AFTER = re.compile(CJK_DATE_TAIL + r"\s*+"
                          r"(?:から開始|に開始|より開始|开始|起开始|에\s*시작|부터\s*시작)")
# an offer's, a free tier's, a plan's, a trial's or credits' end: an end word in the date's clause with the offer
# named in it ("Your 12-month Free Tier offer expires on D", "Su oferta de la capa gratuita vence el D", "Ihr
# kostenloses Kontingent läuft am D ab", "無料利用枠は D に終了します", "免费套餐将于 D 到期",
# "프리 티어가 D에 만료됩니다")
_OFFER_CUES = ("offer", "free tier", "free plan", "trial", "credit", "oferta", "offre", "offerta", "angebot",
               "capa gratuita", "nível gratuito", "nivel gratuito", "offre gratuite", "livello gratuito",
               "piano gratuito", "kostenlos", "無料", "免费", "프리 티어", "무료",
               # (a free plan and its credits, localized: "Su plan gratuito termina el D", "plano gratuito", "免費方案",
               # "créditos", "crédits", "Guthaben", "クレジット", "크레딧")
               "plan gratuito", "plano gratuito", "plan gratuit", "forfait gratuit", "免費", "crédit", "guthaben",
               "クレジット", "크레딧",
               # (and the month of usage a usage alert counts in, whose end resets it: "The usage month ends on D",
               # "El mes de uso termina el D", "O mês de uso termina em D", "Le mois d'utilisation se termine le D",
               # "Il mese di utilizzo termina il D", "Der Nutzungsmonat endet am D")
               "usage month", "month of usage", "mes de uso", "mês de uso", "mois d'utilisation", "mois d’utilisation",
               "mese di utilizzo", "nutzungsmonat")
_OFFER_END_LEAD = re.compile(r"\b(?:expir\w*|ends?|ending|will end|vence|vencerá|caduca|caducará|termina|terminará|"
                             r"finaliza|finalizará|expira|expirará|prend fin|se termine|scade|scadrà|läuft|endet)\b"
                             r"(?:\s+(?:on|el|le|il|em|am))?\s*\Z")
_OFFER_END_AFTER = re.compile(r"\s*+(?:に|에|将)?\s*+(?:終了|期限切れ|到期|结束|종료|만료)")  # (possessive runs)


def not_deadline_roles(notice_type: str | None) -> frozenset[str]:
    """The roles that are no deadline for ``notice_type`` when the mail names a date of another role."""
    return NOT_DEADLINE | _TYPE_NOT_DEADLINE.get(notice_type or "", frozenset())


def expected_roles(notice_type: str | None) -> frozenset[str]:
    """The roles ``notice_type`` expects its deadline in, before the others (none for most types)."""
    return _TYPE_EXPECTED.get(notice_type or "", frozenset())


def never_deadline_roles(notice_type: str | None) -> frozenset[str]:
    """The roles that are no deadline for ``notice_type`` even alone, when its mail reports usage and asks nothing of
    the reader."""
    return _TYPE_ALONE_NOT_DEADLINE.get(notice_type or "", frozenset())


def may_ask(text: str) -> bool:
    """Whether lower-cased ``text`` holds a word that may ask the reader to act (a cheap test: every sentence
    :func:`_asks` accepts holds one of these, or opens a line or a sentence with an imperative, or a clause with one
    after a condition: "Si vous souhaitez continuer à payer en USD, modifiez la devise …")."""
    return any(map(text.__contains__, _ASK_CUES)) or _imperative_line(text) \
        or _IMPERATIVE_AFTER_SENTENCE.search(text) is not None or (
        any(map(text.__contains__, _PURPOSE_CUES)) and _PURPOSE.search(text) is not None) or (
        any(map(text.__contains__, _CONDITION_CUES)) and _CONDITION_THEN_IMPERATIVE.search(text) is not None)


def _imperative_line(text: str) -> bool:
    """Whether a line of ``text`` opens with an imperative: ``_IMPERATIVE_LINE.search(text) is not None``, found
    faster (the first line by a match at its start, the others after the literal newline)."""
    return _IMPERATIVE.match(text) is not None or _IMPERATIVE_AFTER_NEWLINE.search(text) is not None


def asks_by_then(text: str) -> bool:
    """Whether lower-cased ``text`` asks the reader to act: an asking word as a word (:data:`_ASK`, not "deve" in
    "Developer"), an imperative that opens a line, or an act before "that date" (:data:`BEFORE_THAT_DATE`)."""
    return (any(map(text.__contains__, _ASK_CUES)) and _ASK.search(text) is not None) or _imperative_line(text) \
        or BEFORE_THAT_DATE.search(text) is not None


def by_then_in(text: str, start: int = 0, stop: int | None = None) -> re.Match[str] | None:
    """The first :data:`BY_THEN` match of ``text[start:stop]`` found near one of its cues (str.find, then the pattern
    in a window around the cue: each match holds a cue, at most 40 characters into it, and is at most 60 long; a
    search of the whole text, which re tries at every position, cost ~10 % of the classify stage)."""
    stop = len(text) if stop is None else stop
    window = text[start:stop]
    # (in a plain-ASCII window, as most English mail is, only the ASCII cues: a cue with another character cannot
    # stand in it; the cues keep their order, which picks the match)
    cues = _ASCII_BY_THEN_CUES if window.isascii() else BY_THEN_CUES
    if not any(map(window.__contains__, cues)):
        # (no cue in the window, as most of a mail's sentences: one C-level pass over the cues instead of ~90 find
        # calls; a cue that text.find(cue, start, stop) finds is one that text[start:stop] holds, and the other way)
        return None
    for cue in cues:
        at = text.find(cue, start, stop)
        while at >= 0:
            low, high = max(start, at - 40), min(stop, at + len(cue) + 60)
            found = BY_THEN.search(text, low, high)
            while found is not None and found.end() == high < stop:
                # (the window's end reads as the text's: a "\b" there may hold only in the window, "bis dahin|by")
                confirmed = BY_THEN.match(text, found.start(), stop)
                if confirmed is not None:
                    return confirmed
                found = BY_THEN.search(text, found.start() + 1, high)
            if found is not None:
                return found
            at = text.find(cue, at + 1, stop)
    return None


def acts_by_then(text: str) -> bool:
    """Whether lower-cased ``text`` (a date's sentence and the next) asks the reader to act by "then", the date named
    before (:data:`BY_THEN`, :func:`asks_by_then`): "the change completes on D; please have your client updated by
    that date", "… jusqu'au D. D'ici là, mettez à jour vos politiques"."""
    by_then = by_then_in(text)
    if by_then is None:
        return False
    after = by_then.end()
    while after < len(text) and text[after] in " ,，、":
        after += 1
    # (an imperative after "then": "D'ici là, mettez …", "Before then, change your client"; or what happens unless the
    # reader acts before then: "… will be closed unless you upgrade before then")
    # (or an imperative after a purpose, before then: "Pour continuer …, passez au plan payant avant cette échéance")
    # (or an imperative that opens the sentence of "then", also after a condition: "… bis zum D. Migrieren Sie vor
    # diesem Datum.", "If your origin restricts inbound traffic, add the new ranges before that date")
    opening = _sentence_start(text, by_then.start())
    return (any(map(text.__contains__, _ASK_CUES)) and _ASK.search(text) is not None) or _imperative_line(text) \
        or _IMPERATIVE.match(text, after) is not None \
        or _IMPERATIVE.match(text, opening) is not None \
        or _condition_then_imperative(text, opening, by_then.start()) \
        or _UNLESS_YOU.search(text, max(0, by_then.start() - 120), by_then.start()) is not None \
        or _purpose_then_imperative(text, max(0, by_then.start() - 160), by_then.start())


def _condition_then_imperative(text: str, left: int, right: int) -> bool:
    """Whether ``text[left:right]`` opens the clause after a condition with an imperative ("If your origin restricts
    inbound traffic, add the new ranges before that date"), as :func:`_asks` reads it."""
    if not any(map(text[left:right].__contains__, _CONDITION_CUES)):
        return False
    condition = _CONDITION.search(text, left, right)
    clause = _CLAUSE_BREAK.search(text, condition.end(), right) if condition is not None else None
    return clause is not None and _IMPERATIVE.match(text, clause.end()) is not None


def _sentence_start(text: str, at: int) -> int:
    """Where the sentence that holds ``text[at]`` starts: after the last sentence end before it (". ", "! ", "? ",
    "。", "！", "？"), or 0. (An imperative that opens it asks the act: "… bis zum D. Migrieren Sie vor diesem
    Datum.")"""
    return max((found + len(end) for end in (". ", "! ", "? ", ".\n", "。", "！", "？")
                if (found := text.rfind(end, 0, at)) >= 0), default=0)


# what happens unless the reader acts, the act before "then" ("your account will be closed unless you upgrade to a
# paid plan before then", "à moins que vous ne passiez …", "a menos que", "a não ser que", "a meno che", "es sei denn")
_UNLESS_YOU = re.compile(r"\bunless you\b|\bà moins que vous\b|\ba menos que\b|\ba n[ãa]o ser que\b|\ba meno che\b|"
                         r"\bes sei denn\b|\bsofern sie nicht\b|"
                         # (or a condition that something is not done: "If the bucket policy is not fixed by then, the
                         # export is paused", "Si la política no se corrige para entonces", "Wenn … nicht … bis dahin";
                         # not what AWS itself lacks, "if we do not have it by then", whose "then" may be a listed date
                         # before the sentence's: hearing nothing from the reader is the branch below)
                         r"\b(?:if|si|se|wenn|falls)\b(?!\s+(?:we|nous|wir|noi|nós)\b)[^.;:\n]{0,80}?"
                         r"\b(?:not|no|pas|nicht|non|não|nao)\b|"
                         # (or when AWS hears nothing: "If we do not hear from you by then, the request will lapse")
                         r"\bif we (?:do not|don.t) (?:hear|receive (?:a |your )?(?:reply|response)) "
                         r"(?:back )?(?:from you)?")


def after_condition(text: str, left: int, at: int) -> bool:
    """Whether ``at`` stands in the clause after a condition of its sentence, which starts at ``left`` ("If you turn off
    automatic renewal, <at>", "若您的组织已集中管理根访问权限，<at>"): :data:`_CONDITION`, then a clause break."""
    if not any(map(text[left:at].__contains__, _CONDITION_CUES)):
        return False
    condition = _CONDITION.search(text, left, at)
    return condition is not None and _CLAUSE_BREAK.search(text, condition.end(), at) is not None


def reports_usage(text: str) -> bool:
    """Whether ``text`` reports usage as a share of a limit or a budget ("85 %", "120%", "８５％"): a usage alert, not
    the notice that its offer ends."""
    return ("%" in text or "％" in text) and _SHARE.search(text) is not None


def may_hold_act_by(text: str) -> bool:
    """Whether lower-cased ``text`` may hold an :data:`ACT_BY` date: a word that may ask (:func:`may_ask`) and a
    by-lead right before something that starts a date (a cheap test of a whole text, before any date is read)."""
    return may_ask(text) and any(map(text.__contains__, _BY_CUES)) and _by_near_date(text)


def _by_near_date(text: str) -> bool:
    """``_BY_NEAR_DATE.search(text) is not None``, tried only where a match can start: at each literal a by-lead
    opens with (str.find), and before each 日 or 일 (its digit, past the white space between). re would try the
    whole alternation at every position of the text."""
    for literal, back in _BY_WORD_STARTS:
        at = text.find(literal)
        while at >= 0:
            if at >= back and _BY_WORD.match(text, at - back) is not None:
                return True
            at = text.find(literal, at + 1)
    for day in "日일":
        at = text.find(day)
        while at >= 0:
            digit = at - 1
            while digit >= 0 and text[digit].isspace():
                digit -= 1
            if digit >= 0 and _DAY_BY.match(text, digit) is not None:
                return True
            at = text.find(day, at + 1)
    return False


def may_act_by(text: str, start: int, end: int) -> bool:
    """Whether the date at ``text[start:end]`` has the lead of an act-by date (a cheap test before
    :func:`role_of`: every :data:`ACT_BY` date has one)."""
    return _BY_LEAD.search(text[max(0, start - 60):start]) is not None or _BY_AFTER.match(text, end) is not None


# the standard support named (9 languages): a sentence that names it is not about the extended support's end alone
_STANDARD_CUES = ("standard", "estándar", "estandar", "padrão", "padrao", "標準", "标准", "표준")


def _extended_subject(text: str, left: int, start: int) -> bool:
    """Whether the extended support is what the sentence before the date at ``start`` is about, its clauses apart
    ("El soporte extendido de RDS para PostgreSQL 13 se ofrecerá, con cargo, hasta el D"): named in the 120 characters
    before the date, its sentence's, and no standard support beside it."""
    near = text[max(left, start - 120):start]
    return _EXTENDED.search(near) is not None and not any(map(near.__contains__, _STANDARD_CUES))


def role_of(text: str, start: int, end: int, left: int, right: int, previous_end: int = -1) -> str:
    """The role of the date at ``text[start:end]`` (lower-cased text) in its sentence ``text[left:right]``;
    ``previous_end``: where the date before it in the text ends (for a range "D1 - D2"), or -1."""
    before = text[max(left, start - 60):start]
    if _FACT_CUE.search(before) and _FACT_LEAD.search(before):
        return PUBLISHED
    if _FACT_AFTER.match(text, end):
        return PUBLISHED
    if _CREATED_CUE.search(before) and _CREATED_LEAD.search(before):
        return CREATED
    if _CREATED_AFTER.match(text, end):
        return CREATED
    if _caused(text, start, end, left, right) or _upstream(text, left, right):
        return CAUSE
    if (_UNTIL_LEAD.search(before) or _UNTIL_AFTER.match(text, end)) and any(
            cue in text[left:right] for cue in _EXTENDED_CUES) \
            and (_EXTENDED.search(text, _clause_start(text, left, start), _clause_end(text, end, right))
                 or _extended_subject(text, left, start)):
        return EXTENDED_END
    if (_BY_LEAD.search(before) or _BY_AFTER.match(text, end)) and _asks(text, left, right):
        return ACT_BY  # (also after a condition: "Wenn Sie … möchten, kündigen Sie es bis zum D")
    if after_condition(text, left, start):
        return CONDITIONAL  # in the clause after a condition: what happens only then
    if previous_end >= 0 and start - previous_end <= 16 and _RANGE_JOIN.search(text, previous_end, start):
        return WINDOW_END
    if _CLOSE_CUE.search(before) and _CLOSE_LEAD.search(before):
        # (what ends may be an offer: "Your Free Tier offer ends on D")
        return OFFER_END if _offer_ends(text, start, end, left, right, before) else WINDOW_END
    return _announced_role(text, start, end, left, right, before)


def _announced_role(text: str, start: int, end: int, left: int, right: int, before: str) -> str:
    """:data:`COMPLETION`, :data:`OFFER_END` or :data:`OTHER`: what the date is to what the mail announces (read
    after the roles above; a start, :data:`START`, stays :data:`OTHER` here and is read by :func:`starts_at` only for
    a type that expects it)."""
    near = text[max(left, start - 120):start]  # (the farthest a clause start is looked for)
    if any(map(near.__contains__, _COMPLETION_CUES)) and _COMPLETION_LEAD.search(text, _clause_start(text, left, start),
                                                                                start):
        return COMPLETION
    if _COMPLETION_AFTER.match(text, end):
        return COMPLETION
    return OFFER_END if _offer_ends(text, start, end, left, right, before) else OTHER


def starts_at(text: str, start: int, end: int) -> bool:
    """Whether the date at ``text[start:end]`` (lower-cased text) is when what the mail announces starts
    (:data:`START`: "the rotation starts on D", "comienza el D", "D に開始")."""
    before = text[max(0, start - 60):start]
    return bool(_START_CUE.search(before) and _START_LEAD.search(before)) or _START_AFTER.match(text, end) is not None


def _offer_ends(text: str, start: int, end: int, left: int, right: int, before: str) -> bool:
    """Whether the date is when an offer ends: an end word right before it (or after it in Japanese, Chinese and
    Korean) and the offer named in its clause (:data:`_OFFER_CUES`)."""
    if not (_OFFER_END_LEAD.search(before[-24:]) or _OFFER_END_AFTER.match(text, end)):
        return False
    clause = text[_clause_start(text, left, start):_clause_end(text, end, right)]
    return any(map(clause.__contains__, _OFFER_CUES))


def _asks(text: str, left: int, right: int) -> bool:
    """Whether the sentence ``text[left:right]`` asks the reader to act."""
    sentence = text[left:right]
    if any(map(sentence.__contains__, _ASK_CUES)) and _ASK.search(sentence):
        return True
    if any(_IMPERATIVE.match(text, at) for at in _line_starts(text, left, right)):
        return True
    # an imperative that opens the clause after a condition ("If your clients pin the certificate, add the new one
    # before D")
    condition = _CONDITION.search(text, left, right) if any(map(sentence.__contains__, _CONDITION_CUES)) else None
    clause = _CLAUSE_BREAK.search(text, condition.end(), right) if condition is not None else None
    if clause is not None and _IMPERATIVE.match(text, clause.end()) is not None:
        return True
    # ... or after a purpose ("To keep using a supported version, move your workloads … before D")
    return _purpose_then_imperative(text, left, right)


def _purpose_then_imperative(text: str, left: int, right: int) -> bool:
    """Whether ``text[left:right]`` holds a purpose (:data:`_PURPOSE`) whose clause is followed by an imperative ("To
    keep using a supported version, move …", "Pour continuer à utiliser vos ressources, passez au plan payant …")."""
    purpose = _PURPOSE.search(text, left, right) if any(map(text[left:right].__contains__, _PURPOSE_CUES)) else None
    clause = _CLAUSE_BREAK.search(text, purpose.end(), right) if purpose is not None else None
    return clause is not None and _IMPERATIVE.match(text, clause.end()) is not None


def _line_starts(text: str, left: int, stop: int) -> list[int]:
    """``left`` and where each line of ``text[left:stop]`` after the first starts."""
    out = [left]
    at = text.find("\n", left, stop)
    while at >= 0:
        out.append(at + 1)
        at = text.find("\n", at + 1, stop)
    return out


def _clause_start(text: str, left: int, start: int) -> int:
    found = [match.end() for match in _CLAUSE_BREAK.finditer(text, max(left, start - 120), start)]
    return found[-1] if found else left


def _clause_end(text: str, end: int, right: int) -> int:
    found = _CLAUSE_BREAK.search(text, end, right)
    return found.start() if found else right


# the end of an upstream project's own support ("Python 3.11 reaches its community end of life on D", "커뮤니티 지원이
# 종료"): what AWS's own end of support follows, a cause (the mail's deadline is AWS's date)
_UPSTREAM_CUES = ("community", "upstream", "comunidad", "comunidade", "communauté", "comunità", "コミュニティ", "社区",
                  "社群", "커뮤니티")
_UPSTREAM = re.compile(r"\b(?:community|upstream)[- ](?:support|end[- ]of[- ]life|eol|maintenance)|"
                       r"(?:soporte|suporte) (?:de|da) (?:la )?comunidad|support (?:de la )?communauté|"
                       r"supporto (?:della )?comunità|コミュニティ(?:の)?サポート|"
                       r"社区(?:支持|维护)|社群支援|커뮤니티 지원")


def _upstream(text: str, left: int, right: int) -> bool:
    """Whether the sentence ``text[left:right]`` dates the end of an upstream project's community support."""
    sentence = text[left:right]
    return any(map(sentence.__contains__, _UPSTREAM_CUES)) and _UPSTREAM.search(sentence) is not None


def _caused(text: str, start: int, end: int, left: int, right: int) -> bool:
    """Whether the date stands in the first clause of a sentence (or of a line) that opens with a cause, and a
    clause follows it in that sentence ("As … on D1, Lambda will end support … on D2")."""
    opener = next((at for at in reversed(_line_starts(text, left, start)) if _CAUSE_OPENER.match(text, at)), None)
    if opener is None or _CLAUSE_BREAK.search(text, opener, start) is not None:
        return False
    follow = _CLAUSE_BREAK.search(text, end, right)
    return follow is not None and follow.start() - end <= 60
