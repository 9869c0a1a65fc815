"""The framework and scale Rapport ships with, in every language: the help-desk practice it
grew from (see PRODUCT.md). Each competency is (name, description, behaviour examples) per
language; each scale level a label per language. Wording follows translations/GLOSSARY.md."""

from reviews.models.translated import column_for

FIELDS = ("name", "description", "behaviour_examples")

DEFAULT_COMPETENCIES = [
    {
        "en": (
            "Clear and concise communication",
            "Keeps messages short, accurate and easy to act on, at every level of the desk.",
            "Writes ticket updates a customer understands at first reading; "
            "summarises an incident for the team in three sentences.",
        ),
        "et": (
            "Selge ja sisutihe suhtlus",
            "Sõnastab teated lühidalt, täpselt ja nii, et nende põhjal on lihtne tegutseda – "
            "klienditoe igal tasandil.",
            "Kirjutab pöördumisele uuendusi, mida klient mõistab esimesel lugemisel; "
            "võtab intsidendi meeskonnale kolme lausega kokku.",
        ),
        "sl": (
            "Jasno in jedrnato sporazumevanje",
            "Sporočila so kratka, natančna in takoj uporabna, na vseh ravneh podpore.",
            "Piše posodobitve zahtevkov, ki jih stranka razume ob prvem branju; "
            "incident ekipi povzame v treh stavkih.",
        ),
    },
    {
        "en": (
            "Active listening and clarifying questions",
            "Listens to the whole problem and asks questions until it is understood.",
            "Repeats the problem back before acting; asks what changed before it broke.",
        ),
        "et": (
            "Aktiivne kuulamine ja täpsustavad küsimused",
            "Kuulab probleemi lõpuni ära ja küsib, kuni see on selge.",
            "Kordab probleemi enne tegutsemist oma sõnadega üle; küsib, mis muutus enne, "
            "kui asi katki läks.",
        ),
        "sl": (
            "Aktivno poslušanje in pojasnjevalna vprašanja",
            "Prisluhne celotni težavi in sprašuje, dokler je ne razume.",
            "Pred ukrepanjem težavo ponovi s svojimi besedami; vpraša, kaj se je spremenilo, "
            "preden je prenehalo delovati.",
        ),
    },
    {
        "en": (
            "Explaining in the customer's words",
            "Explains solutions without jargon, in terms the customer uses.",
            "Avoids acronyms; checks the customer can repeat the steps.",
        ),
        "et": (
            "Selgitamine kliendi sõnadega",
            "Selgitab lahendusi erialase žargoonita, sõnadega, mida klient ise kasutab.",
            "Väldib lühendeid; kontrollib, et klient oskab samme ise korrata.",
        ),
        "sl": (
            "Razlaganje z besedami stranke",
            "Rešitve razloži brez strokovnega žargona, z izrazi, ki jih uporablja stranka.",
            "Izogiba se kraticam; preveri, ali zna stranka korake ponoviti.",
        ),
    },
    {
        "en": (
            "Knowledge of information and procedures",
            "Knows current information, policies and procedures and where to find them.",
            "Uses the knowledge base; follows the escalation procedure; reads release notes.",
        ),
        "et": (
            "Teabe ja töökordade tundmine",
            "Tunneb ajakohast teavet, reegleid ja töökordi ning teab, kust neid leida.",
            "Kasutab teadmusbaasi; järgib eskaleerimise korda; loeb väljalaskemärkmeid.",
        ),
        "sl": (
            "Poznavanje informacij in postopkov",
            "Pozna aktualne informacije, pravila in postopke ter ve, kje jih najde.",
            "Uporablja bazo znanja; upošteva postopek eskalacije; bere opombe ob izdaji.",
        ),
    },
    {
        "en": (
            "Problem solving and handling difficult situations",
            "Finds the cause of problems and stays calm and constructive under pressure.",
            "Calms an angry caller; isolates a fault methodically; knows when to escalate.",
        ),
        "et": (
            "Probleemide lahendamine ja keeruliste olukordadega toimetulek",
            "Leiab probleemide põhjuse ning jääb surve all rahulikuks ja konstruktiivseks.",
            "Rahustab vihast helistajat; otsib vea süsteemselt üles; teab, millal eskaleerida.",
        ),
        "sl": (
            "Reševanje težav in obvladovanje zahtevnih situacij",
            "Poišče vzrok težav in pod pritiskom ohrani mirnost ter konstruktiven pristop.",
            "Pomiri jeznega klicatelja; napako metodično omeji; ve, kdaj zadevo eskalirati.",
        ),
    },
    {
        "en": (
            "Teamwork and supporting colleagues",
            "Shares knowledge and helps colleagues when something is outside their experience.",
            "Answers a colleague's question in chat; documents a fix for others.",
        ),
        "et": (
            "Meeskonnatöö ja kolleegide toetamine",
            "Jagab teadmisi ja aitab kolleege, kui miski jääb nende kogemusest välja.",
            "Vastab kolleegi küsimusele vestluses; dokumenteerib lahenduse teistele.",
        ),
        "sl": (
            "Timsko delo in podpora sodelavcem",
            "Deli znanje in pomaga sodelavcem, kadar kaj presega njihove izkušnje.",
            "Odgovori na vprašanje sodelavca v klepetu; rešitev dokumentira za druge.",
        ),
    },
    {
        "en": (
            "Respect and professionalism",
            "Treats customers and colleagues with respect and recognises their contributions.",
            "Stays courteous in conflict; credits colleagues' help.",
        ),
        "et": (
            "Lugupidamine ja professionaalsus",
            "Kohtleb kliente ja kolleege lugupidavalt ning tunnustab nende panust.",
            "Jääb ka konfliktis viisakaks; tunnustab kolleegide abi.",
        ),
        "sl": (
            "Spoštovanje in profesionalnost",
            "S strankami in sodelavci ravna spoštljivo ter priznava njihov prispevek.",
            "Tudi v sporu ohrani vljudnost; prizna pomoč sodelavcev.",
        ),
    },
    {
        "en": (
            "Reliability and follow-through",
            "Does what was promised, on time, and closes the loop with the customer.",
            "Calls back when promised; keeps tickets up to date; meets SLAs.",
        ),
        "et": (
            "Usaldusväärsus ja asjade lõpuni viimine",
            "Teeb lubatu õigel ajal ära ja annab kliendile tulemusest teada.",
            "Helistab lubatud ajal tagasi; hoiab pöördumised ajakohased; peab kinni "
            "teenustaseme lepingutest.",
        ),
        "sl": (
            "Zanesljivost in dosledno dokončanje",
            "Kar obljubi, opravi pravočasno in stranko obvesti o izidu.",
            "Pokliče nazaj ob dogovorjenem času; zahtevke sproti posodablja; upošteva SLA.",
        ),
    },
]

DEFAULT_SCALE = [
    (1, {"en": "Needs significant improvement", "et": "Vajab olulist arengut",
         "sl": "Potrebne so večje izboljšave"}),
    (2, {"en": "Needs improvement", "et": "Vajab arengut", "sl": "Potrebne so izboljšave"}),
    (3, {"en": "Meets expectations", "et": "Vastab ootustele", "sl": "Izpolnjuje pričakovanja"}),
    (4, {"en": "Exceeds expectations", "et": "Ületab ootusi", "sl": "Presega pričakovanja"}),
    (5, {"en": "Outstanding", "et": "Silmapaistev", "sl": "Izjemno"}),
]  # fmt: skip


def competency_columns(texts: dict[str, tuple[str, str, str]]) -> dict[str, str]:
    """A competency's texts per language as its columns (``name``, ``name_et``, …)."""
    return {
        column_for(field, locale): text
        for locale, values in texts.items()
        for field, text in zip(FIELDS, values, strict=True)
    }


def label_columns(labels: dict[str, str]) -> dict[str, str]:
    """A scale level's label per language as its columns (``label``, ``label_et``, …)."""
    return {column_for("label", locale): label for locale, label in labels.items()}
