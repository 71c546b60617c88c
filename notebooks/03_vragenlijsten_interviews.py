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
# # 03 · Vragenlijsten en interviews: wat zeggen ouders, leerkrachten en intern begeleiders?
#
# Cijfers over verwijzingen vertellen niet alles. Bij een pilot met een jeugdondersteuner in de school
# vraag je ook aan ouders, leerkrachten en de intern begeleider hoe zij de samenwerking ervaren, vóór en
# na de start. Dit notebook:
#
# 1. leest de vragenlijst en het **codeboek** (welke vraag hoort bij welk onderwerp, welke vraag is
#    negatief geformuleerd);
# 2. laat zien wie er heeft meegedaan (respons per groep en meting);
# 3. vat de antwoorden per vraag samen en toetst of de vragen samen een betrouwbare schaal vormen;
# 4. vergelijkt de meting vóór met de meting na, met een effectgrootte en een eerlijke onzekerheid;
# 5. telt welke thema's in de interviews genoemd worden, en door hoeveel mensen per groep.
#
# De figuren komen ook als PNG, SVG en PDF (met bronregel en n) in de map `figures/`.
#
# Zonder eigen bestand draait alles op **synthetische** voorbeelddata (verzonnen). **Eigen bestand?**
# Vul de instellingen hieronder in en kies *Run → Run All Cells*.

# %% tags=["parameters"]
# Instellingen: pas alleen deze cel aan. Paden mogen vanaf de projectmap, bv. "data_raw/mijn_vragenlijst.xlsx".
MIJN_BESTAND = None  # je vragenlijst (Excel of CSV): één rij per respondent × meting; None = voorbeelddata
CODEBOEK = None      # je codeboek (CSV of Excel): vraag, vraagtekst, schaal, omgescoord (ja/nee), construct
FRAGMENTEN = None    # je gecodeerde interviewfragmenten (CSV of Excel): respondent, groep, code, fragment; None = geen
BRON = None          # bronregel onder figuren, bv. "vragenlijst ouders en leerkrachten, IKC De Linde"; None = bestandsnaam
SCHOOLJAAR = None    # schooljaar, bv. "2024-2025"; komt in de bronregel

# %%
import evaluatie as ev
from evaluatie import interviews, survey

instellingen = ev.notebook_settings("03", bestand=MIJN_BESTAND, codeboek=CODEBOEK, fragmenten=FRAGMENTEN,
                                    bron=BRON, schooljaar=SCHOOLJAAR)
instellingen

# %% [markdown]
# ## 1. Inlezen: antwoorden en codeboek
#
# Antwoorden mogen als cijfer (1–5) of als tekst ("helemaal mee eens") in het bestand staan. "Weet niet"
# en "n.v.t." worden apart geteld en **niet** meegerekend in gemiddelden: het is geen mening in het midden.
# Een vraag die negatief is geformuleerd ("Ik moet mijn verhaal steeds opnieuw vertellen") wordt omgescoord
# als het codeboek dat zegt, zodat een hoge score overal "gunstig" betekent.

# %%
antwoorden, rapport = ev.read_table(instellingen.file, kind="survey", raw_items=True)
vragenlijst = survey.prepare(antwoorden, instellingen.codebook, report=rapport)
if not vragenlijst.constructs:  # schaalscores en vergelijkingen hebben onderwerpen uit een codeboek nodig
    raise ev.InputError(ev.text.t("nb_sv_no_constructs", file=instellingen.file.name))
rapport

# %%
ev.display_table(vragenlijst.codebook)

# %% [markdown]
# ## 2. Wie deed er mee?
#
# Per groep en meting het aantal respondenten, en hoeveel respondenten **beide** keren meededen
# (alleen die kun je vóór en na met zichzelf vergelijken).

# %%
ev.display_table(survey.response(vragenlijst))

# %% [markdown]
# ## 3. Antwoorden per vraag
#
# Links van de lijn: (helemaal) oneens, rechts: (helemaal) eens; "neutraal" staat half links, half rechts.
# Rijen met minder dan 5 antwoorden worden niet getoond: dan zou je één persoon kunnen herkennen.

# %%
samenvatting = survey.likert_summary(vragenlijst, construct=vragenlijst.constructs[0], by="wave")
samenvatting.summary()

# %%
ax = samenvatting.plot()
n_respondenten = ev.privacy.small_count(vragenlijst.answers[vragenlijst.respondent].nunique())
ev.save_figure(ax.figure, "03_vragenlijst_per_vraag", source=instellingen.source, n=n_respondenten,
               caption=f"Antwoorden per vraag over {vragenlijst.constructs[0]}, per meting. "
                       + samenvatting.protection_note(), folder=instellingen.figures);

# %% [markdown]
# ## 4. Vormen de vragen samen een schaal?
#
# Als vragen hetzelfde meten, hangen de antwoorden samen. Cronbachs alfa (en omega) vanaf ongeveer 0,7 is
# voldoende, vanaf 0,8 goed. De tabel laat per vraag zien hoe sterk die samenhangt met de rest, en wat alfa
# zou zijn zonder die vraag.

# %%
for construct in vragenlijst.constructs:
    print(construct + ":", survey.reliability(vragenlijst, construct=construct).sentence())

# %%
survey.reliability(vragenlijst, construct=vragenlijst.constructs[0]).plot();

# %% [markdown]
# ## 5. Vóór en na vergelijken
#
# Per respondent het gemiddelde van de vragen van een onderwerp (alleen als meer dan de helft is beantwoord).
# Daarna per onderwerp een gepaarde vergelijking: dezelfde mensen vóór en na. De effectgrootte (Hedges' g)
# zegt hoe groot het verschil is ten opzichte van de spreiding: rond 0,2 klein, 0,5 middel, 0,8 groot. Omdat
# er meerdere onderwerpen getoetst worden, zijn de p-waarden gecorrigeerd (Holm).
#
# **Let op:** zonder vergelijkingsgroep weet je niet of het verschil door de jeugdondersteuner komt of door
# iets anders dat in dezelfde periode veranderde.

# %%
scores = survey.scale_scores(vragenlijst)
vergelijking = survey.compare(scores, vragenlijst.constructs, within="wave", seed=1)
vergelijking.summary()

# %%
print(vergelijking.sentence())

# %%
ax = vergelijking.plot()
ev.save_figure(ax.figure, "03_vragenlijst_voor_na", source=instellingen.source, n=n_respondenten,
               caption=vergelijking.sentence(), folder=instellingen.figures);

# %% [markdown]
# ## 6. Interviews: welke thema's worden genoemd?
#
# Geteld wordt hoeveel **mensen** een thema noemen (niet hoeveel fragmenten): één ouder die tien keer over
# wachttijd begint, telt één keer. Subthema's ("samenwerking > overleg") tellen mee bij hun hoofdthema.
# Groepen met minder dan 5 geïnterviewden worden in de figuur samengevoegd tot "overige", en een aantal onder
# de 5 wordt niet getoond ("x"): anders zou je een persoon kunnen herkennen.

# %%
if instellingen.fragments is None:
    print("Geen interviewfragmenten opgegeven (FRAGMENTEN = None): dit deel wordt overgeslagen.")
else:
    fragmenten, rapport_interviews = ev.read_table(instellingen.fragments, kind="fragments")
    themas = interviews.code_frequencies(fragmenten)
    print(interviews.summary(themas))
    display(ev.display_table(themas[themas["depth"] == 1]))
    ax = interviews.plot_codes(themas)
    ev.save_figure(ax.figure, "03_interviews_themas", source=instellingen.source,
                   n=ev.privacy.small_count(fragmenten["respondent"].nunique()), caption=interviews.summary(themas),
                   folder=instellingen.figures)

# %% [markdown]
# Voorbeeldcitaten per thema, met een anonieme aanduiding ("ouder 3"). Citaten waarin een BSN, e-mailadres,
# telefoonnummer of adres staat, worden nooit getoond. **Namen herkent de computer niet: lees citaten altijd
# zelf na voordat je ze publiceert.**

# %%
if instellingen.fragments is not None:
    display(ev.display_table(interviews.quotes(fragmenten, per_code=1, seed=1)))

# %% [markdown]
# ## Wat deze cijfers wel en niet zeggen
#
# - Een vragenlijst meet hoe mensen iets **ervaren**, niet wat er feitelijk gebeurde.
# - Wie niet meedeed, kan er anders over denken dan wie wel meedeed: kijk naar de respons per groep.
# - Zonder vergelijkingsgroep is "na hoger dan vóór" geen bewijs dat de pilot het verschil maakte.
# - Interviews laten zien **welke** thema's spelen en hoe mensen ze verwoorden; percentages bij kleine
#   groepen (3 intern begeleiders) zeggen weinig.
