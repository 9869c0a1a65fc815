"""Action items between the reviews: every status change (``status``), the lists of a person,
a manager and a team (``lists``), editing what was agreed (``editing``), the carry-over into
the next review (``carry``), due-date reminders (``reminders``) and the evidence they offer
a review form (``evidence``)."""
