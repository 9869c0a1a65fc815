"""Procedures and policies with read-and-confirm: writing and publishing (``editing``),
confirming (``reading``), what each person sees (``queries``), the daily job that asks
newcomers and reminds (``reminders``) and the safe rendering of a body (``markdown``)."""
