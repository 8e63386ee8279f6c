"""Words of the reports besides the figures' own (titles, label columns, charts), in three languages.

The figures' labels and definitions live in :mod:`~.definitions`; these are the report's frame.
"""

from __future__ import annotations

from datetime import date

from counter_app.domain.profile import Names

T: dict[str, Names] = {
    "daily": Names("服务质量日报", "服務質量日報", "Service quality: daily report"),
    "monthly": Names("服务质量月报", "服務質量月報", "Service quality: monthly report"),
    "range": Names("服务质量报表", "服務質量報表", "Service quality report"),
    "forecast_title": Names(
        "到达预测与窗口安排", "到達預測與窗口安排", "Arrivals forecast and counters needed"
    ),
    "range_period": Names("{0} 至 {1}", "{0} 至 {1}", "{0} to {1}"),
    "month_period": Names("{0}年{1}月", "{0}年{1}月", "{1}/{0}"),
    "by_service": Names("按服务", "按服務", "By service"),
    "by_counter": Names("按窗口", "按窗口", "By counter"),
    "by_clerk": Names("按营业员", "按營業員", "By clerk"),
    "by_hour": Names("按时段", "按時段", "By hour"),
    "by_day": Names("按日", "按日", "By day"),
    "ratings": Names("客户评价", "客戶評價", "Customer ratings"),
    "reasons": Names("不满意原因", "不滿意原因", "Reasons given with low ratings"),
    "green": Names("绿色通道", "綠色通道", "Green channel"),
    "service": Names("服务", "服務", "Service"),
    "counter": Names("窗口", "窗口", "Counter"),
    "counter_n": Names("{0}号窗口", "{0}號窗口", "Counter {0}"),
    "clerk": Names("营业员（工号）", "營業員（工號）", "Clerk (staff code)"),
    "clerk_label": Names("{0}（{1}）", "{0}（{1}）", "{0} ({1})"),
    "hour": Names("时段", "時段", "Hour"),
    "day": Names("日期", "日期", "Day"),
    "level": Names("评价", "評價", "Rating"),
    "reason": Names("原因", "原因", "Reason"),
    "count": Names("次数", "次數", "Count"),
    "share": Names("占比", "佔比", "Share"),
    "green_count": Names("绿色通道叫号数", "綠色通道叫號數", "Green numbers called"),
    "chart_arrivals": Names(
        "各时段取号数与开放窗口", "各時段取號數與開放窗口", "Numbers taken by hour and counters open"
    ),
    "chart_waits": Names("等候时长分布", "等候時長分佈", "How long customers waited"),
    "chart_trend": Names(
        "每日取号数与平均等候", "每日取號數與平均等候", "Numbers taken and average wait per day"
    ),
    "arrivals_per_day": Names("日均取号数", "日均取號數", "Numbers taken, daily average"),
    "counters_open": Names("开放窗口（平均）", "開放窗口（平均）", "Counters open (average)"),
    "minutes_axis": Names("分钟", "分鐘", "minutes"),
    "people_axis": Names("人数", "人數", "customers"),
    "counters_axis": Names("窗口数", "窗口數", "counters"),
    "bin": Names("{0}–{1}分钟", "{0}–{1}分鐘", "{0}–{1} min"),
    "bin_last": Names("≥{0}分钟", "≥{0}分鐘", "≥{0} min"),
    "targets_wait": Names("目标等候时长：{0}。", "目標等候時長：{0}。", "Target waits: {0}."),
    "targets_service": Names("柜台办理时限：{0}。", "櫃檯辦理時限：{0}。", "Counter-time targets: {0}."),
    "minutes_n": Names("{0} 分钟", "{0} 分鐘", "{0} min"),
    "source": Names(
        "由本厅的每日汇总计算；90% 值精确到 1 分钟。",
        "由本廳的每日匯總計算；90% 值精確到 1 分鐘。",
        "Computed from the hall's daily summaries; 90th percentiles to the minute.",
    ),
    # every report's frame
    "page_of": Names("第 {0} / {1} 页", "第 {0} / {1} 頁", "Page {0} of {1}"),
    "generated": Names("生成于 {0}", "生成於 {0}", "Generated {0}"),
    "see_definitions": Names(
        "各项指标的定义见报表末尾。",
        "各項指標的定義見報表末尾。",
        "Every figure is defined at the end of the report.",
    ),
    "definitions_title": Names("指标定义", "指標定義", "Definitions"),
    "notes_title": Names("说明", "說明", "Notes"),
    "highlights_title": Names("概况", "概況", "At a glance"),
    "term": Names("指标", "指標", "Figure"),
    "meaning": Names("定义", "定義", "Definition"),
    "value": Names("数值", "數值", "Value"),
    "hall_label": Names("营业厅", "營業廳", "Hall"),
    "period_label": Names("期间", "期間", "Period"),
    # the forecast report
    "day_kind": Names("日类", "日類", "Kind of day"),
    "day_class": Names("月内", "月內", "In the month"),
    "expected": Names("预测到达", "預測到達", "Expected arrivals"),
    "peak_counters": Names("高峰所需窗口", "高峰所需窗口", "Counters at the peak"),
    "peak_hour": Names("高峰时段", "高峰時段", "Peak hour"),
    "forecast_days": Names("每日预测", "每日預測", "Forecast per day"),
    "forecast_counters": Names("各时段所需窗口", "各時段所需窗口", "Counters needed per hour"),
    "forecast_arrivals": Names("各时段预测到达", "各時段預測到達", "Expected arrivals per hour"),
    "backtest": Names("预测误差回测", "預測誤差回測", "Forecast error on past weeks"),
    "week_from": Names("回测周起始", "回測週起始", "Week from"),
    "actual": Names("实际到达", "實際到達", "Actual arrivals"),
    "wape_day": Names("WAPE（按日）", "WAPE（按日）", "WAPE per day"),
    "wape_hour": Names("WAPE（按小时）", "WAPE（按小時）", "WAPE per hour"),
    "mape_day": Names("MAPE（按日）", "MAPE（按日）", "MAPE per day"),
    "chart_forecast": Names(
        "每日预测到达与高峰所需窗口",
        "每日預測到達與高峰所需窗口",
        "Expected arrivals and counters at the peak",
    ),
    "provisional": Names(
        "标 * 的日期：{0} 年的节假日安排尚未公布，其日类为暂定。",
        "標 * 的日期：{0} 年的節假日安排尚未公佈，其日類為暫定。",
        "Days marked *: the {0} holiday schedule is not yet published, so their kind is provisional.",
    ),
    "plan_basis": Names(
        "目标：{0:.0%} 的客户在目标等候时长内被叫号；办理时长取近期实测平均（不足时用设定值）：{1}。",
        "目標：{0:.0%} 的客戶在目標等候時長內被叫號；辦理時長取近期實測平均（不足時用設定值）：{1}。",
        "Target: {0:.0%} of customers called within the target wait; service times are recent measured "
        "averages (the profile's value where too few were timed): {1}.",
    ),
    "fit_basis": Names(
        "模型由 {0} 至 {1} 的记录拟合。",
        "模型由 {0} 至 {1} 的記錄擬合。",
        "The model was fitted on {0} to {1}.",
    ),
}

KINDS: dict[str, Names] = {
    "mon": Names("周一", "週一", "Mon"),
    "tue": Names("周二", "週二", "Tue"),
    "wed": Names("周三", "週三", "Wed"),
    "thu": Names("周四", "週四", "Thu"),
    "fri": Names("周五", "週五", "Fri"),
    "sat": Names("周六", "週六", "Sat"),
    "sun": Names("周日", "週日", "Sun"),
    "holiday": Names("节假日", "節假日", "Holiday"),
    "makeup": Names("调休上班", "調休上班", "Make-up working day"),
}

CLASSES: dict[str, Names] = {
    "normal": Names("平日", "平日", "Ordinary"),
    "month_end": Names("月末", "月末", "Month end"),
    "after_deadline": Names("缴费截止后", "繳費截止後", "After the payment deadline"),
}

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def text(key: str, language: str, *args: object) -> str:
    return T[key].get(language).format(*args)


def day_label(day: date, language: str) -> str:
    """``2025-03-03（周一）`` / ``2025-03-03 (Mon)``."""
    weekday = KINDS[WEEKDAYS[day.weekday()]].get(language)
    return f"{day.isoformat()} ({weekday})" if language == "en" else f"{day.isoformat()}（{weekday}）"


def hour_label(hour: int) -> str:
    return f"{hour:02d}:00–{hour + 1:02d}:00"
