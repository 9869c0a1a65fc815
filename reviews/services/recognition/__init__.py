"""Recognition: giving one (``giving``), hiding, removing and the team-feed choice
(``moderation``), the lists (``queries``) and what it offers the review form (``evidence``).

Recognition is signed and only positive, and it never enters a rating: no rating, summary
or metric reads these tables (tests/recognition/test_chart.py proves the rating charts do
not move when recognitions are added)."""
