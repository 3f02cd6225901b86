"""Staff of the demo councils browsing the catalogue, opening sessions and booking (bench/load_bench.py runs it)."""

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
