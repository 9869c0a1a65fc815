"""The Rapport domain: models, access rules, services and views."""
