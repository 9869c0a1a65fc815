"""The application factory. ``flask --app app run`` serves Rapport."""

import logging
import os

from flask import Flask, current_app, has_request_context, request
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from config import CONFIGS, LOCALES
from extensions import babel, csrf, db, limiter, login_manager, migrate


def create_app(config: str | dict | None = None) -> Flask:
    """Build the app. ``config`` is a config name ("development", "testing", "production")
    or a dict of overrides on top of the environment's config."""
    app = Flask(__name__, instance_relative_config=True)
    register_config(app, config)
    trust_proxies(app)
    register_extensions(app)
    register_jobs(app)
    register_listeners(app)
    register_url_converters(app)
    register_blueprints(app)
    register_errorhandlers(app)
    register_security_headers(app)
    register_template_helpers(app)
    register_commands(app)
    return app


def register_config(app: Flask, config: str | dict | None) -> None:
    overrides = config if isinstance(config, dict) else {}
    name = config if isinstance(config, str) else overrides.pop("ENV_NAME", None)
    name = name or os.environ.get("RAPPORT_ENV", "development")
    settings = CONFIGS[name](app.instance_path)
    app.config.from_mapping(settings.as_dict())
    app.config.update(overrides)
    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql://"):
        # psycopg 3 is the driver we ship; plain postgresql:// would ask for psycopg2.
        uri = app.config["SQLALCHEMY_DATABASE_URI"]
        app.config["SQLALCHEMY_DATABASE_URI"] = uri.replace(
            "postgresql://", "postgresql+psycopg://", 1
        )
    logging.basicConfig(level=logging.INFO)
    from reviews.logs import register as redact_follow_tokens

    redact_follow_tokens()


def trust_proxies(app: Flask) -> None:
    """Behind TRUSTED_PROXIES proxies (a load balancer, nginx), take the client's address,
    scheme and host from their X-Forwarded-* headers, so per-address sign-in limits count
    real clients and HSTS and links see HTTPS. With none (the default) the headers are
    ignored: a client cannot pick its own address by sending them."""
    hops = app.config["TRUSTED_PROXIES"]
    if hops > 0:
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)


def register_extensions(app: Flask) -> None:
    from reviews.database import register_sqlite_pragmas
    from reviews.services.people.auth import user_for_session

    db.init_app(app)
    with app.app_context():
        register_sqlite_pragmas(db.engine)
    migrate.init_app(app, db, directory=os.path.join(os.path.dirname(__file__), "migrations"))
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message_category = "info"
    login_manager.login_message = _l("Please sign in to see this page.")
    login_manager.session_protection = "basic"
    login_manager.user_loader(user_for_session)
    csrf.init_app(app)
    babel.init_app(app, locale_selector=select_locale)
    limiter.init_app(app)


def register_jobs(app: Flask) -> None:
    """The job queue's storage from config, and the app its jobs run in."""
    from reviews import jobs

    jobs.init_app(app)


def register_listeners(app: Flask) -> None:
    """Session listeners, attached here rather than on import: e-mails and other work queued
    once a transaction commits (``outbox``, ``jobs``), chart data versions bumped within it
    (``reports.cache``). Each attaches once per process however many apps are created."""
    from reports import cache
    from reviews import jobs
    from reviews.services import audit
    from reviews.services.notifications import outbox

    audit.register()
    outbox.register()
    jobs.register()
    cache.register()


def select_locale() -> str:
    """The signed-in person's language, else the browser's best match (outside a request,
    e.g. in a command, the default; ``force_locale`` picks another)."""
    if not has_request_context():
        return app_default_locale()
    if current_user and current_user.is_authenticated:
        return current_user.locale
    return request.accept_languages.best_match(LOCALES) or "en"


def app_default_locale() -> str:
    return current_app.config["BABEL_DEFAULT_LOCALE"]


def register_url_converters(app: Flask) -> None:
    from reviews.views.converters import register

    register(app)


def register_blueprints(app: Flask) -> None:
    from reports import web as reports
    from reviews.views import (
        actions,
        admin,
        auth,
        cycles,
        ideas,
        inbox,
        main,
        procedures,
        recognition,
        reviews,
    )
    from reviews.views import training as training_views

    app.register_blueprint(auth.bp)
    app.register_blueprint(main.bp)
    app.register_blueprint(inbox.bp)
    app.register_blueprint(reviews.bp)
    app.register_blueprint(cycles.bp)
    app.register_blueprint(actions.bp)
    app.register_blueprint(ideas.bp)
    app.register_blueprint(recognition.bp)
    app.register_blueprint(procedures.bp)
    app.register_blueprint(training_views.bp)
    app.register_blueprint(reports.bp)
    app.register_blueprint(admin.bp)


def register_errorhandlers(app: Flask) -> None:
    from reviews.views.errors import register

    register(app)


def register_security_headers(app: Flask) -> None:
    from reviews.views.headers import register

    register(app)


def register_template_helpers(app: Flask) -> None:
    from reviews.views.templating import register

    register(app)


def register_commands(app: Flask) -> None:
    from reviews.cli import register

    register(app)
