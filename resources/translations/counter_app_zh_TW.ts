<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_TW">
  <context>
    <name>AccountCardView</name>
    <message>
      <source>Account number (户号)</source>
      <translation>戶號</translation>
    </message>
    <message>
      <source>Find an account on the left, or type a number that has no record.</source>
      <translation>請在左側查找賬戶，或輸入沒有記錄的戶號。</translation>
    </message>
    <message>
      <source>No record in the hall's list</source>
      <translation>本廳清單中無此戶</translation>
    </message>
    <message>
      <source>Walk-in: the slip tells the customer to check the amount in the app.</source>
      <translation>無記錄戶號：憑條將提示客戶在App中查看應繳金額。</translation>
    </message>
    <message>
      <source>On record</source>
      <translation>有記錄</translation>
    </message>
    <message>
      <source>Amount due %1 yuan</source>
      <translation>應繳 %1 元</translation>
    </message>
    <message>
      <source>Nothing due · prepaid %1 yuan</source>
      <translation>無欠費 · 預存餘額 %1 元</translation>
    </message>
    <message>
      <source>Pay by %1</source>
      <translation>繳費截止 %1</translation>
    </message>
    <message>
      <source>Data date unknown</source>
      <translation>數據日期不詳</translation>
    </message>
    <message>
      <source>Not current: check before quoting</source>
      <translation>非最新數據，告知客戶前請覈實</translation>
    </message>
    <message>
      <source>Data as of %1</source>
      <translation>數據截至 %1</translation>
    </message>
    <message>
      <source>Not current: %1 days old, check before quoting</source>
      <translation>非最新數據（已過 %1 天），告知客戶前請覈實</translation>
    </message>
  </context>
  <context>
    <name>AccountImportDialog</name>
    <message>
      <source>Import account list</source>
      <translation>導入用戶清單</translation>
    </message>
    <message>
      <source>File (CSV or XLSX):</source>
      <translation>文件（CSV 或 XLSX）：</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>選擇…</translation>
    </message>
    <message>
      <source>Encoding:</source>
      <translation>編碼：</translation>
    </message>
    <message>
      <source>Automatic</source>
      <translation>自動識別</translation>
    </message>
    <message>
      <source>Columns of the export: 户号, 户名, 地址, 电话, 欠费/余额, 截止日期, 数据日期, 代扣.</source>
      <translation>導出文件的列：戶號、戶名、地址、電話、欠費/餘額、截止日期、數據日期、代扣。</translation>
    </message>
    <message>
      <source>Accounts in the file are replaced and the others kept. Nothing changes until the file is in.</source>
      <translation>文件中的戶號將被更新，其餘戶號保留。整個文件導入完成前不做任何更改。</translation>
    </message>
    <message>
      <source>Import</source>
      <translation>導入</translation>
    </message>
    <message>
      <source>Cancel import</source>
      <translation>取消導入</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>關閉</translation>
    </message>
    <message>
      <source>Open rejected rows</source>
      <translation>打開未導入的行</translation>
    </message>
    <message>
      <source>Account list</source>
      <translation>用戶清單</translation>
    </message>
    <message>
      <source>Account lists (*.csv *.txt *.xlsx)</source>
      <translation>用戶清單 (*.csv *.txt *.xlsx)</translation>
    </message>
    <message>
      <source>Choose the account list file first.</source>
      <translation>請先選擇用戶清單文件。</translation>
    </message>
    <message>
      <source>Cancelling…</source>
      <translation>正在取消…</translation>
    </message>
    <message>
      <source>%1 rows read</source>
      <translation>已讀取 %1 行</translation>
    </message>
    <message>
      <source>unknown</source>
      <translation>不詳</translation>
    </message>
    <message>
      <source>Imported. The new list is in use: %1 accounts, data as of %2.</source>
      <translation>導入完成，新清單已啓用：共 %1 戶，數據截至 %2。</translation>
    </message>
    <message>
      <source>New %1 · updated %2 · kept from before %3 · rejected %4</source>
      <translation>新增 %1 · 更新 %2 · 原有保留 %3 · 未導入 %4</translation>
    </message>
    <message>
      <source>Rejected rows and reasons: %1</source>
      <translation>未導入的行及原因：%1</translation>
    </message>
  </context>
  <context>
    <name>AccountSearchView</name>
    <message>
      <source>Find the account</source>
      <translation>查找賬戶</translation>
    </message>
    <message>
      <source>Account number, phone (or its last 4 digits), name or part of the address</source>
      <translation>戶號、手機號（或後4位）、戶名或部分地址</translation>
    </message>
    <message>
      <source>Use the typed number (no record)</source>
      <translation>使用輸入的戶號（無記錄）</translation>
    </message>
    <message>
      <source>Loading…</source>
      <translation>正在加載…</translation>
    </message>
    <message>
      <source>No account list imported yet: only typed account numbers work.</source>
      <translation>尚未導入用戶清單：只能使用手工輸入的戶號。</translation>
    </message>
    <message>
      <source>unknown</source>
      <translation>不詳</translation>
    </message>
    <message>
      <source>Account list: %1 accounts, data as of %2 (imported %3)</source>
      <translation>用戶清單：共 %1 戶，數據截至 %2（導入於 %3）</translation>
    </message>
    <message>
      <source>Type more: at least 4 digits, or a name or address.</source>
      <translation>請多輸入一些：至少4位數字，或戶名、地址。</translation>
    </message>
    <message>
      <source>More than %1 matches: type more to narrow them.</source>
      <translation>匹配超過 %1 條，請繼續輸入以縮小範圍。</translation>
    </message>
    <message>
      <source>No account found in the hall's list.</source>
      <translation>本廳清單中未找到該賬戶。</translation>
    </message>
  </context>
  <context>
    <name>AccountsTab</name>
    <message>
      <source>Staff accounts</source>
      <translation>員工帳號</translation>
    </message>
    <message>
      <source>An account locks after repeated wrong passwords; choose it and press Unlock once you know it was its owner. Accounts and passwords are added on the command line (counter-app user).</source>
      <translation>多次輸錯密碼後帳號會被鎖定；確認是本人操作後，選中該帳號並點擊「解鎖」。帳號和密碼在命令列中新增（counter-app user）。</translation>
    </message>
    <message>
      <source>Unlock</source>
      <translation>解鎖</translation>
    </message>
    <message>
      <source>Refresh</source>
      <translation>重新整理</translation>
    </message>
  </context>
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
    <name>ApplicationCard</name>
    <message>
      <source>Applicant</source>
      <translation>申請人</translation>
    </message>
    <message>
      <source>ID</source>
      <translation>證件</translation>
    </message>
    <message>
      <source>Mobile</source>
      <translation>手機</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>地址</translation>
    </message>
    <message>
      <source>Agent</source>
      <translation>代辦人</translation>
    </message>
    <message>
      <source>Request</source>
      <translation>申請內容</translation>
    </message>
    <message>
      <source>Accepted</source>
      <translation>受理</translation>
    </message>
    <message>
      <source>Owner (首问负责人)</source>
      <translation>首問負責人</translation>
    </message>
    <message>
      <source>Whole process due</source>
      <translation>全流程期限</translation>
    </message>
    <message>
      <source>This stage due</source>
      <translation>本環節期限</translation>
    </message>
    <message>
      <source> (provisional)</source>
      <translation>（暫定）</translation>
    </message>
    <message>
      <source>%1 of %2 working days used (the customer's part not counted)</source>
      <translation>已用 %1 / %2 個工作日（客戶環節不計）</translation>
    </message>
    <message>
      <source>from %1, no end date</source>
      <translation>自 %1 起，不定期限</translation>
    </message>
    <message>
      <source>ticket %1</source>
      <translation>排隊號 %1</translation>
    </message>
  </context>
  <context>
    <name>ApplicationDetailView</name>
    <message>
      <source>Advance</source>
      <translation>進入下一環節</translation>
    </message>
    <message>
      <source>Complete</source>
      <translation>辦結</translation>
    </message>
    <message>
      <source>Return to</source>
      <translation>退回至</translation>
    </message>
    <message>
      <source>Suspend</source>
      <translation>暫停計時</translation>
    </message>
    <message>
      <source>Resume</source>
      <translation>恢復計時</translation>
    </message>
    <message>
      <source>Withdraw</source>
      <translation>撤銷申請</translation>
    </message>
    <message>
      <source>Hand over to</source>
      <translation>移交給</translation>
    </message>
    <message>
      <source>Document received</source>
      <translation>已收到資料</translation>
    </message>
    <message>
      <source>Print receipt</source>
      <translation>打印受理回執</translation>
    </message>
    <message>
      <source>Print one-time notice</source>
      <translation>打印一次性告知書</translation>
    </message>
    <message>
      <source>Note or reason (required to return, suspend or withdraw)</source>
      <translation>備註或原因（退回、暫停、撤銷時必填）</translation>
    </message>
    <message>
      <source>No document owed</source>
      <translation>沒有缺件資料</translation>
    </message>
    <message>
      <source>clerk's staff code</source>
      <translation>接收人員工號</translation>
    </message>
    <message>
      <source>Paper</source>
      <translation>紙張</translation>
    </message>
    <message>
      <source>A4</source>
      <translation>A4</translation>
    </message>
    <message>
      <source>A5</source>
      <translation>A5</translation>
    </message>
    <message>
      <source>80 mm roll (receipt)</source>
      <translation>80 毫米捲紙（僅回執）</translation>
    </message>
    <message>
      <source>Choose an application in the list</source>
      <translation>請在列表中選擇一筆申請</translation>
    </message>
    <message>
      <source>Full ID and phone shown to you as owner or supervisor; this view is recorded.</source>
      <translation>您是首問負責人或值班長，可查看完整證件號和電話；本次查看已記錄。</translation>
    </message>
    <message>
      <source>ID and phone masked: only the owner or a supervisor sees them in full.</source>
      <translation>證件號和電話已脫敏：僅首問負責人或值班長可查看完整信息。</translation>
    </message>
    <message>
      <source>Overdue.</source>
      <translation>已超期。</translation>
    </message>
    <message>
      <source>Clock stopped since %1.</source>
      <translation>自 %1 起暫停計時。</translation>
    </message>
    <message>
      <source>The customer's part: no clock runs until they hand it over.</source>
      <translation>客戶環節：客戶完成並提交前不計時。</translation>
    </message>
    <message>
      <source>This step is due when the company's limit for all steps runs out, before its own.</source>
      <translation>本環節期限以各環節合計時限用盡之日爲準（早於本環節自身時限）。</translation>
    </message>
    <message>
      <source>Due dates in %1 are provisional: the official holiday schedule is not published yet.</source>
      <translation>%1 年的期限爲暫定：該年法定節假日安排尚未公佈。</translation>
    </message>
    <message>
      <source>Only %1 or a supervisor may act on this application.</source>
      <translation>僅 %1 或值班長可辦理此申請。</translation>
    </message>
    <message>
      <source>(customer)</source>
      <translation>（客戶環節）</translation>
    </message>
    <message>
      <source>shown</source>
      <translation>已提供</translation>
    </message>
    <message>
      <source>missing, due %1</source>
      <translation>缺件，須於 %1 前補交</translation>
    </message>
    <message>
      <source>received %1</source>
      <translation>%1 已補交</translation>
    </message>
    <message>
      <source>Finish the current stage and move to the next one</source>
      <translation>完成當前環節並進入下一環節</translation>
    </message>
    <message>
      <source>Stop the clock while waiting for the customer (say why in the note)</source>
      <translation>等待客戶期間暫停計時（請在備註中說明原因）</translation>
    </message>
    <message>
      <source>Send back to an earlier stage (say why in the note)</source>
      <translation>退回到之前的環節（請在備註中說明原因）</translation>
    </message>
  </context>
  <context>
    <name>ApplicationFields</name>
    <message>
      <source>Required.</source>
      <translation>必填。</translation>
    </message>
    <message>
      <source>Too long.</source>
      <translation>內容過長。</translation>
    </message>
    <message>
      <source>Holds a control or invalid character.</source>
      <translation>含有控制字符或無效字符。</translation>
    </message>
    <message>
      <source>Choose the business to apply for.</source>
      <translation>請選擇辦理的業務。</translation>
    </message>
    <message>
      <source>An organisation uses its unified social credit code; a person a personal document.</source>
      <translation>單位使用統一社會信用代碼，個人使用個人證件。</translation>
    </message>
    <message>
      <source>Not the format of this document type.</source>
      <translation>與該證件類型的格式不符。</translation>
    </message>
    <message>
      <source>The check digit does not match: a character was probably mistyped.</source>
      <translation>校驗碼不符：可能有字符輸錯。</translation>
    </message>
    <message>
      <source>The birth date in the number is not a real date (or before 1900, or in the future).</source>
      <translation>號碼中的出生日期無效（或早於 1900 年、或在未來）。</translation>
    </message>
    <message>
      <source>A unified social credit code has 18 characters.</source>
      <translation>統一社會信用代碼爲 18 位。</translation>
    </message>
    <message>
      <source>An ID number has 18 characters.</source>
      <translation>身份證號碼爲18位。</translation>
    </message>
    <message>
      <source>A 15-digit number is a first-generation ID card, no longer valid since 1 January 2013: ask for the current 18-digit card.</source>
      <translation>15位號碼是第一代身份證，自2013年1月1日起已停止使用：請客戶出示現行18位身份證。</translation>
    </message>
    <message>
      <source>A Hong Kong, Macao or Taiwan residents' residence permit number: choose that document type.</source>
      <translation>這是港澳臺居民居住證號碼：請選擇該證件類型。</translation>
    </message>
    <message>
      <source>A residence permit number starts with 810000, 820000 or 830000.</source>
      <translation>港澳臺居民居住證號碼以810000、820000或830000開頭。</translation>
    </message>
    <message>
      <source>18 digits or capital letters other than I, O, S, V and Z.</source>
      <translation>18位數字或大寫字母（不含I、O、S、V、Z）。</translation>
    </message>
    <message>
      <source>The check character does not match: a character was probably mistyped.</source>
      <translation>校驗碼不符：可能有字符輸錯。</translation>
    </message>
    <message>
      <source>Not a mainland mobile number: 11 digits starting with 13 to 19.</source>
      <translation>不是大陸手機號碼：應爲 13 至 19 開頭的 11 位數字。</translation>
    </message>
    <message>
      <source>The applicant is not here: the agent needs a signed power of attorney.</source>
      <translation>申請人未到場：代辦人須出示簽字的授權委託書。</translation>
    </message>
    <message>
      <source>Digits were lost (scientific notation); type the number again.</source>
      <translation>號碼被科學計數法截斷，請重新輸入。</translation>
    </message>
    <message>
      <source>Digits only.</source>
      <translation>只能是數字。</translation>
    </message>
    <message>
      <source>Wrong number of digits for an account.</source>
      <translation>戶號位數不正確。</translation>
    </message>
    <message>
      <source>A positive number, e.g. 8 or 12.5.</source>
      <translation>請輸入正數，例如 8 或 12.5。</translation>
    </message>
    <message>
      <source>Implausibly large: check the unit.</source>
      <translation>數值過大，請覈對單位。</translation>
    </message>
    <message>
      <source>This business is not supplied at that voltage.</source>
      <translation>該業務不以此電壓等級供電。</translation>
    </message>
    <message>
      <source>Not a document of this business.</source>
      <translation>不是本業務所需的資料。</translation>
    </message>
    <message>
      <source>The identity documents must be shown to accept the application.</source>
      <translation>受理時必須提供身份證明資料。</translation>
    </message>
    <message>
      <source>Documents are missing: accept on ID alone (一证受理) only with the signed commitment letter (客户承诺书).</source>
      <translation>資料不全：須客戶簽署《客戶承諾書》方可一證受理。</translation>
    </message>
    <message>
      <source>Ends before it starts.</source>
      <translation>結束日期早於開始日期。</translation>
    </message>
    <message>
      <source>A pause lasts at least 15 days.</source>
      <translation>暫停時間不少於 15 天。</translation>
    </message>
    <message>
      <source>A pause cannot start before the day it is applied for.</source>
      <translation>暫停開始日期不能早於申請當日。</translation>
    </message>
    <message>
      <source>Pauses would exceed 6 months in the calendar year: offer a capacity reduction (减容) instead.</source>
      <translation>本日曆年內暫停累計將超過6個月：可建議客戶申請減容。</translation>
    </message>
    <message>
      <source>A reduction cannot start before the day it is applied for.</source>
      <translation>減容開始日期不能早於申請當日。</translation>
    </message>
    <message>
      <source>The reduction to restore has to have begun already.</source>
      <translation>要恢復的減容須已開始。</translation>
    </message>
    <message>
      <source>More than two years after the reduction began: apply for a capacity increase (增容) or a new connection (新装) instead.</source>
      <translation>減容已超過兩年：應按增容或新裝辦理。</translation>
    </message>
    <message>
      <source>The account is already paused during this period.</source>
      <translation>該戶在此期間已處於暫停狀態。</translation>
    </message>
    <message>
      <source>Must stay the address on the account; a move is a different application.</source>
      <translation>須與戶檔地址一致；遷址請另行申請。</translation>
    </message>
    <message>
      <source>Must stay the class on the account; a change of class is a separate application.</source>
      <translation>須與戶檔用電類別一致；改類請另行申請。</translation>
    </message>
    <message>
      <source>The account owes money: settle it first.</source>
      <translation>該戶有欠費，請先結清。</translation>
    </message>
    <message>
      <source>Yuan owed, 0 when nothing is owed.</source>
      <translation>欠費金額（元），無欠費填 0。</translation>
    </message>
  </context>
  <context>
    <name>ApplicationForm</name>
    <message>
      <source>From</source>
      <translation>起始日期</translation>
    </message>
    <message>
      <source>Until</source>
      <translation>截止日期</translation>
    </message>
    <message>
      <source>Power of attorney</source>
      <translation>授權委託書</translation>
    </message>
    <message>
      <source>Commitment letter</source>
      <translation>客戶承諾書</translation>
    </message>
    <message>
      <source>Documents</source>
      <translation>申請資料</translation>
    </message>
    <message>
      <source>External works</source>
      <translation>外線工程</translation>
    </message>
    <message>
      <source>— choose the business —</source>
      <translation>— 請選擇業務 —</translation>
    </message>
    <message>
      <source>Reduced since</source>
      <translation>減容起始日</translation>
    </message>
    <message>
      <source>Restore on</source>
      <translation>恢復日期</translation>
    </message>
    <message>
      <source> (if it applies)</source>
      <translation>（如適用）</translation>
    </message>
  </context>
  <context>
    <name>ApplicationModels</name>
    <message>
      <source>clock stopped</source>
      <translation>暫停計時</translation>
    </message>
    <message>
      <source>overdue</source>
      <translation>已超期</translation>
    </message>
    <message>
      <source>%1 wd left</source>
      <translation>剩 %1 個工作日</translation>
    </message>
    <message>
      <source>Provisional: that year's official holiday schedule is not yet published.</source>
      <translation>暫定：該年法定節假日安排尚未公佈。</translation>
    </message>
    <message>
      <source>%1 document(s) still to be brought</source>
      <translation>尚有 %1 份資料待補交</translation>
    </message>
    <message>
      <source>customer's part</source>
      <translation>客戶環節</translation>
    </message>
    <message>
      <source>This step: %1 working days (rule: %2)</source>
      <translation>本環節：%1個工作日（依據：%2）</translation>
    </message>
    <message>
      <source>Company's steps together: %1 working days (rule: %2)</source>
      <translation>各環節合計：%1個工作日（依據：%2）</translation>
    </message>
    <message>
      <source>(unconfirmed: check the rule's number, document or effective date)</source>
      <translation>（未經證實：請覈對文號、文件名稱或施行日期）</translation>
    </message>
    <message>
      <source>Number</source>
      <translation>申請編號</translation>
    </message>
    <message>
      <source>Due</source>
      <translation>期限</translation>
    </message>
    <message>
      <source>Applicant</source>
      <translation>申請人</translation>
    </message>
    <message>
      <source>Mobile</source>
      <translation>手機</translation>
    </message>
    <message>
      <source>ID</source>
      <translation>證件號碼</translation>
    </message>
    <message>
      <source>Business</source>
      <translation>業務類型</translation>
    </message>
    <message>
      <source>Stage</source>
      <translation>當前環節</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>狀態</translation>
    </message>
    <message>
      <source>Owner</source>
      <translation>首問負責人</translation>
    </message>
    <message>
      <source>When</source>
      <translation>時間</translation>
    </message>
    <message>
      <source>Who</source>
      <translation>經辦人</translation>
    </message>
    <message>
      <source>What</source>
      <translation>操作</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>備註</translation>
    </message>
  </context>
  <context>
    <name>ApplicationReceipt</name>
    <message>
      <source>Application receipt</source>
      <translation>業務受理回執</translation>
    </message>
    <message>
      <source>REPRINT · 补打</source>
      <translation>補打</translation>
    </message>
    <message>
      <source>Application No.</source>
      <translation>申請編號</translation>
    </message>
    <message>
      <source>Business</source>
      <translation>業務類型</translation>
    </message>
    <message>
      <source>Accepted</source>
      <translation>受理時間</translation>
    </message>
    <message>
      <source>Applicant</source>
      <translation>申請人</translation>
    </message>
    <message>
      <source>ID number</source>
      <translation>證件號碼</translation>
    </message>
    <message>
      <source>Mobile</source>
      <translation>聯繫電話</translation>
    </message>
    <message>
      <source>Address of use</source>
      <translation>用電地址</translation>
    </message>
    <message>
      <source>Agent</source>
      <translation>代辦人</translation>
    </message>
    <message>
      <source>Account number</source>
      <translation>戶號</translation>
    </message>
    <message>
      <source>Capacity</source>
      <translation>申請容量</translation>
    </message>
    <message>
      <source>Documents received</source>
      <translation>已收資料</translation>
    </message>
    <message>
      <source>Still to bring, by %1</source>
      <translation>尚缺資料（請於 %1 前補交）</translation>
    </message>
    <message>
      <source>Accepted on your ID alone (一证受理): you signed a commitment letter (客户承诺书) to bring the missing documents by that date.</source>
      <translation>本申請憑身份證明「一證受理」，您已簽署《客戶承諾書》，承諾在上述日期前補交所缺資料。</translation>
    </message>
    <message>
      <source>What happens next</source>
      <translation>後續辦理環節及時限</translation>
    </message>
    <message>
      <source>Stage</source>
      <translation>環節</translation>
    </message>
    <message>
      <source>Time limit</source>
      <translation>時限</translation>
    </message>
    <message>
      <source>Due by</source>
      <translation>完成期限</translation>
    </message>
    <message>
      <source>%1 working days</source>
      <translation>%1 個工作日</translation>
    </message>
    <message>
      <source>done</source>
      <translation>已完成</translation>
    </message>
    <message>
      <source>in progress</source>
      <translation>辦理中</translation>
    </message>
    <message>
      <source>after the previous step</source>
      <translation>上一環節完成後計時</translation>
    </message>
    <message>
      <source>your part, not timed</source>
      <translation>客戶環節，不計時</translation>
    </message>
    <message>
      <source>counted from when you hand your part over</source>
      <translation>自您完成並提交上一環節起計</translation>
    </message>
    <message>
      <source>Whole process: within %1 working days, by %2</source>
      <translation>全流程辦理時限：%1 個工作日，於 %2 前辦結</translation>
    </message>
    <message>
      <source>Our steps together: within %1 working days. The time your own part takes (design, building, signing) is not counted. Used so far: %2.</source>
      <translation>供電企業各環節合計不超過%1個工作日，您自行辦理的環節（設計、施工、簽約等）不計入；目前已用%2個工作日。</translation>
    </message>
    <message>
      <source>Time limit as set by: %1</source>
      <translation>時限依據：%1</translation>
    </message>
    <message>
      <source>%1 (provisional)</source>
      <translation>%1（暫定）</translation>
    </message>
    <message>
      <source>Dates in %1 are provisional: that year's official holiday schedule is not yet published.</source>
      <translation>%1 年的日期爲暫定：該年法定節假日安排尚未公佈。</translation>
    </message>
    <message>
      <source>Your case officer (首问负责人)</source>
      <translation>首問負責人</translation>
    </message>
    <message>
      <source>Hall address</source>
      <translation>營業廳地址</translation>
    </message>
    <message>
      <source>Hall phone</source>
      <translation>營業廳電話</translation>
    </message>
    <message>
      <source>Service hotline</source>
      <translation>供電服務熱線</translation>
    </message>
    <message>
      <source>Energy regulation hotline</source>
      <translation>能源監管熱線</translation>
    </message>
    <message>
      <source>You choose your own designer, builder and equipment supplier: nobody may impose one on you. If a time limit is missed you may complain on %1 or to the energy regulator on %2.</source>
      <translation>設計、施工、設備供應單位由您自主選擇，任何人不得指定。如超過辦理時限，您可撥打%1投訴，或撥打能源監管熱線%2反映。</translation>
    </message>
    <message>
      <source>Accepted by: %1</source>
      <translation>受理人：%1</translation>
    </message>
    <message>
      <source>Hall seal</source>
      <translation>營業廳（蓋章）</translation>
    </message>
    <message>
      <source>Tracking reference %1</source>
      <translation>查詢編號 %1</translation>
    </message>
    <message>
      <source>To ask how your application is going, show this code at this hall or quote the reference when you call the hall on %1 (95598 cannot look it up).</source>
      <translation>查詢辦理進度：請到本營業廳出示此碼，或致電本廳%1並告知查詢編號（95598無法查詢此編號）。</translation>
    </message>
    <message>
      <source>To ask how your application is going, show this code or quote the reference at this hall (95598 cannot look it up).</source>
      <translation>查詢辦理進度：請到本營業廳出示此碼或告知查詢編號（95598無法查詢此編號）。</translation>
    </message>
    <message>
      <source>Please keep this receipt. Printed %1</source>
      <translation>請妥善保管本回執。打印時間 %1</translation>
    </message>
  </context>
  <context>
    <name>Applications</name>
    <message>
      <source>accepted</source>
      <translation>已受理</translation>
    </message>
    <message>
      <source>in progress</source>
      <translation>辦理中</translation>
    </message>
    <message>
      <source>returned</source>
      <translation>已退回</translation>
    </message>
    <message>
      <source>suspended</source>
      <translation>暫停計時</translation>
    </message>
    <message>
      <source>completed</source>
      <translation>已辦結</translation>
    </message>
    <message>
      <source>withdrawn</source>
      <translation>已撤銷</translation>
    </message>
    <message>
      <source>Accepted</source>
      <translation>受理</translation>
    </message>
    <message>
      <source>Advanced</source>
      <translation>進入下一環節</translation>
    </message>
    <message>
      <source>Returned</source>
      <translation>退回</translation>
    </message>
    <message>
      <source>Suspended (clock stopped)</source>
      <translation>暫停計時</translation>
    </message>
    <message>
      <source>Resumed</source>
      <translation>恢復計時</translation>
    </message>
    <message>
      <source>Completed</source>
      <translation>辦結</translation>
    </message>
    <message>
      <source>Withdrawn</source>
      <translation>撤銷</translation>
    </message>
    <message>
      <source>Handed over</source>
      <translation>移交</translation>
    </message>
    <message>
      <source>Document received</source>
      <translation>補交資料</translation>
    </message>
    <message>
      <source>Resident ID card</source>
      <translation>居民身份證</translation>
    </message>
    <message>
      <source>Temporary resident ID</source>
      <translation>臨時居民身份證</translation>
    </message>
    <message>
      <source>Household register</source>
      <translation>居民戶口簿</translation>
    </message>
    <message>
      <source>Military officer's card</source>
      <translation>軍官證</translation>
    </message>
    <message>
      <source>Taiwan compatriot permit</source>
      <translation>臺灣居民來往大陸通行證</translation>
    </message>
    <message>
      <source>Home-return permit (HK/Macao)</source>
      <translation>港澳居民來往內地通行證</translation>
    </message>
    <message>
      <source>Passport</source>
      <translation>護照</translation>
    </message>
    <message>
      <source>Foreign permanent resident ID</source>
      <translation>外國人永久居留身份證</translation>
    </message>
    <message>
      <source>Residence permit (HK/Macao/Taiwan residents)</source>
      <translation>港澳臺居民居住證</translation>
    </message>
    <message>
      <source>Unified social credit code</source>
      <translation>統一社會信用代碼</translation>
    </message>
    <message>
      <source>Residential</source>
      <translation>居民生活用電</translation>
    </message>
    <message>
      <source>Agricultural production</source>
      <translation>農業生產用電</translation>
    </message>
    <message>
      <source>Commercial and industrial</source>
      <translation>工商業用電</translation>
    </message>
    <message>
      <source>Above the low-voltage ceiling for homes: check the supply plan with the supervisor.</source>
      <translation>超過居民低壓供電容量上限：請與值班長覈定供電方案。</translation>
    </message>
    <message>
      <source>The ID's area code is not in the current county list (maybe retired): compare with the card.</source>
      <translation>證件號碼的地區碼不在現行行政區劃中（可能爲已撤銷的舊區劃），請與證件覈對。</translation>
    </message>
    <message>
      <source>Numbers starting with 9 are foreign permanent residence IDs: check the document type.</source>
      <translation>以 9 開頭的號碼爲外國人永久居留身份證，請覈對證件類型。</translation>
    </message>
    <message>
      <source>The pause starts within 5 days: check that sealing can be arranged in time (that notice period is unconfirmed, so it is no reason to refuse).</source>
      <translation>暫停將在5天內開始：請確認能及時安排現場加封（提前5天的要求未經證實，不作爲拒絕理由）。</translation>
    </message>
  </context>
  <context>
    <name>ApplicationsPanel</name>
    <message>
      <source>New application</source>
      <translation>業務受理</translation>
    </message>
    <message>
      <source>Worklist</source>
      <translation>工單列表</translation>
    </message>
    <message>
      <source>A4</source>
      <translation>A4</translation>
    </message>
    <message>
      <source>A5</source>
      <translation>A5</translation>
    </message>
    <message>
      <source>80 mm roll</source>
      <translation>80 毫米捲紙</translation>
    </message>
    <message>
      <source>Print receipt</source>
      <translation>打印受理回執</translation>
    </message>
    <message>
      <source>Print one-time notice</source>
      <translation>打印一次性告知書</translation>
    </message>
    <message>
      <source>No customer called at this counter: the application is not linked</source>
      <translation>本窗口暫無叫號客戶：申請將不關聯排隊號</translation>
    </message>
    <message>
      <source>Customer with ticket %1</source>
      <translation>當前客戶：%1 號</translation>
    </message>
    <message>
      <source>Accepted %1 · %2</source>
      <translation>已受理 %1 · %2</translation>
    </message>
    <message>
      <source>Application %1 accepted. Print the receipt for the customer.</source>
      <translation>申請 %1 已受理，請爲客戶打印受理回執。</translation>
    </message>
    <message>
      <source>Nothing was saved. Please check: %1</source>
      <translation>未保存任何內容。請檢查：%1</translation>
    </message>
    <message>
      <source>, </source>
      <translation>、</translation>
    </message>
    <message>
      <source>%1: %2, now at %3.</source>
      <translation>%1：%2，當前環節 %3。</translation>
    </message>
    <message>
      <source>Receipt</source>
      <translation>受理回執</translation>
    </message>
    <message>
      <source>One-time notice</source>
      <translation>一次性告知書</translation>
    </message>
    <message>
      <source>%1 of %2 printed.</source>
      <translation>%2 的%1已打印。</translation>
    </message>
    <message>
      <source>%1 of %2 reprinted (补打).</source>
      <translation>%2 的%1已補打。</translation>
    </message>
    <message>
      <source>%1 of %2 was not printed: %3 The application itself is saved; print again.</source>
      <translation>%2 的%1未能列印：%3 申請已保存，請重新列印。</translation>
    </message>
  </context>
  <context>
    <name>BoundaryDialog</name>
    <message>
      <source>Before the meter
(service line, meter box inlet)</source>
      <translation>電能表之前
（接戶線、表箱進線）</translation>
    </message>
    <message>
      <source>At the meter
(the meter itself)</source>
      <translation>電能表
（電能表本身）</translation>
    </message>
    <message>
      <source>After the meter
(line from the meter to the home)</source>
      <translation>電能表之後
（電能表到家中的線路）</translation>
    </message>
    <message>
      <source>Inside the home
(wiring, switches, sockets)</source>
      <translation>家中
（室內線路、開關、插座）</translation>
    </message>
    <message>
      <source>The company owns up to the service line</source>
      <translation>供電企業產權至接戶線</translation>
    </message>
    <message>
      <source>The company owns up to the meter</source>
      <translation>供電企業產權至電能表</translation>
    </message>
    <message>
      <source>The company owns up to the line after the meter</source>
      <translation>供電企業產權至表後線路</translation>
    </message>
    <message>
      <source>Who repairs it? Property boundary (产权分界)</source>
      <translation>誰來維修？產權分界</translation>
    </message>
    <message>
      <source>Where is the fault?</source>
      <translation>故障在哪裏？</translation>
    </message>
    <message>
      <source>The supply contract sets the boundary:</source>
      <translation>供用電合同約定了分界點：</translation>
    </message>
    <message>
      <source>Print leaflet</source>
      <translation>打印告知單</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>關閉</translation>
    </message>
    <message>
      <source>The power company's side: free repair, call 95598.</source>
      <translation>屬供電企業一側：免費搶修，請撥打 95598。</translation>
    </message>
    <message>
      <source>The customer's side: the customer arranges the repair.</source>
      <translation>屬客戶一側：由客戶自行安排維修。</translation>
    </message>
    <message>
      <source>The leaflet was not printed: %1</source>
      <translation>告知單未能打印：%1</translation>
    </message>
  </context>
  <context>
    <name>BoundaryLeaflet</name>
    <message>
      <source>Who repairs this fault? Property boundary (产权分界)</source>
      <translation>故障由誰維修？產權分界告知單</translation>
    </message>
    <message>
      <source>Before the meter</source>
      <translation>電能表之前</translation>
    </message>
    <message>
      <source>The meter</source>
      <translation>電能表</translation>
    </message>
    <message>
      <source>After the meter</source>
      <translation>電能表之後</translation>
    </message>
    <message>
      <source>Inside the home</source>
      <translation>家中</translation>
    </message>
    <message>
      <source>Shaded: the power company's side (free repair)</source>
      <translation>灰色：供電企業一側（免費搶修）</translation>
    </message>
    <message>
      <source>Framed: where the fault is</source>
      <translation>粗框：故障位置</translation>
    </message>
    <message>
      <source>Your supply contract sets this boundary</source>
      <translation>您的供用電合同約定了此分界點</translation>
    </message>
    <message>
      <source>24-hour power supply service and repair hotline %1</source>
      <translation>24小時供電服務及搶修熱線 %1</translation>
    </message>
  </context>
  <context>
    <name>ClerksTab</name>
    <message>
      <source>Each clerk today</source>
      <translation>今日各營業員</translation>
    </message>
    <message>
      <source>A clerk counts the customers they finished and the stretches they served; a hand-over counts for the clerk who handed over. Hover a column title for its definition.</source>
      <translation>營業員計其辦結的客戶和其辦理的各段業務；交接計入轉出的營業員。將滑鼠停在列標題上可查看指標定義。</translation>
    </message>
    <message>
      <source>Customers served, and the satisfaction rate (%)</source>
      <translation>辦結數與滿意率（%）</translation>
    </message>
  </context>
  <context>
    <name>CounterScreen</name>
    <message>
      <source>Applications</source>
      <translation>業擴報裝</translation>
    </message>
    <message>
      <source>Payment guidance</source>
      <translation>繳費指引</translation>
    </message>
    <message>
      <source>Hand-overs</source>
      <translation>交接</translation>
    </message>
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
      <source>Waiting for this counter, in the order F1 calls them</source>
      <translation>本窗口等候客戶（按「下一位」的叫號順序）</translation>
    </message>
    <message>
      <source>Today at this counter</source>
      <translation>本窗口今日</translation>
    </message>
    <message>
      <source>Served</source>
      <translation>辦結</translation>
    </message>
    <message>
      <source>No-shows</source>
      <translation>過號</translation>
    </message>
    <message>
      <source>Average service</source>
      <translation>平均辦理</translation>
    </message>
    <message>
      <source>Average wait</source>
      <translation>平均等候</translation>
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
      <source>Reprint a ticket (补打)…</source>
      <translation>補打排隊小票…</translation>
    </message>
    <message>
      <source>Serves: %1</source>
      <translation>辦理業務：%1</translation>
    </message>
    <message>
      <source>Longest wait %1 min (target %2 min)</source>
      <translation>最長等候 %1 分鐘（目標 %2 分鐘）</translation>
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
      <source>1 person</source>
      <translation>1 人</translation>
    </message>
    <message>
      <source>%1 people</source>
      <translation>%1 人</translation>
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
  </context>
  <context>
    <name>CounterSignIn</name>
    <message>
      <source>The two passwords differ.</source>
      <translation>兩次輸入的密碼不一致。</translation>
    </message>
    <message>
      <source>A clerk cannot open the supervisor dashboard: a supervisor or administrator signs in here.</source>
      <translation>營業員不能開啟值班長看板：此處需由值班長或管理員登入。</translation>
    </message>
    <message>
      <source>An administrator serves no customers: a clerk signs in here. Add clerks with counter-app user add CODE NAME --role clerk.</source>
      <translation>管理員不辦理客戶業務：請營業員在此登入。新增營業員：counter-app user add 工號 姓名 --role clerk。</translation>
    </message>
  </context>
  <context>
    <name>CounterWindow</name>
    <message>
      <source>Nobody is waiting for this counter.</source>
      <extracomment>``reprint(hall, number, clerk)``: a ticket printed again (补打) on the counter's printer</extracomment>
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
      <source>Reprint ticket %1 (补打)</source>
      <translation>補打 %1 號小票</translation>
    </message>
    <message>
      <source>%1 cancelled.</source>
      <translation>%1 已取消。</translation>
    </message>
    <message>
      <source>Reprint a ticket</source>
      <translation>補打小票</translation>
    </message>
    <message>
      <source>Ticket number to print again:</source>
      <translation>要補打的排隊號碼：</translation>
    </message>
    <message>
      <source>%1 printed again (补打).</source>
      <translation>%1 號小票已補打。</translation>
    </message>
    <message>
      <source>%1 was not printed: %2</source>
      <translation>%1 號小票未打印：%2</translation>
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
    <name>CustomerHandoverStrip</name>
    <message>
      <source>Outcome / note…</source>
      <translation>辦理結果/備註…</translation>
    </message>
    <message>
      <source>Handed over by %1 at counter %2 (%3 → %4): %5</source>
      <translation>由 %2號窗口 %1 轉來（%3 → %4）：%5</translation>
    </message>
    <message>
      <source>First served by %1, who owns this visit until it is done.</source>
      <translation>首問負責人：%1，負責到本次業務辦結。</translation>
    </message>
    <message>
      <source>Outcome: %1</source>
      <translation>辦理結果：%1</translation>
    </message>
    <message>
      <source>Inquiry or complaint: record how it ended.</source>
      <translation>諮詢或投訴：請記錄辦理結果。</translation>
    </message>
  </context>
  <context>
    <name>DamagedFile</name>
    <message>
      <source>The hall database file is damaged: it is open read-only, nothing can be saved.</source>
      <translation>營業廳資料庫檔案已損壞：現以唯讀方式開啟，任何操作都不能儲存。</translation>
    </message>
    <message>
      <source>What is on screen can still be looked at; calling, serving and saving are refused until a backup is restored.</source>
      <translation>螢幕上的內容仍可查看；在恢復備份之前，叫號、辦理和儲存都會被拒絕。</translation>
    </message>
    <message>
      <source>Figures can still be looked at where the file is readable; the damaged file is kept aside when the backup is restored.</source>
      <translation>檔案中仍可讀取的資料照常顯示；恢復備份時，損壞的檔案會另行保留。</translation>
    </message>
    <message>
      <source>Numbers cannot be taken here at the moment.</source>
      <translation>本機暫時無法取號。</translation>
    </message>
    <message>
      <source>Please ask at a counter. We are sorry for the wait.</source>
      <translation>請到窗口諮詢工作人員，給您帶來不便，敬請諒解。</translation>
    </message>
    <message>
      <source>Calls are paused for a moment.</source>
      <translation>叫號暫停片刻。</translation>
    </message>
    <message>
      <source>Please stay nearby: the staff will call you.</source>
      <translation>請在附近稍候，工作人員會為您叫號。</translation>
    </message>
    <message>
      <source>Ratings cannot be given at the moment.</source>
      <translation>暫時無法評價。</translation>
    </message>
    <message>
      <source>Thank you for your patience.</source>
      <translation>感謝您的耐心等候。</translation>
    </message>
    <message>
      <source>Restore the newest good backup…</source>
      <translation>恢復最近的完好備份…</translation>
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
      <source>Offline: the hall server cannot be reached.</source>
      <translation>離線：無法連線營業廳伺服器。</translation>
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
      <source>This PC's clock says %1 (business day %2), far after the hall's last business day %3. Nothing was done: check this PC's date and time, or ask the supervisor to confirm the new day.</source>
      <translation>本機時鐘顯示 %1（營業日 %2），遠晚於營業廳最後一個營業日 %3。未執行任何操作：請檢查本機日期和時間，或請值班長確認新的營業日。</translation>
    </message>
    <message>
      <source>The hall server cannot be reached: accounts are added, changed and unlocked on the server, for every PC at once. Do it when the server is back; signing in works meanwhile.</source>
      <translation>連不上營業廳伺服器：帳號的新增、修改和解鎖都在伺服器上進行，一次對所有電腦生效。請等伺服器恢復後再辦；在此期間仍可登入。</translation>
    </message>
    <message>
      <source>The hall server cannot be reached: the account list is imported on the server, once for every PC. Import it again when the server is back; this PC keeps searching its copy.</source>
      <translation>連不上營業廳伺服器：戶號清單在伺服器上匯入，一次供所有電腦使用。請等伺服器恢復後再匯入；本機繼續查詢它保存的副本。</translation>
    </message>
    <message>
      <source>The hall server cannot be reached: %1 can be worked on again when it is back.</source>
      <translation>連不上營業廳伺服器：%1 要等伺服器恢復後才能繼續辦理。</translation>
    </message>
    <message>
      <source>The hall file is not damaged: only an administrator may restore a backup over it.</source>
      <translation>營業廳資料檔案沒有損壞：只有管理員才能用備份覆蓋它。</translation>
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
      <source>There is no hall database at %1. Check the path, or have IT create the hall (counter-app init).</source>
      <translation>%1 處沒有營業廳資料庫。請檢查路徑，或請資訊運維人員建立營業廳（counter-app init）。</translation>
    </message>
    <message>
      <source>%1 is not a hall database. Nothing was changed; check the path.</source>
      <translation>%1 不是營業廳資料庫，未做任何更改。請檢查路徑。</translation>
    </message>
    <message>
      <source>%1 was written by a newer version of the counter tool. Update the tool on this PC.</source>
      <translation>%1 由更新版本的櫃檯系統寫入。請在本機更新本系統。</translation>
    </message>
    <message>
      <source>The name is %1 characters long; at most %2 are allowed.</source>
      <translation>名稱長 %1 個字元，最多允許 %2 個。</translation>
    </message>
    <message>
      <source>The name holds characters that cannot be shown or printed (%1). Please type it again.</source>
      <translation>名稱中含有無法顯示或列印的字元（%1），請重新輸入。</translation>
    </message>
    <message>
      <source>The staff member's name is required.</source>
      <translation>請填寫員工姓名。</translation>
    </message>
    <message>
      <source>No printer is set up on this PC. Connect one or call IT; the paper can also be saved as a PDF.</source>
      <translation>本機未設定印表機。請連接印表機或聯絡資訊運維人員；也可以另存為 PDF。</translation>
    </message>
    <message>
      <source>The printer %1 is not installed on this PC. Please call IT.</source>
      <translation>本機未安裝印表機「%1」。請聯絡資訊運維人員。</translation>
    </message>
    <message>
      <source>The printer %1 could not start. Check that it is on and has paper.</source>
      <translation>印表機「%1」無法開始列印。請檢查是否開機、是否有紙。</translation>
    </message>
    <message>
      <source>The printer %1 reported an error. Check the paper, the cover and the cable, then print again.</source>
      <translation>印表機「%1」回報錯誤。請檢查紙張、機蓋和連線後重新列印。</translation>
    </message>
    <message>
      <source>Printing is turned off on this PC.</source>
      <translation>本機已關閉列印。</translation>
    </message>
    <message>
      <source>The PDF could not be saved as %1. Choose another folder.</source>
      <translation>PDF 無法儲存為 %1。請選擇其他資料夾。</translation>
    </message>
    <message>
      <source>Nothing can be saved in the folder %1. Please call IT.</source>
      <translation>無法在資料夾 %1 中儲存檔案。請聯絡資訊運維人員。</translation>
    </message>
    <message>
      <source>The receipt printer %1 does not answer. Check its power and its network cable.</source>
      <translation>小票印表機 %1 無回應。請檢查電源和網路線。</translation>
    </message>
    <message>
      <source>The printer did not print. The details are in the log; please call IT.</source>
      <translation>印表機未能列印。詳細資訊已記入日誌，請聯絡資訊運維人員。</translation>
    </message>
    <message>
      <source>Something went wrong while printing; it has been logged. Please call IT.</source>
      <translation>列印時出現異常，已記錄日誌。請聯絡資訊運維人員。</translation>
    </message>
    <message>
      <source>Choose why the customer takes the green channel.</source>
      <translation>請選擇客戶走綠色通道的原因。</translation>
    </message>
    <message>
      <source>A green-channel reason goes only with a green-channel number.</source>
      <translation>只有綠色通道號才需填寫綠色通道原因。</translation>
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
      <source>The hall database file is damaged and open read-only: nothing was saved. Restore the newest good backup or ask the hall's IT support.</source>
      <translation>營業廳資料庫檔案已損壞，現以唯讀方式開啟：本次操作沒有儲存。請恢復最近的完好備份，或聯繫資訊運維人員。</translation>
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
    <message>
      <source>Only the application's owner (%1) or a supervisor may do this.</source>
      <translation>僅首問負責人（%1）或值班長可辦理此操作。</translation>
    </message>
    <message>
      <source>The application has moved on to %1 meanwhile: the screen was out of date.</source>
      <translation>該申請已進入「%1」環節，當前畫面已過時。</translation>
    </message>
    <message>
      <source>Not possible while the application is %1.</source>
      <translation>申請處於「%1」狀態，無法辦理此操作。</translation>
    </message>
    <message>
      <source>Only the last stage completes an application; advance stage by stage.</source>
      <translation>只有最後一個環節才能辦結，請逐個環節推進。</translation>
    </message>
    <message>
      <source>An application can only be returned to an earlier stage.</source>
      <translation>只能退回到之前的環節。</translation>
    </message>
    <message>
      <source>This application has no such stage.</source>
      <translation>該申請沒有此環節。</translation>
    </message>
    <message>
      <source>Hand the application over to another clerk.</source>
      <translation>請移交給其他工作人員。</translation>
    </message>
    <message>
      <source>Say why: the reason is kept in the history.</source>
      <translation>請填寫原因，原因將記入辦理記錄。</translation>
    </message>
    <message>
      <source>This PC's clock is behind the application's history.</source>
      <translation>本機時間早於該申請的辦理記錄時間。</translation>
    </message>
    <message>
      <source>The application's history is damaged; ask the hall's IT support.</source>
      <translation>該申請的辦理記錄已損壞，請聯繫營業廳技術支持。</translation>
    </message>
    <message>
      <source>There is no application %1.</source>
      <translation>沒有編號爲 %1 的申請。</translation>
    </message>
    <message>
      <source>That document is not outstanding.</source>
      <translation>該資料不在待補交之列。</translation>
    </message>
    <message>
      <source>%1 is no longer active staff.</source>
      <translation>%1 已不是在崗人員。</translation>
    </message>
    <message>
      <source>Sign in at the counter first: every step records which clerk did it.</source>
      <translation>請先在窗口簽到：每一步都會記錄經辦人。</translation>
    </message>
    <message>
      <source>The queue ticket of this customer no longer exists.</source>
      <translation>該客戶的排隊號已不存在。</translation>
    </message>
    <message>
      <source>%1 was just changed at another counter.</source>
      <translation>%1 剛在其他窗口被修改。</translation>
    </message>
    <message>
      <source>The hall profile's business types have an error; ask the hall's IT support.</source>
      <translation>營業廳配置中的業務類型有誤，請聯繫營業廳技術支持。</translation>
    </message>
    <message>
      <source>That business is not in the hall profile.</source>
      <translation>營業廳配置中沒有該業務。</translation>
    </message>
    <message>
      <source>There is no staff code %1.</source>
      <translation>沒有工號 %1。</translation>
    </message>
    <message>
      <source>Type the account number (户号).</source>
      <translation>請輸入戶號。</translation>
    </message>
    <message>
      <source>An account number has digits only.</source>
      <translation>戶號只能包含數字。</translation>
    </message>
    <message>
      <source>The account number was turned into 1.23E+12 by Excel; its digits are lost.</source>
      <translation>戶號被 Excel 轉成了科學計數法（如 1.23E+12），數字已丟失。</translation>
    </message>
    <message>
      <source>The account number has %1 digits; this hall's numbers have %2.</source>
      <translation>戶號爲 %1 位；本廳戶號應爲 %2 位。</translation>
    </message>
    <message>
      <source>Account %1 is not in the hall's account list.</source>
      <translation>本廳用戶清單中沒有戶號 %1。</translation>
    </message>
    <message>
      <source>No account list has been imported yet.</source>
      <translation>尚未導入用戶清單。</translation>
    </message>
    <message>
      <source>The account list file is damaged (%1). Import the account list again.</source>
      <translation>戶號清單檔案已損壞（%1）。請重新匯入戶號清單。</translation>
    </message>
    <message>
      <source>The account list file is missing (%1). Import the account list again.</source>
      <translation>用戶清單文件缺失（%1），請重新導入用戶清單。</translation>
    </message>
    <message>
      <source>The file lacks the columns %1. Nothing was imported.</source>
      <translation>文件缺少以下列：%1。未導入任何數據。</translation>
    </message>
    <message>
      <source>This file cannot be read: save it as CSV or XLSX. Nothing was imported.</source>
      <translation>無法讀取此文件：請另存爲 CSV 或 XLSX。未導入任何數據。</translation>
    </message>
    <message>
      <source>%1 files cannot be read: save the list as CSV UTF-8. Nothing was imported.</source>
      <translation>無法讀取 %1 文件：請將清單另存爲“CSV UTF-8”。未導入任何數據。</translation>
    </message>
    <message>
      <source>The file %1 cannot be read. Nothing was imported.</source>
      <translation>無法讀取文件 %1。未導入任何數據。</translation>
    </message>
    <message>
      <source>%1 of %2 rows are not valid %3: choose the file's encoding. Nothing was imported.</source>
      <translation>%2 行中有 %1 行不是有效的 %3 編碼：請選擇文件的編碼。未導入任何數據。</translation>
    </message>
    <message>
      <source>No row could be imported (%1 rejected, see %2). Nothing was imported.</source>
      <translation>沒有可導入的行（%1 行未通過，見 %2）。未導入任何數據。</translation>
    </message>
    <message>
      <source>The import was cancelled. The previous account list is still in use.</source>
      <translation>導入已取消，仍使用原用戶清單。</translation>
    </message>
    <message>
      <source>Another account list was imported meanwhile. Import again.</source>
      <translation>其間已有另一份用戶清單導入，請重新導入。</translation>
    </message>
    <message>
      <source>Tick at least one payment channel for the slip.</source>
      <translation>請至少勾選一個繳費渠道打印在憑條上。</translation>
    </message>
    <message>
      <source>The hall offers no payment channel %1.</source>
      <translation>本廳沒有繳費渠道 %1。</translation>
    </message>
    <message>
      <source>That payment guidance record does not exist.</source>
      <translation>該繳費引導記錄不存在。</translation>
    </message>
    <message>
      <source>Too many results asked for (%1).</source>
      <translation>請求的結果數過多（%1）。</translation>
    </message>
    <message>
      <source>The hall profile has an error in %1.</source>
      <translation>營業廳配置文件的 %1 有錯誤。</translation>
    </message>
    <message>
      <source>A QR address in the hall profile is not valid.</source>
      <translation>營業廳配置文件中的二維碼地址無效。</translation>
    </message>
    <message>
      <source>A contract boundary cannot lie inside the home.</source>
      <translation>合同約定的分界點不能在客戶家中。</translation>
    </message>
    <message>
      <source>The end day is before the start day.</source>
      <translation>結束日期早於開始日期。</translation>
    </message>
    <message>
      <source>%1 has been rated already.</source>
      <translation>%1 已評價過。</translation>
    </message>
    <message>
      <source>%1 has not been finished yet; it cannot be rated.</source>
      <translation>%1 尚未辦結，不能評價。</translation>
    </message>
    <message>
      <source>Unknown rating %1.</source>
      <translation>未知的評價 %1。</translation>
    </message>
    <message>
      <source>Reasons are given only with a rating below satisfied.</source>
      <translation>只有低於「滿意」的評價才填寫原因。</translation>
    </message>
    <message>
      <source>Unknown rating reason %1.</source>
      <translation>未知的評價原因 %1。</translation>
    </message>
    <message>
      <source>A note holds no phone or ID numbers; they stay in the customer's file.</source>
      <translation>備註中不得填寫電話或證件號碼，這些資訊留在客戶檔案中。</translation>
    </message>
    <message>
      <source>A note is at most %1 characters.</source>
      <translation>備註最多 %1 個字。</translation>
    </message>
    <message>
      <source>Choose an outcome or write a note.</source>
      <translation>請選擇辦理結果或填寫備註。</translation>
    </message>
    <message>
      <source>Unknown outcome %1.</source>
      <translation>未知的辦理結果 %1。</translation>
    </message>
    <message>
      <source>%1 is not an inquiry or complaint visit; it takes no outcome.</source>
      <translation>%1 不是諮詢或投訴業務，無需記錄辦理結果。</translation>
    </message>
    <message>
      <source>Say why the customer is handed over.</source>
      <translation>請說明轉辦原因。</translation>
    </message>
    <message>
      <source>A hand-over reason is at most %1 characters.</source>
      <translation>轉辦原因最多 %1 個字。</translation>
    </message>
    <message>
      <source>Hand the customer over to another counter, not this one.</source>
      <translation>請轉交給其他窗口，而不是本窗口。</translation>
    </message>
    <message>
      <source>Counter %1 does not serve %2.</source>
      <translation>%1號窗口不辦理 %2 業務。</translation>
    </message>
    <message>
      <source>The report's last day comes before its first.</source>
      <translation>報表的結束日期早於開始日期。</translation>
    </message>
    <message>
      <source>A report covers at most one year.</source>
      <translation>一份報表最多涵蓋一年。</translation>
    </message>
    <message>
      <source>There is no such month.</source>
      <translation>沒有這個月份。</translation>
    </message>
    <message>
      <source>Forecast 1 to 62 days.</source>
      <translation>預測天數為 1 至 62 天。</translation>
    </message>
    <message>
      <source>No numbers were taken in the last %1 weeks: the forecast has nothing to learn from.</source>
      <translation>最近 %1 週沒有取號記錄，無法進行預測。</translation>
    </message>
    <message>
      <source>The report could not be written to %1.</source>
      <translation>報表無法寫入 %1。</translation>
    </message>
    <message>
      <source>Wrong staff code or password.</source>
      <translation>工號或密碼錯誤。</translation>
    </message>
    <message>
      <source>Staff %1 is locked after repeated wrong passwords; a supervisor must unlock it.</source>
      <translation>工號 %1 因多次輸錯密碼已被鎖定，請值班長解鎖。</translation>
    </message>
    <message>
      <source>Sign in first: this needs a signed-in member of staff.</source>
      <translation>請先登入：此操作需要工作人員登入後進行。</translation>
    </message>
    <message>
      <source>Your role may not do this; ask a supervisor or the administrator.</source>
      <translation>您的角色無權進行此操作，請找值班長或管理員。</translation>
    </message>
    <message>
      <source>Signed in as %1: steps are recorded under your own staff code.</source>
      <translation>目前登入工號為 %1：操作只能以您本人的工號記錄。</translation>
    </message>
    <message>
      <source>Wrong PIN.</source>
      <translation>數字口令錯誤。</translation>
    </message>
    <message>
      <source>Only the clerk whose counter locked can resume it; sign in afresh instead.</source>
      <translation>只有鎖定前登入的營業員才能繼續使用本窗口；其他人請重新登入。</translation>
    </message>
    <message>
      <source>The first account of a hall is its administrator.</source>
      <translation>營業廳的第一個帳號必須是管理員。</translation>
    </message>
    <message>
      <source>The password is too short.</source>
      <translation>密碼太短。</translation>
    </message>
    <message>
      <source>The password is too long.</source>
      <translation>密碼太長。</translation>
    </message>
    <message>
      <source>The password is too easy to guess (repeated or in sequence).</source>
      <translation>密碼太容易被猜到（重複或連續的字元）。</translation>
    </message>
    <message>
      <source>The password must not be the staff code or name.</source>
      <translation>密碼不能是工號或姓名。</translation>
    </message>
    <message>
      <source>The password must not be a word of this hall or this tool.</source>
      <translation>密碼不能是本營業廳或本系統的常用詞。</translation>
    </message>
    <message>
      <source>This password is on the hall's refused list.</source>
      <translation>該密碼在本營業廳的禁用密碼名單中。</translation>
    </message>
    <message>
      <source>The password holds a control character.</source>
      <translation>密碼中含有控制字元。</translation>
    </message>
    <message>
      <source>The PIN must be digits only.</source>
      <translation>數字口令只能由數字組成。</translation>
    </message>
    <message>
      <source>This staff code already has an account.</source>
      <translation>該工號已有帳號。</translation>
    </message>
    <message>
      <source>A staff code is 1 to 40 characters without spaces.</source>
      <translation>工號為 1 至 40 個字元，不能含空格。</translation>
    </message>
    <message>
      <source>A name is 1 to 60 printable characters.</source>
      <translation>姓名為 1 至 60 個可列印字元。</translation>
    </message>
  </context>
  <context>
    <name>ExportDialog</name>
    <message>
      <source>Export a report</source>
      <translation>匯出報表</translation>
    </message>
    <message>
      <source>Daily report</source>
      <translation>日報</translation>
    </message>
    <message>
      <source>Monthly report</source>
      <translation>月報</translation>
    </message>
    <message>
      <source>Any range</source>
      <translation>任意時段</translation>
    </message>
    <message>
      <source>Forecast (next 7 days)</source>
      <translation>預測（未來 7 天）</translation>
    </message>
    <message>
      <source>Report</source>
      <translation>報表</translation>
    </message>
    <message>
      <source>Day, month or first day</source>
      <translation>日期、月份或開始日期</translation>
    </message>
    <message>
      <source>Last day (range)</source>
      <translation>結束日期（任意時段）</translation>
    </message>
    <message>
      <source>Format</source>
      <translation>格式</translation>
    </message>
    <message>
      <source>Save the report as</source>
      <translation>報表另存為</translation>
    </message>
  </context>
  <context>
    <name>ForecastTab</name>
    <message>
      <source>Forecast again</source>
      <translation>重新預測</translation>
    </message>
    <message>
      <source>Forecast report…</source>
      <translation>預測報表…</translation>
    </message>
    <message>
      <source>Counters needed each hour (hover: numbers expected)</source>
      <translation>每小時所需窗口數（滑鼠懸停：預計取號數）</translation>
    </message>
    <message>
      <source>Expected numbers per day and hour are learned from this hall's own weeks (weekday, month-end and, where set, the days after the payment deadline). Counters needed: the fewest with which the target share of customers is called within the service's target wait, by the Erlang C queueing formula (steady arrivals within the hour, no one leaving the line), summed over services: a planning figure, not a promise.</source>
      <translation>每日、每小時的預計取號數由本廳自己的歷史資料學習得出（星期、月末，以及設定了繳費截止日時的截止日後幾天）。所需窗口數：按 Erlang C 排隊公式（每小時內到達平穩、無人中途離開）計算，使目標比例的客戶在該業務的目標等候時間內被叫號所需的最少窗口數，各業務相加；這是排班參考，不是承諾。</translation>
    </message>
    <message>
      <source>Computing the forecast…</source>
      <translation>正在計算預測…</translation>
    </message>
    <message>
      <source>Numbers expected per day, and the counters needed at the peak hour</source>
      <translation>每日預計取號數與高峰時段所需窗口數</translation>
    </message>
    <message>
      <source>Numbers expected</source>
      <translation>預計取號數</translation>
    </message>
    <message>
      <source>Counters at the peak</source>
      <translation>高峰所需窗口</translation>
    </message>
    <message>
      <source>Forecast from %1 to %2: %3 numbers expected; at most %4 counters at once.</source>
      <translation>預測 %1 至 %2：預計取號 %3 個；同時最多需要 %4 個窗口。</translation>
    </message>
    <message>
      <source>Its error on the last %1 weeks: %2 per day, %3 per hour (WAPE).</source>
      <translation>在最近 %1 週的誤差：按日 %2，按小時 %3（WAPE）。</translation>
    </message>
    <message>
      <source>Too little history yet to measure its error.</source>
      <translation>歷史資料尚少，暫無法衡量誤差。</translation>
    </message>
  </context>
  <context>
    <name>HandoverDialog</name>
    <message>
      <source>Hand over %1</source>
      <translation>轉辦 %1</translation>
    </message>
    <message>
      <source>Hand %1 over to %2 %3. Why?</source>
      <translation>將 %1 轉至 %2 %3，原因是？</translation>
    </message>
    <message>
      <source>Or type the reason (Enter hands over)</source>
      <translation>或輸入原因（Enter即轉辦）</translation>
    </message>
    <message>
      <source>To counter:</source>
      <translation>轉至窗口：</translation>
    </message>
    <message>
      <source>Any counter serving %1</source>
      <translation>辦理 %1 的任一窗口</translation>
    </message>
    <message>
      <source>Counter %1</source>
      <translation>%1號窗口</translation>
    </message>
    <message>
      <source>1–9 picks a reason and hands over · Enter: the selected reason · Esc: keep the customer</source>
      <translation>數字 1–9 選擇原因並轉辦 · Enter：所選原因 · Esc：留下客戶</translation>
    </message>
    <message>
      <source>Hand over</source>
      <translation>轉辦</translation>
    </message>
    <message>
      <source>Keep the customer</source>
      <translation>留下客戶</translation>
    </message>
  </context>
  <context>
    <name>Handovers</name>
    <message>
      <source>Number</source>
      <translation>號碼</translation>
    </message>
    <message>
      <source>Handed</source>
      <translation>轉辦</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>原因</translation>
    </message>
    <message>
      <source>At</source>
      <translation>時間</translation>
    </message>
    <message>
      <source>Now</source>
      <translation>當前</translation>
    </message>
    <message>
      <source>from counter %1 (%2)</source>
      <translation>來自 %1號窗口（%2）</translation>
    </message>
    <message>
      <source>counter %1</source>
      <translation>%1號窗口</translation>
    </message>
  </context>
  <context>
    <name>HandoversPanel</name>
    <message>
      <source>Call the selected customer now</source>
      <translation>立即叫所選客戶</translation>
    </message>
    <message>
      <source>Your visits handed over, not yet done: %1</source>
      <translation>您轉出、尚未辦結的業務：%1</translation>
    </message>
    <message>
      <source>Handed to this counter, waiting: %1</source>
      <translation>轉給本窗口、等候中：%1</translation>
    </message>
  </context>
  <context>
    <name>IntakeFields</name>
    <message>
      <source>Business</source>
      <extracomment>Each row's label; a check box's row has none (its own text says it all).</extracomment>
      <translation>業務類型</translation>
    </message>
    <message>
      <source>Applicant is</source>
      <translation>申請人類型</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名稱/姓名</translation>
    </message>
    <message>
      <source>ID type</source>
      <translation>證件類型</translation>
    </message>
    <message>
      <source>ID number</source>
      <translation>證件號碼</translation>
    </message>
    <message>
      <source>Mobile</source>
      <translation>手機號碼</translation>
    </message>
    <message>
      <source>Address of use</source>
      <translation>用電地址</translation>
    </message>
    <message>
      <source>Agent's name</source>
      <translation>代辦人姓名</translation>
    </message>
    <message>
      <source>Agent's ID type</source>
      <translation>代辦人證件類型</translation>
    </message>
    <message>
      <source>Agent's ID number</source>
      <translation>代辦人證件號碼</translation>
    </message>
    <message>
      <source>Agent's mobile</source>
      <translation>代辦人手機</translation>
    </message>
    <message>
      <source>Account number</source>
      <translation>戶號</translation>
    </message>
    <message>
      <source>Capacity</source>
      <translation>申請容量</translation>
    </message>
    <message>
      <source>Voltage</source>
      <translation>電壓等級</translation>
    </message>
    <message>
      <source>Tariff class</source>
      <translation>用電類別</translation>
    </message>
    <message>
      <source>From</source>
      <translation>起始日期</translation>
    </message>
    <message>
      <source>Until</source>
      <translation>截止日期</translation>
    </message>
    <message>
      <source>Address on the account</source>
      <translation>戶檔地址</translation>
    </message>
    <message>
      <source>Class on the account</source>
      <translation>戶檔用電類別</translation>
    </message>
    <message>
      <source>Arrears (yuan)</source>
      <translation>欠費（元）</translation>
    </message>
    <message>
      <source>Shown today</source>
      <translation>本次提供</translation>
    </message>
    <message>
      <source>No end date (a reduction has no time limit)</source>
      <translation>不定期限（減容不受期限限制）</translation>
    </message>
    <message>
      <source>Applicant</source>
      <translation>申請人</translation>
    </message>
    <message>
      <source>Agent (when the applicant is not here)</source>
      <translation>代辦人（申請人未到場時）</translation>
    </message>
    <message>
      <source>Request</source>
      <translation>申請內容</translation>
    </message>
    <message>
      <source>Documents (一证受理)</source>
      <translation>申請資料（一證受理）</translation>
    </message>
    <message>
      <source>a person</source>
      <translation>個人</translation>
    </message>
    <message>
      <source>an organisation</source>
      <translation>單位</translation>
    </message>
    <message>
      <source>The applicant is here in person</source>
      <translation>申請人本人到場</translation>
    </message>
    <message>
      <source>Signed power of attorney (授权委托书) shown</source>
      <translation>已出示簽字的授權委託書</translation>
    </message>
    <message>
      <source>Needs external line works (外线工程)</source>
      <translation>需要外線工程</translation>
    </message>
    <message>
      <source>Customer signed the commitment letter (客户承诺书) for missing documents</source>
      <translation>客戶已就缺件簽署《客戶承諾書》</translation>
    </message>
    <message>
      <source>as on the ID; rare characters (生僻字) are fine</source>
      <translation>與證件一致，可輸入生僻字</translation>
    </message>
    <message>
      <source>e.g. 8</source>
      <translation>例如 8</translation>
    </message>
    <message>
      <source>Accept application</source>
      <translation>受理申請</translation>
    </message>
    <message>
      <source>Clear</source>
      <translation>清空</translation>
    </message>
  </context>
  <context>
    <name>KioskWindow</name>
    <message>
      <source>Take a number</source>
      <extracomment>``print_fn(hall, ticket)``: the ticket slip, recorded and printed (on the print worker)</extracomment>
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
      <source>%1 waiting</source>
      <translation>%1 人等候</translation>
    </message>
    <message>
      <source>about %1 min</source>
      <translation>約 %1 分鐘</translation>
    </message>
    <message>
      <source>You are next</source>
      <translation>下一位就是您</translation>
    </message>
    <message>
      <source>1 person ahead of you</source>
      <translation>您前面還有 1 人</translation>
    </message>
    <message>
      <source>%1 people ahead of you</source>
      <translation>您前面還有 %1 人</translation>
    </message>
    <message>
      <source>The hall server cannot be reached: this is a backup number from this PC. It is called as usual.</source>
      <translation>伺服器暫時無法連線，本號為本機備用號，叫號照常進行。</translation>
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
    <name>LineTile</name>
    <message>
      <source>%1 waiting</source>
      <translation>等候 %1 人</translation>
    </message>
    <message>
      <source>Longest wait %1 min · target %2 min</source>
      <translation>最長等候 %1 分鐘 · 目標 %2 分鐘</translation>
    </message>
  </context>
  <context>
    <name>LinkBar</name>
    <message>
      <source>The hall server cannot be reached since %1. This PC works alone and keeps retrying.</source>
      <translation>自 %1 起無法連線營業廳伺服器。本機正在單機作業，並持續自動重試連線。</translation>
    </message>
    <message>
      <source>Connecting to the hall server…</source>
      <translation>正在連線營業廳伺服器…</translation>
    </message>
    <message>
      <source>Connected to the hall server (this PC: %1).</source>
      <translation>已連線營業廳伺服器（本機：%1）。</translation>
    </message>
    <message>
      <source>The hall server is back since %1: %2 actions of this PC handed over.</source>
      <translation>營業廳伺服器已於 %1 恢復：本機已上傳 %2 項操作。</translation>
    </message>
    <message>
      <source>The hall server is back since %1. This PC had nothing to hand over.</source>
      <translation>營業廳伺服器已於 %1 恢復。本機沒有需要上傳的操作。</translation>
    </message>
    <message>
      <source>%1 actions of this PC wait to be handed over.</source>
      <translation>本機尚有 %1 項操作等待上傳。</translation>
    </message>
    <message>
      <source>%1 actions wait for another PC to hand over its work first.</source>
      <translation>%1 項操作需等待其他電腦先上傳其資料。</translation>
    </message>
    <message>
      <source>%1 of them were settled as conflicts (the server's record stands).</source>
      <translation>其中 %1 項按衝突處理（以伺服器紀錄為準）。</translation>
    </message>
    <message>
      <source>Still works: finish the current customer, call a number by typing it (F7), applications, account look-up, payment slips.</source>
      <translation>仍可使用：辦結目前客戶、輸入號碼叫號（F7）、業擴報裝受理、戶號查詢、列印繳費單。</translation>
    </message>
    <message>
      <source>Numbers now come from this PC's own series (such as %1) and are called as usual.</source>
      <translation>現由本機備用號段取號（如 %1），叫號照常進行。</translation>
    </message>
    <message>
      <source>Offline: the last calls stay on screen; new calls show again when the server is back.</source>
      <translation>離線：螢幕保留最近的叫號；伺服器恢復後再顯示新的叫號。</translation>
    </message>
    <message>
      <source>Figures shown are this PC's own copy; the hall's figures return when the server is back.</source>
      <translation>目前顯示的是本機副本資料；伺服器恢復後顯示全廳資料。</translation>
    </message>
    <message>
      <source>Ratings given now are kept on this PC.</source>
      <translation>現在的評價暫存於本機。</translation>
    </message>
  </context>
  <context>
    <name>NowTab</name>
    <message>
      <source>Counters</source>
      <translation>窗口</translation>
    </message>
    <message>
      <source>Needs attention</source>
      <translation>需要關注</translation>
    </message>
    <message>
      <source>%1: the longest wait is %2 min, past the target of %3 min.</source>
      <translation>%1：最長等候 %2 分鐘，超過目標 %3 分鐘。</translation>
    </message>
    <message>
      <source>Application %1 is overdue (due %2, %3).</source>
      <translation>申請 %1 已超期（時限 %2，%3）。</translation>
    </message>
    <message>
      <source>Application %1 is due soon (%2, %3).</source>
      <translation>申請 %1 即將到期（%2，%3）。</translation>
    </message>
    <message>
      <source>… and %1 more applications due or late.</source>
      <translation>……另有 %1 件申請即將到期或已超期。</translation>
    </message>
    <message>
      <source>Nothing needs attention now.</source>
      <translation>目前沒有需要關注的事項。</translation>
    </message>
  </context>
  <context>
    <name>OneTimeNotice</name>
    <message>
      <source>One-time notice</source>
      <translation>一次性告知書</translation>
    </message>
    <message>
      <source>REPRINT · 补打</source>
      <translation>補打</translation>
    </message>
    <message>
      <source>Application No.</source>
      <translation>申請編號</translation>
    </message>
    <message>
      <source>Business</source>
      <translation>業務類型</translation>
    </message>
    <message>
      <source>Applicant</source>
      <translation>申請人</translation>
    </message>
    <message>
      <source>ID number</source>
      <translation>證件號碼</translation>
    </message>
    <message>
      <source>Mobile</source>
      <translation>聯繫電話</translation>
    </message>
    <message>
      <source>This is everything we still need from you to finish this application. Nothing else will be asked of you for it.</source>
      <translation>爲辦結本申請，以下爲您尚需提供的全部資料和事項。本申請不會再要求您補充其他內容。</translation>
    </message>
    <message>
      <source>Please bring</source>
      <translation>請攜帶以下資料</translation>
    </message>
    <message>
      <source>%1 (by %2)</source>
      <translation>%1（請於 %2 前提供）</translation>
    </message>
    <message>
      <source>Also bring, if it applies to you</source>
      <translation>如適用，請一併提供</translation>
    </message>
    <message>
      <source>We are waiting for you: %1</source>
      <translation>待您辦理：%1</translation>
    </message>
    <message>
      <source>Nothing more is needed from you at the moment.</source>
      <translation>目前無需您再提供任何資料。</translation>
    </message>
    <message>
      <source>You signed a commitment letter (客户承诺书) to bring the documents above by %1.</source>
      <translation>您已簽署《客戶承諾書》，承諾於 %1 前補交上述資料。</translation>
    </message>
    <message>
      <source>Bring them to any counter of %1: you do not need to see the same clerk.</source>
      <translation>可到%1任一窗口遞交，無需找原受理人員。</translation>
    </message>
    <message>
      <source>Your case officer (首问负责人)</source>
      <translation>首問負責人</translation>
    </message>
    <message>
      <source>Hall address</source>
      <translation>營業廳地址</translation>
    </message>
    <message>
      <source>Hall phone</source>
      <translation>營業廳電話</translation>
    </message>
    <message>
      <source>Service hotline</source>
      <translation>供電服務熱線</translation>
    </message>
    <message>
      <source>Energy regulation hotline</source>
      <translation>能源監管熱線</translation>
    </message>
    <message>
      <source>Dates in %1 are provisional: that year's official holiday schedule is not yet published.</source>
      <translation>%1 年的日期爲暫定：該年法定節假日安排尚未公佈。</translation>
    </message>
    <message>
      <source>Customer</source>
      <translation>客戶簽字</translation>
    </message>
    <message>
      <source>Clerk</source>
      <translation>受理人</translation>
    </message>
    <message>
      <source>Printed %1</source>
      <translation>打印時間 %1</translation>
    </message>
  </context>
  <context>
    <name>OutboxStatus</name>
    <message>
      <source>Hand-over to the central systems: nothing waiting</source>
      <translation>上送中心系統：無待上送記錄</translation>
    </message>
    <message>
      <source>Hand-over to the central systems: %1 records waiting since %2</source>
      <translation>上送中心系統：%1 條記錄待上送（最早 %2）</translation>
    </message>
  </context>
  <context>
    <name>PaymentModels</name>
    <message>
      <source>Account number</source>
      <translation>戶號</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>戶名</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>地址</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>電話</translation>
    </message>
    <message>
      <source>Amount due</source>
      <translation>應繳金額</translation>
    </message>
    <message>
      <source>Matched</source>
      <translation>匹配項</translation>
    </message>
    <message>
      <source>The date of these figures is unknown: check before quoting</source>
      <translation>數據日期不明，告知客戶前請覈實</translation>
    </message>
    <message>
      <source>Figures as of %1, not current: check before quoting</source>
      <translation>數據截至 %1，非最新數據，告知客戶前請覈實</translation>
    </message>
  </context>
  <context>
    <name>PaymentPanel</name>
    <message>
      <source>Import account list…</source>
      <translation>導入用戶清單…</translation>
    </message>
    <message>
      <source>Who repairs it? (产权分界)…</source>
      <translation>誰來維修？（產權分界）…</translation>
    </message>
    <message>
      <source>Payment channels: tick the ones for the slip</source>
      <translation>繳費渠道：勾選要打印在憑條上的渠道</translation>
    </message>
    <message>
      <source>Save slip as PDF…</source>
      <translation>憑條另存爲 PDF…</translation>
    </message>
    <message>
      <source>Print payment slip</source>
      <translation>打印繳費憑條</translation>
    </message>
    <message>
      <source>Print again</source>
      <translation>重新列印</translation>
    </message>
    <message>
      <source>in person</source>
      <translation>需到現場</translation>
    </message>
    <message>
      <source>QR code</source>
      <translation>二維碼</translation>
    </message>
    <message>
      <source>not signed yet</source>
      <translation>尚未簽約</translation>
    </message>
    <message>
      <source>status not known here</source>
      <translation>本廳無法確認簽約狀態</translation>
    </message>
    <message>
      <source>Bring:</source>
      <translation>請攜帶：</translation>
    </message>
    <message>
      <source>Save payment slip</source>
      <translation>保存繳費憑條</translation>
    </message>
    <message>
      <source>Printing the payment slip…</source>
      <translation>正在打印繳費憑條…</translation>
    </message>
    <message>
      <source>Reprint (补打) printed.</source>
      <translation>補打憑條已打印。</translation>
    </message>
    <message>
      <source>Payment slip printed.</source>
      <translation>繳費憑條已打印。</translation>
    </message>
    <message>
      <source>The slip was not printed: %1 The guidance is recorded; use Print again.</source>
      <translation>憑條未能列印：%1 繳費引導已記錄，請點「重新列印」。</translation>
    </message>
  </context>
  <context>
    <name>PaymentSlip</name>
    <message>
      <source>Pay your electricity bill online - no queue</source>
      <translation>線上交電費，無需排隊</translation>
    </message>
    <message>
      <source>REPRINT · 补打</source>
      <translation>補打</translation>
    </message>
    <message>
      <source>Account number - type it into the app</source>
      <translation>戶號（在App中輸入此號碼）</translation>
    </message>
    <message>
      <source>Name: %1</source>
      <translation>戶名：%1</translation>
    </message>
    <message>
      <source>Address: %1</source>
      <translation>地址：%1</translation>
    </message>
    <message>
      <source>Amount due: %1 yuan</source>
      <translation>應繳金額：%1 元</translation>
    </message>
    <message>
      <source>Pay by %1</source>
      <translation>繳費截止日期：%1</translation>
    </message>
    <message>
      <source>Nothing due</source>
      <translation>無欠費</translation>
    </message>
    <message>
      <source>Prepaid balance: %1 yuan</source>
      <translation>預存餘額：%1 元</translation>
    </message>
    <message>
      <source>Figures as of %1</source>
      <translation>以上數據截至 %1</translation>
    </message>
    <message>
      <source>Not current (%1 days old): the app shows what is due today</source>
      <translation>非最新數據（已過 %1 天），當前應繳金額以App顯示爲準</translation>
    </message>
    <message>
      <source>Date of these figures unknown: the app shows what is due today</source>
      <translation>數據日期不詳，當前應繳金額以App顯示爲準</translation>
    </message>
    <message>
      <source>This account is not in the hall's list: the app shows the amount due</source>
      <translation>本廳清單中無此戶號，應繳金額以App顯示爲準</translation>
    </message>
    <message>
      <source>Scan to open %1</source>
      <translation>掃碼打開 %1</translation>
    </message>
    <message>
      <source>%1 - please bring:</source>
      <translation>%1——請攜帶：</translation>
    </message>
    <message>
      <source>%1 (signed up)</source>
      <translation>%1（已簽約）</translation>
    </message>
    <message>
      <source>Power supply service hotline %1 (24 hours)</source>
      <translation>供電服務熱線 %1（24小時）</translation>
    </message>
    <message>
      <source>Printed %1</source>
      <translation>打印時間 %1</translation>
    </message>
  </context>
  <context>
    <name>PaymentTexts</name>
    <message>
      <source>Account number</source>
      <translation>戶號</translation>
    </message>
    <message>
      <source>Account number begins</source>
      <translation>戶號開頭</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>電話</translation>
    </message>
    <message>
      <source>Phone, last 4</source>
      <translation>電話後4位</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>戶名</translation>
    </message>
    <message>
      <source>Name begins</source>
      <translation>戶名開頭</translation>
    </message>
    <message>
      <source>Name contains</source>
      <translation>戶名包含</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>地址</translation>
    </message>
    <message>
      <source>Bank withholding: signed</source>
      <translation>銀行代扣：已簽約</translation>
    </message>
    <message>
      <source>Bank withholding: not signed</source>
      <translation>銀行代扣：未簽約</translation>
    </message>
    <message>
      <source>Bank withholding: not known</source>
      <translation>銀行代扣：狀態不詳</translation>
    </message>
    <message>
      <source>Reading the file…</source>
      <translation>正在讀取文件…</translation>
    </message>
    <message>
      <source>Keeping the accounts the file does not mention…</source>
      <translation>正在保留文件中未列出的賬戶…</translation>
    </message>
    <message>
      <source>Sorting…</source>
      <translation>正在排序…</translation>
    </message>
    <message>
      <source>Indexing…</source>
      <translation>正在建立索引…</translation>
    </message>
    <message>
      <source>Building the search index…</source>
      <translation>正在建立查詢索引…</translation>
    </message>
    <message>
      <source>Making the new list live…</source>
      <translation>正在啓用新清單…</translation>
    </message>
    <message>
      <source>Done.</source>
      <translation>完成。</translation>
    </message>
    <message>
      <source>80 mm roll</source>
      <translation>80毫米捲紙</translation>
    </message>
    <message>
      <source>58 mm roll</source>
      <translation>58毫米捲紙</translation>
    </message>
    <message>
      <source>A5 sheet</source>
      <translation>A5 紙</translation>
    </message>
  </context>
  <context>
    <name>Quality</name>
    <message>
      <source>Very satisfied</source>
      <translation>非常滿意</translation>
    </message>
    <message>
      <source>Satisfied</source>
      <translation>滿意</translation>
    </message>
    <message>
      <source>Neutral</source>
      <translation>一般</translation>
    </message>
    <message>
      <source>Dissatisfied</source>
      <translation>不滿意</translation>
    </message>
    <message>
      <source>Very dissatisfied</source>
      <translation>非常不滿意</translation>
    </message>
    <message>
      <source>Not rated</source>
      <translation>未評價</translation>
    </message>
    <message>
      <source>Answered</source>
      <translation>當場答覆</translation>
    </message>
    <message>
      <source>Referred to 95598</source>
      <translation>轉 95598</translation>
    </message>
    <message>
      <source>Complaint recorded</source>
      <translation>已登記投訴</translation>
    </message>
    <message>
      <source>waiting</source>
      <translation>等候中</translation>
    </message>
    <message>
      <source>called</source>
      <translation>已叫號</translation>
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
      <source>missed the call</source>
      <translation>過號</translation>
    </message>
    <message>
      <source>withdrawn</source>
      <translation>已撤號</translation>
    </message>
  </context>
  <context>
    <name>QueueModels</name>
    <message>
      <source>Next [F1]</source>
      <translation>下一位 [F1]</translation>
    </message>
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
    <message>
      <source>Green channel</source>
      <translation>綠色通道</translation>
    </message>
    <message>
      <source>Transferred</source>
      <translation>已轉辦</translation>
    </message>
  </context>
  <context>
    <name>RatingDialog</name>
    <message>
      <source>Rate our service</source>
      <translation>服務評價</translation>
    </message>
  </context>
  <context>
    <name>RatingPanel</name>
    <message>
      <source>How was our service today?</source>
      <extracomment>Level colours, best first: green to red.</extracomment>
      <translation>請對本次服務進行評價</translation>
    </message>
    <message>
      <source>What should we do better? (choose any)</source>
      <translation>我們哪裡需要改進？（可多選）</translation>
    </message>
    <message>
      <source>Submit</source>
      <translation>提交</translation>
    </message>
    <message>
      <source>Thank you for your rating!</source>
      <translation>感謝您的評價！</translation>
    </message>
    <message>
      <source>Welcome. We are glad to serve you.</source>
      <translation>歡迎光臨，竭誠為您服務。</translation>
    </message>
    <message>
      <source>Counter %1</source>
      <translation>%1號窗口</translation>
    </message>
    <message>
      <source>No clerk at this counter</source>
      <translation>本窗口暫無營業員</translation>
    </message>
    <message>
      <source>Staff number %1</source>
      <translation>工號 %1</translation>
    </message>
    <message>
      <source>Ticket %1</source>
      <translation>號碼 %1</translation>
    </message>
    <message>
      <source>%1 s</source>
      <translation>%1 秒</translation>
    </message>
  </context>
  <context>
    <name>RatingWindow</name>
    <message>
      <source>Rate our service · counter %1</source>
      <translation>服務評價 · %1號窗口</translation>
    </message>
  </context>
  <context>
    <name>RestoreOffer</name>
    <message>
      <source>Counter tool</source>
      <translation>營業廳櫃檯系統</translation>
    </message>
    <message>
      <source>The hall database file is damaged and there is no good backup in %1.</source>
      <translation>營業廳資料庫檔案已損壞，%1 中沒有完好的備份。</translation>
    </message>
    <message>
      <source>Nothing was changed. Ask the hall's IT support.</source>
      <translation>未做任何改動。請聯絡營業廳的資訊技術支援。</translation>
    </message>
    <message>
      <source>The hall database file is damaged; nothing has been written to it.</source>
      <translation>營業廳資料庫檔案已損壞；程式沒有向其寫入任何內容。</translation>
    </message>
    <message>
      <source>Restore the newest good backup, made %1? The damaged file is kept beside it for the IT support.</source>
      <translation>是否還原最近一份完好的備份（%1）？損壞的檔案會保留在原處，供資訊技術支援檢查。</translation>
    </message>
    <message>
      <source>Restore the backup</source>
      <translation>還原備份</translation>
    </message>
    <message>
      <source>Quit</source>
      <translation>退出</translation>
    </message>
    <message>
      <source>The backup was restored. The counter tool starts again.</source>
      <translation>備份已還原，程式將重新啟動。</translation>
    </message>
  </context>
  <context>
    <name>SignInCover</name>
    <message>
      <source>Sign in to counter %1</source>
      <translation>登入 %1 號窗口</translation>
    </message>
    <message>
      <source>Enter your staff code and password before serving customers.</source>
      <translation>辦理業務前請輸入工號和密碼。</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>密碼</translation>
    </message>
    <message>
      <source>Sign in</source>
      <translation>登入</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Counter %1 is locked</source>
      <translation>%1 號窗口已鎖定</translation>
    </message>
    <message>
      <source>Locked after a while without use. %1 resumes with their PIN: everything on the screen is kept as it was.</source>
      <translation>長時間無操作，窗口已鎖定。由 %1 輸入本人的數字口令即可繼續，螢幕上的內容原樣保留。</translation>
    </message>
    <message>
      <source>PIN (or password if no PIN is set)</source>
      <translation>數字口令（未設定時輸入密碼）</translation>
    </message>
    <message>
      <source>Resume</source>
      <translation>繼續</translation>
    </message>
    <message>
      <source>Sign in as someone else</source>
      <translation>換人登入</translation>
    </message>
    <message>
      <source>Set up the administrator</source>
      <translation>設定管理員</translation>
    </message>
    <message>
      <source>This hall has no administrator yet. Create one now with a password chosen here; there is no default password. Until then anyone may use the counter.</source>
      <translation>本營業廳尚無管理員。請在此建立管理員並設定密碼（系統沒有預設密碼）。建立之前，任何人都可以使用本窗口。</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Password (at least 8 characters)</source>
      <translation>密碼（至少 8 個字元）</translation>
    </message>
    <message>
      <source>Password again</source>
      <translation>再次輸入密碼</translation>
    </message>
    <message>
      <source>Create administrator</source>
      <translation>建立管理員</translation>
    </message>
    <message>
      <source>Later</source>
      <translation>以後再說</translation>
    </message>
    <message>
      <source>Staff code</source>
      <translation>工號</translation>
    </message>
    <message>
      <source>Dashboard locked</source>
      <translation>值班長看板已鎖定</translation>
    </message>
    <message>
      <source>Sign in to the dashboard</source>
      <translation>登入值班長看板</translation>
    </message>
    <message>
      <source>A supervisor or administrator signs in with staff code and password; the hall's figures, reports and staff accounts show once signed in.</source>
      <translation>請值班長或管理員輸入工號和密碼登入；登入後才顯示營業廳的資料、報表和員工帳號。</translation>
    </message>
    <message>
      <source>Checking who may open the dashboard…</source>
      <translation>正在確認登入要求…</translation>
    </message>
  </context>
  <context>
    <name>Supervisor</name>
    <message>
      <source>Counter</source>
      <translation>窗口</translation>
    </message>
    <message>
      <source>State</source>
      <translation>狀態</translation>
    </message>
    <message>
      <source>Clerk</source>
      <translation>營業員</translation>
    </message>
    <message>
      <source>Customer</source>
      <translation>客戶</translation>
    </message>
    <message>
      <source>Minutes</source>
      <translation>分鐘</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>服務中</translation>
    </message>
    <message>
      <source>Paused</source>
      <translation>暫停</translation>
    </message>
    <message>
      <source>Closed</source>
      <translation>關閉</translation>
    </message>
    <message>
      <source>Service</source>
      <translation>業務</translation>
    </message>
  </context>
  <context>
    <name>SupervisorAccounts</name>
    <message>
      <source>Clerk</source>
      <translation>營業員</translation>
    </message>
    <message>
      <source>Supervisor</source>
      <translation>值班長</translation>
    </message>
    <message>
      <source>Administrator</source>
      <translation>管理員</translation>
    </message>
    <message>
      <source>Locked since %1</source>
      <translation>自 %1 起鎖定</translation>
    </message>
    <message>
      <source>%1 wrong passwords lately</source>
      <translation>近期輸錯密碼 %1 次</translation>
    </message>
    <message>
      <source>Can sign in</source>
      <translation>可以登入</translation>
    </message>
    <message>
      <source>Active</source>
      <translation>在用</translation>
    </message>
    <message>
      <source>Deactivated</source>
      <translation>已停用</translation>
    </message>
    <message>
      <source>Staff code</source>
      <translation>工號</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>角色</translation>
    </message>
    <message>
      <source>Account</source>
      <translation>帳號狀態</translation>
    </message>
    <message>
      <source>Sign-in</source>
      <translation>登入狀態</translation>
    </message>
  </context>
  <context>
    <name>SupervisorWindow</name>
    <message>
      <source>Supervisor dashboard</source>
      <translation>值班長看板</translation>
    </message>
    <message>
      <source>Reports…</source>
      <translation>報表…</translation>
    </message>
    <message>
      <source>Lock</source>
      <translation>鎖定</translation>
    </message>
    <message>
      <source>Now</source>
      <translation>當前</translation>
    </message>
    <message>
      <source>Today</source>
      <translation>今日</translation>
    </message>
    <message>
      <source>Clerks</source>
      <translation>營業員</translation>
    </message>
    <message>
      <source>Forecast</source>
      <translation>預測</translation>
    </message>
    <message>
      <source>Accounts</source>
      <translation>帳號</translation>
    </message>
    <message>
      <source>Business day %1 · updated %2</source>
      <translation>營業日 %1 · 更新於 %2</translation>
    </message>
    <message>
      <source>%1 can sign in again.</source>
      <translation>%1 已解鎖，可以重新登入。</translation>
    </message>
    <message>
      <source>Writing the report…</source>
      <translation>正在生成報表…</translation>
    </message>
    <message>
      <source>Report written: %1</source>
      <translation>報表已生成：%1</translation>
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
    <message>
      <source>Hall server unreachable: a backup number from this PC</source>
      <translation>伺服器暫時無法連線，本號為本機備用號</translation>
    </message>
  </context>
  <context>
    <name>TodayTab</name>
    <message>
      <source>Applications late / due soon</source>
      <translation>申請 超期/即將到期</translation>
    </message>
    <message>
      <source>Hand-overs not yet done</source>
      <translation>未辦結的交接</translation>
    </message>
    <message>
      <source>Inquiry and complaint outcomes</source>
      <translation>諮詢投訴辦理結果</translation>
    </message>
    <message>
      <source>Numbers taken by hour, and counters open</source>
      <translation>各時段取號數與開放窗口</translation>
    </message>
    <message>
      <source>Counters open</source>
      <translation>開放窗口</translation>
    </message>
    <message>
      <source>How long customers waited (min)</source>
      <translation>客戶等候時長（分鐘）</translation>
    </message>
    <message>
      <source>Customers</source>
      <translation>人數</translation>
    </message>
    <message>
      <source>The last 30 days: numbers taken and average wait</source>
      <translation>近 30 天取號數與平均等候</translation>
    </message>
  </context>
  <context>
    <name>VisitNoteDialog</name>
    <message>
      <source>Outcome of %1</source>
      <translation>%1 的辦理結果</translation>
    </message>
    <message>
      <source>How did the visit end?</source>
      <translation>本次業務如何辦結？</translation>
    </message>
    <message>
      <source>Short note (no phone or ID numbers)</source>
      <translation>簡短備註（不要填寫電話或證件號碼）</translation>
    </message>
  </context>
  <context>
    <name>WorklistPane</name>
    <message>
      <source>Open (all)</source>
      <translation>在辦（全部）</translation>
    </message>
    <message>
      <source>All, closed too</source>
      <translation>全部（含已辦結）</translation>
    </message>
    <message>
      <source>Any due date</source>
      <translation>不限期限</translation>
    </message>
    <message>
      <source>Due soon</source>
      <translation>即將到期</translation>
    </message>
    <message>
      <source>Overdue</source>
      <translation>已超期</translation>
    </message>
    <message>
      <source>Search: number, name, phone, ID, account, address</source>
      <translation>搜索：編號、姓名、電話、證件、戶號、地址</translation>
    </message>
    <message>
      <source>Every business</source>
      <translation>全部業務</translation>
    </message>
    <message>
      <source>Everyone's</source>
      <translation>全部人員</translation>
    </message>
    <message>
      <source>Mine</source>
      <translation>我的</translation>
    </message>
    <message>
      <source>%1 of %2 shown · open %3 · overdue %4 · due within %5 working day(s) %6 · suspended %7 · mine %8</source>
      <translation>顯示 %1 / 共 %2 · 在辦 %3 · 超期 %4 · %5 個工作日內到期 %6 · 暫停 %7 · 我的 %8</translation>
    </message>
    <message>
      <source>* Due dates in %1 are provisional: the official holiday schedule is not published yet.</source>
      <translation>* %1 年的期限爲暫定：該年法定節假日安排尚未公佈。</translation>
    </message>
    <message>
      <source>One or two characters find names that start with them; type 3 or more to search inside.</source>
      <translation>輸入一兩個字按姓名開頭查找；輸入三個字以上可查找任意位置。</translation>
    </message>
  </context>
</TS>