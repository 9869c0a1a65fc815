"""Recognition counts for the leadership chart: per team (the recipient's team when it was
given) and competency, in the chosen cycles' periods; removed recognitions left out, hidden
ones counted (hiding keeps the message private, the thanks still happened). Never by person,
and never joined to any rating.

Every team is counted, whichever teams the viewer chose: the small-group rule decides what to
hide over the whole organisation (``reports.recognition``), and only then keeps the teams
shown — so no two views can be subtracted to give a small team back."""

from datetime import datetime, time, timedelta

import pandas as pd
from sqlalchemy import and_, false, func, or_, select
from sqlalchemy.orm import Session

from reviews.models import Cycle, Recognition, User, recognition_competencies

from ..filters import Filters
from .common import frame


def _window(session: Session, filters: Filters):
    """Recognitions given on a day of one of the chosen cycles' periods."""
    query = select(Cycle.period_start, Cycle.period_end).where(Cycle.id.in_(filters.cycle_ids))
    spans = [
        and_(
            Recognition.created_at >= datetime.combine(start, time()),
            Recognition.created_at < datetime.combine(end, time()) + timedelta(days=1),
        )
        for start, end in session.execute(query)
    ]
    return or_(*spans) if spans else false()


def recognition_counts(session: Session, filters: Filters) -> dict[str, pd.DataFrame]:
    """Over every team (``filters.team_ids`` is not applied here): ``tags``: (team_id,
    competency_id, count) — recognitions tagged with each competency; ``totals``: (team_id,
    count) — recognitions, each once; ``people``: (team_id, people) — the team's size, its
    active members now and anyone recognised in it in the periods."""
    kept = and_(Recognition.removed_at.is_(None), _window(session, filters))
    tag = recognition_competencies.c
    tags = (
        select(Recognition.team_id, tag.competency_id, func.count(Recognition.id).label("count"))
        .join(recognition_competencies, tag.recognition_id == Recognition.id)
        .where(kept)
        .group_by(Recognition.team_id, tag.competency_id)
    )
    totals = (
        select(Recognition.team_id, func.count(Recognition.id).label("count"))
        .where(kept)
        .group_by(Recognition.team_id)
    )
    recipients = select(Recognition.team_id, Recognition.recipient_id).where(kept).distinct()
    members = select(User.team_id, User.id).where(User.active.is_(True), User.team_id.is_not(None))
    seen: dict = {}
    for team_id, person_id in [*session.execute(recipients), *session.execute(members)]:
        seen.setdefault(team_id, set()).add(person_id)
    people = pd.DataFrame(
        [(team_id, len(ids)) for team_id, ids in seen.items()], columns=["team_id", "people"]
    )
    return {"tags": frame(session, tags), "totals": frame(session, totals), "people": people}
