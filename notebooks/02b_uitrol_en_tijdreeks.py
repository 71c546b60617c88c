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
# Zonder eigen bestand draait alles op **synthetische** voorbeelddata. Bij het panel: echte verhouding 0,75,
# bij 3 IKC's vanaf augustus 2022 en bij 3 meer vanaf augustus 2023. Bij de gemeente: het niveau daalt bij de
# start met 20% en de trend daarna met 1% per maand. **Eigen bestand?** Vul hieronder de instellingen in.

# %% tags=["parameters"]
# Instellingen: pas alleen deze cel aan. Paden mogen vanaf de projectmap, bv. "data_raw/mijn_verwijzingen.xlsx".
MIJN_BESTAND = None  # je panel (Excel of CSV): school × maand met aantal, leerlingen en startdatum per school;
                     # None = voorbeelddata
MIJN_REEKS = None    # (optioneel) één reeks van een gemeente per maand, met startdatum; None = bij een eigen
                     # panel de som van alle scholen uit MIJN_BESTAND
BRON = None          # bronregel onder de figuren, bv. "verwijzingen gemeente Leeuwarden"; None = bestandsnaam
SCHOOLJAAR = None    # periode of schooljaren van de gegevens, bv. "2021-2024"; komt in de bronregel

# %%
import evaluatie as ev
from evaluatie.did import panel_did
from evaluatie.its import segmented
from evaluatie.staggered import event_study
from evaluatie.zorgvraag import coarsen, prepare, total_series

instellingen = ev.notebook_settings("02b", bestand=MIJN_BESTAND, reeks=MIJN_REEKS, bron=BRON, schooljaar=SCHOOLJAAR)
instellingen

# %% [markdown]
# ## 1. Gespreide invoering: effect per periode sinds de start
#
# Bij gespreide invoering vergelijkt een gewoon model met vaste effecten (notebook 02) ook scholen die
# later begonnen met scholen die al eerder begonnen. Als het effect met de tijd groeit, trekt dat de
# schatting naar nul (Goodman-Bacon 2021). De methode van **Callaway & Sant'Anna** vergelijkt elke
# startgroep alleen met scholen die (nog) geen jeugdondersteuner hebben, en middelt daarna per aantal
# maanden sinds de start. Met weinig verwijzingen per maand tellen we per **kwartaal**.

# %%
data, rapport = ev.read_table(instellingen.file, kind="panel")
per_kwartaal = coarsen(prepare(data), "Q")
uitrol = event_study(per_kwartaal, exposure="exposure")
print(uitrol.summary())

# %%
ax = uitrol.plot()

# %%
ev.display_table(uitrol)

# %% [markdown]
# **Lezen.** Grijze punten vóór de start horen rond 1 te liggen (geen verschil vóór de start); de toets
# "vóór de start" hierboven kijkt of de groepen al uit elkaar liepen. Blauwe punten na de start laten zien
# hoe het effect zich ontwikkelt. Met 3 scholen per startgroep zijn de intervallen breed: kijk vooral naar
# het totale effect en het patroon, niet naar één kwartaal.
#
# ### Waarom geven de methoden verschillende getallen, en welke rapporteer je?
#
# Op dezelfde gegevens geven drie redelijke analyses drie verschillende schattingen:

# %%
print("Verschil-in-verschillen per maand (notebook 02):", panel_did(prepare(data), exposure="exposure", seed=1).sentence())
print("Verschil-in-verschillen per kwartaal:          ", panel_did(per_kwartaal, exposure="exposure", seed=1).sentence())
print("Effect per periode sinds de start (gemiddeld): ", uitrol.sentence())

# %% [markdown]
# Ze vergelijken niet hetzelfde:
#
# * **Verschil-in-verschillen per maand** (notebook 02) vergelijkt elke school-maand na de start met dezelfde
#   school vóór de start én met alle andere scholen in dezelfde maand. Bij gespreide invoering dienen scholen die
#   al eerder begonnen ook als vergelijking voor scholen die later begonnen. Groeit het effect met de tijd, dan
#   trekt dat de schatting naar nul (Goodman-Bacon 2021).
# * **Verschil-in-verschillen per kwartaal** is hetzelfde model op kwartaaltotalen. Een kwartaal telt als "na de
#   start" volgens één vaste regel (`zorgvraag.treated_in_period`); het kwartaal waarin een school begint is
#   deels vóór en deels na de start, en dat verdunt het effect een beetje. Minder, grotere perioden betekenen
#   ook andere toevalsruis.
# * **Effect per periode sinds de start** (Callaway & Sant'Anna) vergelijkt elke startgroep alleen met scholen
#   die nog géén jeugdondersteuner hebben, en middelt daarna over de kwartalen sinds de start. Latere kwartalen
#   rusten op minder scholen (alleen de eerste groep is lang genoeg gevolgd); zit daar toevallig een sterke
#   daling, dan weegt die mee.
#
# Met 6 scholen met jeugdondersteuner zijn verschillen van deze grootte vooral **toeval**: de intervallen
# overlappen ruim. **Welke rapporteer je?** Kies vóór je de uitkomsten ziet één hoofdanalyse en noem de andere als
# gevoeligheidsanalyse. Bij gespreide invoering is dat het **gemiddelde effect sinds de start (Callaway &
# Sant'Anna)**, omdat het geen scholen die al begonnen zijn als vergelijking gebruikt; bij één gezamenlijke start
# (of als alleen de eerste groep telt) is het verschil-in-verschillen per maand uit notebook 02, met
# randomisatie-inferentie. Rapporteer altijd het interval, niet alleen het percentage, en zeg erbij dat
# de andere analyses in dezelfde richting wijzen (of niet).

# %% [markdown]
# ## 2. Onderbroken tijdreeks: één gemeente zonder vergelijkingsgroep
#
# We schatten de trend vóór de start (met seizoenspatroon) en kijken of er bij de start een **sprong** in
# het niveau is en of de **trend** daarna verandert. De oranje stippellijn is wat het model zonder
# interventie had verwacht.

# %%
reeks_data, reeks_rapport = ev.read_table(instellingen.series, kind="panel")
reeks, start = total_series(reeks_data)
tijdreeks = segmented(reeks, "count", "period", start, exposure="exposure", family="quasipoisson",
                      seasonality="fourier")
print(tijdreeks.summary())

# %%
ax = tijdreeks.plot()

# %% [markdown]
# **Grenzen van een tijdreeks zonder vergelijkingsgroep.** Alles wat tegelijk met de start veranderde
# (een nieuwe toegangsregel, corona, een nieuw registratiesysteem) wordt aan de jeugdondersteuners
# toegeschreven. Opeenvolgende maanden lijken op elkaar; de standaardfouten zijn daarvoor gecorrigeerd (in
# simulaties met 4, 5 en 10 jaar maanddata dekte het 95%-interval de waarheid in 93–94% van de gevallen,
# zonder die correctie 83–89%; `benchmarks/its_coverage.py`). Een vergelijkingsgroep (notebook 02) is
# sterker bewijs.

# %% [markdown]
# ## 3. Figuren bewaren

# %%
ax = uitrol.plot()
ev.save_figure(ax.figure, "02b_uitrol_per_kwartaal", source=instellingen.source, n=uitrol.n_units,
               caption=uitrol.sentence(), folder=instellingen.figures)
ax = tijdreeks.plot()
ev.save_figure(ax.figure, "02b_tijdreeks_gemeente", source=instellingen.source, n=tijdreeks.n,
               caption=tijdreeks.sentence(), folder=instellingen.figures);
