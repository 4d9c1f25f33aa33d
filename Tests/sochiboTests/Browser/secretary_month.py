#!/usr/bin/env python3
"""A cell secretary's month in a real browser: Debian's chromium, headless, driven by Selenium
through Debian's chromedriver, against a running `sochibo serve`.

Logs in, opens the cell's page, files a month's minutes by ticking attendance (one member
excused with a reason), saves, approves (ticking the warnings box when shown), writes the
resolution from the meeting, issues it and reads its number, finds it by a search typed
without diacritics, and opens its print page. Every step checks what a person sees on the
screen; the first step that fails stops the script with exit status 1, a sentence naming the
step, the page's address and text, and a screenshot `failure.png`.

Usage: secretary_month.py --base http://127.0.0.1:PORT --user NAME --password PASSWORD
                          --cell CELL_ID --date YYYY-MM-DD --shots DIR
Prints `RESULT symbol=… meeting=… resolution=…` on success.
"""

import argparse
import base64
import datetime
import os
import re
import signal
import sys
import tempfile
import traceback

try:
    from selenium import webdriver
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import Select, WebDriverWait
except ImportError:
    print("selenium (PyPI) is missing: run .ci/install", file=sys.stderr)
    sys.exit(2)

# A word of the resolution, searched for without its marks. Rare enough in the sample that a
# result naming it is ours.
TASK_TEXT = "Vận động các hộ trồng mắc ca trên đồi Nà Pàn, mỗi hộ ít nhất 20 cây"
SEARCH_TYPED = "mac ca"
EXCUSED_REASON = "Đưa con đi khám ở bệnh viện huyện"


class StepFailed(Exception):
    pass


class Secretary:
    def __init__(self, args):
        self.args = args
        self.base = args.base.rstrip("/")
        self.shots = args.shots
        self.step = "starting the browser"
        self.passed = []
        os.makedirs(self.shots, exist_ok=True)
        options = webdriver.ChromeOptions()
        options.binary_location = "/usr/bin/chromium"
        self.profile = tempfile.mkdtemp(prefix="sochibo-browser-")
        for argument in [
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--window-size=1024,900",
            "--lang=vi-VN",
            "--user-data-dir=" + self.profile,
        ]:
            options.add_argument(argument)
        options.add_experimental_option("prefs", {"intl.accept_languages": "vi-VN,vi"})
        self.driver = webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))
        self.driver.set_page_load_timeout(30)
        self.driver.implicitly_wait(0)

    # What a person sees.

    def text(self):
        return self.driver.find_element(By.TAG_NAME, "body").text

    def heading(self):
        found = self.driver.find_elements(By.TAG_NAME, "h1")
        return found[0].text if found else ""

    def sees(self, *phrases):
        shown = self.text()
        for phrase in phrases:
            if phrase not in shown:
                raise StepFailed(f"the page does not show “{phrase}”")
        return shown

    def sees_none(self, *phrases):
        shown = self.text()
        for phrase in phrases:
            if phrase in shown:
                raise StepFailed(f"the page shows “{phrase}”")

    def no_problem_box(self):
        problems = self.driver.find_elements(By.CSS_SELECTOR, ".problem, .field-problem")
        shown = [p.text for p in problems if p.is_displayed() and p.text.strip()]
        if shown:
            raise StepFailed("the page shows a problem: " + " | ".join(shown))

    def shot(self, name):
        """The whole page (beyond the window) as NAME.png in the shots folder; a long page as
        NAME-1.png, NAME-2.png… of at most 1,600 px each, so that each can be looked at."""
        try:
            metrics = self.driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
            size = metrics.get("cssContentSize") or metrics["contentSize"]
            width, height = size["width"], size["height"]
            parts = max(1, -(-int(height) // 1600))
            for part in range(parts):
                top = part * 1600
                image = self.driver.execute_cdp_cmd(
                    "Page.captureScreenshot",
                    {
                        "format": "png",
                        "captureBeyondViewport": True,
                        "clip": {"x": 0, "y": top, "width": width, "height": min(1600, height - top), "scale": 1},
                    },
                )
                suffix = "" if parts == 1 else f"-{part + 1}"
                with open(os.path.join(self.shots, name + suffix + ".png"), "wb") as file:
                    file.write(base64.b64decode(image["data"]))
        except WebDriverException:
            self.driver.save_screenshot(os.path.join(self.shots, name + ".png"))

    def navigate_by(self, element):
        """Clicks `element` and waits (at most 30 s) for the next page to replace this one: a
        form's submission may return from the click before the browser has left the page."""
        page = self.driver.find_element(By.TAG_NAME, "html")
        element.click()

        def left(driver):
            # Selenium's staleness_of lets through chromedriver's other word for a node that
            # has gone ("Node with given id does not belong to the document"): both mean the
            # browser has left the page.
            try:
                page.is_enabled()
                return False
            except WebDriverException:
                return True

        WebDriverWait(self.driver, 30).until(left)
        WebDriverWait(self.driver, 30).until(
            lambda driver: driver.execute_script("return document.readyState") == "complete"
        )

    def click_button(self, text, within=None):
        scope = within or self.driver
        for button in scope.find_elements(By.CSS_SELECTOR, "button, a.button"):
            if button.text.strip() == text and button.is_displayed():
                self.navigate_by(button)
                return
        raise StepFailed(f"no button “{text}” on the page")

    def click_link(self, text):
        links = [a for a in self.driver.find_elements(By.LINK_TEXT, text) if a.is_displayed()]
        if not links:
            raise StepFailed(f"no link “{text}” on the page")
        self.navigate_by(links[0])

    def type_into(self, element_id, text, clear=True):
        field = self.driver.find_element(By.ID, element_id)
        if clear:
            field.clear()
        field.send_keys(text)
        return field

    def type_date(self, element_id, iso):
        """Types a date as a person does in the browser's date field (day, month, year in the
        order the browser's language shows them), and checks that the field took it."""
        field = self.driver.find_element(By.ID, element_id)
        day = datetime.date.fromisoformat(iso)
        if field.get_attribute("type") != "date":
            field.clear()
            field.send_keys(day.strftime("%d/%m/%Y"))
            return
        # Vietnamese Chrome shows dd/mm/yyyy; headless Chromium keeps mm/dd/yyyy whatever --lang.
        for order in ("%d%m%Y", "%m%d%Y"):
            field.clear()
            field.send_keys(day.strftime(order))
            if field.get_attribute("value") == iso:
                return
        raise StepFailed(f"the date field did not take {iso}: it holds “{field.get_attribute('value')}”")

    def run(self, name, action):
        self.step = name
        action()
        self.passed.append(name)
        print(f"ok {len(self.passed)}: {name}", flush=True)

    # The month.

    def log_in(self):
        self.driver.get(self.base + "/dang-nhap")
        if self.heading() != "Đăng nhập":
            raise StepFailed(f"the login page's heading is “{self.heading()}”")
        self.type_into("username", self.args.user)
        self.type_into("password", self.args.password)
        self.shot("01-dang-nhap")
        self.click_button("Đăng nhập")
        self.sees("Đăng xuất", self.args.user)
        self.no_problem_box()
        self.shot("02-trang-dau")

    def open_cell(self):
        # From the home page, as a person does: the link to the cell.
        links = [
            a
            for a in self.driver.find_elements(By.CSS_SELECTOR, "main a")
            if (a.get_attribute("href") or "").rstrip("/").endswith("/chi-bo/" + self.args.cell)
        ]
        if links:
            self.navigate_by(links[0])
        else:
            self.driver.get(self.base + "/chi-bo/" + self.args.cell)
        if not self.heading().startswith("Chi bộ"):
            raise StepFailed(f"the cell page's heading is “{self.heading()}”")
        self.sees("Sinh hoạt thường kỳ từng tháng", "Lập biên bản")
        self.cell_name = self.heading().split(" · ")[0]
        self.shot("03-chi-bo")

    def file_minutes(self):
        self.click_link("Lập biên bản")
        if self.heading() != "Lập biên bản sinh hoạt":
            raise StepFailed(f"the filing page's heading is “{self.heading()}”")
        Select(self.driver.find_element(By.ID, "kind")).select_by_value("regular")
        self.type_date("date", self.args.date)
        self.click_button("Lấy danh sách ngày này")
        day = datetime.date.fromisoformat(self.args.date)
        self.sees(f"đảng viên của chi bộ ngày {day.strftime('%d/%m/%Y')}")
        self.no_problem_box()
        if self.driver.find_element(By.ID, "date").get_attribute("value") != self.args.date:
            raise StepFailed("the date typed was lost when the list was fetched")
        self.type_into("start", "19h30")
        self.type_into("end", "21 giờ 15")
        self.type_into("place", "Nhà văn hóa bản Nà Pàn")
        rows = self.driver.find_elements(By.CSS_SELECTOR, "ul.attendance > li")
        if len(rows) < 3:
            raise StepFailed(f"the attendance list has {len(rows)} rows")
        # Everyone present but the last member of the list who is not exempt, excused with a reason.
        # Exempt members are left as the page marks them (they did not come).
        names = []
        excused_row = None
        attending = []
        for row in rows:
            marks = row.find_elements(By.CSS_SELECTOR, ".mark")
            if marks and "miễn sinh hoạt" in marks[0].text:
                continue
            names.append(row.find_element(By.CSS_SELECTOR, ".who strong").text)
            attending.append(row)
            excused_row = row
        for row in attending:
            if row is excused_row:
                continue
            row.find_element(By.CSS_SELECTOR, "input[type=radio][value=present]").click()
            if row.find_element(By.CSS_SELECTOR, ".reason input").is_displayed():
                raise StepFailed("a member ticked present is still asked for a reason of absence")
        excused_row.find_element(By.CSS_SELECTOR, "input[type=radio][value=excused]").click()
        reason = excused_row.find_element(By.CSS_SELECTOR, ".reason input")
        if not reason.is_displayed():
            raise StepFailed("choosing “Vắng có lý do” does not show the field for the reason")
        reason.clear()
        reason.send_keys(EXCUSED_REASON)
        self.excused_name = excused_row.find_element(By.CSS_SELECTOR, ".who strong").text
        present = [n for n in names if n != self.excused_name]
        self.chair_name, self.recorder_name = present[0], present[1]
        Select(self.driver.find_element(By.ID, "chair")).select_by_visible_text(self.chair_name)
        Select(self.driver.find_element(By.ID, "recorder")).select_by_visible_text(self.recorder_name)
        self.type_into(
            "agenda",
            "Kiểm điểm việc thực hiện nghị quyết tháng trước\nBàn kế hoạch trồng cây mắc ca trên đồi",
        )
        self.type_into(
            "proceedings",
            f"Đồng chí {self.chair_name} báo cáo tình hình tháng qua: các hộ đã làm xong đường nội đồng.\n\n"
            "Các đảng viên thảo luận việc trồng cây mắc ca, thống nhất vận động mỗi hộ trồng ít nhất 20 cây.",
        )
        self.type_into(
            "conclusion",
            "Chi bộ thống nhất vận động nhân dân trồng cây mắc ca trên đồi; các đồng chí đảng viên gương mẫu đi đầu.",
        )
        self.shot("04-lap-bien-ban")
        self.click_button("Lưu dự thảo")
        self.no_problem_box()
        self.sees("Đã lưu dự thảo biên bản", self.excused_name, EXCUSED_REASON, self.chair_name)
        match = re.search(r"/ban-ghi/([^/?#]+)", self.driver.current_url)
        if not match:
            raise StepFailed(f"saving did not open the record page ({self.driver.current_url})")
        self.meeting_id = match.group(1)
        self.shot("05-du-thao-bien-ban")

    def approve(self):
        boxes = self.driver.find_elements(By.CSS_SELECTOR, "form input[name=confirm][type=checkbox]")
        approve_form = None
        for form in self.driver.find_elements(By.CSS_SELECTOR, "section.actions form"):
            if (form.get_attribute("action") or "").endswith("/thong-qua"):
                approve_form = form
        if approve_form is None:
            raise StepFailed("the record page has no “Thông qua biên bản” form")
        warnings = approve_form.find_elements(By.CSS_SELECTOR, ".warnings li")
        self.warnings = [w.text for w in warnings]
        boxes = approve_form.find_elements(By.CSS_SELECTOR, "input[name=confirm]")
        if boxes:
            boxes[0].click()
        self.click_button("Thông qua biên bản", within=approve_form)
        self.sees("Đã thông qua biên bản; biên bản đã được khóa.")
        self.sees_none("Sửa dự thảo")
        self.shot("06-da-thong-qua")

    def write_resolution(self):
        self.click_link("Soạn nghị quyết")
        if self.heading() != "Soạn nghị quyết":
            raise StepFailed(f"the resolution page's heading is “{self.heading()}”")
        body = self.driver.find_element(By.ID, "body")
        if "mắc ca" not in body.get_attribute("value"):
            raise StepFailed("the resolution's text does not start from the meeting's conclusion")
        if not self.driver.find_element(By.ID, "title").get_attribute("value").strip():
            self.type_into("title", "Nghị quyết chi bộ tháng " + datetime.date.fromisoformat(self.args.date).strftime("%m/%Y"))
        task = self.driver.find_element(By.ID, "task-0")
        if not task.get_attribute("value").strip():
            task.send_keys(TASK_TEXT)
        Select(self.driver.find_element(By.ID, "task-who-0")).select_by_visible_text(self.chair_name)
        due = datetime.date.fromisoformat(self.args.date) + datetime.timedelta(days=60)
        self.type_date("task-due-0", due.isoformat())
        signer = Select(self.driver.find_element(By.ID, "signer"))
        if not signer.first_selected_option.get_attribute("value"):
            signer.select_by_index(1)
        self.shot("07-soan-nghi-quyet")
        self.click_button("Lưu dự thảo nghị quyết")
        self.no_problem_box()
        self.sees("Đã lưu dự thảo. Bấm “Ban hành” để cấp số và khóa văn bản.", "mắc ca")
        match = re.search(r"/ban-ghi/([^/?#]+)", self.driver.current_url)
        if not match or match.group(1) == self.meeting_id:
            raise StepFailed(f"saving did not open the resolution's page ({self.driver.current_url})")
        self.resolution_id = match.group(1)

    def issue(self):
        self.click_button("Ban hành")
        shown = self.sees("Đã ban hành nghị quyết số ")
        match = re.search(r"Đã ban hành nghị quyết số (\d{2,}-NQ/[^\s.]+)\.", shown)
        if not match:
            raise StepFailed("the notice does not give the resolution's number as NN-NQ/…")
        self.symbol = match.group(1)
        self.sees_none("Ban hành cấp số tiếp theo")
        self.shot("08-da-ban-hanh")

    def search(self):
        self.click_link("Tìm kiếm")
        if self.heading() != "Tìm kiếm":
            raise StepFailed(f"the search page's heading is “{self.heading()}”")
        self.type_into("q", SEARCH_TYPED)
        self.click_button("Tìm")
        count = self.driver.find_element(By.CSS_SELECTOR, ".count").text
        if not re.search(r"\d", count):
            raise StepFailed(f"the search gives no count: “{count}”")
        found = [
            item
            for item in self.driver.find_elements(By.CSS_SELECTOR, "ol.results > li")
            if (item.find_element(By.TAG_NAME, "a").get_attribute("href") or "").endswith("/ban-ghi/" + self.resolution_id)
        ]
        if not found:
            raise StepFailed(f"the search for “{SEARCH_TYPED}” does not list the resolution ({count})")
        marked = [m.text.lower() for m in found[0].find_elements(By.TAG_NAME, "mark")]
        if not any(word in ("mắc", "ca", "mắc ca") for word in marked):
            raise StepFailed(f"the result does not highlight the words found: {marked}")
        self.shot("09-tim-kiem")
        self.navigate_by(found[0].find_element(By.TAG_NAME, "a"))
        self.sees(self.symbol)

    def print_page(self):
        self.click_link("Xem bản in (khổ A4)")
        if not self.driver.current_url.endswith("/ban-ghi/" + self.resolution_id + "/in"):
            raise StepFailed(f"the print link opened {self.driver.current_url}")
        shown = self.sees("ĐẢNG CỘNG SẢN VIỆT NAM", "NGHỊ QUYẾT", self.symbol)
        if "mắc ca" not in shown:
            raise StepFailed("the print page does not show the resolution's text")
        self.shot("10-ban-in")
        pdf = self.driver.execute_cdp_cmd(
            "Page.printToPDF", {"paperWidth": 8.27, "paperHeight": 11.69, "preferCSSPageSize": True}
        )
        with open(os.path.join(self.shots, "10-ban-in.pdf"), "wb") as file:
            file.write(base64.b64decode(pdf["data"]))

    def phone(self):
        """The cell's page, the filing form and the search on a phone's screen (360 css px wide,
        emulated: a headless window cannot be narrower than 500 px): nothing may stick out."""
        self.driver.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride", {"width": 360, "height": 780, "deviceScaleFactor": 1, "mobile": True}
        )
        try:
            for number, path in [
                ("11", "/chi-bo/" + self.args.cell),
                ("12", "/chi-bo/" + self.args.cell + "/lap-bien-ban"),
                ("13", "/tim-kiem?q=" + SEARCH_TYPED.replace(" ", "+")),
            ]:
                self.driver.get(self.base + path)
                beyond = self.driver.execute_script(
                    """const width = document.documentElement.clientWidth;
                    return [...document.querySelectorAll('body *')]
                        .filter(e => e.getBoundingClientRect().right > width + 1)
                        .slice(0, 3).map(e => e.tagName.toLowerCase() + '.' + e.className);"""
                )
                self.shot(number + "-dien-thoai" + path.replace("/", "-").split("?")[0])
                if beyond:
                    raise StepFailed(f"on a phone {path} sticks out on the right: {beyond}")
        finally:
            self.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def main():
    # SIGTERM (the test's time limit) ends the script through its `finally`, closing the browser.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(124))
    parser = argparse.ArgumentParser()
    for name in ("base", "user", "password", "cell", "date", "shots"):
        parser.add_argument("--" + name, required=True)
    args = parser.parse_args()
    try:
        person = Secretary(args)
    except WebDriverException as error:
        print(f"FAILED: chromium or chromedriver does not start ({error.msg}); run .ci/install", file=sys.stderr)
        return 1
    try:
        person.run("log in at /dang-nhap", person.log_in)
        person.run("open the cell's page", person.open_cell)
        person.run("file the month's minutes", person.file_minutes)
        person.run("approve the minutes", person.approve)
        person.run("write the resolution from the meeting", person.write_resolution)
        person.run("issue the resolution", person.issue)
        person.run(f"find it by “{SEARCH_TYPED}” typed without marks", person.search)
        person.run("open its print page", person.print_page)
        person.run("read the pages on a phone's screen", person.phone)
    except Exception as error:  # noqa: BLE001: every failure is reported the same way
        detail = str(error) if isinstance(error, StepFailed) else traceback.format_exc()
        print(f"FAILED at step “{person.step}”: {detail}", file=sys.stderr, flush=True)
        try:
            print(f"page: {person.driver.current_url}\n{person.text()[:3000]}", file=sys.stderr)
            person.shot("failure")
        except Exception:  # noqa: BLE001
            pass
        return 1
    finally:
        person.driver.quit()
    print(f"warnings shown before approval: {person.warnings}")
    print(f"RESULT symbol={person.symbol} meeting={person.meeting_id} resolution={person.resolution_id}")
    print(f"{len(person.passed)} passed, 0 failed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
