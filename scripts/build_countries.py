"""Build eventwire/data/countries.tsv from hand-written country knowledge.

The table below is general knowledge written for this project: one line per
sovereign state (193 UN members plus Kosovo, Palestine, Taiwan, Hong Kong and the
Holy See). Fields are separated by " :: ":

    ISO3 :: name :: aliases :: demonyms :: capitals

Lists inside a field are "|"-separated. The script adds the ISO 3166 official name
from pycountry to the aliases when it is a plain name (no comma or parentheses),
and takes the CAMEO code from /work/shared/data/cameo/country_codes.tsv (CAMEO uses
TMP for Timor-Leste and KSV for Kosovo; every other state's code is its ISO3).

Run:  .venv/bin/python scripts/build_countries.py
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "eventwire" / "data" / "countries.tsv"
CAMEO_COUNTRIES = Path("/work/shared/data/cameo/country_codes.tsv")

# Codes that are not ISO 3166 alpha-3 but that PLOVER uses for a state.
SPECIAL = {"KOS": "Kosovo"}
# pycountry names not added as aliases: "Congo" is ISO's short name for COG, but news
# mostly uses it for the Democratic Republic of the Congo (COD), which keeps it.
SKIP_ISO_NAMES = {"Congo"}
# CAMEO codes that differ from the PLOVER/ISO code.
CAMEO_OVERRIDE = {"KOS": "KSV", "TLS": "TMP"}

# Aliases left out on purpose (ambiguous between states): "Korea" (PRK/KOR),
# "Guinea" is kept only as GIN's name; "Dominican" is given to the Dominican
# Republic only; "Male" (Maldives capital) and "Victoria" (Seychelles capital)
# are left out because they are common words or common place names elsewhere.
DATA = """
AFG :: Afghanistan :: Islamic Emirate of Afghanistan|Islamic Republic of Afghanistan :: Afghan|Afghans :: Kabul
ALB :: Albania :: Republic of Albania :: Albanian|Albanians :: Tirana|Tirane
DZA :: Algeria :: People's Democratic Republic of Algeria :: Algerian|Algerians :: Algiers
AND :: Andorra :: Principality of Andorra :: Andorran|Andorrans :: Andorra la Vella
AGO :: Angola :: Republic of Angola :: Angolan|Angolans :: Luanda
ATG :: Antigua and Barbuda :: Antigua|Antigua & Barbuda :: Antiguan|Antiguans|Barbudan|Barbudans :: St. John's|St John's|Saint John's
ARG :: Argentina :: Argentine Republic :: Argentine|Argentines|Argentinian|Argentinians|Argentinean|Argentineans :: Buenos Aires
ARM :: Armenia :: Republic of Armenia :: Armenian|Armenians :: Yerevan
AUS :: Australia :: Commonwealth of Australia :: Australian|Australians|Aussie|Aussies :: Canberra
AUT :: Austria :: Republic of Austria :: Austrian|Austrians :: Vienna|Wien
AZE :: Azerbaijan :: Republic of Azerbaijan :: Azerbaijani|Azerbaijanis|Azeri|Azeris :: Baku
BHS :: Bahamas :: The Bahamas|the Bahamas|Commonwealth of The Bahamas :: Bahamian|Bahamians :: Nassau
BHR :: Bahrain :: Kingdom of Bahrain :: Bahraini|Bahrainis :: Manama
BGD :: Bangladesh :: People's Republic of Bangladesh :: Bangladeshi|Bangladeshis :: Dhaka|Dacca
BRB :: Barbados ::  :: Barbadian|Barbadians|Bajan|Bajans :: Bridgetown
BLR :: Belarus :: Republic of Belarus|Byelorussia|Belorussia :: Belarusian|Belarusians|Belarussian|Belarussians|Byelorussian|Byelorussians :: Minsk
BEL :: Belgium :: Kingdom of Belgium :: Belgian|Belgians :: Brussels|Bruxelles
BLZ :: Belize ::  :: Belizean|Belizeans :: Belmopan
BEN :: Benin :: Republic of Benin|Dahomey :: Beninese|Beninois :: Porto-Novo|Porto Novo|Cotonou
BTN :: Bhutan :: Kingdom of Bhutan :: Bhutanese :: Thimphu
BOL :: Bolivia :: Plurinational State of Bolivia :: Bolivian|Bolivians :: La Paz|Sucre
BIH :: Bosnia and Herzegovina :: Bosnia|Bosnia-Herzegovina|Bosnia & Herzegovina|BiH :: Bosnian|Bosnians|Herzegovinian|Herzegovinians :: Sarajevo
BWA :: Botswana :: Republic of Botswana :: Motswana|Batswana|Botswanan|Botswanans :: Gaborone
BRA :: Brazil :: Federative Republic of Brazil|Brasil :: Brazilian|Brazilians :: Brasilia|Brasília
BRN :: Brunei :: Brunei Darussalam|Nation of Brunei :: Bruneian|Bruneians :: Bandar Seri Begawan
BGR :: Bulgaria :: Republic of Bulgaria :: Bulgarian|Bulgarians :: Sofia
BFA :: Burkina Faso :: Burkina|Upper Volta :: Burkinabe|Burkinabè|Burkinabes :: Ouagadougou
BDI :: Burundi :: Republic of Burundi :: Burundian|Burundians :: Gitega|Bujumbura
CPV :: Cape Verde :: Cabo Verde|Republic of Cabo Verde :: Cape Verdean|Cape Verdeans|Cabo Verdean|Cabo Verdeans :: Praia
KHM :: Cambodia :: Kingdom of Cambodia|Kampuchea :: Cambodian|Cambodians|Khmer :: Phnom Penh
CMR :: Cameroon :: Republic of Cameroon :: Cameroonian|Cameroonians :: Yaounde|Yaoundé
CAN :: Canada ::  :: Canadian|Canadians :: Ottawa
CAF :: Central African Republic :: CAR|Centrafrique :: Central African|Central Africans :: Bangui
TCD :: Chad :: Republic of Chad|Tchad :: Chadian|Chadians :: N'Djamena|Ndjamena|N'Djaména
CHL :: Chile :: Republic of Chile :: Chilean|Chileans :: Santiago|Santiago de Chile
CHN :: China :: People's Republic of China|PRC|P.R.C.|mainland China|Mainland China :: Chinese :: Beijing|Peking
COL :: Colombia :: Republic of Colombia :: Colombian|Colombians :: Bogota|Bogotá
COM :: Comoros :: the Comoros|Union of the Comoros :: Comoran|Comorian|Comorians|Comorans :: Moroni
COG :: Republic of the Congo :: Republic of Congo|Congo-Brazzaville|Congo Brazzaville|Congo Republic|Congo (Brazzaville) ::  :: Brazzaville
COD :: Democratic Republic of the Congo :: Democratic Republic of Congo|DR Congo|D.R. Congo|DRC|D.R.C.|DR of Congo|Congo-Kinshasa|Congo (Kinshasa)|Zaire|Congo :: Congolese :: Kinshasa
CRI :: Costa Rica :: Republic of Costa Rica :: Costa Rican|Costa Ricans :: San Jose|San José
CIV :: Ivory Coast :: Côte d'Ivoire|Cote d'Ivoire|Côte d’Ivoire|Cote d’Ivoire|Republic of Côte d'Ivoire :: Ivorian|Ivorians|Ivoirian|Ivoirians :: Yamoussoukro|Abidjan
HRV :: Croatia :: Republic of Croatia|Hrvatska :: Croatian|Croatians|Croat|Croats :: Zagreb
CUB :: Cuba :: Republic of Cuba :: Cuban|Cubans :: Havana|La Habana
CYP :: Cyprus :: Republic of Cyprus :: Cypriot|Cypriots|Greek Cypriot|Greek Cypriots :: Nicosia
CZE :: Czech Republic :: Czechia :: Czech|Czechs :: Prague|Praha
DNK :: Denmark :: Kingdom of Denmark :: Danish|Dane|Danes :: Copenhagen
DJI :: Djibouti :: Republic of Djibouti :: Djiboutian|Djiboutians :: Djibouti City
DMA :: Dominica :: Commonwealth of Dominica ::  :: Roseau
DOM :: Dominican Republic :: Dominican Rep. :: Dominican|Dominicans :: Santo Domingo
ECU :: Ecuador :: Republic of Ecuador :: Ecuadorian|Ecuadorians|Ecuadorean|Ecuadoreans :: Quito
EGY :: Egypt :: Arab Republic of Egypt :: Egyptian|Egyptians :: Cairo
SLV :: El Salvador :: Republic of El Salvador :: Salvadoran|Salvadorans|Salvadorean|Salvadoreans :: San Salvador
GNQ :: Equatorial Guinea :: Republic of Equatorial Guinea :: Equatorial Guinean|Equatorial Guineans|Equatoguinean|Equatoguineans :: Malabo|Ciudad de la Paz
ERI :: Eritrea :: State of Eritrea :: Eritrean|Eritreans :: Asmara
EST :: Estonia :: Republic of Estonia :: Estonian|Estonians :: Tallinn
SWZ :: Eswatini :: Swaziland|Kingdom of Eswatini :: Swazi|Swazis|Emaswati :: Mbabane|Lobamba
ETH :: Ethiopia :: Federal Democratic Republic of Ethiopia|Abyssinia :: Ethiopian|Ethiopians :: Addis Ababa
FJI :: Fiji :: Republic of Fiji :: Fijian|Fijians :: Suva
FIN :: Finland :: Republic of Finland|Suomi :: Finnish|Finn|Finns :: Helsinki
FRA :: France :: French Republic|République française :: French|Frenchman|Frenchmen|Frenchwoman|Frenchwomen :: Paris
GAB :: Gabon :: Gabonese Republic :: Gabonese :: Libreville
GMB :: Gambia :: The Gambia|the Gambia|Republic of The Gambia :: Gambian|Gambians :: Banjul
GEO :: Georgia :: Sakartvelo :: Georgian|Georgians :: Tbilisi|Tiflis
DEU :: Germany :: Federal Republic of Germany|Deutschland :: German|Germans :: Berlin
GHA :: Ghana :: Republic of Ghana :: Ghanaian|Ghanaians :: Accra
GRC :: Greece :: Hellenic Republic|Hellas :: Greek|Greeks|Hellenic :: Athens
GRD :: Grenada ::  :: Grenadian|Grenadians :: St. George's|St George's|Saint George's
GTM :: Guatemala :: Republic of Guatemala :: Guatemalan|Guatemalans :: Guatemala City
GIN :: Guinea :: Republic of Guinea|Guinea-Conakry|Guinea Conakry :: Guinean|Guineans :: Conakry
GNB :: Guinea-Bissau :: Guinea Bissau|Republic of Guinea-Bissau :: Bissau-Guinean|Bissau-Guineans :: Bissau
GUY :: Guyana :: Co-operative Republic of Guyana :: Guyanese :: Georgetown
HTI :: Haiti :: Republic of Haiti|Haïti :: Haitian|Haitians :: Port-au-Prince|Port au Prince
HND :: Honduras :: Republic of Honduras :: Honduran|Hondurans :: Tegucigalpa
HUN :: Hungary ::  :: Hungarian|Hungarians|Magyar|Magyars :: Budapest
ISL :: Iceland ::  :: Icelandic|Icelander|Icelanders :: Reykjavik|Reykjavík
IND :: India :: Republic of India|Bharat :: Indian|Indians :: New Delhi|Delhi
IDN :: Indonesia :: Republic of Indonesia :: Indonesian|Indonesians :: Jakarta|Nusantara
IRN :: Iran :: Islamic Republic of Iran|Persia :: Iranian|Iranians|Persian|Persians :: Tehran|Teheran
IRQ :: Iraq :: Republic of Iraq :: Iraqi|Iraqis :: Baghdad
IRL :: Ireland :: Republic of Ireland|Eire|Éire :: Irish|Irishman|Irishmen|Irishwoman|Irishwomen :: Dublin
ISR :: Israel :: State of Israel :: Israeli|Israelis :: Jerusalem
ITA :: Italy :: Italian Republic|Italia :: Italian|Italians :: Rome|Roma
JAM :: Jamaica ::  :: Jamaican|Jamaicans :: Kingston
JPN :: Japan :: Nippon|Nihon :: Japanese :: Tokyo
JOR :: Jordan :: Hashemite Kingdom of Jordan :: Jordanian|Jordanians :: Amman
KAZ :: Kazakhstan :: Republic of Kazakhstan|Kazakstan :: Kazakh|Kazakhs|Kazakhstani|Kazakhstanis :: Astana|Nur-Sultan|Akmola
KEN :: Kenya :: Republic of Kenya :: Kenyan|Kenyans :: Nairobi
KIR :: Kiribati :: Republic of Kiribati :: I-Kiribati :: Tarawa|South Tarawa
KWT :: Kuwait :: State of Kuwait :: Kuwaiti|Kuwaitis :: Kuwait City
KGZ :: Kyrgyzstan :: Kyrgyz Republic|Kirghizia|Kirgizstan|Kyrgyzia :: Kyrgyz|Kyrgyzstani|Kyrgyzstanis|Kirghiz :: Bishkek
LAO :: Laos :: Lao PDR|Lao People's Democratic Republic :: Laotian|Laotians|Lao :: Vientiane
LVA :: Latvia :: Republic of Latvia :: Latvian|Latvians :: Riga
LBN :: Lebanon :: Lebanese Republic :: Lebanese :: Beirut
LSO :: Lesotho :: Kingdom of Lesotho :: Basotho|Mosotho :: Maseru
LBR :: Liberia :: Republic of Liberia :: Liberian|Liberians :: Monrovia
LBY :: Libya :: State of Libya|Libyan Arab Jamahiriya :: Libyan|Libyans :: Tripoli
LIE :: Liechtenstein :: Principality of Liechtenstein :: Liechtensteiner|Liechtensteiners :: Vaduz
LTU :: Lithuania :: Republic of Lithuania :: Lithuanian|Lithuanians :: Vilnius
LUX :: Luxembourg :: Grand Duchy of Luxembourg :: Luxembourger|Luxembourgers|Luxembourgish :: Luxembourg City
MDG :: Madagascar :: Republic of Madagascar :: Malagasy :: Antananarivo
MWI :: Malawi :: Republic of Malawi|Nyasaland :: Malawian|Malawians :: Lilongwe
MYS :: Malaysia ::  :: Malaysian|Malaysians :: Kuala Lumpur|Putrajaya
MDV :: Maldives :: the Maldives|Republic of Maldives :: Maldivian|Maldivians :: Malé
MLI :: Mali :: Republic of Mali :: Malian|Malians :: Bamako
MLT :: Malta :: Republic of Malta :: Maltese :: Valletta|Valetta
MHL :: Marshall Islands :: Republic of the Marshall Islands :: Marshallese :: Majuro
MRT :: Mauritania :: Islamic Republic of Mauritania :: Mauritanian|Mauritanians :: Nouakchott
MUS :: Mauritius :: Republic of Mauritius :: Mauritian|Mauritians :: Port Louis|Port-Louis
MEX :: Mexico :: United Mexican States|México :: Mexican|Mexicans :: Mexico City
FSM :: Micronesia :: Federated States of Micronesia :: Micronesian|Micronesians :: Palikir
MDA :: Moldova :: Republic of Moldova|Moldavia :: Moldovan|Moldovans :: Chisinau|Chișinău|Kishinev
MCO :: Monaco :: Principality of Monaco :: Monegasque|Monégasque|Monegasques ::
MNG :: Mongolia ::  :: Mongolian|Mongolians :: Ulaanbaatar|Ulan Bator
MNE :: Montenegro :: Crna Gora :: Montenegrin|Montenegrins :: Podgorica
MAR :: Morocco :: Kingdom of Morocco :: Moroccan|Moroccans :: Rabat
MOZ :: Mozambique :: Republic of Mozambique :: Mozambican|Mozambicans :: Maputo
MMR :: Myanmar :: Burma|Republic of the Union of Myanmar :: Burmese|Myanmarese :: Naypyidaw|Nay Pyi Taw|Naypyitaw|Yangon|Rangoon
NAM :: Namibia :: Republic of Namibia :: Namibian|Namibians :: Windhoek
NRU :: Nauru :: Republic of Nauru :: Nauruan|Nauruans :: Yaren
NPL :: Nepal :: Federal Democratic Republic of Nepal :: Nepali|Nepalis|Nepalese :: Kathmandu
NLD :: Netherlands :: the Netherlands|Holland|Kingdom of the Netherlands :: Dutch|Dutchman|Dutchmen|Dutchwoman|Dutchwomen :: Amsterdam|The Hague
NZL :: New Zealand :: Aotearoa :: New Zealander|New Zealanders|Kiwi|Kiwis :: Wellington
NIC :: Nicaragua :: Republic of Nicaragua :: Nicaraguan|Nicaraguans :: Managua
NER :: Niger :: Republic of Niger|Republic of the Niger :: Nigerien|Nigeriens :: Niamey
NGA :: Nigeria :: Federal Republic of Nigeria :: Nigerian|Nigerians :: Abuja
PRK :: North Korea :: DPRK|D.P.R.K.|Democratic People's Republic of Korea|N. Korea :: North Korean|North Koreans :: Pyongyang
MKD :: North Macedonia :: Macedonia|Republic of North Macedonia|FYROM|Former Yugoslav Republic of Macedonia :: Macedonian|Macedonians|North Macedonian|North Macedonians :: Skopje
NOR :: Norway :: Kingdom of Norway :: Norwegian|Norwegians :: Oslo
OMN :: Oman :: Sultanate of Oman :: Omani|Omanis :: Muscat
PAK :: Pakistan :: Islamic Republic of Pakistan :: Pakistani|Pakistanis :: Islamabad
PLW :: Palau :: Republic of Palau|Belau :: Palauan|Palauans :: Ngerulmud|Melekeok
PAN :: Panama :: Republic of Panama|Panamá :: Panamanian|Panamanians :: Panama City
PNG :: Papua New Guinea :: PNG|Independent State of Papua New Guinea :: Papua New Guinean|Papua New Guineans :: Port Moresby
PRY :: Paraguay :: Republic of Paraguay :: Paraguayan|Paraguayans :: Asuncion|Asunción
PER :: Peru :: Republic of Peru|Perú :: Peruvian|Peruvians :: Lima
PHL :: Philippines :: the Philippines|Republic of the Philippines :: Filipino|Filipinos|Filipina|Filipinas|Philippine :: Manila
POL :: Poland :: Republic of Poland|Polska :: Polish|Pole|Poles :: Warsaw|Warszawa
PRT :: Portugal :: Portuguese Republic :: Portuguese :: Lisbon|Lisboa
QAT :: Qatar :: State of Qatar :: Qatari|Qataris :: Doha
ROU :: Romania :: Rumania|Roumania :: Romanian|Romanians :: Bucharest
RUS :: Russia :: Russian Federation :: Russian|Russians :: Moscow
RWA :: Rwanda :: Republic of Rwanda :: Rwandan|Rwandans|Rwandese :: Kigali
KNA :: Saint Kitts and Nevis :: St Kitts and Nevis|St. Kitts and Nevis|St Kitts|St. Kitts|Saint Kitts|Federation of Saint Christopher and Nevis :: Kittitian|Kittitians|Nevisian|Nevisians :: Basseterre
LCA :: Saint Lucia :: St Lucia|St. Lucia :: Saint Lucian|Saint Lucians|St Lucian|St Lucians :: Castries
VCT :: Saint Vincent and the Grenadines :: St Vincent and the Grenadines|St. Vincent and the Grenadines|St Vincent|St. Vincent|Saint Vincent :: Vincentian|Vincentians :: Kingstown
WSM :: Samoa :: Independent State of Samoa|Western Samoa :: Samoan|Samoans :: Apia
SMR :: San Marino :: Republic of San Marino :: Sammarinese :: City of San Marino
STP :: Sao Tome and Principe :: São Tomé and Príncipe|São Tomé & Príncipe|Sao Tome & Principe :: Santomean|Santomeans :: São Tomé|Sao Tome
SAU :: Saudi Arabia :: Kingdom of Saudi Arabia|KSA :: Saudi|Saudis|Saudi Arabian|Saudi Arabians :: Riyadh
SEN :: Senegal :: Republic of Senegal :: Senegalese :: Dakar
SRB :: Serbia :: Republic of Serbia :: Serbian|Serbians|Serb|Serbs :: Belgrade|Beograd
SYC :: Seychelles :: the Seychelles|Republic of Seychelles :: Seychellois ::
SLE :: Sierra Leone :: Republic of Sierra Leone :: Sierra Leonean|Sierra Leoneans :: Freetown
SGP :: Singapore :: Republic of Singapore :: Singaporean|Singaporeans ::
SVK :: Slovakia :: Slovak Republic :: Slovak|Slovaks|Slovakian|Slovakians :: Bratislava
SVN :: Slovenia :: Republic of Slovenia :: Slovenian|Slovenians|Slovene|Slovenes :: Ljubljana
SLB :: Solomon Islands :: the Solomons|Solomons :: Solomon Islander|Solomon Islanders :: Honiara
SOM :: Somalia :: Federal Republic of Somalia :: Somali|Somalis :: Mogadishu
ZAF :: South Africa :: Republic of South Africa|RSA :: South African|South Africans :: Pretoria|Cape Town|Bloemfontein
KOR :: South Korea :: Republic of Korea|ROK|R.O.K.|S. Korea :: South Korean|South Koreans :: Seoul
SSD :: South Sudan :: Republic of South Sudan :: South Sudanese :: Juba
ESP :: Spain :: Kingdom of Spain|España :: Spanish|Spaniard|Spaniards :: Madrid
LKA :: Sri Lanka :: Democratic Socialist Republic of Sri Lanka|Ceylon :: Sri Lankan|Sri Lankans :: Colombo|Sri Jayawardenepura Kotte|Kotte
SDN :: Sudan :: the Sudan|Republic of the Sudan|Republic of Sudan :: Sudanese :: Khartoum|Port Sudan
SUR :: Suriname :: Surinam|Republic of Suriname :: Surinamese|Surinamer|Surinamers :: Paramaribo
SWE :: Sweden :: Kingdom of Sweden|Sverige :: Swedish|Swede|Swedes :: Stockholm
CHE :: Switzerland :: Swiss Confederation|Confoederatio Helvetica :: Swiss :: Bern|Berne
SYR :: Syria :: Syrian Arab Republic :: Syrian|Syrians :: Damascus
TJK :: Tajikistan :: Republic of Tajikistan|Tadzhikistan :: Tajik|Tajiks|Tajikistani|Tajikistanis :: Dushanbe
TZA :: Tanzania :: United Republic of Tanzania :: Tanzanian|Tanzanians :: Dodoma|Dar es Salaam
THA :: Thailand :: Kingdom of Thailand|Siam :: Thai|Thais :: Bangkok
TLS :: Timor-Leste :: East Timor|Timor Leste|Democratic Republic of Timor-Leste :: Timorese|East Timorese :: Dili
TGO :: Togo :: Togolese Republic :: Togolese :: Lome|Lomé
TON :: Tonga :: Kingdom of Tonga :: Tongan|Tongans :: Nuku'alofa|Nukualofa
TTO :: Trinidad and Tobago :: Trinidad|Trinidad & Tobago|Republic of Trinidad and Tobago :: Trinidadian|Trinidadians|Tobagonian|Tobagonians :: Port of Spain|Port-of-Spain
TUN :: Tunisia :: Tunisian Republic|Republic of Tunisia :: Tunisian|Tunisians :: Tunis
TUR :: Turkey :: Türkiye|Turkiye|Republic of Türkiye|Republic of Turkey :: Turkish|Turk|Turks :: Ankara
TKM :: Turkmenistan ::  :: Turkmen|Turkmens|Turkmenistani|Turkmenistanis :: Ashgabat|Ashkhabad
TUV :: Tuvalu ::  :: Tuvaluan|Tuvaluans :: Funafuti
UGA :: Uganda :: Republic of Uganda :: Ugandan|Ugandans :: Kampala
UKR :: Ukraine :: the Ukraine :: Ukrainian|Ukrainians :: Kyiv|Kiev
ARE :: United Arab Emirates :: UAE|U.A.E.|Emirates|the Emirates :: Emirati|Emiratis :: Abu Dhabi
GBR :: United Kingdom :: UK|U.K.|Britain|Great Britain|United Kingdom of Great Britain and Northern Ireland|England|Scotland|Wales|Northern Ireland :: British|Briton|Britons|Brit|Brits|English|Englishman|Englishmen|Englishwoman|Scottish|Scot|Scots|Welsh|Northern Irish :: London
USA :: United States :: US|U.S.|USA|U.S.A.|United States of America|America :: American|Americans :: Washington|Washington, D.C.|Washington DC|Washington D.C.
URY :: Uruguay :: Oriental Republic of Uruguay :: Uruguayan|Uruguayans :: Montevideo
UZB :: Uzbekistan :: Republic of Uzbekistan :: Uzbek|Uzbeks|Uzbekistani|Uzbekistanis :: Tashkent
VUT :: Vanuatu :: Republic of Vanuatu|New Hebrides :: Ni-Vanuatu :: Port Vila|Port-Vila
VEN :: Venezuela :: Bolivarian Republic of Venezuela :: Venezuelan|Venezuelans :: Caracas
VNM :: Vietnam :: Viet Nam|Socialist Republic of Vietnam :: Vietnamese :: Hanoi|Ha Noi
YEM :: Yemen :: Republic of Yemen :: Yemeni|Yemenis|Yemenite|Yemenites :: Sanaa|Sana'a|Aden
ZMB :: Zambia :: Republic of Zambia :: Zambian|Zambians :: Lusaka
ZWE :: Zimbabwe :: Republic of Zimbabwe|Rhodesia :: Zimbabwean|Zimbabweans :: Harare
KOS :: Kosovo :: Republic of Kosovo|Kosova :: Kosovar|Kosovars|Kosovan|Kosovans :: Pristina|Prishtina|Priština
PSE :: Palestine :: State of Palestine|Palestinian territories|Palestinian Territories|occupied Palestinian territories|Occupied Palestinian Territories|Occupied Palestinian Territory|West Bank|Gaza|Gaza Strip :: Palestinian|Palestinians :: Ramallah|East Jerusalem
TWN :: Taiwan :: Republic of China|ROC|R.O.C.|Formosa|Chinese Taipei :: Taiwanese :: Taipei
HKG :: Hong Kong :: Hong Kong SAR|HKSAR|Hongkong|Hong Kong Special Administrative Region :: Hong Konger|Hong Kongers|Hongkonger|Hongkongers ::
VAT :: Vatican City :: Vatican|the Vatican|Holy See|the Holy See|Vatican City State ::  ::
"""

HEADER = ("iso3", "name", "aliases", "demonyms", "capitals", "cameo")


def _split(field: str) -> list[str]:
    return [x.strip() for x in field.split("|") if x.strip()]


def _cameo_codes() -> set[str]:
    with CAMEO_COUNTRIES.open(encoding="utf-8") as f:
        return {row["code"] for row in csv.DictReader(f, delimiter="\t")}


def build() -> list[tuple[str, ...]]:
    cameo = _cameo_codes()
    rows: list[tuple[str, ...]] = []
    seen: set[str] = set()
    for line in DATA.strip().splitlines():
        parts = [p.strip() for p in line.split("::")]
        if len(parts) != 5:
            raise SystemExit(f"bad line: {line!r}")
        iso3, name, aliases, demonyms, capitals = parts
        if iso3 in seen:
            raise SystemExit(f"duplicate {iso3}")
        seen.add(iso3)
        alias_list = _split(aliases)
        rec = pycountry.countries.get(alpha_3=iso3)
        if rec is None and iso3 not in SPECIAL:
            raise SystemExit(f"unknown ISO3 {iso3}")
        if rec is not None:
            for extra in (rec.name, getattr(rec, "official_name", None)):
                if (
                    extra
                    and extra != name
                    and extra not in SKIP_ISO_NAMES
                    and "," not in extra
                    and "(" not in extra
                ):
                    if extra not in alias_list:
                        alias_list.append(extra)
        code = CAMEO_OVERRIDE.get(iso3, iso3)
        if code not in cameo:
            print(
                f"note: {iso3} has no row in CAMEO country_codes.tsv; using {code}", file=sys.stderr
            )
        rows.append(
            (
                iso3,
                name,
                "|".join(alias_list),
                "|".join(_split(demonyms)),
                "|".join(_split(capitals)),
                code,
            )
        )
    return rows


def main() -> None:
    rows = build()
    with OUT.open("w", encoding="utf-8", newline="") as f:
        f.write(
            "# Sovereign states (193 UN members + Kosovo, Palestine, Taiwan, Hong Kong, Holy See).\n"
        )
        f.write("# Generated by scripts/build_countries.py from hand-written general knowledge;\n")
        f.write("# edit the script's DATA table, not this file. Lists are |-separated.\n")
        f.write(
            "# iso3 = PLOVER country code (ISO 3166 alpha-3; KOS for Kosovo); cameo = CAMEO code.\n"
        )
        f.write("\t".join(HEADER) + "\n")
        for row in rows:
            f.write("\t".join(row) + "\n")
    print(f"wrote {len(rows)} rows to {OUT}")


if __name__ == "__main__":
    main()
