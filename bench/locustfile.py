"""Staff of the demo councils browsing the catalogue, opening sessions and booking; at national scale, staff, leads and
coordinators reading the catalogue, dashboards, overlap report and people search (bench/load_bench.py runs both)."""

import itertools
import random
import re

from locust import HttpUser, between, task

SLUGS = ["bridgend", "carmarthenshire", "ceredigion", "swansea", "neath-port-talbot", "pembrokeshire", "powys", "anglesey", "conwy",
         "denbighshire", "flintshire", "gwynedd", "wrexham", "cheltenham", "cotswold", "forest-of-dean", "west-oxfordshire"]
ACCOUNTS = itertools.cycle([f"{kind}.{slug}@demo.test" for slug in SLUGS for kind in ("staff", "lead")])


class StaffMember(HttpUser):
    wait_time = between(0.5, 2)

    def on_start(self):
        page = self.client.get("/accounts/login/", name="login page")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
        self.client.post("/accounts/login/", {"username": next(ACCOUNTS), "password": "partnering-demo", "csrfmiddlewaretoken": token},
                         headers={"Referer": self.host + "/accounts/login/"}, name="sign in")
        catalogue = self.client.get("/catalogue/", name="catalogue (first visit, while others sign in)")
        self.sessions = re.findall(r'href="(/catalogue/sessions/\d+/)"', catalogue.text) or ["/catalogue/"]

    @task(4)
    def catalogue(self):
        self.client.get("/catalogue/", name="catalogue")

    @task(4)
    def session(self):
        self.client.get(random.choice(self.sessions), name="session")

    @task(1)
    def book(self):
        url = random.choice(self.sessions)
        page = self.client.get(url, name="session")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
        council = re.search(r'name="council" value="(\d+)"', page.text)
        if token and council and ("Book a place" in page.text or "Join the waiting list" in page.text):
            self.client.post(url, {"csrfmiddlewaretoken": token.group(1), "council": council.group(1)},
                             headers={"Referer": self.host + url}, name="book")

    @task(4)
    def trivial(self):
        self.client.get("/healthz", name="trivial view (/healthz)")


# National scale (bench/load_bench.py --national): the pages that read the most data, as the people who read them,
# against the largest generated partnership. NATIONAL_ACCOUNTS names the sign-ins (written by the generator).
NATIONAL_PASSWORD = "partnering-national"
SURNAMES = ["jones", "smith", "patel", "williams", "khan", "roberts"]


def _national() -> dict:
    import json
    import os

    return json.loads(os.environ["NATIONAL_ACCOUNTS"])


class NationalUser(HttpUser):
    abstract = True
    wait_time = between(0.5, 2)
    account = ""

    def on_start(self):
        self.national = _national()
        page = self.client.get("/accounts/login/", name="login page")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
        self.client.post("/accounts/login/", {"username": self.national["accounts"][self.account], "password": NATIONAL_PASSWORD,
                                              "csrfmiddlewaretoken": token},
                         headers={"Referer": self.host + "/accounts/login/"}, name="sign in")

    @task(3)
    def trivial(self):
        self.client.get("/healthz", name="trivial view (/healthz)")


class NationalStaff(NationalUser):
    """A member of staff of the largest council browsing the catalogue."""

    account = "staff"

    @task(4)
    def catalogue(self):
        self.client.get("/catalogue/", name="catalogue")


class NationalLead(NationalUser):
    """The largest council's L&D lead: its dashboard and searching its people by surname."""

    account = "lead"

    @task(2)
    def council_dashboard(self):
        self.client.get(f"/mapping/councils/{self.national['council_slug']}/", name="council dashboard")

    @task(2)
    def people_search(self):
        self.client.get(f"/people/?q={random.choice(SURNAMES)}", name="people search")


class NationalCoordinator(NationalUser):
    """The largest partnership's coordinator: its dashboard and overlap report."""

    account = "coordinator"

    @task(2)
    def partnership_dashboard(self):
        self.client.get(f"/mapping/partnerships/{self.national['partnership_slug']}/", name="partnership dashboard")

    @task(2)
    def overlap_report(self):
        self.client.get(f"/overlap/partnerships/{self.national['partnership_slug']}/", name="overlap report")
