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
# # 05 · Opschalen: hoeveel locaties en jaren zijn nodig om een daling te zien?
#
# Leeuwarden groeit van 3 naar 15 locaties met een jeugdondersteuner. Voordat je uitbreidt, wil je weten:
# **"hoeveel locaties en hoeveel jaren zijn nodig om een daling van 20% in verwijzingen naar tweedelijns
# jeugdhulp te zien?"** Dit notebook rekent dat uit door de evaluatie duizenden keren na te spelen
# (*simulatie*): telkens nieuwe, verzonnen gegevens met een echte daling van 20%, telkens dezelfde analyse
# als in notebook 02 (verschil-in-verschillen). Het aandeel keren dat die analyse de daling aantoont
# (p ≤ 0,05) heet het **onderscheidend vermogen** (*power*). Gangbaar is minstens 80%.
#
# De kenmerken van de scholen (verwijzingen per 1.000 leerlingen, schoolgrootte, verschillen tussen
# scholen, extra toeval) komen uit een panel: zonder eigen bestand de **synthetische** voorbeelddata van
# notebook 02. **Eigen bestand?** Vul `MIJN_BESTAND` in met je eigen panel (één rij per school × maand).

# %% tags=["parameters"]
# Instellingen: pas alleen deze cel aan.
MIJN_BESTAND = None         # eigen panel (Excel/CSV) om de kenmerken van de scholen uit te schatten; None = voorbeelddata
BRON = None                 # bronregel onder de figuren; None = bestandsnaam (of de voorbeelddata)
LOCATIES = [3, 6, 15, 30]   # aantallen locaties MET een jeugdondersteuner die je wilt vergelijken
VERGELIJKING = 1            # vergelijkingsscholen (zonder jeugdondersteuner) per locatie
JAREN = [1, 2, 3]           # looptijd in jaren (12 maanden per jaar); de jeugdondersteuners starten halverwege
DALING = 20                 # de daling in procenten die je wilt kunnen aantonen
OVERDISPERSIE = [0.0, 0.3]  # extra toeval per school en maand: 0 = zonder, 0.3 = flink (variantie μ + 0,3·μ²)
SIMULATIES = 200            # nagespeelde evaluaties per combinatie: 200 voor een eerste beeld, 1000 voor een rapport
SEED = 1                    # startgetal voor het toeval: zelfde getal = zelfde uitkomst

# %%
import evaluatie as ev
from evaluatie.power import describe_design, design_from_panel, mde, simulate_did
from evaluatie.zorgvraag import prepare

instellingen = ev.notebook_settings("05", bestand=MIJN_BESTAND, bron=BRON)
instellingen

# %% [markdown]
# ## 1. Kenmerken van de scholen
#
# Uit de perioden vóór de start (en de scholen zonder jeugdondersteuner) schatten we: hoeveel verwijzingen
# er per 1.000 leerlingen per maand zijn, hoe groot een school is, hoeveel scholen onderling verschillen en
# hoeveel extra toeval er per maand is. Die kenmerken gebruikt de simulatie.

# %%
data, rapport = ev.read_table(instellingen.file, kind="panel")
kenmerken = design_from_panel(prepare(data))
describe_design(kenmerken)

# %% [markdown]
# ## 2. Kans om een daling van 20% te zien
#
# Elke combinatie van locaties, jaren en extra toeval is een stip; de verticale streepjes zijn de
# onzekerheid van de simulatie zelf (95%-interval). Boven de stippellijn (80%) is de opzet sterk genoeg.
# Bij weinig scholen telt de analyse alle mogelijke verdelingen van de jeugdondersteuners over de scholen
# (randomisatie-inferentie); bij veel scholen gebruikt ze cluster-robuuste standaardfouten. De tabel en
# de tekst zeggen waar dat wisselt.

# %%
uitkomst = simulate_did(
    n_units=[k * (1 + VERGELIJKING) for k in LOCATIES], n_treated=1 / (1 + VERGELIJKING),
    n_periods=[12 * j for j in JAREN], baseline_rate=kenmerken["baseline_rate"],
    pupils_per_unit=kenmerken["pupils_per_unit"], rate_ratio=1 - DALING / 100,
    between_unit_sd=kenmerken["between_unit_sd"], overdispersion=OVERDISPERSIE,
    n_sims=SIMULATIES, seed=SEED)
ax = uitkomst.plot(source=instellingen.source)

# %%
print(uitkomst.summary())

# %%
uitkomst.to_display()

# %% [markdown]
# ## 3. Welke daling is wel te zien?
#
# Omgekeerd: welke daling wordt met 80% kans aangetoond, bij de langste looptijd? Een *kleinere* daling
# is dan niet betrouwbaar te zien. Het interval geeft de onzekerheid van de simulatie.

# %%
kleinste = mde(
    n_units=[k * (1 + VERGELIJKING) for k in LOCATIES if k >= 6], n_treated=1 / (1 + VERGELIJKING),
    n_periods=12 * max(JAREN), baseline_rate=kenmerken["baseline_rate"],
    pupils_per_unit=kenmerken["pupils_per_unit"], between_unit_sd=kenmerken["between_unit_sd"],
    overdispersion=OVERDISPERSIE, n_sims=SIMULATIES, seed=SEED)
print(kleinste.summary())
ax = kleinste.plot()

# %% [markdown]
# ## Wat betekent dit?
#
# - Met **3 locaties** (en 3 vergelijkingsscholen) kan de analyse een daling niet aantonen, hoe groot ook:
#   er zijn maar 20 manieren om 3 van 6 scholen te kiezen, dus de kleinste p-waarde is 0,1. Dat is geen
#   bewijs dat de aanpak niet werkt, maar een te kleine opzet om het te toetsen.
# - Meer jaren helpt, maar minder dan meer locaties: de verschillen tussen scholen blijven.
# - Extra toeval per maand (overdispersie) verlaagt de kans; schat het uit je eigen gegevens (tabel bij 1).
# - Dit is een planning: de echte daling is onbekend. Kies de opzet zo dat een daling die er voor de
#   gemeente toe doet met minstens 80% kans te zien is.
