"""English words the entity rules read: job titles, honorifics, connectors, company suffixes, heads
of facility names, nouns that announce a product, administrative words.

Language data as data: one table per kind of word, one word per entry, so adding a word is a
one-line change. The rules' patterns are built from these tables where they are used
(``identities``, ``spans``, ``products``); the tables are small, hand-written general knowledge,
not harvested from any corpus. Editors add names (not words) through the glossary.
"""

from __future__ import annotations

# Words that build job titles ("Deputy Pentagon Press Secretary"): kept as the person's description.
TITLE_WORDS = frozenset("""
acting adm admiral agent ambassador analyst assistant associate attorney bishop brig brigadier cap capt
captain cardinal ceo cfo chair chairman chairwoman chairperson chancellor chief cmdr col colonel commander
commissioner congressman congresswoman coo correspondent councillor councilman councilwoman counsel cpl cto
dame deputy detective dir director doctor dr economist editor emir envoy executive father first foreign
gen general gov governor judge justice king lady leader lieut lieutenant lord maj major manager marshal
mayor minister miss mr mrs ms officer pastor pope premier president press prime prince princess principal
prof professor prosecutor queen rabbi rep representative sec secretary sen senator senior sergeant sgt
sheikh sir speaker special spokesman spokesperson spokeswoman state superintendent supreme treasurer
under undersecretary vice
""".split())

# Roles and trades written before a name like a title ("Farmer Tom Ashworth", "neighbour Mary
# Lowther"): the person is Tom Ashworth, the role his description.
ROLE_WORDS = frozenset("""
actor actress artist author campaigner chef coach constable driver farmer firefighter
headmaster headmistress headteacher historian inspector landlady landlord mep mp msp neighbor
neighbour nurse owner paramedic pensioner photographer pilot resident rev reverend shopkeeper
singer student teacher vicar volunteer
""".split())
TITLE_WORDS = TITLE_WORDS | ROLE_WORDS  # roles are weak titles (below): only next to a person

# Last words of the names of organisations and services: no person's name ends with them
# ("Volunteer Fire Department" is no volunteer called Fire Department).
ORG_HEADS = frozenset("""
agency aircraft airlines airplanes airways association authority board brigade capital centre center
club college committee communications company council department electronics engineering federation
force group holdings hospital industries institute laboratories league management ministry motors
networks office partners partnership pharmaceuticals police records school service services society
studios systems team technologies trust union university
""".split())

# Title words that may also start a real name ("General Motors", "Supreme Court", "First Solar"):
# they only count as a title next to a person.
WEAK_TITLE_WORDS = frozenset({"first", "general", "supreme", "state", "foreign", "special", "executive",
                              "press", "senior", "principal", "major", "chief", "acting"}) | ROLE_WORDS

# Words that sharpen a job title ("Defense Secretary") without being titles alone.
TITLE_MODIFIERS = frozenset("""
defense defence interior treasury health finance justice trade energy home economy economic
transport transportation education labor labour agriculture environment commerce security
foreign communications intelligence military national homeland affairs public media presiding
""".split())

# Words that name a storm before its given name ("Storm Ingrid", "Hurricane Maria"): an EVENT.
STORM_WORDS = frozenset({"storm", "hurricane", "typhoon", "cyclone"})
# Last words of the names of schemes, programmes, laws and awards ("Warm Homes Scheme", "Clean
# Air Act"): things, not organisations or people (OTHER).
# ("Bill" and "Grant" are surnames too: not here.)
SCHEME_HEADS = frozenset({"scheme", "programme", "program", "initiative", "strategy", "plan", "act",
                          "allowance", "award", "prize", "treaty", "accord"})

# Titles of address: a name after nothing but these gets no description ("Mr Smith").
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lady", "lord", "mx"})

# Lower-case words allowed inside a run of capitalised words ("Bank of England", "Abu Bakr al
# Baghdadi"); "and" only joins names inside a title, never two names into one.
CONNECTORS = frozenset({"of", "for", "and", "&", "the", "on", "de", "al", "bin"})

# Articles trimmed off the front of a span ("the Pentagon" is "Pentagon"), as written.
LEADING_ARTICLES = ("the", "The", "THE", "a", "an")
# Words a sentence may open with before a name defined by an acronym ("In General Motors (GM)").
SENTENCE_OPENERS = ("the", "a", "an", "in", "on", "at")

# Abbreviations whose full stop is part of the name ("Ford Motor Co.", "Martin Luther King Jr.").
ABBREVIATIONS = ("Inc", "Corp", "Ltd", "Co", "Jr", "Sr", "St")

# Legal-form suffixes: "Boeing Co" and "Boeing" are one company.
CORPORATE_SUFFIXES = ("inc", "corp", "corporation", "co", "ltd", "llc", "plc", "ag", "sa", "nv", "gmbh")
# The legal forms a company's written name may end with: "Ford Motor Company", "EADS N.V.".
# ("Company" is not one of them: the Royal Shakespeare Company is no "Royal Shakespeare".)
LEGAL_FORMS = ("inc", "incorporated", "corp", "corporation", "co", "ltd", "limited", "llc",
               "plc", "ag", "sa", "s\\.a", "nv", "n\\.v", "gmbh", "spa", "s\\.p\\.a")
# The words a company's full name adds to what the text calls it: "Ford Motor Company" is "Ford",
# "Chrysler Group LLC" is "Chrysler".
CORPORATE_TAIL_WORDS = ("motor", "motors", "company", "co", "corporation", "corp", "group", "holding",
                        "holdings", "inc", "incorporated", "ltd", "limited", "llc", "plc", "ag", "sa", "nv",
                        "spa", "gmbh", "aircraft", "capital", "management", "partners", "industries",
                        "technologies")
# (Not "Airlines" or "Airways": "Singapore Airlines" is not what the text calls "Singapore".)
# Tail words that are the name itself when nothing else goes: "General Motors" is not "General".
MAKER_WORDS = frozenset({"motor", "motors"})
# Words that are no name alone, whatever the model read: a capitalised conjunction opening a
# sentence, and the generic word a longer name was cut down to ('Secretary of State', 'District
# Attorney', 'Justice Department', 'ST. PAUL').
LONE_NON_NAMES = frozenset({"but", "and", "or", "yet", "so", "then", "also", "department", "district",
                            "state", "st", "county", "ministry", "office"})
# Words a company's name goes on with after the short name the text used before ('Apple Computer',
# 'Ford Motor'); another proper noun after a company's name is often its product ('Ford Explorer').
COMPANY_NAME_GOES_ON = frozenset(CORPORATE_TAIL_WORDS) | {
    "computer", "computers", "systems", "software", "electronics", "communications", "networks", "media",
    "bank", "financial", "insurance", "energy", "oil", "airlines", "airways", "international", "global",
    "entertainment", "pharmaceuticals", "foods", "steel", "chemical", "chemicals", "enterprises",
    "brothers", "associates", "labs", "laboratories", "aerospace", "automotive", "trucks", "airplanes",
}

# Last words of the names of operators of vehicles ("American Airlines", "Amtrak Railways"): a model
# code after one ("American Airlines 777") is a vehicle it operates, not a product it makes.
OPERATOR_HEADS = frozenset({"airlines", "airways", "railways", "railroad", "lines", "cargo"})

# Ordinals a headline opens with ("First Airbus A380 delivered"): no part of a product's name.
ORDINAL_WORDS = frozenset({"first", "second", "third", "fourth", "fifth", "final", "last", "latest", "next"})

# Words after a number that make it an amount, not a model code ("737 million", "5 per cent").
AMOUNT_WORDS = frozenset({"%", "percent", "per", "billion", "million"})

# Last words of names of buildings and installations (OntoNotes FAC).
FACILITY_HEADS = frozenset({"airport", "hospital", "stadium", "bridge", "station", "prison", "tower",
                            "palace", "cathedral", "mosque", "church", "temple", "arena", "base",
                            "embassy", "consulate", "dam", "tunnel", "highway", "square", "terminal",
                            "racecourse", "basilica", "chapel", "abbey", "shrine", "synagogue",
                            "monastery"})
# Heads that make a place's name run on into a facility's ("West Coast Main Line", "Settle Railway"); alone
# after a name they need the place before them, so they are not FACILITY_HEADS ("Eden Line" ...).
FACILITY_TAILS = frozenset({"line", "railway", "motorway", "bypass", "viaduct", "pier"})
FACILITY_BIGRAMS = frozenset({("medical", "center"), ("medical", "centre"), ("air", "base"),
                              ("naval", "base"), ("military", "base")})

# "social media platform X", "messaging app Signal": the noun announces a product name.
PLATFORM_NOUNS = frozenset({"platform", "app", "application", "messenger", "browser", "website", "site",
                            "chatbot", "console", "smartphone", "handset", "software"})

# "Anbar province": an administrative word after a place name; the name keeps it, the alias drops it.
ADMIN_WORDS = frozenset({"province", "governorate", "region", "district", "county", "prefecture",
                         "oblast", "state", "canton", "department", "municipality", "territory"})
# Administrative words that, capitalised and alone after a name, usually make another name
# ("Ohio State", "Justice Department") rather than an area.
INSTITUTION_ADMIN_WORDS = frozenset({"state", "department"})

# The head noun of an apposition says what a name is ("Tiger, the newest version of ...", "Cerberus,
# the private equity firm"): used only for names the model typed PERSON, ORG or OTHER from their
# capitals. Nouns by lemma.
APPOSITION_TYPES = {
    **dict.fromkeys(("version", "release", "model", "successor", "smartphone", "phone", "handset",
                     "tablet", "laptop", "computer", "device", "gadget", "software", "app", "console",
                     "aircraft", "airliner", "plane", "jet", "car", "vehicle", "truck", "drug",
                     "vaccine", "product", "brand"), "PRODUCT"),
    **dict.fromkeys(("company", "firm", "carrier", "airline", "maker", "manufacturer", "automaker",
                     "carmaker", "planemaker", "retailer", "chain", "bank", "lender", "insurer",
                     "group", "charity", "agency", "label", "band", "broadcaster", "newspaper",
                     "publisher", "supplier", "operator", "subsidiary", "division", "club", "magazine",
                     "tabloid", "broadcaster", "channel"), "ORG"),
}
APPOSITION_RETYPES = frozenset({"PERSON", "ORG", "OTHER"})

# Last words of the names of events ("Paris Air Show", "Worldwide Developers Conference"): an EVENT
# whatever the model read in its capitals.
EVENT_HEADS = frozenset({"conference", "summit", "festival", "show", "expo", "games", "olympics",
                         "championships", "marathon", "war", "cup"})

# Nouns that announce a model's name ("its next model Falcon", "the nameplate Vireo"): a product.
MODEL_NOUNS = frozenset({"model", "nameplate", "codename"})
# Words that end the names of organisations and their businesses, beside ``ORG_HEADS``: "the Ford
# Foundation", "the Acme Store" are no products of a company named "Ford" or "Acme".
ORG_NAME_WORDS = frozenset({"foundation", "store", "stores", "shop", "building", "research", "labs", "lab",
                            "bank", "media", "news", "energy", "entertainment", "pictures", "international",
                            "global", "worldwide", "family", "brothers", "sons", "museum", "park", "plant",
                            "factory", "headquarters", "campus", "unit", "division", "subsidiary", "board",
                            "fund", "financial", "insurance", "health", "care", "press", "publishing",
                            "television", "radio", "books", "academy", "administration", "government",
                            "assembly", "parliament", "congress", "senate", "court", "party", "campaign",
                            "army", "navy", "church", "cabinet", "commission", "movement", "alliance",
                            "coalition", "network", "channel", "show", "times", "post", "journal", "clinic",
                            "surgery", "practice", "pharmacy", "restaurant", "cafe", "bar", "hotel", "inn",
                            "salon", "studio", "gallery", "theatre", "theater", "library", "market", "mall"})

# Currency codes ("$99 (USD)", "249 EUR"): part of an amount, never an organisation.
CURRENCY_CODES = frozenset({"USD", "EUR", "GBP", "JPY", "CNY", "RMB", "CHF", "AUD", "CAD", "NZD",
                            "INR", "RUB", "HKD", "SGD", "SEK", "NOK", "DKK", "KRW", "BRL", "MXN", "ZAR"})

# "River Wensum", "the Frobble River", "Lake Opal": a capitalised name with the word for a body of
# water is a place (LOC) the model often misses. WATER_PREFIXES go before the name, WATER_SUFFIXES
# after it ('Elbow Lake' is as often a town: not a suffix). A name ending in one of
# WATER_NAME_STOPS is a street, an island or a body ('River Avenue', 'Lake County', 'River Plate').
WATER_PREFIXES = frozenset({"river", "lake", "loch", "lough"})
WATER_SUFFIXES = frozenset({"river"})
WATER_NAME_STOPS = frozenset({"avenue", "road", "street", "drive", "lane", "way", "boulevard", "place",
                              "park", "island", "islands", "plate", "valley", "county", "city", "district",
                              "authority", "estates", "estate", "court", "terrace", "crossing", "house"})

# Lemmas that, in a sentence with 'the Eden' (a river's bare name after 'the'), say the name is the
# river's: what water does and where it runs ('the Lune burst its banks', 'the Greta rose').
WATER_CONTEXT = frozenset({"bank", "banks", "burst", "flood", "floodwater", "floodwaters", "rise", "peak",
                           "level", "swell", "swollen", "overflow", "overtop", "lap", "water", "flow",
                           "spate", "upstream", "downstream", "confluence", "tributary", "weir", "crest",
                           "meet", "riverbank", "source", "mouth", "estuary", "canoe", "kayak", "fish",
                           "angler", "salmon", "trout", "wade", "rose", "risen", "rising"})

# Words that end a street's name and never a person's ('Warwick Road', 'Botchergate Street';
# not 'Lane', 'Way', 'Close', 'Drive': Nathan Lane, Kevin Drive are people).
STREET_HEADS = frozenset({"road", "street", "avenue", "boulevard", "terrace", "crescent", "square"})
