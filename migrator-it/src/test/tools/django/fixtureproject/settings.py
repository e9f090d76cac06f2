import os

SECRET_KEY = "fixtures-only"
USE_TZ = True
TIME_ZONE = "UTC"
INSTALLED_APPS = ["ledger", "audit"]
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
# DJANGO_DB_ENGINE: django.db.backends.postgresql or django.db.backends.mysql
DATABASES = {
    "default": {
        "ENGINE": os.environ["DJANGO_DB_ENGINE"],
        "HOST": os.environ.get("DJANGO_DB_HOST", "127.0.0.1"),
        "PORT": os.environ["DJANGO_DB_PORT"],
        "NAME": os.environ["DJANGO_DB_NAME"],
        "USER": os.environ["DJANGO_DB_USER"],
        "PASSWORD": os.environ.get("DJANGO_DB_PASSWORD", ""),
    }
}
