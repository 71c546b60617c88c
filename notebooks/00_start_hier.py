# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 00 · Start hier: gegevens inlezen, kwaliteit controleren, privacy
#
# Dit notebook laat zien hoe je met `evaluatie` een bestand inleest, hoe je het
# **kwaliteitsrapport** leest en wat de toolkit standaard doet om leerlingen te beschermen.
# Zonder eigen bestand draait alles op de **synthetische** voorbeelddata in `data_raw/voorbeeld/` (verzonnen
# gegevens, geen echte leerlingen). Wil je je eigen bestand gebruiken? Vul hieronder `MIJN_BESTAND` en `SOORT`
# in en kies *Run → Run All Cells*.

# %% tags=["parameters"]
# Instellingen: pas alleen deze cel aan. Paden mogen vanaf de projectmap, bv. "data_raw/mijn_bestand.xlsx".
MIJN_BESTAND = None  # je eigen bestand (Excel of CSV); None = voorbeelddata
SOORT = None         # soort tabel van je bestand: "dossier", "panel", "referrals", "survey", "fragments" of
                     # "trajectories" (zie de tabel onderaan); None = "dossier"
BRON = None          # bronregel onder de figuur, bv. "dossieronderzoek SBO De Brug"; None = bestandsnaam
SCHOOLJAAR = None    # schooljaar van de gegevens, bv. "2024-2025"; komt in de bronregel

# %%
import pandas as pd

import evaluatie as ev

instellingen = ev.notebook_settings("00", bestand=MIJN_BESTAND, soort=SOORT, bron=BRON, schooljaar=SCHOOLJAAR)
instellingen

# %% [markdown]
# ## 1. Een bestand inlezen
#
# `ev.read_table(pad, kind=...)` leest CSV (met `;`, `,` of tab) en Excel (ook met een titelblok
# boven de kopregel). Kolomnamen mogen Nederlands zijn (`School`, `Leerling`, `Instantie`, ...).
# Je krijgt twee dingen terug: de **tabel** en het **kwaliteitsrapport**.

# %%
tabel, rapport = ev.read_table(instellingen.file, kind=instellingen.kind)
rapport

# %%
ev.display_table(tabel.head())

# %% [markdown]
# In Python hebben de kolommen nu vaste namen (`school`, `pupil`, `agency_raw`, …), zodat de analyses elk
# bestand op dezelfde manier lezen; hierboven staan ze met Nederlandse koppen. De leerlingkolom (als die er
# is) bevat geen leerlingnummers meer maar **pseudoniemen** (`ps_…`). Dezelfde
# leerling krijgt met dezelfde sleutel altijd hetzelfde pseudoniem, zodat je kunt tellen en
# koppelen zonder te weten wie het is. De kolom `source_row` zegt uit welke rij van het bestand
# elke regel komt.

# %%
print(f"{rapport.n_read} rijen gelezen = {rapport.n_used} gebruikt + {rapport.n_dropped} verwijderd")
if "pupil" in tabel:
    print("Aantal leerlingen in het bestand:", tabel["pupil"].nunique())

# %% [markdown]
# ## 2. Het kwaliteitsrapport lezen
#
# Echte bestanden zijn zelden netjes. Bij de voorbeelddata gebruiken we hier `zorgvraag_rommelig.csv`, met
# opzet rommelig gemaakt: een titelregel, een lege rij, een dubbele rij, een negatief aantal, tekst in een
# getalkolom, een school met 0 leerlingen, een onleesbare maand en een totaalrij. Met een eigen bestand zie je
# hier het rapport van jouw bestand. De toolkit gooit niets stilletjes weg: elke rij die niet gebruikt wordt
# staat in het rapport, met rijnummer, kolom en reden; dezelfde fout op veel rijen van één school staat op één
# regel, en een school die helemaal wegvalt wordt apart genoemd.

# %%
oefening, rapport_oefening = ev.read_table(instellingen.practice, kind=instellingen.practice_kind)
print(rapport_oefening.summary())

# %%
ev.display_table(rapport_oefening.to_frame())

# %% [markdown]
# Hoeveel rijen verloor elke school? (Leeg als het bestand geen schoolkolom heeft.)

# %%
ev.display_table(rapport_oefening.losses())

# %% [markdown]
# Hetzelfde als figuur, in de huisstijl (Nederlandse getallen, bron en n onderaan). `save_figure`
# schrijft PNG, SVG en PDF plus een tekstbestand met een beschrijving (alt-tekst) naar `figures/`.

# %%
ax = rapport_oefening.plot()
ev.save_figure(
    ax.figure, "00_kwaliteit_bestand",
    source=instellingen.source,
    n=rapport_oefening.n_read,
    caption=f"Van de {rapport_oefening.n_read} gelezen rijen zijn er {rapport_oefening.n_used} bruikbaar; "
            f"de overige zijn verwijderd met de reden in de figuur.",
    folder=instellingen.figures,
);

# %% [markdown]
# Wat doe je met het rapport? Verbeter de fouten **in je bronbestand** (niet in de tabel in
# Python) en lees het opnieuw in. Zo blijft je analyse herhaalbaar. Met de opdrachtregel kan het ook:
#
# ```
# evaluatie validate mijn_bestand.xlsx --kind panel
# ```

# %% [markdown]
# ## 3. Privacy: wat de toolkit standaard doet
#
# 1. **Pseudonimiseren bij inlezen.** Leerling-, respondent- en casuscodes worden vervangen door een
#    sleutel-hash (HMAC-SHA256). De sleutel staat in je thuismap (`~/.config/evaluatie/sleutel`) of in
#    de omgevingsvariabele `EVALUATIE_SLEUTEL`, nooit in het project.
# 2. **Persoonsgegevens herkennen.** Kolommen als `Naam` of `BSN` worden niet ingelezen; in vrije
#    tekst worden BSN's (elfproef), e-mailadressen, telefoonnummers, postcode + huisnummer en
#    geboortedata gemarkeerd. Zo'n kolom kan niet geëxporteerd worden.
# 3. **Kleine aantallen afschermen.** In tabellen voor buiten worden cellen onder de 5 verborgen (`x`),
#    plus zoveel andere cellen dat je ze niet kunt terugrekenen uit de totalen. Een `x` zegt niets over
#    de grootte: ook een afgeschermde 22 is een `x`.

# %%
voorbeeld = pd.DataFrame({
    "opmerking": ["moeder bellen: 06-12345678", "geen bijzonderheden", "BSN 111222333 in dossier"],
})
ev.display_table(ev.find_identifiers(voorbeeld))

# %%
kruistabel = pd.DataFrame(
    {"jeugd-GGZ": [14, 3, 9], "jeugdzorg": [22, 11, 6], "wijkteam/CJG": [8, 7, 15]},
    index=["School A", "School B", "School C"],
)
ev.suppress(kruistabel, threshold=5, marker="x")

# %% [markdown]
# ## 4. Je eigen gegevens invullen
#
# In `data_raw/sjablonen/` staat per soort tabel een Excel-sjabloon met keuzelijsten en een tabblad
# *Uitleg*. Een correct ingevuld sjabloon leest zonder meldingen in. Welke kolommen horen bij welke soort?

# %%
pd.DataFrame(
    [(soort, kolom.name, "ja" if kolom.required else "nee", ", ".join(kolom.aliases[:4]))
     for soort, spec in ev.schemas.KINDS.items() for kolom in spec.columns],
    columns=["soort", "kolom", "verplicht", "ook herkend als"],
)
