"""Procedure confirmation requests for the currency chart: one row per request that existed
by the latest moment asked about (a few per person and procedure version)."""

from datetime import datetime

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from reviews.models import ProcedureRequest

COLUMNS = ["user_id", "team_id", "requested_at", "confirmed_at", "closed_at"]


def procedure_requests(session: Session, until: datetime) -> pd.DataFrame:
    query = select(
        ProcedureRequest.user_id,
        ProcedureRequest.team_id,
        ProcedureRequest.requested_at,
        ProcedureRequest.confirmed_at,
        ProcedureRequest.closed_at,
    ).where(ProcedureRequest.requested_at <= until)
    rows = session.execute(query).all()
    frame = pd.DataFrame([tuple(r) for r in rows], columns=COLUMNS)
    for column in ("requested_at", "confirmed_at", "closed_at"):
        frame[column] = pd.to_datetime(frame[column])
    return frame
