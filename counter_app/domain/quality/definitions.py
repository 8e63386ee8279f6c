"""The written definition of every service-quality figure, in the hall's three languages.

One place for the dashboard's tooltips, the reports' column titles and their footers, so two halls
compute and read the figures the same way. The rules themselves are code in :mod:`~.figures`,
:mod:`~.summary`, :mod:`~.staffing` and :mod:`~.forecast`; a test ties the words to that code.
Kept as data (like the profile's names) rather than Qt translations: the domain has no Qt, and a
report is written in the hall's language whatever the clerk's UI language is.
"""

from __future__ import annotations

from dataclasses import dataclass

from counter_app.domain.profile import Names


@dataclass(frozen=True)
class FigureDefinition:
    key: str
    label: Names  # a column title, unit included
    text: Names  # the footer's definition

    def label_in(self, language: str) -> str:
        return self.label.get(language)

    def text_in(self, language: str) -> str:
        return self.text.get(language)


def _d(key: str, label: tuple[str, str, str], text: tuple[str, str, str]) -> FigureDefinition:
    return FigureDefinition(key, Names(*label), Names(*text))


DEFINITIONS: tuple[FigureDefinition, ...] = (
    _d(
        "hour",
        ("时段", "時段", "Hour"),
        (
            "按客户取号时间所在的小时和营业日统计，一次来访的各项指标都计入该时段。",
            "按客戶取號時間所在的小時和營業日統計，一次來訪的各項指標都計入該時段。",
            "Each visit counts in the hour and business day its number was taken, all its figures alike.",
        ),
    ),
    _d(
        "arrivals",
        ("取号数", "取號數", "Numbers taken"),
        (
            "当期取出的号数，每张号票计一次（含绿色通道）；按取号的服务统计。",
            "當期取出的號數，每張號票計一次（含綠色通道）；按取號的服務統計。",
            "Numbers taken, one per ticket (green channel included), under the service taken.",
        ),
    ),
    _d(
        "served",
        ("办结数", "辦結數", "Customers served"),
        (
            "在柜台办结的客户数：每次以“办结”结束的办理计一次，计入办结的服务、窗口和营业员。",
            "在櫃檯辦結的客戶數：每次以「辦結」結束的辦理計一次，計入辦結的服務、窗口和營業員。",
            "Customers finished: each stretch at a counter that ended finished, under its service, "
            "counter and clerk.",
        ),
    ),
    _d(
        "no_shows",
        ("过号数", "過號數", "No-shows"),
        (
            "叫号后客户未到、记为过号的次数（之后重新排队的也计）。",
            "叫號後客戶未到、記為過號的次數（之後重新排隊的也計）。",
            "Calls that ended with the customer not coming (no-show), also when put back in line later.",
        ),
    ),
    _d(
        "cancelled",
        ("撤号数", "撤號數", "Withdrawn"),
        (
            "排队中撤销的号数（客户离开或误取）。",
            "排隊中撤銷的號數（客戶離開或誤取）。",
            "Numbers withdrawn while waiting (the customer left, or a mistaken ticket).",
        ),
    ),
    _d(
        "wait_mean",
        ("平均等候（分钟）", "平均等候（分鐘）", "Average wait (min)"),
        (
            "等候时长 = 首次叫号时间 − 取号时间（时钟回拨时计 0）；平均 = 总和 ÷ 已叫号数。"
            "计入取号的服务和首次叫号的窗口、营业员；未叫号的不计。",
            "等候時長 = 首次叫號時間 − 取號時間（時鐘回撥時計 0）；平均 = 總和 ÷ 已叫號數。"
            "計入取號的服務和首次叫號的窗口、營業員；未叫號的不計。",
            "Wait = first call − number taken (0 if the clock was set back); average = sum ÷ numbers "
            "called. Counted under the service taken and the counter and clerk of the first call; "
            "numbers never called do not count.",
        ),
    ),
    _d(
        "wait_p90",
        ("90%等候（分钟）", "90%等候（分鐘）", "90th percentile wait (min)"),
        (
            "最近秩法：n 个等候中第 0.9×n（向上取整）短的，即至少 90% 的客户等候不超过此值。"
            "由日汇总计算时精确到 1 分钟：取所在一分钟区间的上限（不超过最长等候），最多比精确值大 1 分钟；"
            "超过 240 分钟时取最长等候。",
            "最近秩法：n 個等候中第 0.9×n（向上取整）短的，即至少 90% 的客戶等候不超過此值。"
            "由日匯總計算時精確到 1 分鐘：取所在一分鐘區間的上限（不超過最長等候），最多比精確值大 1 分鐘；"
            "超過 240 分鐘時取最長等候。",
            "Nearest rank: of n waits the (0.9×n, rounded up)-th shortest, so at least 90 % waited no "
            "longer. From the daily summaries to the minute: the upper edge of its one-minute bucket "
            "(at most the longest wait), never more than 1 minute above the exact value; past 240 "
            "minutes the longest wait.",
        ),
    ),
    _d(
        "wait_max",
        ("最长等候（分钟）", "最長等候（分鐘）", "Longest wait (min)"),
        (
            "已叫号客户中最长的等候时长。",
            "已叫號客戶中最長的等候時長。",
            "The longest wait of a number called.",
        ),
    ),
    _d(
        "wait_within",
        ("等候达标率", "等候達標率", "Called within target"),
        (
            "等候时长 ≤ 该服务目标等候时长（含等于）的已叫号数 ÷ 已叫号数；各服务的目标见下。",
            "等候時長 ≤ 該服務目標等候時長（含等於）的已叫號數 ÷ 已叫號數；各服務的目標見下。",
            "Numbers called with wait ≤ their service's target wait (inclusive) ÷ numbers called; the "
            "targets are listed below.",
        ),
    ),
    _d(
        "service_mean",
        ("平均办理（分钟）", "平均辦理（分鐘）", "Average service time (min)"),
        (
            "办理时长 = 结束时间 − 到柜时间（未记录到柜时用叫号时间），每次以办结或转办结束的办理计一次，"
            "计入该次办理的服务、窗口和营业员。",
            "辦理時長 = 結束時間 − 到櫃時間（未記錄到櫃時用叫號時間），每次以辦結或轉辦結束的辦理計一次，"
            "計入該次辦理的服務、窗口和營業員。",
            "Service time = end − arrival at the counter (the call when arrival was not recorded), for "
            "each stretch that ended finished or passed on, under its service, counter and clerk.",
        ),
    ),
    _d(
        "service_p90",
        ("90%办理（分钟）", "90%辦理（分鐘）", "90th percentile service time (min)"),
        (
            "办理时长中第 0.9×n（向上取整）短的，精度同 90% 等候。",
            "辦理時長中第 0.9×n（向上取整）短的，精度同 90% 等候。",
            "Of n service times the (0.9×n, rounded up)-th shortest, to the precision of the 90th "
            "percentile wait.",
        ),
    ),
    _d(
        "service_within",
        ("办理达标率", "辦理達標率", "Served within counter time"),
        (
            "办理时长 ≤ 该服务柜台办理时限（含等于）的办理次数 ÷ 办理次数；无时限的服务不计为达标。",
            "辦理時長 ≤ 該服務櫃檯辦理時限（含等於）的辦理次數 ÷ 辦理次數；無時限的服務不計為達標。",
            "Stretches with service time ≤ their service's counter-time target (inclusive) ÷ stretches; "
            "a service without a target never counts as within.",
        ),
    ),
    _d(
        "green_wait",
        ("绿色通道平均等候（分钟）", "綠色通道平均等候（分鐘）", "Green channel average wait (min)"),
        (
            "绿色通道号票的等候时长，定义和目标同其服务；另列人数、90% 值和达标率。",
            "綠色通道號票的等候時長，定義和目標同其服務；另列人數、90% 值和達標率。",
            "Waits of green-channel numbers, defined and measured against the target like their "
            "service's; with their count, 90th percentile and share within target.",
        ),
    ),
    _d(
        "transfers",
        ("转办次数", "轉辦次數", "Transfers"),
        (
            "客户被转到其他服务或窗口的次数，计入转出的窗口和营业员。",
            "客戶被轉到其他服務或窗口的次數，計入轉出的窗口和營業員。",
            "Times a customer was passed to another service or counter, under the counter and clerk "
            "who passed them on.",
        ),
    ),
    _d(
        "handovers",
        ("交接次数", "交接次數", "Hand-overs"),
        (
            "有交接记录（交接人、接收人、原因、时间）的转办：首问负责制下的正式移交。",
            "有交接記錄（交接人、接收人、原因、時間）的轉辦：首問負責制下的正式移交。",
            "Transfers recorded as a hand-over (who, to whom, why, when): the formal hand-over of "
            "first-inquiry responsibility.",
        ),
    ),
    _d(
        "passed_without_handover",
        ("无交接转办", "無交接轉辦", "Passed on without hand-over"),
        (
            "转办次数 − 交接次数：客户被转走而无人接手负责，违反首问负责制。",
            "轉辦次數 − 交接次數：客戶被轉走而無人接手負責，違反首問負責制。",
            "Transfers − hand-overs: customers passed on with nobody taking responsibility, against "
            "first-inquiry responsibility.",
        ),
    ),
    _d(
        "ratings",
        ("评价数", "評價數", "Ratings"),
        (
            "办结后客户在评价器上的评价：非常满意、满意、一般、不满意、非常不满意；限时内未评记为“未评价”。"
            "每张号票最多一次，计入办结的服务、窗口和营业员。",
            "辦結後客戶在評價器上的評價：非常滿意、滿意、一般、不滿意、非常不滿意；限時內未評記為「未評價」。"
            "每張號票最多一次，計入辦結的服務、窗口和營業員。",
            "The customer's answer on the rating screen after being finished: very satisfied, satisfied, "
            "neutral, dissatisfied, very dissatisfied; no answer in time is 'not rated'. At most one per "
            "ticket, under the finishing service, counter and clerk.",
        ),
    ),
    _d(
        "satisfaction_rate",
        ("满意率", "滿意率", "Satisfaction rate"),
        (
            "（非常满意 + 满意）÷ 有效评价数，“未评价”不计入分母（前两项口径）。",
            "（非常滿意 + 滿意）÷ 有效評價數，「未評價」不計入分母（前兩項口徑）。",
            "(very satisfied + satisfied) ÷ ratings given; 'not rated' is left out of the denominator "
            "(top-two-box).",
        ),
    ),
    _d(
        "response_rate",
        ("参评率", "參評率", "Response rate"),
        (
            "有效评价数 ÷（有效评价数 + 未评价数）。",
            "有效評價數 ÷（有效評價數 + 未評價數）。",
            "Ratings given ÷ (ratings given + not rated).",
        ),
    ),
    _d(
        "mean_score",
        ("平均评分", "平均評分", "Average score"),
        (
            "非常满意 5 分、满意 4 分、一般 3 分、不满意 2 分、非常不满意 1 分的平均，不含未评价。",
            "非常滿意 5 分、滿意 4 分、一般 3 分、不滿意 2 分、非常不滿意 1 分的平均，不含未評價。",
            "Average on very satisfied 5, satisfied 4, neutral 3, dissatisfied 2, very dissatisfied 1; "
            "'not rated' left out.",
        ),
    ),
    _d(
        "guided_online",
        ("引导线上缴费", "引導線上繳費", "Guided to pay online"),
        (
            "营业员引导使用线上渠道缴费（记录了缴费引导单）的客户数。",
            "營業員引導使用線上渠道繳費（記錄了繳費引導單）的客戶數。",
            "Customers the clerk guided to pay online (a payment guidance slip recorded).",
        ),
    ),
    _d(
        "forecast",
        ("预测到达", "預測到達", "Forecast arrivals"),
        (
            "按本厅近几周的取号记录估计：水平 × 星期系数 × 月内日类系数（月末、缴费截止后）× 小时分布，"
            "各系数为泊松对数线性模型的最大似然估计（迭代比例拟合），剔除异常日后重估；节假日和调休按国家工作日历。",
            "按本廳近幾週的取號記錄估計：水平 × 星期係數 × 月內日類係數（月末、繳費截止後）× 小時分佈，"
            "各係數為泊松對數線性模型的最大似然估計（迭代比例擬合），剔除異常日後重估；節假日和調休按國家工作日曆。",
            "Estimated from the hall's numbers taken in recent weeks: level × weekday factor × "
            "day-of-month factor (month end, after the payment deadline) × hour profile; the factors "
            "are the maximum-likelihood fit of a Poisson log-linear model (iterative proportional "
            "fitting), refitted without outlier days; holidays and make-up working days follow the "
            "official calendar.",
        ),
    ),
    _d(
        "counters_needed",
        ("所需窗口", "所需窗口", "Counters needed"),
        (
            "Erlang C（M/M/c）排队模型：到达为泊松流、办理时长服从指数分布、先到先办、不放弃排队；"
            "取使该时段至少达到目标比例的客户在目标等候时长内被叫号的最少窗口数，各服务分别计算后相加。",
            "Erlang C（M/M/c）排隊模型：到達為泊松流、辦理時長服從指數分佈、先到先辦、不放棄排隊；"
            "取使該時段至少達到目標比例的客戶在目標等候時長內被叫號的最少窗口數，各服務分別計算後相加。",
            "Erlang C (M/M/c): Poisson arrivals, exponential service times, first come first served, "
            "nobody gives up; the fewest counters that call at least the target share of the hour's "
            "customers within the target wait, per service, added up.",
        ),
    ),
    _d(
        "forecast_error",
        ("预测误差（WAPE）", "預測誤差（WAPE）", "Forecast error (WAPE)"),
        (
            "加权平均绝对百分比误差：Σ|实际 − 预测| ÷ Σ实际，按日或按小时计；在过去几周滚动回测"
            "（每周只用该周之前的记录预测该周）。",
            "加權平均絕對百分比誤差：Σ|實際 − 預測| ÷ Σ實際，按日或按小時計；在過去幾週滾動回測"
            "（每週只用該週之前的記錄預測該週）。",
            "Weighted absolute percentage error: Σ|actual − forecast| ÷ Σ actual, per day or per hour; "
            "back-tested on past weeks with a rolling origin (each week forecast from the weeks before it).",
        ),
    ),
    _d(
        "privacy",
        ("个人信息", "個人資訊", "Personal data"),
        (
            "本报表不含客户的任何个人信息（姓名、证件、电话、户号、号票）；营业员以姓名和工号列示。",
            "本報表不含客戶的任何個人資訊（姓名、證件、電話、戶號、號票）；營業員以姓名和工號列示。",
            "This report holds no personal data of customers (names, IDs, phones, accounts, tickets); "
            "clerks appear by name and staff code.",
        ),
    ),
)

_BY_KEY = {d.key: d for d in DEFINITIONS}


def definition(key: str) -> FigureDefinition:
    """The definition of one figure; ``KeyError`` for a figure nobody defined."""
    return _BY_KEY[key]


RATING_NAMES: dict[str, Names] = {
    "very_satisfied": Names("非常满意", "非常滿意", "Very satisfied"),
    "satisfied": Names("满意", "滿意", "Satisfied"),
    "neutral": Names("一般", "一般", "Neutral"),
    "dissatisfied": Names("不满意", "不滿意", "Dissatisfied"),
    "very_dissatisfied": Names("非常不满意", "非常不滿意", "Very dissatisfied"),
    "not_rated": Names("未评价", "未評價", "Not rated"),
}
