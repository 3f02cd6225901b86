"""HTTP hardening: signed-in pages are not stored by browsers or proxies, powerful browser features are
switched off, and the language cookie is only sent with same-site requests."""

import os
from importlib import import_module

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.test import RequestFactory

from partnering.core.middleware import PermissionsPolicyMiddleware, PrivatePagesMiddleware

pytestmark = pytest.mark.django_db


def cache_control(response):
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part.strip()}


def test_signed_in_pages_are_private_and_never_stored(sign_in, region):
    client = sign_in(region.staff_north)
    for path in ("/", "/me/"):
        response = client.get(path)
        assert response.status_code == 200
        assert {"private", "no-store"} <= cache_control(response), (path, response.get("Cache-Control"))


def test_a_page_that_sets_its_own_cache_control_keeps_it_for_a_signed_in_person(region):
    request = RequestFactory().get("/")
    request.user = region.staff_north

    def view(request):
        response = HttpResponse("calendar")
        response["Cache-Control"] = "private, max-age=60"
        return response

    response = PrivatePagesMiddleware(view)(request)
    assert response["Cache-Control"] == "private, max-age=60"


def test_pages_for_someone_not_signed_in_are_left_to_the_view(db):
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    response = PrivatePagesMiddleware(lambda request: HttpResponse("hello"))(request)
    assert not response.has_header("Cache-Control")


def test_every_page_denies_the_camera_microphone_location_payment_and_usb(client, sign_in, region):
    for response in (client.get("/accounts/login/"), sign_in(region.staff_north).get("/")):
        policy = {item.strip() for item in response["Permissions-Policy"].split(",")}
        assert {"camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"} <= policy


def test_the_permissions_policy_comes_from_the_settings(settings):
    settings.PERMISSIONS_POLICY = {"camera": [], "fullscreen": ["self"]}
    response = PermissionsPolicyMiddleware(lambda request: HttpResponse())(RequestFactory().get("/"))
    assert response["Permissions-Policy"] == "camera=(), fullscreen=(self)"


def test_the_language_cookie_is_same_site_and_not_readable_by_scripts(client, db):
    response = client.post("/i18n/setlang/", {"language": "cy", "next": "/"})
    cookie = response.cookies["django_language"]
    assert cookie.value == "cy"
    assert cookie["samesite"] == "Lax" and cookie["httponly"]


def test_the_language_cookie_only_travels_over_https_in_production():
    os.environ.setdefault("DJANGO_SECRET_KEY", "x" * 60)
    production = import_module("config.settings.production")
    assert production.LANGUAGE_COOKIE_SECURE and production.LANGUAGE_COOKIE_SAMESITE == "Lax" and production.LANGUAGE_COOKIE_HTTPONLY
