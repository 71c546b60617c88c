# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.7
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 01 · Nulmeting: met hoeveel hulpverleningsinstanties heeft de school te maken?
#
# In een SBO-school van 160 leerlingen lazen vijf studenten (met toestemming van ouders) de
# leerlingdossiers en noteerden welke instanties bij elke leerling betrokken zijn. Dit notebook doet
# zo'n **nulmeting** van begin tot eind:
#
# 1. het dossierbestand inlezen en controleren;
# 2. de schrijfwijzen van instanties gelijktrekken ("Accare Zwolle" = "Accare");
# 3. tellen per school en per leerling, en laten zien hoe versnipperd de hulp is;
# 4. schatten hoeveel instanties je had gevonden als je **alle** dossiers had gelezen;
# 5. figuren, tabellen en een korte conclusie voor de school of gemeente.
#
# Zonder eigen bestand draait alles op **synthetische** voorbeelddata (verzonnen): vier SBO-scholen, van 70%
# van de leerlingen is het dossier gelezen. **Eigen bestand?** Vul alleen de instellingen hieronder in en
# kies daarna *Run → Run All Cells*. Verder hoef je niets te veranderen.

# %% tags=["parameters"]
# Instellingen: pas alleen deze cel aan. Paden mogen vanaf de projectmap, bv. "data_raw/mijn_dossier.xlsx".
MIJN_BESTAND = None  # je dossierbestand (Excel of CSV): één rij per leerling × instantie; None = voorbeelddata
KOPPELTABEL = None   # je gecontroleerde koppeltabel van instantienamen (stap 2); None = nog geen koppeltabel
LEERLINGEN = None    # totaal aantal leerlingen per school, bv. {"SBO De Brug": 160, "SBO De Vlinder": 95},
                     # of de kolom in je bestand met dat aantal op elke rij, bv. "Leerlingen school";
                     # None = van alle leerlingen is het dossier gelezen
BRON = None          # bronregel onder figuren en tabellen, bv. "dossieronderzoek SBO De Brug"; None = bestandsnaam
SCHOOLJAAR = None    # schooljaar van de dossiers, bv. "2024-2025"; komt in de bronregel

# %%
import evaluatie as ev

instellingen = ev.notebook_settings("01", bestand=MIJN_BESTAND, koppeltabel=KOPPELTABEL, leerlingen=LEERLINGEN,
                                    bron=BRON, schooljaar=SCHOOLJAAR)
instellingen

# %% [markdown]
# ## 1. Inlezen en controleren
#
# Elke rij is één leerling × één instantie. Een leerling zonder instantie staat er één keer in met
# een lege instantie-cel: die leerling telt wél mee in het aantal leerlingen.

# %%
dossier, rapport = ev.read_table(instellingen.file, kind="dossier")
rapport

# %% [markdown]
# ## 2. Namen van instanties gelijktrekken
#
# In dossiers staat dezelfde organisatie op veel manieren ("Accare", "accare kinder- en
# jeugdpsychiatrie", "Accare Zwolle"). De toolkit gebruikt eerst de **gecontroleerde koppeltabel**,
# dan exacte overeenkomsten, en doet voor de rest een **voorstel** (`fuzzy`) dat altijd gemarkeerd
# blijft tot iemand het heeft gecontroleerd. Een paar vaste regels, ook gemarkeerd om te controleren:
# "G.G.D." is "GGD"; "GGD Fryslân" wordt "GGD" alleen als er geen andere plaats achter GGD voorkomt;
# "jeugdarts GGD" telt bij de GGD (een functie bij een instantie); en een algemene naam als "Wijkteam"
# wordt nooit bij één team ("Wijkteam Noord") gevoegd, want het kan elk team zijn: leg dat vast in de
# koppeltabel. Zonder koppeltabel zie je hoeveel er te controleren is:

# %%
zonder = ev.agencies.normalize(dossier["agency_raw"])
ev.display_table(zonder.drop_duplicates("raw")["method"].value_counts().reset_index())

# %% [markdown]
# Een koppeltabel maak je zo (in een terminal, in de projectmap):
#
# ```
# evaluatie agencies review data_raw/mijn_dossieronderzoek.xlsx
# ```
#
# Dat schrijft `koppeltabel_controle.xlsx`: één rij per schrijfwijze met het voorstel. Controleer de
# rijen met `controleren = ja`, verbeter waar nodig de kolommen `instantie` en `soort`, en gebruik het
# bestand daarna als `KOPPELTABEL` in de instellingen. Bij de voorbeelddata hoort een al gecontroleerde
# koppeltabel; bij je eigen bestand wordt alleen jouw koppeltabel gebruikt (of geen, als je die nog niet hebt):

# %%
met = ev.agencies.normalize(dossier["agency_raw"], mapping=instellingen.mapping)
ev.display_table(met.drop_duplicates("raw")["method"].value_counts().reset_index())

# %% [markdown]
# ## 3. De analyse in één keer
#
# `analyze` telt per school, meet de versnippering, schat het aantal instanties bij een volledig
# dossieronderzoek en maakt het netwerk. Opmerkingen (dubbel genoemde instanties, lege cellen,
# leerlingen zonder instantie) komen in hetzelfde kwaliteitsrapport.

# %%
resultaat = ev.nulmeting.analyze(dossier, n_total=instellingen.pupils, mapping=instellingen.mapping, report=rapport)
resultaat.table()

# %% [markdown]
# Wat merkte de telling op? (Bijvoorbeeld een schoolnaam die op een andere lijkt, of leerlingen zonder instantie.)

# %%
print("\n".join(resultaat.notes) or "Geen opmerkingen.")

# %% [markdown]
# Hoe lees je deze tabel?
#
# * **instanties gevonden**: verschillende instanties in de gelezen dossiers.
# * **instanties per 100 gelezen dossiers**: om scholen van verschillende grootte te vergelijken. Let op: het
#   aantal instanties groeit niet evenredig met het aantal dossiers (wie meer dossiers leest, vindt relatief
#   minder nieuwe instanties); de figuur in stap 6 vergelijkt daarom ook bij een gelijk aantal dossiers.
# * **verwacht bij alle dossiers**: hoeveel instanties we hadden gevonden als we álle dossiers van de
#   school hadden gelezen (extrapolatie, Chao e.a. 2014), met 95%-betrouwbaarheidsinterval. Zijn alle
#   dossiers gelezen, dan is dit gewoon het gevonden aantal.
#
# Onderzoekers vinden in `resultaat.to_frame()` ook de schatting **Chao2**: hoeveel instanties er op de lange
# duur (bij steeds meer leerlingen zoals deze, niet alleen de leerlingen van deze school) betrokken kunnen
# zijn. Die is altijd hoger en onzekerder dan "verwacht bij alle dossiers"; voor een uitspraak over déze
# school gebruik je de laatste.
#
# Hoe geconcentreerd is de hulp per school?

# %%
resultaat.table(kind="fragmentation")

# %% [markdown]
# **Versnippering**: de *Herfindahl-index* is de som van de kwadraten van de aandelen van elke instantie in
# alle contacten (1 = één instantie doet alles). Het *effectief aantal instanties* is 1 / Herfindahl: met zoveel
# even grote instanties zou de hulp even geconcentreerd zijn. *Instanties bij één leerling* is het aandeel
# instanties dat maar bij één leerling betrokken is.
#
# ## 4. Eén school: welke instanties, en hoeveel per leerling?
#
# Instanties met minder dan 5 leerlingen staan grijs en zonder naam in de figuur: zo is een kleine
# groep leerlingen niet te herleiden tot een instantie. De lange staart (veel instanties met één of
# twee leerlingen) blijft zichtbaar.

# %%
SCHOOL = resultaat.schools[0]  # of een naam uit resultaat.schools, bv. "SBO De Regenboog"
resultaat.plot("agencies", SCHOOL);

# %%
resultaat.plot("per_pupil", SCHOOL);

# %% [markdown]
# ## 5. Hoeveel instanties hadden we gevonden met alle dossiers?
#
# De doorgetrokken lijn laat zien hoeveel instanties je gemiddeld vindt als je 1, 2, 3, … van de
# gelezen dossiers leest. Na de punt (de gelezen dossiers) gaat de lijn gestippeld verder tot alle
# leerlingen van de school: de voorspelling. Er staan twee intervallen in de figuur. De lichtblauwe band is de
# onzekerheid van de curve zelf (hoeveel instanties je zou vinden bij zoveel dossiers van een school als deze);
# die band kan rechts van de punt onder het al gevonden aantal komen. Het oranje interval rechts is de
# voorspelling voor déze school als je alle dossiers leest: dat komt nooit onder het al gevonden aantal.

# %%
resultaat.plot("accumulation", SCHOOL);

# %%
print(resultaat.accumulations[SCHOOL].summary())

# %% [markdown]
# ## 6. Samenwerking en vergelijking tussen scholen
#
# In het netwerk is elke instantie een cirkel (groter = meer leerlingen) en verbindt een lijn twee
# instanties die bij dezelfde leerling betrokken zijn (dikker = meer gedeelde leerlingen). Veel lijnen
# betekent: veel leerlingen met meerdere hulpverleners die elkaar (zouden moeten) kennen.

# %%
resultaat.plot("network", SCHOOL);

# %%
resultaat.table(kind="network", school=SCHOOL).head(10)

# %%
resultaat.plot("schools");

# %% [markdown]
# ## 7. Conclusie (automatisch uit de resultaten)

# %%
for school in resultaat.schools:
    print(f"{school}\n{resultaat.summary(school)}\n")

# %% [markdown]
# ## 8. Figuren en tabellen bewaren
#
# Figuren komen in `figures/` (PNG, SVG, PDF en een tekstbestand met beschrijving), tabellen in
# `reports/` (één Excel-bestand met een tabblad *Toelichting*, en CSV met puntkomma); bij een eigen bestand in een
# submap met de naam van je bestand. Kleine aantallen (onder de 5) zijn in de export afgeschermd met `x`, samen met
# de cellen waaruit ze terug te rekenen zouden zijn.

# %%
figuren = resultaat.save_figures(source=instellingen.source, folder=instellingen.figures)
tabellen = resultaat.export_tables(folder=instellingen.reports, source=instellingen.source)
print(f"{len(figuren)} figuren in {instellingen.figures} en {len(tabellen)} tabellen in {instellingen.reports}.")

# %% [markdown]
# ## Wat deze cijfers wel en niet zeggen
#
# * Een dossier laat zien welke instanties **genoemd** zijn, niet hoe intensief of hoe goed de hulp was.
#   Instanties die niet in het dossier staan, ontbreken; het echte aantal is eerder hoger.
# * De schatting "bij alle dossiers" gaat ervan uit dat de gelezen dossiers een **aselecte** keuze zijn.
#   Gaven vooral ouders van leerlingen met veel hulp toestemming, dan zit de schatting te hoog (en
#   omgekeerd).
# * Tel een instantie met meerdere locaties of teams als één instantie, of juist niet, maar doe het in
#   de koppeltabel voor alle scholen op dezelfde manier, anders zijn scholen niet te vergelijken.
