#!/usr/bin/env python3
"""Journeys driven in headless Chromium; called by scripts/browser-test with BASE_URL OUT_DIR."""
import sys
import time
import shutil
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

BASE, OUT = sys.argv[1], sys.argv[2]
PASSWORD = "Shifan2026county"
failures = []


def check(condition, message):
    print(("ok   " if condition else "FAIL ") + message)
    if not condition:
        failures.append(message)


def browser(width):
    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", f"--window-size={width},1400", "--lang=zh-CN"):
        options.add_argument(flag)
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

# A citizen applies on a phone and tracks the request; the clerk confirms it and sees the clock.
phone = browser(390)
try:
    phone.get(BASE + "/apply")
    Select(phone.find_element(By.NAME, "unitCode")).select_by_value("CZJ")
    fields = {"applicantName": "浏览器测试申请人", "idNumber": "11010519491231002X", "phone": "13812345678",
              "address": "示范县人民路1号", "infoTitle": "浏览器测试：2026年部门预算"}
    for name, value in fields.items():
        phone.find_element(By.NAME, name).send_keys(value)
    click_and_wait(phone, phone.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    strong = phone.find_elements(By.CSS_SELECTOR, "dl.facts dd strong")
    check(len(strong) == 2 and strong[0].text.startswith("YSQ"), "a citizen applies on a phone and gets 受理编号 and 查询码")
    reference, code = strong[0].text, strong[1].text
    phone.save_screenshot(f"{OUT}/applied-phone.png")
    # Post/redirect/get: refreshing the receipt shows the same case again and files nothing new.
    check("/apply/receipt?form=" in phone.current_url, "the receipt is a page of its own after a redirect")
    phone.refresh()
    again = phone.find_elements(By.CSS_SELECTOR, "dl.facts dd strong")
    check(len(again) == 2 and again[0].text == reference and again[1].text == code, "refreshing the receipt shows the same 受理编号, no second case")
    phone.get(BASE + "/track")
    phone.find_element(By.NAME, "reference").send_keys(reference)
    phone.find_element(By.NAME, "queryCode").send_keys(code)
    click_and_wait(phone, phone.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    check("待确认" in phone.page_source and "11010519491231002X" not in phone.page_source, "tracking shows the status, never the 身份证号")
finally:
    phone.quit()

desk = browser(1200)
try:
    login(desk, "editor")
    desk.get(BASE + "/staff/requests")
    desk.find_element(By.LINK_TEXT, reference).click()
    desk.find_element(By.XPATH, "//summary[text()='确认收到申请']").click()
    click_and_wait(desk, desk.find_element(By.XPATH, "//form[contains(@action,'/actions/confirm')]//button"))
    check("期限计算明细" in desk.page_source and "剩余 20 个工作日" in desk.page_source,
          "the clerk confirms receipt and sees the due date with its explanation")
    desk.save_screenshot(f"{OUT}/staff-request.png")
finally:
    desk.quit()

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
    phone.get(BASE + "/track")
    phone.find_element(By.NAME, "reference").send_keys(complaint)
    phone.find_element(By.NAME, "queryCode").send_keys(complaint_code)
    click_and_wait(phone, phone.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
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
    check(size["width"] > 300 and size["width"] <= viewport and size["height"] > 300, f"the flowchart renders and fits the phone's width ({size['width']}×{size['height']} in {viewport})")
    boxes = phone.find_elements(By.CSS_SELECTOR, "figure.flowchart svg rect[rx='4'], figure.flowchart svg rect[rx='18']")
    check(len(boxes) == 8 and all(box.size["width"] > 20 for box in boxes), "every step of the flow is drawn as a box")
    check("申请条件" in phone.page_source and "办理地点" in phone.page_source, "the published 办事指南 shows under the flowchart")
    phone.execute_script("arguments[0].scrollIntoView()", chart)
    phone.save_screenshot(f"{OUT}/power-flowchart-phone.png")
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

print(f"{'FAILED' if failures else 'passed'}: screenshots in {OUT}")
sys.exit(1 if failures else 0)
