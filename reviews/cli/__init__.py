"""The command line, grouped by noun (``flask reviews …``, ``reports …``, ``jobs …``,
``people …``); the demo and scale seeds and ``db-is-empty`` stay at the top level, where
``make run`` and the README call them."""

from flask import Flask

from . import jobs, notifications, people, procedures, reports, reviews, seed


def register(app: Flask) -> None:
    for command in (seed.seed_demo, seed.seed_scale, seed.db_is_empty):
        app.cli.add_command(command)
    for module in (reviews, reports, jobs, people, procedures, notifications):
        app.cli.add_command(module.group)
