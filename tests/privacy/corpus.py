"""Corpus of strings with and without personal data, for recall and false-positive tests.

Every positive is a (text, kind) pair: the kind ``find_in_text`` must report first for that text.
Every negative is text a pupil-file study legitimately exports (agency names with numbers, school
years, periods, amounts, referral dates, counts) and must never be flagged. Hostile spellings
(separators, full stops, lower case, floats) are spelled out on purpose.
"""

# valid BSNs (eleven-test), drawn once with random.Random(1); 111222333 and 123456782 are the classics
BSNS = ["111222333", "123456782", "835337406", "278683873", "100457721", "418942328", "463907656",
        "828081414", "129173666", "986144368"]
#: nine-digit numbers that fail the eleven-test (not a BSN)
NOT_BSNS = ["123456789", "653154085", "152946199", "879686434", "820981233", "648048484", "726151858"]


def _bsn_spellings(b: str) -> list[str]:
    return [
        b, f"bsn {b}.", f"BSN: {b}", f"Accare (bsn {b})", f"{b[:4]}.{b[4:6]}.{b[6:]}", f"{b[:3]} {b[3:6]} {b[6:]}",
        f"{b[:3]}-{b[3:6]}-{b[6:]}", f"{b[:3]}.{b[3:6]}.{b[6:]}", f"{b}.0", f"nr. {b[:2]} {b[2:5]} {b[5:7]} {b[7:]}",
    ]


POSITIVES: list[tuple[str, str]] = (
    [(s, "BSN") for b in BSNS for s in _bsn_spellings(b)]
    + [(s, "BSN") for s in [
        "burgerservicenummer 111222333", "Lentis, bsn:123456782;", "bsn=835337406", "(bsn 278683873)",
        "leerling 100457721 verhuisd", "BSN nr 418942328!", "bsn 4639.07.656.", "sofi 828081414",
        "Karakter 129173666", "986144368,0"]]
    + [(s, "telefoon") for s in [
        "06-12345678", "06 12345678", "0612345678", "06.12345678", "06 12 34 56 78", "06-12 34 56 78",
        "06.12.34.56.78", "06 1234 5678", "06-1234-5678", "06-123 456 78", "06 123 456 78", "+31 6 12345678",
        "+31612345678", "+31 (0)6 12345678", "+31 (0)6-12345678", "0031 6 12345678", "0031612345678",
        "+31-6-12345678", "bel moeder: 06.12345678.", "tel 06-98765432", "mobiel 0687654321", "(06) 12345678",
        "020-1234567", "020 123 4567", "(020) 123 4567", "010 - 123 45 67".replace(" - ", "-"), "0591-123456",
        "0591 12 34 56", "058 212 34 56", "050-3123456", "0513 123456", "+31 20 123 4567", "+31 (0)58 2123456",
        "0031 50 312 3456", "tel. 030-2345678", "telefoon 0302345678.", "vader: 06.87654321",
        "bel 070 123 45 67", "ouders 0612-345678"]]
    + [(s, "e-mail") for s in [
        "ouder@example.nl", "Ouder@Example.NL", "j.jansen@school.nl", "mail naar jan_jansen+school@gmail.com",
        "contact: m.devries@hotmail.com.", "piet.de.vries@ziggo.nl", "mama1985@live.nl", "a@b.co",
        "info@ggd-fryslan.nl", "jan (at) example (dot) nl", "jan[at]example.nl", "jan [at] example [dot] nl",
        "moeder(at)gmail.com", "ouder@example.nl;", "<ouder@example.nl>", "mailto:ouder@example.nl",
        "e-mail ouder: kees.bakker@kpnmail.nl", "J.Jansen@Gemeente-Leeuwarden.NL", "x.y-z@sub.domein.nl",
        "Accare (ouder@example.nl)"]]
    + [(s, "postcode+huisnummer") for s in [
        "1234 AB 12", "1234AB 12", "1234 ab 12", "1234ab12", "1234 Ab, 12", "woont 9712 CP 3", "8901 bj 120",
        "postcode 1011 AB nr 5", "1234 XY 1", "adres: 2500 GA 45", "6511 kz 7", "3521 az, 14", "1234 ab 12.",
        "(1234 AB 12)", "5611 ZT 100"]]
    + [(s, "adres") for s in [
        "Dorpsstraat 12", "woont Kerklaan 3a", "Stationsweg 101", "Marktplein 4", "Oudegracht 210",
        "Herengracht 1", "Prinsenkade 7",
        "Zeedijk 45", "Achtersteeg 2", "Beukendreef 19", "Wilhelminasingel 3", "9712 CP Groningen", "1011AB",
        "woont in 3511 LX Utrecht", "Lindelaan 88",
        "2500 GA", "2024 AB"]]  # an upper-case postcode shape is always flagged, also after a year
    + [(s, "geboortedatum") for s in [
        "geboren op 3-9-2015", "geb. 03-09-2015", "geb 3 september 2015", "Geboortedatum: 12/05/2014",
        "geboortedatum 12-05-2014", "DOB 01-02-2013", "born on 5 March 2014", "date of birth: 5/3/2014",
        "geb.datum 01.02.2013", "Geboren 1 jan 2016", "GEBOREN OP 03-09-2015", "kind (geb. 3-9-15)",
        "geboren: 30/11/2012", "d.o.b. 02-02-2012", "geb.: 7 mei 2014"]]
    + [(s, "naam") for s in [
        "mevr. Jansen", "dhr. de Vries", "Dhr Bakker", "juf Anna", "meester Bram", "Mw. Bakker", "mw Yilmaz",
        "gesprek met meneer Yilmaz", "Mevrouw El Amrani", "moeder (mevr. Smit) belde", "Mr. Jones", "Mrs Smith",
        "overleg met juf Fatima", "Meester Kees", "mevr. van der Berg"]]
    + [(s, "pseudoniem") for s in [
        "ps_0123456789abcdef", "leerling ps_a1b2c3d4e5f60718", "PS_0123456789ABCDEF", "ps_deadbeefcafe0001;",
        "(ps_0011223344556677)", "ps_ffffffffffffffff", "school A / ps_1234abcd5678ef90", "ps_abcd",
        "ps_0123456789abcdef.", "id=ps_9f8e7d6c5b4a3210"]]
)

NEGATIVES: list[str] = (
    # agencies and schools, with numbers
    ["Jeugdteam 3", "Jeugdteam 12", "GGD 2024", "GGD Fryslân 2023", "Wijkteam Noord 2", "Buurtteam 7",
     "Accare", "Karakter", "Lentis", "Jeugd-GGZ", "Bureau Jeugdzorg", "Veilig Thuis", "CJG Leeuwarden",
     "Kinderpraktijk 3", "Praktijk 020", "SBO De Regenboog", "IKC Het Anker", "IKC Het Ankerr",
     "sbo de regenboog ", "Logopedie Centrum 2", "Team 4 Oost", "Locatie 15", "Jeugdarts JGZ", "Samenwerkingsverband 21.01",
     "SWV 25-05", "Stichting 1801", "Wijkteam 9712", "Hub 11", "Regio 3", "School 1", "School 2", "Fysio 4 Kids",
     "Sociaal team 2024", "Vestiging 0591", "Ambulante dienst 3", "Zorgaanbieder 12A", "Kinderopvang 't Hummeltje",
     "Jeugdbescherming Noord", "De Hoop ggz", "MEE Friesland", "Youké", "Kinderdagcentrum 06", "Juffrouw Ooievaar",
     "Meesterschap in onderwijs", "Stationsweg", "De Dorpsstraat-school", "Kerklaan school", "Mevrouw",
     "Team mw", "Praktijk dhr", "Accare (locatie 2)", "GGD 112", "Groep 8", "Klas 3b", "BRIN 12AB", "Brin 04XY",
     "1234 leerlingen", "postcode-gebied 1234", "postcodegebied 9712", "Wijk 9712 en omgeving"]
    # school years, periods, dates of referrals
    + ["2023/2024", "2023-2024", "2023 / 2024", "schooljaar 2024/2025", "2024K3", "2024-Q1", "2024 Q4", "2024-09",
       "sep 2024", "september 2024", "2024-06-12", "12-06-2024", "06-02-2024", "01-02-2024 10:30", "06-02-2024 10:30",
       "verwezen op 12-03-2024", "start 01-09-2023, einde 31-07-2024", "week 06 2024", "2024-W06", "10/02/2024",
       "09/13/2024", "3 september 2015", "1 jan 2016", "op 06.09.2024", "06.09.2024 om 10.30", "2024.06.12",
       "aanmelding 2024-01-15 14:00", "periode 2022-2023", "2021K1", "kwartaal 3 2024", "20240115", "15-1-24",
       "van 2023-09-01 tot 2024-07-31", "maand 06", "06/2024", "2024/06", "12-2024", "1-9-2024 t/m 31-12-2024",
       "t/m 2025", "jaar 2024 en 12 leerlingen"]
    # amounts, counts, ratios, codes
    + ["€ 1.250,00", "12.500 euro", "€ 1.234.567", "1.234.567", "€ 123.456.789", "€ 250.000,00", "35,5%", "0,6 fte",
       "fte 0.6", "20 uur per week", "11.000 leerlingen", "42 scholen", "1 op 1.000", "per 1.000 leerlingen",
       "rate ratio 0,83 (0,61–1,12)", "p = 0,043", "n = 160", "n = 1.250", "12345678", "AGB-code 12345678",
       "kvk 12345678", "dossier 2024-0012", "Zaaknummer Z-2024-001234", "versie 1.2.3", "v2.10.1", "06:30",
       "om 06.30 uur", "10:30-12:00", "0800-1234", "0800 1234", "tel 14 058", "112", "0900-8844",
       "0,612345678", "0.612345678", "1e lijn", "2e lijn", "3 van de 4 leerlingen", "in 2024 en 12 leerlingen",
       "2024 VO 3", "2024 PO 12", "2024 SO 4", "2023 en 2024", "2024 op 15", "tussen 2023 en 2024", "1234 en 56",
       "9712 in 3 jaar", "ISBN 978-90-123-4567-8", "doi:10.1002/9781118348239", "Hundepool 2012",
       "1001 nachten", "tabel 3.1", "figuur 2.4", "hoofdstuk 12", "art. 7.4 Jeugdwet",
       "Jeugdwet art 2.3", "paragraaf 4.2.1", "6 van de 12", "12/160", "12 / 160", "100%", "−3,2",
       "1e kwartaal", "20 %", "30 dagen", "3 maanden", "90 dagen", "≥ 5", "<5", "*", "n.v.t.", "onbekend"]
    # invalid nine-digit numbers, words that look like markers
    + [f"nummer {n}" for n in NOT_BSNS] + NOT_BSNS
    + ["ps: zie bijlage", "PS. bel terug", "ps-code", "mps_123", "gips_wand", "tips_2024", "@school",
       "twitter @ggd", "info at ggd", "de juf", "meester-gezel", "mevrouw de directeur", "Dhr. en mevr.",
       "juf.", "geboren in Leeuwarden", "geb. in 2015", "geboortejaar 2015", "born in 2014", "leeftijd 9",
       "9 jaar", "groep 6", "06", "020", "0591", "+31", "Nr. 12", "nr 3", "huisbezoek 2x", "3x per week",
       "2-3 keer", "1-2-3", "12-34-56", "06-12-34", "0612", "06-1234", "123 456", "12 34 56",
       "straat", "laan", "weg 12 km", "Leeuwarden", "Den Haag", "Utrecht 2024", "Groningen (3)",
       "Amsterdam-Noord", "Jansen-model", "Wet BSN", "BSN-nummer ontbreekt", "geen BSN bekend",
       "e-mail ontbreekt", "telefoon onbekend", "adres geheim", "via e-mail", "mail@", "@", ".nl", "www.ggd.nl",
       "https://www.cbs.nl/statline", "naam instantie", "Naam: onbekend", "Ab 12", "AB 12", "AB12", "12AB",
       "A12", "1A", "2024 A", "2024 en", "2024en12"]
)
