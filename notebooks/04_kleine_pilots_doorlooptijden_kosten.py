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
# # 04 · Kleine pilots, doorlooptijden en kosten
#
# Veel pilots rond jeugdhulp op school zijn klein, of worden beoordeeld op snelheid en geld. Dit notebook
# beantwoordt vier vragen uit de praktijk, steeds eerlijk over wat de gegevens wel en niet zeggen:
#
# 1. **Een SO+-klas met 4 leerlingen**, waarvan er 2 naar het regulier onderwijs gingen: wat kun je met
#    n = 4 zeggen?
# 2. **Thuiszitters**: hoe lang duurt het tot een passende plek, en hoeveel leerlingen krijgen die binnen
#    3 maanden (de norm van het Thuiszitterspact)? Ging het na de pilot sneller?
# 3. **Snellere procedures** (logopedie via de jeugdarts in plaats van de lange route): waar zit de tijd
#    tussen aanmelding, indicatie en start van de hulp?
# 4. **Kosten**: één jeugdondersteuner voor 20 uur per week voor 42 scholen en 11.000 leerlingen — wat kost
#    dat per bereikte leerling, verdient het zich terug, en hoe zeker is dat?
#
# Zonder eigen bestand draait alles op **synthetische** voorbeelddata (geen echte leerlingen). **Eigen
# gegevens?** Vul hieronder `MIJN_BESTAND` (thuiszitters) in, en als je ze hebt `MIJN_KLAS`,
# `MIJN_PROCEDURES` en `MIJN_PANEL`; een onderdeel zonder eigen bestand wordt dan overgeslagen (er worden
# nooit voorbeeldgegevens naast je eigen gegevens gebruikt). Vervang ook de bedragen: die mogen als tekst
# zoals in Excel, `"€ 4.200,50"`. Kies daarna *Run → Run All Cells*.

# %% tags=["parameters"]
# Instellingen: pas alleen deze cel aan. Paden mogen vanaf de projectmap, bv. "data_raw/mijn_thuiszitters.xlsx".
# Bestanden: Excel of CSV; None = voorbeelddata (zonder eigen bestand) of overslaan (met een eigen MIJN_BESTAND).
MIJN_BESTAND = None     # thuiszitters: Casus, Aanmelddatum, Datum plaatsing (leeg = nog geen plek), Groep (voor/na)
MIJN_KLAS = None        # kleine groep: Leerling, Startdatum, Start ambulante hulp, Einddatum, Uitkomst
MIJN_PROCEDURES = None  # procedures: Casus, Groep, Aanmelddatum, Datum indicatie, Start hulp
MIJN_PANEL = None       # verwijzingen per school × maand (als in notebook 02): verhouding na/voor voor de kosten
BRON = None             # bronregel onder de figuren, bv. "leerplicht Leeuwarden"; None = de namen van je bestanden
SCHOOLJAAR = None       # schooljaar of periode, bv. "2023-2024"; komt in de bronregel
PEILDATUM = None        # lopende casussen tellen mee tot deze datum, bv. "31-7-2024"; None = laatste datum
NORM_DAGEN = 90         # Thuiszitterspact: passend aanbod binnen 3 maanden (90 dagen)
GELUKT = "regulier onderwijs"  # de uitkomst in de kolom Uitkomst van MIJN_KLAS die telt als gelukt
REDEN_TIJDLIJN = None   # tijdlijn per leerling alleen bewaren (om te delen) met een reden, bv. "klas bij iedereen bekend"
EERDER_PERCENTAGE = 0.10  # uitstroom naar regulier onderwijs in eerdere jaren (aanname; zoek het echte cijfer op)

# kosten van de jeugdondersteuner (voorbeeldbedragen: vervang ze door de echte cijfers)
UREN_PER_WEEK = 20          # uren per week van de jeugdondersteuner
MAANDSALARIS = "€ 4.200"    # bruto maandsalaris bij voltijd, uit de salarisschaal van de cao
WERKGEVERSLASTEN = 0.30     # werkgeverslasten als deel van het salaris (0,30 = 30%)
OVERHEAD = 0.15             # overhead als deel van de loonkosten
LEERLINGEN_BEREIKT = 180    # leerlingen die de jeugdondersteuner per jaar bereikt
CASUSSEN = 60               # casussen (leerlingen met hulp) per jaar
LEERLINGEN_TOTAAL = 11_000  # ingeschreven leerlingen op de scholen samen
SCHOLEN = 42                # aantal scholen
TRAJECTEN_PER_JAAR = 40     # tweedelijns trajecten per jaar bij deze scholen zonder jeugdondersteuner
KOSTEN_TRAJECT = "€ 8.500"  # gemiddelde kosten van één tweedelijns traject
KOSTEN_BESCHIKKING = "€ 900"  # individuele financiering: kosten van de hulp per leerling met een beschikking
KOSTEN_TOEGANG = "€ 350"    # individuele financiering: kosten van de toegang (beschikking afgeven) per leerling
BANDBREEDTES = {"trajectory_cost": ("€ 6.000", "€ 12.000"), "attribution": (0.5, 1.0),  # laag en hoog per aanname
                "baseline_trajectories": (30, 50)}

# %%
import evaluatie as ev
from evaluatie.costs import deployment_cost, financing_scenarios, impact
from evaluatie.did import panel_did
from evaluatie.durations import kaplan_meier, logrank, process_steps, shareable
from evaluatie.outcomes import compare_to_benchmark, plot_timeline, posterior_above, proportion_ci
from evaluatie.zorgvraag import prepare

instellingen = ev.notebook_settings("04", bestand=MIJN_BESTAND, klas=MIJN_KLAS, procedures=MIJN_PROCEDURES,
                                    panel=MIJN_PANEL, bron=BRON, schooljaar=SCHOOLJAAR)
klasbestand, procedurebestand, panelbestand = (instellingen.files[k] for k in ("class", "procedures", "panel"))
instellingen

# %% [markdown]
# ## 1. Een klas van 4: wat kun je eerlijk zeggen?
#
# Eerst de gegevens en het kwaliteitsrapport. De leerlingcodes worden bij het inlezen gepseudonimiseerd;
# in figuren staan alleen "leerling 1", "leerling 2", ...

# %%
if klasbestand is None:
    print(ev.text.t("nb_skipped", setting="MIJN_KLAS"))
else:
    klas, rapport = ev.read_table(klasbestand, kind="trajectories")
    display(rapport)

# %% [markdown]
# Een percentage van 4 leerlingen is heel onzeker. Het **exacte betrouwbaarheidsinterval**
# (Clopper–Pearson) geeft alle percentages die bij deze uitkomst passen; het is nooit te smal.

# %%
if klasbestand is not None:
    k = int((klas["Uitkomst"].astype(str).str.strip().str.casefold() == GELUKT.casefold()).sum())
    n = len(klas)
    uitstroom = proportion_ci(k, n, label=f"Uitstroom naar {GELUKT}")
    print(uitstroom.summary())

# %%
if klasbestand is not None:
    ax = uitstroom.plot()

# %% [markdown]
# **Vergelijken met vroeger.** Stroomde in eerdere jaren ongeveer 10% uit, dan toetst de exacte binomiale
# toets of 2 van de 4 daar echt van afwijkt. Met een referentiegroep (bijvoorbeeld een vergelijkbare klas)
# gebruik je `compare_proportions(k, n, k_ref, n_ref)` (Fisher exact).

# %%
if klasbestand is not None:
    print(compare_to_benchmark(k, n, EERDER_PERCENTAGE, label="de klas").summary())

# %% [markdown]
# **Hoe waarschijnlijk is een uitstroom van meer dan 30%?** Een bayesiaanse blik: zonder voorkennis (alle
# percentages even waarschijnlijk) en na 2 van de 4.

# %%
if klasbestand is not None:
    kans = posterior_above(k, n, 0.30)
    print(kans.summary())
    print(f"Kans dat van de volgende {n} leerlingen er minstens {k} uitstromen:",
          ev.text.format_percent(kans.predictive(n, k)))

# %% [markdown]
# Bij zo'n kleine groep zegt het verhaal per leerling meer dan een percentage: de **tijdlijn**. Die laat
# elke leerling apart zien, met data: wie de klas kent, herkent de leerlingen. Met je eigen klas wordt de
# tijdlijn daarom alleen hier getoond, en pas in `figures/` bewaard (om te delen) als je in de instellingen
# bij `REDEN_TIJDLIJN` een reden geeft; zo werkt `evaluatie rapport` ook.

# %%
if klasbestand is not None:
    ax = plot_timeline(klas, pupil="case", outcome="Uitkomst", events=("Start ambulante hulp",))
    if instellingen.example or REDEN_TIJDLIJN:  # each pupil apart, with dates: shared only with a reason
        reden = ev.text.t("nb_timeline_reason", reason=REDEN_TIJDLIJN) if REDEN_TIJDLIJN else ""
        ev.save_figure(ax.figure, "04_tijdlijn_so_plus", source=instellingen.source, n=n,
                       caption=f"{uitstroom.sentence()} {reden}".strip(), folder=instellingen.figures);
    else:
        print(ev.text.t("nb_timeline_not_saved"))

# %% [markdown]
# ## 2. Thuiszitters: hoe snel een passende plek?
#
# Een **thuiszitter** is een leerplichtige leerling die ingeschreven staat maar langer dan 4 weken
# ongeoorloofd afwezig is (*langdurig relatief verzuim*), of die nergens ingeschreven staat (*absoluut
# verzuim*); `evaluatie.durations.classify_absence` deelt leerlingen zo in.
#
# Leerlingen die nog geen plek hebben, tellen mee tot de **peildatum**: we weten dat het bij hen minstens zo
# lang duurt. Daarom gebruiken we de **Kaplan–Meier-methode** in plaats van een gewoon gemiddelde (dat zou
# de nog lopende, vaak lange trajecten weglaten en de duur te rooskleurig maken).

# %%
trajecten, rapport = ev.read_table(instellingen.file, kind="trajectories")
groep = "group" if "group" in trajecten.columns else None  # kolom Groep (voor/na), als die er is
rapport

# %%
km = kaplan_meier(trajecten, group=groep, reference_date=PEILDATUM, label="aandeel met passend aanbod")
print(km.summary(days=NORM_DAGEN))

# %%
ev.display_table(km.share_within(NORM_DAGEN))

# %%
if groep is None:
    print("Geen kolom 'Groep' (voor/na) in het bestand: er is niets te vergelijken.")
else:
    print(logrank(trajecten, group=groep, reference_date=PEILDATUM).summary())

# %% [markdown]
# De figuur hieronder is om te **delen**: een groep met minder dan 5 casussen (of minder dan 5 binnen of buiten
# de norm) staat er niet apart in, want dan is één leerling te herkennen. Kan geen enkele groep, dan staan alle
# casussen samen in de figuur; zijn het er ook samen te weinig, dan wordt er geen figuur bewaard.

# %%
deel, groep_deel, weggelaten = shareable(trajecten, group=groep, days=NORM_DAGEN, reference_date=PEILDATUM)
if weggelaten:
    print(ev.text.t("nb_dl_left_out", groups=", ".join(map(str, weggelaten)), k=5))
if deel is None:
    print(ev.text.t("nb_dl_nothing_shared", k=5))
else:
    km_deel = kaplan_meier(deel, group=groep_deel, reference_date=PEILDATUM, label="aandeel met passend aanbod")
    ax = km_deel.plot(days=NORM_DAGEN)
    ev.save_figure(ax.figure, "04_thuiszitters_tijd_tot_plek", source=instellingen.source, n=len(km_deel.data),
                   caption=km_deel.sentence(days=NORM_DAGEN), folder=instellingen.figures);

# %% [markdown]
# **Let op:** "voor" en "na" is een vergelijking in de tijd, zonder controlegroep. Veranderde er in dezelfde
# periode meer (nieuwe regels, meer plekken in het speciaal onderwijs), dan kan dat het verschil ook
# verklaren.
#
# ## 3. Waar zit de tijd in de procedure?
#
# Per casus drie datums: aanmelding, indicatie en start van de hulp. Per stap de mediane duur (met nog
# lopende casussen meegeteld) en, voor casussen die alle stappen doorliepen, welk deel van de totale tijd
# elke stap kost.

# %%
if procedurebestand is None:
    print(ev.text.t("nb_skipped", setting="MIJN_PROCEDURES"))
else:
    procedures, rapport = ev.read_table(procedurebestand, kind="trajectories")
    stappen = process_steps(procedures, steps=["start", "Datum indicatie", "Start hulp"],
                            names=["aanmelding", "indicatie", "start hulp"],
                            group="group" if "group" in procedures.columns else None, reference_date=PEILDATUM)
    print(stappen.summary())

# %%
if procedurebestand is not None:
    display(ev.display_table(stappen))

# %%
if procedurebestand is not None:
    ax = stappen.plot()
    ev.save_figure(ax.figure, "04_procedure_stappen", source=instellingen.source, n=len(procedures),
                   caption=stappen.sentence(), folder=instellingen.figures);

# %% [markdown]
# ## 4. Kosten: wat kost de jeugdondersteuner en verdient die zich terug?
#
# ### Kosten per bereikte leerling

# %%
inzet = deployment_cost(hours_per_week=UREN_PER_WEEK, salary_per_month=MAANDSALARIS,
                        employer_charges=WERKGEVERSLASTEN, overhead=OVERHEAD, pupils_reached=LEERLINGEN_BEREIKT,
                        cases=CASUSSEN, pupils_enrolled=LEERLINGEN_TOTAAL, schools=SCHOLEN)
print(inzet.summary(trajectory_cost=KOSTEN_TRAJECT))

# %% [markdown]
# ### Collectief of individueel financieren?
#
# Bij collectieve financiering betaalt de gemeente de jeugdondersteuner als vast budget; bij individuele
# financiering krijgt elke leerling een eigen beschikking (met de kosten van de toegang erbij).

# %%
print(financing_scenarios(collective_cost=inzet, pupils_helped=CASUSSEN,
                          individual_cost_per_pupil=KOSTEN_BESCHIKKING, decision_cost=KOSTEN_TOEGANG).summary())

# %% [markdown]
# ### Van minder verwijzingen naar vermeden kosten
#
# De verhouding van de verwijzingen na/voor komt uit de verschil-in-verschillen-analyse (notebook 02; hier
# met minder herhalingen zodat het snel gaat) op `MIJN_PANEL`. Het impactmodel rekent die om naar vermeden
# trajecten en euro's, en zet **elke aanname** in de uitkomst.

# %%
if panelbestand is None:
    print(ev.text.t("nb_skipped", setting="MIJN_PANEL"))
else:
    panel, _ = ev.read_table(panelbestand, kind="panel")
    effect = panel_did(prepare(panel), exposure="exposure", seed=1, n_resamples=999)
    opbrengst = impact(deployment=inzet, baseline_trajectories=TRAJECTEN_PER_JAAR, rate_ratio=effect,
                       trajectory_cost=KOSTEN_TRAJECT, ranges=BANDBREEDTES)
    print(opbrengst.summary())

# %%
if panelbestand is not None:
    display(opbrengst.assumptions_table())

# %% [markdown]
# ### Welke aanname telt het zwaarst, en hoe zeker is het?
#
# De **tornadofiguur** zet steeds één aanname op haar laagste en hoogste waarde. De **Monte-Carlo-simulatie**
# trekt alle aannames tegelijk en telt hoe vaak de inzet zich terugverdient.

# %%
if panelbestand is not None:
    ax = opbrengst.plot_tornado()
    ev.save_figure(ax.figure, "04_tornado_kosten", source=f"impactmodel; {instellingen.source}", n=SCHOLEN,
                   caption=opbrengst.sentence(), folder=instellingen.figures);

# %%
if panelbestand is not None:
    simulatie = opbrengst.monte_carlo(n=10_000, seed=2024)
    print(simulatie.summary())
    ax = simulatie.plot()

# %% [markdown]
# ## Eerlijke grenzen
#
# * **Kleine aantallen**: noem bij 4 leerlingen nooit alleen een percentage; geef het interval en beschrijf
#   de leerlingen afzonderlijk. Een niet-significant verschil betekent "te weinig gegevens", niet "geen effect".
# * **Doorlooptijden**: de peildatum en de definitie van start en eind (aanmelding? eerste gesprek?) bepalen
#   de uitkomst; leg ze vast voordat je gaat tellen.
# * **Kosten**: het impactmodel is zo eenvoudig mogelijk gehouden zodat elke stap te controleren is. Het
#   telt geen kosten die verschuiven naar lichtere hulp en geen effecten na het eerste jaar. De kans dat de
#   inzet zich terugverdient is zo goed als de bandbreedtes die je invult.
