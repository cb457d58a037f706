"""Journeys through Kokon's pages in headless Chromium, with an axe-core check of every page
reached and a screenshot of each journey's last page.

Usage: python3 Tests/Browser/journeys.py BASE_URL EMAIL PASSWORD SCREENSHOT_FOLDER CASEWORKER_EMAIL CASEWORKER_PASSWORD TENANT \
    ANALYST_EMAIL METHODOLOGIST_EMAIL NETWORK_PASSWORD UPGRADE_COORDINATOR_EMAIL

EMAIL and PASSWORD are a coordinator's; the caseworker works in TENANT, which has a household
H-1 that is not assigned to them. The analyst and the methodologist share NETWORK_PASSWORD;
the municipalities running the Toruń model have published their figures. The upgrade
coordinator (same password) coordinates Warszawa, whose dropped component the newer Praski
Kokon makes core. Exits non-zero, saying what failed, if any journey
breaks or any page has a serious or critical accessibility violation.
"""
import base64
import os
import re
import sys

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.print_page_options import PrintOptions
from selenium.webdriver.support.ui import Select
from selenium.webdriver.support.ui import WebDriverWait

BASE, EMAIL, PASSWORD, SHOTS = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3], sys.argv[4]
CASEWORKER, CASEWORKER_PASSWORD, TENANT = sys.argv[5], sys.argv[6], sys.argv[7]
ANALYST, METHODOLOGIST, NETWORK_PASSWORD, UPGRADER = sys.argv[8], sys.argv[9], sys.argv[10], sys.argv[11]
MODELS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "models")
os.makedirs(SHOTS, exist_ok=True)
problems = []


def browser(width=1280, height=900):
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", f"--window-size={width},{height}"):
        options.add_argument(argument)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def check_accessibility(driver, name):
    axe = Axe(driver)
    axe.inject()
    results = axe.run()
    serious = [v for v in results["violations"] if v["impact"] in ("serious", "critical")]
    for violation in serious:
        problems.append(f"{name}: axe {violation['impact']} {violation['id']}: {violation['help']} ({len(violation['nodes'])} elements)")
    # Nothing is loaded from anywhere else.
    for url in driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)"):
        if not url.startswith(BASE):
            problems.append(f"{name}: loads {url} from elsewhere")


def wait_for(driver, text, seconds=10):
    """Waits until the page shows `text`; False if it never does."""
    try:
        WebDriverWait(driver, seconds).until(lambda d: text in d.page_source)
        return True
    except Exception:
        return False


def expect(condition, message):
    if not condition:
        problems.append(message)


def sign_in(driver, email, password):
    driver.get(BASE + "/sign-in")
    driver.find_element(By.ID, "email").send_keys(email)
    driver.find_element(By.ID, "password").send_keys(password)
    driver.find_element(By.CSS_SELECTOR, "form[action='/sign-in'] button[type=submit]").click()


def journey_sign_in_and_out():
    driver = browser()
    try:
        driver.get(BASE + "/")
        expect(driver.current_url.endswith("/sign-in"), f"an anonymous visit to / should land on the sign-in page, not {driver.current_url}")
        check_accessibility(driver, "sign-in page")
        expect(driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "pl", "pages should be in Polish (lang=pl)")
        sign_in(driver, EMAIL, "not the password at all")
        wait_for(driver, "role=\"alert\"")
        error = driver.find_element(By.CSS_SELECTOR, "[role=alert]").text
        expect("Nieprawidłowy adres e-mail lub hasło" in error, f"a wrong password should say so in Polish, said: {error!r}")
        expect(driver.find_element(By.ID, "email").get_attribute("value") == EMAIL, "the e-mail typed should be kept after a refusal")
        check_accessibility(driver, "sign-in page with an error")
        sign_in(driver, EMAIL, PASSWORD)
        expect(wait_for(driver, "Twoje role"), "after signing in the start page should open")
        expect("koordynator" in driver.page_source, "the start page should name the account's role")
        check_accessibility(driver, "start page")
        driver.save_screenshot(os.path.join(SHOTS, "start-page.png"))
        driver.get(BASE + "/no-such-page")
        expect("Nie znaleziono" in driver.page_source, "an unknown address should get a Polish not-found page")
        check_accessibility(driver, "not-found page")
        driver.get(BASE + "/")
        driver.find_element(By.CSS_SELECTOR, "form[action='/sign-out'] button").click()
        expect(wait_for(driver, "Logowanie do Kokonu"), "signing out should return to the sign-in page")
        driver.get(BASE + "/")
        expect(driver.current_url.endswith("/sign-in"), "after signing out the start page should need signing in again")
        driver.save_screenshot(os.path.join(SHOTS, "signed-out.png"))
    finally:
        driver.quit()


def journey_forged_form():
    """A form sent without its CSRF token changes nothing: here, signing out."""
    driver = browser()
    try:
        sign_in(driver, EMAIL, PASSWORD)
        wait_for(driver, "Twoje role")
        driver.execute_script("document.querySelector(\"form[action='/sign-out'] input[name=csrf_token]\").remove()")
        driver.find_element(By.CSS_SELECTOR, "form[action='/sign-out'] button").click()
        expect(wait_for(driver, "Formularz wygasł"), "a form without its token should be refused with an explanation")
        check_accessibility(driver, "refused form page")
        driver.save_screenshot(os.path.join(SHOTS, "forged-form.png"))
        driver.get(BASE + "/")
        expect(driver.find_element(By.TAG_NAME, "h1").text == "Kokon", "the refused sign-out should have left the session signed in")
    finally:
        driver.quit()


def journey_phone():
    """A family assistant's phone: the sign-in form and the casework forms fit without
    scrolling sideways (wide tables scroll inside their own box)."""
    driver = browser(width=360, height=740)
    try:
        def overflow():
            return driver.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")

        driver.get(BASE + "/sign-in")
        expect(overflow() <= 0, f"the sign-in page scrolls sideways by {overflow()}px on a 360px screen")
        driver.save_screenshot(os.path.join(SHOTS, "sign-in-phone.png"))
        sign_in(driver, CASEWORKER, CASEWORKER_PASSWORD)
        wait_for(driver, "Twoje role")
        for path in (f"/m/{TENANT}/households", f"/m/{TENANT}/households/new"):
            driver.get(BASE + path)
            expect(overflow() <= 0, f"{path} scrolls sideways by {overflow()}px on a 360px screen")
        driver.save_screenshot(os.path.join(SHOTS, "household-form-phone.png"))
    finally:
        driver.quit()


def open_as_coordinator(driver, link):
    """Signs the coordinator in and follows a link of the municipality's menu, as a user would."""
    sign_in(driver, EMAIL, PASSWORD)
    wait_for(driver, "Twoje role")
    driver.find_element(By.PARTIAL_LINK_TEXT, "gospodarstwa domowe").click()
    wait_for(driver, "Gospodarstwa domowe")
    driver.find_element(By.LINK_TEXT, link).click()


def main_text(driver):
    """The text of the page's main element, read again if the page was replaced meanwhile
    (a form's redirect can land just after the text it waited for appeared)."""
    from selenium.common.exceptions import StaleElementReferenceException

    for _ in range(10):
        try:
            return driver.find_element(By.TAG_NAME, "main").text
        except StaleElementReferenceException:
            import time

            time.sleep(0.3)
    return driver.find_element(By.TAG_NAME, "main").text


def fill(driver, field_id, value):
    element = driver.find_element(By.ID, field_id)
    if element.tag_name == "select":
        from selenium.webdriver.support.ui import Select

        select = Select(element)
        if value is None:
            select.select_by_index(len(select.options) - 1)
        else:
            select.select_by_value(value)
    elif element.get_attribute("type") == "date":
        # Date inputs are typed in the browser's own locale; set the ISO value the form sends.
        driver.execute_script("arguments[0].value = arguments[1]", element, value)
    else:
        element.clear()
        element.send_keys(value)


def submit(driver, action):
    driver.find_element(By.CSS_SELECTOR, f"form[action^='{action}'] button[type=submit]").click()


def journey_casework():
    """A caseworker registers a household with two persons, enrols it, records a session with
    attendance, adds a plan, and sees all of it on the household's page; a bad value is refused beside its
    field with what was typed kept."""
    import random

    code = f"H-CI-{random.randint(1000, 9999)}"
    driver = browser()
    try:
        sign_in(driver, CASEWORKER, CASEWORKER_PASSWORD)
        wait_for(driver, "Twoje role")
        driver.find_element(By.PARTIAL_LINK_TEXT, "gospodarstwa domowe").click()
        wait_for(driver, "Moje gospodarstwa domowe")
        check_accessibility(driver, "my households")
        driver.find_element(By.LINK_TEXT, "Zarejestruj gospodarstwo").click()
        wait_for(driver, "Nowe gospodarstwo domowe")
        check_accessibility(driver, "new household form")
        fill(driver, "code", code)
        fill(driver, "area", None)
        fill(driver, "size", "31")
        submit(driver, f"/m/{TENANT}/households")
        expect(wait_for(driver, "Nie zapisano gospodarstwa"), "a household of 31 persons should be refused")
        expect(driver.find_element(By.ID, "code").get_attribute("value") == code, "the code typed should be kept after a refusal")
        expect("Liczba osób" in driver.find_element(By.ID, "size-error").text, "the size problem should be shown beside the size field")
        check_accessibility(driver, "new household form with an error")
        driver.save_screenshot(os.path.join(SHOTS, "household-refused.png"))
        fill(driver, "size", "3")
        submit(driver, f"/m/{TENANT}/households")
        expect(wait_for(driver, "Zarejestrowano gospodarstwo."), "the household should be registered")
        for person, year, relation in ((f"{code}-A", "1988", "head"), (f"{code}-B", "2015", "child")):
            fill(driver, "person-code", person)
            fill(driver, "birth_year", year)
            fill(driver, "relation", relation)
            submit(driver, f"/m/{TENANT}/households/{code}/persons")
            expect(wait_for(driver, "Dodano osobę."), f"person {person} should be added")
        fill(driver, "enrolment_target", None)
        fill(driver, "start", "2025-03-01")
        submit(driver, f"/m/{TENANT}/households/{code}/enrolments")
        if not wait_for(driver, "Przyjęto do programu.", seconds=5):
            problems.append("enrolment was refused: " + driver.find_element(By.TAG_NAME, "main").text[:500])
        fill(driver, "session_activity", None)
        fill(driver, "date", "2025-03-10")
        fill(driver, "minutes", "90")
        fill(driver, f"attendance-{code}-B", "excused")
        submit(driver, f"/m/{TENANT}/households/{code}/sessions")
        if not wait_for(driver, "Zapisano spotkanie i obecność.", seconds=5):
            problems.append("the session was refused: " + driver.find_element(By.TAG_NAME, "main").text[:800])
        fill(driver, "plan_kind", None)
        fill(driver, "plan_for", f"{code}-B")
        fill(driver, "drawn_up", "2025-03-05")
        fill(driver, "domain", "edukacja")
        submit(driver, f"/m/{TENANT}/households/{code}/plans")
        if not wait_for(driver, "Dodano plan.", seconds=5):
            problems.append("the plan was refused: " + driver.find_element(By.TAG_NAME, "main").text[:800])
        page = main_text(driver)
        for seen in (f"{code}-A", f"{code}-B", "10.03.2025", "nieobecna, usprawiedliwiona", "01.03.2025", "Cel 1: edukacja"):
            expect(seen in page, f"the household page should show {seen}")
        check_accessibility(driver, "household page")
        driver.save_screenshot(os.path.join(SHOTS, "household.png"))
        # Another caseworker's household, its address typed by hand: a plain refusal.
        driver.get(f"{BASE}/m/{TENANT}/households/H-1")
        expect("Nie znaleziono" in driver.page_source and "mokre" not in driver.page_source, "another caseworker's household should not open")
        check_accessibility(driver, "refused household")
        driver.save_screenshot(os.path.join(SHOTS, "household-refused-to-caseworker.png"))
    finally:
        driver.quit()


def journey_import():
    """A coordinator imports a CSV file with one bad row, sees the row and its reason, fixes
    it, checks again and imports."""
    import random
    import tempfile

    prefix = f"H-IMP-{random.randint(1000, 9999)}"
    folder = tempfile.mkdtemp()
    bad = os.path.join(folder, "gospodarstwa.csv")
    good = os.path.join(folder, "gospodarstwa-poprawione.csv")
    with open(bad, "w", encoding="utf-8") as f:
        f.write(f"code,area,size\n{prefix}-1,mokre,3\n{prefix}-2,atlantyda,2\n")
    with open(good, "w", encoding="utf-8") as f:
        f.write(f"code,area,size\n{prefix}-1,mokre,3\n{prefix}-2,podgorz,2\n")
    driver = browser()
    try:
        sign_in(driver, EMAIL, PASSWORD)
        wait_for(driver, "Twoje role")
        driver.get(f"{BASE}/m/{TENANT}/import")
        expect(wait_for(driver, "Import danych z pliku CSV"), "the import page should open for a coordinator")
        check_accessibility(driver, "import page")
        fill(driver, "kind", "households")
        driver.find_element(By.ID, "file").send_keys(bad)
        submit(driver, f"/m/{TENANT}/import")
        expect(wait_for(driver, "Plik ma błędy"), "a file with a bad row should be refused")
        text = driver.find_element(By.TAG_NAME, "main").text
        expect("wiersz 3: „atlantyda” nie jest obszarem tej gminy;" in text, f"the bad row and its reason should be shown, saw: {text[:400]!r}")
        check_accessibility(driver, "import with a bad row")
        driver.save_screenshot(os.path.join(SHOTS, "import-refused.png"))
        fill(driver, "kind", "households")
        driver.find_element(By.ID, "file").send_keys(good)
        submit(driver, f"/m/{TENANT}/import")
        expect(wait_for(driver, "Plik jest poprawny"), "the fixed file should pass the check")
        expect("2 zostanie dodanych" in driver.find_element(By.TAG_NAME, "main").text, "the check should say two rows would be added")
        driver.find_element(By.XPATH, "//button[starts-with(normalize-space(.), 'Importuj')]").click()
        expect(wait_for(driver, "Zaimportowano"), "confirming should import the file")
        expect("Zapisano 2 wierszy" in driver.find_element(By.TAG_NAME, "main").text, "two rows should be written")
        check_accessibility(driver, "imported")
        driver.save_screenshot(os.path.join(SHOTS, "imported.png"))
    finally:
        driver.quit()


def journey_publish():
    """A coordinator previews exactly what would leave the municipality as of the last closed quarter,
    then publishes it, or sees that it is published already."""
    driver = browser()
    try:
        open_as_coordinator(driver, "Publikacja dla sieci")
        expect(wait_for(driver, "opuszczą gminę"), "the publishing page should say what leaves the municipality")
        expect("ukryte (<" in driver.find_element(By.TAG_NAME, "main").text, "suppressed figures should be marked as hidden")
        expect("ostatniego zakończonego kwartału" in driver.find_element(By.TAG_NAME, "main").text, "the page should say which closing is published")
        check_accessibility(driver, "publishing preview")
        # Each quarter is published once: the demo has published this one already, so the page
        # shows what went out and offers nothing to send; a closing not yet published is sent.
        if driver.find_elements(By.CSS_SELECTOR, f"form[action^='/m/{TENANT}/publish']"):
            submit(driver, f"/m/{TENANT}/publish")
            expect(wait_for(driver, "Opublikowano"), "publishing should say how many figures left")
        else:
            expect("są już opublikowane" in driver.find_element(By.TAG_NAME, "main").text, "a closing published already should be said to be")
        check_accessibility(driver, "published")
        driver.save_screenshot(os.path.join(SHOTS, "published.png"))
    finally:
        driver.quit()


def journey_dashboard():
    """A coordinator opens the dashboard: fidelity, the adaptation register, the quarterly trend
    and the team's caseloads, and follows a household link from it."""
    driver = browser()
    try:
        open_as_coordinator(driver, "Pulpit koordynatora")
        expect(wait_for(driver, "Trend kwartalny"), "the dashboard should show the quarterly trend")
        main = driver.find_element(By.TAG_NAME, "main").text
        for heading in ("Wierność modelowi", "Rejestr adaptacji", "Wskaźniki", "Zespół i obciążenie pracą"):
            expect(heading in main, f"the dashboard should have the section {heading}")
        check_accessibility(driver, "dashboard")
        driver.save_screenshot(os.path.join(SHOTS, "dashboard.png"))
        links = [link for link in driver.find_elements(By.CSS_SELECTOR, f"main section a[href^='/m/{TENANT}/households/']") if link.is_displayed()]
        expect(len(links) > 0, "the dashboard should link to the households it names")
        links[0].click()
        expect(wait_for(driver, "Osoby"), "a household link from the dashboard should open the household's page")
    finally:
        driver.quit()


def journey_adaptation():
    """A coordinator records an adaptation outside the programme's bounds and is refused with
    the bound quoted, then one inside them, and sees it in the register and on the dashboard."""
    import random

    code = f"A-CI-{random.randint(1000, 9999)}"
    driver = browser()
    try:
        open_as_coordinator(driver, "Rejestr adaptacji")
        expect(wait_for(driver, "Zapisz adaptację"), "the register should offer its form")
        check_accessibility(driver, "adaptation register")
        frame = {
            "adoption": "wygrana-rodzina", "reason": "Rodziny potrzebują więcej czasu na zmianę.", "decided_by": "Zespół koordynujący",
            "decided_on": "2025-06-01", "planned": "planned", "phase": "implementation", "decider": "programme-manager",
            "modifies": "content", "level": "individual", "nature": "shortening", "fidelity": "inconsistent", "goal": "feasibility",
            "reason_level": "organisation",
        }
        for field, value in dict(frame, code=code, change="minimum-duration", duration="12").items():
            fill(driver, field, value)
        submit(driver, f"/m/{TENANT}/adaptations")
        expect(wait_for(driver, "Nie zapisano adaptacji"), "a shorter minimum participation should be refused")
        expect("18 miesięcy" in driver.find_element(By.ID, "duration-error").text, "the refusal should quote the programme's bound beside the field")
        expect(driver.find_element(By.ID, "code").get_attribute("value") == code, "what was typed should be kept")
        check_accessibility(driver, "adaptation refused")
        driver.save_screenshot(os.path.join(SHOTS, "adaptation-refused.png"))
        inside = dict(frame, code=code, change="add-activity", component="family-education", activity="letni-piknik",
                      activity_name="Letni piknik rodzinny", nature="adding", fidelity="consistent", goal="retention")
        for field, value in inside.items():
            fill(driver, field, value)
        submit(driver, f"/m/{TENANT}/adaptations")
        expect(wait_for(driver, f"Zapisano adaptację {code}"), "an adaptation inside the bounds should be recorded")
        main = driver.find_element(By.TAG_NAME, "main").text
        expect("Letni piknik rodzinny" in main and "dodanie elementu" in main, "the register should show the adaptation with its FRAME fields")
        driver.save_screenshot(os.path.join(SHOTS, "adaptation-recorded.png"))
        driver.find_element(By.LINK_TEXT, "Pulpit koordynatora").click()
        expect(wait_for(driver, "Trend kwartalny"), "the dashboard should open")
        expect("Letni piknik rodzinny" in driver.find_element(By.TAG_NAME, "main").text, "the dashboard's register should show the new adaptation")
    finally:
        driver.quit()


def fetch_as(driver, url):
    """Status and text of `url` fetched with the browser's session cookie (the pages' policy
    lets no script fetch anything, so a download is fetched as the browser would send it)."""
    import urllib.error
    import urllib.request

    cookies = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())
    request = urllib.request.Request(url, headers={"Cookie": cookies})
    try:
        with urllib.request.urlopen(request) as answer:
            return answer.status, answer.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


def journey_methodologist():
    """A methodologist opens a handbook with its lineage graph, compares two versions, and
    pastes a broken template into the check page, which shows the finding at its line."""
    driver = browser()
    try:
        sign_in(driver, METHODOLOGIST, NETWORK_PASSWORD)
        expect(wait_for(driver, "Katalog programów"), "the start page should link the programme catalogue")
        driver.find_element(By.LINK_TEXT, "Katalog programów").click()
        expect(wait_for(driver, "Porównaj dwie wersje"), "the catalogue should open")
        check_accessibility(driver, "programme catalogue")
        driver.find_element(By.CSS_SELECTOR, "a[href='/programmes/wygrana-rodzina/1.0.0']").click()
        expect(wait_for(driver, "Rodowód w punktach"), "the handbook should show the lineage")
        expect(len(driver.find_elements(By.CSS_SELECTOR, "figure.lineage svg g.node")) >= 2, "the lineage graph should draw its boxes")
        main = driver.find_element(By.TAG_NAME, "main").text
        expect("Granice adaptacji" in main and "18 miesięcy" in main, "the handbook should show the adaptation bounds in Polish")
        check_accessibility(driver, "handbook")
        driver.save_screenshot(os.path.join(SHOTS, "handbook.png"))
        driver.get(BASE + "/programmes")
        Select(driver.find_element(By.ID, "compare-from")).select_by_value("wygrana-rodzina@1.0.0")
        Select(driver.find_element(By.ID, "compare-to")).select_by_value("praski-kokon@1.0.0")
        driver.find_element(By.CSS_SELECTOR, "form[action='/programmes/compare'] button").click()
        expect(wait_for(driver, "Co zmienia się od"), "the comparison should open")
        expect("usunięto „Edukacja rodzinna”" in driver.find_element(By.TAG_NAME, "main").text, "the comparison should list what changed in words")
        check_accessibility(driver, "version comparison")
        driver.get(BASE + "/programmes/check")
        with open(os.path.join(MODELS, "wygrana-rodzina", "1.0.0.yaml"), encoding="utf-8") as file:
            broken = file.read().replace("summary:", "sumary:", 1)
        line = broken.split("\n").index(next(l for l in broken.split("\n") if l.startswith("sumary:"))) + 1
        driver.execute_script("document.getElementById('check-text').value = arguments[0]", broken)
        driver.find_element(By.CSS_SELECTOR, "form[action='/programmes/check'] button").click()
        expect(wait_for(driver, "Niczego nie zapisano"), "the check page should report on the file")
        marks = driver.find_elements(By.CSS_SELECTOR, "ol.source li.hit mark")
        expect(len(marks) > 0 and marks[0].text == "sumary", "the misspelt key should be highlighted in its line")
        expect(f"wiersz {line}, kolumna 1" in driver.find_element(By.TAG_NAME, "main").text, "the finding should name its line and column")
        check_accessibility(driver, "check page")
        driver.save_screenshot(os.path.join(SHOTS, "check.png"))
    finally:
        driver.quit()


def journey_network():
    """An analyst opens the network comparison, changes the period, downloads the CSV, prints
    the handout on one A4 page, and cannot reach any case record."""
    driver = browser()
    try:
        sign_in(driver, ANALYST, NETWORK_PASSWORD)
        expect(wait_for(driver, "Spotkania sieci"), "the start page should link the network pages")
        driver.find_element(By.LINK_TEXT, "Spotkania sieci").click()
        driver.find_element(By.CSS_SELECTOR, "a[href='/network/wygrana-rodzina']").click()
        expect(wait_for(driver, "Zestawienie"), "the network comparison should open")
        check_accessibility(driver, "network comparison")
        offered = {o.get_attribute("value"): o.text for o in driver.find_elements(By.CSS_SELECTOR, "#period option")}
        years = [value for value in offered if re.fullmatch(r"\d{4}", value)]
        quarters = [value for value in offered if re.fullmatch(r"\d{4}-Q[1-4]", value)]
        expect(len(years) > 0 and len(quarters) > 0, f"the period list should offer the published years and quarters, not {list(offered)}")
        expect(len(driver.find_elements(By.CSS_SELECTOR, "figure.trend svg")) > 0, "the comparison should draw a trend per measure")
        driver.save_screenshot(os.path.join(SHOTS, "network.png"))
        Select(driver.find_element(By.ID, "period")).select_by_value(years[-1])
        driver.find_element(By.CSS_SELECTOR, "form[action='/network/wygrana-rodzina'] button").click()
        expect(wait_for(driver, f"okres: rok {years[-1]}"), "changing the period should show that year")
        check_accessibility(driver, "network comparison for a year")
        Select(driver.find_element(By.ID, "period")).select_by_value(quarters[-2])
        driver.find_element(By.CSS_SELECTOR, "form[action='/network/wygrana-rodzina'] button").click()
        expect(wait_for(driver, f"okres: {offered[quarters[-2]]}"), "changing the period should show that quarter")
        expect("Zmiany w kolejnych kwartałach" in main_text(driver), "a quarter's trends should go by quarter")
        check_accessibility(driver, "network comparison for a quarter")
        driver.save_screenshot(os.path.join(SHOTS, "network-quarter.png"))
        link = driver.find_element(By.PARTIAL_LINK_TEXT, "Pobierz CSV").get_attribute("href")
        status, csv = fetch_as(driver, link)
        expect(status == 200 and csv.startswith("\ufeffgmina;") and "Gmina Miasta Toruń" in csv, "the CSV download should hold the comparison")
        driver.find_element(By.PARTIAL_LINK_TEXT, "Materiał do druku").click()
        expect(wait_for(driver, "Materiał na spotkanie sieci"), "the handout should open")
        check_accessibility(driver, "handout")
        options = PrintOptions()
        options.page_width, options.page_height = 21.0, 29.7
        pdf = base64.b64decode(driver.print_page(options))
        pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
        expect(pages == 1, f"the handout should print on one A4 page, not {pages}")
        for path in (f"/m/{TENANT}/households", f"/m/{TENANT}/dashboard"):
            driver.get(BASE + path)
            expect("Brak dostępu" in driver.title and "H-1" not in driver.page_source, f"an analyst should not reach {path}")
        status, body = fetch_as(driver, BASE + f"/api/v1/municipalities/{TENANT}/records/households")
        expect(status == 403 and "H-1" not in body, f"an analyst should be refused the case records API, not answered {status}")
    finally:
        driver.quit()


def journey_upgrade():
    """A coordinator facing a newer version sees the plan: the conflict that blocks it, with
    what to do, and the lines for the tenant file."""
    driver = browser()
    try:
        sign_in(driver, UPGRADER, NETWORK_PASSWORD)
        expect(wait_for(driver, "Praca w gminie"), "the coordinator should be signed in")
        driver.get(BASE + "/m/warszawa/households")
        driver.find_element(By.LINK_TEXT, "Nowe wersje programów").click()
        expect(wait_for(driver, "Pokaż plan aktualizacji"), "the upgrade page should offer the newer version")
        check_accessibility(driver, "upgrades")
        day = driver.find_element(By.ID, "on-praski-kokon")
        driver.execute_script("arguments[0].value = '2019-01-01'", day)
        driver.find_element(By.CSS_SELECTOR, "form[action='/m/warszawa/upgrades'] button").click()
        expect(wait_for(driver, "Aktualizację wstrzymuje konflikt"), "the plan should say the conflict blocks the upgrade")
        main = driver.find_element(By.TAG_NAME, "main").text
        expect("w konflikcie z nową wersją" in main and "Edukacja finansowa rodzin" in main, "the plan should name the conflicting adaptation")
        expect("from: praski-kokon@1.0.0" in main, "the plan should give the lines for the tenant file")
        check_accessibility(driver, "upgrade plan")
        driver.save_screenshot(os.path.join(SHOTS, "upgrade.png"))
    finally:
        driver.quit()


for journey in (
    journey_sign_in_and_out, journey_forged_form, journey_phone, journey_casework, journey_import, journey_publish, journey_dashboard,
    journey_adaptation, journey_methodologist, journey_network, journey_upgrade,
):
    # JOURNEYS=journey_network,… runs only those, while working on one.
    if os.environ.get("JOURNEYS") and journey.__name__ not in os.environ["JOURNEYS"].split(","):
        continue
    try:
        journey()
    except Exception as error:  # a journey that cannot go on is a failure with its reason
        import traceback

        where = traceback.extract_tb(error.__traceback__)[-1]
        problems.append(f"{journey.__name__} stopped at line {where.lineno}: {type(error).__name__}: {error}")

if problems:
    print("Browser journeys failed:")
    for problem in problems:
        print("  - " + problem)
    sys.exit(1)
print(f"Browser journeys passed; screenshots in {SHOTS}")
