<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
  <context>
    <name>Announcer</name>
    <message>
      <source>Number %1, please go to counter %2.</source>
      <translation>请%1号到%2号窗口办理。</translation>
    </message>
    <message>
      <source>Number %1, please come to counter %2 now.</source>
      <translation>请%1号尽快到%2号窗口办理。</translation>
    </message>
  </context>
  <context>
    <name>CounterWindow</name>
    <message>
      <source>Counter %1</source>
      <translation>%1号窗口</translation>
    </message>
    <message>
      <source>Call next</source>
      <translation>下一位</translation>
    </message>
    <message>
      <source>Recall</source>
      <translation>重呼</translation>
    </message>
    <message>
      <source>Customer arrived</source>
      <translation>客户到柜</translation>
    </message>
    <message>
      <source>No-show</source>
      <translation>过号</translation>
    </message>
    <message>
      <source>Transfer…</source>
      <translation>转办…</translation>
    </message>
    <message>
      <source>Finish</source>
      <translation>办结</translation>
    </message>
    <message>
      <source>Call a number…</source>
      <translation>指定叫号…</translation>
    </message>
    <message>
      <source>Pause</source>
      <translation>暂停服务</translation>
    </message>
    <message>
      <source>Current customer</source>
      <translation>当前客户</translation>
    </message>
    <message>
      <source>Waiting for this counter</source>
      <translation>本窗口等候客户</translation>
    </message>
    <message>
      <source>Waiting line</source>
      <translation>等候队列</translation>
    </message>
    <message>
      <source>Put a no-show back in line…</source>
      <translation>过号客户重新排队…</translation>
    </message>
    <message>
      <source>Serves: %1</source>
      <translation>办理业务：%1</translation>
    </message>
    <message>
      <source>Clerk: %1</source>
      <translation>营业员：%1</translation>
    </message>
    <message>
      <source>(not signed in)</source>
      <translation>（未签到）</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>服务中</translation>
    </message>
    <message>
      <source>Paused</source>
      <translation>暂停服务</translation>
    </message>
    <message>
      <source>Closed</source>
      <translation>已关闭</translation>
    </message>
    <message>
      <source>%1 min</source>
      <translation>%1分钟</translation>
    </message>
    <message>
      <source>Today at this counter: %1 served · %2 no-shows · average service %3 · average wait %4</source>
      <translation>本窗口今日：办结 %1 人 · 过号 %2 人 · 平均办理 %3 · 平均等候 %4</translation>
    </message>
    <message>
      <source>Longest wait %1 min (target %2 min)</source>
      <translation>最长等候 %1 分钟（目标 %2 分钟）</translation>
    </message>
    <message>
      <source>No customer. Press Call next.</source>
      <translation>暂无客户，请按“下一位”。</translation>
    </message>
    <message>
      <source>Green channel</source>
      <translation>绿色通道</translation>
    </message>
    <message>
      <source>Called at %1 · recalled %2 times · waited %3 min</source>
      <translation>%1 叫号 · 已重呼 %2 次 · 等候 %3 分钟</translation>
    </message>
    <message>
      <source>Being served for %1 min · waited %2 min</source>
      <translation>已办理 %1 分钟 · 等候 %2 分钟</translation>
    </message>
    <message>
      <source>Resume</source>
      <translation>恢复服务</translation>
    </message>
    <message>
      <source>Nobody is waiting for this counter.</source>
      <translation>本窗口暂无等候客户。</translation>
    </message>
    <message>
      <source>Called %1</source>
      <translation>已呼叫 %1</translation>
    </message>
    <message>
      <source>%1 did not come after the recalls and is marked no-show.</source>
      <translation>%1 多次呼叫未到，已记为过号。</translation>
    </message>
    <message>
      <source>Recalled %1</source>
      <translation>已重呼 %1</translation>
    </message>
    <message>
      <source>%1 marked no-show.</source>
      <translation>%1 已记为过号。</translation>
    </message>
    <message>
      <source>%1 finished.</source>
      <translation>%1 已办结。</translation>
    </message>
    <message>
      <source>%1 sent to %2, keeping its place.</source>
      <translation>%1 已转至%2，保留原排队顺序。</translation>
    </message>
    <message>
      <source>Call a number</source>
      <translation>指定叫号</translation>
    </message>
    <message>
      <source>Ticket number (e.g. A012):</source>
      <translation>排队号码（如 A012）：</translation>
    </message>
    <message>
      <source>Call %1 now</source>
      <translation>立即呼叫 %1</translation>
    </message>
    <message>
      <source>Cancel %1 (customer left)</source>
      <translation>取消 %1（客户已离开）</translation>
    </message>
    <message>
      <source>%1 cancelled.</source>
      <translation>%1 已取消。</translation>
    </message>
    <message>
      <source>Put back in line</source>
      <translation>重新排队</translation>
    </message>
    <message>
      <source>No-show ticket number:</source>
      <translation>过号的排队号码：</translation>
    </message>
    <message>
      <source>%1 is back in line.</source>
      <translation>%1 已重新排队。</translation>
    </message>
    <message>
      <source>Sign in</source>
      <translation>营业员签到</translation>
    </message>
    <message>
      <source>Clerk name or staff number:</source>
      <translation>营业员姓名或工号：</translation>
    </message>
  </context>
  <context>
    <name>DisplayWindow</name>
    <message>
      <source>Hall display</source>
      <translation>叫号屏</translation>
    </message>
    <message>
      <source>Number</source>
      <translation>号码</translation>
    </message>
    <message>
      <source>Counter</source>
      <translation>窗口</translation>
    </message>
    <message>
      <source>Service</source>
      <translation>业务</translation>
    </message>
    <message>
      <source>Recent calls</source>
      <translation>最近呼叫</translation>
    </message>
    <message>
      <source>Counter %1</source>
      <translation>%1号窗口</translation>
    </message>
    <message>
      <source>Closed</source>
      <translation>暂停办理</translation>
    </message>
    <message>
      <source>Paused</source>
      <translation>暂停服务</translation>
    </message>
    <message>
      <source>Waiting for the next customer</source>
      <translation>等待下一位客户</translation>
    </message>
    <message>
      <source>Waiting: %1</source>
      <translation>等候人数：%1</translation>
    </message>
  </context>
  <context>
    <name>Errors</name>
    <message>
      <source>There is no service %1 in this hall.</source>
      <translation>本营业厅没有 %1 业务。</translation>
    </message>
    <message>
      <source>Unknown green-channel reason %1.</source>
      <translation>未知的绿色通道类别 %1。</translation>
    </message>
    <message>
      <source>There is no counter %1 in this hall.</source>
      <translation>本营业厅没有 %1 号窗口。</translation>
    </message>
    <message>
      <source>Counter %1 is closed. Open it first.</source>
      <translation>%1号窗口已关闭，请先开启窗口。</translation>
    </message>
    <message>
      <source>Counter %1 still has a customer. Finish or transfer first.</source>
      <translation>%1号窗口还有客户在办理，请先办结或转办。</translation>
    </message>
    <message>
      <source>Counter %1 has no customer at the moment.</source>
      <translation>%1号窗口当前没有客户。</translation>
    </message>
    <message>
      <source>Nobody is waiting for counter %1.</source>
      <translation>%1号窗口暂无等候客户。</translation>
    </message>
    <message>
      <source>%1 is %2 and cannot be %3.</source>
      <translation>%1 当前为“%2”状态，不能%3。</translation>
    </message>
    <message>
      <source>%1 is not being served at counter %2.</source>
      <translation>%1 不在%2号窗口办理。</translation>
    </message>
    <message>
      <source>%1 was just called at another counter.</source>
      <translation>%1 刚被其他窗口呼叫。</translation>
    </message>
    <message>
      <source>%1 is already in that line.</source>
      <translation>%1 已在该业务队列中。</translation>
    </message>
    <message>
      <source>%1 missed its call more than %2 minutes ago; please take a new number.</source>
      <translation>%1 过号已超过 %2 分钟，请重新取号。</translation>
    </message>
    <message>
      <source>There is no ticket %1 today.</source>
      <translation>今天没有 %1 号。</translation>
    </message>
    <message>
      <source>The hall profile has an error: %1</source>
      <translation>营业厅配置有误：%1</translation>
    </message>
    <message>
      <source>The hall profile %1 cannot be read.</source>
      <translation>无法读取营业厅配置文件 %1。</translation>
    </message>
    <message>
      <source>The hall database is busy (another program holds it). Nothing was saved; try again.</source>
      <translation>营业厅数据库正忙（被其他程序占用），本次操作未保存，请重试。</translation>
    </message>
    <message>
      <source>The disk is full. Nothing was saved; free some space and try again.</source>
      <translation>磁盘已满，本次操作未保存。请清理磁盘空间后重试。</translation>
    </message>
    <message>
      <source>The hall database cannot be written (read-only). Nothing was saved.</source>
      <translation>营业厅数据库无法写入（只读），本次操作未保存。</translation>
    </message>
    <message>
      <source>The disk reported an error. Nothing was saved; try again or call IT.</source>
      <translation>磁盘读写出错，本次操作未保存。请重试或联系信息运维人员。</translation>
    </message>
    <message>
      <source>The hall database file is damaged. Restore the last backup or call the hall's IT support.</source>
      <translation>营业厅数据库文件已损坏。请恢复最近的备份，或联系信息运维人员。</translation>
    </message>
    <message>
      <source>The hall database cannot be opened (missing folder or no permission).</source>
      <translation>无法打开营业厅数据库（文件夹不存在或没有权限）。</translation>
    </message>
    <message>
      <source>waiting</source>
      <translation>等候中</translation>
    </message>
    <message>
      <source>called</source>
      <translation>已呼叫</translation>
    </message>
    <message>
      <source>being served</source>
      <translation>办理中</translation>
    </message>
    <message>
      <source>finished</source>
      <translation>已办结</translation>
    </message>
    <message>
      <source>a no-show</source>
      <translation>过号</translation>
    </message>
    <message>
      <source>cancelled</source>
      <translation>已取消</translation>
    </message>
    <message>
      <source>recalled</source>
      <translation>重呼</translation>
    </message>
    <message>
      <source>started</source>
      <translation>开始办理</translation>
    </message>
    <message>
      <source>marked no-show</source>
      <translation>记为过号</translation>
    </message>
    <message>
      <source>put back in line</source>
      <translation>重新排队</translation>
    </message>
    <message>
      <source>Something went wrong; it has been logged. Please tell IT support.</source>
      <translation>系统出现异常，已记录日志。请告知信息运维人员。</translation>
    </message>
  </context>
  <context>
    <name>KioskWindow</name>
    <message>
      <source>Take a number</source>
      <translation>取号</translation>
    </message>
    <message>
      <source>Please choose your service</source>
      <translation>请选择您要办理的业务</translation>
    </message>
    <message>
      <source>Green channel</source>
      <translation>绿色通道</translation>
    </message>
    <message>
      <source>Pay your electricity bill online next time: no queue. Ask any clerk, or call %1.</source>
      <translation>下次交电费可以在网上办理，无需排队。详情请咨询工作人员或拨打 %1。</translation>
    </message>
    <message>
      <source>Green channel: which applies to you?</source>
      <translation>绿色通道：请选择您的情况</translation>
    </message>
    <message>
      <source>Back</source>
      <translation>返回</translation>
    </message>
    <message>
      <source>Green channel: choose your service</source>
      <translation>绿色通道：请选择办理的业务</translation>
    </message>
    <message>
      <source>Your number</source>
      <translation>您的号码</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>完成</translation>
    </message>
    <message>
      <source>%n waiting</source>
      <translation>%n 人等候</translation>
    </message>
    <message>
      <source>about %n min</source>
      <translation>约 %n 分钟</translation>
    </message>
    <message>
      <source>You are next</source>
      <translation>下一位就是您</translation>
    </message>
    <message>
      <source>Please remember your number; it will be called on the display.</source>
      <translation>请记住您的号码，叫号屏和广播会通知您。</translation>
    </message>
    <message>
      <source>Printing your ticket…</source>
      <translation>正在打印排队小票…</translation>
    </message>
    <message>
      <source>Please take your ticket.</source>
      <translation>请取走您的排队小票。</translation>
    </message>
    <message>
      <source>The printer cannot print right now. Your number is kept: please remember it, or ask a clerk to reprint your ticket.</source>
      <translation>打印机暂时无法出票。您的号码已保留：请记住号码，或请工作人员为您补打小票。</translation>
    </message>
  </context>
  <context>
    <name>Launcher</name>
    <message>
      <source>Counter tool</source>
      <translation>营业厅柜台系统</translation>
    </message>
  </context>
  <context>
    <name>QueueModels</name>
    <message>
      <source>Number</source>
      <translation>号码</translation>
    </message>
    <message>
      <source>Service</source>
      <translation>业务</translation>
    </message>
    <message>
      <source>Waited (min)</source>
      <translation>已等候（分钟）</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
  </context>
  <context>
    <name>TicketSlip</name>
    <message>
      <source>REPRINT · 补打</source>
      <translation>补打</translation>
    </message>
    <message>
      <source>Reprinted %1</source>
      <translation>补打时间 %1</translation>
    </message>
    <message>
      <source>Green channel</source>
      <translation>绿色通道</translation>
    </message>
    <message>
      <source>Green channel · %1</source>
      <translation>绿色通道 · %1</translation>
    </message>
    <message>
      <source>%1 people ahead of you</source>
      <translation>您前面还有 %1 人等候</translation>
    </message>
    <message>
      <source>1 person ahead of you</source>
      <translation>您前面还有 1 人等候</translation>
    </message>
    <message>
      <source>You are next</source>
      <translation>下一位就是您</translation>
    </message>
    <message>
      <source>Estimated wait: about %1 min</source>
      <translation>预计等候约 %1 分钟</translation>
    </message>
    <message>
      <source>No estimate yet</source>
      <translation>暂无法估算等候时间</translation>
    </message>
    <message>
      <source>Issued %1</source>
      <translation>取号时间 %1</translation>
    </message>
    <message>
      <source>Next time, scan to get the 网上国网 app and pay online - no queue</source>
      <translation>下次可扫码下载“网上国网”，在线交费不排队</translation>
    </message>
    <message>
      <source>Please listen for your number to be called</source>
      <translation>请留意叫号，过号请到窗口咨询</translation>
    </message>
    <message>
      <source>Service hotline %1</source>
      <translation>供电服务热线 %1</translation>
    </message>
  </context>
</TS>