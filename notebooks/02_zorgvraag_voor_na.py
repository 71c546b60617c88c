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
# # 02 · Zorgvraag voor en na: minder verwijzingen naar tweedelijns jeugdhulp?
#
# In Leeuwarden werkten drie jeugdondersteuners drie jaar lang in drie integrale kindcentra (IKC's);
# de monitor zag duidelijk minder verwijzingen naar tweedelijns jeugdhulp, en de aanpak groeit naar 15
# locaties. Dit notebook beantwoordt de vraag **"daalde de vraag waar jeugdondersteuners kwamen, hoeveel,
# en hoe zeker zijn we?"** met een *verschil-in-verschillen*-analyse: we vergelijken de verandering bij
# scholen mét jeugdondersteuner met de verandering bij scholen zónder.
#
# Zonder eigen bestand draait alles op **synthetische** voorbeelddata: 15 IKC's, 36 maanden; jeugdondersteuners
# bij 3 IKC's vanaf augustus 2022 en bij 3 meer vanaf augustus 2023; de echte verhouding is 0,75 (25% minder
# verwijzingen). **Eigen bestand?** Vul hieronder `MIJN_BESTAND` in: één rij per school × maand met het aantal
# verwijzingen, het aantal leerlingen en "jeugdondersteuner ja/nee" of een startdatum.

# %% tags=["parameters"]
# Instellingen: pas alleen deze cel aan. Paden mogen vanaf de projectmap, bv. "data_raw/mijn_verwijzingen.xlsx".
MIJN_BESTAND = None  # je bestand (Excel of CSV): één rij per school × maand (of kwartaal); None = voorbeelddata
BRON = None          # bronregel onder de figuren, bv. "verwijzingen gemeente Leeuwarden"; None = bestandsnaam
SCHOOLJAAR = None    # periode of schooljaren van de gegevens, bv. "2021-2024"; komt in de bronregel

# %%
import evaluatie as ev
from evaluatie.did import panel_did
from evaluatie.zorgvraag import before_after, plot_rates, prepare, rates_by_group

instellingen = ev.notebook_settings("02", bestand=MIJN_BESTAND, bron=BRON, schooljaar=SCHOOLJAAR)
instellingen

# %% [markdown]
# ## 1. Inlezen en controleren

# %%
data, rapport = ev.read_table(instellingen.file, kind="panel")
panel = prepare(data)  # alleen tweedelijns (als er een kolom 'lijn' is); 'treated' uit de startdatum
rapport

# %% [markdown]
# ## 2. Verwijzingen per 1.000 leerlingen
#
# Scholen verschillen in grootte, dus we kijken naar **verwijzingen per 1.000 leerlingen per maand**. De
# banden zijn exacte 95%-betrouwbaarheidsintervallen (Garwood). De stippellijnen markeren de starts.

# %%
ax = plot_rates(panel)

# %% [markdown]
# Opgeteld over alle maanden: verwijzingen en leerlingen × maanden per groep (met / zonder jeugdondersteuner).

# %%
ev.display_table(rates_by_group(panel).groupby("group", as_index=False)[["count", "exposure"]].sum())

# %% [markdown]
# ## 3. Eerst de naïeve vergelijking — en waarom die niet genoeg is
#
# Alleen "na de start" vergelijken met "ervoor" bij de scholen met jeugdondersteuner zegt weinig: de vraag
# naar jeugdhulp kan overal gedaald (of gestegen) zijn. Toch is het een nuttig begin.

# %%
print(before_after(panel).summary())  # verhouding na / voor bij de scholen met jeugdondersteuner, exact interval

# %% [markdown]
# ## 4. Verschil-in-verschillen
#
# Het model vergelijkt elke school met zichzelf (vaste effecten per school) en elke maand met dezelfde
# maand bij de andere scholen (vaste effecten per maand), en schat hoeveel de verwijzingen veranderden
# vanaf de start van de jeugdondersteuner. Het aantal verwijzingen is een telling, dus een
# **Poisson-model** met het aantal leerlingen als blootstelling.
#
# **Onzekerheid met weinig scholen.** Met 15 scholen waarvan maar een paar met jeugdondersteuner zijn
# gewone (cluster-robuuste) standaardfouten te optimistisch: in simulaties zonder enig effect vinden ze in
# ongeveer 13% van de gevallen een "significant" effect in plaats van 5%. Daarom kiest de toolkit
# automatisch **randomisatie-inferentie**: hoe bijzonder is het gevonden verschil vergeleken met alle
# andere manieren waarop de jeugdondersteuners over de scholen verdeeld hadden kunnen worden?

# %%
resultaat = panel_did(panel, exposure="exposure", seed=1)
print(resultaat.summary())

# %%
ev.display_table(resultaat)

# %%
ax = resultaat.plot()

# %% [markdown]
# ## 5. Controles
#
# * **Overdispersie**: zijn de aantallen veel grilliger dan Poisson verwacht? `dispersion` (Pearson χ²/df)
#   rond 1 is prima; bij duidelijk meer dan 1 geeft het negatief-binomiale model betere modelgebaseerde
#   standaardfouten (randomisatie-inferentie blijft hoe dan ook geldig).
# * **Gevoeligheid**: geeft een ander model of een andere manier van onzekerheid bepalen hetzelfde beeld?

# %%
print("Pearson χ²/df =", ev.format_number(resultaat.dispersion, 2))
for model, inferentie in [("negbin", "randomization"), ("poisson", "cluster")]:
    alternatief = panel_did(panel, exposure="exposure", family=model, inference=inferentie, seed=1)
    print(f"{model} / {inferentie}: {alternatief.sentence()} ({ev.format_p(alternatief.p_value)})")

# %% [markdown]
# ## 6. Figuren bewaren

# %%
ax = plot_rates(panel)
ev.save_figure(ax.figure, "02_verwijzingen_per_1000", source=instellingen.source, n=resultaat.n_units,
               caption=resultaat.sentence(), folder=instellingen.figures);
ax = resultaat.plot()
ev.save_figure(ax.figure, "02_effect_verschil_in_verschillen", source=instellingen.source, n=resultaat.n_units,
               caption=resultaat.sentence(), folder=instellingen.figures);

# %% [markdown]
# ## Aannames en eerlijke grenzen
#
# * **Parallelle trends**: zonder jeugdondersteuners was de vraag bij de deelnemende scholen op dezelfde
#   manier veranderd als bij de andere scholen. Bekijk de figuur vóór de start: lopen de lijnen ongeveer
#   gelijk op? (Een formele toets per maand komt met de gespreide-invoeringsanalyse.)
# * **Geen overloop**: de jeugdondersteuner beïnvloedt de verwijzingen van de vergelijkingsscholen niet
#   (bijvoorbeeld via een gedeeld wijkteam). Is dat wel zo, dan wordt het effect onderschat.
# * **Stabiele registratie**: verwijzingen worden voor en na de start, en op alle scholen, op dezelfde manier
#   geteld. Een nieuw registratiesysteem of een nieuwe toegangsregel tegelijk met de start maakt de
#   vergelijking ongeldig.
# * **Keuze van de scholen**: randomisatie-inferentie is exact als de deelnemende scholen bij loting zijn
#   gekozen. Kozen de gemeente of het samenwerkingsverband ze (bijvoorbeeld scholen met de meeste
#   problemen), dan is de p-waarde een benadering en kan terugkeer naar het gemiddelde meespelen.
# * **Drie scholen is weinig.** Met 3 van de 15 scholen (zoals in Leeuwarden) zijn er 455 manieren om de deelnemers te kiezen;
#   de kleinste mogelijke p-waarde is dan 1/455. Een effect van 25% is met zo weinig scholen vaak niet
#   van toeval te onderscheiden: een niet-significant resultaat betekent dan "we weten het nog niet",
#   niet "het werkt niet". De uitbreiding naar 15 locaties geeft veel meer zekerheid.
