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
# Alles draait op de **synthetische** voorbeelddata in `data_raw/voorbeeld/` (verzonnen gegevens,
# geen echte leerlingen). Wil je je eigen bestand gebruiken? Vul hieronder bij `MIJN_BESTAND`
# het pad in en kies de juiste `SOORT`.

# %%
from pathlib import Path

import pandas as pd

import evaluatie as ev

PROJECT = Path.cwd().parent  # dit notebook staat in notebooks/
VOORBEELD = PROJECT / "data_raw" / "voorbeeld"
FIGUREN = PROJECT / "figures"

MIJN_BESTAND = None  # bijvoorbeeld: PROJECT / "data_raw" / "mijn_dossieronderzoek.xlsx"
SOORT = "dossier"    # dossier, panel, referrals, survey, fragments of trajectories

# %% [markdown]
# ## 1. Een bestand inlezen
#
# `ev.read_table(pad, kind=...)` leest CSV (met `;`, `,` of tab) en Excel (ook met een titelblok
# boven de kopregel). Kolomnamen mogen Nederlands zijn (`School`, `Leerling`, `Instantie`, ...).
# Je krijgt twee dingen terug: de **tabel** en het **kwaliteitsrapport**.

# %%
bestand = MIJN_BESTAND or VOORBEELD / "dossieronderzoek_sbo.xlsx"
dossier, rapport = ev.read_table(bestand, kind=SOORT)
rapport

# %%
dossier.head()

# %% [markdown]
# De kolom `pupil` bevat geen leerlingnummers meer maar **pseudoniemen** (`ps_…`). Dezelfde
# leerling krijgt met dezelfde sleutel altijd hetzelfde pseudoniem, zodat je kunt tellen en
# koppelen zonder te weten wie het is. De kolom `source_row` zegt uit welke rij van het bestand
# elke regel komt.

# %%
print(f"{rapport.n_read} rijen gelezen = {rapport.n_used} gebruikt + {rapport.n_dropped} verwijderd")
print("Aantal leerlingen in het bestand:", dossier["pupil"].nunique())

# %% [markdown]
# ## 2. Een rommelig bestand: het kwaliteitsrapport lezen
#
# Echte bestanden zijn zelden netjes. `zorgvraag_rommelig.csv` is met opzet rommelig gemaakt:
# een titelregel, een lege rij, een dubbele rij, een negatief aantal, tekst in een getalkolom,
# een school met 0 leerlingen, een onleesbare maand en een totaalrij. De toolkit gooit niets
# stilletjes weg: elke rij die niet gebruikt wordt staat in het rapport, met rijnummer, kolom en reden.

# %%
panel, rapport_rommelig = ev.read_table(VOORBEELD / "zorgvraag_rommelig.csv", kind="panel")
print(rapport_rommelig.summary())

# %%
rapport_rommelig.to_frame()

# %% [markdown]
# Hetzelfde als figuur, in de huisstijl (Nederlandse getallen, bron en n onderaan). `save_figure`
# schrijft PNG, SVG en PDF plus een tekstbestand met een beschrijving (alt-tekst) naar `figures/`.

# %%
ax = rapport_rommelig.plot()
ev.save_figure(
    ax.figure, "00_kwaliteit_rommelig_bestand",
    source="synthetisch voorbeeldbestand zorgvraag_rommelig.csv",
    n=rapport_rommelig.n_read,
    caption=f"Van de {rapport_rommelig.n_read} gelezen rijen zijn er {rapport_rommelig.n_used} bruikbaar; "
            f"de overige zijn verwijderd met de reden in de figuur.",
    folder=FIGUREN,
)

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
ev.find_identifiers(voorbeeld)

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
