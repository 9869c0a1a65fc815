"""``flask reports …``: the chart cache and the rating summaries."""

from time import perf_counter

import click

from extensions import db


@click.group("reports")
def group() -> None:
    """Reports: the chart cache and the rating summaries."""


@group.command("clear-cache")
def clear_cache() -> None:
    """Empty the chart cache and bump every data version: run it after loading data with
    plain SQL (bulk loads bypass the write hook that bumps the versions)."""
    from reports import cache

    cache.reset(db.session)
    db.session.commit()
    click.echo("Chart cache emptied; data versions bumped.")


@group.command("rebuild-summary")
def rebuild_summary() -> None:
    """Compute the rating summaries again from every rating that counts (they are kept up
    to date on every write; run this after loading ratings with plain SQL), and start the
    chart cache afresh."""
    from reports import cache, summary

    began = perf_counter()
    cycles = summary.rebuild(db.session)
    cache.reset(db.session)
    db.session.commit()
    click.echo(f"Rating summaries rebuilt for {cycles} cycles in {perf_counter() - began:.1f} s.")
