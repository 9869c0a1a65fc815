"""Configuration classes. Values come from the environment when the app is created, never at
import time, so tests and commands can pass their own."""

import os
import secrets
from datetime import timedelta
from pathlib import Path

LOCALES = ("en", "et", "sl")


class Config:
    """Settings shared by every environment."""

    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = False
    REMEMBER_COOKIE_HTTPONLY = True
    # A signed-in session ends after this long without a request, and this long after
    # sign-in whatever happens (checked on every request: reviews/views/auth/sessions.py).
    SESSION_IDLE_MINUTES = 30
    SESSION_MAX_HOURS = 12
    WTF_CSRF_TIME_LIMIT = None  # the token lives as long as the session
    BABEL_DEFAULT_LOCALE = "en"
    BABEL_DEFAULT_TIMEZONE = "Europe/Tallinn"
    LANGUAGES = LOCALES
    RATELIMIT_ENABLED = True
    # Shared by every process when RATELIMIT_STORAGE_URI or REDIS_URL is set; memory (one
    # process's own counts) otherwise, which the app warns about when it starts.
    RATELIMIT_STORAGE_URI = "memory://"
    LOGIN_RATE_LIMIT = "10 per minute"  # sign-in attempts per address
    LOGIN_ACCOUNT_RATE_LIMIT = "10 per 10 minutes"  # failed sign-ins per account, any address
    # "Forgot your password?": requests per client address, and per address typed.
    RESET_RATE_LIMIT = "5 per minute"
    RESET_ACCOUNT_RATE_LIMIT = "3 per hour"
    INVITATION_DAYS = 7  # an invitation link works this long
    RESET_HOURS = 2  # a password-reset link works this long
    MAX_CONTENT_LENGTH = 2 * 1024 * 1024  # bytes in a request; larger ones get the 413 page
    # argon2id parameters (RFC 9106 "second recommended" profile: 64 MiB, t=3, p=4).
    ARGON2_TIME_COST = 3
    ARGON2_MEMORY_COST = 65536
    ARGON2_PARALLELISM = 4
    MIN_GROUP_SIZE = 3
    IDEA_RESPONSE_DAYS = 14
    MAIL_SERVER = None
    MAIL_PORT = 25
    MAIL_USE_TLS = False
    MAIL_USERNAME = None
    MAIL_PASSWORD = None
    MAIL_DEFAULT_SENDER = "rapport@localhost"
    BASE_URL = "http://127.0.0.1:5000"
    REDIS_URL = None  # set: the job queue lives in Redis (workers on any number of hosts)
    JOBS_DATABASE = None  # else a SQLite file; None: jobs.sqlite3 next to the database
    JOBS_IMMEDIATE = False  # run each job at once in the caller (tests), no worker needed
    MAIL_BATCH_SIZE = 200  # e-mails per delivery job (one SMTP connection each)
    MAIL_MAX_ATTEMPTS = 5  # then the e-mail is marked failed and shown to admins
    MAIL_RETRY_DELAY = 60  # seconds before the 2nd attempt, doubled before each next one
    PEOPLE_IMPORT_JOB_ROWS = 500  # a people file with more rows is checked and applied by a job
    REPORT_WARM = True  # after a write, a job draws the leadership dashboard again
    HSTS_MAX_AGE = 31536000  # seconds; sent over HTTPS or when BASE_URL is https; 0: never
    TRUSTED_PROXIES = 0  # proxies in front whose X-Forwarded-For/-Proto/-Host are believed

    def __init__(self, instance_path: str):
        self.instance_path = instance_path
        env = os.environ
        self.SQLALCHEMY_DATABASE_URI = env.get("DATABASE_URL") or self.default_database_url()
        self.SECRET_KEY = env.get("SECRET_KEY") or self.default_secret_key()
        self.SESSION_COOKIE_SECURE = _flag(
            env.get("SESSION_COOKIE_SECURE"), self.SESSION_COOKIE_SECURE
        )
        self.SESSION_IDLE_MINUTES = int(
            env.get("SESSION_IDLE_MINUTES") or self.SESSION_IDLE_MINUTES
        )
        self.SESSION_MAX_HOURS = int(env.get("SESSION_MAX_HOURS") or self.SESSION_MAX_HOURS)
        # Flask refuses a session cookie signed longer ago than this (31 days by default).
        self.PERMANENT_SESSION_LIFETIME = timedelta(hours=self.SESSION_MAX_HOURS)
        self.RATELIMIT_STORAGE_URI = (
            env.get("RATELIMIT_STORAGE_URI") or env.get("REDIS_URL") or self.RATELIMIT_STORAGE_URI
        )
        self.MIN_GROUP_SIZE = int(env.get("MIN_GROUP_SIZE") or self.MIN_GROUP_SIZE)
        self.IDEA_RESPONSE_DAYS = int(env.get("IDEA_RESPONSE_DAYS") or self.IDEA_RESPONSE_DAYS)
        self.INVITATION_DAYS = int(env.get("INVITATION_DAYS") or self.INVITATION_DAYS)
        self.RESET_HOURS = int(env.get("RESET_HOURS") or self.RESET_HOURS)
        self.RESET_RATE_LIMIT = env.get("RESET_RATE_LIMIT") or self.RESET_RATE_LIMIT
        self.RESET_ACCOUNT_RATE_LIMIT = (
            env.get("RESET_ACCOUNT_RATE_LIMIT") or self.RESET_ACCOUNT_RATE_LIMIT
        )
        self.MAIL_SERVER = env.get("MAIL_SERVER") or self.MAIL_SERVER
        self.MAIL_PORT = int(env.get("MAIL_PORT") or self.MAIL_PORT)
        self.MAIL_USE_TLS = _flag(env.get("MAIL_USE_TLS"), self.MAIL_USE_TLS)
        self.MAIL_USERNAME = env.get("MAIL_USERNAME") or self.MAIL_USERNAME
        self.MAIL_PASSWORD = env.get("MAIL_PASSWORD") or self.MAIL_PASSWORD
        self.MAIL_DEFAULT_SENDER = env.get("MAIL_DEFAULT_SENDER") or self.MAIL_DEFAULT_SENDER
        self.BASE_URL = (env.get("BASE_URL") or self.BASE_URL).rstrip("/")
        self.REDIS_URL = env.get("REDIS_URL") or self.REDIS_URL
        self.JOBS_DATABASE = env.get("JOBS_DATABASE") or self.JOBS_DATABASE
        self.PEOPLE_IMPORT_JOB_ROWS = int(
            env.get("PEOPLE_IMPORT_JOB_ROWS") or self.PEOPLE_IMPORT_JOB_ROWS
        )
        self.MAIL_BATCH_SIZE = int(env.get("MAIL_BATCH_SIZE") or self.MAIL_BATCH_SIZE)
        self.MAIL_MAX_ATTEMPTS = int(env.get("MAIL_MAX_ATTEMPTS") or self.MAIL_MAX_ATTEMPTS)
        self.MAIL_RETRY_DELAY = int(env.get("MAIL_RETRY_DELAY") or self.MAIL_RETRY_DELAY)
        self.HSTS_MAX_AGE = int(env.get("HSTS_MAX_AGE") or self.HSTS_MAX_AGE)
        self.TRUSTED_PROXIES = int(env.get("TRUSTED_PROXIES") or self.TRUSTED_PROXIES)

    def default_database_url(self) -> str:
        return "sqlite:///" + str(Path(self.instance_path) / "rapport.sqlite3")

    def default_secret_key(self) -> str:
        """Development only: a random key generated once and kept in the instance folder."""
        path = Path(self.instance_path) / "secret_key"
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(secrets.token_hex(32))
            path.chmod(0o600)
        return path.read_text().strip()

    def as_dict(self) -> dict:
        return {k: getattr(self, k) for k in dir(self) if k.isupper()}


class DevelopmentConfig(Config):
    DEBUG = False


class TestingConfig(Config):
    TESTING = True
    WTF_CSRF_ENABLED = True
    # Limiting stays on (so its wiring is tested) but high enough for the suite's sign-ins;
    # the limiter test lowers it.
    LOGIN_RATE_LIMIT = "10000 per minute"
    LOGIN_ACCOUNT_RATE_LIMIT = "10000 per minute"
    RESET_RATE_LIMIT = "10000 per minute"
    RESET_ACCOUNT_RATE_LIMIT = "10000 per minute"
    # Cheap hashing keeps the suite fast; production parameters are tested separately.
    ARGON2_TIME_COST = 1
    ARGON2_MEMORY_COST = 1024
    ARGON2_PARALLELISM = 1
    # Jobs run in the caller by default; tests/jobs/ runs a real consumer instead.
    JOBS_IMMEDIATE = True
    REPORT_WARM = False  # tests that want it turn it on

    def __init__(self, instance_path: str):
        super().__init__(instance_path)
        self.SQLALCHEMY_DATABASE_URI = os.environ.get("TEST_DATABASE_URL") or "sqlite://"
        self.REDIS_URL = None  # never a developer's queue
        self.RATELIMIT_STORAGE_URI = "memory://"  # nor their limiter's counts
        self.SECRET_KEY = "testing-secret"  # noqa: S105  (tests only)


class ProductionConfig(Config):
    SESSION_COOKIE_SECURE = True

    def default_secret_key(self) -> str:
        raise RuntimeError("SECRET_KEY must be set in the environment in production.")


CONFIGS = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}


def _flag(value: str | None, default: bool) -> bool:
    if value is None or value == "":
        return default
    return value.strip().lower() in ("1", "true", "yes", "on")
