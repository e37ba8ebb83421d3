"""Word lists for the synthetic corpus: invented people, organisations, places.

People's names come from bench/vocabulary.py (generated, ~100k distinct words);
the organisation pattern gives ~100k organisations.
"""
from __future__ import annotations

ROLES = """
Finance Minister|Foreign Minister|Defence Minister|Energy Minister|Trade Minister|Health Minister|
Interior Minister|Prime Minister|President|Vice President|Central Bank Governor|Chief Economist|
Chief Executive|Chief Financial Officer|Chair|Deputy Chair|Secretary-General|Ambassador|Spokesperson|
Senator|Opposition Leader|Mayor|Governor|Director-General|Commissioner|Head of Research|Chief Strategist|
Fleet Commander|Chief Negotiator|Attorney General|Board Member|Senior Adviser|Regional Director|
Labour Minister|Agriculture Minister|Transport Minister|Climate Envoy|Special Envoy|Chief Justice
""".replace("\n", "").split("|")

ORG_ADJECTIVES = """
Northern Southern Eastern Western Central Atlantic Pacific Continental National Federal Royal United
Allied Coastal Highland Lowland Global Regional Independent Democratic Progressive Liberal Conservative
Civic Public Popular Maritime Alpine Baltic Arctic Tropical Metropolitan Rural Industrial Sovereign
Strategic Joint Mutual Cooperative International Interstate Transnational Riverine Steppe Delta Meridian
Polar Equatorial Inland Frontier Summit Union Grand Capital Harbour Valley Crescent Northwest Southeast
""".split()

ORG_NOUNS = """
Grain Rail Shipping Energy Power Water Steel Copper Lithium Telecom Data Satellite Aviation Freight
Textile Timber Fisheries Mining Petroleum Gas Solar Wind Nuclear Housing Credit Savings Insurance Pension
Health Vaccine Pharmaceutical Medical Education Research Science Space Defence Security Border Customs
Trade Export Import Labour Workers Farmers Teachers Nurses Transport Highways Ports Logistics Semiconductor
Battery Automotive Media Broadcasting Publishing Tourism Wine Coffee Cotton Dairy Sugar Rice Maize Salt
""".split()

ORG_KINDS = """
Authority Council Commission Agency Bank Fund Institute Association Federation Union Board Alliance
Corporation Group Holdings Consortium Foundation Ministry Party Front Bureau League Exchange Observatory
""".split()

# Real-looking place names for invented towns: prefix + suffix.
PLACE_HEADS = """
Vel Kar Mor Tal Bren Ost Dun Sal Kesh Val Arn Lor Mar Tor Zel Hav Ril Cor Nov Bel Gal Dor Fen Har
Lun Mir Pel Ros Sev Tam Ulm Var Wen Yor Zar Ash Brak Cal Esk Fal
""".split()

PLACE_TAILS = """
ova grad ford mouth bury haven stad dorf polis ania mar more ton wick berg heim vik port sund holm
ila ara oro enza ovo ina ville field moor
""".split()

# Real countries with demonyms (NORP) and capitals used as metonyms.
COUNTRIES = [
    ("Brazil", "Brazilian", "Brasília"), ("Canada", "Canadian", "Ottawa"), ("Chile", "Chilean", "Santiago"),
    ("Egypt", "Egyptian", "Cairo"), ("France", "French", "Paris"), ("Germany", "German", "Berlin"),
    ("Ghana", "Ghanaian", "Accra"), ("India", "Indian", "New Delhi"), ("Indonesia", "Indonesian", "Jakarta"),
    ("Italy", "Italian", "Rome"), ("Japan", "Japanese", "Tokyo"), ("Kenya", "Kenyan", "Nairobi"),
    ("Mexico", "Mexican", "Mexico City"), ("Morocco", "Moroccan", "Rabat"), ("Nigeria", "Nigerian", "Abuja"),
    ("Norway", "Norwegian", "Oslo"), ("Peru", "Peruvian", "Lima"), ("Poland", "Polish", "Warsaw"),
    ("Portugal", "Portuguese", "Lisbon"), ("South Korea", "South Korean", "Seoul"), ("Spain", "Spanish", "Madrid"),
    ("Sweden", "Swedish", "Stockholm"), ("Turkey", "Turkish", "Ankara"), ("Vietnam", "Vietnamese", "Hanoi"),
    ("Argentina", "Argentine", "Buenos Aires"), ("Australia", "Australian", "Canberra"),
    ("Colombia", "Colombian", "Bogotá"), ("Finland", "Finnish", "Helsinki"), ("Greece", "Greek", "Athens"),
    ("Hungary", "Hungarian", "Budapest"), ("Ireland", "Irish", "Dublin"), ("Pakistan", "Pakistani", "Islamabad"),
    ("Philippines", "Filipino", "Manila"), ("Romania", "Romanian", "Bucharest"), ("Thailand", "Thai", "Bangkok"),
    ("Ukraine", "Ukrainian", "Kyiv"), ("Austria", "Austrian", "Vienna"), ("Denmark", "Danish", "Copenhagen"),
]

OUTLETS = ["Reuters", "the Financial Times", "Bloomberg", "the BBC", "Al Jazeera", "Le Monde", "CNBC",
           "the Associated Press", "Nikkei", "Der Spiegel"]

TOPICS = """
tariffs|interest rates|grain exports|shipping lanes|the budget deficit|fuel subsidies|the pension reform|
the border agreement|lithium contracts|the rail strike|water rationing|the fisheries quota|bond yields|
the housing shortage|the vaccine rollout|the satellite launch|the copper price|wage growth|
the election timetable|the ceasefire talks|the power grid|the data protection law|the minimum wage|
the coalition deal|crop insurance|the trade corridor|port congestion|the drought relief package|
the refinery expansion|the currency peg|the debt restructuring|the teachers' strike|the airport tender
""".replace("\n", "").split("|")

ACTIONS = [
    "raised its benchmark rate to cushion the impact of {topic}", "cut its growth forecast, citing {topic}",
    "suspended talks on {topic}", "approved a rescue package tied to {topic}", "rejected a proposal on {topic}",
    "announced new sanctions linked to {topic}", "opened an inquiry into {topic}", "froze spending on {topic}",
    "signed a framework deal on {topic}", "postponed a decision on {topic}", "doubled its investment in {topic}",
    "imposed new limits on {topic}", "lifted a ban tied to {topic}", "launched a review of {topic}",
    "warned of delays to {topic}", "extended the deadline for {topic}",
]

DAYS = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "over the weekend",
        "late on Sunday", "earlier this week", "this month"]

SCARE_PHRASES = ["Imminent Threat", "Red Line", "Point Of No Return", "Free Fall", "Good Place", "Wake-Up Call",
                 "Dead End", "Perfect Storm", "Tipping Point", "Blank Cheque", "Slow Burn", "Race To The Bottom"]

HEADLINE_VERBS = ["Warns Of", "Braces For", "Pushes Back On", "Doubles Down On", "Signals Shift On", "Defends",
                  "Faces Pressure Over", "Rules Out", "Eyes Deal On", "Weighs Curbs On", "Clashes With Rivals Over"]

# Pieces of things people say (direct quotations).
QUOTE_OPENERS = ["We will not", "We are ready to", "Nobody should", "We cannot", "This government will",
                 "Our partners must", "The markets should", "I have no intention to", "We intend to",
                 "It would be a mistake to", "There is no reason to", "We are determined to",
                 "No one in this room wants to", "We have been clear that we will"]
QUOTE_VERBS = ["accept", "delay", "reopen", "defend", "abandon", "finance", "renegotiate", "protect",
               "underestimate", "ignore", "rush", "revisit", "tolerate", "support"]
QUOTE_CLOSERS = ["at any price", "under pressure from anyone", "before the end of the year",
                 "without a proper debate", "while families are struggling", "in the coming weeks",
                 "as long as I hold this office", "on these terms", "without our allies",
                 "simply because it is popular", "at the expense of workers", "again"]

# Reported clauses: "X warned that ..."
REPORT_VERBS = ["said", "warned", "argued", "insisted", "suggested", "cautioned", "added", "acknowledged",
                "told reporters", "claimed"]
REPORT_SUBJECTS = ["the measures", "the deal", "the forecast", "the plan", "the agreement", "the decision",
                   "the new rules", "the timetable", "the review", "the funding"]
REPORT_PREDICATES = ["would hurt exporters", "was not a policy target", "remained on track",
                     "could collapse within weeks", "had been agreed in principle", "was unlikely to change",
                     "would be revisited next year", "needed broader support", "posed a risk to growth",
                     "was a matter for parliament", "would protect jobs", "had come too late"]

INSIGHT_QUESTIONS = [
    "Why is {org} changing course now?", "What does {person}'s position mean for {topic}?",
    "Could {place} reverse the decision?", "Who gains most from {topic}?",
    "How will markets read the move by {org}?", "What happens if the talks on {topic} fail?",
    "Is {person} isolated within the {org_short}?", "Will {place} follow suit?",
]
INSIGHT_ANSWERS = [
    "The timing suggests {org_short} wants to get ahead of {topic} before the next round of data.",
    "{person_short} has staked political capital on {topic}, so a retreat would be costly.",
    "Officials in {place} appear divided, which makes a quick reversal unlikely.",
    "Investors are likely to treat the decision as a signal that {topic} will stay on the agenda.",
    "A failure would leave {place} exposed to pressure from its neighbours.",
    "Much depends on whether {person_short} can hold the coalition together through the winter.",
    "The {nationality} side has signalled flexibility, but only on secondary issues.",
    "History suggests such pledges are rarely met in full.",
]

# Words for unknown names (never in the pools): the who "unknown" queries.
UNKNOWN_FIRST = ["Quillon", "Zephyrine", "Oberyn", "Thessaly", "Marguerat", "Cyprian", "Wystan", "Isolde",
                 "Peregrin", "Ottoline", "Lysander", "Galadriel", "Evander", "Philippa", "Ignatius", "Rosamund"]
UNKNOWN_LAST = ["Fairweather-Quix", "Underhollow", "Brightwater", "Thistlewood", "Ravensworth", "Ashcombe",
                "Quarrington", "Wexley-Moor", "Penhaligon", "Blackthorne", "Featherstonehaugh", "Cholmondeley"]

SEARCH_WORDS = ["tariffs", "grain", "pension reform", "ceasefire", "bond yields", "lithium", "rail strike",
                "drought relief", "currency", "refinery", "coalition", "vaccine", "satellite", "minimum wage",
                "shipping lanes", "housing", "debt restructuring", "airport tender", "fisheries", "power grid"]
QUOTE_WORDS = ["renegotiate", "at any price", "defend", "before the end of the year", "workers",
               "abandon", "allies", "ignore", "protect", "on these terms", "tolerate", "struggling",
               "finance", "debate", "popular", "underestimate"]
