"""People: accounts and reporting lines, teams, passwords and sessions."""
