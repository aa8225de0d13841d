"""Build docs.jsonl and gold.jsonl of the second held-out geoparsing sample from the marked-up texts below.

Each toponym is written inline as [[surface|KEY]] (KEY names a point in P below) or [[surface|lat,lon]];
this script strips the markup and computes the character offsets with Python, so no offset is ever
typed by hand. It also checks that every span reads back as its name and warns when a coded name
occurs elsewhere in the same text without a code (a possible missed annotation).

    .venv/bin/python samples/geoparse2/build.py
"""

from __future__ import annotations

import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
MARK = re.compile(r"\[\[([^|\]]+)\|([^\]]+)\]\]")

# Points written from the author's own knowledge. Countries: GeoNames' country point (for most countries
# the CIA World Factbook's too); first-level regions, seas and areas: a conventional central point;
# rivers: the mouth (or the confluence where the river ends); towns: the town centre.
P = {
    # countries
    "NIGERIA": (10.0, 8.0), "CAMEROON": (6.0, 12.0), "SUDAN": (15.5, 30.0), "SOUTH_SUDAN": (7.5, 30.0),
    "CHAD": (15.0, 19.0), "EGYPT": (27.0, 30.0), "MALAWI": (-13.5, 34.0), "MOZAMBIQUE": (-18.25, 35.0),
    "ZAMBIA": (-14.0, 28.0), "ZIMBABWE": (-19.0, 29.8), "ISRAEL": (31.5, 34.75), "QATAR": (25.5, 51.25),
    "LEBANON": (33.83, 35.83), "YEMEN": (15.5, 47.5), "SAUDI": (25.0, 45.0), "UAE": (24.0, 54.0),
    "SOMALIA": (6.0, 48.0), "UKRAINE": (49.0, 32.0), "RUSSIA": (60.0, 100.0), "POLAND": (52.0, 20.0),
    "AUSTRALIA": (-25.0, 135.0), "SCOTLAND": (56.5, -4.0), "CANADA": (60.0, -95.0), "US": (39.76, -98.5),
    "COSTA_RICA": (10.0, -84.0), "MEXICO": (23.0, -102.0), "MALAYSIA": (2.5, 112.5), "TAIWAN": (24.0, 121.0),
    "GEORGIA": (42.0, 43.5), "JAPAN": (36.0, 138.0), "ENGLAND": (52.16, -0.70), "IRELAND": (53.0, -8.0),
    "PAKISTAN": (30.0, 70.0), "AFGHANISTAN": (33.0, 66.0), "INDIA": (22.0, 79.0), "BANGLADESH": (24.0, 90.0),
    "MYANMAR": (22.0, 98.0), "PHILIPPINES": (13.0, 122.0), "NETHERLANDS": (52.25, 5.75),
    "SOUTH_KOREA": (36.5, 127.75), "CHINA": (35.0, 105.0), "COLOMBIA": (4.0, -73.25), "VENEZUELA": (8.0, -66.0),
    "ECUADOR": (-1.5, -78.0), "HAITI": (19.0, -72.42), "DOMINICAN_REP": (19.0, -70.67), "KENYA": (1.0, 38.0),
    "JAMAICA": (18.17, -77.25), "BRAZIL": (-10.0, -55.0), "PERU": (-10.0, -76.0), "SPAIN": (40.0, -4.0),
    "PNG": (-6.0, 147.0), "SOLOMONS": (-8.0, 159.0), "FIJI": (-17.8, 178.0), "NZ": (-42.0, 174.0),
    "DRC": (-2.5, 23.5), "BURUNDI": (-3.5, 30.0), "UGANDA": (1.5, 32.5), "RWANDA": (-2.0, 30.0),
    "SWEDEN": (62.0, 15.0), "SRI_LANKA": (7.75, 80.75), "UK": (54.76, -2.70), "IRAN": (32.0, 53.0),
    "FRANCE": (46.0, 2.0), "GERMANY": (51.5, 10.5), "ETHIOPIA": (9.0, 39.5), "NIGER": (18.0, 9.0),
    "MALI": (17.0, -4.0), "BURKINA": (12.5, -1.67), "MAURITANIA": (20.0, -12.0), "SENEGAL": (14.5, -14.25),
    "ARGENTINA": (-34.0, -64.0), "CHILE": (-30.0, -71.0), "TONGA": (-20.0, -175.0), "INDONESIA": (-5.0, 120.0),
    # first-level regions, areas, seas, rivers
    "BENUE_R": (7.80, 6.76), "BENUE_ST": (7.35, 8.75), "ADAMAWA": (9.4, 12.4), "KOGI": (7.6, 6.7),
    "BAYELSA": (4.77, 6.07), "NORTH_DARFUR": (16.0, 25.0), "DARFUR": (13.5, 24.5), "EAST_CHAD": (13.5, 21.5),
    "RED_SEA": (20.0, 38.5), "SOUTH_KORDOFAN": (11.0, 30.0), "SOFALA": (-19.5, 34.5),
    "SHIRE_R": (-17.7, 35.3), "SOUTH_LEBANON": (33.3, 35.4), "GAZA": (31.42, 34.38),
    "BAB_EL_MANDEB": (12.58, 43.33), "GULF_OF_ADEN": (12.5, 48.0), "SUEZ_CANAL": (30.6, 32.33),
    "PERSIAN_GULF": (27.0, 51.5), "PUNTLAND": (8.5, 49.0), "BLACK_SEA": (43.2, 34.3), "CRIMEA": (45.3, 34.4),
    "DNIPRO_R": (46.5, 32.3), "WESTERN_AUSTRALIA": (-25.0, 122.0), "TAY_R": (56.45, -2.9),
    "SWAN_R": (-32.06, 115.74), "BRITISH_COLUMBIA": (54.0, -125.0), "VANCOUVER_ISLAND": (49.6, -125.5),
    "WASHINGTON_ST": (47.5, -120.5), "VICTORIA_AU": (-37.0, 144.5), "JUAN_DE_FUCA": (48.3, -124.0),
    "CALIFORNIA": (37.25, -119.75), "SILICON_VALLEY": (37.4, -122.0), "GEORGIA_US": (32.75, -83.5),
    "ABKHAZIA": (43.0, 41.0), "SOUTH_OSSETIA": (42.3, 44.0), "KAKHETI": (41.75, 45.8),
    "ONTARIO": (49.25, -84.5), "MICHIGAN": (44.25, -85.5), "AICHI": (35.0, 137.2),
    "KENTUCKY": (37.5, -85.25), "BOURBON_COUNTY": (38.21, -84.22), "KILDARE": (53.17, -6.75),
    "SINDH": (26.0, 68.5), "INDUS_R": (24.0, 67.5), "MANCHAR": (26.42, 67.68), "BALOCHISTAN": (28.5, 65.5),
    "KP": (34.5, 72.0), "SWAT": (35.2, 72.4), "BAY_OF_BENGAL": (15.0, 88.0), "SUNDARBANS": (21.95, 89.18),
    "WEST_BENGAL": (23.5, 88.0), "ODISHA": (20.5, 84.4), "RAKHINE": (20.0, 93.9), "SAGAR_ISLAND": (21.7, 88.1),
    "OKINAWA": (26.5, 127.9), "YONAGUNI": (24.47, 123.0), "LUZON": (16.0, 121.0), "BATANES": (20.45, 121.97),
    "GUANGDONG": (23.0, 113.5), "PEARL_DELTA": (22.6, 113.6), "ARIZONA": (34.5, -111.5),
    "CAUCA": (2.5, -76.8), "CATATUMBO": (8.7, -72.9), "NORTE_DE_SANTANDER": (8.0, -72.9),
    "ARTIBONITE": (19.3, -72.5), "AMAZONAS_BR": (-4.0, -64.5), "RIO_NEGRO": (-3.14, -59.9),
    "SOLIMOES": (-3.14, -59.9), "LAKE_TEFE": (-3.42, -64.76), "MADEIRA_R": (-3.4, -58.78),
    "SINALOA": (25.0, -107.5), "BAJA_CALIFORNIA": (30.0, -115.2), "SONORA": (29.4, -110.7),
    "ALBACETE_PROV": (38.83, -2.0), "MEDITERRANEAN": (35.0, 18.0), "TURIA_R": (39.43, -0.33),
    "CARABOBO": (10.15, -68.05), "ENGA": (-5.45, 143.6), "BOUGAINVILLE": (-6.2, 155.4),
    "ALBERTA": (54.5, -115.0), "NWT": (64.8, -119.5), "GREAT_SLAVE_LAKE": (61.6, -114.5),
    "MONTANA": (47.0, -109.5), "ATHABASCA_R": (58.6, -111.2), "SOUTH_KIVU": (-3.0, 28.0),
    "EQUATEUR": (0.0, 19.2), "CONGO_R": (-6.05, 12.4), "PUNJAB_PK": (31.0, 72.5),
    # towns
    "LAGOS": (6.45, 3.39), "LAGDO": (9.06, 13.69), "YOLA": (9.21, 12.48), "LOKOJA": (7.80, 6.74),
    "YENAGOA": (4.92, 6.26), "ABUJA": (9.06, 7.49), "LEKKI": (6.44, 3.53), "MAKURDI": (7.73, 8.54),
    "KHARTOUM": (15.55, 32.53), "OMDURMAN": (15.64, 32.48), "EL_FASHER": (13.63, 25.35), "ADRE": (13.47, 22.20),
    "PORT_SUDAN": (19.62, 37.22), "KADUGLI": (11.01, 29.72), "TAWILA": (13.5, 24.97),
    "BLANTYRE": (-15.79, 35.01), "LILONGWE": (-13.97, 33.79), "LUSAKA": (-15.41, 28.29),
    "HARARE": (-17.83, 31.05), "NSANJE": (-16.92, 35.26), "BEIRA": (-19.84, 34.84), "GENEVA": (46.20, 6.15),
    "KHAN_YOUNIS": (31.34, 34.31), "RAFAH": (31.30, 34.25), "CAIRO": (30.04, 31.24), "DOHA": (25.29, 51.53),
    "WASHINGTON_DC": (38.90, -77.04), "BEIRUT": (33.89, 35.50), "TEL_AVIV": (32.08, 34.78),
    "DEIR_AL_BALAH": (31.42, 34.35), "HODEIDAH": (14.80, 42.95), "SANAA": (15.35, 44.21),
    "DJIBOUTI_CITY": (11.59, 43.15), "RIYADH": (24.69, 46.72), "TEHRAN": (35.69, 51.42),
    "CAPE_GOOD_HOPE": (-34.36, 18.47), "ROTTERDAM": (51.92, 4.48), "SINGAPORE": (1.29, 103.85),
    "EILAT": (29.56, 34.95), "EYL": (7.98, 49.82), "KHARKIV": (49.99, 36.23), "BELGOROD": (50.60, 36.59),
    "MOSCOW": (55.75, 37.62), "KYIV": (50.45, 30.52), "ODESA": (46.48, 30.73), "ZAPORIZHZHIA": (47.84, 35.14),
    "DNIPRO_CITY": (48.47, 35.04), "KHERSON": (46.64, 32.61), "RZESZOW": (50.04, 22.00),
    "BERLIN": (52.52, 13.40), "PERTH_SCOT": (56.40, -3.43), "PERTH_AU": (-31.95, 115.86),
    "EDINBURGH": (55.95, -3.19), "GLASGOW": (55.86, -4.25), "FREMANTLE": (-32.06, 115.75),
    "BUDAPEST": (47.50, 19.04), "VICTORIA_BC": (48.43, -123.37), "VANCOUVER": (49.25, -123.12),
    "SEATTLE": (47.61, -122.33), "MELBOURNE": (-37.81, 144.96), "PORT_ANGELES": (48.12, -123.43),
    "NANAIMO": (49.17, -123.94), "TSAWWASSEN": (49.01, -123.08), "SWARTZ_BAY": (48.69, -123.41),
    "SAN_JOSE_CA": (37.34, -121.89), "SAN_JOSE_CR": (9.93, -84.08), "HEREDIA": (10.00, -84.12),
    "ALAJUELA": (10.02, -84.21), "GUADALAJARA": (20.67, -103.35), "PENANG": (5.41, 100.33),
    "TBILISI": (41.69, 44.83), "ATLANTA": (33.75, -84.39), "SAVANNAH": (32.08, -81.10), "POTI": (42.15, 41.67),
    "BRUSSELS": (50.85, 4.35), "BATUMI": (41.64, 41.64), "CAMBRIDGE_ON": (43.36, -80.31),
    "KITCHENER": (43.45, -80.49), "WATERLOO_ON": (43.47, -80.52), "TORONTO": (43.70, -79.42),
    "DETROIT": (42.33, -83.05), "WINDSOR_ON": (42.30, -83.02), "WOODSTOCK_ON": (43.13, -80.75),
    "OTTAWA": (45.42, -75.70), "TOYOTA_CITY": (35.08, 137.16), "PARIS_KY": (38.21, -84.25),
    "LEXINGTON_KY": (38.05, -84.50), "NEWMARKET_UK": (52.24, 0.41), "DUBAI": (25.20, 55.27),
    "LOUISVILLE": (38.25, -85.76), "SARATOGA": (43.08, -73.78), "TOKYO": (35.69, 139.69),
    "KARACHI": (24.86, 67.01), "SUKKUR": (27.71, 68.85), "LARKANA": (27.56, 68.21), "DADU": (26.73, 67.78),
    "QUETTA": (30.19, 67.01), "ISLAMABAD": (33.72, 73.04), "JACOBABAD": (28.28, 68.44),
    "KHULNA": (22.82, 89.55), "KOLKATA": (22.57, 88.36), "DHAKA": (23.81, 90.41), "CHITTAGONG": (22.34, 91.83),
    "COXS_BAZAR": (21.45, 91.97), "MONGLA": (22.49, 89.60), "SATKHIRA": (22.72, 89.07),
    "HUALIEN": (23.98, 121.60), "TAIPEI": (25.05, 121.53), "BEIJING": (39.91, 116.40), "TAICHUNG": (24.14, 120.68),
    "MANILA": (14.60, 120.98), "SHENZHEN": (22.54, 114.06), "HONG_KONG": (22.30, 114.17),
    "VELDHOVEN": (51.42, 5.40), "SEOUL": (37.57, 126.98), "DONGGUAN": (23.02, 113.75),
    "PHOENIX": (33.45, -112.07), "KUMAMOTO": (32.80, 130.71), "POPAYAN": (2.44, -76.61), "CALI": (3.44, -76.52),
    "BOGOTA": (4.61, -74.08), "CUCUTA": (7.89, -72.50), "TIBU": (8.64, -72.73), "ARGELIA_CAUCA": (2.26, -77.25),
    "TUMACO": (1.80, -78.76), "PORT_AU_PRINCE": (18.54, -72.34), "CAP_HAITIEN": (19.76, -72.20),
    "SANTO_DOMINGO": (18.47, -69.89), "NAIROBI": (-1.29, 36.82), "CITE_SOLEIL": (18.58, -72.33),
    "SAINT_MARC": (19.11, -72.69), "PETION_VILLE": (18.51, -72.29), "MIAMI": (25.77, -80.19),
    "KINGSTON_JM": (17.99, -76.79), "MANAUS": (-3.10, -60.02), "TEFE": (-3.35, -64.71),
    "BRASILIA": (-15.79, -47.88), "IQUITOS": (-3.75, -73.25), "LETICIA": (-4.22, -69.94),
    "PORTO_VELHO": (-8.76, -63.90), "CULIACAN": (24.80, -107.39), "MEXICO_CITY": (19.43, -99.13),
    "TIJUANA": (32.53, -117.02), "NOGALES_SON": (31.31, -110.94), "NOGALES_AZ": (31.34, -110.93),
    "MAZATLAN": (23.22, -106.42), "NAVOLATO": (24.77, -107.70), "VALENCIA_ES": (39.47, -0.38),
    "PAIPORTA": (39.43, -0.42), "MADRID": (40.42, -3.70), "LETUR": (38.37, -2.10), "CHIVA": (39.47, -0.72),
    "VALENCIA_VE": (10.16, -68.00), "BARCELONA": (41.39, 2.17), "PORT_MORESBY": (-9.44, 147.18),
    "WABAG": (-5.49, 143.72), "MOUNT_HAGEN": (-5.86, 144.23), "PORGERA": (-5.47, 143.12),
    "CANBERRA": (-35.28, 149.13), "HONIARA": (-9.43, 159.95), "SUVA": (-18.14, 178.44),
    "WELLINGTON": (-41.29, 174.78), "LAE": (-6.72, 147.0), "JASPER": (52.87, -118.08),
    "EDMONTON": (53.55, -113.49), "HINTON": (53.40, -117.58), "YELLOWKNIFE": (62.45, -114.37),
    "HAY_RIVER": (60.82, -115.80), "GRANDE_PRAIRIE": (55.17, -118.80), "CALGARY": (51.05, -114.07),
    "KINSHASA": (-4.33, 15.31), "KAMITUGA": (-3.06, 28.18), "BUKAVU": (-2.51, 28.86),
    "BUJUMBURA": (-3.38, 29.36), "KAMPALA": (0.32, 32.58), "MBANDAKA": (0.05, 18.26),
    "STOCKHOLM": (59.33, 18.07), "UVIRA": (-3.40, 29.14), "BIRMINGHAM_UK": (52.48, -1.90),
    "LAHORE": (31.55, 74.34), "AHMEDABAD": (23.03, 72.58), "MUMBAI": (19.08, 72.88),
    "COLOMBO": (6.93, 79.85), "ABU_DHABI": (24.47, 54.37), "LEEDS": (53.80, -1.55), "MULTAN": (30.20, 71.47),
    "LONDON": (51.51, -0.13), "PARIS": (48.85, 2.35), "ALEXANDRIA_EG": (31.20, 29.92),
    "ALEXANDRIA_VA": (38.80, -77.05), "NOUAKCHOTT": (18.09, -15.98), "NIAMEY": (13.51, 2.11),
    "AGADEZ": (16.97, 7.99), "TAHOUA": (14.89, 5.27), "DAKAR": (14.69, -17.44), "SANTIAGO_CL": (-33.45, -70.67),
    "VALPARAISO": (-33.05, -71.62), "VINA_DEL_MAR": (-33.02, -71.55), "MENDOZA": (-32.89, -68.83),
    "NUKUALOFA": (-21.14, -175.20), "JAKARTA": (-6.21, 106.85), "RUANG": (2.30, 125.37),
    "MANADO": (1.49, 124.84), "NORTH_SULAWESI": (1.25, 124.8), "SULAWESI": (-2.0, 120.5),
    "HALMAHERA": (1.0, 128.0), "TERNATE": (0.79, 127.38), "ADDIS_ABABA": (9.03, 38.74),
    "AMHARA": (11.5, 38.0), "BAHIR_DAR": (11.59, 37.39), "GONDAR": (12.6, 37.47), "LAKE_TANA": (12.0, 37.3),
    "TIGRAY": (14.0, 39.0), "ERITREA": (15.0, 39.0), "ASMARA": (15.33, 38.93), "MEKELLE": (13.50, 39.47),
}

DOCS: list[tuple[str, str, str]] = [
    ("g2-01", "2025-09-14", """\
[[LAGOS|LAGOS]], [[Nigeria|NIGERIA]] — Water released from a dam across the border in [[Cameroon|CAMEROON]] \
is expected to reach farming communities along the [[Benue River|BENUE_R]] within days, [[Nigeria|NIGERIA]]'s \
hydrological agency warned on Sunday, urging families on low-lying land to move to higher ground before the \
crest arrives.

Engineers at the [[Lagdo|LAGDO]] reservoir in northern [[Cameroon|CAMEROON]] began opening spillway gates on \
Friday after weeks of heavy rain over the upper catchment. The water flows down the [[Benue|BENUE_R]] into \
[[Adamawa State|ADAMAWA]], where officials in [[Yola|YOLA]] said several riverside markets had already been \
cleared. The flood pulse then passes [[Makurdi|MAKURDI]], the capital of [[Benue State|BENUE_ST]], before \
reaching [[Lokoja|LOKOJA]] in [[Kogi State|KOGI]], where the two great rivers of the country meet.

A similar release in 2022, on top of unusually intense rainfall, killed more than 600 people nationwide and \
submerged much of [[Bayelsa|BAYELSA]] in the delta, cutting off the state capital, [[Yenagoa|YENAGOA]], by \
road for weeks. Residents there say embankments promised after that disaster were never finished.

Federal officials in [[Abuja|ABUJA]] said emergency stocks of food, tarpaulins and water purification tablets \
had been moved to camps in [[Kogi|KOGI]] and [[Adamawa|ADAMAWA]]. A spokesman for the farmers' association in \
[[Makurdi|MAKURDI]] said rice and yam growers along the river had been told to harvest early where they could.

In [[Lagos|LAGOS]] itself, where drains in districts such as [[Lekki|LEKKI]] overflowed during a storm last \
week, the state government said the river flood posed little direct risk to the city, but it warned that \
more downpours were forecast for the coast through the end of the month."""),
    ("g2-02", "2025-05-03", """\
Fighting around [[El Fasher|EL_FASHER]], the last big city in [[Darfur|DARFUR]] still held by the army, has \
pushed tens of thousands more people towards the [[Chadian|CHAD]] border in the past fortnight, aid agencies \
said on Saturday.

The paramilitary Rapid Support Forces have besieged the capital of [[North Darfur|NORTH_DARFUR]] for more \
than a year. Families who escaped described walking for four days to [[Tawila|TAWILA]], a town west of the \
city that now shelters several hundred thousand displaced people, before continuing on to \
[[Adré|ADRE]], the main crossing point into [[Chad|CHAD]]. The UN refugee agency said camps in \
[[eastern Chad|EAST_CHAD]] were receiving more than 1,500 new arrivals a day and that water was running short.

The war between the army and the RSF began in [[Khartoum|KHARTOUM]] in April 2023. The army retook most of \
the capital and neighbouring [[Omdurman|OMDURMAN]] this spring, but the government still works largely from \
[[Port Sudan|PORT_SUDAN]] on the [[Red Sea|RED_SEA]] coast, where ministries moved in the first months of \
the conflict.

In [[South Kordofan|SOUTH_KORDOFAN]], meanwhile, the state capital [[Kadugli|KADUGLI]] has been cut off by \
fighting on several roads, and the World Food Programme said it had not been able to deliver food there since \
February. Famine has already been declared in parts of [[Sudan|SUDAN]], and the agency warned that the lean \
season, which runs until the harvest in October, would make things worse.

Diplomats from [[Egypt|EGYPT]], [[Saudi Arabia|SAUDI]] and the [[United States|US]] met this week to try \
to revive talks, but neither side has sent a delegation. Officials in neighbouring \
[[South Sudan|SOUTH_SUDAN]], whose oil exports run through a pipeline to the coast, said the war was also \
strangling their economy. Across the Sahel, governments already hosting refugees from other conflicts have \
asked donors for more money, saying the crisis in [[Sudan|SUDAN]] has drawn funds away from them."""),
    ("g2-03", "2024-03-02", """\
Health officials in [[Malawi|MALAWI]] have confirmed 312 new cases of cholera and nine deaths in the past \
week, the World Health Organization said on Friday from its headquarters in [[Geneva|GENEVA]], warning that \
the outbreak was spreading across the region faster than in any year since 2023.

Most of the new cases in [[Malawi|MALAWI]] were recorded in [[Blantyre|BLANTYRE]], the country's commercial \
centre, and in [[Nsanje|NSANJE]], a district on the [[Shire River|SHIRE_R]] close to the border with \
[[Mozambique|MOZAMBIQUE]]. Flooding along the river in January forced thousands of families into crowded \
camps, where latrines overflowed. The health ministry in [[Lilongwe|LILONGWE]] said oral vaccine stocks had \
run out and that it had asked for a further two million doses.

In neighbouring [[Zambia|ZAMBIA]], schools in [[Lusaka|LUSAKA]] reopened this week after a closure of more \
than a month, and the national stadium, which was turned into a treatment centre, is being returned to sport. \
Zambian officials reported about 20,000 cases since October. In [[Zimbabwe|ZIMBABWE]], the outbreak is \
concentrated in the suburbs of [[Harare|HARARE]], where many households depend on shallow wells since piped \
water became unreliable.

Across the border in [[Mozambique|MOZAMBIQUE]], the port city of [[Beira|BEIRA]] and the surrounding \
province of [[Sofala|SOFALA]] have also reported clusters of cases. Aid workers there said rumours that \
health teams were spreading the disease had led to attacks on clinics in two villages.

The WHO said the regional risk was very high and called on donors to fund water and sanitation work. \
Cholera is caused by a bacterium carried in contaminated water and food, and can kill within hours if \
untreated, though most patients recover quickly with oral rehydration salts."""),
    ("g2-04", "2024-08-18", """\
Negotiators from [[Israel|ISRAEL]] and mediators from [[Egypt|EGYPT]], [[Qatar|QATAR]] and the \
[[United States|US]] will meet again in [[Cairo|CAIRO]] this week, officials said on Sunday, after two days \
of talks in [[Doha|DOHA]] ended without a deal on a ceasefire in [[Gaza|GAZA]].

[[Washington|WASHINGTON_DC]] has described the proposal on the table as the best chance yet to free the \
remaining hostages and halt the fighting. Officials in [[Tel Aviv|TEL_AVIV]] said the prime minister had \
approved sending the delegation but would not budge on keeping troops along the border with \
[[Egypt|EGYPT]].

On the ground, the Israeli military ordered residents to leave more neighbourhoods of \
[[Khan Younis|KHAN_YOUNIS]] on Saturday, pushing families who had already been displaced several times \
towards a crowded coastal area. Hospital staff in [[Deir al-Balah|DEIR_AL_BALAH]] said they had received \
dozens of wounded after a strike on a school building used as a shelter. The crossing at \
[[Rafah|RAFAH]] has been closed since May, and aid trucks have been backing up on the \
[[Egyptian|EGYPT]] side for weeks.

The UN said fewer than 70 lorries a day had entered the strip in August, against the 500 a day that came in \
before the war. Aid agencies warned of a polio outbreak after the virus was found in sewage samples.

To the north, exchanges of fire across the border with [[Lebanon|LEBANON]] continued. Hezbollah said it had \
fired rockets at army positions in response to a strike that killed one of its commanders in \
[[southern Lebanon|SOUTH_LEBANON]]. Several airlines have suspended flights to [[Beirut|BEIRUT]] until the end \
of the month, citing the risk of a wider regional war."""),
    ("g2-05", "2024-02-10", """\
Container lines say they will keep sending ships around the [[Cape of Good Hope|CAPE_GOOD_HOPE]] for the \
foreseeable future, after a week in which Houthi forces in [[Yemen|YEMEN]] fired missiles at three more \
merchant vessels in the [[Red Sea|RED_SEA]] and the [[Gulf of Aden|GULF_OF_ADEN]].

The detour adds 10 to 14 days to a voyage between [[Singapore|SINGAPORE]] and [[Rotterdam|ROTTERDAM]], \
and insurers have raised war-risk premiums for any ship passing through the \
[[Bab el-Mandeb|BAB_EL_MANDEB]] strait. Traffic through the [[Suez Canal|SUEZ_CANAL]] has fallen by about \
half since December, costing [[Egypt|EGYPT]] hundreds of millions of dollars a month in lost fees. The \
Israeli port of [[Eilat|EILAT]] says it has handled almost no cargo this year.

The Houthis, who control [[Sanaa|SANAA]] and most of the country's populous north, say they are targeting \
ships linked to [[Israel|ISRAEL]] in protest at the war in [[Gaza|GAZA]]. American and British warplanes have struck \
radar sites and launch pads near the port of [[Hodeidah|HODEIDAH]] several times. [[Tehran|TEHRAN]] denies \
supplying the group with missiles, though Western navies say they have seized Iranian-made parts at sea.

[[Riyadh|RIYADH]], which fought the Houthis for years before a truce in 2022, has stayed out of the \
American-led coalition, as has the [[UAE|UAE]]. Both want to protect the truce and their own coasts. \
Tanker traffic out of the [[Gulf|PERSIAN_GULF]] has largely continued, with many tankers now declaring \
Chinese crews or owners over their radios.

At the port of [[Djibouti|DJIBOUTI_CITY]], across the strait, shipping agents report that some feeder \
services have been cancelled. Further east, maritime security firms have also recorded a rise in attempted \
hijackings off [[Somalia|SOMALIA]], including one near [[Eyl|EYL]] in the semi-autonomous region of \
[[Puntland|PUNTLAND]], the first such cases in several years."""),
    ("g2-06", "2025-01-22", """\
[[KYIV|KYIV]] — Russian missiles and drones struck energy sites in at least five regions of \
[[Ukraine|UKRAINE]] overnight, the air force said on Wednesday, leaving parts of [[Kharkiv|KHARKIV]] and \
[[Odesa|ODESA]] without heating as temperatures fell below freezing.

In [[Kharkiv|KHARKIV]], about 30 kilometres from the border, the regional governor said a drone had hit a \
thermal power plant and that engineers were working to restore supply to 100,000 homes. Officials in \
[[Zaporizhzhia|ZAPORIZHZHIA]] reported damage to a substation and two civilians wounded. In the city of \
[[Dnipro|DNIPRO_CITY]], a missile struck a residential block, killing three people.

Further south, Ukrainian forces on the right bank of the [[Dnipro|DNIPRO_R]] river said Russian artillery \
on the other side had shelled [[Kherson|KHERSON]] more than 40 times in a day. [[Ukraine|UKRAINE]]'s navy said it had \
also hit a Russian patrol boat off [[Crimea|CRIMEA]], and that grain ships were still leaving \
[[Odesa|ODESA]] through a corridor along the western coast of the [[Black Sea|BLACK_SEA]].

[[Moscow|MOSCOW]] said the overnight strikes were a response to Ukrainian drone attacks on its territory, \
including one that set fire to a fuel depot near [[Belgorod|BELGOROD]]. [[Russia|RUSSIA]]'s defence ministry \
said its air defences had shot down 60 drones over the weekend.

[[Ukraine|UKRAINE]]'s foreign minister urged allies to speed up deliveries of air-defence systems, many of which reach \
the country through the airport in [[Rzeszów|RZESZOW]], a short drive from the [[Polish|POLAND]] border. \
[[Berlin|BERLIN]] has said a further battery would arrive before spring, and [[Poland|POLAND]] has offered \
to train more Ukrainian crews."""),
    ("g2-07", "2024-08-25", """\
Few runners can say they have won national titles in two countries for two different cities called Perth. \
Isla Moran, 27, was born in [[Perth|PERTH_AU]], [[Western Australia|WESTERN_AUSTRALIA]], and grew up running \
along the [[Swan River|SWAN_R]] between the city and [[Fremantle|FREMANTLE]]. Six years ago she moved to \
[[Scotland|SCOTLAND]] to study and joined a club in [[Perth|PERTH_SCOT]], the old town on the \
[[River Tay|TAY_R]] about an hour's drive north of [[Edinburgh|EDINBURGH]].

On Saturday she won the Scottish 10,000 metres title in [[Glasgow|GLASGOW]], three years after taking the \
Australian crown over the same distance. Because she holds both passports, she has until the end of the year \
to decide which country she will represent at the world championships.

"I miss the heat, obviously," she said after the race, laughing. "Training along the [[Tay|TAY_R]] in \
January is a different sport from running by the beach in [[Fremantle|FREMANTLE]]. But the hills around \
[[Perth|PERTH_SCOT]] have made me much stronger."

Her coach, who has worked with the club for 20 years, said the Scottish climate had forced her to train \
indoors for weeks at a time and that she had still improved her personal best by 40 seconds.

Athletics Australia said it would welcome her back. Officials in [[Edinburgh|EDINBURGH]] said they hoped \
she would stay. Her mother, who still lives in [[Western Australia|WESTERN_AUSTRALIA]], flew to \
[[Scotland|SCOTLAND]] for the race and said the family would support whatever she chose. Moran said she \
would decide after a training camp in [[Budapest|BUDAPEST]] next month, far from both of her Perths."""),
    ("g2-08", "2025-06-11", """\
[[VICTORIA|VICTORIA_BC]], [[British Columbia|BRITISH_COLUMBIA]] — Ferry sailings between \
[[Vancouver Island|VANCOUVER_ISLAND]] and the mainland were cancelled for a second day on Wednesday after an \
engine failure on one of the largest vessels in the fleet, leaving thousands of travellers stranded at \
terminals in [[Tsawwassen|TSAWWASSEN]] and [[Swartz Bay|SWARTZ_BAY]].

The ferry company said two smaller ships had been moved to the route between [[Nanaimo|NANAIMO]] and \
[[Vancouver|VANCOUVER]], but that they could carry only a third of the usual number of cars. Businesses in \
[[Victoria|VICTORIA_BC]] said the cancellations had come at the worst possible time, with the summer tourist \
season about to begin and hotels in the provincial capital nearly full.

Some travellers chose a longer way round, taking the passenger ferry from the harbour across the \
[[Strait of Juan de Fuca|JUAN_DE_FUCA]] to [[Port Angeles|PORT_ANGELES]] in [[Washington|WASHINGTON_ST]] \
state, and then driving north through [[Seattle|SEATTLE]] to the border.

Among those stuck at the terminal was a delegation of 30 tourism officials from [[Melbourne|MELBOURNE]], \
in the Australian state of [[Victoria|VICTORIA_AU]], who had come to study the island's cruise trade. "We \
came from one Victoria to another, and now we can't get out of it," one of them joked beside the statue of \
Queen Victoria outside the legislature.

The provincial transport minister said a review of the ageing fleet would be published next month. Ferry \
workers' unions have warned for years that [[British Columbia|BRITISH_COLUMBIA]] was not replacing ships \
fast enough, and that the route, which carries more than 20,000 passengers a day in summer, had no spare \
vessel. Ships ordered from a yard in [[Romania|45.9,24.9]] are not due until 2027."""),
    ("g2-09", "2025-02-27", """\
A chipmaker based in [[San Jose|SAN_JOSE_CA]], [[California|CALIFORNIA]], said on Thursday it would build a \
$1.2 billion testing and packaging plant near [[San José|SAN_JOSE_CR]], [[Costa Rica|COSTA_RICA]], adding \
to a cluster of semiconductor factories in the Central American country.

The plant will be built in a free-trade zone in [[Heredia|HEREDIA]], a few kilometres north of the capital, \
and will employ about 1,800 people when it opens in 2027, the company said. Executives chose the site over \
offers from [[Mexico|MEXICO]] and [[Malaysia|MALAYSIA]] because of the country's political stability, its \
English-speaking engineering graduates and its daily flights from the airport at \
[[Alajuela|ALAJUELA]] to the [[United States|US]].

[[Costa Rica|COSTA_RICA]]'s trade minister, speaking in [[San José|SAN_JOSE_CR]], said the investment \
showed that the country could compete for factories leaving [[Asia|29.84,89.3]]. The government has been courting \
companies in [[Silicon Valley|SILICON_VALLEY]] since [[Washington|WASHINGTON_DC]] passed a law offering subsidies for chip \
supply chains in friendly countries.

Back in [[San Jose|SAN_JOSE_CA]], the company's chief executive said the Costa Rican site would handle \
chips designed in [[California|CALIFORNIA]] and made in [[Taiwan|TAIWAN]] and [[Arizona|ARIZONA]]. The \
company already runs a similar plant in [[Penang|PENANG]] and a design office in \
[[Guadalajara|GUADALAJARA]], which it said would not be affected.

Analysts said the decision reflected a wider effort to move the final stages of chip production out of \
[[China|CHINA]]. Labour groups in [[Costa Rica|COSTA_RICA]] welcomed the jobs but asked for guarantees on \
water use, saying towns around the capital had faced shortages during the dry seasons of recent years."""),
    ("g2-10", "2024-12-05", """\
Police in [[Tbilisi|TBILISI]] used water cannon and tear gas for a seventh night on Wednesday against \
protesters angry at the government's decision to pause talks on joining the European Union, as the crisis \
in [[Georgia|GEORGIA]] deepened.

Thousands of people gathered outside the parliament building, waving the flags of \
[[Georgia|GEORGIA]] and the EU. Smaller protests were held in [[Batumi|BATUMI]] on the [[Black Sea|BLACK_SEA]] \
coast and in towns of the wine-growing [[Kakheti|KAKHETI]] region. Opposition leaders accused the ruling party \
of steering the country back towards [[Moscow|MOSCOW]], which still keeps troops in the breakaway regions of \
[[Abkhazia|ABKHAZIA]] and [[South Ossetia|SOUTH_OSSETIA]]. [[Brussels|BRUSSELS]] said it was reviewing its ties \
with the government, and several European ambassadors joined the crowd on Monday.

The unrest has worried businesses far beyond the region. In [[Savannah|SAVANNAH]], in the American \
state of [[Georgia|GEORGIA_US]], a logistics company that ships used cars to the port of [[Poti|POTI]] said \
it had paused new orders until the situation became clearer. Georgian wine importers in \
[[Atlanta|ATLANTA]], who have built up a small but loyal market over the past decade, said they were \
waiting to see whether sanctions would follow.

"People here mix up the two Georgias all the time," said one importer, who moved to [[Atlanta|ATLANTA]] from \
[[Tbilisi|TBILISI]] 15 years ago. "This week, sadly, everyone knows which one I mean."

[[Russia|RUSSIA]] has accused Western governments of stirring up the protests. The government says it \
remains committed to EU membership by 2030, but it has suspended accession talks until 2028."""),
    ("g2-11", "2025-04-09", """\
A carmaker's plant in [[Cambridge|CAMBRIDGE_ON]], [[Ontario|ONTARIO]], will cut one of its three shifts from \
June, putting about 1,000 jobs at risk, the company said on Tuesday, blaming uncertainty over tariffs on \
vehicles crossing into the [[United States|US]].

The factory, which builds sport utility vehicles mostly for buyers in the [[US|US]], is one of two the \
company runs in the province; the other is in [[Woodstock|WOODSTOCK_ON]], about 50 kilometres to the \
south-west. Union officials in [[Cambridge|CAMBRIDGE_ON]] said the cut would also hit parts suppliers across \
[[Kitchener|KITCHENER]] and [[Waterloo|WATERLOO_ON]].

The company's head office in [[Toyota City|TOYOTA_CITY]], in [[Aichi|AICHI]] prefecture, said it would \
review its North American production plan by the end of the year. Executives have said they could move some \
production to plants in [[Mexico|MEXICO]] or the [[US|US]] if the duties stay in place.

[[Ottawa|OTTAWA]] has promised support for laid-off workers and said it would match any American tariffs \
with its own. Trade across the bridge between [[Windsor|WINDSOR_ON]] and [[Detroit|DETROIT]], the busiest \
crossing on the border, has dropped by about a tenth since February, according to a chamber of commerce.

Officials in [[Michigan|MICHIGAN]], whose own car plants depend on Canadian engines and parts, have warned \
[[Washington|WASHINGTON_DC]] that the tariffs could cost jobs on both sides. The mayor of \
[[Cambridge|CAMBRIDGE_ON]] said he would travel to [[Toronto|TORONTO]] on Friday to meet the premier. \
"This plant has been here for almost 40 years," he said. "[[Canada|CANADA]] has to stand up for these \
workers.\""""),
    ("g2-12", "2025-05-20", """\
A yearling colt bred on a farm outside [[Paris|PARIS_KY]], [[Kentucky|KENTUCKY]], became the most expensive \
horse sold at auction in [[Europe|48.69,9.14]] this spring when a buyer from [[Dubai|DUBAI]] paid 3.2 million guineas for \
him at [[Newmarket|NEWMARKET_UK]] on Tuesday.

The farm, in the rolling bluegrass of [[Bourbon County|BOURBON_COUNTY]], has produced two winners of the \
Kentucky Derby. Its manager said the decision to send the colt to [[England|ENGLAND]] rather than to the \
sales in [[Lexington|LEXINGTON_KY]], 30 kilometres away, was a bet that European buyers would pay more for \
a horse bred to run on grass.

The bet paid off. Bidding at the sale in the [[Suffolk|52.19,1.0]] town opened at 500,000 guineas and \
climbed quickly as agents for owners from [[Ireland|IRELAND]], [[Japan|JAPAN]] and [[Saudi Arabia|SAUDI]] chased \
the colt. The winning bid came from an agent for a racing stable based in the emirate, which already keeps \
horses in [[County Kildare|KILDARE]] and at [[Newmarket|NEWMARKET_UK]].

Breeders in [[Paris|PARIS_KY]] said the sale would lift the value of other horses from the same stallion, \
which stands at stud in [[Kentucky|KENTUCKY]]. Thoroughbred breeding is one of the largest industries in \
the county, along with farming and distilling.

The colt will be trained in [[Ireland|IRELAND]] and could race for the first time next summer. His new \
owners said they might bring him back to race in [[Louisville|LOUISVILLE]] or \
[[Saratoga Springs|SARATOGA]] if he showed enough speed, or send him to [[Tokyo|TOKYO]] for the Japan Cup \
later in his career."""),
    ("g2-13", "2025-08-30", """\
[[KARACHI|KARACHI]], [[Pakistan|PAKISTAN]] — Floodwaters moving down the [[Indus|INDUS_R]] are expected to \
reach the barrage at [[Sukkur|SUKKUR]] by the weekend, officials in [[Sindh|SINDH]] said on Saturday, as \
the province prepared to evacuate riverside villages.

Weeks of monsoon rain in the north have already killed more than 800 people across [[Pakistan|PAKISTAN]] \
this season, most of them in [[Khyber Pakhtunkhwa|KP]], where flash floods swept away houses and hotels in \
the [[Swat|SWAT]] valley. Rivers in [[Punjab|PUNJAB_PK]] have also burst their banks, and the water from \
all of them now drains south into a single channel.

In [[Sindh|SINDH]], memories of 2022 are fresh. That year much of the province was underwater for months, \
and the lake at [[Manchar|MANCHAR]] overflowed, flooding the town of [[Dadu|DADU]]. Officials said \
embankments near the lake had been strengthened since then, but farmers in [[Larkana|LARKANA]] district \
said repairs to canals had not been finished.

The provincial government said relief camps had been set up in schools in [[Sukkur|SUKKUR]] and \
[[Jacobabad|JACOBABAD]], and that boats had been sent from [[Karachi|KARACHI]]. In neighbouring \
[[Balochistan|BALOCHISTAN]], roads linking [[Quetta|QUETTA]] to the plains were cut in several places by \
landslides.

[[Islamabad|ISLAMABAD]] has appealed for international help and blamed climate change for the heavier \
rains, noting that the country produces a tiny share of global emissions. The meteorological department \
said another spell of heavy rain was likely in the first week of September, and warned fishing communities \
near the mouth of the [[Indus|INDUS_R]] to stay ashore.

Aid agencies said the floods had also raised the risk of dengue and malaria in the camps, as standing water \
spreads across farmland along the [[Afghan|AFGHANISTAN]] border in the north-west and in the south."""),
    ("g2-14", "2024-05-27", """\
[[DHAKA|DHAKA]] — A severe cyclone crossed the coast of [[Bangladesh|BANGLADESH]] near \
[[Mongla|MONGLA]] late on Sunday, killing at least 16 people in [[Bangladesh|BANGLADESH]] and neighbouring \
[[India|INDIA]] and leaving more than a million without power.

The storm, which formed in the northern [[Bay of Bengal|BAY_OF_BENGAL]] last week, brought winds of up to \
120 kilometres an hour and a surge of about two metres into the [[Sundarbans|SUNDARBANS]], the mangrove \
forest that straddles the border. Forest officials said they were checking on the reserve's tigers and deer \
after parts of it were flooded with seawater.

In [[Khulna|KHULNA]] and [[Satkhira|SATKHIRA]], embankments gave way in several places, and thousands of \
shrimp farms were swamped. About 800,000 people had spent the night in concrete cyclone shelters, many of \
them built after earlier storms killed tens of thousands along this coast.

In the Indian state of [[West Bengal|WEST_BENGAL]], trees were uprooted across [[Kolkata|KOLKATA]], where \
the airport suspended flights for 21 hours, and homes were damaged on [[Sagar Island|SAGAR_ISLAND]]. \
Officials in neighbouring [[Odisha|ODISHA]] said the state had escaped with heavy rain.

Further east, authorities in [[Chittagong|CHITTAGONG]] closed the port for a day, and camps near \
[[Cox's Bazar|COXS_BAZAR]] sheltering Rohingya refugees from [[Myanmar|MYANMAR]] reported damage to \
hundreds of bamboo shelters. Aid groups said the refugees, many of whom fled violence in \
[[Rakhine|RAKHINE]] state, were especially exposed because the camps are built on bare hillsides.

The government in [[Dhaka|DHAKA]] said it would release emergency rice stocks for the coastal districts. \
Scientists say warmer sea temperatures are making storms in the region stronger and quicker to intensify."""),
    ("g2-15", "2024-04-04", """\
[[TAIPEI|TAIPEI]] — Rescue teams in [[Taiwan|TAIWAN]] worked through the night to reach dozens of people \
trapped in tunnels and quarries after the island's strongest earthquake in a quarter of a century struck off \
its east coast on Wednesday morning.

The quake's epicentre lay at sea about 18 kilometres south of [[Hualien|HUALIEN]], a city of about 100,000 \
people, where several buildings tilted and one collapsed. Rockfalls closed roads into \
[[Taroko Gorge|24.17,121.55]], a national park popular with tourists, and about 50 hotel workers on a bus \
were stranded inside. Buildings swayed in [[Taipei|TAIPEI]], and the underground railway briefly stopped. \
Schools were evacuated in [[Taichung|TAICHUNG]] on the west coast.

Tsunami warnings were issued in [[Japan|JAPAN]] for [[Okinawa|OKINAWA]] and the nearby island of \
[[Yonaguni|YONAGUNI]], which lies just over 100 kilometres from [[Taiwan|TAIWAN]]'s east coast, and in the \
[[Philippines|PHILIPPINES]] for coastal towns in [[Batanes|BATANES]] and northern \
[[Luzon|LUZON]]. Waves of about 30 centimetres were recorded, and the warnings were lifted by midday. \
Officials in [[Manila|MANILA]] said no damage had been reported.

[[Beijing|BEIJING]], which claims the island, offered to send help; the government in \
[[Taipei|TAIPEI]] thanked it but said it had enough resources. Chipmakers, whose factories are mostly on \
the west side of the island, said production lines had been halted briefly for safety checks and had \
largely restarted.

Seismologists say the island sits where two tectonic plates meet and is hit by frequent quakes. Strict \
building codes introduced after a quake in 1999 killed about 2,400 people are widely credited with keeping \
the death toll low this time."""),
    ("g2-16", "2025-10-16", """\
Shares in electronics makers based in [[Shenzhen|SHENZHEN]] fell sharply on Thursday after \
[[Washington|WASHINGTON_DC]] added another 40 Chinese companies to a list of firms barred from buying \
American chip technology.

The new list includes three contract manufacturers with large plants in [[Dongguan|DONGGUAN]] and \
elsewhere in [[Guangdong|GUANGDONG]], the southern province that makes a large share of the world's phones \
and laptops. Traders in [[Hong Kong|HONG_KONG]], where several of the companies are listed, said investors \
feared the rules would push foreign customers to move orders out of the \
[[Pearl River Delta|PEARL_DELTA]].

[[Beijing|BEIJING]] called the move bullying and said it would take measures to protect its firms, \
without giving details. The commerce ministry has already restricted exports of several metals used in chips \
and batteries.

The measures also put pressure on allies. Officials in the [[Netherlands|NETHERLANDS]] said they were \
studying whether the rules would cover more machines from the lithography company based in \
[[Veldhoven|VELDHOVEN]], whose equipment is vital for making advanced chips. Governments in \
[[Tokyo|TOKYO]] and [[Seoul|SEOUL]] said they were consulting their own manufacturers. \
[[South Korea|SOUTH_KOREA]]'s memory makers have plants in [[China|CHINA]] that depend on American licences \
to keep running.

Meanwhile, [[Taiwan|TAIWAN]]'s largest chipmaker said its new plants in [[Arizona|ARIZONA]] and in \
[[Kumamoto|KUMAMOTO]], in southern [[Japan|JAPAN]], were on schedule. A second factory near \
[[Phoenix|PHOENIX]] will start production next year.

Analysts in [[Shenzhen|SHENZHEN]] said Chinese firms would speed up efforts to design and build their own \
tools, but that it would take years to match the most advanced foreign equipment."""),
    ("g2-17", "2025-01-25", """\
[[BOGOTÁ|BOGOTA]], [[Colombia|COLOMBIA]] — More than 80 people have been killed and at least 36,000 have \
fled their homes in a week of fighting between two armed groups in the [[Catatumbo|CATATUMBO]] region near \
the [[Venezuelan|VENEZUELA]] border, officials said on Saturday.

The National Liberation Army, or ELN, attacked positions held by a splinter faction of the former FARC \
guerrillas in several villages in [[Norte de Santander|NORTE_DE_SANTANDER]] department. Families travelled \
by truck and on foot to [[Cúcuta|CUCUTA]], the departmental capital, and to the town of [[Tibú|TIBU]], where \
sports halls have been turned into shelters. Some crossed into [[Venezuela|VENEZUELA]].

The president suspended peace talks with the ELN and declared a state of emergency in the region. The \
army sent 5,000 soldiers by air from [[Bogotá|BOGOTA]]. The ombudsman's office said community leaders and \
former fighters who had signed the 2016 peace deal were among the dead.

In the south-west, in [[Cauca|CAUCA]], the government has been fighting another FARC splinter group for \
months. A car bomb exploded outside a police station in [[Argelia|ARGELIA_CAUCA]], a mountain municipality \
known for coca farming, on Friday, wounding four officers. The governor, speaking in \
[[Popayán|POPAYAN]], said the group was trying to control drug routes down to the coast around \
[[Tumaco|TUMACO]] and on into [[Ecuador|ECUADOR]].

Business groups in [[Cali|CALI]], the country's third city, said attacks on the main highway south had \
disrupted trade for weeks. The government said it would not resume talks with any group that kept \
attacking civilians."""),
    ("g2-18", "2024-06-26", """\
[[PORT-AU-PRINCE|PORT_AU_PRINCE]], [[Haiti|HAITI]] — The first 400 Kenyan police officers of an \
international security mission landed at the airport in [[Port-au-Prince|PORT_AU_PRINCE]] on Tuesday, \
nearly two years after [[Haiti|HAITI]]'s government asked for foreign help against the gangs that control \
most of the capital.

The officers, who flew from [[Nairobi|NAIROBI]] on a chartered aircraft, were driven under heavy guard to a \
base near the airport. [[Kenya|KENYA]] has promised 1,000 officers, and smaller teams are expected from \
[[Jamaica|JAMAICA]], the [[Bahamas|24.25,-76.0]] and several other countries. The mission is funded mainly by the \
[[United States|US]].

Gangs have burned police stations and prisons across the capital this year and blocked the main roads out \
of it. In [[Cité Soleil|CITE_SOLEIL]], the seaside slum that is home to some of the strongest groups, \
residents said they hoped the officers would reopen schools and clinics. In richer [[Pétion-Ville|PETION_VILLE]], \
in the hills above the city, many businesses have been closed since March.

Violence has also spread north into the [[Artibonite|ARTIBONITE]] department, the country's rice-growing \
region, where gangs have attacked farms and blocked the road to [[Saint-Marc|SAINT_MARC]]. Thousands of \
people have left for [[Cap-Haïtien|CAP_HAITIEN]] in the north, the only big city where flights still \
land regularly.

The [[Dominican Republic|DOMINICAN_REP]] has kept its border with [[Haiti|HAITI]] closed to most traffic and \
has deported thousands of migrants. Officials in [[Santo Domingo|SANTO_DOMINGO]] said they welcomed the \
mission's arrival. Caribbean leaders, who held talks on the crisis in [[Kingston|KINGSTON_JM]] in March, \
said the transitional council in [[Port-au-Prince|PORT_AU_PRINCE]] must organise elections. Flights between \
the capital and [[Miami|MIAMI]] have been suspended since March."""),
    ("g2-19", "2024-10-12", """\
[[MANAUS|MANAUS]], [[Brazil|BRAZIL]] — The [[Rio Negro|RIO_NEGRO]] fell to its lowest level since \
measurements began more than 120 years ago, the port authority in [[Manaus|MANAUS]] said on Friday, as a \
second year of severe drought choked rivers across the northern state of [[Amazonas|AMAZONAS_BR]].

Riverboats that carry food, fuel and medicine to towns hundreds of kilometres upstream have been unable to \
dock at the city's floating port, and some communities are now reachable only by small canoes. The state \
government has declared an emergency in all 62 of its municipalities.

Upstream on the [[Solimões|SOLIMOES]], the river town of [[Tefé|TEFE]] is again surrounded by mud flats. \
Last year more than 150 river dolphins died in [[Lake Tefé|LAKE_TEFE]] when the water temperature rose above \
39 degrees; researchers said they were monitoring the lake closely and had moved some animals to deeper \
water.

The drought has also hit the [[Madeira|MADEIRA_R]], the main route for soya barges heading north from \
[[Porto Velho|PORTO_VELHO]], and hydroelectric dams on the river have cut output. In neighbouring \
[[Peru|PERU]], officials in [[Iquitos|IQUITOS]], a city reachable only by river or air, said cargo costs \
had doubled. Near the [[Colombian|COLOMBIA]] border, residents of [[Leticia|LETICIA]] have been walking \
across sandbanks to reach boats.

The federal government in [[Brasília|BRASILIA]] has sent dredgers and promised cash to fishing families. \
Scientists link the drought to warm ocean temperatures and to deforestation, which weakens the forest's \
ability to recycle rain. Smoke from fires in the region has covered [[Manaus|MANAUS]] for days, and \
hospitals report more patients with breathing problems."""),
    ("g2-20", "2024-09-20", """\
[[CULIACÁN|CULIACAN]], [[Mexico|MEXICO]] — Schools were closed and streets emptied in \
[[Culiacán|CULIACAN]] on Friday after a second week of gun battles between rival factions of the \
[[Sinaloa|SINALOA]] cartel left at least 50 people dead in the state capital and surrounding towns.

The fighting broke out after one of the group's founders was detained in the [[United States|US]] in July, \
and the sons of another leader were accused of betraying him. Bodies have been left on roadsides near \
[[Navolato|NAVOLATO]], and the army has sent 600 more soldiers to the state. The governor urged residents to \
stay at home at night.

The violence has hit the local economy hard. Restaurants and shops in [[Culiacán|CULIACAN]] have closed \
early, and hotels in the beach resort of [[Mazatlán|MAZATLAN]], a three-hour drive south, reported a wave of \
cancellations. Independence Day celebrations were called off across [[Sinaloa|SINALOA]].

The president, speaking in [[Mexico City|MEXICO_CITY]], said the government would not respond to violence \
with more violence and blamed [[Washington|WASHINGTON_DC]] for the capture that set off the conflict. \
American officials said the detention was the result of a deal the cartel leader did not know about.

Security analysts say the struggle could spill into other states where the cartel operates, particularly \
[[Sonora|SONORA]] and [[Baja California|BAJA_CALIFORNIA]], through which much of its fentanyl is \
smuggled. Customs officers at the crossing between [[Nogales|NOGALES_SON]] and \
[[Nogales|NOGALES_AZ]], [[Arizona|ARIZONA]], said seizures had not changed so far. In \
[[Tijuana|TIJUANA]], police said they were watching for signs that the fighting was moving north."""),
    ("g2-21", "2024-11-02", """\
[[VALENCIA|VALENCIA_ES]], [[Spain|SPAIN]] — The death toll from flash floods in eastern [[Spain|SPAIN]] rose \
to 211 on Saturday, as soldiers and volunteers dug through mud-filled garages and underground car parks in \
the suburbs south of [[Valencia|VALENCIA_ES]].

Most of the victims died in towns such as [[Paiporta|PAIPORTA]], where a normally dry riverbed turned into \
a torrent within minutes on Tuesday evening, sweeping cars through the streets. More than a year's worth of \
rain fell in eight hours on [[Chiva|CHIVA]], in the hills to the west. The new channel of the \
[[Turia|TURIA_R]], built after a flood in 1957 to carry water around the city, spared the historic centre.

Further inland, in the province of [[Albacete|ALBACETE_PROV]], six people died in the village of \
[[Letur|LETUR]]. Storms also hit [[Barcelona|BARCELONA]], where commuter trains were halted.

Residents have criticised the regional government for sending text message warnings only after the water \
was already rising. [[Madrid|MADRID]] has sent 7,500 soldiers and police, the largest peacetime deployment \
of its kind, and [[Brussels|BRUSSELS]] has promised money from an EU disaster fund. Meteorologists said a \
warmer [[Mediterranean|MEDITERRANEAN]] had fed the storm with more moisture.

Among the volunteers shovelling mud in [[Paiporta|PAIPORTA]] was Luis Herrera, 34, who moved to \
[[Spain|SPAIN]] five years ago from [[Valencia|VALENCIA_VE]], the industrial city in \
[[Venezuela|VENEZUELA]]'s [[Carabobo|CARABOBO]] state. "I left one Valencia because life was hard," he said. \
"I never thought I would see this in the other one.\""""),
    ("g2-22", "2024-05-28", """\
[[PORT MORESBY|PORT_MORESBY]] — More than 2,000 people may have been buried by a huge landslide in a remote \
part of [[Papua New Guinea|PNG]]'s highlands, the government told the United Nations on Monday, as rescuers \
struggled to reach the site with heavy machinery.

Part of a mountain collapsed before dawn on Friday onto a village in [[Enga|ENGA]] province, covering homes \
under debris up to eight metres deep. The site lies on the main highway between the provincial capital, \
[[Wabag|WABAG]], and the gold-mining town of [[Porgera|PORGERA]], which has been cut off since.

Aid convoys from [[Mount Hagen|MOUNT_HAGEN]], the nearest big town, have been delayed by the blocked road \
and by tribal fighting along the route. Excavators were sent from [[Lae|LAE]] on the coast, a journey of \
more than a day. Officials said the ground was still moving, making digging dangerous.

[[Australia|AUSTRALIA]], the country's largest donor, flew engineers and relief supplies from an air base \
near [[Brisbane|-27.47,153.03]], and [[Canberra|CANBERRA]] said it was ready to send more. [[New Zealand|NZ]] \
pledged funding, and the governments of the [[Solomon Islands|SOLOMONS]] and [[Fiji|FIJI]] sent messages of \
support from [[Honiara|HONIARA]] and [[Suva|SUVA]].

Landslides are common in the mountainous country, where heavy rainfall and tree clearing loosen the soil. \
Geologists said the collapse may have been triggered by rain and by water seeping into limestone. The \
disaster comes a few months after deadly riots in [[Port Moresby|PORT_MORESBY]] and amid continuing \
tension over the future of [[Bougainville|BOUGAINVILLE]], whose people voted for independence in 2019."""),
    ("g2-23", "2024-07-26", """\
[[EDMONTON|EDMONTON]], [[Alberta|ALBERTA]] — A wildfire that tore through the mountain town of \
[[Jasper|JASPER]] has destroyed about a third of its buildings, officials said on Thursday, after flames \
driven by strong winds reached the edge of the town faster than crews had expected.

All 25,000 residents and visitors were evacuated earlier in the week, most of them driving east to \
[[Hinton|HINTON]] and on to [[Edmonton|EDMONTON]], about 360 kilometres away. Others were sent west into \
[[British Columbia|BRITISH_COLUMBIA]] when the highway east was closed. Evacuees gathered at a recreation \
centre in [[Grande Prairie|GRANDE_PRAIRIE]], and some went on to stay with relatives in \
[[Calgary|CALGARY]].

The fire began in the national park that surrounds the town and was fed by dry forests killed by beetles \
in recent years. Firefighters from [[Montana|MONTANA]] and other parts of the [[United States|US]], as well as \
from [[Australia|AUSTRALIA]], have joined crews from across [[Canada|CANADA]].

The blaze is one of more than 170 burning in [[Alberta|ALBERTA]]. Smoke has drifted across the prairies, \
and communities near the [[Athabasca River|ATHABASCA_R]] have been warned to prepare to leave.

Last year a fire forced the entire population of [[Yellowknife|YELLOWKNIFE]], the capital of the \
[[Northwest Territories|NWT]], to flee, and another burned homes in [[Hay River|HAY_RIVER]] on the southern \
shore of [[Great Slave Lake|GREAT_SLAVE_LAKE]]. Scientists say hotter, drier summers are making such \
fires more frequent.

[[Jasper|JASPER]]'s mayor, who lost her own home, said the town would be rebuilt. "The heart of \
[[Jasper|JASPER]] is still here," she said."""),
    ("g2-24", "2024-08-15", """\
[[KINSHASA|KINSHASA]], [[DRC|DRC]] — The World Health Organization declared an international public health \
emergency over mpox on Wednesday, as a new strain of the virus spreading from the [[Democratic Republic of \
Congo|DRC]] was confirmed in four neighbouring countries.

The [[DRC|DRC]] has reported more than 15,000 suspected cases and over 500 deaths this year. The new strain \
was first detected last September in [[Kamituga|KAMITUGA]], a gold-mining town in [[South Kivu|SOUTH_KIVU]] \
province, and has since spread to [[Bukavu|BUKAVU]] and [[Uvira|UVIRA]] and across the borders into \
[[Burundi|BURUNDI]], [[Rwanda|RWANDA]] and [[Uganda|UGANDA]]. Health officials in \
[[Bujumbura|BUJUMBURA]] said more than 170 cases had been confirmed there, mostly among children. In \
[[Kampala|KAMPALA]], two cases were found in travellers who had crossed the [[Ugandan|UGANDA]] border.

In the west of the country, an older strain has caused outbreaks for years in [[Équateur|EQUATEUR]] \
province, where many people depend on hunting in the forests along the [[Congo River|CONGO_R]]. Doctors at \
the main hospital in [[Mbandaka|MBANDAKA]] said they had no vaccines and limited tests.

The WHO's director-general, speaking in [[Geneva|GENEVA]], said the agency was releasing emergency funds. \
A day later, health authorities in [[Sweden|SWEDEN]] reported a case of the new strain in a patient treated \
in [[Stockholm|STOCKHOLM]] who had recently travelled in [[Africa|7.19,21.09]]; [[Thailand|15.5,101.0]] reported a suspected \
case a week later.

The government in [[Kinshasa|KINSHASA]] said it expected its first vaccine doses from donors within weeks, \
but aid groups warned that fighting in the east, and the displacement camps it has created, would make any \
vaccination campaign difficult."""),
    ("g2-25", "2025-06-30", """\
[[BIRMINGHAM|BIRMINGHAM_UK]], [[England|ENGLAND]] — [[England|ENGLAND]] beat [[India|INDIA]] by five wickets \
in [[Birmingham|BIRMINGHAM_UK]] on Sunday to take a 2-0 lead in the five-match Test series, chasing 320 on a \
final day that began with the visitors as favourites.

The match was played in front of full stands for all five days, with many supporters travelling from \
[[Mumbai|MUMBAI]] and [[Ahmedabad|AHMEDABAD]] and from the large Indian community in the city. The third \
Test starts in [[Leeds|LEEDS]] on Thursday, and tickets there have sold out.

[[India|INDIA]]'s captain said his side had missed chances in the field. The team will fly home after the series for \
a short break before a tour of [[Sri Lanka|SRI_LANKA]], where they will play three one-day matches in \
[[Colombo|COLOMBO]] in August.

The series has been closely watched elsewhere in the cricket world. [[Pakistan|PAKISTAN]], who host \
[[England|ENGLAND]] in the autumn, are still deciding whether the matches will be played in \
[[Lahore|LAHORE]] and [[Multan|MULTAN]] or moved to the [[United Arab Emirates|UAE]], where they have \
played many home games in the past. Officials said the grounds in [[Dubai|DUBAI]] and \
[[Abu Dhabi|ABU_DHABI]] had been booked as a precaution.

The sport's governing body, which is based in [[Dubai|DUBAI]], also confirmed that the next World Test \
Championship final would be played in the [[UK|UK]]. Television rights for matches between the two nations \
are now among the most valuable in sport, after broadcasters in [[India|INDIA]] paid record sums in the \
last auction."""),
]


def point(key: str) -> tuple[float, float]:
    if key in P:
        return P[key]
    lat, lon = key.split(",")
    return float(lat), float(lon)


def parse(marked: str) -> tuple[str, list[dict]]:
    out, spans, pos = "", [], 0
    for hit in MARK.finditer(marked):
        out += marked[pos:hit.start()]
        name = hit.group(1)
        lat, lon = point(hit.group(2))
        spans.append({"start": len(out), "end": len(out) + len(name), "name": name, "lat": lat, "lon": lon})
        out += name
        pos = hit.end()
    out += marked[pos:]
    assert "[[" not in out and "]]" not in out, "unparsed markup"
    return out, spans


def unmarked(text: str, spans: list[dict]) -> list[str]:
    """Coded names that occur again in the text outside any coded span (to review by hand)."""
    covered = [(s["start"], s["end"]) for s in spans]
    out = []
    for name in {s["name"] for s in spans}:
        for hit in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text):
            if not any(a <= hit.start() < b for a, b in covered):
                out.append(f"{name}@{hit.start()}")
    return out


def main() -> None:
    docs, gold = [], []
    for doc_id, published, marked in DOCS:
        text, spans = parse(marked)
        for s in spans:
            assert text[s["start"]:s["end"]] == s["name"]
        words = len(text.split())
        assert 150 <= words <= 400, (doc_id, words)
        for miss in unmarked(text, spans):
            print(f"check {doc_id}: {miss}")
        docs.append({"id": doc_id, "text": text, "published": published})
        gold.append({"doc_id": doc_id, "toponyms": spans})
    with open(HERE / "docs.jsonl", "w", encoding="utf-8") as f:
        f.writelines(json.dumps(d, ensure_ascii=False) + "\n" for d in docs)
    with open(HERE / "gold.jsonl", "w", encoding="utf-8") as f:
        f.writelines(json.dumps(g, ensure_ascii=False) + "\n" for g in gold)
    print(f"{len(docs)} docs, {sum(len(g['toponyms']) for g in gold)} toponyms")


if __name__ == "__main__":
    main()
