"""The interface speaks English, Estonian and Slovenian: each catalog is complete, keeps
every placeholder, and the pages use the reader's language."""

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from extensions import db
from tests import factories

CATALOGS = Path(__file__).parent.parent / "translations"
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")


def catalog(locale: str):
    with (CATALOGS / locale / "LC_MESSAGES" / "messages.po").open("rb") as f:
        return read_po(f, locale=locale)


def translation(locale: str, msgid: str) -> str:
    message = catalog(locale).get(msgid)
    assert message is not None and message.string, f"{msgid!r} has no {locale} translation"
    return message.string


ROOT = Path(__file__).parent.parent


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> set[str]:
    """Every message in the code and templates now, extracted afresh as `make messages` does
    (templates/_macros and _partials included), not read from the committed catalogue."""
    import os

    from babel.messages.frontend import CommandLineInterface

    out = tmp_path_factory.mktemp("pot") / "messages.pot"
    here = os.getcwd()
    os.chdir(ROOT)
    try:
        CommandLineInterface().run(
            ["pybabel", "-q", "extract", "-F", "babel.cfg", "-k", "_l", "--ignore-dirs", ".*",
             "-o", str(out), "."]
        )  # fmt: skip
    finally:
        os.chdir(here)
    with out.open("rb") as f:
        return {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(f) if m.id}


def test_extraction_reaches_the_macros_and_partials(extracted):
    assert {"Save draft", "Apply filters", "Competencies it concerns"} <= extracted


@pytest.mark.parametrize("locale", ["et", "sl"])
def test_every_message_in_the_code_is_translated(extracted, locale):
    ours = catalog(locale)
    done = {
        m.id if isinstance(m.id, str) else m.id[0]
        for m in ours
        if m.id and not m.fuzzy and all(m.string if isinstance(m.string, tuple) else (m.string,))
    }
    missing = sorted(extracted - done)
    assert not missing, (
        f"{len(missing)} not translated in {locale} (run make messages): {missing[:8]}"
    )


@pytest.mark.parametrize("locale", ["et", "sl"])
def test_wtforms_messages_speak_the_readers_language(app, locale):
    """WTForms' own messages come from our catalogue (it ships no Slovenian)."""
    from forms.i18n import translations

    with app.test_request_context(headers={"Accept-Language": locale}):
        date_message = translations.gettext("Not a valid date value.")
        assert date_message == translation(locale, "Not a valid date value.")
        assert date_message != "Not a valid date value."
        assert translations.gettext("This field is required.") != "This field is required."
        longest = translations.gettext("Field cannot be longer than %(max)d characters.")
        assert "%(max)d" in longest and longest % {"max": 150}  # WTForms fills it in later
        # Length() asks through ngettext, with a singular our catalogue does not hold.
        singular = "Field cannot be longer than %(max)d character."
        plural = "Field cannot be longer than %(max)d characters."
        assert translations.ngettext(singular, plural, 150) == longest


@pytest.mark.parametrize("locale", ["et", "sl"])
def test_catalog_is_complete_and_keeps_placeholders(locale):
    missing, broken = [], []
    for message in catalog(locale):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(strings) or message.fuzzy:
            missing.append(ids[0])
            continue
        wanted = set(PLACEHOLDER.findall(ids[-1]))
        for text in strings:
            if set(PLACEHOLDER.findall(text)) != wanted:
                broken.append((ids[0], text))
    assert not missing, f"{len(missing)} untranslated in {locale}, e.g. {missing[:5]}"
    assert not broken, f"placeholders changed in {locale}: {broken[:5]}"


@pytest.mark.parametrize("locale", ["et", "sl"])
def test_sign_in_page_follows_the_browser_language(client, locale):
    html = client.get("/login", headers={"Accept-Language": f"{locale},en;q=0.5"}).get_data(
        as_text=True
    )
    assert f'lang="{locale}"' in html
    assert translation(locale, "Sign in") in html


def test_signed_in_person_reads_their_own_language(app, login_as):
    person = factories.user("staff")
    person.locale = "sl"
    db.session.commit()
    html = login_as(person).get("/").get_data(as_text=True)
    assert translation("sl", "My reviews") in html
    assert translation("sl", "Sign out") in html


def test_the_date_filter_shows_the_readers_calendar_day(app):
    """Moments are stored in UTC; a submission late on 1 March UTC was on 2 March in Tallinn
    (the configured time zone), and the day is what the filter prints — the same day however
    many moments of it a page formats."""
    from datetime import date, datetime

    from flask import render_template_string
    from flask_babel import force_locale

    template = "{{ late|date }} {{ early|date }} {{ day|date }}"
    moments = {
        "late": datetime(2026, 3, 1, 23, 30),
        "early": datetime(2026, 3, 1, 20, 0),
        "day": date(2026, 3, 2),
    }
    with app.test_request_context(), force_locale("et"):
        assert render_template_string(template, **moments) == (
            "2. märts 2026 1. märts 2026 2. märts 2026"
        )
    with app.test_request_context(), force_locale("en"):
        assert render_template_string(template, **moments) == "Mar 2, 2026 Mar 1, 2026 Mar 2, 2026"


def test_dates_and_moments_have_one_style_per_language(app):
    """Every date is the medium style of the reader's language, every moment that date and
    the time without seconds, joined as the language joins them."""
    from datetime import datetime

    from flask import render_template_string
    from flask_babel import force_locale

    template = "{{ moment|date }} · {{ moment|datetime }}"
    moment = datetime(2026, 12, 1, 9, 55)  # UTC; 11:55 in Tallinn, the configured time zone
    shown = {}
    for locale in ("en", "et", "sl"):
        with app.test_request_context(), force_locale(locale):
            shown[locale] = render_template_string(template, moment=moment)
    assert shown["en"] == "Dec 1, 2026 · Dec 1, 2026, 11:55\u202fAM"  # CLDR: a narrow space
    assert shown["et"] == "1. dets 2026 · 1. dets 2026 11:55"
    assert shown["sl"] == "1. dec. 2026 · 1. dec. 2026, 11:55"


def test_templates_ask_for_no_other_date_style():
    """One style: no template picks a format of its own (e.g. "12/5/26" beside "Dec 5")."""
    styled = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "templates").rglob("*.html")
        if re.search(r"\|\s*date(time)?\(", path.read_text())
    ]
    assert styled == []


@pytest.mark.parametrize(
    "locale, expected",
    [
        ("en", "Your self-assessment for 2026 Q4 is due on Dec 9, 2026."),
        ("et", "9. dets 2026"),
        ("sl", "9. dec. 2026"),
    ],
)
def test_a_deadline_inside_a_sentence_reads_as_a_date(app, locale, expected):
    from flask_babel import force_locale

    from reviews.services.notifications.inbox import sentence

    params = {"cycle": "2026 Q4", "deadline": "2026-12-09"}
    with app.test_request_context(), force_locale(locale):
        text = sentence("self_assessment_due", params)
    assert expected in text and "2026-12-09" not in text


def test_overdue_counts_use_the_languages_plural_forms(app):
    from flask_babel import force_locale

    from reviews.services.notifications.inbox import sentence

    with app.test_request_context(), force_locale("en"):
        assert sentence("reviews_overdue", {"count": 1, "cycle": "Q4"}) == (
            "1 review of Q4 is overdue."
        )
    with app.test_request_context(), force_locale("sl"):
        said = {n: sentence("reviews_overdue", {"count": n, "cycle": "Q4"}) for n in (1, 2, 3, 5)}
    assert said[1] == "V obdobju Q4 zamuja 1 razgovor."
    assert said[2] == "V obdobju Q4 zamujata 2 razgovora."
    assert said[3] == "V obdobju Q4 zamujajo 3 razgovori."
    assert said[5] == "V obdobju Q4 zamuja 5 razgovorov."
