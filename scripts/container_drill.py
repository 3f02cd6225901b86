"""The container drill (`make container-drill`): build the image from the Dockerfile and run the compose stack's services.

It builds `Dockerfile` with Podman (a daemonless engine that reads the same Dockerfile), checks the image runs as
the unprivileged user and holds no test packages, then runs the services of `compose.yaml` from that image with
their own commands and environment: the one-off `migrate` on a fresh PostgreSQL database, then `web`, `worker` and
`scheduler`. It passes when `/health/ready` answers 200 (database, migrations applied, the worker's heartbeat,
the queue), the image's own HEALTHCHECK command passes, the sign-in page and a collected static file are served,
and the worker has run the scheduler's heartbeat task. Everything it made is removed (exit 0), else exit 1.

Where the registry of base images cannot be reached (this project's CI reaches PyPI, Debian and npm only), the
base image `python:3.11-slim-bookworm` is stood in for by Debian bookworm's own Python 3.11 (debootstrap), and the
stack uses the host's PostgreSQL (PARTNERING_TEST_DATABASE_URL) rather than the `postgres:15` image; the drill
says so. Needs root and Debian's podman, runc and debootstrap (`.ci/run` installs them).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
import yaml
from psycopg import sql

ROOT = Path(__file__).resolve().parent.parent
BASE_IMAGE = "docker.io/library/python:3.11-slim-bookworm"
IMAGE = "localhost/partnering-drill:latest"
DATABASE = "partnering_container_drill"
PORT = 8000  # the image's own CMD binds 0.0.0.0:8000
APP_SERVICES = ("migrate", "web", "worker", "scheduler")


def say(message: str) -> None:
    print(f"container drill: {message}", flush=True)


def podman_run_options() -> list[str]:
    """Limits no higher than this process's own, which a sandbox without CAP_SYS_RESOURCE needs; runc for cgroup v1."""
    import resource
    nofile = min(resource.getrlimit(resource.RLIMIT_NOFILE)[0], 16384)
    nproc = min(resource.getrlimit(resource.RLIMIT_NPROC)[0], 4096)
    return ["--ulimit", f"nofile={nofile}:{nofile}", "--ulimit", f"nproc={nproc}:{nproc}"]


def podman(*arguments: str, check: bool = True, capture: bool = False, timeout: float | None = None,
           stdin: str | None = None):
    command = ["podman", "--runtime", "runc", *arguments]
    return subprocess.run(command, check=check, text=True, timeout=timeout, input=stdin,
                          stdout=subprocess.PIPE if capture else None, stderr=subprocess.STDOUT if capture else None)


def ensure_base_image() -> bool:
    """The Dockerfile's base image: pulled if a registry answers, else a stand-in. True if it is a stand-in."""
    if podman("image", "exists", BASE_IMAGE, check=False).returncode == 0:
        return podman("image", "inspect", BASE_IMAGE, "--format", "{{index .Labels \"partnering.stand-in\"}}",
                      capture=True).stdout.strip() == "yes"
    try:
        if podman("pull", "--quiet", BASE_IMAGE, check=False, capture=True, timeout=120).returncode == 0:
            return False
    except subprocess.TimeoutExpired:
        pass
    say(f"{BASE_IMAGE} cannot be pulled here; standing in Debian bookworm's Python 3.11 (debootstrap)")
    with tempfile.TemporaryDirectory(prefix="partnering-base-") as root:
        subprocess.run(["debootstrap", "--variant=minbase", "bookworm", root, "http://deb.debian.org/debian"],
                       check=True, stdout=subprocess.DEVNULL)
        tar = subprocess.Popen(["tar", "-C", root, "-c", "."], stdout=subprocess.PIPE)
        subprocess.run(["podman", "import", "--quiet", "-", "localhost/partnering-drill-bookworm:latest"],
                       stdin=tar.stdout, check=True, stdout=subprocess.DEVNULL)
        tar.wait()
    # Debian's Python 3.11 where the official image has its own build: the same version and the paths that matter.
    # It trusts what this machine trusts (/usr/local/share/ca-certificates), as a build behind a TLS-inspecting
    # proxy must: pip's own certificate bundle would refuse it.
    containerfile = """FROM localhost/partnering-drill-bookworm:latest
RUN apt-get update && apt-get install -y --no-install-recommends python3.11-venv ca-certificates \\
 && rm -rf /var/lib/apt/lists/* && ln -s /usr/bin/python3.11 /usr/local/bin/python
COPY ca-certificates/ /usr/local/share/ca-certificates/
RUN update-ca-certificates
ENV LANG=C.UTF-8 PIP_CERT=/etc/ssl/certs/ca-certificates.crt
LABEL partnering.stand-in=yes
CMD ["python3"]
"""
    with tempfile.TemporaryDirectory(prefix="partnering-base-context-") as context:
        trusted = Path("/usr/local/share/ca-certificates")
        shutil.copytree(trusted, f"{context}/ca-certificates") if trusted.is_dir() else os.mkdir(f"{context}/ca-certificates")
        built = podman("build", "--format", "docker", "--network", "host", *podman_run_options(), "--tag", BASE_IMAGE,
                       "--file", "-", context, check=False, capture=True, timeout=900, stdin=containerfile)
    if built.returncode:
        print(built.stdout[-4000:])
        raise AssertionError("the stand-in base image did not build")
    podman("rmi", "localhost/partnering-drill-bookworm:latest", check=False, capture=True)
    return True


def interpolate(value: str, variables: dict[str, str]) -> str:
    """Compose's ${NAME}, ${NAME:-default} and ${NAME:?message}."""
    def replace(match: re.Match) -> str:
        name, operator, word = match.group(1), match.group(2), match.group(3) or ""
        if variables.get(name):
            return variables[name]
        if operator == ":?":
            raise SystemExit(f"compose.yaml needs {name}: {word}")
        return word
    return re.sub(r"\$\{(\w+)(?:(:-|:\?)([^}]*))?\}", replace, value)


def services(variables: dict[str, str]) -> dict[str, dict]:
    """compose.yaml's app services: their command (None: the image's own) and environment, interpolated."""
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text())
    result = {}
    for name in APP_SERVICES:
        service = compose["services"][name]
        assert service.get("image") and service.get("build") == ".", f"{name} must build this Dockerfile"
        environment = {key: interpolate(str(value), variables) for key, value in service["environment"].items()}
        result[name] = {"command": service.get("command"), "environment": environment}
    return result


def run_service(name: str, spec: dict, database_url: str, *, detach: bool) -> subprocess.CompletedProcess:
    environment = {**spec["environment"], "DATABASE_URL": database_url}
    arguments = ["run", "--name", f"partnering-drill-{name}", "--network", "host", "--no-healthcheck",
                 *podman_run_options(), "--volume", "partnering-drill-media:/data/media"]
    for key, value in environment.items():
        arguments += ["--env", f"{key}={value}"]
    arguments += ["--detach"] if detach else ["--rm"]
    arguments.append(IMAGE)
    if spec["command"]:
        arguments += spec["command"]
    return podman(*arguments, capture=True, check=False, timeout=600)


def fetch(path: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{PORT}{path}", timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def wait_until_ready(seconds: float) -> dict:
    deadline = time.monotonic() + seconds
    last: dict = {}
    while time.monotonic() < deadline:
        try:
            status, body = fetch("/health/ready")
            last = {"http": status, **json.loads(body)}
            if status == 200:
                return last
        except (urllib.error.URLError, ConnectionError, json.JSONDecodeError, TimeoutError) as error:
            last = {"error": str(error)}
        time.sleep(2)
    raise AssertionError(f"/health/ready never answered 200 within {seconds:.0f} s; last: {last}")


def clean_up(database_admin_url: str) -> None:
    for name in APP_SERVICES:
        podman("rm", "--force", "--time", "5", f"partnering-drill-{name}", check=False, capture=True)
    podman("volume", "rm", "--force", "partnering-drill-media", check=False, capture=True)
    with psycopg.connect(database_admin_url, autocommit=True) as connection:
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(DATABASE)))


def drill(server_url: str, keep_image: bool) -> None:
    if shutil.which("podman") is None:
        raise SystemExit("container drill: podman is not installed (apt-get install podman runc debootstrap)")
    stand_in = ensure_base_image()
    say("building the image from Dockerfile")
    started = time.monotonic()
    build = podman("build", "--format", "docker", "--network", "host", *podman_run_options(), "--tag", IMAGE,
                   str(ROOT), check=False, capture=True, timeout=1800)
    if build.returncode:
        print(build.stdout[-6000:])
        raise AssertionError("the image did not build")
    say(f"built in {time.monotonic() - started:.0f} s")

    def inside(*command: str) -> str:
        return podman("run", "--rm", "--network", "none", "--no-healthcheck", *podman_run_options(), IMAGE, *command,
                      capture=True, check=False).stdout.strip()

    uid = inside("id", "-u")
    assert uid == "10001", f"the image must run as the unprivileged user 10001, not {uid!r}"
    for package in ("pytest", "playwright", "locust"):
        found = inside("python", "-c", f"import importlib.util as u; print(u.find_spec({package!r}) is not None)")
        assert found == "False", f"the runtime image holds the test package {package} ({found!r})"
    say("runs as uid 10001; no test or benchmark packages")

    admin_url = urlsplit(server_url)._replace(path="/postgres").geturl()
    database_url = urlsplit(server_url)._replace(path=f"/{DATABASE}").geturl()
    clean_up(admin_url)
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(DATABASE)))
    variables = {"DJANGO_SECRET_KEY": "container-drill-" + os.urandom(24).hex(), "PARTNERING_TWO_FACTOR_REQUIRED": "true"}
    specs = services(variables)
    try:
        if fetch_port_in_use():
            raise SystemExit(f"container drill: port {PORT} is in use; stop what is serving it first")
        migrate = run_service("migrate", specs["migrate"], database_url, detach=False)
        if migrate.returncode:
            print(migrate.stdout[-4000:])
            raise AssertionError("the one-off migrate failed")
        say("migrate: the schema and the cache table, then it exited")
        for name in ("web", "worker", "scheduler"):
            started_service = run_service(name, specs[name], database_url, detach=True)
            if started_service.returncode:
                print(started_service.stdout[-4000:])
                raise AssertionError(f"{name} did not start")
        checks = wait_until_ready(180)
        say(f"/health/ready: {checks}")
        healthcheck = podman("image", "inspect", IMAGE, "--format", "{{json .HealthCheck.Test}}", capture=True).stdout
        test = json.loads(healthcheck.strip().splitlines()[-1])
        assert test and test[0] == "CMD-SHELL", f"the image has no HEALTHCHECK ({healthcheck.strip()})"
        health = podman("exec", "partnering-drill-web", "sh", "-c", test[1], check=False, capture=True)
        assert health.returncode == 0, f"the image's HEALTHCHECK failed: {health.stdout}"
        status, page = fetch("/accounts/login/")
        assert status == 200 and b"Partnering" in page, f"the sign-in page answered {status}"
        stylesheet = re.search(rb'href="(/static/[^"]+\.css)"', page)
        assert stylesheet, "the sign-in page links no collected stylesheet"
        status, _ = fetch(stylesheet.group(1).decode())
        assert status == 200, f"{stylesheet.group(1).decode()} answered {status}: collectstatic or WhiteNoise is wrong"
        say("web serves the sign-in page and its collected static files; the HEALTHCHECK passes")
        with psycopg.connect(database_url) as connection:
            done = connection.execute(
                "SELECT count(*) FROM django_tasks_database_dbtaskresult WHERE status = 'SUCCESSFUL'").fetchone()[0]
        assert done, "the worker finished no task"
        say(f"the worker has finished {done} task(s) the scheduler queued")
        for name in ("web", "worker", "scheduler"):
            state = podman("inspect", f"partnering-drill-{name}", "--format", "{{.State.Status}}", capture=True)
            assert state.stdout.strip() == "running", f"{name} is {state.stdout.strip()}"
        if stand_in:
            say("passed, on a stand-in base image and the host's PostgreSQL (no registry of base images here)")
        else:
            say("passed")
    except BaseException:
        for name in ("web", "worker", "scheduler"):
            logs = podman("logs", "--tail", "30", f"partnering-drill-{name}", check=False, capture=True)
            print(f"--- {name} ---\n{logs.stdout}")
        raise
    finally:
        clean_up(admin_url)
        if not keep_image:
            podman("rmi", "--force", IMAGE, check=False, capture=True)


def fetch_port_in_use() -> bool:
    import socket
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", PORT)) == 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keep-image", action="store_true", help="leave the built image for inspection")
    args = parser.parse_args(argv)
    server_url = os.environ.get("CONTAINER_DRILL_DATABASE_URL") or os.environ.get("PARTNERING_TEST_DATABASE_URL")
    if not server_url or not server_url.startswith("postgres"):
        print("container drill: set PARTNERING_TEST_DATABASE_URL (a PostgreSQL role that may create databases)")
        return 2
    try:
        drill(server_url, args.keep_image)
    except AssertionError as failure:
        print(f"container drill FAILED: {failure}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
