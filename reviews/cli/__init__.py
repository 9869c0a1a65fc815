"""The command line, grouped by noun (``flask reviews …``, ``reports …``, ``jobs …``,
``people …``); the demo and scale seeds, ``db-is-empty``, ``backup`` and ``restore`` stay at
the top level, where ``make run`` and the README call them."""

from flask import Flask

from . import backup, jobs, notifications, people, procedures, reports, reviews, seed


def register(app: Flask) -> None:
    top_level = (seed.seed_demo, seed.seed_scale, seed.db_is_empty)
    for command in (*top_level, backup.backup_command, backup.restore_command):
        app.cli.add_command(command)
    for module in (reviews, reports, jobs, people, procedures, notifications):
        app.cli.add_command(module.group)
