"""A real OpenID Connect provider for the tests (oidc-provider-mock, a Flask server on a thread), and the
browser's part of signing in through it done with plain HTTP: nothing of the OIDC library is mocked."""

from __future__ import annotations

import contextlib
import threading
from urllib.parse import urlsplit

import pytest
import requests
import werkzeug.serving
from oidc_provider_mock import app as provider_app


@contextlib.contextmanager
def _serve(wsgi_app):
    server = werkzeug.serving.make_server("localhost", 0, wsgi_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://localhost:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def oidc_provider():
    """The provider's issuer URL (its own address, as it writes it in its tokens)."""
    with _serve(provider_app()) as url:
        yield url


@pytest.fixture(scope="session")
def impostor_provider():
    """A provider whose ID tokens name another issuer than its discovery document does (tokens minted for
    someone else): its discovery, keys and authorisation are its own, its token endpoint says it is elsewhere."""
    inner = provider_app()

    def wsgi(environ, start_response):
        if environ.get("PATH_INFO") == "/oauth2/token":
            environ["HTTP_HOST"] = "issuer.elsewhere.example"
        return inner(environ, start_response)

    with _serve(wsgi) as url:
        yield url


def set_user(issuer: str, sub: str, **claims) -> None:
    response = requests.put(f"{issuer}/users/{sub}", json=claims, timeout=10)
    response.raise_for_status()


def sign_in_through(client, issuer: str, *, email: str, sub: str, next_url: str = ""):
    """Start at "Sign in with your council account", approve as `sub` at the provider, come back: the response
    of Partnering's callback."""
    started = client.post("/accounts/sso/", {"email": email, "next": next_url})
    assert started.status_code == 302, started.content.decode()[:2000]
    authorize = started["Location"]
    assert authorize.startswith(issuer + "/oauth2/authorize"), authorize
    approved = requests.post(authorize, data={"sub": sub}, allow_redirects=False, timeout=10)
    assert approved.status_code in (302, 303), approved.text[:2000]
    back = urlsplit(approved.headers["Location"])
    return client.get(f"{back.path}?{back.query}")
