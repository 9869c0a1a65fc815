"""Training records: recording, correcting and deleting them (``records``), one made when a
training action item is done (``records.record_from_action``), a person's history and what a
review shows of it (``queries``), and the evidence a review form shows beside each competency
(``evidence``)."""

from .evidence import evidence
from .records import record_from_action

__all__ = ["evidence", "record_from_action"]
