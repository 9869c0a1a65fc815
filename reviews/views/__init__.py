"""Blueprints: thin views that validate a form, call a service and render."""

from reviews.services import DomainError


def apply_domain_errors(form, error: DomainError) -> None:
    """Put a service's reasons next to the fields they concern ("" = the whole form)."""
    for field_name, message in error.errors.items():
        field = getattr(form, field_name, None) if field_name else None
        if field is not None and hasattr(field, "errors"):
            field.errors = list(field.errors) + [message]
        else:
            form.form_errors.append(message)
