"""See the app's docstring in apps.py."""
