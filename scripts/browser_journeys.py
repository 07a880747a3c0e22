#!/usr/bin/env python3
"""Journeys driven in headless Chromium; called by scripts/browser-test with BASE_URL OUT_DIR."""
import os
import sys
import time
import shutil
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.support.ui import Select, WebDriverWait

BASE, OUT = sys.argv[1], sys.argv[2]
PASSWORD = "Shifan2026county"
failures = []


def check(condition, message):
    print(("ok   " if condition else "FAIL ") + message)
    if not condition:
        failures.append(message)


def browser(width, downloads=None):
    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", f"--window-size={width},1400", "--lang=zh-CN"):
        options.add_argument(flag)
    if downloads:
        options.add_experimental_option("prefs", {"download.default_directory": downloads, "download.prompt_for_download": False})
    # The distribution's driver, so Selenium never looks for one on the network.
    return webdriver.Chrome(options=options, service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"))


def click_and_wait(driver, element):
    """Submits by clicking and waits for the next page to replace this one."""
    old = driver.find_element(By.TAG_NAME, "html")
    element.click()
    WebDriverWait(driver, 10).until(lambda d: old.id != d.find_element(By.TAG_NAME, "html").id)


def login(driver, username):
    driver.get(BASE + "/staff/login")
    driver.find_element(By.NAME, "username").send_keys(username)
    driver.find_element(By.NAME, "password").send_keys(PASSWORD)
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form button[type=submit]"))
    check(driver.current_url.endswith("/staff") and "工作台" in driver.title, f"{username} signs in")


def track(driver, reference, code):
    """Looks a case up on /track with its 受理编号 and 查询码."""
    driver.get(BASE + "/track")
    driver.find_element(By.NAME, "reference").send_keys(reference)
    driver.find_element(By.NAME, "queryCode").send_keys(code)
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))


def logout(driver):
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form.logout button"))


# A citizen on a phone: catalog, statutory items, search, a document page.
phone = browser(390)
try:
    phone.get(BASE + "/")
    check("信息公开平台" in phone.title, "home page has the portal title")
    click_and_wait(phone, phone.find_element(By.LINK_TEXT, "公开目录"))
    check("公开目录" in phone.page_source, "catalog opens from the navigation")
    phone.get(BASE + "/catalog/statutory")
    check("（七）财政预算、决算信息" in phone.page_source, "法定主动公开内容 lists art. 20 items")
    phone.get(BASE + "/search")
    box = phone.find_element(By.ID, "q")
    box.send_keys("预算")
    click_and_wait(phone, phone.find_element(By.CSS_SELECTOR, "form.search button"))
    marks = phone.find_elements(By.TAG_NAME, "mark")
    check(len(marks) > 0 and marks[0].text == "预算", "search for 预算 highlights the term")
    phone.save_screenshot(f"{OUT}/search-phone.png")
    click_and_wait(phone, phone.find_element(By.CSS_SELECTOR, "ol.doc-list li > a"))
    check("索引号" in phone.page_source and "CZJ/" in phone.page_source, "a result opens its document page with the metadata table")
    phone.save_screenshot(f"{OUT}/document-phone.png")
finally:
    phone.quit()

# Staff: draft, review, publish; then the portal shows it.
desk = browser(1280)
try:
    login(desk, "editor")
    desk.get(BASE + "/staff/documents/new")
    desk.find_element(By.NAME, "title").send_keys("浏览器测试：关于公布办事指南的通知")
    desk.find_element(By.NAME, "category").send_keys("通知公告")
    desk.execute_script("arguments[0].value = arguments[1]", desk.find_element(By.NAME, "generatedOn"), "2026-11-20")
    desk.find_element(By.NAME, "body").send_keys("现将办事指南公布如下。")
    click_and_wait(desk, desk.find_element(By.CSS_SELECTOR, "form.stacked button[type=submit]"))
    saved = "浏览器测试" in desk.page_source and "还剩" in desk.page_source
    if not saved:
        desk.save_screenshot(f"{OUT}/draft-failed.png")
    check(saved, "editor saves a draft that shows its deadline")
    document_url = desk.current_url.split("?")[0]
    click_and_wait(desk, desk.find_element(By.XPATH, "//button[text()='提交审核']"))
    check("待审核" in desk.page_source, "editor submits for review")
    logout(desk)
    login(desk, "reviewer")
    desk.get(document_url)
    for name, value in (("containsStateSecrets", "no"), ("containsPrivateData", "no"), ("wordingAccurate", "yes")):
        desk.find_element(By.CSS_SELECTOR, f"input[name={name}][value={value}]").click()
    click_and_wait(desk, desk.find_element(By.XPATH, "//button[text()='审查通过']"))
    check("已审核" in desk.page_source, "reviewer signs the 保密审查")
    click_and_wait(desk, desk.find_element(By.XPATH, "//button[text()='发布']"))
    check("已发布" in desk.page_source, "reviewer publishes")
    desk.save_screenshot(f"{OUT}/staff-document.png")
    public = document_url.replace("/staff/documents/", "/documents/")
    desk.get(public)
    check("浏览器测试：关于公布办事指南的通知" in desk.page_source, "the published document is on the portal")
finally:
    desk.quit()

# A citizen applies on a phone with three mistakes at once, sees all three, fixes them, and tracks the
# request; the clerk confirms it and asks for a 补正, which the citizen sends online from /track.
phone = browser(390)
try:
    phone.get(BASE + "/apply")
    fields = {"applicantName": "浏览器测试申请人", "idNumber": "110105194912310021", "phone": "13812345678",
              "infoTitle": "浏览器测试：2026年部门预算"}
    for name, value in fields.items():
        phone.find_element(By.NAME, name).send_keys(value)
    Select(phone.find_element(By.NAME, "requestedForm")).select_by_visible_text("纸质")
    Select(phone.find_element(By.NAME, "delivery")).select_by_visible_text("邮寄")
    click_and_wait(phone, phone.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    summary = phone.find_elements(By.CSS_SELECTOR, ".error-summary")
    beside = phone.find_elements(By.CSS_SELECTOR, "p.field-error")
    check(summary and "请修改以下 3 处" in summary[0].text and len(beside) == 3,
          "three mistakes (no agency, a wrong check digit, 邮寄 without an address) are all shown at once, each beside its field")
    check(phone.find_element(By.NAME, "applicantName").get_attribute("value") == "浏览器测试申请人", "what was typed stays after the errors")
    phone.save_screenshot(f"{OUT}/apply-errors-phone.png")
    Select(phone.find_element(By.NAME, "unitCode")).select_by_value("CZJ")
    number = phone.find_element(By.NAME, "idNumber")
    number.clear()
    number.send_keys("11010519491231002X")
    phone.find_element(By.NAME, "address").send_keys("示范县人民路1号")
    click_and_wait(phone, phone.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    # 先查一查 (issue 24 §3): the published budget is shown first; the citizen applies anyway.
    check("先查一查" in phone.page_source and "2026年县级部门预算公开说明" in phone.page_source,
          "before filing, 先查一查 shows the published budget that matches the application")
    phone.save_screenshot(f"{OUT}/apply-check-phone.png")
    click_and_wait(phone, phone.find_element(By.XPATH, "//button[text()='仍要申请']"))
    strong = phone.find_elements(By.CSS_SELECTOR, "dl.facts dd strong")
    check(len(strong) == 2 and strong[0].text.startswith("YSQ"), "after fixing, the citizen gets 受理编号 and 查询码")
    reference, code = strong[0].text, strong[1].text
    phone.save_screenshot(f"{OUT}/applied-phone.png")
    # Post/redirect/get: refreshing the receipt shows the same case again and files nothing new.
    check("/apply/receipt?form=" in phone.current_url, "the receipt is a page of its own after a redirect")
    phone.refresh()
    again = phone.find_elements(By.CSS_SELECTOR, "dl.facts dd strong")
    check(len(again) == 2 and again[0].text == reference and again[1].text == code, "refreshing the receipt shows the same 受理编号, no second case")
    track(phone, reference, code)
    check("待确认" in phone.page_source and "11010519491231002X" not in phone.page_source, "tracking shows the status, never the 身份证号")
    check("浏览器测试：2026年部门预算" in phone.page_source, "tracking shows what was asked for")
finally:
    phone.quit()

desk = browser(1200)
try:
    login(desk, "editor")
    desk.get(BASE + "/staff/requests")
    desk.find_element(By.LINK_TEXT, reference).click()
    case_url = desk.current_url
    # The likely step is already open and first: no need to unfold it.
    check(desk.find_element(By.XPATH, "//summary[text()='确认收到申请（下一步）']/..").get_attribute("open") is not None,
          "a new case opens with 确认收到申请 unfolded as the next step")
    click_and_wait(desk, desk.find_element(By.XPATH, "//form[contains(@action,'/actions/confirm')]//button"))
    check("已确认收到申请" in desk.page_source and "受理回执" in desk.page_source, "confirming says so, with the 受理回执 issued")
    check("期限计算明细" in desk.page_source and "剩余 20 个工作日" in desk.page_source,
          "the clerk confirms receipt and sees the due date with its explanation")
    desk.save_screenshot(f"{OUT}/staff-request.png")
    desk.find_element(By.XPATH, "//summary[text()='一次性告知补正']").click()
    desk.find_element(By.CSS_SELECTOR, "form[action$='/actions/requestCorrection'] textarea[name=note]").send_keys("请写明所需预算的年度和科目")
    click_and_wait(desk, desk.find_element(By.XPATH, "//form[contains(@action,'/actions/requestCorrection')]//button"))
    check("补正" in desk.page_source, "the clerk sends the 补正告知书")
finally:
    desk.quit()

phone = browser(390)
try:
    track(phone, reference, code)
    check("请写明所需预算的年度和科目" in phone.page_source, "the citizen sees what to correct and by when")
    check(len(phone.find_elements(By.XPATH, "//button[text()='下载 Word 文件']")) >= 2, "each letter offers a Word download")
    phone.find_element(By.NAME, "correction").send_keys("2026年度部门预算，一般公共预算支出功能分类科目")
    phone.save_screenshot(f"{OUT}/track-correction-phone.png")
    click_and_wait(phone, phone.find_element(By.CSS_SELECTOR, "form[action='/track/correction'] button"))
    check("收到您的补正" in phone.page_source and "请补正您的申请" not in phone.page_source, "the citizen sends the 补正 online and the page says it arrived")
    phone.save_screenshot(f"{OUT}/track-corrected-phone.png")
finally:
    phone.quit()

desk = browser(1200)
try:
    login(desk, "editor")
    desk.get(case_url)
    check("申请人网上提交：2026年度部门预算" in desk.page_source, "the clerk sees the 补正 as 收到补正 with what the citizen sent")
    # The queue names the next step; the likely step is open and first on the case page.
    desk.get(BASE + "/staff/queue")
    row = desk.find_element(By.XPATH, f"//tr[td[contains(., '{reference}')]]")
    check("已收到补正，拟写答复" in row.text, "the editor's queue says the corrected case waits for a reply")
    click_and_wait(desk, row.find_element(By.TAG_NAME, "a"))
    first = desk.find_element(By.CSS_SELECTOR, "section.actions details")
    check(first.get_attribute("open") is not None and "拟定答复" in first.text, "the likely step, 拟定答复, is open and first")
    Select(desk.find_element(By.ID, "draftReply-outcome")).select_by_value("r3.1")
    desk.find_element(By.ID, "draftReply-replyText").send_keys("予以公开，详见附件。")
    click_and_wait(desk, desk.find_element(By.XPATH, "//form[contains(@action,'/actions/draftReply')]//button"))
    check("答复草稿已保存" in desk.page_source, "drafting confirms what it did in words")
    click_and_wait(desk, desk.find_element(By.XPATH, "//form[contains(@action,'/actions/submitReply')]//button"))
    desk.get(BASE + "/staff/queue")
    check(reference not in desk.page_source, "once submitted, the case leaves the editor's queue")
    logout(desk)
    login(desk, "reviewer")
    desk.get(BASE + "/staff/queue")
    row = desk.find_element(By.XPATH, f"//tr[td[contains(., '{reference}')]]")
    check("审核答复" in row.text and "待我审核" in desk.page_source, "the reviewer finds the reply in 待我审核")
    click_and_wait(desk, row.find_element(By.TAG_NAME, "a"))
    preview = desk.find_element(By.CSS_SELECTOR, "article.letter-sheet.preview")
    check("本机关予以公开" in preview.text and "申请行政复议" in preview.text, "the reviewer reads the letter that will be sent, with its 救济途径")
    desk.save_screenshot(f"{OUT}/reviewer-approve.png")
    click_and_wait(desk, desk.find_element(By.XPATH, "//form[contains(@action,'/actions/approveReply')]//button"))
    check("已审核通过并发出" in desk.page_source, "approving confirms the letter sent by its number")
finally:
    desk.quit()

# Home → search by the 索引号 a document page prints → that document, on a phone; then 长者模式 on
# three pages and back.
phone = browser(390)
try:
    phone.get(BASE + "/catalog")
    click_and_wait(phone, phone.find_element(By.CSS_SELECTOR, "ol.doc-list li > a"))
    title = phone.find_element(By.TAG_NAME, "h1").text
    index_number = phone.find_element(By.XPATH, "//th[text()='索引号']/following-sibling::td").text
    phone.get(BASE + "/")
    phone.find_element(By.ID, "home-q").send_keys(index_number)
    click_and_wait(phone, phone.find_element(By.CSS_SELECTOR, "form.hero-search button"))
    click_and_wait(phone, phone.find_element(By.CSS_SELECTOR, "ol.doc-list li > a"))
    check(phone.find_element(By.TAG_NAME, "h1").text == title, f"searching the 索引号 {index_number} from the home page leads to that document first")
    phone.get(BASE + "/")
    click_and_wait(phone, phone.find_element(By.LINK_TEXT, "长者模式"))
    sizes = []
    for path in ("/", "/catalog", "/search?q=%E9%A2%84%E7%AE%97"):
        phone.get(BASE + path)
        sizes.append(phone.execute_script("return getComputedStyle(document.body).fontSize"))
    phone.save_screenshot(f"{OUT}/elder-search-phone.png")
    check(sizes == ["20px"] * 3, f"长者模式 sets large type on three pages ({sizes})")
    click_and_wait(phone, phone.find_element(By.LINK_TEXT, "退出长者模式"))
    check(phone.execute_script("return getComputedStyle(document.body).fontSize") == "16px", "退出长者模式 goes back to standard type")
finally:
    phone.quit()

# 部分公开 with redaction (issue 23): a citizen applies; the clerk attaches a PDF holding an ID
# number and a company account, redacts both with their grounds on the redaction page; the reply
# is approved; the citizen downloads the file at /track on a phone, and its text holds neither.
def sample_pdf(text):
    content = f"BT /F1 14 Tf 72 720 Td ({text}) Tj ET"
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
               f"<< /Length {len(content)} >>\nstream\n{content}\nendstream", "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    pdf, offsets = "%PDF-1.4\n", []
    for index, body in enumerate(objects):
        offsets.append(len(pdf.encode()))
        pdf += f"{index + 1} 0 obj\n{body}\nendobj\n"
    xref = len(pdf.encode())
    pdf += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n" + "".join(f"{offset:010d} 00000 n \n" for offset in offsets)
    return (pdf + f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n").encode()


secret_id, secret_account = "11010519491231002X", "6222021234567890128"
source_pdf = os.path.join(OUT, "补贴发放明细.pdf")
with open(source_pdf, "wb") as handle:
    handle.write(sample_pdf(f"Payee ID {secret_id}  Account {secret_account}  Amount 1200.00"))
phone = browser(390)
try:
    phone.get(BASE + "/apply")
    for name, value in {"applicantName": "浏览器测试遮盖", "idNumber": "110105198001010016", "phone": "13812345678",
                        "infoTitle": "浏览器测试：2026年补贴发放明细", "address": "示范县人民路1号"}.items():
        phone.find_element(By.NAME, name).send_keys(value)
    Select(phone.find_element(By.NAME, "unitCode")).select_by_value("CZJ")
    Select(phone.find_element(By.NAME, "requestedForm")).select_by_visible_text("纸质")
    Select(phone.find_element(By.NAME, "delivery")).select_by_visible_text("邮寄")
    click_and_wait(phone, phone.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    if "先查一查" in phone.page_source:
        click_and_wait(phone, phone.find_element(By.XPATH, "//button[text()='仍要申请']"))
    strong = phone.find_elements(By.CSS_SELECTOR, "dl.facts dd strong")
    redact_reference, redact_code = strong[0].text, strong[1].text
finally:
    phone.quit()

desk = browser(1280)
try:
    login(desk, "editor")
    desk.get(BASE + "/staff/requests")
    desk.find_element(By.LINK_TEXT, redact_reference).click()
    case_url = desk.current_url.split("?")[0].split("#")[0]
    click_and_wait(desk, desk.find_element(By.XPATH, "//form[contains(@action,'/actions/confirm')]//button"))
    desk.find_element(By.ID, "reply-file").send_keys(source_pdf)
    click_and_wait(desk, desk.find_element(By.CSS_SELECTOR, "form[action$='/files'] button"))
    click_and_wait(desk, desk.find_element(By.PARTIAL_LINK_TEXT, "遮盖处理"))
    proposals = desk.find_elements(By.CSS_SELECTOR, "input[type=checkbox][name$='.use']")
    check(len(proposals) == 2 and "110***********002X" in desk.page_source and secret_id not in desk.page_source,
          "the redaction page proposes the ID number and the account, masked")
    Select(desk.find_element(By.ID, "p-1-ground")).select_by_value("商业秘密")
    # The clerk also covers the amount by dragging a box on the page picture (static/redact.js):
    # the next empty manual row takes the page and the box in percent of the page.
    sheet = desk.find_element(By.CSS_SELECTOR, ".redaction-page .sheet[data-page='1']")
    # The picture loads lazily: scroll to it, wait for it, then scroll again to where it now stands.
    desk.execute_script("arguments[0].scrollIntoView({block: 'center'})", sheet)
    WebDriverWait(desk, 10).until(lambda d: d.execute_script("const i = arguments[0].querySelector('img'); return i.complete && i.naturalWidth > 0", sheet))
    desk.execute_script("arguments[0].scrollIntoView({block: 'center'})", sheet)
    width, height = sheet.size["width"], sheet.size["height"]
    ActionChains(desk).move_to_element_with_offset(sheet, int(width * 0.1) - width // 2, int(height * 0.1) - height // 2).click_and_hold() \
        .move_by_offset(int(width * 0.3), int(height * 0.05)).release().perform()
    drawn = {name: desk.find_element(By.NAME, f"m.0.{name}").get_attribute("value") for name in ("page", "left", "top", "width", "height")}
    near = lambda text, value: abs(float(text or "-1") - value) < 1.5
    check(drawn["page"] == "1" and near(drawn["left"], 10) and near(drawn["top"], 10) and near(drawn["width"], 30) and near(drawn["height"], 5),
          f"a box dragged on the page picture fills the first manual row in percent of the page ({drawn})")
    check(len(desk.find_elements(By.CSS_SELECTOR, ".sheet[data-page='1'] .region.manual")) == 1
          and len(desk.find_elements(By.CSS_SELECTOR, ".sheet[data-page='1'] .region.proposed")) == 2,
          "the drawn region and the two proposals are outlined on the page")
    desk.find_element(By.NAME, "m.0.what").send_keys("收款金额")
    Select(desk.find_element(By.ID, "m-0-ground")).select_by_value("个人隐私")
    desk.save_screenshot(f"{OUT}/redaction-page.png")
    desk.set_window_size(390, 1400)
    desk.save_screenshot(f"{OUT}/redaction-page-phone.png")
    desk.set_window_size(1280, 1400)
    click_and_wait(desk, desk.find_element(By.XPATH, "//button[text()='生成遮盖后的文件']"))
    check("补贴发放明细（遮盖）.pdf" in desk.page_source and "原件，已遮盖，不提供给申请人" in desk.page_source,
          "the clerk's redaction gives a redacted copy; the original is kept back")
    desk.get(case_url)
    Select(desk.find_element(By.ID, "draftReply-outcome")).select_by_value("r3.2")
    desk.find_element(By.ID, "draftReply-replyText").send_keys("现将可以公开的部分提供给您。")
    click_and_wait(desk, desk.find_element(By.XPATH, "//form[contains(@action,'/actions/draftReply')]//button"))
    click_and_wait(desk, desk.find_element(By.XPATH, "//form[contains(@action,'/actions/submitReply')]//button"))
    logout(desk)
    login(desk, "reviewer")
    desk.get(case_url)
    preview = desk.find_element(By.CSS_SELECTOR, "article.letter-sheet.preview")
    check("属于商业秘密" in preview.text and "第十五条不予公开，已作遮盖处理" in preview.text and "收款金额" in preview.text,
          "the reviewer reads the reasons the redaction log gives in the letter, the drawn region's included")
    click_and_wait(desk, desk.find_element(By.XPATH, "//form[contains(@action,'/actions/approveReply')]//button"))
finally:
    desk.quit()

downloads = os.path.join(OUT, "downloads")
os.makedirs(downloads, exist_ok=True)
for name in os.listdir(downloads):
    os.remove(os.path.join(downloads, name))
phone = browser(390, downloads=downloads)
try:
    track(phone, redact_reference, redact_code)
    check("补贴发放明细（遮盖）.pdf" in phone.page_source and ">补贴发放明细.pdf" not in phone.page_source,
          "the applicant sees only the redacted file")
    phone.save_screenshot(f"{OUT}/track-redacted-phone.png")
    button = phone.find_element(By.XPATH, "//li[contains(., '补贴发放明细（遮盖）.pdf')]//button")
    button.click()
    got = []
    for _ in range(40):
        got = [name for name in os.listdir(downloads) if name.endswith(".pdf")]
        if got:
            break
        time.sleep(0.25)
    check(len(got) == 1, "the applicant downloads the redacted file from /track")
    if got:
        import subprocess
        text = subprocess.run(["pdftotext", "-q", os.path.join(downloads, got[0]), "-"], capture_output=True, text=True).stdout
        check(secret_id not in text and secret_account not in text and "Payee" not in text,
              "the downloaded file's text holds neither the ID number nor the account")
finally:
    phone.quit()

# A citizen complains on a phone and tracks it; the unit sees it with its due date; the office sees
# the demo's stale column among the findings.
phone = browser(390)
try:
    phone.get(BASE + "/complain")
    Select(phone.find_element(By.NAME, "unitCode")).select_by_value("CZJ")
    Select(phone.find_element(By.NAME, "kind")).select_by_value("公开不及时")
    for name, value in {"content": "浏览器测试：财政局采购公告迟迟没有在网站公开。", "complainantName": "浏览器测试投诉人", "phone": "13812345678"}.items():
        phone.find_element(By.NAME, name).send_keys(value)
    click_and_wait(phone, phone.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    strong = phone.find_elements(By.CSS_SELECTOR, "dl.facts dd strong")
    check(len(strong) == 2 and strong[0].text.startswith("TS"), "a citizen complains on a phone and gets 受理编号 and 查询码")
    complaint, complaint_code = strong[0].text, strong[1].text
    track(phone, complaint, complaint_code)
    check("投诉办理情况" in phone.page_source and "13812345678" not in phone.page_source, "tracking a complaint shows its status and due date")
    phone.save_screenshot(f"{OUT}/complaint-track-phone.png")
finally:
    phone.quit()

desk = browser(1200)
try:
    login(desk, "editor")
    desk.get(BASE + "/staff/complaints")
    check(complaint in desk.page_source and "剩余" in desk.page_source, "the unit sees the complaint with its working-day deadline")
    logout(desk)
    login(desk, "office")
    desk.get(BASE + "/staff/supervision")
    check("栏目「财政动态」" in desk.page_source and "动态要闻类栏目 2 周未更新" in desk.page_source, "the office sees the demo's stale column as a finding")
    desk.save_screenshot(f"{OUT}/staff-supervision.png")
finally:
    desk.quit()

# A citizen on a phone finds a power, sees its flowchart drawn (not just present in the markup) and its
# 办事指南; the cleared power is still listed as 取消.
phone = browser(390)
try:
    phone.get(BASE + "/powers?q=" + "施工许可")
    click_and_wait(phone, phone.find_element(By.PARTIAL_LINK_TEXT, "建筑工程施工许可证核发"))
    chart = phone.find_element(By.CSS_SELECTOR, "figure.flowchart svg")
    size = chart.size
    # Headless Chromium keeps a minimum window width, so compare with the page's own width.
    viewport = phone.execute_script("return document.documentElement.clientWidth")
    scale = phone.execute_script("const s = arguments[0]; return s.getBoundingClientRect().width / s.viewBox.baseVal.width", chart)
    page_width = phone.execute_script("return document.documentElement.scrollWidth")
    check(size["height"] > 300 and scale * 12 >= 11.9 and page_width <= viewport,
          f"the flowchart's smallest text is {scale * 12:.1f} px on a phone; it scrolls inside its frame, not the page ({page_width} in {viewport})")
    check(phone.find_element(By.CSS_SELECTOR, ".scroll-hint").is_displayed(), "a hint says the flowchart scrolls sideways")
    boxes = phone.find_elements(By.CSS_SELECTOR, "figure.flowchart svg rect[rx='4'], figure.flowchart svg rect[rx='18']")
    check(len(boxes) == 8 and all(box.size["width"] > 20 for box in boxes), "every step of the flow is drawn as a box")
    check("申请条件" in phone.page_source and "办理地点" in phone.page_source, "the published 办事指南 shows under the flowchart")
    phone.execute_script("arguments[0].scrollIntoView()", chart)
    phone.save_screenshot(f"{OUT}/power-flowchart-phone.png")
    phone.get(BASE + "/powers")
    cards = phone.find_elements(By.CSS_SELECTOR, "table.power-cards tbody tr")
    code_cell = phone.find_element(By.CSS_SELECTOR, "table.power-cards td.code")
    check(cards and cards[0].size["width"] <= viewport and code_cell.size["height"] < 40,
          "the power list reads as cards on a phone, each 编码 on one line")
    phone.save_screenshot(f"{OUT}/powers-phone.png")
    phone.get(BASE + "/powers?unit=CZJ&status=cancelled")
    check("会计从业资格证书核发" in phone.page_source and "取消）" in phone.page_source, "a cleared power stays listed as 取消 with its date")
finally:
    phone.quit()

# A citizen on a phone opens last year's report of the finance bureau: the official table 三 is laid
# out with its merged cells (the 三、本年度办理结果 cell spans the 22 result rows); the office sees who
# filed late.
phone = browser(390)
try:
    phone.get(BASE + "/reports")
    click_and_wait(phone, phone.find_element(By.PARTIAL_LINK_TEXT, "示范县财政局"))
    check("政府信息公开工作年度报告" in phone.title and "（本列数据的勾稽关系为" in phone.page_source, "a published annual report opens from the list")
    results = phone.find_element(By.XPATH, "//th[@rowspan='22']")
    first = phone.find_element(By.XPATH, "//th[contains(., '（一）予以公开')]")
    total = phone.find_element(By.XPATH, "//th[contains(., '（七）总计')]")
    spans = results.location["y"] <= first.location["y"] and results.location["y"] + results.size["height"] >= total.location["y"] + total.size["height"] - 2
    check(results.text == "三、本年度办理结果" and spans, "三、本年度办理结果 spans every result row down to （七）总计")
    phone.execute_script("arguments[0].scrollIntoView()", results)
    phone.save_screenshot(f"{OUT}/annual-report-phone.png")
finally:
    phone.quit()
desk = browser(1280)
try:
    year = time.localtime().tm_year - 1
    desk.get(f"{BASE}/reports/CZJ/{year}/print")
    check(desk.find_elements(By.CSS_SELECTOR, "table.report-table") and "site-header" not in desk.page_source, "the print page is the report alone, for A4")
    desk.save_screenshot(f"{OUT}/annual-report-print.png")
    login(desk, "office")
    desk.get(f"{BASE}/staff/reports?year={year}")
    check("示范县教育局" in desk.page_source and "逾期 5 天" in desk.page_source, "the office sees that the education bureau filed 5 days late")
finally:
    desk.quit()

# Assessment: a citizen on a phone reads last year's 通报 and ranking; the editor sees this year's
# 自评 deadline first and the platform's own counts with the records behind them; the assessor sees
# where the 抽评 differed from the 自评.
phone = browser(390)
try:
    phone.get(BASE + "/assessments")
    click_and_wait(phone, phone.find_element(By.PARTIAL_LINK_TEXT, "政务公开工作考核"))
    check("考核结果的通报" in phone.title and "示范县财政局（94 分）" in phone.page_source, "the 通报 opens on a phone with grades and scores")
    table = phone.find_element(By.CSS_SELECTOR, "table.list")
    viewport = phone.execute_script("return document.documentElement.clientWidth")
    check(table.size["width"] <= viewport, f"the ranking table fits the phone's width ({table.size['width']} in {viewport})")
    phone.save_screenshot(f"{OUT}/assessment-phone.png")
finally:
    phone.quit()
desk = browser(1280)
try:
    login(desk, "editor")
    desk.get(BASE + "/staff/assessments")
    click_and_wait(desk, desk.find_element(By.PARTIAL_LINK_TEXT, f"{time.localtime().tm_year}年度政务公开工作考核"))
    click_and_wait(desk, desk.find_element(By.PARTIAL_LINK_TEXT, "示范县财政局"))
    box = desk.find_element(By.CSS_SELECTOR, ".deadline-box")
    check("自评截止" in box.text and box.location["y"] < desk.find_element(By.CSS_SELECTOR, "table.indicators").location["y"], "the 自评 deadline comes before the indicators")
    check("领导小组会议「" in desk.page_source and desk.find_elements(By.NAME, "fact.1.6"), "the unit sees the records behind each metric and enters the rest")
    desk.save_screenshot(f"{OUT}/assessment-self.png")
    unit_page = desk.current_url
    logout(desk)
    phone = browser(390)
    try:
        login(phone, "editor")
        phone.get(unit_page)
        check("须评分或标记不适用后才能提交和审定" in phone.page_source, "an indicator nobody scored says it blocks submission, on a phone")
        phone.save_screenshot(f"{OUT}/assessment-self-phone.png")
    finally:
        phone.quit()
    login(desk, "assessor")
    year = time.localtime().tm_year - 1
    desk.get(BASE + "/staff/assessments")
    click_and_wait(desk, desk.find_element(By.PARTIAL_LINK_TEXT, f"{year}年度县直部门"))
    click_and_wait(desk, desk.find_element(By.PARTIAL_LINK_TEXT, "示范县财政局"))
    check(len(desk.find_elements(By.CSS_SELECTOR, "tr.differs")) == 3, "the assessor sees the 3 indicators where 抽评 differed from 自评")
finally:
    desk.quit()

# Issue 17: wrong passwords cool this browser off without locking the account; the office sees why.
phone = browser(390)
try:
    for attempt in range(5):
        phone.get(BASE + "/staff/login")
        phone.find_element(By.NAME, "username").send_keys("reviewer")
        phone.find_element(By.NAME, "password").send_keys("wrong-password-" + str(attempt))
        click_and_wait(phone, phone.find_element(By.CSS_SELECTOR, "form button[type=submit]"))
    check("本机登录失败次数过多" in phone.page_source, "the fifth wrong password cools this browser off, with the time to wait")
    phone.save_screenshot(f"{OUT}/login-throttled-phone.png")
finally:
    phone.quit()
desk = browser(1280)
try:
    login(desk, "office")
    desk.get(BASE + "/staff/users/reviewer")
    check("暂停登录" in desk.page_source and "解除暂停" in desk.page_source, "the office sees the cooling-off address and can clear it")
    desk.save_screenshot(f"{OUT}/user-throttle.png")
    click_and_wait(desk, desk.find_element(By.XPATH, "//button[text()='解除暂停']"))
    check("暂停登录" not in desk.page_source or "以下地址" not in desk.page_source, "解除暂停 clears the cool-off")
    logout(desk)
    login(desk, "reviewer")
finally:
    desk.quit()

# Accessibility (GB/T 37668, WCAG 2.1 A/AA rules): axe-core on every kind of portal page, at desktop
# and phone width; the count of violations goes in the issue note.
def axe_violations(driver, label):
    driver.execute_script(AXE_SOURCE)
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
        ".then(r => done(r.violations.map(v => [v.id, v.impact, v.nodes.length, v.nodes[0].target.join(' ')])), e => done([['axe-error', String(e), 0, '']]))")
    for rule, impact, count, target in result:
        print(f"     axe {label}: {rule} ({impact}) × {count}, first at {target}")
    return sum(count for _, _, count, _ in result)


try:
    import axe_core_python
    AXE_SOURCE = open(os.path.join(os.path.dirname(axe_core_python.__file__), "axe.min.js"), encoding="utf-8").read()
except ImportError:
    AXE_SOURCE = None
check(AXE_SOURCE is not None, "axe-core is installed for the accessibility check")
if AXE_SOURCE:
    pages = ["/", "/catalog", "/catalog/statutory", "/search?q=%E9%A2%84%E7%AE%97", "/search?q=%E6%97%A0%E6%AD%A4%E8%AF%8D%E8%AF%AD",
             "/apply", "/track", "/complain", "/ask", "/guide", "/sitemap", "/powers", "/reports", "/assessments", "/subscribe"]
    total = 0
    for width in (1366, 390):
        driver = browser(width)
        try:
            driver.get(BASE + "/catalog")
            documents = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "ol.doc-list li > a")][:1]
            driver.get(BASE + "/powers")
            powers = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "table.power-cards td.name a")][:1]
            driver.get(BASE + "/reports")
            reports = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "main a[href^='/reports/']")][:1]
            driver.get(BASE + "/assessments")
            results = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "main a[href^='/assessments/']")][:1]
            for url in [BASE + p for p in pages] + documents + powers + reports + results:
                driver.get(url)
                total += axe_violations(driver, f"{width}px {url.replace(BASE, '')}")
            # The application form after a post with every field missing: the error summary and the
            # field messages are checked too.
            driver.get(BASE + "/apply")
            click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
            total += axe_violations(driver, f"{width}px /apply with errors")
            driver.get(BASE + "/mode/elder")
            driver.get(BASE + "/")
            total += axe_violations(driver, f"{width}px / in 长者模式")
            driver.get(BASE + "/mode/standard")
        finally:
            driver.quit()
    print(f"     axe-core: {total} violations over {len(pages) + 6} portal pages at two widths")
    check(total == 0, f"axe-core finds no WCAG 2.1 A/AA violations on the portal pages ({total})")

print(f"{'FAILED' if failures else 'passed'}: screenshots in {OUT}")
sys.exit(1 if failures else 0)
