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
# # 02b · Uitrol over de tijd en een tijdreeks zonder vergelijkingsgroep
#
# De Leeuwardense aanpak begon met jeugdondersteuners bij 3 IKC's en groeit naar 15 locaties; elders
# beginnen scholen één voor één. Dit notebook behandelt twee situaties:
#
# 1. **Gespreide invoering** (scholen starten op verschillende momenten, andere scholen nog niet): hoe groot
#    is het effect 0, 1, 2, … maanden na de start? (*event study*, Callaway & Sant'Anna 2021)
# 2. **Alleen een eigen reeks** (een gemeente zonder vergelijkingsgroep): veranderde het niveau of de trend
#    van de verwijzingen bij de start? (*onderbroken tijdreeks*, Bernal e.a. 2017)
#
# De voorbeelddata zijn **synthetisch**. Bij het panel: echte verhouding 0,75, bij 3 IKC's vanaf augustus
# 2022 en bij 3 meer vanaf augustus 2023. Bij de gemeente: het niveau daalt bij de start met 20% en de trend
# daarna met 1% per maand.

# %%
from pathlib import Path

import evaluatie as ev
from evaluatie.did import panel_did
from evaluatie.staggered import event_study
from evaluatie.its import segmented
from evaluatie.zorgvraag import coarsen, prepare, total_series

PROJECT = Path.cwd().parent  # dit notebook staat in notebooks/
VOORBEELD = PROJECT / "data_raw" / "voorbeeld"
FIGUREN = PROJECT / "figures"

PANEL = VOORBEELD / "zorgvraag_panel.csv"       # eigen bestand: school × maand, met startdatum per school
REEKS = VOORBEELD / "zorgvraag_gemeente.csv"    # eigen bestand: één reeks per maand, met startdatum
BRON = "synthetische voorbeelddata"

# %% [markdown]
# ## 1. Gespreide invoering: effect per periode sinds de start
#
# Bij gespreide invoering vergelijkt een gewoon model met vaste effecten (notebook 02) ook scholen die
# later begonnen met scholen die al eerder begonnen. Als het effect met de tijd groeit, trekt dat de
# schatting naar nul (Goodman-Bacon 2021). De methode van **Callaway & Sant'Anna** vergelijkt elke
# startgroep alleen met scholen die (nog) geen jeugdondersteuner hebben, en middelt daarna per aantal
# maanden sinds de start. Met weinig verwijzingen per maand tellen we per **kwartaal**.

# %%
data, rapport = ev.read_table(PANEL, kind="panel")
per_kwartaal = coarsen(prepare(data), "Q")
uitrol = event_study(per_kwartaal, exposure="exposure")
print(uitrol.summary())

# %%
ax = uitrol.plot()

# %%
uitrol.to_frame().round(3)

# %% [markdown]
# **Lezen.** Grijze punten vóór de start horen rond 1 te liggen (geen verschil vóór de start); de toets
# "vóór de start" hierboven kijkt of de groepen al uit elkaar liepen. Blauwe punten na de start laten zien
# hoe het effect zich ontwikkelt. Met 3 scholen per startgroep zijn de intervallen breed: kijk vooral naar
# het totale effect en het patroon, niet naar één kwartaal.
#
# Ter vergelijking het gewone model met vaste effecten (één getal voor de hele periode):

# %%
print(panel_did(per_kwartaal, exposure="exposure", seed=1).sentence())

# %% [markdown]
# ## 2. Onderbroken tijdreeks: één gemeente zonder vergelijkingsgroep
#
# We schatten de trend vóór de start (met seizoenspatroon) en kijken of er bij de start een **sprong** in
# het niveau is en of de **trend** daarna verandert. De oranje stippellijn is wat het model zonder
# interventie had verwacht.

# %%
reeks_data, reeks_rapport = ev.read_table(REEKS, kind="panel")
reeks, start = total_series(reeks_data)
tijdreeks = segmented(reeks, "count", "period", start, exposure="exposure", family="quasipoisson",
                      seasonality="fourier")
print(tijdreeks.summary())

# %%
ax = tijdreeks.plot()

# %% [markdown]
# **Grenzen van een tijdreeks zonder vergelijkingsgroep.** Alles wat tegelijk met de start veranderde
# (een nieuwe toegangsregel, corona, een nieuw registratiesysteem) wordt aan de jeugdondersteuners
# toegeschreven. Opeenvolgende maanden lijken op elkaar; daardoor zijn de intervallen in korte reeksen te
# smal (in simulaties met 5 jaar maanddata dekte het 95%-interval de waarheid in ongeveer 87% van de
# gevallen). Een vergelijkingsgroep (notebook 02) is sterker bewijs.

# %% [markdown]
# ## 3. Figuren bewaren

# %%
ax = uitrol.plot()
ev.save_figure(ax.figure, "02b_uitrol_per_kwartaal", source=BRON, n=uitrol.n_units,
               caption=uitrol.sentence(), folder=FIGUREN)
ax = tijdreeks.plot()
ev.save_figure(ax.figure, "02b_tijdreeks_gemeente", source=BRON, n=tijdreeks.n,
               caption=tijdreeks.sentence(), folder=FIGUREN)
