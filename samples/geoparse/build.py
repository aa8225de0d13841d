"""Build docs.jsonl and gold.jsonl of the held-out geoparsing sample from the marked-up texts below.

Each toponym is written inline as [[surface|lat|lon]]; this script strips the markup and computes
the character offsets with Python, so no offset is ever typed by hand.

    .venv/bin/python samples/geoparse/build.py
"""

from __future__ import annotations

import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
MARK = re.compile(r"\[\[([^|\]]+)\|(-?\d+(?:\.\d+)?)\|(-?\d+(?:\.\d+)?)\]\]")

# Reference points used more than once (GeoNames' representative point, or for regions a central point).
MALI = "17|-4"
BAMAKO = "12.65|-8.0"
BURKINA = "12.5|-1.66667"
NIGER = "18|9"
NIGERIA = "10|8"
CHAD = "15|19"
SUDAN = "16|30"
US = "39.76|-98.5"
UK = "54.75844|-2.69531"
ENGLAND = "52.16045|-0.70312"
LONDON_UK = "51.50853|-0.12574"
CAMBRIDGE_UK = "52.2|0.11667"
LONDON_ON = "42.98339|-81.23304"
ONTARIO = "49.25014|-84.49983"
PARIS_TX = "33.66094|-95.55551"
TEXAS = "31.25044|-99.25061"
BIRMINGHAM_AL = "33.52066|-86.80249"
ALABAMA = "32.75041|-86.75026"
GEORGIA_US = "32.75042|-83.50018"
GEORGIA = "42|43.5"
PORTLAND_OR = "45.52345|-122.67621"
PORTLAND_ME = "43.66147|-70.25533"
GOMA = "-1.67917|29.22778"
RWANDA = "-2|30"
TRIPOLI_LB = "34.43667|35.84972"
HYDERABAD_IN = "17.38405|78.45636"
JAPAN = "35.68536|139.75309"
AUSTRALIA = "-25|135"
SYDNEY = "-33.86785|151.20732"
NEWCASTLE_AU = "-32.92715|151.77647"
KYIV = "50.45466|30.5238"
CULIACAN = "24.79032|-107.38782"
BOGOTA = "4.60971|-74.08175"
NAIROBI = "-1.28333|36.81667"
ETHIOPIA = "9|39.5"
ATHENS_GA = "33.96095|-83.37794"
TBILISI = "41.69411|44.83368"
HERAT = "34.34817|62.19967"
IRAN = "32|53"
DAKAR = "14.6937|-17.44406"
GUSAU = "12.16278|6.66135"
MAIDUGURI = "11.84692|13.15712"
DJIBO = "14.10|-1.63"
OUAGA = "12.36566|-1.53388"
FLAMENGO_CITY = "-22.90642|-43.18223"
MANILA = "14.6042|120.9822"
TILLABERI = "14.21173|1.45306"
NIAMEY = "13.51366|2.1098"
ALGERIA = "28|3"
MOPTI_TOWN = "14.4843|-4.18296"
MOPTI_REGION = "14.5|-3.5"
BANKASS = "14.07708|-3.51722"


def m(surface: str, point: str) -> str:
    lat, lon = point.split("|")
    return f"[[{surface}|{lat}|{lon}]]"


DOCS: list[tuple[str, str]] = [
    ("h6-01", f"""{m("MOPTI", MOPTI_TOWN)}, {m("Mali", MALI)}, 12 March - Armed men on motorcycles killed at least nine \
villagers in {m("Ogossagou", "14.20|-3.55")} ({m("Bankass", BANKASS)}, {m("Mopti", MOPTI_REGION)}) late on Saturday, \
local officials said. The attackers burned granaries and drove off cattle before withdrawing towards the \
{m("Burkina Faso", BURKINA)} border, a councillor in {m("Bankass", BANKASS)} told reporters by telephone. The Malian \
army said a unit based in {m("Sévaré", "14.53333|-4.09583")} reached the village on Sunday morning. The central \
{m("Mopti", MOPTI_REGION)} region has seen repeated raids since 2019, when the same village lost more than 150 \
people. Aid groups in {m("Bamako", BAMAKO)} warned that thousands of displaced families are now sheltering in \
{m("Bandiagara", "14.35005|-3.61038")} and in {m("Mopti", MOPTI_TOWN)} town, where the price of millet has doubled \
since the rains failed."""),
    ("h6-02", f"""{m("PARIS", PARIS_TX)}, {m("Texas", TEXAS)} - The Paris High School Wildcats beat a visiting side \
from {m("Tyler", "32.35126|-95.30106")} 28-14 on Friday night, sending the small town in northeast \
{m("Texas", TEXAS)} into the state playoffs for the first time in a decade. Coach Dwayne Holt said the win belonged \
to the whole of {m("Lamar County", "33.667|-95.571")}. Fans drove in from {m("Clarksville", "33.61|-95.05")} and even \
from {m("Dallas", "32.78306|-96.80667")}, about 100 miles to the southwest. Quarterback Paris Jenkins, who shares a \
name with his home town, threw for three touchdowns and ran for a fourth. "People here joke that we are the only \
town with a cowboy hat on its Eiffel Tower," said a shop owner, pointing to the replica near the civic centre."""),
    ("h6-03", f"""Hospitals in {m("Birmingham", BIRMINGHAM_AL)}, {m("Alabama", ALABAMA)}, reported a sharp rise in \
flu admissions this week, and the University of Alabama at Birmingham opened an overflow ward. State health \
officials in {m("Montgomery", "32.36681|-86.29997")} urged residents to get vaccinated before the holidays. Cases \
have also climbed in {m("Tuscaloosa", "33.20984|-87.56917")} and {m("Huntsville", "34.7304|-86.58594")}, while \
neighbouring {m("Georgia", GEORGIA_US)} and {m("Mississippi", "32.75041|-89.75036")} reported milder seasons. Doctors \
said the strain now circulating across the South is similar to one that hit {m("Australia", AUSTRALIA)} during its \
winter, which experts in the {m("United States", US)} watch closely as a preview of what is coming."""),
    ("h6-04", f"""{m("LONDON", LONDON_ON)}, {m("Ontario", ONTARIO)} - A food-processing plant on the city's east side \
will add 300 jobs after its owner won a contract to supply grocery chains across {m("Canada", "60.10867|-113.64258")} \
and the northern {m("United States", US)}. The company, founded in {m("Windsor", "42.30008|-83.01654")} in 1978, moved \
its headquarters to {m("London", LONDON_ON)} a decade ago to be closer to Highway 401 and to \
{m("Toronto", "43.70011|-79.4163")}, two hours to the east. Mayor Claire Duval said the expansion showed that \
southwestern {m("Ontario", ONTARIO)} can compete with {m("Mexico", "23|-102")} and with plants in \
{m("Michigan", "44.25029|-85.50033")} and {m("Ohio", "40.25034|-83.00018")}. Part of the new production line is being \
built by an engineering firm from {m("Hamilton", "43.25011|-79.84963")}."""),
    ("h6-05", f"""{m("CAMBRIDGE", CAMBRIDGE_UK)}, {m("England", ENGLAND)} - A biotech start-up spun out of laboratories \
in {m("Cambridge", CAMBRIDGE_UK)} has raised 40 million pounds to test a malaria vaccine in {m("Kenya", "1|38")} and \
{m("Tanzania", "-6|35")}. Its chief scientist, who trained in {m("Cambridge", "42.3751|-71.10561")}, \
{m("Massachusetts", "42.36565|-71.10832")}, said the company chose to stay in {m("Britain", UK)} because of the talent \
between {m("Cambridge", CAMBRIDGE_UK)}, {m("Oxford", "51.75222|-1.25596")} and {m("London", LONDON_UK)}. Trials will \
begin near {m("Kisumu", "-0.10221|34.76171")}, on the shores of {m("Lake Victoria", "-1|33")}, next spring, with a \
second site planned in {m("Uganda", "1.25|32.5")}. Investors from {m("Boston", "42.35843|-71.05977")} and \
{m("Singapore", "1.36667|103.8")} joined the round, which values the firm at about 200 million pounds."""),
    ("h6-06", f"""Firefighters in {m("Portland", PORTLAND_OR)}, {m("Oregon", "44.00013|-120.50139")}, spent a second \
night battling a brush fire on the edge of the city's largest park as hot, dry winds blew in from the east. Several \
homes were evacuated in the west hills, and smoke drifted as far as {m("Vancouver", "45.63873|-122.66149")}, \
{m("Washington", "47.50012|-120.50147")}, across the river. Officials in {m("Salem", "44.9429|-123.0351")} said the \
state had requested extra crews from {m("California", "37.25022|-119.75126")} and {m("Idaho", "44.5002|-114.25118")}. \
On the other side of the country, {m("Portland", PORTLAND_ME)}, {m("Maine", "45.50032|-69.24977")}, was bracing for a \
coastal storm expected to bring heavy rain and flooding to much of {m("New England", "44.0|-71.5")}."""),
    ("h6-07", f"""{m("OUAGADOUGOU", OUAGA)}, 4 June - Suspected jihadists attacked a convoy of traders between \
{m("Djibo", DJIBO)} and {m("Arbinda", "14.23|-0.87")} in {m("northern Burkina Faso", "14.0|-1.0")} on Tuesday, killing \
at least 14 people, security sources said. The convoy, escorted by volunteer defence fighters, had left \
{m("Djibo", DJIBO)} at dawn. Survivors were taken to the regional hospital in {m("Dori", "14.0354|-0.0345")}. A \
separate attack on a gendarmerie post near {m("Barsalogho", "13.42|-1.06")}, in the {m("Centre-Nord", "13.3|-1.1")} \
region, was repelled, the army said. The government in {m("Ouagadougou", OUAGA)} has ordered a night curfew in the \
{m("Sahel", "14.1|-0.6")} region. Humanitarian agencies said the roads to {m("Kaya", "13.09167|-1.08444")} and \
{m("Ouahigouya", "13.58278|-2.42158")} remain open but dangerous."""),
    ("h6-08", f"""{m("NIAMEY", NIAMEY)}, 19 January - Gunmen killed 11 soldiers in an ambush near \
{m("Ayorou", "14.7308|0.9174")}, in {m("Niger", NIGER)}'s {m("Tillabéri", "14.6|1.5")} region close to the border with \
{m("Mali", MALI)}, the defence ministry said. Reinforcements were flown from {m("Niamey", NIAMEY)} to the town of \
{m("Tillabéri", TILLABERI)}, about 110 km up the river. The army said it had killed dozens of attackers in \
follow-up operations around {m("Ouallam", "14.3181|2.0861")} and {m("Banibangou", "15.04|2.70")}. Farther east, near \
{m("Lake Chad", "13.2|14.2")}, the weekly market in {m("Bosso", "13.69842|13.30845")}, not far from the town of \
{m("Diffa", "13.31536|12.61135")}, reopened after two years. The ministry statement did not say which group was \
responsible for the ambush."""),
    ("h6-09", f"""{m("MAIDUGURI", MAIDUGURI)}, {m("Nigeria", NIGERIA)} - Insurgents fired rockets into \
{m("Maiduguri", MAIDUGURI)} late on Sunday, killing three people in a crowded neighbourhood near the city's airport, \
residents said. It was the first attack on the {m("Borno State", "11.5|13.0")} capital in more than a year. Earlier \
the same day, fighters raided farmers outside {m("Konduga", "11.65306|13.41785")} and abducted 20 women near \
{m("Gwoza", "11.08611|13.69139")}, close to the {m("Cameroon", "6|12")} border. The governor, speaking in \
{m("Abuja", "9.05785|7.49508")} after meeting the president, said troops would be moved from \
{m("Monguno", "12.67028|13.61083")}. Aid workers said many families had fled to {m("Yola", "9.20349|12.49539")} in \
neighbouring {m("Adamawa", "9.33|12.5")}, while others had crossed into {m("Chad", CHAD)}."""),
    ("h6-10", f"""{m("GOMA", GOMA)}, {m("Democratic Republic of Congo", "-2.5|23.5")} - Flights were suspended at the \
airport in {m("Goma", GOMA)} on Thursday after shells landed near the runway, the provincial governor said. Fighting \
between the army and M23 rebels has moved closer to the lakeside city, with clashes reported around \
{m("Sake", "-1.57361|29.045")}, 25 km to the west. Thousands of people crossed the border into \
{m("Gisenyi", "-1.70278|29.25639")} in {m("Rwanda", RWANDA)}. The United Nations mission said peacekeepers had \
reinforced positions north of the city. In {m("Kinshasa", "-4.32758|15.31357")}, the government accused \
{m("Kigali", "-1.94995|30.05885")} of backing the rebels, a charge {m("Rwanda", RWANDA)} denies. Aid convoys from \
{m("Bukavu", "-2.50833|28.86083")}, on the southern tip of {m("Lake Kivu", "-2.05|29.1")}, were held up at \
checkpoints."""),
    ("h6-11", f"""{m("El Fasher", "13.62793|25.34936")}, the last army-held city in {m("Sudan", SUDAN)}'s \
{m("Darfur", "13.5|24.5")} region, came under renewed drone attack on Monday, a local resistance committee said. At \
least 17 civilians were killed when a shell struck a market. The paramilitary Rapid Support Forces, which hold most \
of {m("Darfur", "13.5|24.5")}, denied targeting civilians. In {m("Port Sudan", "19.61745|37.21644")}, where the \
government has been based since fighting engulfed {m("Khartoum", "15.55177|32.53241")}, officials appealed for aid \
corridors through {m("Chad", CHAD)}. Refugees who reached {m("Adré", "13.46667|22.2")}, on the {m("Chadian", CHAD)} \
side of the border, described walking for a week with little water. The United Nations said famine conditions had \
been confirmed in camps around the city."""),
    ("h6-12", f"""{m("TRIPOLI", TRIPOLI_LB)}, {m("Lebanon", "33.83333|35.83333")} - Clashes between rival gunmen in \
the northern port city of {m("Tripoli", TRIPOLI_LB)} killed two people overnight, the Lebanese army said, a day after \
protests over electricity cuts spread from {m("Beirut", "33.89332|35.50157")}. Soldiers deployed in the city's poorer \
districts and set up checkpoints on the coastal road. Across the border in {m("Syria", "35|38")}, shelling was \
reported around {m("Idlib", "35.93062|36.63393")} and on the outskirts of {m("Aleppo", "36.20124|37.16117")}. A ferry \
service linking {m("Tripoli", TRIPOLI_LB)} with {m("Mersin", "36.79526|34.6179")} in {m("Turkey", "39|35")}, \
suspended last month, is due to resume on Friday, port officials said."""),
    ("h6-13", f"""Coast guards intercepted more than 400 migrants off the coast of {m("Libya", "28|17")} at the weekend \
and returned them to {m("Tripoli", "32.88743|13.18733")}, the International Organization for Migration said. The boats \
had set off from {m("Zuwara", "32.93118|12.08199")} and {m("Sabratha", "32.79335|12.48845")}, west of the capital, \
heading for the island of {m("Lampedusa", "35.50|12.60")}, which belongs to {m("Italy", "42.83333|12.83333")}. \
Separately, rescuers picked up 60 people drifting south of {m("Malta", "35.92|14.41")}. Many of those on board said \
they had travelled from {m("Sudan", SUDAN)}, {m("Eritrea", "15|39")} and {m("Bangladesh", "24|90")}, crossing the \
desert through {m("Niger", NIGER)} or via {m("Kufra", "24.18|23.28")} in the southeast."""),
    ("h6-14", f"""{m("HYDERABAD", HYDERABAD_IN)}, {m("India", "22|79")} - An electric scooter maker from \
{m("Bengaluru", "12.97194|77.59369")} said on Wednesday it would build its second factory on the outskirts of \
{m("Hyderabad", HYDERABAD_IN)}, creating 4,000 jobs in {m("Telangana", "17.9|79.0")}. The company's founder said the \
state had offered faster approvals than {m("Tamil Nadu", "11|78")} or {m("Maharashtra", "19.5|76")}. Shares rose 6% \
in {m("Mumbai", "19.07283|72.88261")}. The firm exports to {m("Nepal", "28|84")} and {m("Sri Lanka", "7.75|80.75")} \
and plans to enter {m("Indonesia", "-5|120")} next year. Its main rival, a start-up from \
{m("Hyderabad", "25.39242|68.37366")} in {m("Pakistan", "30|70")}'s {m("Sindh", "26|69")} province, has also announced \
plans to sell abroad."""),
    ("h6-15", f"""Cyclone Ria made landfall near {m("Cox's Bazar", "21.45324|91.97537")} on Tuesday evening, \
flattening shelters in the refugee camps and forcing nearly a million people in coastal \
{m("Bangladesh", "24|90")} into storm shelters. Winds of up to 150 km/h uprooted trees in \
{m("Chittagong", "22.3384|91.83168")}, and the port was closed. In neighbouring {m("Myanmar", "22|98")}, the storm \
brought floods to {m("Sittwe", "20.14624|92.89835")} in {m("Rakhine State", "19.8|93.8")}. Relief flights from \
{m("Dhaka", "23.7104|90.40744")} were grounded until Wednesday. Forecasters in {m("Kolkata", "22.56263|88.36304")} \
said the weakening storm would bring heavy rain to {m("Tripura", "23.75|91.75")} and {m("Assam", "26.2|92.9")} over \
the next two days."""),
    ("h6-16", f"""{m("MANILA", MANILA)} - Authorities raised the alert level at {m("Taal Volcano", "14.002|120.993")} \
south of the capital on Sunday after a burst of steam and ash, ordering residents of towns around the lake to leave. \
Schools in {m("Batangas", "13.83|121.08")} and {m("Cavite", "14.27|120.87")} provinces were closed. Ash fell as far as \
{m("Quezon City", "14.6488|121.0509")}, and several flights at {m("Manila", MANILA)}'s airport were delayed. The \
eruption comes days after a typhoon left 30 dead in the {m("Visayas", "11.0|124.0")}, mostly around \
{m("Tacloban", "11.24333|125.00388")} and on the island of {m("Samar", "11.9|125.0")}. {m("Japan", JAPAN)} and \
{m("Australia", AUSTRALIA)} pledged emergency aid."""),
    ("h6-17", f"""{m("TOKYO", "35.6895|139.69171")} - A carmaker and a group of its suppliers said on Friday they would \
invest 300 billion yen in battery plants in {m("Aichi", "35.0|137.2")} and in {m("Osaka", "34.69374|135.50218")}, \
part of {m("Japan", JAPAN)}'s push to cut its reliance on imports from {m("China", "35|105")}. A similar plant is \
planned near {m("Fukuoka", "33.6|130.41667")} on the southern island of {m("Kyushu", "32.6|130.8")}. Analysts in \
{m("Shanghai", "31.22222|121.45806")} said Chinese makers were unlikely to lose market share soon. The announcement \
lifted shares in {m("Seoul", "37.566|126.9784")}, where battery makers are seeking partners in {m("Japan", JAPAN)} and \
the {m("United States", US)}."""),
    ("h6-18", f"""Floodwaters cut the Pacific Highway north of {m("Newcastle", NEWCASTLE_AU)} on Thursday as the \
{m("Hunter River", "-32.91|151.79")} broke its banks after three days of rain, emergency services in \
{m("New South Wales", "-33|146")} said. Residents of {m("Maitland", "-32.73|151.55")} were told to leave low-lying \
streets. In {m("Sydney", SYDNEY)}, about 120 km to the south, two train lines were suspended. The state premier said \
army helicopters were on standby. Meanwhile Newcastle United fans who had flown from {m("England", ENGLAND)} for a \
pre-season friendly in {m("Melbourne", "-37.814|144.96332")} were stranded at {m("Sydney", SYDNEY)} airport when \
their connecting flight was cancelled."""),
    ("h6-19", f"""{m("WELLINGTON", "-41.28664|174.77557")} - A magnitude 6.4 earthquake struck off the east coast of \
the {m("North Island", "-38.5|175.9")} early on Monday, shaking buildings in {m("Gisborne", "-38.65333|178.00417")} \
and {m("Napier", "-39.4926|176.91233")}, seismologists said. There were no immediate reports of serious damage, but a \
tsunami warning was issued briefly for coastal areas. In {m("Christchurch", "-43.53333|172.63333")}, still rebuilding \
after the 2011 quake, residents said they felt nothing. Officials in {m("Fiji", "-18|178")} and \
{m("Tonga", "-20|-175")} said their coasts were not at risk. Scientists from {m("Auckland", "-36.84853|174.76349")} \
are flying to the area to install extra sensors."""),
    ("h6-20", f"""{m("KYIV", KYIV)}, 3 February - Russian drones struck energy facilities in \
{m("Kharkiv", "49.98081|36.25272")} and {m("Odesa", "46.47747|30.73262")} overnight, leaving tens of thousands \
without heating as temperatures fell to minus 15, {m("Ukraine", "49|32")}'s energy ministry said. Air defences shot \
down most of the drones over the {m("Kyiv", "50.25|30.5")} region. In the east, fighting continued around \
{m("Pokrovsk", "48.28198|37.18207")} in the {m("Donetsk", "48.0|37.8")} region. {m("Poland", "52|20")} scrambled jets \
as a precaution near its border. European ministers meeting in {m("Brussels", "50.85045|4.34878")} promised more \
air-defence systems, and {m("Germany", "51.5|10.5")} said a new shipment would leave {m("Berlin", "52.52437|13.41053")} \
by rail within weeks."""),
    ("h6-21", f"""{m("CULIACÁN", CULIACAN)}, {m("Mexico", "23|-102")} - Gunfire between rival factions of the \
Sinaloa cartel closed schools and shops across {m("Culiacán", CULIACAN)} for a third day on Wednesday, state \
authorities said. At least seven bodies were found on a highway leading to {m("Mazatlán", "23.2329|-106.4062")}. The \
federal government sent 600 soldiers from {m("Mexico City", "19.42847|-99.12766")}. Business leaders said the \
violence had cost the state capital millions, and airlines cancelled flights to {m("Tijuana", "32.5027|-117.00371")} \
and {m("Guadalajara", "20.66682|-103.39182")}. Officials in {m("Washington", "38.89511|-77.03637")} said they were \
monitoring the situation after an American citizen was wounded in {m("Sinaloa", "25|-107.5")}."""),
    ("h6-22", f"""{m("BOGOTÁ", BOGOTA)} - {m("Colombia", "4|-73.25")}'s army said on Saturday that a car bomb \
exploded outside a police station in {m("Jamundí", "3.26083|-76.53917")}, south of {m("Cali", "3.43722|-76.5225")}, \
wounding four officers. The attack was blamed on a dissident faction that operates in the mountains of \
{m("Cauca", "2.4|-76.8")}. Hours earlier, guerrillas blocked a road near {m("Cúcuta", "7.89391|-72.50782")}, on the \
border with {m("Venezuela", "8|-66")}. The president's office in {m("Bogotá", BOGOTA)} condemned the attacks and \
promised more troops for the southwest. In {m("Medellín", "6.25184|-75.56359")}, thousands of people marched against \
the violence on Sunday, and church leaders called for a ceasefire before Christmas."""),
    ("h6-23", f"""{m("RIO DE JANEIRO", FLAMENGO_CITY)} - Flamengo beat Palmeiras 2-1 at the Maracana on Sunday to go \
top of the league. Striker Florence Adeyemi, signed from a club in {m("Lagos", "6.45407|3.39467")} in January, scored \
the winner ten minutes from time. The {m("São Paulo", "-23.5475|-46.63611")} side had led at half-time. The match \
was watched by scouts from a club in {m("Porto", "41.14961|-8.61099")}, {m("Portugal", "39.6945|-8.13057")}. Next \
weekend Flamengo travel south to {m("Porto Alegre", "-30.03283|-51.23019")}, while Palmeiras host a team from \
{m("Belo Horizonte", "-19.92083|-43.93778")}. Tickets for both games sold out within hours, the clubs said."""),
    ("h6-24", f"""{m("NAIROBI", NAIROBI)} - Cholera cases have risen sharply in {m("northern Kenya", "2.8|37.5")} after \
months of drought, the health ministry said, with more than 300 infections recorded in \
{m("Turkana", "3.3|35.6")} and {m("Marsabit", "2.9|37.6")} counties. Health workers flew vaccine from \
{m("Nairobi", NAIROBI)} to {m("Lodwar", "3.11911|35.59728")} on Monday. Across the border in \
{m("Ethiopia", ETHIOPIA)}, aid agencies reported similar outbreaks in the {m("Somali", "6.7|43.5")} region. The World \
Health Organization in {m("Geneva", "46.20222|6.14569")} said the outbreak was linked to herders drinking from \
shrinking water holes along the {m("Ethiopian", ETHIOPIA)} frontier. Kenyan officials said they expected the rains \
to return in April."""),
    ("h6-25", f"""Heavy rain pushed the {m("Rhine", "51.98|4.12")} above flood level in \
{m("Cologne", "50.93333|6.95")} on Tuesday, halting barge traffic between {m("Basel", "47.55839|7.57327")} and \
{m("Rotterdam", "51.9225|4.47917")}. Towns along the {m("Moselle", "50.365|7.605")} in \
{m("Luxembourg", "49.75|6.16667")} also reported flooding. In {m("Bavaria", "49|11.5")}, firefighters pumped out \
basements in {m("Passau", "48.5665|13.43122")}, where the {m("Inn", "48.57|13.47")} joins the \
{m("Danube", "45.2|29.65")}. Forecasters in {m("Offenbach", "50.10061|8.76647")} said more rain would fall over the \
mountains in the south. Dutch officials said the dikes near {m("Nijmegen", "51.8425|5.85278")} were holding, but farmers on the flood plains were told to move \
livestock to higher ground before the weekend, when the water is expected to peak."""),
    ("h6-26", f"""{m("ATHENS", ATHENS_GA)}, {m("Georgia", GEORGIA_US)} - The University of Georgia said on Monday it \
would host a summer exchange with a university in {m("Tbilisi", TBILISI)}, capital of the other \
{m("Georgia", GEORGIA)}, the former Soviet republic in the Caucasus. Students from {m("Athens", ATHENS_GA)} will spend \
six weeks in {m("Tbilisi", TBILISI)} and {m("Batumi", "41.64228|41.63392")}, on the Black Sea coast, while Georgian \
students will visit {m("Atlanta", "33.749|-84.38798")} and {m("Savannah", "32.08354|-81.09983")}. Organisers joked \
that mail had been misdelivered between the two Georgias for years, and that a visiting professor once booked a \
flight to {m("Greece", "39|22")} by mistake."""),
    ("h6-27", f"""An earthquake of magnitude 6.3 struck {m("western Afghanistan", "34.0|63.0")} on Saturday, \
destroying villages near {m("Herat", HERAT)} and killing more than 1,000 people, the Taliban government said. Rescue \
teams from {m("Kabul", "34.52813|69.17233")} and from {m("Mashhad", "36.29707|59.60601")} in {m("Iran", IRAN)} \
reached the area overnight. Tremors were felt in {m("Quetta", "30.18414|67.00141")} and \
{m("Peshawar", "34.008|71.57849")} across the border in {m("Pakistan", "30|70")}. The epicentre was about 40 km \
northwest of {m("Herat", HERAT)} city, seismologists said. The Red Crescent set up field hospitals along the road to \
{m("Islam Qala", "34.66|61.07")} on the {m("Iranian", IRAN)} border, and aid agencies asked for tents and blankets before the nights turn cold."""),
    ("h6-28", f"""{m("DAKAR", DAKAR)} - {m("Senegal", "14.5|-14.25")}'s navy intercepted a wooden pirogue carrying 180 \
people off the coast near {m("Saint-Louis", "16.01793|-16.48962")} on Friday, bound for the \
{m("Canary Islands", "28.3|-15.8")}. Most passengers came from villages around {m("Kolda", "12.8939|-14.94125")} and \
{m("Tambacounda", "13.77073|-13.66734")}, but some had travelled from {m("Guinea", "10.83333|-10.66667")} and \
{m("Mali", MALI)}. Fishermen in {m("Mbour", "14.42197|-16.96378")} said foreign trawlers had emptied the sea, pushing \
young men to leave. Spanish officials in {m("Madrid", "40.4165|-3.70256")} said arrivals on \
{m("El Hierro", "27.75|-18.0")} had tripled this year. A delegation from {m("Nouakchott", "18.08581|-15.9785")} is due \
in {m("Dakar", DAKAR)} next week to discuss joint patrols."""),
    ("h6-29", f"""Fighting between the Malian army and Tuareg-led rebels flared again in \
{m("northern Mali", "18.5|-1.5")} this week. The rebels said they had shot down a drone near \
{m("Tinzaouaten", "19.96|2.96")}, on the {m("Algerian", ALGERIA)} border, while the army said it had secured the roads \
between {m("Gao", "16.27167|-0.04472")} and {m("Kidal", "18.44111|1.40778")}. In {m("Timbuktu", "16.77348|-3.00742")}, \
residents reported that a boat carrying traders on the river between {m("Diré", "16.28|-3.38")} and \
{m("Niafunké", "15.93|-3.99")} had been fired on. The government in {m("Bamako", BAMAKO)} said foreign instructors were \
supporting its operations. {m("Algeria", ALGERIA)} called for talks, and {m("Mauritania", "20|-12")} said refugees from \
the {m("Ménaka", "15.91|2.40")} area had reached its border camps."""),
    ("h6-30", f"""{m("GUSAU", GUSAU)}, {m("Nigeria", NIGERIA)} - Gunmen on motorcycles abducted more than 40 villagers \
from farms near {m("Anka", "12.11|5.93")} in {m("Zamfara State", "12.1|6.2")} on Thursday, residents said. The \
kidnappers later demanded a ransom by telephone. Police in {m("Gusau", GUSAU)} confirmed the attack and said officers \
had been sent from {m("Kaduna", "10.52641|7.43879")}. Similar raids have hit villages in {m("Katsina", "12.5|7.6")} \
and {m("Sokoto", "13.0|5.25")} states this year, and some families have fled north into {m("Niger", NIGER)}, settling \
around {m("Maradi", "13.5|7.10")}. A local lawmaker said farmers had not been able to reach their fields since the \
planting season began."""),
]


def parse(marked: str) -> tuple[str, list[dict]]:
    text, spans, pos = [], [], 0
    length = 0
    for hit in MARK.finditer(marked):
        before = marked[pos:hit.start()]
        text.append(before)
        length += len(before)
        name = hit.group(1)
        spans.append({"start": length, "end": length + len(name), "name": name,
                      "lat": float(hit.group(2)), "lon": float(hit.group(3))})
        text.append(name)
        length += len(name)
        pos = hit.end()
    text.append(marked[pos:])
    out = "".join(text)
    assert "[[" not in out and "]]" not in out, "unparsed markup"
    return out, spans


def main() -> None:
    docs, gold = [], []
    for doc_id, marked in DOCS:
        text, spans = parse(marked)
        for s in spans:
            assert text[s["start"]:s["end"]] == s["name"]
        docs.append({"id": doc_id, "text": text})
        gold.append({"doc_id": doc_id, "toponyms": spans})
    with open(HERE / "docs.jsonl", "w", encoding="utf-8") as f:
        f.writelines(json.dumps(d, ensure_ascii=False) + "\n" for d in docs)
    with open(HERE / "gold.jsonl", "w", encoding="utf-8") as f:
        f.writelines(json.dumps(g, ensure_ascii=False) + "\n" for g in gold)


if __name__ == "__main__":
    main()
