"""Each person's data rights: the export of everything Rapport holds about them
(``export``), how long a departed person's data is kept (``retention``), and its erasure or
pseudonymisation after that (``erasure``, with ``scrub`` finding their name elsewhere)."""
