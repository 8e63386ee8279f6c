<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_TW">
  <context>
    <name>Announcer</name>
    <message>
      <source>Number %1, please go to counter %2.</source>
      <translation>請%1號到%2號窗口辦理。</translation>
    </message>
    <message>
      <source>Number %1, please come to counter %2 now.</source>
      <translation>請%1號儘快到%2號窗口辦理。</translation>
    </message>
  </context>
  <context>
    <name>CounterWindow</name>
    <message>
      <source>Counter %1</source>
      <translation>%1號窗口</translation>
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
      <translation>客戶到櫃</translation>
    </message>
    <message>
      <source>No-show</source>
      <translation>過號</translation>
    </message>
    <message>
      <source>Transfer…</source>
      <translation>轉辦…</translation>
    </message>
    <message>
      <source>Finish</source>
      <translation>辦結</translation>
    </message>
    <message>
      <source>Call a number…</source>
      <translation>指定叫號…</translation>
    </message>
    <message>
      <source>Pause</source>
      <translation>暫停服務</translation>
    </message>
    <message>
      <source>Current customer</source>
      <translation>當前客戶</translation>
    </message>
    <message>
      <source>Waiting for this counter</source>
      <translation>本窗口等候客戶</translation>
    </message>
    <message>
      <source>Waiting line</source>
      <translation>等候隊列</translation>
    </message>
    <message>
      <source>Put a no-show back in line…</source>
      <translation>過號客戶重新排隊…</translation>
    </message>
    <message>
      <source>Serves: %1</source>
      <translation>辦理業務：%1</translation>
    </message>
    <message>
      <source>Clerk: %1</source>
      <translation>營業員：%1</translation>
    </message>
    <message>
      <source>(not signed in)</source>
      <translation>（未簽到）</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>服務中</translation>
    </message>
    <message>
      <source>Paused</source>
      <translation>暫停服務</translation>
    </message>
    <message>
      <source>Closed</source>
      <translation>已關閉</translation>
    </message>
    <message>
      <source>%1 min</source>
      <translation>%1分鐘</translation>
    </message>
    <message>
      <source>Today at this counter: %1 served · %2 no-shows · average service %3 · average wait %4</source>
      <translation>本窗口今日：辦結 %1 人 · 過號 %2 人 · 平均辦理 %3 · 平均等候 %4</translation>
    </message>
    <message>
      <source>Longest wait %1 min (target %2 min)</source>
      <translation>最長等候 %1 分鐘（目標 %2 分鐘）</translation>
    </message>
    <message>
      <source>No customer. Press Call next.</source>
      <translation>暫無客戶，請按「下一位」。</translation>
    </message>
    <message>
      <source>Green channel</source>
      <translation>綠色通道</translation>
    </message>
    <message>
      <source>Called at %1 · recalled %2 times · waited %3 min</source>
      <translation>%1 叫號 · 已重呼 %2 次 · 等候 %3 分鐘</translation>
    </message>
    <message>
      <source>Being served for %1 min · waited %2 min</source>
      <translation>已辦理 %1 分鐘 · 等候 %2 分鐘</translation>
    </message>
    <message>
      <source>Resume</source>
      <translation>恢復服務</translation>
    </message>
    <message>
      <source>Nobody is waiting for this counter.</source>
      <translation>本窗口暫無等候客戶。</translation>
    </message>
    <message>
      <source>Called %1</source>
      <translation>已呼叫 %1</translation>
    </message>
    <message>
      <source>%1 did not come after the recalls and is marked no-show.</source>
      <translation>%1 多次呼叫未到，已記爲過號。</translation>
    </message>
    <message>
      <source>Recalled %1</source>
      <translation>已重呼 %1</translation>
    </message>
    <message>
      <source>%1 marked no-show.</source>
      <translation>%1 已記爲過號。</translation>
    </message>
    <message>
      <source>%1 finished.</source>
      <translation>%1 已辦結。</translation>
    </message>
    <message>
      <source>%1 sent to %2, keeping its place.</source>
      <translation>%1 已轉至%2，保留原排隊順序。</translation>
    </message>
    <message>
      <source>Call a number</source>
      <translation>指定叫號</translation>
    </message>
    <message>
      <source>Ticket number (e.g. A012):</source>
      <translation>排隊號碼（如 A012）：</translation>
    </message>
    <message>
      <source>Call %1 now</source>
      <translation>立即呼叫 %1</translation>
    </message>
    <message>
      <source>Cancel %1 (customer left)</source>
      <translation>取消 %1（客戶已離開）</translation>
    </message>
    <message>
      <source>%1 cancelled.</source>
      <translation>%1 已取消。</translation>
    </message>
    <message>
      <source>Put back in line</source>
      <translation>重新排隊</translation>
    </message>
    <message>
      <source>No-show ticket number:</source>
      <translation>過號的排隊號碼：</translation>
    </message>
    <message>
      <source>%1 is back in line.</source>
      <translation>%1 已重新排隊。</translation>
    </message>
    <message>
      <source>Sign in</source>
      <translation>營業員簽到</translation>
    </message>
    <message>
      <source>Clerk name or staff number:</source>
      <translation>營業員姓名或工號：</translation>
    </message>
  </context>
  <context>
    <name>DisplayWindow</name>
    <message>
      <source>Hall display</source>
      <translation>叫號屏</translation>
    </message>
    <message>
      <source>Number</source>
      <translation>號碼</translation>
    </message>
    <message>
      <source>Counter</source>
      <translation>窗口</translation>
    </message>
    <message>
      <source>Service</source>
      <translation>業務</translation>
    </message>
    <message>
      <source>Recent calls</source>
      <translation>最近呼叫</translation>
    </message>
    <message>
      <source>Counter %1</source>
      <translation>%1號窗口</translation>
    </message>
    <message>
      <source>Closed</source>
      <translation>暫停辦理</translation>
    </message>
    <message>
      <source>Paused</source>
      <translation>暫停服務</translation>
    </message>
    <message>
      <source>Waiting for the next customer</source>
      <translation>等待下一位客戶</translation>
    </message>
    <message>
      <source>Waiting: %1</source>
      <translation>等候人數：%1</translation>
    </message>
  </context>
  <context>
    <name>Errors</name>
    <message>
      <source>There is no service %1 in this hall.</source>
      <translation>本營業廳沒有 %1 業務。</translation>
    </message>
    <message>
      <source>Unknown green-channel reason %1.</source>
      <translation>未知的綠色通道類別 %1。</translation>
    </message>
    <message>
      <source>There is no counter %1 in this hall.</source>
      <translation>本營業廳沒有 %1 號窗口。</translation>
    </message>
    <message>
      <source>Counter %1 is closed. Open it first.</source>
      <translation>%1號窗口已關閉，請先開啓窗口。</translation>
    </message>
    <message>
      <source>Counter %1 still has a customer. Finish or transfer first.</source>
      <translation>%1號窗口還有客戶在辦理，請先辦結或轉辦。</translation>
    </message>
    <message>
      <source>Counter %1 has no customer at the moment.</source>
      <translation>%1號窗口當前沒有客戶。</translation>
    </message>
    <message>
      <source>Nobody is waiting for counter %1.</source>
      <translation>%1號窗口暫無等候客戶。</translation>
    </message>
    <message>
      <source>%1 is %2 and cannot be %3.</source>
      <translation>%1 當前爲「%2」狀態，不能%3。</translation>
    </message>
    <message>
      <source>%1 is not being served at counter %2.</source>
      <translation>%1 不在%2號窗口辦理。</translation>
    </message>
    <message>
      <source>%1 was just called at another counter.</source>
      <translation>%1 剛被其他窗口呼叫。</translation>
    </message>
    <message>
      <source>%1 is already in that line.</source>
      <translation>%1 已在該業務隊列中。</translation>
    </message>
    <message>
      <source>%1 missed its call more than %2 minutes ago; please take a new number.</source>
      <translation>%1 過號已超過 %2 分鐘，請重新取號。</translation>
    </message>
    <message>
      <source>There is no ticket %1 today.</source>
      <translation>今天沒有 %1 號。</translation>
    </message>
    <message>
      <source>The hall profile has an error: %1</source>
      <translation>營業廳配置有誤：%1</translation>
    </message>
    <message>
      <source>The hall profile %1 cannot be read.</source>
      <translation>無法讀取營業廳配置文件 %1。</translation>
    </message>
    <message>
      <source>The hall database is busy (another program holds it). Nothing was saved; try again.</source>
      <translation>營業廳數據庫正忙（被其他程序佔用），本次操作未保存，請重試。</translation>
    </message>
    <message>
      <source>The disk is full. Nothing was saved; free some space and try again.</source>
      <translation>磁盤已滿，本次操作未保存。請清理磁盤空間後重試。</translation>
    </message>
    <message>
      <source>The hall database cannot be written (read-only). Nothing was saved.</source>
      <translation>營業廳數據庫無法寫入（只讀），本次操作未保存。</translation>
    </message>
    <message>
      <source>The disk reported an error. Nothing was saved; try again or call IT.</source>
      <translation>磁盤讀寫出錯，本次操作未保存。請重試或聯繫信息運維人員。</translation>
    </message>
    <message>
      <source>The hall database file is damaged. Restore the last backup or call the hall's IT support.</source>
      <translation>營業廳數據庫文件已損壞。請恢復最近的備份，或聯繫信息運維人員。</translation>
    </message>
    <message>
      <source>The hall database cannot be opened (missing folder or no permission).</source>
      <translation>無法打開營業廳數據庫（文件夾不存在或沒有權限）。</translation>
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
      <translation>辦理中</translation>
    </message>
    <message>
      <source>finished</source>
      <translation>已辦結</translation>
    </message>
    <message>
      <source>a no-show</source>
      <translation>過號</translation>
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
      <translation>開始辦理</translation>
    </message>
    <message>
      <source>marked no-show</source>
      <translation>記爲過號</translation>
    </message>
    <message>
      <source>put back in line</source>
      <translation>重新排隊</translation>
    </message>
    <message>
      <source>Something went wrong; it has been logged. Please tell IT support.</source>
      <translation>系統出現異常，已記錄日誌。請告知信息運維人員。</translation>
    </message>
  </context>
  <context>
    <name>KioskWindow</name>
    <message>
      <source>Take a number</source>
      <translation>取號</translation>
    </message>
    <message>
      <source>Please choose your service</source>
      <translation>請選擇您要辦理的業務</translation>
    </message>
    <message>
      <source>Green channel</source>
      <translation>綠色通道</translation>
    </message>
    <message>
      <source>Pay your electricity bill online next time: no queue. Ask any clerk, or call %1.</source>
      <translation>下次交電費可以在網上辦理，無需排隊。詳情請諮詢工作人員或撥打 %1。</translation>
    </message>
    <message>
      <source>Green channel: which applies to you?</source>
      <translation>綠色通道：請選擇您的情況</translation>
    </message>
    <message>
      <source>Back</source>
      <translation>返回</translation>
    </message>
    <message>
      <source>Green channel: choose your service</source>
      <translation>綠色通道：請選擇辦理的業務</translation>
    </message>
    <message>
      <source>Your number</source>
      <translation>您的號碼</translation>
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
      <translation>約 %n 分鐘</translation>
    </message>
    <message>
      <source>You are next</source>
      <translation>下一位就是您</translation>
    </message>
    <message>
      <source>Please remember your number; it will be called on the display.</source>
      <translation>請記住您的號碼，叫號屏和廣播會通知您。</translation>
    </message>
    <message>
      <source>Printing your ticket…</source>
      <translation>正在打印排隊小票…</translation>
    </message>
    <message>
      <source>Please take your ticket.</source>
      <translation>請取走您的排隊小票。</translation>
    </message>
    <message>
      <source>The printer cannot print right now. Your number is kept: please remember it, or ask a clerk to reprint your ticket.</source>
      <translation>打印機暫時無法出票。您的號碼已保留：請記住號碼，或請工作人員爲您補打小票。</translation>
    </message>
  </context>
  <context>
    <name>Launcher</name>
    <message>
      <source>Counter tool</source>
      <translation>營業廳櫃檯系統</translation>
    </message>
  </context>
  <context>
    <name>QueueModels</name>
    <message>
      <source>Number</source>
      <translation>號碼</translation>
    </message>
    <message>
      <source>Service</source>
      <translation>業務</translation>
    </message>
    <message>
      <source>Waited (min)</source>
      <translation>已等候（分鐘）</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>備註</translation>
    </message>
  </context>
  <context>
    <name>TicketSlip</name>
    <message>
      <source>REPRINT · 补打</source>
      <translation>補打</translation>
    </message>
    <message>
      <source>Reprinted %1</source>
      <translation>補打時間 %1</translation>
    </message>
    <message>
      <source>Green channel</source>
      <translation>綠色通道</translation>
    </message>
    <message>
      <source>Green channel · %1</source>
      <translation>綠色通道 · %1</translation>
    </message>
    <message>
      <source>%1 people ahead of you</source>
      <translation>您前面還有 %1 人等候</translation>
    </message>
    <message>
      <source>1 person ahead of you</source>
      <translation>您前面還有 1 人等候</translation>
    </message>
    <message>
      <source>You are next</source>
      <translation>下一位就是您</translation>
    </message>
    <message>
      <source>Estimated wait: about %1 min</source>
      <translation>預計等候約 %1 分鐘</translation>
    </message>
    <message>
      <source>No estimate yet</source>
      <translation>暫無法估算等候時間</translation>
    </message>
    <message>
      <source>Issued %1</source>
      <translation>取號時間 %1</translation>
    </message>
    <message>
      <source>Next time, scan to get the 网上国网 app and pay online - no queue</source>
      <translation>下次可掃碼下載「網上國網」，在線交費不排隊</translation>
    </message>
    <message>
      <source>Please listen for your number to be called</source>
      <translation>請留意叫號，過號請到窗口諮詢</translation>
    </message>
    <message>
      <source>Service hotline %1</source>
      <translation>供電服務熱線 %1</translation>
    </message>
  </context>
</TS>