"""Seed data for the demo organisation, kept apart from the code that loads it."""
