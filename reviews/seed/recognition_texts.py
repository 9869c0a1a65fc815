"""The demo's recognition messages, by competency key and language: what colleagues on a
university IT help desk thank each other for. ``{name}`` is the recipient's first name."""

MESSAGES = {
    "clear": {
        "en": [
            "Your outage update to the faculty list was short, calm and said exactly what people"
            " had to do. The phones went quiet within ten minutes.",
            "{name}, the one-page guide you wrote for the new VPN saved us dozens of tickets in"
            " the first week.",
        ],
        "et": [
            "{name}, sinu katkestuse teade õppejõududele oli lühike ja selge – kõik teadsid kohe,"
            " mida teha. Telefonid vaikisid kümne minutiga.",
            "Aitäh uue VPN-i juhendi eest! Üks lehekülg ja kõik oluline on kirjas.",
        ],
        "sl": [
            "{name}, vaše obvestilo o izpadu je bilo kratko in jasno – vsi so takoj vedeli, kaj"
            " morajo storiti.",
            "Hvala za enostranska navodila za novi VPN. Prvi teden smo dobili precej manj klicev.",
        ],
    },
    "listening": {
        "en": [
            "You let the professor finish before asking a single question, and the two questions"
            " you asked found the real problem. Lovely to listen to.",
            "Thanks for taking the time to really hear out the student whose thesis files"
            " vanished. She left the counter calm.",
        ],
        "et": [
            "{name}, sa lasid professoril rahulikult lõpuni rääkida ja kaks täpsustavat küsimust"
            " viisid kohe tegeliku probleemini.",
            "Aitäh, et kuulasid ära tudengi, kelle lõputöö failid olid kadunud. Ta lahkus"
            " rahulikuna.",
        ],
        "sl": [
            "{name}, profesorja ste pustili, da je povedal do konca, potem pa z dvema vprašanjema"
            " našli pravi vzrok težave.",
            "Hvala, ker ste si vzeli čas za študentko, ki je izgubila datoteke diplomske naloge."
            " Odšla je pomirjena.",
        ],
    },
    "explaining": {
        "en": [
            "You explained two-factor sign-in to the retired lecturer without a single bit of"
            " jargon. He thanked us twice on the way out.",
            "{name}, the way you compared the shared drive to a filing cabinet finally made it"
            " click for the finance team.",
        ],
        "et": [
            "Sa selgitasid emeriitprofessorile kaheastmelist sisselogimist ilma ühegi"
            " erialase sõnata. Ta tänas meid kaks korda.",
        ],
        "sl": [
            "Upokojenemu predavatelju ste dvostopenjsko prijavo razložili brez enega samega"
            " strokovnega izraza. Dvakrat se nam je zahvalil.",
        ],
    },
    "knowledge": {
        "en": [
            "You knew the exam-week escalation procedure by heart when the lecture capture"
            " failed. The recording was back before the break.",
            "{name}, thank you for updating the knowledge base article on guest Wi-Fi. I used it"
            " three times today.",
        ],
        "et": [
            "Eksaminädala eskalatsiooni kord oli sul peas, kui loengusalvestus katkes. Salvestus"
            " töötas enne vaheaega taas.",
            "Aitäh, et uuendasid külaliste WiFi juhendit teadmusbaasis – kasutasin seda täna"
            " kolm korda.",
        ],
        "sl": [
            "Postopek eskalacije v izpitnem tednu ste poznali na pamet, ko je odpovedalo"
            " snemanje predavanja.",
            "Hvala za posodobljen članek o gostujočem Wi-Fi v bazi znanja. Danes sem ga uporabil"
            " trikrat.",
        ],
    },
    "problem": {
        "en": [
            "The enrolment portal went down on the first morning and you had a workaround"
            " running for the queue in twenty minutes. Brilliant under pressure.",
            "{name}, you traced the printer problem in the library to one bad driver when three"
            " of us had given up. Thank you!",
        ],
        "et": [
            "Sisseastumisportaal kukkus esimesel hommikul maha ja sul oli kahekümne minutiga"
            " järjekorra jaoks ajutine lahendus olemas. Suurepärane!",
            "{name}, leidsid raamatukogu printerite mure taga ühe vigase draiveri, kui teised"
            " olid juba alla andnud.",
        ],
        "sl": [
            "Vpisni portal je prvo jutro odpovedal, vi pa ste v dvajsetih minutah vzpostavili"
            " začasno rešitev za vrsto. Odlično!",
            "{name}, težavo s tiskalniki v knjižnici ste izsledili do enega samega gonilnika."
            " Hvala!",
        ],
    },
    "teamwork": {
        "en": [
            "Thanks for covering my chat queue while I was stuck at the dean's office, and for"
            " leaving such clear notes on every open ticket.",
            "{name}, you spent your whole afternoon helping the new starters with their first"
            " tickets. They keep saying how much it helped.",
        ],
        "et": [
            "Aitäh, et katsid minu vestlusjärjekorda, kui olin dekanaadis kinni, ja jätsid igale"
            " pöördumisele selged märkmed.",
            "{name}, sa aitasid terve pärastlõuna uusi kolleege nende esimeste pöördumistega."
            " Nad räägivad siiani, kui palju see aitas.",
        ],
        "sl": [
            "Hvala, ker ste prevzeli mojo vrsto klepeta, ko sem obtičal v dekanatu, in pustili"
            " jasne zapiske pri vsakem zahtevku.",
            "{name}, celo popoldne ste pomagali novim sodelavcem pri prvih zahtevkih. Še vedno"
            " pravijo, kako zelo jim je to pomagalo.",
        ],
    },
    "respect": {
        "en": [
            "The caller was rude for ten minutes and you stayed kind and professional the whole"
            " time. He apologised at the end.",
        ],
        "et": [
            "Helistaja oli kümme minutit ebaviisakas, aga sina jäid kogu aeg sõbralikuks ja"
            " asjalikuks. Lõpuks ta vabandas.",
        ],
        "sl": [
            "Klicatelj je bil deset minut nesramen, vi pa ste ves čas ostali prijazni in"
            " profesionalni. Na koncu se je opravičil.",
        ],
    },
    "reliability": {
        "en": [
            "You promised the chemistry lab their accounts by Monday and they were ready on"
            " Friday. The lab manager noticed.",
            "{name}, every ticket you touched this month had a follow-up on time. Thank you for"
            " being someone we can count on.",
        ],
        "et": [
            "Lubasid keemialaborile kontod esmaspäevaks, aga need olid valmis juba reedel."
            " Labori juhataja pani seda tähele.",
        ],
        "sl": [
            "Kemijskemu laboratoriju ste račune obljubili do ponedeljka, pripravljeni pa so bili"
            " že v petek.",
            "{name}, vsak zahtevek, ki ste se ga ta mesec lotili, je imel pravočasen odziv."
            " Hvala, ker se lahko zanesemo na vas.",
        ],
    },
}
