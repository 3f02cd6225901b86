import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
application = get_wsgi_application()

# A page makes tens of thousands of short-lived objects, so Python's full collection ran every dozen or so requests
# over the whole heap (200,000 objects) and added 100-150 ms to that request. What start-up made lives as long as
# the worker: keep it out of every collection, and collect the rest less often (bench/load_bench.py; README).
gc.freeze()
gc.set_threshold(50_000, 20, 100)
