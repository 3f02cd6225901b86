from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo region (`manage.py load_demo`), loaded through the real importer and services."""

    name = "partnering.demo"
    label = "demo"
