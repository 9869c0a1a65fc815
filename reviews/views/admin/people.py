"""Admin: people (placeholder until the admin pages are built)."""
