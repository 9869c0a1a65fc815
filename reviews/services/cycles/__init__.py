"""Cycles: setting one up, opening, adding people, closing, and the reminders before its deadlines."""
