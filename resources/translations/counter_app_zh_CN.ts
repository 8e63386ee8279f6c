<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
  <context>
    <name>AccountCardView</name>
    <message>
      <source>Account number (户号)</source>
      <translation>户号</translation>
    </message>
    <message>
      <source>Find an account on the left, or type a number that has no record.</source>
      <translation>请在左侧查找账户，或输入没有记录的户号。</translation>
    </message>
    <message>
      <source>No record in the hall's list</source>
      <translation>本厅清单中无此户</translation>
    </message>
    <message>
      <source>Walk-in: the slip tells the customer to check the amount in the app.</source>
      <translation>无记录户号：凭条将提示客户在App中查看应缴金额。</translation>
    </message>
    <message>
      <source>On record</source>
      <translation>有记录</translation>
    </message>
    <message>
      <source>Amount due %1 yuan</source>
      <translation>应缴 %1 元</translation>
    </message>
    <message>
      <source>Nothing due · prepaid %1 yuan</source>
      <translation>无欠费 · 预存余额 %1 元</translation>
    </message>
    <message>
      <source>Pay by %1</source>
      <translation>缴费截止 %1</translation>
    </message>
    <message>
      <source>Data date unknown</source>
      <translation>数据日期不详</translation>
    </message>
    <message>
      <source>Not current: check before quoting</source>
      <translation>非最新数据，告知客户前请核实</translation>
    </message>
    <message>
      <source>Data as of %1</source>
      <translation>数据截至 %1</translation>
    </message>
    <message>
      <source>Not current: %1 days old, check before quoting</source>
      <translation>非最新数据（已过 %1 天），告知客户前请核实</translation>
    </message>
  </context>
  <context>
    <name>AccountImportDialog</name>
    <message>
      <source>Import account list</source>
      <translation>导入用户清单</translation>
    </message>
    <message>
      <source>File (CSV or XLSX):</source>
      <translation>文件（CSV 或 XLSX）：</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>选择…</translation>
    </message>
    <message>
      <source>Encoding:</source>
      <translation>编码：</translation>
    </message>
    <message>
      <source>Automatic</source>
      <translation>自动识别</translation>
    </message>
    <message>
      <source>Columns of the export: 户号, 户名, 地址, 电话, 欠费/余额, 截止日期, 数据日期, 代扣.</source>
      <translation>导出文件的列：户号、户名、地址、电话、欠费/余额、截止日期、数据日期、代扣。</translation>
    </message>
    <message>
      <source>Accounts in the file are replaced and the others kept. Nothing changes until the file is in.</source>
      <translation>文件中的户号将被更新，其余户号保留。整个文件导入完成前不做任何更改。</translation>
    </message>
    <message>
      <source>Import</source>
      <translation>导入</translation>
    </message>
    <message>
      <source>Cancel import</source>
      <translation>取消导入</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Open rejected rows</source>
      <translation>打开未导入的行</translation>
    </message>
    <message>
      <source>Account list</source>
      <translation>用户清单</translation>
    </message>
    <message>
      <source>Account lists (*.csv *.txt *.xlsx)</source>
      <translation>用户清单 (*.csv *.txt *.xlsx)</translation>
    </message>
    <message>
      <source>Choose the account list file first.</source>
      <translation>请先选择用户清单文件。</translation>
    </message>
    <message>
      <source>Cancelling…</source>
      <translation>正在取消…</translation>
    </message>
    <message>
      <source>%1 rows read</source>
      <translation>已读取 %1 行</translation>
    </message>
    <message>
      <source>unknown</source>
      <translation>不详</translation>
    </message>
    <message>
      <source>Imported. The new list is in use: %1 accounts, data as of %2.</source>
      <translation>导入完成，新清单已启用：共 %1 户，数据截至 %2。</translation>
    </message>
    <message>
      <source>New %1 · updated %2 · kept from before %3 · rejected %4</source>
      <translation>新增 %1 · 更新 %2 · 原有保留 %3 · 未导入 %4</translation>
    </message>
    <message>
      <source>Rejected rows and reasons: %1</source>
      <translation>未导入的行及原因：%1</translation>
    </message>
  </context>
  <context>
    <name>AccountSearchView</name>
    <message>
      <source>Find the account</source>
      <translation>查找账户</translation>
    </message>
    <message>
      <source>Account number, phone (or its last 4 digits), name or part of the address</source>
      <translation>户号、手机号（或后4位）、户名或部分地址</translation>
    </message>
    <message>
      <source>Use the typed number (no record)</source>
      <translation>使用输入的户号（无记录）</translation>
    </message>
    <message>
      <source>Loading…</source>
      <translation>正在加载…</translation>
    </message>
    <message>
      <source>No account list imported yet: only typed account numbers work.</source>
      <translation>尚未导入用户清单：只能使用手工输入的户号。</translation>
    </message>
    <message>
      <source>unknown</source>
      <translation>不详</translation>
    </message>
    <message>
      <source>Account list: %1 accounts, data as of %2 (imported %3)</source>
      <translation>用户清单：共 %1 户，数据截至 %2（导入于 %3）</translation>
    </message>
    <message>
      <source>Type more: at least 4 digits, or a name or address.</source>
      <translation>请多输入一些：至少4位数字，或户名、地址。</translation>
    </message>
    <message>
      <source>More than %1 matches: type more to narrow them.</source>
      <translation>匹配超过 %1 条，请继续输入以缩小范围。</translation>
    </message>
    <message>
      <source>No account found in the hall's list.</source>
      <translation>本厅清单中未找到该账户。</translation>
    </message>
  </context>
  <context>
    <name>AccountsTab</name>
    <message>
      <source>Staff accounts</source>
      <translation>员工账号</translation>
    </message>
    <message>
      <source>An account locks after repeated wrong passwords; choose it and press Unlock once you know it was its owner. Accounts and passwords are added on the command line (counter-app user).</source>
      <translation>多次输错密码后账号会被锁定；确认是本人操作后，选中该账号并点击“解锁”。账号和密码在命令行中添加（counter-app user）。</translation>
    </message>
    <message>
      <source>Unlock</source>
      <translation>解锁</translation>
    </message>
    <message>
      <source>Refresh</source>
      <translation>刷新</translation>
    </message>
  </context>
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
    <name>ApplicationCard</name>
    <message>
      <source>Applicant</source>
      <translation>申请人</translation>
    </message>
    <message>
      <source>ID</source>
      <translation>证件</translation>
    </message>
    <message>
      <source>Mobile</source>
      <translation>手机</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>地址</translation>
    </message>
    <message>
      <source>Agent</source>
      <translation>代办人</translation>
    </message>
    <message>
      <source>Request</source>
      <translation>申请内容</translation>
    </message>
    <message>
      <source>Accepted</source>
      <translation>受理</translation>
    </message>
    <message>
      <source>Owner (首问负责人)</source>
      <translation>首问负责人</translation>
    </message>
    <message>
      <source>Whole process due</source>
      <translation>全流程期限</translation>
    </message>
    <message>
      <source>This stage due</source>
      <translation>本环节期限</translation>
    </message>
    <message>
      <source> (provisional)</source>
      <translation>（暂定）</translation>
    </message>
    <message>
      <source>%1 of %2 working days used (the customer's part not counted)</source>
      <translation>已用 %1 / %2 个工作日（客户环节不计）</translation>
    </message>
    <message>
      <source>from %1, no end date</source>
      <translation>自 %1 起，不定期限</translation>
    </message>
    <message>
      <source>ticket %1</source>
      <translation>排队号 %1</translation>
    </message>
  </context>
  <context>
    <name>ApplicationDetailView</name>
    <message>
      <source>Advance</source>
      <translation>进入下一环节</translation>
    </message>
    <message>
      <source>Complete</source>
      <translation>办结</translation>
    </message>
    <message>
      <source>Return to</source>
      <translation>退回至</translation>
    </message>
    <message>
      <source>Suspend</source>
      <translation>暂停计时</translation>
    </message>
    <message>
      <source>Resume</source>
      <translation>恢复计时</translation>
    </message>
    <message>
      <source>Withdraw</source>
      <translation>撤销申请</translation>
    </message>
    <message>
      <source>Hand over to</source>
      <translation>移交给</translation>
    </message>
    <message>
      <source>Document received</source>
      <translation>已收到资料</translation>
    </message>
    <message>
      <source>Print receipt</source>
      <translation>打印受理回执</translation>
    </message>
    <message>
      <source>Print one-time notice</source>
      <translation>打印一次性告知书</translation>
    </message>
    <message>
      <source>Note or reason (required to return, suspend or withdraw)</source>
      <translation>备注或原因（退回、暂停、撤销时必填）</translation>
    </message>
    <message>
      <source>No document owed</source>
      <translation>没有缺件资料</translation>
    </message>
    <message>
      <source>clerk's staff code</source>
      <translation>接收人员工号</translation>
    </message>
    <message>
      <source>Paper</source>
      <translation>纸张</translation>
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
      <translation>80 毫米卷纸（仅回执）</translation>
    </message>
    <message>
      <source>Choose an application in the list</source>
      <translation>请在列表中选择一笔申请</translation>
    </message>
    <message>
      <source>Full ID and phone shown to you as owner or supervisor; this view is recorded.</source>
      <translation>您是首问负责人或值班长，可查看完整证件号和电话；本次查看已记录。</translation>
    </message>
    <message>
      <source>ID and phone masked: only the owner or a supervisor sees them in full.</source>
      <translation>证件号和电话已脱敏：仅首问负责人或值班长可查看完整信息。</translation>
    </message>
    <message>
      <source>Overdue.</source>
      <translation>已超期。</translation>
    </message>
    <message>
      <source>Clock stopped since %1.</source>
      <translation>自 %1 起暂停计时。</translation>
    </message>
    <message>
      <source>The customer's part: no clock runs until they hand it over.</source>
      <translation>客户环节：客户完成并提交前不计时。</translation>
    </message>
    <message>
      <source>This step is due when the company's limit for all steps runs out, before its own.</source>
      <translation>本环节期限以各环节合计时限用尽之日为准（早于本环节自身时限）。</translation>
    </message>
    <message>
      <source>Due dates in %1 are provisional: the official holiday schedule is not published yet.</source>
      <translation>%1 年的期限为暂定：该年法定节假日安排尚未公布。</translation>
    </message>
    <message>
      <source>Only %1 or a supervisor may act on this application.</source>
      <translation>仅 %1 或值班长可办理此申请。</translation>
    </message>
    <message>
      <source>(customer)</source>
      <translation>（客户环节）</translation>
    </message>
    <message>
      <source>shown</source>
      <translation>已提供</translation>
    </message>
    <message>
      <source>missing, due %1</source>
      <translation>缺件，须于 %1 前补交</translation>
    </message>
    <message>
      <source>received %1</source>
      <translation>%1 已补交</translation>
    </message>
    <message>
      <source>Finish the current stage and move to the next one</source>
      <translation>完成当前环节并进入下一环节</translation>
    </message>
    <message>
      <source>Stop the clock while waiting for the customer (say why in the note)</source>
      <translation>等待客户期间暂停计时（请在备注中说明原因）</translation>
    </message>
    <message>
      <source>Send back to an earlier stage (say why in the note)</source>
      <translation>退回到之前的环节（请在备注中说明原因）</translation>
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
      <translation>内容过长。</translation>
    </message>
    <message>
      <source>Holds a control or invalid character.</source>
      <translation>含有控制字符或无效字符。</translation>
    </message>
    <message>
      <source>Choose the business to apply for.</source>
      <translation>请选择办理的业务。</translation>
    </message>
    <message>
      <source>An organisation uses its unified social credit code; a person a personal document.</source>
      <translation>单位使用统一社会信用代码，个人使用个人证件。</translation>
    </message>
    <message>
      <source>Not the format of this document type.</source>
      <translation>与该证件类型的格式不符。</translation>
    </message>
    <message>
      <source>The check digit does not match: a character was probably mistyped.</source>
      <translation>校验码不符：可能有字符输错。</translation>
    </message>
    <message>
      <source>The birth date in the number is not a real date (or before 1900, or in the future).</source>
      <translation>号码中的出生日期无效（或早于 1900 年、或在未来）。</translation>
    </message>
    <message>
      <source>A unified social credit code has 18 characters.</source>
      <translation>统一社会信用代码为 18 位。</translation>
    </message>
    <message>
      <source>An ID number has 18 characters.</source>
      <translation>身份证号码为18位。</translation>
    </message>
    <message>
      <source>A 15-digit number is a first-generation ID card, no longer valid since 1 January 2013: ask for the current 18-digit card.</source>
      <translation>15位号码是第一代身份证，自2013年1月1日起已停止使用：请客户出示现行18位身份证。</translation>
    </message>
    <message>
      <source>A Hong Kong, Macao or Taiwan residents' residence permit number: choose that document type.</source>
      <translation>这是港澳台居民居住证号码：请选择该证件类型。</translation>
    </message>
    <message>
      <source>A residence permit number starts with 810000, 820000 or 830000.</source>
      <translation>港澳台居民居住证号码以810000、820000或830000开头。</translation>
    </message>
    <message>
      <source>18 digits or capital letters other than I, O, S, V and Z.</source>
      <translation>18位数字或大写字母（不含I、O、S、V、Z）。</translation>
    </message>
    <message>
      <source>The check character does not match: a character was probably mistyped.</source>
      <translation>校验码不符：可能有字符输错。</translation>
    </message>
    <message>
      <source>Not a mainland mobile number: 11 digits starting with 13 to 19.</source>
      <translation>不是大陆手机号码：应为 13 至 19 开头的 11 位数字。</translation>
    </message>
    <message>
      <source>The applicant is not here: the agent needs a signed power of attorney.</source>
      <translation>申请人未到场：代办人须出示签字的授权委托书。</translation>
    </message>
    <message>
      <source>Digits were lost (scientific notation); type the number again.</source>
      <translation>号码被科学计数法截断，请重新输入。</translation>
    </message>
    <message>
      <source>Digits only.</source>
      <translation>只能是数字。</translation>
    </message>
    <message>
      <source>Wrong number of digits for an account.</source>
      <translation>户号位数不正确。</translation>
    </message>
    <message>
      <source>A positive number, e.g. 8 or 12.5.</source>
      <translation>请输入正数，例如 8 或 12.5。</translation>
    </message>
    <message>
      <source>Implausibly large: check the unit.</source>
      <translation>数值过大，请核对单位。</translation>
    </message>
    <message>
      <source>This business is not supplied at that voltage.</source>
      <translation>该业务不以此电压等级供电。</translation>
    </message>
    <message>
      <source>Not a document of this business.</source>
      <translation>不是本业务所需的资料。</translation>
    </message>
    <message>
      <source>The identity documents must be shown to accept the application.</source>
      <translation>受理时必须提供身份证明资料。</translation>
    </message>
    <message>
      <source>Documents are missing: accept on ID alone (一证受理) only with the signed commitment letter (客户承诺书).</source>
      <translation>资料不全：须客户签署《客户承诺书》方可一证受理。</translation>
    </message>
    <message>
      <source>Ends before it starts.</source>
      <translation>结束日期早于开始日期。</translation>
    </message>
    <message>
      <source>A pause lasts at least 15 days.</source>
      <translation>暂停时间不少于 15 天。</translation>
    </message>
    <message>
      <source>A pause cannot start before the day it is applied for.</source>
      <translation>暂停开始日期不能早于申请当日。</translation>
    </message>
    <message>
      <source>Pauses would exceed 6 months in the calendar year: offer a capacity reduction (减容) instead.</source>
      <translation>本日历年内暂停累计将超过6个月：可建议客户申请减容。</translation>
    </message>
    <message>
      <source>A reduction cannot start before the day it is applied for.</source>
      <translation>减容开始日期不能早于申请当日。</translation>
    </message>
    <message>
      <source>The reduction to restore has to have begun already.</source>
      <translation>要恢复的减容须已开始。</translation>
    </message>
    <message>
      <source>More than two years after the reduction began: apply for a capacity increase (增容) or a new connection (新装) instead.</source>
      <translation>减容已超过两年：应按增容或新装办理。</translation>
    </message>
    <message>
      <source>The account is already paused during this period.</source>
      <translation>该户在此期间已处于暂停状态。</translation>
    </message>
    <message>
      <source>Must stay the address on the account; a move is a different application.</source>
      <translation>须与户档地址一致；迁址请另行申请。</translation>
    </message>
    <message>
      <source>Must stay the class on the account; a change of class is a separate application.</source>
      <translation>须与户档用电类别一致；改类请另行申请。</translation>
    </message>
    <message>
      <source>The account owes money: settle it first.</source>
      <translation>该户有欠费，请先结清。</translation>
    </message>
    <message>
      <source>Yuan owed, 0 when nothing is owed.</source>
      <translation>欠费金额（元），无欠费填 0。</translation>
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
      <translation>授权委托书</translation>
    </message>
    <message>
      <source>Commitment letter</source>
      <translation>客户承诺书</translation>
    </message>
    <message>
      <source>Documents</source>
      <translation>申请资料</translation>
    </message>
    <message>
      <source>External works</source>
      <translation>外线工程</translation>
    </message>
    <message>
      <source>— choose the business —</source>
      <translation>— 请选择业务 —</translation>
    </message>
    <message>
      <source>Reduced since</source>
      <translation>减容起始日</translation>
    </message>
    <message>
      <source>Restore on</source>
      <translation>恢复日期</translation>
    </message>
    <message>
      <source> (if it applies)</source>
      <translation>（如适用）</translation>
    </message>
  </context>
  <context>
    <name>ApplicationModels</name>
    <message>
      <source>clock stopped</source>
      <translation>暂停计时</translation>
    </message>
    <message>
      <source>overdue</source>
      <translation>已超期</translation>
    </message>
    <message>
      <source>%1 wd left</source>
      <translation>剩 %1 个工作日</translation>
    </message>
    <message>
      <source>Provisional: that year's official holiday schedule is not yet published.</source>
      <translation>暂定：该年法定节假日安排尚未公布。</translation>
    </message>
    <message>
      <source>%1 document(s) still to be brought</source>
      <translation>尚有 %1 份资料待补交</translation>
    </message>
    <message>
      <source>customer's part</source>
      <translation>客户环节</translation>
    </message>
    <message>
      <source>This step: %1 working days (rule: %2)</source>
      <translation>本环节：%1个工作日（依据：%2）</translation>
    </message>
    <message>
      <source>Company's steps together: %1 working days (rule: %2)</source>
      <translation>各环节合计：%1个工作日（依据：%2）</translation>
    </message>
    <message>
      <source>(unconfirmed: check the rule's number, document or effective date)</source>
      <translation>（未经证实：请核对文号、文件名称或施行日期）</translation>
    </message>
    <message>
      <source>Number</source>
      <translation>申请编号</translation>
    </message>
    <message>
      <source>Due</source>
      <translation>期限</translation>
    </message>
    <message>
      <source>Applicant</source>
      <translation>申请人</translation>
    </message>
    <message>
      <source>Mobile</source>
      <translation>手机</translation>
    </message>
    <message>
      <source>ID</source>
      <translation>证件号码</translation>
    </message>
    <message>
      <source>Business</source>
      <translation>业务类型</translation>
    </message>
    <message>
      <source>Stage</source>
      <translation>当前环节</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Owner</source>
      <translation>首问负责人</translation>
    </message>
    <message>
      <source>When</source>
      <translation>时间</translation>
    </message>
    <message>
      <source>Who</source>
      <translation>经办人</translation>
    </message>
    <message>
      <source>What</source>
      <translation>操作</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
  </context>
  <context>
    <name>ApplicationReceipt</name>
    <message>
      <source>Application receipt</source>
      <translation>业务受理回执</translation>
    </message>
    <message>
      <source>REPRINT · 补打</source>
      <translation>补打</translation>
    </message>
    <message>
      <source>Application No.</source>
      <translation>申请编号</translation>
    </message>
    <message>
      <source>Business</source>
      <translation>业务类型</translation>
    </message>
    <message>
      <source>Accepted</source>
      <translation>受理时间</translation>
    </message>
    <message>
      <source>Applicant</source>
      <translation>申请人</translation>
    </message>
    <message>
      <source>ID number</source>
      <translation>证件号码</translation>
    </message>
    <message>
      <source>Mobile</source>
      <translation>联系电话</translation>
    </message>
    <message>
      <source>Address of use</source>
      <translation>用电地址</translation>
    </message>
    <message>
      <source>Agent</source>
      <translation>代办人</translation>
    </message>
    <message>
      <source>Account number</source>
      <translation>户号</translation>
    </message>
    <message>
      <source>Capacity</source>
      <translation>申请容量</translation>
    </message>
    <message>
      <source>Documents received</source>
      <translation>已收资料</translation>
    </message>
    <message>
      <source>Still to bring, by %1</source>
      <translation>尚缺资料（请于 %1 前补交）</translation>
    </message>
    <message>
      <source>Accepted on your ID alone (一证受理): you signed a commitment letter (客户承诺书) to bring the missing documents by that date.</source>
      <translation>本申请凭身份证明“一证受理”，您已签署《客户承诺书》，承诺在上述日期前补交所缺资料。</translation>
    </message>
    <message>
      <source>What happens next</source>
      <translation>后续办理环节及时限</translation>
    </message>
    <message>
      <source>Stage</source>
      <translation>环节</translation>
    </message>
    <message>
      <source>Time limit</source>
      <translation>时限</translation>
    </message>
    <message>
      <source>Due by</source>
      <translation>完成期限</translation>
    </message>
    <message>
      <source>%1 working days</source>
      <translation>%1 个工作日</translation>
    </message>
    <message>
      <source>done</source>
      <translation>已完成</translation>
    </message>
    <message>
      <source>in progress</source>
      <translation>办理中</translation>
    </message>
    <message>
      <source>after the previous step</source>
      <translation>上一环节完成后计时</translation>
    </message>
    <message>
      <source>your part, not timed</source>
      <translation>客户环节，不计时</translation>
    </message>
    <message>
      <source>counted from when you hand your part over</source>
      <translation>自您完成并提交上一环节起计</translation>
    </message>
    <message>
      <source>Whole process: within %1 working days, by %2</source>
      <translation>全流程办理时限：%1 个工作日，于 %2 前办结</translation>
    </message>
    <message>
      <source>Our steps together: within %1 working days. The time your own part takes (design, building, signing) is not counted. Used so far: %2.</source>
      <translation>供电企业各环节合计不超过%1个工作日，您自行办理的环节（设计、施工、签约等）不计入；目前已用%2个工作日。</translation>
    </message>
    <message>
      <source>Time limit as set by: %1</source>
      <translation>时限依据：%1</translation>
    </message>
    <message>
      <source>%1 (provisional)</source>
      <translation>%1（暂定）</translation>
    </message>
    <message>
      <source>Dates in %1 are provisional: that year's official holiday schedule is not yet published.</source>
      <translation>%1 年的日期为暂定：该年法定节假日安排尚未公布。</translation>
    </message>
    <message>
      <source>Your case officer (首问负责人)</source>
      <translation>首问负责人</translation>
    </message>
    <message>
      <source>Hall address</source>
      <translation>营业厅地址</translation>
    </message>
    <message>
      <source>Hall phone</source>
      <translation>营业厅电话</translation>
    </message>
    <message>
      <source>Service hotline</source>
      <translation>供电服务热线</translation>
    </message>
    <message>
      <source>Energy regulation hotline</source>
      <translation>能源监管热线</translation>
    </message>
    <message>
      <source>You choose your own designer, builder and equipment supplier: nobody may impose one on you. If a time limit is missed you may complain on %1 or to the energy regulator on %2.</source>
      <translation>设计、施工、设备供应单位由您自主选择，任何人不得指定。如超过办理时限，您可拨打%1投诉，或拨打能源监管热线%2反映。</translation>
    </message>
    <message>
      <source>Accepted by: %1</source>
      <translation>受理人：%1</translation>
    </message>
    <message>
      <source>Hall seal</source>
      <translation>营业厅（盖章）</translation>
    </message>
    <message>
      <source>Tracking reference %1</source>
      <translation>查询编号 %1</translation>
    </message>
    <message>
      <source>To ask how your application is going, show this code at this hall or quote the reference when you call the hall on %1 (95598 cannot look it up).</source>
      <translation>查询办理进度：请到本营业厅出示此码，或致电本厅%1并告知查询编号（95598无法查询此编号）。</translation>
    </message>
    <message>
      <source>To ask how your application is going, show this code or quote the reference at this hall (95598 cannot look it up).</source>
      <translation>查询办理进度：请到本营业厅出示此码或告知查询编号（95598无法查询此编号）。</translation>
    </message>
    <message>
      <source>Please keep this receipt. Printed %1</source>
      <translation>请妥善保管本回执。打印时间 %1</translation>
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
      <translation>办理中</translation>
    </message>
    <message>
      <source>returned</source>
      <translation>已退回</translation>
    </message>
    <message>
      <source>suspended</source>
      <translation>暂停计时</translation>
    </message>
    <message>
      <source>completed</source>
      <translation>已办结</translation>
    </message>
    <message>
      <source>withdrawn</source>
      <translation>已撤销</translation>
    </message>
    <message>
      <source>Accepted</source>
      <translation>受理</translation>
    </message>
    <message>
      <source>Advanced</source>
      <translation>进入下一环节</translation>
    </message>
    <message>
      <source>Returned</source>
      <translation>退回</translation>
    </message>
    <message>
      <source>Suspended (clock stopped)</source>
      <translation>暂停计时</translation>
    </message>
    <message>
      <source>Resumed</source>
      <translation>恢复计时</translation>
    </message>
    <message>
      <source>Completed</source>
      <translation>办结</translation>
    </message>
    <message>
      <source>Withdrawn</source>
      <translation>撤销</translation>
    </message>
    <message>
      <source>Handed over</source>
      <translation>移交</translation>
    </message>
    <message>
      <source>Document received</source>
      <translation>补交资料</translation>
    </message>
    <message>
      <source>Resident ID card</source>
      <translation>居民身份证</translation>
    </message>
    <message>
      <source>Temporary resident ID</source>
      <translation>临时居民身份证</translation>
    </message>
    <message>
      <source>Household register</source>
      <translation>居民户口簿</translation>
    </message>
    <message>
      <source>Military officer's card</source>
      <translation>军官证</translation>
    </message>
    <message>
      <source>Taiwan compatriot permit</source>
      <translation>台湾居民来往大陆通行证</translation>
    </message>
    <message>
      <source>Home-return permit (HK/Macao)</source>
      <translation>港澳居民来往内地通行证</translation>
    </message>
    <message>
      <source>Passport</source>
      <translation>护照</translation>
    </message>
    <message>
      <source>Foreign permanent resident ID</source>
      <translation>外国人永久居留身份证</translation>
    </message>
    <message>
      <source>Residence permit (HK/Macao/Taiwan residents)</source>
      <translation>港澳台居民居住证</translation>
    </message>
    <message>
      <source>Unified social credit code</source>
      <translation>统一社会信用代码</translation>
    </message>
    <message>
      <source>Residential</source>
      <translation>居民生活用电</translation>
    </message>
    <message>
      <source>Agricultural production</source>
      <translation>农业生产用电</translation>
    </message>
    <message>
      <source>Commercial and industrial</source>
      <translation>工商业用电</translation>
    </message>
    <message>
      <source>Above the low-voltage ceiling for homes: check the supply plan with the supervisor.</source>
      <translation>超过居民低压供电容量上限：请与值班长核定供电方案。</translation>
    </message>
    <message>
      <source>The ID's area code is not in the current county list (maybe retired): compare with the card.</source>
      <translation>证件号码的地区码不在现行行政区划中（可能为已撤销的旧区划），请与证件核对。</translation>
    </message>
    <message>
      <source>Numbers starting with 9 are foreign permanent residence IDs: check the document type.</source>
      <translation>以 9 开头的号码为外国人永久居留身份证，请核对证件类型。</translation>
    </message>
    <message>
      <source>The pause starts within 5 days: check that sealing can be arranged in time (that notice period is unconfirmed, so it is no reason to refuse).</source>
      <translation>暂停将在5天内开始：请确认能及时安排现场加封（提前5天的要求未经证实，不作为拒绝理由）。</translation>
    </message>
  </context>
  <context>
    <name>ApplicationsPanel</name>
    <message>
      <source>New application</source>
      <translation>业务受理</translation>
    </message>
    <message>
      <source>Worklist</source>
      <translation>工单列表</translation>
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
      <translation>80 毫米卷纸</translation>
    </message>
    <message>
      <source>Print receipt</source>
      <translation>打印受理回执</translation>
    </message>
    <message>
      <source>Print one-time notice</source>
      <translation>打印一次性告知书</translation>
    </message>
    <message>
      <source>No customer called at this counter: the application is not linked</source>
      <translation>本窗口暂无叫号客户：申请将不关联排队号</translation>
    </message>
    <message>
      <source>Customer with ticket %1</source>
      <translation>当前客户：%1 号</translation>
    </message>
    <message>
      <source>Accepted %1 · %2</source>
      <translation>已受理 %1 · %2</translation>
    </message>
    <message>
      <source>Application %1 accepted. Print the receipt for the customer.</source>
      <translation>申请 %1 已受理，请为客户打印受理回执。</translation>
    </message>
    <message>
      <source>Nothing was saved. Please check: %1</source>
      <translation>未保存任何内容。请检查：%1</translation>
    </message>
    <message>
      <source>, </source>
      <translation>、</translation>
    </message>
    <message>
      <source>%1: %2, now at %3.</source>
      <translation>%1：%2，当前环节 %3。</translation>
    </message>
    <message>
      <source>Receipt</source>
      <translation>受理回执</translation>
    </message>
    <message>
      <source>One-time notice</source>
      <translation>一次性告知书</translation>
    </message>
    <message>
      <source>%1 of %2 printed.</source>
      <translation>%2 的%1已打印。</translation>
    </message>
    <message>
      <source>%1 of %2 reprinted (补打).</source>
      <translation>%2 的%1已补打。</translation>
    </message>
    <message>
      <source>%1 of %2 was not printed: %3 The application itself is saved; print again.</source>
      <translation>%2 的%1未能打印：%3 申请已保存，请重新打印。</translation>
    </message>
  </context>
  <context>
    <name>BoundaryDialog</name>
    <message>
      <source>Before the meter
(service line, meter box inlet)</source>
      <translation>电能表之前
（接户线、表箱进线）</translation>
    </message>
    <message>
      <source>At the meter
(the meter itself)</source>
      <translation>电能表
（电能表本身）</translation>
    </message>
    <message>
      <source>After the meter
(line from the meter to the home)</source>
      <translation>电能表之后
（电能表到家中的线路）</translation>
    </message>
    <message>
      <source>Inside the home
(wiring, switches, sockets)</source>
      <translation>家中
（室内线路、开关、插座）</translation>
    </message>
    <message>
      <source>The company owns up to the service line</source>
      <translation>供电企业产权至接户线</translation>
    </message>
    <message>
      <source>The company owns up to the meter</source>
      <translation>供电企业产权至电能表</translation>
    </message>
    <message>
      <source>The company owns up to the line after the meter</source>
      <translation>供电企业产权至表后线路</translation>
    </message>
    <message>
      <source>Who repairs it? Property boundary (产权分界)</source>
      <translation>谁来维修？产权分界</translation>
    </message>
    <message>
      <source>Where is the fault?</source>
      <translation>故障在哪里？</translation>
    </message>
    <message>
      <source>The supply contract sets the boundary:</source>
      <translation>供用电合同约定了分界点：</translation>
    </message>
    <message>
      <source>Print leaflet</source>
      <translation>打印告知单</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>The power company's side: free repair, call 95598.</source>
      <translation>属供电企业一侧：免费抢修，请拨打 95598。</translation>
    </message>
    <message>
      <source>The customer's side: the customer arranges the repair.</source>
      <translation>属客户一侧：由客户自行安排维修。</translation>
    </message>
    <message>
      <source>The leaflet was not printed: %1</source>
      <translation>告知单未能打印：%1</translation>
    </message>
  </context>
  <context>
    <name>BoundaryLeaflet</name>
    <message>
      <source>Who repairs this fault? Property boundary (产权分界)</source>
      <translation>故障由谁维修？产权分界告知单</translation>
    </message>
    <message>
      <source>Before the meter</source>
      <translation>电能表之前</translation>
    </message>
    <message>
      <source>The meter</source>
      <translation>电能表</translation>
    </message>
    <message>
      <source>After the meter</source>
      <translation>电能表之后</translation>
    </message>
    <message>
      <source>Inside the home</source>
      <translation>家中</translation>
    </message>
    <message>
      <source>Shaded: the power company's side (free repair)</source>
      <translation>灰色：供电企业一侧（免费抢修）</translation>
    </message>
    <message>
      <source>Framed: where the fault is</source>
      <translation>粗框：故障位置</translation>
    </message>
    <message>
      <source>Your supply contract sets this boundary</source>
      <translation>您的供用电合同约定了此分界点</translation>
    </message>
    <message>
      <source>24-hour power supply service and repair hotline %1</source>
      <translation>24小时供电服务及抢修热线 %1</translation>
    </message>
  </context>
  <context>
    <name>ClerksTab</name>
    <message>
      <source>Each clerk today</source>
      <translation>今日各营业员</translation>
    </message>
    <message>
      <source>A clerk counts the customers they finished and the stretches they served; a hand-over counts for the clerk who handed over. Hover a column title for its definition.</source>
      <translation>营业员计其办结的客户和其办理的各段业务；交接计入转出的营业员。将鼠标停在列标题上可查看指标定义。</translation>
    </message>
    <message>
      <source>Customers served, and the satisfaction rate (%)</source>
      <translation>办结数与满意率（%）</translation>
    </message>
  </context>
  <context>
    <name>CounterScreen</name>
    <message>
      <source>Applications</source>
      <translation>业扩报装</translation>
    </message>
    <message>
      <source>Payment guidance</source>
      <translation>缴费指引</translation>
    </message>
    <message>
      <source>Hand-overs</source>
      <translation>交接</translation>
    </message>
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
      <source>Waiting for this counter, in the order F1 calls them</source>
      <translation>本窗口等候客户（按“下一位”的叫号顺序）</translation>
    </message>
    <message>
      <source>Today at this counter</source>
      <translation>本窗口今日</translation>
    </message>
    <message>
      <source>Served</source>
      <translation>办结</translation>
    </message>
    <message>
      <source>No-shows</source>
      <translation>过号</translation>
    </message>
    <message>
      <source>Average service</source>
      <translation>平均办理</translation>
    </message>
    <message>
      <source>Average wait</source>
      <translation>平均等候</translation>
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
      <source>Reprint a ticket (补打)…</source>
      <translation>补打排队小票…</translation>
    </message>
    <message>
      <source>Serves: %1</source>
      <translation>办理业务：%1</translation>
    </message>
    <message>
      <source>Longest wait %1 min (target %2 min)</source>
      <translation>最长等候 %1 分钟（目标 %2 分钟）</translation>
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
      <source>1 person</source>
      <translation>1 人</translation>
    </message>
    <message>
      <source>%1 people</source>
      <translation>%1 人</translation>
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
  </context>
  <context>
    <name>CounterSignIn</name>
    <message>
      <source>The two passwords differ.</source>
      <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
      <source>A clerk cannot open the supervisor dashboard: a supervisor or administrator signs in here.</source>
      <translation>营业员不能打开值班长看板：此处需由值班长或管理员登录。</translation>
    </message>
    <message>
      <source>An administrator serves no customers: a clerk signs in here. Add clerks with counter-app user add CODE NAME --role clerk.</source>
      <translation>管理员不办理客户业务：请营业员在此登录。添加营业员：counter-app user add 工号 姓名 --role clerk。</translation>
    </message>
  </context>
  <context>
    <name>CounterWindow</name>
    <message>
      <source>Nobody is waiting for this counter.</source>
      <extracomment>``reprint(hall, number, clerk)``: a ticket printed again (补打) on the counter's printer</extracomment>
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
      <source>Reprint ticket %1 (补打)</source>
      <translation>补打 %1 号小票</translation>
    </message>
    <message>
      <source>%1 cancelled.</source>
      <translation>%1 已取消。</translation>
    </message>
    <message>
      <source>Reprint a ticket</source>
      <translation>补打小票</translation>
    </message>
    <message>
      <source>Ticket number to print again:</source>
      <translation>要补打的排队号码：</translation>
    </message>
    <message>
      <source>%1 printed again (补打).</source>
      <translation>%1 号小票已补打。</translation>
    </message>
    <message>
      <source>%1 was not printed: %2</source>
      <translation>%1 号小票未打印：%2</translation>
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
    <name>CustomerHandoverStrip</name>
    <message>
      <source>Outcome / note…</source>
      <translation>办理结果/备注…</translation>
    </message>
    <message>
      <source>Handed over by %1 at counter %2 (%3 → %4): %5</source>
      <translation>由 %2号窗口 %1 转来（%3 → %4）：%5</translation>
    </message>
    <message>
      <source>First served by %1, who owns this visit until it is done.</source>
      <translation>首问负责人：%1，负责到本次业务办结。</translation>
    </message>
    <message>
      <source>Outcome: %1</source>
      <translation>办理结果：%1</translation>
    </message>
    <message>
      <source>Inquiry or complaint: record how it ended.</source>
      <translation>咨询或投诉：请记录办理结果。</translation>
    </message>
  </context>
  <context>
    <name>DamagedFile</name>
    <message>
      <source>The hall database file is damaged: it is open read-only, nothing can be saved.</source>
      <translation>营业厅数据库文件已损坏：现以只读方式打开，任何操作都不能保存。</translation>
    </message>
    <message>
      <source>What is on screen can still be looked at; calling, serving and saving are refused until a backup is restored.</source>
      <translation>屏幕上的内容仍可查看；在恢复备份之前，叫号、办理和保存都会被拒绝。</translation>
    </message>
    <message>
      <source>Figures can still be looked at where the file is readable; the damaged file is kept aside when the backup is restored.</source>
      <translation>文件中仍可读取的数据照常显示；恢复备份时，损坏的文件会另行保留。</translation>
    </message>
    <message>
      <source>Numbers cannot be taken here at the moment.</source>
      <translation>本机暂时无法取号。</translation>
    </message>
    <message>
      <source>Please ask at a counter. We are sorry for the wait.</source>
      <translation>请到窗口咨询工作人员，给您带来不便，敬请谅解。</translation>
    </message>
    <message>
      <source>Calls are paused for a moment.</source>
      <translation>叫号暂停片刻。</translation>
    </message>
    <message>
      <source>Please stay nearby: the staff will call you.</source>
      <translation>请在附近稍候，工作人员会为您叫号。</translation>
    </message>
    <message>
      <source>Ratings cannot be given at the moment.</source>
      <translation>暂时无法评价。</translation>
    </message>
    <message>
      <source>Thank you for your patience.</source>
      <translation>感谢您的耐心等候。</translation>
    </message>
    <message>
      <source>Restore the newest good backup…</source>
      <translation>恢复最近的完好备份…</translation>
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
      <source>Offline: the hall server cannot be reached.</source>
      <translation>离线：无法连接营业厅服务器。</translation>
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
      <source>This PC's clock says %1 (business day %2), far after the hall's last business day %3. Nothing was done: check this PC's date and time, or ask the supervisor to confirm the new day.</source>
      <translation>本机时钟显示 %1（营业日 %2），远晚于营业厅最后一个营业日 %3。未执行任何操作：请检查本机日期和时间，或请值班长确认新的营业日。</translation>
    </message>
    <message>
      <source>The hall server cannot be reached: accounts are added, changed and unlocked on the server, for every PC at once. Do it when the server is back; signing in works meanwhile.</source>
      <translation>连不上营业厅服务器：账号的新增、修改和解锁都在服务器上进行，一次对所有电脑生效。请等服务器恢复后再办；在此期间仍可登录。</translation>
    </message>
    <message>
      <source>The hall server cannot be reached: the account list is imported on the server, once for every PC. Import it again when the server is back; this PC keeps searching its copy.</source>
      <translation>连不上营业厅服务器：户号清单在服务器上导入，一次供所有电脑使用。请等服务器恢复后再导入；本机继续查询它保存的副本。</translation>
    </message>
    <message>
      <source>The hall server cannot be reached: %1 can be worked on again when it is back.</source>
      <translation>连不上营业厅服务器：%1 要等服务器恢复后才能继续办理。</translation>
    </message>
    <message>
      <source>The hall file is not damaged: only an administrator may restore a backup over it.</source>
      <translation>营业厅数据文件没有损坏：只有管理员才能用备份覆盖它。</translation>
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
      <source>There is no hall database at %1. Check the path, or have IT create the hall (counter-app init).</source>
      <translation>%1 处没有营业厅数据库。请检查路径，或请信息运维人员创建营业厅（counter-app init）。</translation>
    </message>
    <message>
      <source>%1 is not a hall database. Nothing was changed; check the path.</source>
      <translation>%1 不是营业厅数据库，未做任何更改。请检查路径。</translation>
    </message>
    <message>
      <source>%1 was written by a newer version of the counter tool. Update the tool on this PC.</source>
      <translation>%1 由更新版本的柜台系统写入。请在本机更新本系统。</translation>
    </message>
    <message>
      <source>The name is %1 characters long; at most %2 are allowed.</source>
      <translation>名称长 %1 个字符，最多允许 %2 个。</translation>
    </message>
    <message>
      <source>The name holds characters that cannot be shown or printed (%1). Please type it again.</source>
      <translation>名称中含有无法显示或打印的字符（%1），请重新输入。</translation>
    </message>
    <message>
      <source>The staff member's name is required.</source>
      <translation>请填写员工姓名。</translation>
    </message>
    <message>
      <source>No printer is set up on this PC. Connect one or call IT; the paper can also be saved as a PDF.</source>
      <translation>本机未设置打印机。请连接打印机或联系信息运维人员；也可以另存为 PDF。</translation>
    </message>
    <message>
      <source>The printer %1 is not installed on this PC. Please call IT.</source>
      <translation>本机未安装打印机“%1”。请联系信息运维人员。</translation>
    </message>
    <message>
      <source>The printer %1 could not start. Check that it is on and has paper.</source>
      <translation>打印机“%1”无法开始打印。请检查是否开机、是否有纸。</translation>
    </message>
    <message>
      <source>The printer %1 reported an error. Check the paper, the cover and the cable, then print again.</source>
      <translation>打印机“%1”报告错误。请检查纸张、机盖和连线后重新打印。</translation>
    </message>
    <message>
      <source>Printing is turned off on this PC.</source>
      <translation>本机已关闭打印。</translation>
    </message>
    <message>
      <source>The PDF could not be saved as %1. Choose another folder.</source>
      <translation>PDF 无法保存为 %1。请选择其他文件夹。</translation>
    </message>
    <message>
      <source>Nothing can be saved in the folder %1. Please call IT.</source>
      <translation>无法在文件夹 %1 中保存文件。请联系信息运维人员。</translation>
    </message>
    <message>
      <source>The receipt printer %1 does not answer. Check its power and its network cable.</source>
      <translation>小票打印机 %1 无响应。请检查电源和网线。</translation>
    </message>
    <message>
      <source>The printer did not print. The details are in the log; please call IT.</source>
      <translation>打印机未能打印。详细信息已记入日志，请联系信息运维人员。</translation>
    </message>
    <message>
      <source>Something went wrong while printing; it has been logged. Please call IT.</source>
      <translation>打印时出现异常，已记录日志。请联系信息运维人员。</translation>
    </message>
    <message>
      <source>Choose why the customer takes the green channel.</source>
      <translation>请选择客户走绿色通道的原因。</translation>
    </message>
    <message>
      <source>A green-channel reason goes only with a green-channel number.</source>
      <translation>只有绿色通道号才需填写绿色通道原因。</translation>
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
      <source>The hall database file is damaged and open read-only: nothing was saved. Restore the newest good backup or ask the hall's IT support.</source>
      <translation>营业厅数据库文件已损坏，现以只读方式打开：本次操作没有保存。请恢复最近的完好备份，或联系信息运维人员。</translation>
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
    <message>
      <source>Only the application's owner (%1) or a supervisor may do this.</source>
      <translation>仅首问负责人（%1）或值班长可办理此操作。</translation>
    </message>
    <message>
      <source>The application has moved on to %1 meanwhile: the screen was out of date.</source>
      <translation>该申请已进入“%1”环节，当前画面已过时。</translation>
    </message>
    <message>
      <source>Not possible while the application is %1.</source>
      <translation>申请处于“%1”状态，无法办理此操作。</translation>
    </message>
    <message>
      <source>Only the last stage completes an application; advance stage by stage.</source>
      <translation>只有最后一个环节才能办结，请逐个环节推进。</translation>
    </message>
    <message>
      <source>An application can only be returned to an earlier stage.</source>
      <translation>只能退回到之前的环节。</translation>
    </message>
    <message>
      <source>This application has no such stage.</source>
      <translation>该申请没有此环节。</translation>
    </message>
    <message>
      <source>Hand the application over to another clerk.</source>
      <translation>请移交给其他工作人员。</translation>
    </message>
    <message>
      <source>Say why: the reason is kept in the history.</source>
      <translation>请填写原因，原因将记入办理记录。</translation>
    </message>
    <message>
      <source>This PC's clock is behind the application's history.</source>
      <translation>本机时间早于该申请的办理记录时间。</translation>
    </message>
    <message>
      <source>The application's history is damaged; ask the hall's IT support.</source>
      <translation>该申请的办理记录已损坏，请联系营业厅技术支持。</translation>
    </message>
    <message>
      <source>There is no application %1.</source>
      <translation>没有编号为 %1 的申请。</translation>
    </message>
    <message>
      <source>That document is not outstanding.</source>
      <translation>该资料不在待补交之列。</translation>
    </message>
    <message>
      <source>%1 is no longer active staff.</source>
      <translation>%1 已不是在岗人员。</translation>
    </message>
    <message>
      <source>Sign in at the counter first: every step records which clerk did it.</source>
      <translation>请先在窗口签到：每一步都会记录经办人。</translation>
    </message>
    <message>
      <source>The queue ticket of this customer no longer exists.</source>
      <translation>该客户的排队号已不存在。</translation>
    </message>
    <message>
      <source>%1 was just changed at another counter.</source>
      <translation>%1 刚在其他窗口被修改。</translation>
    </message>
    <message>
      <source>The hall profile's business types have an error; ask the hall's IT support.</source>
      <translation>营业厅配置中的业务类型有误，请联系营业厅技术支持。</translation>
    </message>
    <message>
      <source>That business is not in the hall profile.</source>
      <translation>营业厅配置中没有该业务。</translation>
    </message>
    <message>
      <source>There is no staff code %1.</source>
      <translation>没有工号 %1。</translation>
    </message>
    <message>
      <source>Type the account number (户号).</source>
      <translation>请输入户号。</translation>
    </message>
    <message>
      <source>An account number has digits only.</source>
      <translation>户号只能包含数字。</translation>
    </message>
    <message>
      <source>The account number was turned into 1.23E+12 by Excel; its digits are lost.</source>
      <translation>户号被 Excel 转成了科学计数法（如 1.23E+12），数字已丢失。</translation>
    </message>
    <message>
      <source>The account number has %1 digits; this hall's numbers have %2.</source>
      <translation>户号为 %1 位；本厅户号应为 %2 位。</translation>
    </message>
    <message>
      <source>Account %1 is not in the hall's account list.</source>
      <translation>本厅用户清单中没有户号 %1。</translation>
    </message>
    <message>
      <source>No account list has been imported yet.</source>
      <translation>尚未导入用户清单。</translation>
    </message>
    <message>
      <source>The account list file is damaged (%1). Import the account list again.</source>
      <translation>户号清单文件已损坏（%1）。请重新导入户号清单。</translation>
    </message>
    <message>
      <source>The account list file is missing (%1). Import the account list again.</source>
      <translation>用户清单文件缺失（%1），请重新导入用户清单。</translation>
    </message>
    <message>
      <source>The file lacks the columns %1. Nothing was imported.</source>
      <translation>文件缺少以下列：%1。未导入任何数据。</translation>
    </message>
    <message>
      <source>This file cannot be read: save it as CSV or XLSX. Nothing was imported.</source>
      <translation>无法读取此文件：请另存为 CSV 或 XLSX。未导入任何数据。</translation>
    </message>
    <message>
      <source>%1 files cannot be read: save the list as CSV UTF-8. Nothing was imported.</source>
      <translation>无法读取 %1 文件：请将清单另存为“CSV UTF-8”。未导入任何数据。</translation>
    </message>
    <message>
      <source>The file %1 cannot be read. Nothing was imported.</source>
      <translation>无法读取文件 %1。未导入任何数据。</translation>
    </message>
    <message>
      <source>%1 of %2 rows are not valid %3: choose the file's encoding. Nothing was imported.</source>
      <translation>%2 行中有 %1 行不是有效的 %3 编码：请选择文件的编码。未导入任何数据。</translation>
    </message>
    <message>
      <source>No row could be imported (%1 rejected, see %2). Nothing was imported.</source>
      <translation>没有可导入的行（%1 行未通过，见 %2）。未导入任何数据。</translation>
    </message>
    <message>
      <source>The import was cancelled. The previous account list is still in use.</source>
      <translation>导入已取消，仍使用原用户清单。</translation>
    </message>
    <message>
      <source>Another account list was imported meanwhile. Import again.</source>
      <translation>其间已有另一份用户清单导入，请重新导入。</translation>
    </message>
    <message>
      <source>Tick at least one payment channel for the slip.</source>
      <translation>请至少勾选一个缴费渠道打印在凭条上。</translation>
    </message>
    <message>
      <source>The hall offers no payment channel %1.</source>
      <translation>本厅没有缴费渠道 %1。</translation>
    </message>
    <message>
      <source>That payment guidance record does not exist.</source>
      <translation>该缴费引导记录不存在。</translation>
    </message>
    <message>
      <source>Too many results asked for (%1).</source>
      <translation>请求的结果数过多（%1）。</translation>
    </message>
    <message>
      <source>The hall profile has an error in %1.</source>
      <translation>营业厅配置文件的 %1 有错误。</translation>
    </message>
    <message>
      <source>A QR address in the hall profile is not valid.</source>
      <translation>营业厅配置文件中的二维码地址无效。</translation>
    </message>
    <message>
      <source>A contract boundary cannot lie inside the home.</source>
      <translation>合同约定的分界点不能在客户家中。</translation>
    </message>
    <message>
      <source>The end day is before the start day.</source>
      <translation>结束日期早于开始日期。</translation>
    </message>
    <message>
      <source>%1 has been rated already.</source>
      <translation>%1 已评价过。</translation>
    </message>
    <message>
      <source>%1 has not been finished yet; it cannot be rated.</source>
      <translation>%1 尚未办结，不能评价。</translation>
    </message>
    <message>
      <source>Unknown rating %1.</source>
      <translation>未知的评价 %1。</translation>
    </message>
    <message>
      <source>Reasons are given only with a rating below satisfied.</source>
      <translation>只有低于“满意”的评价才填写原因。</translation>
    </message>
    <message>
      <source>Unknown rating reason %1.</source>
      <translation>未知的评价原因 %1。</translation>
    </message>
    <message>
      <source>A note holds no phone or ID numbers; they stay in the customer's file.</source>
      <translation>备注中不得填写电话或证件号码，这些信息留在客户档案中。</translation>
    </message>
    <message>
      <source>A note is at most %1 characters.</source>
      <translation>备注最多 %1 个字。</translation>
    </message>
    <message>
      <source>Choose an outcome or write a note.</source>
      <translation>请选择办理结果或填写备注。</translation>
    </message>
    <message>
      <source>Unknown outcome %1.</source>
      <translation>未知的办理结果 %1。</translation>
    </message>
    <message>
      <source>%1 is not an inquiry or complaint visit; it takes no outcome.</source>
      <translation>%1 不是咨询或投诉业务，无需记录办理结果。</translation>
    </message>
    <message>
      <source>Say why the customer is handed over.</source>
      <translation>请说明转办原因。</translation>
    </message>
    <message>
      <source>A hand-over reason is at most %1 characters.</source>
      <translation>转办原因最多 %1 个字。</translation>
    </message>
    <message>
      <source>Hand the customer over to another counter, not this one.</source>
      <translation>请转交给其他窗口，而不是本窗口。</translation>
    </message>
    <message>
      <source>Counter %1 does not serve %2.</source>
      <translation>%1号窗口不办理 %2 业务。</translation>
    </message>
    <message>
      <source>The report's last day comes before its first.</source>
      <translation>报表的结束日期早于开始日期。</translation>
    </message>
    <message>
      <source>A report covers at most one year.</source>
      <translation>一份报表最多覆盖一年。</translation>
    </message>
    <message>
      <source>There is no such month.</source>
      <translation>没有这个月份。</translation>
    </message>
    <message>
      <source>Forecast 1 to 62 days.</source>
      <translation>预测天数为 1 至 62 天。</translation>
    </message>
    <message>
      <source>No numbers were taken in the last %1 weeks: the forecast has nothing to learn from.</source>
      <translation>最近 %1 周没有取号记录，无法进行预测。</translation>
    </message>
    <message>
      <source>The report could not be written to %1.</source>
      <translation>报表无法写入 %1。</translation>
    </message>
    <message>
      <source>Wrong staff code or password.</source>
      <translation>工号或密码错误。</translation>
    </message>
    <message>
      <source>Staff %1 is locked after repeated wrong passwords; a supervisor must unlock it.</source>
      <translation>工号 %1 因多次输错密码已被锁定，请值班长解锁。</translation>
    </message>
    <message>
      <source>Sign in first: this needs a signed-in member of staff.</source>
      <translation>请先登录：此操作需要工作人员登录后进行。</translation>
    </message>
    <message>
      <source>Your role may not do this; ask a supervisor or the administrator.</source>
      <translation>您的角色无权进行此操作，请找值班长或管理员。</translation>
    </message>
    <message>
      <source>Signed in as %1: steps are recorded under your own staff code.</source>
      <translation>当前登录工号为 %1：操作只能以您本人的工号记录。</translation>
    </message>
    <message>
      <source>Wrong PIN.</source>
      <translation>数字口令错误。</translation>
    </message>
    <message>
      <source>Only the clerk whose counter locked can resume it; sign in afresh instead.</source>
      <translation>只有锁定前登录的营业员才能继续使用本窗口；其他人请重新登录。</translation>
    </message>
    <message>
      <source>The first account of a hall is its administrator.</source>
      <translation>营业厅的第一个账号必须是管理员。</translation>
    </message>
    <message>
      <source>The password is too short.</source>
      <translation>密码太短。</translation>
    </message>
    <message>
      <source>The password is too long.</source>
      <translation>密码太长。</translation>
    </message>
    <message>
      <source>The password is too easy to guess (repeated or in sequence).</source>
      <translation>密码太容易被猜到（重复或连续的字符）。</translation>
    </message>
    <message>
      <source>The password must not be the staff code or name.</source>
      <translation>密码不能是工号或姓名。</translation>
    </message>
    <message>
      <source>The password must not be a word of this hall or this tool.</source>
      <translation>密码不能是本营业厅或本系统的常用词。</translation>
    </message>
    <message>
      <source>This password is on the hall's refused list.</source>
      <translation>该密码在本营业厅的禁用密码名单中。</translation>
    </message>
    <message>
      <source>The password holds a control character.</source>
      <translation>密码中含有控制字符。</translation>
    </message>
    <message>
      <source>The PIN must be digits only.</source>
      <translation>数字口令只能由数字组成。</translation>
    </message>
    <message>
      <source>This staff code already has an account.</source>
      <translation>该工号已有账号。</translation>
    </message>
    <message>
      <source>A staff code is 1 to 40 characters without spaces.</source>
      <translation>工号为 1 至 40 个字符，不能含空格。</translation>
    </message>
    <message>
      <source>A name is 1 to 60 printable characters.</source>
      <translation>姓名为 1 至 60 个可打印字符。</translation>
    </message>
  </context>
  <context>
    <name>ExportDialog</name>
    <message>
      <source>Export a report</source>
      <translation>导出报表</translation>
    </message>
    <message>
      <source>Daily report</source>
      <translation>日报</translation>
    </message>
    <message>
      <source>Monthly report</source>
      <translation>月报</translation>
    </message>
    <message>
      <source>Any range</source>
      <translation>任意时段</translation>
    </message>
    <message>
      <source>Forecast (next 7 days)</source>
      <translation>预测（未来 7 天）</translation>
    </message>
    <message>
      <source>Report</source>
      <translation>报表</translation>
    </message>
    <message>
      <source>Day, month or first day</source>
      <translation>日期、月份或开始日期</translation>
    </message>
    <message>
      <source>Last day (range)</source>
      <translation>结束日期（任意时段）</translation>
    </message>
    <message>
      <source>Format</source>
      <translation>格式</translation>
    </message>
    <message>
      <source>Save the report as</source>
      <translation>报表另存为</translation>
    </message>
  </context>
  <context>
    <name>ForecastTab</name>
    <message>
      <source>Forecast again</source>
      <translation>重新预测</translation>
    </message>
    <message>
      <source>Forecast report…</source>
      <translation>预测报表…</translation>
    </message>
    <message>
      <source>Counters needed each hour (hover: numbers expected)</source>
      <translation>每小时所需窗口数（鼠标悬停：预计取号数）</translation>
    </message>
    <message>
      <source>Expected numbers per day and hour are learned from this hall's own weeks (weekday, month-end and, where set, the days after the payment deadline). Counters needed: the fewest with which the target share of customers is called within the service's target wait, by the Erlang C queueing formula (steady arrivals within the hour, no one leaving the line), summed over services: a planning figure, not a promise.</source>
      <translation>每日、每小时的预计取号数由本厅自己的历史数据学习得出（星期、月末，以及设置了缴费截止日时的截止日后几天）。所需窗口数：按 Erlang C 排队公式（每小时内到达平稳、无人中途离开）计算，使目标比例的客户在该业务的目标等候时间内被叫号所需的最少窗口数，各业务相加；这是排班参考，不是承诺。</translation>
    </message>
    <message>
      <source>Computing the forecast…</source>
      <translation>正在计算预测…</translation>
    </message>
    <message>
      <source>Numbers expected per day, and the counters needed at the peak hour</source>
      <translation>每日预计取号数与高峰时段所需窗口数</translation>
    </message>
    <message>
      <source>Numbers expected</source>
      <translation>预计取号数</translation>
    </message>
    <message>
      <source>Counters at the peak</source>
      <translation>高峰所需窗口</translation>
    </message>
    <message>
      <source>Forecast from %1 to %2: %3 numbers expected; at most %4 counters at once.</source>
      <translation>预测 %1 至 %2：预计取号 %3 个；同时最多需要 %4 个窗口。</translation>
    </message>
    <message>
      <source>Its error on the last %1 weeks: %2 per day, %3 per hour (WAPE).</source>
      <translation>在最近 %1 周的误差：按日 %2，按小时 %3（WAPE）。</translation>
    </message>
    <message>
      <source>Too little history yet to measure its error.</source>
      <translation>历史数据尚少，暂无法衡量误差。</translation>
    </message>
  </context>
  <context>
    <name>HandoverDialog</name>
    <message>
      <source>Hand over %1</source>
      <translation>转办 %1</translation>
    </message>
    <message>
      <source>Hand %1 over to %2 %3. Why?</source>
      <translation>将 %1 转至 %2 %3，原因是？</translation>
    </message>
    <message>
      <source>Or type the reason (Enter hands over)</source>
      <translation>或输入原因（回车即转办）</translation>
    </message>
    <message>
      <source>To counter:</source>
      <translation>转至窗口：</translation>
    </message>
    <message>
      <source>Any counter serving %1</source>
      <translation>办理 %1 的任一窗口</translation>
    </message>
    <message>
      <source>Counter %1</source>
      <translation>%1号窗口</translation>
    </message>
    <message>
      <source>1–9 picks a reason and hands over · Enter: the selected reason · Esc: keep the customer</source>
      <translation>数字 1–9 选择原因并转办 · 回车：所选原因 · Esc：留下客户</translation>
    </message>
    <message>
      <source>Hand over</source>
      <translation>转办</translation>
    </message>
    <message>
      <source>Keep the customer</source>
      <translation>留下客户</translation>
    </message>
  </context>
  <context>
    <name>Handovers</name>
    <message>
      <source>Number</source>
      <translation>号码</translation>
    </message>
    <message>
      <source>Handed</source>
      <translation>转办</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>原因</translation>
    </message>
    <message>
      <source>At</source>
      <translation>时间</translation>
    </message>
    <message>
      <source>Now</source>
      <translation>当前</translation>
    </message>
    <message>
      <source>from counter %1 (%2)</source>
      <translation>来自 %1号窗口（%2）</translation>
    </message>
    <message>
      <source>counter %1</source>
      <translation>%1号窗口</translation>
    </message>
  </context>
  <context>
    <name>HandoversPanel</name>
    <message>
      <source>Call the selected customer now</source>
      <translation>立即叫所选客户</translation>
    </message>
    <message>
      <source>Your visits handed over, not yet done: %1</source>
      <translation>您转出、尚未办结的业务：%1</translation>
    </message>
    <message>
      <source>Handed to this counter, waiting: %1</source>
      <translation>转给本窗口、等候中：%1</translation>
    </message>
  </context>
  <context>
    <name>IntakeFields</name>
    <message>
      <source>Business</source>
      <extracomment>Each row's label; a check box's row has none (its own text says it all).</extracomment>
      <translation>业务类型</translation>
    </message>
    <message>
      <source>Applicant is</source>
      <translation>申请人类型</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称/姓名</translation>
    </message>
    <message>
      <source>ID type</source>
      <translation>证件类型</translation>
    </message>
    <message>
      <source>ID number</source>
      <translation>证件号码</translation>
    </message>
    <message>
      <source>Mobile</source>
      <translation>手机号码</translation>
    </message>
    <message>
      <source>Address of use</source>
      <translation>用电地址</translation>
    </message>
    <message>
      <source>Agent's name</source>
      <translation>代办人姓名</translation>
    </message>
    <message>
      <source>Agent's ID type</source>
      <translation>代办人证件类型</translation>
    </message>
    <message>
      <source>Agent's ID number</source>
      <translation>代办人证件号码</translation>
    </message>
    <message>
      <source>Agent's mobile</source>
      <translation>代办人手机</translation>
    </message>
    <message>
      <source>Account number</source>
      <translation>户号</translation>
    </message>
    <message>
      <source>Capacity</source>
      <translation>申请容量</translation>
    </message>
    <message>
      <source>Voltage</source>
      <translation>电压等级</translation>
    </message>
    <message>
      <source>Tariff class</source>
      <translation>用电类别</translation>
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
      <translation>户档地址</translation>
    </message>
    <message>
      <source>Class on the account</source>
      <translation>户档用电类别</translation>
    </message>
    <message>
      <source>Arrears (yuan)</source>
      <translation>欠费（元）</translation>
    </message>
    <message>
      <source>Shown today</source>
      <translation>本次提供</translation>
    </message>
    <message>
      <source>No end date (a reduction has no time limit)</source>
      <translation>不定期限（减容不受期限限制）</translation>
    </message>
    <message>
      <source>Applicant</source>
      <translation>申请人</translation>
    </message>
    <message>
      <source>Agent (when the applicant is not here)</source>
      <translation>代办人（申请人未到场时）</translation>
    </message>
    <message>
      <source>Request</source>
      <translation>申请内容</translation>
    </message>
    <message>
      <source>Documents (一证受理)</source>
      <translation>申请资料（一证受理）</translation>
    </message>
    <message>
      <source>a person</source>
      <translation>个人</translation>
    </message>
    <message>
      <source>an organisation</source>
      <translation>单位</translation>
    </message>
    <message>
      <source>The applicant is here in person</source>
      <translation>申请人本人到场</translation>
    </message>
    <message>
      <source>Signed power of attorney (授权委托书) shown</source>
      <translation>已出示签字的授权委托书</translation>
    </message>
    <message>
      <source>Needs external line works (外线工程)</source>
      <translation>需要外线工程</translation>
    </message>
    <message>
      <source>Customer signed the commitment letter (客户承诺书) for missing documents</source>
      <translation>客户已就缺件签署《客户承诺书》</translation>
    </message>
    <message>
      <source>as on the ID; rare characters (生僻字) are fine</source>
      <translation>与证件一致，可输入生僻字</translation>
    </message>
    <message>
      <source>e.g. 8</source>
      <translation>例如 8</translation>
    </message>
    <message>
      <source>Accept application</source>
      <translation>受理申请</translation>
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
      <source>%1 waiting</source>
      <translation>%1 人等候</translation>
    </message>
    <message>
      <source>about %1 min</source>
      <translation>约 %1 分钟</translation>
    </message>
    <message>
      <source>You are next</source>
      <translation>下一位就是您</translation>
    </message>
    <message>
      <source>1 person ahead of you</source>
      <translation>您前面还有 1 人</translation>
    </message>
    <message>
      <source>%1 people ahead of you</source>
      <translation>您前面还有 %1 人</translation>
    </message>
    <message>
      <source>The hall server cannot be reached: this is a backup number from this PC. It is called as usual.</source>
      <translation>服务器暂不可达，本号为本机备用号，叫号照常进行。</translation>
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
    <name>LineTile</name>
    <message>
      <source>%1 waiting</source>
      <translation>等候 %1 人</translation>
    </message>
    <message>
      <source>Longest wait %1 min · target %2 min</source>
      <translation>最长等候 %1 分钟 · 目标 %2 分钟</translation>
    </message>
  </context>
  <context>
    <name>LinkBar</name>
    <message>
      <source>The hall server cannot be reached since %1. This PC works alone and keeps retrying.</source>
      <translation>自 %1 起无法连接营业厅服务器。本机正在单机工作，并持续自动重试连接。</translation>
    </message>
    <message>
      <source>Connecting to the hall server…</source>
      <translation>正在连接营业厅服务器…</translation>
    </message>
    <message>
      <source>Connected to the hall server (this PC: %1).</source>
      <translation>已连接营业厅服务器（本机：%1）。</translation>
    </message>
    <message>
      <source>The hall server is back since %1: %2 actions of this PC handed over.</source>
      <translation>营业厅服务器已于 %1 恢复：本机已上传 %2 项操作。</translation>
    </message>
    <message>
      <source>The hall server is back since %1. This PC had nothing to hand over.</source>
      <translation>营业厅服务器已于 %1 恢复。本机没有需要上传的操作。</translation>
    </message>
    <message>
      <source>%1 actions of this PC wait to be handed over.</source>
      <translation>本机尚有 %1 项操作等待上传。</translation>
    </message>
    <message>
      <source>%1 actions wait for another PC to hand over its work first.</source>
      <translation>%1 项操作需等待其他电脑先上传其数据。</translation>
    </message>
    <message>
      <source>%1 of them were settled as conflicts (the server's record stands).</source>
      <translation>其中 %1 项按冲突处理（以服务器记录为准）。</translation>
    </message>
    <message>
      <source>Still works: finish the current customer, call a number by typing it (F7), applications, account look-up, payment slips.</source>
      <translation>仍可使用：办结当前客户、输入号码叫号（F7）、业扩报装受理、户号查询、打印缴费单。</translation>
    </message>
    <message>
      <source>Numbers now come from this PC's own series (such as %1) and are called as usual.</source>
      <translation>现由本机备用号段取号（如 %1），叫号照常进行。</translation>
    </message>
    <message>
      <source>Offline: the last calls stay on screen; new calls show again when the server is back.</source>
      <translation>离线：屏幕保留最近的叫号；服务器恢复后再显示新的叫号。</translation>
    </message>
    <message>
      <source>Figures shown are this PC's own copy; the hall's figures return when the server is back.</source>
      <translation>当前显示的是本机副本数据；服务器恢复后显示全厅数据。</translation>
    </message>
    <message>
      <source>Ratings given now are kept on this PC.</source>
      <translation>现在的评价暂存于本机。</translation>
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
      <translation>需要关注</translation>
    </message>
    <message>
      <source>%1: the longest wait is %2 min, past the target of %3 min.</source>
      <translation>%1：最长等候 %2 分钟，超过目标 %3 分钟。</translation>
    </message>
    <message>
      <source>Application %1 is overdue (due %2, %3).</source>
      <translation>申请 %1 已超期（时限 %2，%3）。</translation>
    </message>
    <message>
      <source>Application %1 is due soon (%2, %3).</source>
      <translation>申请 %1 即将到期（%2，%3）。</translation>
    </message>
    <message>
      <source>… and %1 more applications due or late.</source>
      <translation>……另有 %1 件申请即将到期或已超期。</translation>
    </message>
    <message>
      <source>Nothing needs attention now.</source>
      <translation>目前没有需要关注的事项。</translation>
    </message>
  </context>
  <context>
    <name>OneTimeNotice</name>
    <message>
      <source>One-time notice</source>
      <translation>一次性告知书</translation>
    </message>
    <message>
      <source>REPRINT · 补打</source>
      <translation>补打</translation>
    </message>
    <message>
      <source>Application No.</source>
      <translation>申请编号</translation>
    </message>
    <message>
      <source>Business</source>
      <translation>业务类型</translation>
    </message>
    <message>
      <source>Applicant</source>
      <translation>申请人</translation>
    </message>
    <message>
      <source>ID number</source>
      <translation>证件号码</translation>
    </message>
    <message>
      <source>Mobile</source>
      <translation>联系电话</translation>
    </message>
    <message>
      <source>This is everything we still need from you to finish this application. Nothing else will be asked of you for it.</source>
      <translation>为办结本申请，以下为您尚需提供的全部资料和事项。本申请不会再要求您补充其他内容。</translation>
    </message>
    <message>
      <source>Please bring</source>
      <translation>请携带以下资料</translation>
    </message>
    <message>
      <source>%1 (by %2)</source>
      <translation>%1（请于 %2 前提供）</translation>
    </message>
    <message>
      <source>Also bring, if it applies to you</source>
      <translation>如适用，请一并提供</translation>
    </message>
    <message>
      <source>We are waiting for you: %1</source>
      <translation>待您办理：%1</translation>
    </message>
    <message>
      <source>Nothing more is needed from you at the moment.</source>
      <translation>目前无需您再提供任何资料。</translation>
    </message>
    <message>
      <source>You signed a commitment letter (客户承诺书) to bring the documents above by %1.</source>
      <translation>您已签署《客户承诺书》，承诺于 %1 前补交上述资料。</translation>
    </message>
    <message>
      <source>Bring them to any counter of %1: you do not need to see the same clerk.</source>
      <translation>可到%1任一窗口递交，无需找原受理人员。</translation>
    </message>
    <message>
      <source>Your case officer (首问负责人)</source>
      <translation>首问负责人</translation>
    </message>
    <message>
      <source>Hall address</source>
      <translation>营业厅地址</translation>
    </message>
    <message>
      <source>Hall phone</source>
      <translation>营业厅电话</translation>
    </message>
    <message>
      <source>Service hotline</source>
      <translation>供电服务热线</translation>
    </message>
    <message>
      <source>Energy regulation hotline</source>
      <translation>能源监管热线</translation>
    </message>
    <message>
      <source>Dates in %1 are provisional: that year's official holiday schedule is not yet published.</source>
      <translation>%1 年的日期为暂定：该年法定节假日安排尚未公布。</translation>
    </message>
    <message>
      <source>Customer</source>
      <translation>客户签字</translation>
    </message>
    <message>
      <source>Clerk</source>
      <translation>受理人</translation>
    </message>
    <message>
      <source>Printed %1</source>
      <translation>打印时间 %1</translation>
    </message>
  </context>
  <context>
    <name>OutboxStatus</name>
    <message>
      <source>Hand-over to the central systems: nothing waiting</source>
      <translation>上送中心系统：无待上送记录</translation>
    </message>
    <message>
      <source>Hand-over to the central systems: %1 records waiting since %2</source>
      <translation>上送中心系统：%1 条记录待上送（最早 %2）</translation>
    </message>
  </context>
  <context>
    <name>PaymentModels</name>
    <message>
      <source>Account number</source>
      <translation>户号</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>户名</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>地址</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>Amount due</source>
      <translation>应缴金额</translation>
    </message>
    <message>
      <source>Matched</source>
      <translation>匹配项</translation>
    </message>
    <message>
      <source>The date of these figures is unknown: check before quoting</source>
      <translation>数据日期不明，告知客户前请核实</translation>
    </message>
    <message>
      <source>Figures as of %1, not current: check before quoting</source>
      <translation>数据截至 %1，非最新数据，告知客户前请核实</translation>
    </message>
  </context>
  <context>
    <name>PaymentPanel</name>
    <message>
      <source>Import account list…</source>
      <translation>导入用户清单…</translation>
    </message>
    <message>
      <source>Who repairs it? (产权分界)…</source>
      <translation>谁来维修？（产权分界）…</translation>
    </message>
    <message>
      <source>Payment channels: tick the ones for the slip</source>
      <translation>缴费渠道：勾选要打印在凭条上的渠道</translation>
    </message>
    <message>
      <source>Save slip as PDF…</source>
      <translation>凭条另存为 PDF…</translation>
    </message>
    <message>
      <source>Print payment slip</source>
      <translation>打印缴费凭条</translation>
    </message>
    <message>
      <source>Print again</source>
      <translation>重新打印</translation>
    </message>
    <message>
      <source>in person</source>
      <translation>需到现场</translation>
    </message>
    <message>
      <source>QR code</source>
      <translation>二维码</translation>
    </message>
    <message>
      <source>not signed yet</source>
      <translation>尚未签约</translation>
    </message>
    <message>
      <source>status not known here</source>
      <translation>本厅无法确认签约状态</translation>
    </message>
    <message>
      <source>Bring:</source>
      <translation>请携带：</translation>
    </message>
    <message>
      <source>Save payment slip</source>
      <translation>保存缴费凭条</translation>
    </message>
    <message>
      <source>Printing the payment slip…</source>
      <translation>正在打印缴费凭条…</translation>
    </message>
    <message>
      <source>Reprint (补打) printed.</source>
      <translation>补打凭条已打印。</translation>
    </message>
    <message>
      <source>Payment slip printed.</source>
      <translation>缴费凭条已打印。</translation>
    </message>
    <message>
      <source>The slip was not printed: %1 The guidance is recorded; use Print again.</source>
      <translation>凭条未能打印：%1 缴费引导已记录，请点“重新打印”。</translation>
    </message>
  </context>
  <context>
    <name>PaymentSlip</name>
    <message>
      <source>Pay your electricity bill online - no queue</source>
      <translation>线上交电费，无需排队</translation>
    </message>
    <message>
      <source>REPRINT · 补打</source>
      <translation>补打</translation>
    </message>
    <message>
      <source>Account number - type it into the app</source>
      <translation>户号（在App中输入此号码）</translation>
    </message>
    <message>
      <source>Name: %1</source>
      <translation>户名：%1</translation>
    </message>
    <message>
      <source>Address: %1</source>
      <translation>地址：%1</translation>
    </message>
    <message>
      <source>Amount due: %1 yuan</source>
      <translation>应缴金额：%1 元</translation>
    </message>
    <message>
      <source>Pay by %1</source>
      <translation>缴费截止日期：%1</translation>
    </message>
    <message>
      <source>Nothing due</source>
      <translation>无欠费</translation>
    </message>
    <message>
      <source>Prepaid balance: %1 yuan</source>
      <translation>预存余额：%1 元</translation>
    </message>
    <message>
      <source>Figures as of %1</source>
      <translation>以上数据截至 %1</translation>
    </message>
    <message>
      <source>Not current (%1 days old): the app shows what is due today</source>
      <translation>非最新数据（已过 %1 天），当前应缴金额以App显示为准</translation>
    </message>
    <message>
      <source>Date of these figures unknown: the app shows what is due today</source>
      <translation>数据日期不详，当前应缴金额以App显示为准</translation>
    </message>
    <message>
      <source>This account is not in the hall's list: the app shows the amount due</source>
      <translation>本厅清单中无此户号，应缴金额以App显示为准</translation>
    </message>
    <message>
      <source>Scan to open %1</source>
      <translation>扫码打开 %1</translation>
    </message>
    <message>
      <source>%1 - please bring:</source>
      <translation>%1——请携带：</translation>
    </message>
    <message>
      <source>%1 (signed up)</source>
      <translation>%1（已签约）</translation>
    </message>
    <message>
      <source>Power supply service hotline %1 (24 hours)</source>
      <translation>供电服务热线 %1（24小时）</translation>
    </message>
    <message>
      <source>Printed %1</source>
      <translation>打印时间 %1</translation>
    </message>
  </context>
  <context>
    <name>PaymentTexts</name>
    <message>
      <source>Account number</source>
      <translation>户号</translation>
    </message>
    <message>
      <source>Account number begins</source>
      <translation>户号开头</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>Phone, last 4</source>
      <translation>电话后4位</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>户名</translation>
    </message>
    <message>
      <source>Name begins</source>
      <translation>户名开头</translation>
    </message>
    <message>
      <source>Name contains</source>
      <translation>户名包含</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>地址</translation>
    </message>
    <message>
      <source>Bank withholding: signed</source>
      <translation>银行代扣：已签约</translation>
    </message>
    <message>
      <source>Bank withholding: not signed</source>
      <translation>银行代扣：未签约</translation>
    </message>
    <message>
      <source>Bank withholding: not known</source>
      <translation>银行代扣：状态不详</translation>
    </message>
    <message>
      <source>Reading the file…</source>
      <translation>正在读取文件…</translation>
    </message>
    <message>
      <source>Keeping the accounts the file does not mention…</source>
      <translation>正在保留文件中未列出的账户…</translation>
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
      <translation>正在建立查询索引…</translation>
    </message>
    <message>
      <source>Making the new list live…</source>
      <translation>正在启用新清单…</translation>
    </message>
    <message>
      <source>Done.</source>
      <translation>完成。</translation>
    </message>
    <message>
      <source>80 mm roll</source>
      <translation>80毫米卷纸</translation>
    </message>
    <message>
      <source>58 mm roll</source>
      <translation>58毫米卷纸</translation>
    </message>
    <message>
      <source>A5 sheet</source>
      <translation>A5 纸</translation>
    </message>
  </context>
  <context>
    <name>Quality</name>
    <message>
      <source>Very satisfied</source>
      <translation>非常满意</translation>
    </message>
    <message>
      <source>Satisfied</source>
      <translation>满意</translation>
    </message>
    <message>
      <source>Neutral</source>
      <translation>一般</translation>
    </message>
    <message>
      <source>Dissatisfied</source>
      <translation>不满意</translation>
    </message>
    <message>
      <source>Very dissatisfied</source>
      <translation>非常不满意</translation>
    </message>
    <message>
      <source>Not rated</source>
      <translation>未评价</translation>
    </message>
    <message>
      <source>Answered</source>
      <translation>当场答复</translation>
    </message>
    <message>
      <source>Referred to 95598</source>
      <translation>转 95598</translation>
    </message>
    <message>
      <source>Complaint recorded</source>
      <translation>已登记投诉</translation>
    </message>
    <message>
      <source>waiting</source>
      <translation>等候中</translation>
    </message>
    <message>
      <source>called</source>
      <translation>已叫号</translation>
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
      <source>missed the call</source>
      <translation>过号</translation>
    </message>
    <message>
      <source>withdrawn</source>
      <translation>已撤号</translation>
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
    <message>
      <source>Green channel</source>
      <translation>绿色通道</translation>
    </message>
    <message>
      <source>Transferred</source>
      <translation>已转办</translation>
    </message>
  </context>
  <context>
    <name>RatingDialog</name>
    <message>
      <source>Rate our service</source>
      <translation>服务评价</translation>
    </message>
  </context>
  <context>
    <name>RatingPanel</name>
    <message>
      <source>How was our service today?</source>
      <extracomment>Level colours, best first: green to red.</extracomment>
      <translation>请对本次服务进行评价</translation>
    </message>
    <message>
      <source>What should we do better? (choose any)</source>
      <translation>我们哪里需要改进？（可多选）</translation>
    </message>
    <message>
      <source>Submit</source>
      <translation>提交</translation>
    </message>
    <message>
      <source>Thank you for your rating!</source>
      <translation>感谢您的评价！</translation>
    </message>
    <message>
      <source>Welcome. We are glad to serve you.</source>
      <translation>欢迎光临，竭诚为您服务。</translation>
    </message>
    <message>
      <source>Counter %1</source>
      <translation>%1号窗口</translation>
    </message>
    <message>
      <source>No clerk at this counter</source>
      <translation>本窗口暂无营业员</translation>
    </message>
    <message>
      <source>Staff number %1</source>
      <translation>工号 %1</translation>
    </message>
    <message>
      <source>Ticket %1</source>
      <translation>号码 %1</translation>
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
      <translation>服务评价 · %1号窗口</translation>
    </message>
  </context>
  <context>
    <name>RestoreOffer</name>
    <message>
      <source>Counter tool</source>
      <translation>营业厅柜台系统</translation>
    </message>
    <message>
      <source>The hall database file is damaged and there is no good backup in %1.</source>
      <translation>营业厅数据库文件已损坏，%1 中没有完好的备份。</translation>
    </message>
    <message>
      <source>Nothing was changed. Ask the hall's IT support.</source>
      <translation>未做任何改动。请联系营业厅的信息技术支持。</translation>
    </message>
    <message>
      <source>The hall database file is damaged; nothing has been written to it.</source>
      <translation>营业厅数据库文件已损坏；程序没有向其写入任何内容。</translation>
    </message>
    <message>
      <source>Restore the newest good backup, made %1? The damaged file is kept beside it for the IT support.</source>
      <translation>是否恢复最近一份完好的备份（%1）？损坏的文件会保留在原处，供信息技术支持检查。</translation>
    </message>
    <message>
      <source>Restore the backup</source>
      <translation>恢复备份</translation>
    </message>
    <message>
      <source>Quit</source>
      <translation>退出</translation>
    </message>
    <message>
      <source>The backup was restored. The counter tool starts again.</source>
      <translation>备份已恢复，程序将重新启动。</translation>
    </message>
  </context>
  <context>
    <name>SignInCover</name>
    <message>
      <source>Sign in to counter %1</source>
      <translation>登录 %1 号窗口</translation>
    </message>
    <message>
      <source>Enter your staff code and password before serving customers.</source>
      <translation>办理业务前请输入工号和密码。</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>密码</translation>
    </message>
    <message>
      <source>Sign in</source>
      <translation>登录</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Counter %1 is locked</source>
      <translation>%1 号窗口已锁定</translation>
    </message>
    <message>
      <source>Locked after a while without use. %1 resumes with their PIN: everything on the screen is kept as it was.</source>
      <translation>长时间无操作，窗口已锁定。由 %1 输入本人的数字口令即可继续，屏幕上的内容原样保留。</translation>
    </message>
    <message>
      <source>PIN (or password if no PIN is set)</source>
      <translation>数字口令（未设置时输入密码）</translation>
    </message>
    <message>
      <source>Resume</source>
      <translation>继续</translation>
    </message>
    <message>
      <source>Sign in as someone else</source>
      <translation>换人登录</translation>
    </message>
    <message>
      <source>Set up the administrator</source>
      <translation>设置管理员</translation>
    </message>
    <message>
      <source>This hall has no administrator yet. Create one now with a password chosen here; there is no default password. Until then anyone may use the counter.</source>
      <translation>本营业厅尚无管理员。请在此创建管理员并设置密码（系统没有默认密码）。创建之前，任何人都可以使用本窗口。</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Password (at least 8 characters)</source>
      <translation>密码（至少 8 个字符）</translation>
    </message>
    <message>
      <source>Password again</source>
      <translation>再次输入密码</translation>
    </message>
    <message>
      <source>Create administrator</source>
      <translation>创建管理员</translation>
    </message>
    <message>
      <source>Later</source>
      <translation>以后再说</translation>
    </message>
    <message>
      <source>Staff code</source>
      <translation>工号</translation>
    </message>
    <message>
      <source>Dashboard locked</source>
      <translation>值班长看板已锁定</translation>
    </message>
    <message>
      <source>Sign in to the dashboard</source>
      <translation>登录值班长看板</translation>
    </message>
    <message>
      <source>A supervisor or administrator signs in with staff code and password; the hall's figures, reports and staff accounts show once signed in.</source>
      <translation>请值班长或管理员输入工号和密码登录；登录后才显示营业厅的数据、报表和员工账号。</translation>
    </message>
    <message>
      <source>Checking who may open the dashboard…</source>
      <translation>正在确认登录要求…</translation>
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
      <translation>状态</translation>
    </message>
    <message>
      <source>Clerk</source>
      <translation>营业员</translation>
    </message>
    <message>
      <source>Customer</source>
      <translation>客户</translation>
    </message>
    <message>
      <source>Minutes</source>
      <translation>分钟</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>服务中</translation>
    </message>
    <message>
      <source>Paused</source>
      <translation>暂停</translation>
    </message>
    <message>
      <source>Closed</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Service</source>
      <translation>业务</translation>
    </message>
  </context>
  <context>
    <name>SupervisorAccounts</name>
    <message>
      <source>Clerk</source>
      <translation>营业员</translation>
    </message>
    <message>
      <source>Supervisor</source>
      <translation>值班长</translation>
    </message>
    <message>
      <source>Administrator</source>
      <translation>管理员</translation>
    </message>
    <message>
      <source>Locked since %1</source>
      <translation>自 %1 起锁定</translation>
    </message>
    <message>
      <source>%1 wrong passwords lately</source>
      <translation>近期输错密码 %1 次</translation>
    </message>
    <message>
      <source>Can sign in</source>
      <translation>可以登录</translation>
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
      <translation>工号</translation>
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
      <translation>账号状态</translation>
    </message>
    <message>
      <source>Sign-in</source>
      <translation>登录状态</translation>
    </message>
  </context>
  <context>
    <name>SupervisorWindow</name>
    <message>
      <source>Supervisor dashboard</source>
      <translation>值班长看板</translation>
    </message>
    <message>
      <source>Reports…</source>
      <translation>报表…</translation>
    </message>
    <message>
      <source>Lock</source>
      <translation>锁定</translation>
    </message>
    <message>
      <source>Now</source>
      <translation>当前</translation>
    </message>
    <message>
      <source>Today</source>
      <translation>今日</translation>
    </message>
    <message>
      <source>Clerks</source>
      <translation>营业员</translation>
    </message>
    <message>
      <source>Forecast</source>
      <translation>预测</translation>
    </message>
    <message>
      <source>Accounts</source>
      <translation>账号</translation>
    </message>
    <message>
      <source>Business day %1 · updated %2</source>
      <translation>营业日 %1 · 更新于 %2</translation>
    </message>
    <message>
      <source>%1 can sign in again.</source>
      <translation>%1 已解锁，可以重新登录。</translation>
    </message>
    <message>
      <source>Writing the report…</source>
      <translation>正在生成报表…</translation>
    </message>
    <message>
      <source>Report written: %1</source>
      <translation>报表已生成：%1</translation>
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
    <message>
      <source>Hall server unreachable: a backup number from this PC</source>
      <translation>服务器暂不可达，本号为本机备用号</translation>
    </message>
  </context>
  <context>
    <name>TodayTab</name>
    <message>
      <source>Applications late / due soon</source>
      <translation>申请 超期/即将到期</translation>
    </message>
    <message>
      <source>Hand-overs not yet done</source>
      <translation>未办结的交接</translation>
    </message>
    <message>
      <source>Inquiry and complaint outcomes</source>
      <translation>咨询投诉办理结果</translation>
    </message>
    <message>
      <source>Numbers taken by hour, and counters open</source>
      <translation>各时段取号数与开放窗口</translation>
    </message>
    <message>
      <source>Counters open</source>
      <translation>开放窗口</translation>
    </message>
    <message>
      <source>How long customers waited (min)</source>
      <translation>客户等候时长（分钟）</translation>
    </message>
    <message>
      <source>Customers</source>
      <translation>人数</translation>
    </message>
    <message>
      <source>The last 30 days: numbers taken and average wait</source>
      <translation>近 30 天取号数与平均等候</translation>
    </message>
  </context>
  <context>
    <name>VisitNoteDialog</name>
    <message>
      <source>Outcome of %1</source>
      <translation>%1 的办理结果</translation>
    </message>
    <message>
      <source>How did the visit end?</source>
      <translation>本次业务如何办结？</translation>
    </message>
    <message>
      <source>Short note (no phone or ID numbers)</source>
      <translation>简短备注（不要填写电话或证件号码）</translation>
    </message>
  </context>
  <context>
    <name>WorklistPane</name>
    <message>
      <source>Open (all)</source>
      <translation>在办（全部）</translation>
    </message>
    <message>
      <source>All, closed too</source>
      <translation>全部（含已办结）</translation>
    </message>
    <message>
      <source>Any due date</source>
      <translation>不限期限</translation>
    </message>
    <message>
      <source>Due soon</source>
      <translation>即将到期</translation>
    </message>
    <message>
      <source>Overdue</source>
      <translation>已超期</translation>
    </message>
    <message>
      <source>Search: number, name, phone, ID, account, address</source>
      <translation>搜索：编号、姓名、电话、证件、户号、地址</translation>
    </message>
    <message>
      <source>Every business</source>
      <translation>全部业务</translation>
    </message>
    <message>
      <source>Everyone's</source>
      <translation>全部人员</translation>
    </message>
    <message>
      <source>Mine</source>
      <translation>我的</translation>
    </message>
    <message>
      <source>%1 of %2 shown · open %3 · overdue %4 · due within %5 working day(s) %6 · suspended %7 · mine %8</source>
      <translation>显示 %1 / 共 %2 · 在办 %3 · 超期 %4 · %5 个工作日内到期 %6 · 暂停 %7 · 我的 %8</translation>
    </message>
    <message>
      <source>* Due dates in %1 are provisional: the official holiday schedule is not published yet.</source>
      <translation>* %1 年的期限为暂定：该年法定节假日安排尚未公布。</translation>
    </message>
    <message>
      <source>One or two characters find names that start with them; type 3 or more to search inside.</source>
      <translation>输入一两个字按姓名开头查找；输入三个字以上可查找任意位置。</translation>
    </message>
  </context>
</TS>