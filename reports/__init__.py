"""Numbers and pictures: SQL aggregates → pandas metrics → matplotlib charts and exports.
Everything here works without a request."""
