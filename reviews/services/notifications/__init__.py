"""What people are told: in-app notifications with their e-mails, and the outbox that delivers e-mail through jobs."""
