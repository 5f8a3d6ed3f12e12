# ruff: noqa  (authoring data, kept as written: one entry a line)
"""One-time authoring of the issue-21 draft corpus: entries, split once (seed 21) into tuning and held-out."""
import json
import random
import sys
from pathlib import Path

R, V, S, Y, G, F, A = "right", "wrong value", "wrong scale", "wrong year", "wrong region", "forecast as fact", \
    "not in the knowledge"
VERDICT = {R: "supported", V: "value-differs", S: "value-differs", Y: "year-differs", G: "scope-differs",
           F: "status-differs", A: "unknown"}

# (language, paragraph text, [(figure as written, class, statistic id or None)])
E = [
    # --- percent of GDP -------------------------------------------------------------------------------------
    ("en", "Flanders' R&D intensity was 3.65% of GDP in 2021.", [("3.65%", R, "rd-intensity-2021-flanders-vlaanderen")]),
    ("en", "Brussels spent 2.49% of its GDP on research and development in 2021.", [("2.49%", R, "rd-intensity-2021-brussels-vlaanderen")]),
    ("en", "In 2021 Belgium's R&D expenditure stood at 3.43 per cent of GDP.", [("3.43 per cent", R, "rd-intensity-2021-belgium-belga")]),
    ("en", "The EU average R&D intensity was 2.15% of GDP in 2021.", [("2.15%", R, "rd-intensity-2021-eu-belga")]),
    ("en", "Belgium spent 2.86% of GDP on R&D in 2018, according to the report of 12 March 2020 [3].", [("2.86%", R, "rd-intensity-2018-belgium-trends")]),
    ("en", "In 2013, Wallonia devoted 2.91% of its GDP to R&D.", [("2.91%", R, "rd-intensity-2013-wallonia-eurostat")]),
    ("fr", "En 2021, la Wallonie a consacré 3,6 % de son PIB à la recherche et au développement.", [("3,6 %", R, "rd-intensity-2021-wallonia-iweps")]),
    ("nl", "De Vlaamse O&O-intensiteit bedroeg in 2020 3,57% van het bbp.", [("3,57%", R, "rd-intensity-2020-flanders-vlaanderen")]),
    ("de", "Belgien investierte 2020 rund 3,5 Prozent seines BIP in Forschung und Entwicklung.", [("3,5 Prozent", R, "rd-intensity-2020-belgium-vrt-de")]),
    ("nl", "In 2022 gaf Vlaanderen 3,5% van zijn bbp uit aan onderzoek en ontwikkeling.", [("3,5%", R, "rd-intensity-2022-flanders-sv")]),
    ("en", "Brussels reached an R&D intensity of 3.61% in 2021.", [("3.61%", G, "rd-intensity-2021-wallonia-vlaanderen")]),
    ("en", "In 2021, Flanders spent 2.49% of GDP on R&D.", [("2.49%", G, "rd-intensity-2021-brussels-vlaanderen")]),
    ("fr", "La Région bruxelloise consacrait 3,65 % de son PIB à la R&D en 2021.", [("3,65 %", G, "rd-intensity-2021-flanders-vlaanderen")]),
    ("nl", "Wallonië besteedde in 2021 2,49% van het bbp aan O&O.", [("2,49%", G, "rd-intensity-2021-brussels-vlaanderen")]),
    ("de", "Brüssel gab 2016 2,5 % seines BIP für Forschung und Entwicklung aus.", [("2,5 %", G, "rd-intensity-2016-wallonia-sv")]),
    ("en", "Wallonia's R&D intensity was 3.1% of GDP in 2021.", [("3.1%", V, "rd-intensity-2021-wallonia-vlaanderen")]),
    ("en", "Belgium's R&D intensity reached 4.2% of GDP in 2021.", [("4.2%", V, "rd-intensity-2021-belgium-belga")]),
    ("nl", "Vlaanderen haalde in 2022 een O&O-intensiteit van 3,9% van het bbp.", [("3,9%", V, "rd-intensity-2022-flanders-sv")]),
    ("fr", "En 2013, la Flandre consacrait 3,2 % de son PIB à la R&D.", [("3,2 %", V, "rd-intensity-2013-flanders-eurostat")]),
    ("de", "Die EU gab 2021 durchschnittlich 1,7 % des BIP für Forschung und Entwicklung aus.", [("1,7 %", V, "rd-intensity-2021-eu-belga")]),
    ("en", "Flanders' R&D intensity was 3.65% of GDP in 2019.", [("3.65%", Y, "rd-intensity-2021-flanders-vlaanderen")]),
    ("en", "In 2016, Wallonia spent 3.61% of its GDP on R&D.", [("3.61%", Y, "rd-intensity-2021-wallonia-vlaanderen")]),
    ("nl", "Brussel besteedde in 2017 2,49% van het bbp aan O&O.", [("2,49%", Y, "rd-intensity-2021-brussels-vlaanderen")]),
    ("de", "Flandern investierte 2013 3,65 % seines BIP in Forschung und Entwicklung.", [("3,65 %", Y, "rd-intensity-2021-flanders-vlaanderen")]),
    ("fr", "En 2019, la Belgique consacrait 3,43 % de son PIB à la R&D.", [("3,43 %", Y, "rd-intensity-2021-belgium-belga")]),
    ("en", "Wallonia's R&D intensity reached 4.27% of GDP in 2020.", [("4.27%", F, "rd-intensity-2020-forecast-wallonia-deville")]),
    ("en", "Flanders spent 3.05% of its GDP on R&D in 2020.", [("3.05%", F, "rd-intensity-2020-forecast-flanders-deville")]),
    ("fr", "La Wallonie a atteint une intensité de R&D de 4,27 % du PIB en 2020.", [("4,27 %", F, "rd-intensity-2020-forecast-wallonia-deville")]),
    ("nl", "Vlaanderen besteedde in 2020 3,05% van zijn bbp aan onderzoek.", [("3,05%", F, "rd-intensity-2020-forecast-flanders-deville")]),
    ("de", "Brüssel erreichte 2020 eine F&E-Quote von 1,9 % des BIP.", [("1,9 %", F, "rd-intensity-2020-forecast-brussels-deville")]),
    ("en", "Flanders spends 3% of its GDP on research and development.", [("3%", F, "rd-intensity-target-flanders")]),
    ("nl", "Vlaanderen besteedt 3% van zijn bbp aan O&O.", [("3%", F, "rd-intensity-target-flanders")]),
    # --- per inhabitant -------------------------------------------------------------------------------------
    ("en", "Brussels' GDP per inhabitant was €74,068 in 2021.", [("€74,068", R, "gdp-per-capita-2021-brussels-iweps")]),
    ("en", "In 2021 GDP per inhabitant in Wallonia was €31,569.", [("€31,569", R, "gdp-per-capita-2021-wallonia-iweps")]),
    ("fr", "Le PIB par habitant de la Flandre atteignait 44 358 euros en 2021.", [("44 358 euros", R, "gdp-per-capita-2021-flanders-iweps")]),
    ("nl", "Het netto beschikbaar inkomen per inwoner in Vlaanderen bedroeg in 2022 26.567 euro.", [("26.567 euro", R, "disposable-income-per-capita-2022-flanders")]),
    ("de", "Das verfügbare Einkommen je Einwohner in Brüssel lag 2022 bei 22.588 Euro.", [("22.588 Euro", R, "disposable-income-per-capita-2022-brussels")]),
    ("en", "Brussels filed 358 patent applications per million inhabitants in 2019.", [("358", R, "patent-apps-per-million-2019-brussels-sv")]),
    ("nl", "Vlaanderen telde in 2018 279 octrooiaanvragen per miljoen inwoners.", [("279", R, "patent-apps-per-million-2018-flanders-vlaanderen")]),
    ("en", "GDP per inhabitant in Brussels was 66,200 PPS in 2021.", [("66,200", R, "gdp-per-capita-pps-2021-brussels-iweps")]),
    ("de", "Das BIP je Einwohner der Wallonie betrug 2022 31.700 Euro KKS.", [("31.700 Euro", R, "gdp-per-capita-pps-2022-wallonia-sv")]),
    ("en", "Belgium's GDP per inhabitant was €43,480 in 2021.", [("€43,480", R, "gdp-per-capita-2021-belgium-iweps")]),
    ("en", "Brussels' GDP per inhabitant was €47,068 in 2021.", [("€47,068", V, "gdp-per-capita-2021-brussels-iweps")]),
    ("fr", "Le PIB par habitant de la Wallonie était de 35 000 euros en 2021.", [("35 000 euros", V, "gdp-per-capita-2021-wallonia-iweps")]),
    ("nl", "Wallonië telde in 2019 210 octrooiaanvragen per miljoen inwoners.", [("210", V, "patent-apps-per-million-2019-wallonia-sv")]),
    ("de", "Das BIP pro Einwohner Flanderns lag 2021 bei 52.358 Euro.", [("52.358 Euro", V, "gdp-per-capita-2021-flanders-iweps")]),
    ("en", "Flanders' GDP per inhabitant was €31,569 in 2021.", [("€31,569", G, "gdp-per-capita-2021-wallonia-iweps")]),
    ("de", "Flandern meldete 2019 358 Patentanmeldungen pro Million Einwohner.", [("358", G, "patent-apps-per-million-2019-brussels-sv")]),
    ("fr", "Le revenu disponible par habitant en Wallonie était de 26 567 euros en 2022.", [("26 567 euros", G, "disposable-income-per-capita-2022-flanders")]),
    ("nl", "Het bbp per inwoner van Wallonië bedroeg in 2021 74.068 euro.", [("74.068 euro", G, "gdp-per-capita-2021-brussels-iweps")]),
    ("en", "Wallonia's disposable income per inhabitant was €22,513 in 2020.", [("€22,513", Y, "disposable-income-per-capita-2022-wallonia")]),
    ("en", "Brussels had 358 patent applications per million inhabitants in 2021.", [("358", Y, "patent-apps-per-million-2019-brussels-sv")]),
    ("fr", "En 2018, le PIB par habitant de Bruxelles s'élevait à 74 068 euros.", [("74 068 euros", Y, "gdp-per-capita-2021-brussels-iweps")]),
    ("de", "Das BIP je Einwohner Belgiens betrug 2019 43.480 Euro.", [("43.480 Euro", Y, "gdp-per-capita-2021-belgium-iweps")]),
    # --- percent of the EU average, of a total, of companies, of exports -----------------------------------
    ("en", "Brussels' GDP per inhabitant was 203% of the EU average in 2018.", [("203%", R, "gdp-per-capita-pct-eu-2018-brussels")]),
    ("nl", "Het bbp per inwoner van Vlaanderen lag in 2018 op 120 procent van het Europese gemiddelde.", [("120 procent", R, "gdp-per-capita-pct-eu-2018-flanders")]),
    ("de", "Das BIP pro Kopf der Wallonie lag 2018 bei 85 % des EU-Durchschnitts.", [("85 %", R, "gdp-per-capita-pct-eu-2018-wallonia")]),
    ("en", "Wallonia's GDP per inhabitant stood at 120% of the EU average in 2018.", [("120%", G, "gdp-per-capita-pct-eu-2018-flanders")]),
    ("fr", "En 2018, le PIB par habitant de Bruxelles représentait 180 % de la moyenne européenne.", [("180 %", V, "gdp-per-capita-pct-eu-2018-brussels")]),
    ("en", "Flanders' GDP per head was 120% of the EU average in 2021.", [("120%", Y, "gdp-per-capita-pct-eu-2018-flanders")]),
    ("en", "Flanders accounted for 65% of Belgian patent applications to the EPO in 2021.", [("65%", R, "epo-apps-share-2021-flanders-fit")]),
    ("en", "Wallonia's share of Belgian EPO applications was 19.8% in 2021.", [("19.8%", R, "epo-apps-share-2021-wallonia-fit")]),
    ("nl", "Brussel was in 2021 goed voor 15,3% van de Belgische octrooiaanvragen bij het EOB.", [("15,3%", R, "epo-apps-share-2021-brussels-fit")]),
    ("en", "Brussels filed 19.8% of all Belgian EPO applications in 2021.", [("19.8%", G, "epo-apps-share-2021-wallonia-fit")]),
    ("de", "Flandern stellte 2021 75 % aller belgischen Patentanmeldungen beim Europäischen Patentamt.", [("75 %", V, "epo-apps-share-2021-flanders-fit")]),
    ("fr", "En 2018, la Wallonie représentait 19,8 % des demandes de brevets belges auprès de l'OEB.", [("19,8 %", Y, "epo-apps-share-2021-wallonia-fit")]),
    ("en", "In 2011, 34% of Belgium's biotech companies were located in Wallonia.", [("34%", R, "biotech-companies-share-2011-wallonia")]),
    ("de", "2011 befanden sich 17 Prozent der belgischen Biotech-Unternehmen in Brüssel.", [("17 Prozent", R, "biotech-companies-share-2011-brussels")]),
    ("fr", "En 2011, la Flandre abritait 34 % des entreprises de biotechnologie belges.", [("34 %", G, "biotech-companies-share-2011-wallonia")]),
    ("en", "In 2011 Brussels hosted 25% of Belgian biotech companies.", [("25%", V, "biotech-companies-share-2011-brussels")]),
    ("nl", "In 2020 was 34% van de Belgische biotechbedrijven in Wallonië gevestigd.", [("34%", Y, "biotech-companies-share-2011-wallonia")]),
    ("en", "Belgium is home to 7% of all biotechnology companies in Europe.", [("7%", R, "belgium-share-of-european-biotech-companies")]),
    ("fr", "Les entreprises biotech belges réalisent 16 % du chiffre d'affaires biotech européen.", [("16 %", R, "belgium-share-of-european-biotech-turnover")]),
    ("de", "Belgien beherbergt 12 % aller Biotechnologie-Unternehmen in Europa.", [("12 %", V, "belgium-share-of-european-biotech-companies")]),
    ("en", "Pharmaceutical products made up more than 30% of Wallonia's goods exports in 2022.", [("30%", R, "pharma-share-of-exports-2022-wallonia-awex")]),
    ("fr", "Les produits chimiques et pharmaceutiques représentaient plus de 45 % des exportations wallonnes en 2022.", [("45 %", R, "chem-pharma-share-of-exports-2022-wallonia-awex")]),
    ("nl", "Vlaanderen was in 2021 goed voor 82% van de Belgische goederenexport.", [("82%", R, "flanders-share-of-belgian-exports-2021")]),
    ("nl", "COVID-19-vaccins waren in 2022 goed voor 6% van de Vlaamse goederenexport.", [("6%", R, "covid-vaccine-share-of-exports-2022-flanders")]),
    ("en", "In 2021, Flanders accounted for 90% of Belgian goods exports.", [("90%", V, "flanders-share-of-belgian-exports-2021")]),
    ("de", "Pharmazeutische Produkte machten 2022 nur 15 % der wallonischen Warenexporte aus.", [("15 %", V, "pharma-share-of-exports-2022-wallonia-awex")]),
    ("en", "COVID-19 vaccines made up 6% of Wallonia's goods exports in 2022.", [("6%", G, "covid-vaccine-share-of-exports-2022-flanders")]),
    ("fr", "En 2019, la Flandre représentait 82 % des exportations belges de biens.", [("82 %", Y, "flanders-share-of-belgian-exports-2021")]),
    ("de", "Die Vereinigten Staaten nehmen rund 35 % der wallonischen Pharmaexporte ab.", [("35 %", R, "wallonia-pharma-exports-to-us-share")]),
    # --- money with scale words -----------------------------------------------------------------------------
    ("en", "Flanders' GDP was €266.342 billion in 2020.", [("€266.342 billion", R, "gdp-2020-flanders-nbb")]),
    ("nl", "Het bbp van Vlaanderen bedroeg in 2020 266.342 miljoen euro.", [("266.342 miljoen euro", R, "gdp-2020-flanders-nbb")]),
    ("en", "Wallonia's GDP reached €115bn in 2021.", [("€115bn", R, "gdp-2021-wallonia-iweps")]),
    ("fr", "Le PIB bruxellois s'élevait à 90 milliards d'euros en 2021.", [("90 milliards", R, "gdp-2021-brussels-iweps")]),
    ("de", "Das BIP Flanderns betrug 2021 296 Milliarden Euro.", [("296 Milliarden Euro", R, "gdp-2021-flanders-iweps")]),
    ("en", "Flanders spent €10.82 billion on R&D in 2021.", [("€10.82 billion", R, "rd-expenditure-2021-flanders-vlaanderen")]),
    ("nl", "De totale O&O-uitgaven in Vlaanderen bedroegen in 2022 11,6 miljard euro.", [("11,6 miljard euro", R, "rd-expenditure-2022-flanders-sv")]),
    ("nl", "In 2017 gaf Vlaanderen 7,5 miljard euro uit aan onderzoek en ontwikkeling.", [("7,5 miljard euro", R, "rd-expenditure-2017-flanders-sv")]),
    ("en", "Janssen invested €2.2bn in R&D in Belgium in 2020.", [("€2.2bn", R, "janssen-rd-belgium-2020")]),
    ("en", "Belgium exported €78 billion of medicines and vaccines in 2023.", [("€78 billion", R, "biopharma-exports-2023-belgium-pharmabe")]),
    ("fr", "Les exportations du secteur biotech et biopharma belge ont atteint 83 milliards d'euros en 2021.", [("83 milliards", R, "biotech-biopharma-exports-2021-belgium-bio-be")]),
    ("en", "Flanders exported goods worth €479.7 bn in 2022.", [("€479.7 bn", R, "goods-exports-2022-flanders-fit")]),
    ("de", "Die Wallonie exportierte 2020 Waren im Wert von 47,3 Mrd. Euro.", [("47,3 Mrd. Euro", R, "goods-exports-2020-wallonia-awex")]),
    ("en", "Brussels exported €6 billion of goods in the first half of 2023.", [("€6 billion", R, "brussels-goods-exports-h1-2023")]),
    ("en", "The market value of listed Belgian biotech companies was €42 billion in 2020.", [("€42 billion", R, "biotech-market-cap-2020-belgium")]),
    ("en", "The BioWin-MEDVIA partnership mobilises a public-private investment volume of €44m.", [("€44m", R, "biowin-medvia-investment-volume")]),
    ("de", "Die BioWin-MEDVIA-Partnerschaft hat ein Investitionsvolumen von 44 Millionen Euro.", [("44 Millionen Euro", R, "biowin-medvia-investment-volume")]),
    ("en", "Wallonia's nuclear medicine sector generates €355 mn of added value.", [("€355 mn", R, "wallonia-nuclear-medicine-added-value")]),
    ("nl", "De Waalse nucleaire geneeskunde levert 355 miljoen euro toegevoegde waarde op.", [("355 miljoen euro", R, "wallonia-nuclear-medicine-added-value")]),
    ("en", "Flemish biotech companies have a total turnover of almost €2.9 billion.", [("€2.9 billion", R, "biotech-turnover-flanders-fit-brochure")]),
    ("en", "Over ten years, Belgian biotech and biopharma companies invested €5,500 million in production facilities.", [("€5,500 million", R, "belgium-biomanufacturing-investment-10-years")]),
    ("en", "Brussels' GDP per inhabitant was about €74k in 2021.", [("€74k", R, "gdp-per-capita-2021-brussels-iweps")]),
    ("en", "Disposable income per inhabitant in Wallonia was 22.5 thousand euros in 2022.", [("22.5 thousand euros", R, "disposable-income-per-capita-2022-wallonia")]),
    ("fr", "En 2020, les entreprises biopharmaceutiques ont investi 4,96 milliards d'euros en R&D en Belgique.", [("4,96 milliards", R, "biopharma-rd-2020-belgium-pharmabe")]),
    ("de", "Belgien exportierte 2023 Arzneimittel und Impfstoffe im Wert von 78 Mrd. Euro.", [("78 Mrd. Euro", R, "biopharma-exports-2023-belgium-pharmabe")]),
    ("en", "Belgium invested €5.7 million in R&D in 2022.", [("€5.7 million", S, "belgium-rd-investment-2022")]),
    ("fr", "Les exportations belges de médicaments et de vaccins ont atteint 78 millions d'euros en 2023.", [("78 millions", S, "biopharma-exports-2023-belgium-pharmabe")]),
    ("nl", "Het bbp van Vlaanderen bedroeg in 2020 266.342 miljard euro.", [("266.342 miljard euro", S, "gdp-2020-flanders-nbb")]),
    ("de", "Das BIP der Wallonie betrug 2021 115 Millionen Euro.", [("115 Millionen Euro", S, "gdp-2021-wallonia-iweps")]),
    ("en", "Janssen invested €2.2 million in R&D in Belgium in 2020.", [("€2.2 million", S, "janssen-rd-belgium-2020")]),
    ("en", "Flanders' goods exports were worth €479.7 million in 2022.", [("€479.7 million", S, "goods-exports-2022-flanders-fit")]),
    ("de", "Das Investitionsvolumen der BioWin-MEDVIA-Partnerschaft beträgt 44 Mrd. €.", [("44 Mrd. €", S, "biowin-medvia-investment-volume")]),
    ("fr", "Le secteur wallon de la médecine nucléaire génère 355 milliards d'euros de valeur ajoutée.", [("355 milliards", S, "wallonia-nuclear-medicine-added-value")]),
    ("nl", "Vlaanderen gaf in 2021 10,82 miljoen euro uit aan O&O.", [("10,82 miljoen euro", S, "rd-expenditure-2021-flanders-vlaanderen")]),
    ("en", "Belgian biopharma exports exceeded €53 million in 2020.", [("€53 million", S, "belgium-biopharma-exports-2020")]),
    ("en", "Flanders' total R&D expenditure was €9.6 million in 2020.", [("€9.6 million", S, "rd-expenditure-2020-flanders-sv")]),
    ("de", "Der Marktwert der börsennotierten belgischen Biotech-Unternehmen lag 2020 bei 42 Mio. Euro.", [("42 Mio. Euro", S, "biotech-market-cap-2020-belgium")]),
    ("fr", "En 2022, la Flandre a exporté pour 479,7 millions d'euros de biens.", [("479,7 millions", S, "goods-exports-2022-flanders-fit")]),
    ("nl", "De Belgische export van geneesmiddelen en vaccins bedroeg in 2023 78 miljoen euro.", [("78 miljoen euro", S, "biopharma-exports-2023-belgium-pharmabe")]),
    ("en", "Belgium's total R&D spending exceeded €18 million in 2020.", [("€18 million", S, "rd-expenditure-2020-belgium-vrt")]),
    ("en", "Flemish biotech companies have a turnover of almost €2.9 million.", [("€2.9 million", S, "biotech-turnover-flanders-fit-brochure")]),
    ("en", "Brussels exported €6 million of goods in the first half of 2023.", [("€6 million", S, "brussels-goods-exports-h1-2023")]),
    ("de", "Janssen investierte 2020 2,2 Mio. Euro in Forschung und Entwicklung in Belgien.", [("2,2 Mio. Euro", S, "janssen-rd-belgium-2020")]),
    ("nl", "Wallonië had in 2021 een bbp van 115 duizend euro.", [("115 duizend euro", S, "gdp-2021-wallonia-iweps")]),
    ("fr", "La Flandre a consacré 10,82 millions d'euros à la R&D en 2021.", [("10,82 millions", S, "rd-expenditure-2021-flanders-vlaanderen")]),
    ("en", "In 2021 the Belgian biotech and biopharma sector exported goods worth €83 thousand.", [("€83 thousand", S, "biotech-biopharma-exports-2021-belgium-bio-be")]),
    ("en", "Wallonia's GDP was €125 billion in 2021.", [("€125 billion", V, "gdp-2021-wallonia-iweps")]),
    ("en", "Brussels' GDP was €80 billion in 2021.", [("€80 billion", V, "gdp-2021-brussels-iweps")]),
    ("nl", "Vlaanderen gaf in 2022 12,4 miljard euro uit aan O&O.", [("12,4 miljard euro", V, "rd-expenditure-2022-flanders-sv")]),
    ("de", "Die Ausfuhren von Arzneimitteln und Impfstoffen aus Belgien erreichten 2023 70 Mrd. Euro.", [("70 Mrd. Euro", V, "biopharma-exports-2023-belgium-pharmabe")]),
    ("fr", "Janssen a investi 3,1 milliards d'euros en R&D en Belgique en 2020.", [("3,1 milliards", V, "janssen-rd-belgium-2020")]),
    ("en", "The Walloon nuclear medicine sector's added value is €255 million.", [("€255 million", V, "wallonia-nuclear-medicine-added-value")]),
    ("nl", "Het BioWin-MEDVIA-partnerschap heeft een investeringsvolume van 64 miljoen euro.", [("64 miljoen euro", V, "biowin-medvia-investment-volume")]),
    ("en", "Brussels' GDP was €115 billion in 2021.", [("€115 billion", G, "gdp-2021-wallonia-iweps")]),
    ("nl", "Wallonië had in 2021 een bbp van 296 miljard euro.", [("296 miljard euro", G, "gdp-2021-flanders-iweps")]),
    ("fr", "En 2022, la Wallonie a exporté pour 479,7 milliards d'euros de biens.", [("479,7 milliards", G, "goods-exports-2022-flanders-fit")]),
    ("de", "Flandern exportierte im ersten Halbjahr 2023 Waren für 6 Mrd. Euro.", [("6 Mrd. Euro", G, "brussels-goods-exports-h1-2023")]),
    ("en", "Flanders spent €10.82 billion on R&D in 2020.", [("€10.82 billion", Y, "rd-expenditure-2021-flanders-vlaanderen")]),
    ("nl", "Vlaanderen exporteerde in 2021 voor 479,7 miljard euro aan goederen.", [("479,7 miljard euro", Y, "goods-exports-2022-flanders-fit")]),
    ("de", "Belgien exportierte 2021 Arzneimittel und Impfstoffe für 78 Mrd. Euro.", [("78 Mrd. Euro", Y, "biopharma-exports-2023-belgium-pharmabe")]),
    ("en", "Wallonia's GDP was €115 billion in 2019.", [("€115 billion", Y, "gdp-2021-wallonia-iweps")]),
    ("en", "Janssen invested €2.2 billion in R&D in Belgium in 2023.", [("€2.2 billion", Y, "janssen-rd-belgium-2020")]),
    ("fr", "En 2020, les dépenses de R&D de la Flandre atteignaient 11,6 milliards d'euros.", [("11,6 milliards", Y, "rd-expenditure-2022-flanders-sv")]),
    ("en", "Europe's market for ATMPs is now worth €80 billion.", [("€80 billion", F, "europe-atmp-market-value-2032")]),
    ("de", "Der europäische ATMP-Markt ist 80 Mrd. Euro wert.", [("80 Mrd. Euro", F, "europe-atmp-market-value-2032")]),
    ("fr", "Le marché européen des ATMP vaut 80 milliards d'euros.", [("80 milliards", F, "europe-atmp-market-value-2032")]),
    ("nl", "De Europese ATMP-markt is 80 miljard euro waard.", [("80 miljard euro", F, "europe-atmp-market-value-2032")]),
    ("en", "GSK Vaccines spent €100 million on its automated laboratories in Rixensart.", [("€100 million", F, "gsk-automated-labs-investment-2020")]),
    ("de", "GSK hat 100 Mio. Euro in automatisierte Labore in Rixensart investiert.", [("100 Mio. Euro", F, "gsk-automated-labs-investment-2020")]),
    # --- counts with nouns ----------------------------------------------------------------------------------
    ("en", "BioWin has 260 members.", [("260", R, "cluster-members-2024-wallonia-biowin")]),
    ("en", "MEDVIA, the Flemish health-innovation cluster, had 150 members in 2024.", [("150", R, "cluster-members-2024-flanders-medvia")]),
    ("nl", "flanders.bio telt meer dan 360 leden.", [("360", R, "cluster-members-2024-flanders-fbio")]),
    ("fr", "BioWin comptait 242 membres en 2023.", [("242", R, "cluster-members-2023-wallonia-biowin")]),
    ("de", "Die Mitgliedsorganisationen von BioWin vertreten 18.500 Beschäftigte.", [("18.500", R, "cluster-employees-2024-wallonia-biowin")]),
    ("en", "The lifetech.brussels cluster had some 106 members in 2014.", [("106", R, "cluster-members-2014-brussels-lifetech")]),
    ("en", "Pfizer's Puurs site employed 4,500 people in 2022.", [("4,500", R, "pfizer-puurs-employees-2022")]),
    ("en", "IRE had 278 employees in 2020.", [("278", R, "ire-employees-2020")]),
    ("nl", "Sanofi stelt in Geel 800 mensen tewerk.", [("800", R, "sanofi-geel-employees")]),
    ("de", "SCK CEN beschäftigt über 900 Mitarbeiter.", [("900", R, "sck-cen-employees")]),
    ("fr", "GSK emploie près de 9 000 personnes en Belgique.", [("9 000", R, "gsk-employees-belgium")]),
    ("en", "Belgium approved 574 clinical trial applications in 2021.", [("574", R, "clinical-trials-2021-belgium-lesoir")]),
    ("en", "161 new clinical trials in cancer treatment were authorised in Belgium in 2022.", [("161", R, "cancer-trials-2022-belgium-pharmabe")]),
    ("en", "Belgium filed 2,604 applications with the European Patent Office in 2022.", [("2,604", R, "epo-apps-2022-belgium-fit")]),
    ("de", "Aus Flandern kamen 2021 1.613 Anmeldungen beim Europäischen Patentamt.", [("1.613", R, "epo-apps-2021-flanders-fit")]),
    ("en", "Flanders had 6,821,770 inhabitants on 1 January 2024.", [("6,821,770", R, "population-2024-flanders")]),
    ("en", "More than 18 industrial nuclear-medicine companies are based in Wallonia.", [("18", R, "wallonia-nuclear-medicine-companies")]),
    ("en", "Walloon chemistry and pharma companies employed 30,367 people in 2024.", [("30,367", R, "chem-lifesci-jobs-2024-wallonia-essenscia")]),
    ("nl", "De Vlaamse chemie- en life-sciencessector telde in 2021 65.159 directe jobs.", [("65.159", R, "chem-lifesci-jobs-2021-flanders-essenscia")]),
    ("en", "In 2018 Flanders had 240 biotech companies.", [("240", R, "biotech-companies-2018-flanders-vrt")]),
    ("nl", "In Vlaanderen werkten in 2018 zo'n 20.000 mensen in de biotech.", [("20.000", R, "biotech-jobs-2018-flanders-vrt")]),
    ("fr", "La médecine nucléaire belge s'appuie sur 350 spécialistes.", [("350", R, "belgium-nuclear-medicine-specialists")]),
    ("en", "Belgium had 11.76 million inhabitants on 1 January 2024.", [("11.76 million", R, "population-2024-belgium")]),
    ("en", "Belgian Mo-99 was used to examine almost 7 million patients in 2019.", [("7 million", R, "patients-belgian-mo99-2019")]),
    ("en", "BioWin has 300 members.", [("300", V, "cluster-members-2024-wallonia-biowin")]),
    ("en", "Pfizer's Puurs site employed 6,000 people in 2022.", [("6,000", V, "pfizer-puurs-employees-2022")]),
    ("fr", "L'IRE comptait 350 employés en 2020.", [("350", V, "ire-employees-2020")]),
    ("nl", "Sanofi heeft in Geel 1.200 werknemers.", [("1.200", V, "sanofi-geel-employees")]),
    ("de", "UCB beschäftigt in Braine-l'Alleud 3.100 Mitarbeiter.", [("3.100", V, "ucb-braine-employees-2022")]),
    ("en", "Belgium approved 650 clinical trial applications in 2021.", [("650", V, "clinical-trials-2021-belgium-lesoir")]),
    ("en", "In 2018 there were 300 biotech companies in Flanders.", [("300", V, "biotech-companies-2018-flanders-vrt")]),
    ("nl", "MEDVIA telde in 2024 200 leden.", [("200", V, "cluster-members-2024-flanders-medvia")]),
    ("en", "Belgian Mo-99 was used to examine almost 7 thousand patients in 2019.", [("7 thousand", S, "patients-belgian-mo99-2019")]),
    ("en", "In 2018, Wallonia had 240 biotech companies.", [("240", G, "biotech-companies-2018-flanders-vrt")]),
    ("en", "Brussels had 6,821,770 inhabitants on 1 January 2024.", [("6,821,770", G, "population-2024-flanders")]),
    ("fr", "La Flandre comptait 3 692 283 habitants au 1er janvier 2024.", [("3 692 283", G, "population-2024-wallonia")]),
    ("nl", "Brussel telde in 2021 1.613 aanvragen bij het Europees Octrooibureau.", [("1.613", G, "epo-apps-2021-flanders-fit")]),
    ("de", "In der Wallonie arbeiteten 2018 etwa 20.000 Menschen in der Biotechnologie.", [("20.000", G, "biotech-jobs-2018-flanders-vrt")]),
    ("en", "Some 5,000 people work in nuclear medicine in Wallonia, directly or indirectly.", [("5,000", G, "belgium-nuclear-medicine-jobs")]),
    ("en", "Nuclear medicine provides 3,800 direct and indirect jobs across Belgium.", [("3,800", G, "wallonia-nuclear-medicine-jobs")]),
    ("fr", "La Flandre compte plus de 18 entreprises industrielles de médecine nucléaire.", [("18", G, "wallonia-nuclear-medicine-companies")]),
    ("nl", "Wallonië telde in 2021 65.159 directe banen in de chemie en life sciences.", [("65.159", G, "chem-lifesci-jobs-2021-flanders-essenscia")]),
    ("de", "Flandern hatte am 1. Januar 2024 1.249.597 Einwohner.", [("1.249.597", G, "population-2024-brussels")]),
    ("en", "BioWin had 260 members in 2023.", [("260", Y, "cluster-members-2024-wallonia-biowin")]),
    ("en", "Belgium approved 574 clinical trial applications in 2019.", [("574", Y, "clinical-trials-2021-belgium-lesoir")]),
    ("en", "Belgium filed 2,604 applications with the European Patent Office in 2021.", [("2,604", Y, "epo-apps-2022-belgium-fit")]),
    ("de", "Flandern reichte 2022 1.613 Anmeldungen beim Europäischen Patentamt ein.", [("1.613", Y, "epo-apps-2021-flanders-fit")]),
    ("nl", "BioWin telde in 2024 242 leden.", [("242", Y, "cluster-members-2023-wallonia-biowin")]),
    ("fr", "En 2020, le site de Pfizer à Puurs employait 4 500 personnes.", [("4 500", Y, "pfizer-puurs-employees-2022")]),
    ("en", "Flanders' chemistry and life-sciences sector had 65,159 direct jobs in 2018.", [("65,159", Y, "chem-lifesci-jobs-2021-flanders-essenscia")]),
    ("de", "2016 wurden in Belgien 574 klinische Studien genehmigt.", [("574", Y, "clinical-trials-2021-belgium-lesoir")]),
    ("en", "ATMP-PIT has already created 470 direct jobs.", [("470", F, "atmp-pit-direct-jobs-forecast-2028")]),
    ("fr", "Le partenariat BioWin-MEDVIA a créé 1 200 emplois indirects.", [("1 200", F, "biowin-medvia-indirect-jobs-target-2026")]),
    ("de", "ATMP-PIT hat 470 direkte Arbeitsplätze geschaffen.", [("470", F, "atmp-pit-direct-jobs-forecast-2028")]),
    ("nl", "Het BioWin-MEDVIA-partnerschap heeft 1.200 indirecte banen gecreëerd.", [("1.200", F, "biowin-medvia-indirect-jobs-target-2026")]),
    ("en", "The BioWin-MEDVIA partnership has already created 1,200 indirect jobs.", [("1,200", F, "biowin-medvia-indirect-jobs-target-2026")]),
    ("en", "Circular Wallonia recycles 85% of laboratory waste.", [("85%", F, "circular-wallonia-lab-waste-recycling-target")]),
    ("fr", "Circular Wallonia recycle 85 % des déchets de laboratoire.", [("85 %", F, "circular-wallonia-lab-waste-recycling-target")]),
    ("nl", "ATMP-PIT heeft 470 directe banen geschapen.", [("470", F, "atmp-pit-direct-jobs-forecast-2028")]),
    # --- fractions, words, ranks ----------------------------------------------------------------------------
    ("en", "Belgium routinely produces a third of the world's isotopes.", [("a third", R, "belgium-isotope-share-routine")]),
    ("en", "One in three of the world's isotopes is routinely produced in Belgium.", [("One in three", R, "belgium-isotope-share-routine")]),
    ("en", "Belgium routinely produces 1/3 of the world's isotopes.", [("1/3", R, "belgium-isotope-share-routine")]),
    ("fr", "La Belgique produit en routine un tiers des isotopes mondiaux.", [("un tiers", R, "belgium-isotope-share-routine")]),
    ("nl", "België produceert routinematig een derde van de isotopen wereldwijd.", [("een derde", R, "belgium-isotope-share-routine")]),
    ("de", "Belgien produziert routinemäßig ein Drittel der weltweiten Isotope.", [("ein Drittel", R, "belgium-isotope-share-routine")]),
    ("en", "Belgian biopharma exports almost doubled over the past decade.", [("doubled", R, "belgium-biopharma-exports-growth-decade")]),
    ("fr", "Les exportations biopharmaceutiques belges ont presque doublé en dix ans.", [("doublé", R, "belgium-biopharma-exports-growth-decade")]),
    ("nl", "De Belgische biofarma-export is in tien jaar bijna verdubbeld.", [("verdubbeld", R, "belgium-biopharma-exports-growth-decade")]),
    ("de", "Die wallonische Biotechnologie wächst doppelt so schnell wie im EU-Durchschnitt.", [("doppelt", R, "wallonia-biotech-growth-vs-eu")]),
    ("en", "Demand for nuclear medicine is expected to grow three to five times over the next ten years.", [("three to five times", R, "wallonia-nuclear-medicine-demand-growth")]),
    ("en", "In 2011 about half of Belgium's biotech companies were in Flanders.", [("half", R, "biotech-companies-share-2011-flanders")]),
    ("nl", "In 2011 was ongeveer de helft van de Belgische biotechbedrijven in Vlaanderen gevestigd.", [("de helft", R, "biotech-companies-share-2011-flanders")]),
    ("fr", "Une sur cinq des études cliniques européennes sur le cancer est menée en Belgique.", [("Une sur cinq", R, "eu-cancer-trials-share-2021-belgium-hbvl")]),
    ("en", "Belgium is in the EU's top 3 for clinical trials per capita.", [("top 3", R, "belgium-eu-top3-clinical-trials-per-capita")]),
    ("de", "Belgien gehört bei klinischen Studien pro Kopf zu den Top 3 der EU.", [("Top 3", R, "belgium-eu-top3-clinical-trials-per-capita")]),
    ("en", "In 2011 half of Belgium's biotech companies were located in Wallonia.", [("half", G, "biotech-companies-share-2011-flanders")]),
    ("en", "Belgium routinely produces half of the world's isotopes.", [("half", V, "belgium-isotope-share-routine")]),
    ("en", "Belgian biopharma exports tripled over the past decade.", [("tripled", V, "belgium-biopharma-exports-growth-decade")]),
    ("en", "Wallonia's biotech sector grows three times as fast as the EU average.", [("three times", V, "wallonia-biotech-growth-vs-eu")]),
    ("de", "Belgien produziert routinemäßig zwei Drittel der weltweiten Isotope.", [("zwei Drittel", V, "belgium-isotope-share-routine")]),
    ("en", "Belgium ranks tenth in the EU for clinical trials per capita.", [("tenth", V, "belgium-eu-top3-clinical-trials-per-capita")]),
    ("en", "Demand for nuclear medicine grew three to five times over the last ten years.", [("three to five times", F, "wallonia-nuclear-medicine-demand-growth")]),
    ("fr", "La demande en médecine nucléaire a été multipliée par 3 à 5 au cours des dix dernières années.", [("3 à 5", F, "wallonia-nuclear-medicine-demand-growth")]),
    ("nl", "De vraag naar nucleaire geneeskunde is de afgelopen tien jaar 3 tot 5 keer zo groot geworden.", [("3 tot 5 keer", F, "wallonia-nuclear-medicine-demand-growth")]),
    # --- not in the knowledge -------------------------------------------------------------------------------
    ("en", "Ghent University has 49,000 students.", [("49,000", A, None)]),
    ("en", "The port of Antwerp handled 240 million tonnes of cargo in 2022.", [("240 million", A, None)]),
    ("en", "Belgium's unemployment rate was 5.6% in 2023.", [("5.6%", A, None)]),
    ("en", "Wallonia has 262 municipalities.", [("262", A, None)]),
    ("en", "UCB's revenue was €5.25 billion in 2023.", [("€5.25 billion", A, None)]),
    ("en", "Galapagos employed 1,300 people in 2022.", [("1,300", A, None)]),
    ("en", "Brussels Airport handled 22 million passengers in 2023.", [("22 million", A, None)]),
    ("en", "Belgium's inflation rate was 2.3% in 2023.", [("2.3%", A, None)]),
    ("fr", "Le taux de chômage en Wallonie était de 8 % en 2023.", [("8 %", A, None)]),
    ("fr", "L'UCLouvain compte 37 000 étudiants.", [("37 000", A, None)]),
    ("fr", "Le port de Liège a traité 20 millions de tonnes de marchandises.", [("20 millions", A, None)]),
    ("fr", "Le budget de la Région wallonne s'élève à 16 milliards d'euros.", [("16 milliards", A, None)]),
    ("nl", "Antwerpen telt 530.000 inwoners.", [("530.000", A, None)]),
    ("nl", "De Vlaamse werkloosheid bedroeg 3,5% in 2023.", [("3,5%", A, None)]),
    ("nl", "De KU Leuven heeft 60.000 studenten.", [("60.000", A, None)]),
    ("nl", "Gent telt ongeveer 265.000 inwoners.", [("265.000", A, None)]),
    ("de", "Die Arbeitslosenquote in Flandern lag 2023 bei 3,2 %.", [("3,2 %", A, None)]),
    ("de", "Lüttich hat rund 195.000 Einwohner.", [("195.000", A, None)]),
    ("de", "Der Hafen Antwerpen-Brügge schlug 2023 271 Millionen Tonnen um.", [("271 Millionen", A, None)]),
    ("de", "Die Universität Lüttich zählt 26.000 Studierende.", [("26.000", A, None)]),
    ("en", "The Flemish government spends €1.2 billion a year on public transport.", [("€1.2 billion", A, None)]),
    ("fr", "La Belgique compte 581 communes.", [("581", A, None)]),
    # --- numbers that are not claims (no figure expected) ---------------------------------------------------
    ("en", "1. The report was published on 12 March 2024 (see p. 14 and footnote [2]).", []),
    ("fr", "2. Le rapport du 3 mars 2023 est disponible en annexe 4.", []),
    ("nl", "Zie hoofdstuk 3 en tabel 5 van het verslag van 14 juni 2023.", []),
    ("de", "Siehe Abschnitt 2.1 und Seite 12 des Berichts vom 5. Mai 2022.", []),
    ("en", "The conference took place from 4 to 6 October 2023 in Liège.", []),
]


def main(out: Path) -> None:
    stats = {s["id"] for s in json.loads(Path("/tmp/vstats.json").read_text())}
    for lang, text, figs in E:
        for fig, cls, stat in figs:
            assert fig in text, (fig, text)
            assert (stat is None) == (cls == A), text
            assert stat is None or stat in stats, stat
    # The split, done once: within each (class, language) group, entries shuffled with seed 21 and dealt
    # alternately to tuning and held-out (the first of each group to held-out).
    rng = random.Random(21)
    groups: dict = {}
    for i, (lang, text, figs) in enumerate(E):
        cls = figs[0][1] if figs else "no figure"
        groups.setdefault((cls, lang), []).append(i)
    part_of = {}
    for key in sorted(groups):
        ids = groups[key]
        rng.shuffle(ids)
        for n, i in enumerate(ids):
            part_of[i] = "heldout" if n % 2 == 0 else "tuning"
    for part in ("tuning", "heldout"):
        d = out / part
        d.mkdir(parents=True, exist_ok=True)
        expected = {}
        for lang in ("en", "fr", "nl", "de"):
            chosen = [i for i in range(len(E)) if part_of[i] == part and E[i][0] == lang]
            rng.shuffle(chosen)
            title = {"en": "# Draft: Belgian biotech and R&D figures", "fr": "# Brouillon : chiffres de la biotech belge",
                     "nl": "# Ontwerp: cijfers over biotech in België", "de": "# Entwurf: Zahlen zur belgischen Biotechnologie"}[lang]
            lines = [title, ""]
            rows = []
            for i in chosen:
                _, text, figs = E[i]
                line = len(lines) + 1
                lines += [text, ""]
                rows += [[line, fig, VERDICT[cls], stat, cls] for fig, cls, stat in figs]
            name = f"{lang}.md"
            (d / name).write_text("\n".join(lines), encoding="utf-8")
            expected[name] = rows
        (d / "expected.json").write_text(json.dumps(expected, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    from collections import Counter
    for part in ("tuning", "heldout"):
        c = Counter(E[i][2][0][1] for i in part_of if part_of[i] == part and E[i][2])
        langs = Counter(E[i][0] for i in part_of if part_of[i] == part)
        print(part, sum(c.values()), dict(c), dict(langs))
    print("total", Counter(f[1] for e in E for f in e[2]))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
