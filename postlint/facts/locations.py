"""Where a posting's role is: places and remote scopes found in a Document.

Pay-transparency and similar laws attach to where the work is (or, for remote roles,
where it could be done), so rules need the posting's jurisdictions. Only places a posting
*gives as its location* count: front matter, `Location:` lines, the title, headings,
table cells, short lines at the top, and a few phrases that state the location
("this position is located in ..."). Other prose is not scanned, because "our customers
in Texas" does not make a Texas job.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from postlint.document import CODE, HEADING, LIST_ITEM, PARAGRAPH, TABLE_CELL, Block, Document
from postlint.facts.gazetteer import Gazetteer, country_of, skip
from postlint.facts.view import fact_blocks, fact_text, header_fields
from postlint.lazy_regex import lazy_regex
from postlint.regex_store import regex

if TYPE_CHECKING:
    from postlint.facts.cities import CityIndex

__all__ = ["Place", "find_places", "posting_jurisdictions"]

# Front-matter keys that conventionally hold a location, looked at besides the configured ones.
_CONVENTIONAL_KEYS = ("location", "locations", "city", "office", "job_location", "workplace")

# Labels of a location value, lowercased: "Location: Denver, CO", "Standort: München", "工作地点：上海". In Chinese
# postings the company's address ("公司地址：广州市天河区...") is where the job is, often the only place given.
# A job board's screening questions, over the job's own place: "Ability to commute/relocate:", then
# "- Denver, CO 80202: Reliably commute or planning to relocate before starting work (Required)".
_SCREENER_LABELS = ("ability to commute/relocate", "ability to commute", "ability to relocate")
_LABELS = frozenset(
    {
        "location", "locations", "location(s)", "job location", "job locations", "work location",
        "available locations", "open locations", "hiring locations", "eligible locations",
        "work locations", "office location", "office locations", "office", "offices", "based in", "where",
        "city", "remote", "duty station", "duty location", "worksite", "work site", "place of work",
        "position location", "ort", "standort", "standorte", "arbeitsort", "einsatzort", "dienstort", "lieu",
        "lieu de travail", "localisation", "locatie", "werklocatie", "ubicación", "ubicacion", "sede", "地点",
        "工作地点", "工作城市", "办公地点", "工作地址", "实习地点", "城市", "base地点", "位置", "工作位置", "办公位置",
        "勤務地", "base", "公司地址", "办公地址", "公司位置", "primary location", "other locations",
        "additional locations", "job site",
        # Portuguese, Spanish, Italian, Polish, Scandinavian and Finnish labels.
        "localização", "local de trabalho", "localidade", "localidad", "lugar de trabajo", "ciudad", "luogo di lavoro",
        "sede di lavoro", "località", "lokalizacja", "miejsce pracy", "arbetsort", "placering", "arbejdssted",
        "arbeidssted", "sijainti", "työpaikka", "standplaats",
        *_SCREENER_LABELS,
    }
)  # fmt: skip
# A heading that starts with one of these introduces the location ("## Location & Level", "## 工作地点").
_HEADING_LABELS = frozenset(
    {"location", "locations", "available locations", "open locations", "hiring locations",
     "standort", "standorte", "arbeitsort", "lieu", "localisation", "ubicación",
     "地点", "工作地点", "工作城市", "办公地点", "工作地址", "实习地点", "勤務地", "公司地址", "办公地址", "公司位置"}
)  # fmt: skip
# (separator, 1 if it needs a space on each side): a dash is searched alone, as one-character
# searches are several times faster than searching " – ".
# A bracketed Chinese label that opens its line needs no colon: "**【地点】** 上海市长宁区".
_SEPARATORS = ((":", 0), ("：", 0), (" - ", 0), ("–", 1), ("—", 1), ("】", 0))
_MARKUP = " \t*_#>-–—•·|»›◦▪►●■➢→"  # markup and the bullets scraped pages keep
_VALUE_END = lazy_regex(r"[|•·\n]")
# Words of the labels that `_label_lines` looks for alone on a line ("Location", "LOCATIONS", "Job Location").
_LABEL_LINE_NEEDLES = ("ocation", "OCATION")
# A scraped page that lost its line breaks glues each label to the end of the field before it: "Duration: 12 Months
# ContractLocation: Chesterfield, VA (100% Remote)Role: Tester". A capitalised location label right after a
# lower-case letter, a digit or a bracket is such a label; its value ends where the next glued label starts.
_GLUED_LABEL = lazy_regex(r"(?<=[a-z0-9)\]])(?:Job |Work )?Locations?\Z")
_GLUED_NEXT = lazy_regex(r"(?<=[a-z)\]])[A-Z][a-z]+(?: [A-Za-z][a-z]+){0,2}:")
_GLUED = "glued location"
_GLUED_ENDS = ("Location", "Locations")  # how every `_GLUED_LABEL` match ends: tested first, at C speed
_MID_LINE = "location in a line of fields"
# A location value that opens the job to anyone anywhere: "Location: Anywhere", "Location: Worldwide".
_ANYWHERE_VALUE = regex(r"[\s*_(]*(?:anywhere(?:\s+in\s+the\s+world)?|worldwide|world-wide)[\s*_.)]*\Z", re.IGNORECASE)
# A Chinese label, then a word saying how it holds: "工作地点支持：北京 / 深圳办公", "办公地点为：上海".
_ZH_LABEL_TAIL = regex(r"([\u4e00-\u9fff]{2,5}?)(?:支持|为|是|在|可选|可以是|包括)\Z")
# "Base 北京", "Based in Berlin" as a line of its own.
_BASE_LINE = regex(r"^[ \t>*_#\-]*(?:based\s+in|base)[ \t]+([^\n]{1,40}?)[ \t*_]*$", re.IGNORECASE | re.MULTILINE)

# "This role is open to candidates in Germany, Spain or Portugal": where the employer takes hires from.
_OPEN_TO_CUES = (
    "candidates in", "candidates based in", "candidates located in", "candidates residing in", "applicants in",
    "applicants based in", "applicants located in", "applicants residing in",
)  # fmt: skip
# Phrases that state the posting's location inside a sentence, found by their anchor words.
_CUES = (
    "located in", "based in", "locations in", "offices in", "office in", "commute to", "relocate to",
    # "our offices are in Ottawa, Toronto and Montreal", "our HQ is in Chicago".
    "offices are in", "office is in", "hq is in", "HQ is in", "headquarters is in", "headquarters are in",
    # French: "nous avons des bureaux à Ottawa", "le poste est basé à Montréal", "nos bureaux sont situés à
    # Ottawa, à Montréal".
    "bureaux à", "bureau à", "basé à", "basée à", "situé à", "située à", "situés à", "situées à",
    # "Ce poste est offert à Ottawa, Toronto ou Montréal": where the employer opens the role.
    "offert à", "offerte à", "offerts à", "offertes à",
    # Dutch and German: "vanuit ons kantoor in Rotterdam", "an unserem Standort in Innsbruck oder Wien".
    "kantoor in", "Büro in", "Büros in", "Standort in", "Standorten in", "Office in",
    *_OPEN_TO_CUES,
)  # fmt: skip
_CUE_SUBJECT = lazy_regex(
    r"(?:(?:position|role|job|opportunity|team|we|we're|we are|our\s+(?:\w+\s+)?(?:offices?|hq|headquarters))"
    r"\s+(?:is\s+|are\s+|will\s+be\s+)?"
    r"(?:currently\s+|primarily\s+|fully\s+)?(?:located|based)"
    # "The Environmental Data Specialist can be based in", "Positions may be located in", "this role could be based
    # in": where the role (or a capitalised job title) may sit.
    r"|(?:positions?|roles?|jobs?|opportunit(?:y|ies)|you|(?-i:[A-Z][a-z]+))\s+(?:can|could|may|must|will|would)"
    r"\s+be\s+(?:currently\s+|primarily\s+|fully\s+)?(?:located|based)"
    r"|(?:we|our)\s+(?:\w+\s+)?(?:locations|offices|office|hq|headquarters)"
    r"|(?:willing|able|need|required)\s+to(?:\s+\w+)?\s+(?:or\s+)?(?:commute|relocate)"
    r"|(?:nous\s+(?:avons|ayons|comptons)\s+(?:des|un)|nos|notre)\s+bureaux?"
    r"|(?:poste|rôle|emploi|équipe|nous\s+sommes)\s+(?:est\s+|sera\s+)?(?:basée?s?|située?s?)"
    r"|(?:postes?|rôles?|emplois?)\s+(?:est\s+|sont\s+|sera\s+|seront\s+)?offerte?s?"
    # "nos bureaux sont situés", "notre bureau principal soit situé": the offices' own place.
    r"|(?:nos|notre)\s+bureaux?(?:\s+principal)?\s+(?:sont|soient|est|soit)\s+(?:basée?s?|située?s?)"
    r"|(?:ons|onze)\s+(?:[\w-]+\s+)?kantoor"
    r"|unser(?:e[mnrs]?)?\s+(?:[\w,-]+\s+){0,2}(?:Büros?|Standort(?:en)?|Office)"
    r"|(?:relocate|commute)\s+to\s+or\s+(?:commute|relocate)"
    r"|open\s+to\s+(?:all\s+|qualified\s+|remote\s+)*(?:candidates|applicants))"
    r"\s*\Z",
    re.IGNORECASE,
)
# A cue's value runs to the end of the sentence; "D.C." and "St." do not end it, nor does the full stop of a
# list's number ("locations: 1. Atlanta, GA; 2. Cary, NC; or 3. Dallas, TX").
_CUE_END = regex(r"[;!?\n]|(?<!\b[A-Z])(?<!\bSt)(?<!\bFt)(?<!\bMt)(?<![:;] \d)(?<!\bor \d)\.(?=\s|\Z)")
_CUE_MAX = 120
# A cue's value that is one capitalised name and nothing else: "Docklands", "Den Haag" (not "the heart of Sydney").
_TOWN_ALONE = regex(r"[ \t]*[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2}[ \t]*\Z")
# A semicolon inside a list of places ("located in Washington, DC; San Francisco, CA; or Chicago, IL") does not end
# the value when a short item naming a place follows it.
_LIST_ITEM_MAX = 50
_MAX_LIST_ITEMS = 12
_ITEM_WORD = regex(r"(?<![\w'’])(?!(?:and|or|the)\b)[^\W\d_][\w'’-]*", re.IGNORECASE)
_ITEM_OTHER_WORDS = 2
# "We're hiring people at all levels of experience in Ottawa, Toronto, Waterloo, and Montreal", "Nous embauchons des
# personnes ... à Ottawa", "to join our Analytics Foundation team in Stockholm": the employer hiring in, or the team
# being in, the places named after the first "in" (or "à"). Words that follow there are often no place ("a Product
# Manager in the Office of 18F", "join our team in making an impact"), so a place must open the value.
_HIRING_WORDS = ("hiring", "embauchons", "recrutons")
_HIRING_SUBJECT = lazy_regex(
    r"\b(?:we(?:'|’)re|we\s+are|nous)\s+(?:currently\s+|now\s+|actuellement\s+)?\Z", re.IGNORECASE
)
_HIRING_IN = regex(r"\s(?:in|à)\s+")
# German puts the place before the verb: "Für ein spannendes Kundenprojekt in München suchen wir ...", "Am Standort
# Hamburg suchen wir", "Für unser Team in Berlin suchen wir". The words right before "suchen wir" name the place.
_HIRING_DE = lazy_regex(
    r"\b(?:[Ii]n|[Aa]m\s+Standort|[Aa]n\s+unserem\s+Standort(?:\s+in)?|[Ff]ür\s+unseren\s+Standort(?:\s+in)?)\s+"
    r"(?P<place>[A-ZÄÖÜ][\w-]*(?:\s+(?:am\s+|an\s+der\s+)?[A-ZÄÖÜ][\w-]*)?)\s+\Z"
)
_HIRING_REACH = 80  # characters from the verb to its "in": a longer stretch has moved on to other things
# A recruiter hires for a client where the client is: "For our client in Antwerp we are looking for", "Voor onze klant
# in Antwerpen zijn we op zoek naar", "Pour notre client à Bruxelles, nous recherchons". The noun, then "in" or "à".
_CLIENT_NOUNS = ("client", "klant", "Kunde")
_CLIENT_BEFORE = lazy_regex(
    r"\b(?:for|voor|pour|für)\s+(?:our|onze|ons|notre|nos|unseren|unsere[nm]?)\s+(?:[\w’'-]+\s+){0,2}?\Z",
    re.IGNORECASE,
)
_CLIENT_IN = lazy_regex(r"(?:s|en|n)?\s+(?:in|à|te)\s+")
_JOIN_TEAM = lazy_regex(r"\bjoin(?:ing)?\s+(?:our|the)\s+(?:[\w&+’'-]+\s+){0,4}?team\Z", re.IGNORECASE)
# "work from our SF or NY office", "report to our office at 253 Broadway, in Manhattan", "an onsite position at our
# Albany, NY facility", "join our growing team in our Worcester, MA or Windsor, CT offices": the words between "our"
# and "office", and the rest of the sentence after it.
_WORK_AT_OFFICE = regex(
    r"\b(?:(?:work|working|works|report|reporting|based|located|sit|sitting)\s+(?:from|in|at|out\s+of|to)"
    r"|(?:position|role|job|team)\s+(?:at|in))\s+"
    r"(?:one\s+of\s+)?our\s+(?P<before>[^.;!?\n]{0,60}?)\s*"
    r"\b(?:office|offices|hub|hubs|campus|headquarters|HQ|facility|facilities)\b"
    r"(?P<after>(?:\s+(?:at|in|on)\b[^;!?\n]{0,100}?(?=[.;!?\n]|$))?)",
    re.IGNORECASE,
)

# "our Niagara Falls, NY office": a code after "Town, " names the town's state, not New York City.
_TOWN_BEFORE_CODE = lazy_regex(r"\w[.'’]?[ \t]*,[ \t]*\Z")
# What every `_WORK_AT_OFFICE` match holds, lower-cased, from "our" on: it opens with a literal, which `re` finds
# at C speed, where the pattern itself is tried at every word of the block.
_WORK_AT_OFFICE_TWIN = regex(r"our\s+[^.;!?\n]{0,60}?\s*(?P<word>office|hub|campus|headquarters|hq|facilit)")
_OFFICE_WORDS = (
    "office",
    "hub",
    "campus",
    "headquarters",
    "hq",
    "facilit",
)  # lower case; what _WORK_AT_OFFICE ends with
# Badge markers of a place: 🌎 🌍 🌏 (globes), 🗺 (map), 📍 (pin), 🏢 (office).
_PLACE_MARKERS = ("🌎", "🌍", "🌏", "🗺️", "🗺", "📍", "🏢")
_REMOTE_MARKER = regex(r"(?<![\w-])(?:remote(?:ly)?|telecommut\w*|work\s+from\s+home|wfh)(?![\w-])", re.IGNORECASE)
# "Home-based, UK", "UK (Home Based)": in a location value, work from home there ("home-based care" is prose).
_MARKER_WORDS = ("remote", "telecommut", "work", "wfh")  # one of them is in every `_REMOTE_MARKER` match
_HOME_BASED = regex(r"(?<![\w-])home[- ]?based(?![\w-])", re.IGNORECASE)
_NOT_REMOTE = regex(r"(?:\b(?:not|no|non|never)|n[’']t)[\s-]+(?:\w+\s+)?remote\b", re.IGNORECASE)
# "If the position is remote, ...", "whether the role is remote": a condition, not a statement.
_CONDITION_BEFORE = lazy_regex(r"\b(?:if|whether|when|unless)\s+(?:\w+\s+)?\Z", re.IGNORECASE)
_MODIFIER_AFTER = lazy_regex(
    r"[ \t]+(?!(?:Remote|Hybrid|Office|Offices|On-?site|Area|Bay|Metro|Metroplex|Metropolitan|Region|Based|Only|HQ)"
    r"\b)[A-Z][a-z]"
)
_MAX_LIST_LINES = 40
# Where the worker must live: "Employees must reside in Washington state", "you must be a resident of Ontario".
_MUST_RESIDE = regex(
    r"\b(?:must|(?:are|is)\s+required\s+to|needs?\s+to|have\s+to|has\s+to)\s+"
    r"(?:reside|live|be\s+(?:an?\s+)?residents?\s+of)\s+(?:in\s+|within\s+)?",
    re.IGNORECASE,
)
# The role's required place: "THIS ROLE MUST BE BASED IN SAN DIEGO", "This position must be located in Michigan".
_MUST_BE_IN = regex(
    r"\b(?:role|position|job|you|candidates?|incumbent)\s+(?:must|will\s+need\s+to|needs\s+to|has\s+to)\s+"
    r"be\s+(?:based|located)\s+(?:in|out\s+of)\s+",
    re.IGNORECASE,
)
_HEADER_REACH = 2000  # characters before the statement where a header's place is
# Marks of a list of places on one line: "New York; London", "Austin, TX / London", "Boston or Dublin".
_LIST_MARK = regex(r"[;/|&+]|\b(?:or|and)\b", re.IGNORECASE)
_DEPARTMENT = regex(r"\b(?:IT|HR|PR|QA|HQ|IR|ER|OR|IN|ME|OK|DE)\b")
# A remote scope meant country-wide, or offered as another option: "anywhere in the US", "Remote (Continental 48
# States)", "NY Metro, but will look at Remote (US)". Such a value's remote scope is not narrowed to its places.
_WIDE_REMOTE = regex(
    r"\b(?:anywhere|nationwide|country-?wide|across|throughout|continental|contiguous|lower\s+48|48\s+states"
    r"|all\s+(?:u\.?s\.?\s+)?states|any\s+(?:u\.?s\.?\s+)?state|but|or)\b",
    re.IGNORECASE,
)
# "this position can be remote", "the role is fully remote", "you can work remotely": the role's own remote work.
# A posting for several openings says it in the plural ("These positions are remote"); "most of our positions are
# remote" and "some of the roles" speak of the employer's other jobs, so a plural needs "these" or a "the" that
# no "of" comes before.
_ROLE_IS_REMOTE = regex(
    r"\b(?:position|role|job|opportunity|you|(?:these|(?<!\bof\s)the)\s+(?:positions|roles|jobs|opportunities))\b"
    r"[^.;!?\n]{0,40}?\b(?:fully\s+|100%\s+)?(?:remote(?:ly)?|telecommut\w*)\b",
    re.IGNORECASE,
)
# What every match of `_ROLE_IS_REMOTE` and of `_REMOTE_ROLE` holds, lower-cased (their pattern without its word
# edges and the words before the noun); `_REMOTE_ROLE_FR` holds "télétravail".
_ROLE_IS_REMOTE_TWIN = regex(
    r"(?:position|role|job|opportunity|you|positions|roles|jobs|opportunities)[^.;!?\n]{0,40}?"
    r"(?:fully\s+|100%\s+)?(?:remote|telecommut)"
)
_REMOTE_ROLE_TWIN = regex(r"remote\s+(?:position|role|job|opportunity)")
_SENTENCE_END = regex(r"[.;!?\n](?:\s|$)|\)")
_LI_REMOTE = regex(r"(?<![\w#])#LI-Remote\b", re.IGNORECASE)
# "This is a 100% remote position", "This remote role": the role's remote work, the noun after the marker.
_REMOTE_ROLE = regex(
    r"\b(?:this|the)\s+(?:is\s+an?\s+)?(?:fully\s+|100%\s+)?remote\s+(?:position|role|job|opportunity)\b",
    re.IGNORECASE,
)
# "Ce poste entièrement en télétravail", "Il s'agit d'un poste en télétravail": the role's remote work, in French.
# "n'est pas en télétravail" puts words between the noun and "en", so it is no match.
_REMOTE_ROLE_FR = regex(
    r"\bposte\s+(?:est\s+)?(?:entièrement\s+|complètement\s+|100\s*%\s+)?en\s+télétravail\b", re.IGNORECASE
)
# "anywhere in the world", "worldwide", "from any country": a remote scope open to everyone.
_WORLDWIDE = regex(
    r"\b(?:anywhere\s+in\s+the\s+world|worldwide|world-wide|globally|from\s+any\s+country|any\s+time\s*zone)\b",
    re.IGNORECASE,
)
# "可远程", "支持远程办公", "全职远程", "北京(远程工作)", "可在家远程办公": a Chinese posting's role is remote.
# "远程通信" (a skill), "远程工作经验" (the candidate's), "支持远程面试" (the interview) and "不支持远程工作" (a
# refusal) are not; a posting that refuses remote work anywhere ("实习生暂时不支持远程") is not remote. A bare "远程"
# standing between brackets, slashes or list marks is a place option, as titles and location values give it:
# "[远程] Cryptape 招聘", "【 远程 / 上海 】", "工作地点：杭州/北京/远程".
_REMOTE_ZH = regex(
    r"(?:可|支持|接受|全职|全|纯|完全)远程(?=工作|办公|岗位|职位|实习|兼职|全职|开发|协作|[^\u4e00-\u9fff]|\Z)"
    r"|远程(?:工作|办公|岗位|职位)(?!经验|环境|能力|技能)"
    r"|(?<![^\[【（(/|｜、,，:：\s])远程(?=[ \t]*(?:[\]】）)/|｜、,，]|$))",
    re.MULTILINE,
)
# "或" (or) before a remote statement on its line offers remote work as another way than the places before it.
_ZH_OR = regex(r"或")
_NOT_REMOTE_ZH = regex(r"(?:不|无|非|否|没有)[^，。；,;\n]{0,3}远程")
# A job board's yes-or-no field: "Work Remotely: Yes, always" (on one line or two). "Yes, temporarily due to
# COVID-19" and "Yes, occasionally" offer no remote job, nor does "No".
_REMOTE_ANSWER = regex(
    r"^[ \t*_|]*(?P<label>work\s+remotely|remote\s+work|remote|fully\s+remote)[ \t*_|]*[:：]"
    r"[ \t*_|]*(?:\r?\n[ \t*_|]*)?"
    r"yes\b(?![^\n]*?\b(?:temporar\w*|occasional\w*|covid\w*|sometimes|partial\w*|some\b|on\s+occasion))",
    re.IGNORECASE | re.MULTILINE,
)
# What every `_REMOTE_ANSWER` match holds, lower-cased, from the label's last word on: it opens with a literal, which
# `re` finds at C speed, where the pattern itself is tried at every line of the text.
_REMOTE_ANSWER_TWIN = regex(r"remote(?:ly|\s+work)?[ \t*_|]*[:：][ \t*_|]*(?:\r?\n[ \t*_|]*)?yes")
# A top line that only names ways of working, one of them remote: "Remote" under a scraped posting's title, where
# its town usually is, or "Remote • Hybrid" in a header. It places no job, but says the role may be remote.
_WORK_MODE = r"(?:(?:fully|100\s*%)\s+)?(?:remote|hybrid|on-?site|in-office|flexible|work\s+from\s+home|wfh)"
_REMOTE_OPTIONS_LINE = regex(
    rf"^[ \t*_#>|•·-]*{_WORK_MODE}(?:[ \t]*(?:[•·|/,&+-]|\bor\b|\band\b)[ \t]*{_WORK_MODE})*[ \t*_.]*$",
    re.IGNORECASE | re.MULTILINE,
)
# A top line that opens the job to the whole world, as remote boards write it: "Anywhere in the World",
# "🌏 Worldwide", "Remote (Anywhere)", "Remote - Global", "Worldwide (Remote)", or such a field of a header line
# ("🌏 Worldwide · 💰 $90k – $130k · Full-time"). "Global" alone is a team's name.
_OPEN_TO_ALL = r"(?:anywhere(?:\s+in\s+the\s+world)?|world-?wide|work\s+from\s+anywhere)"
_OPEN_WITH_REMOTE = r"(?:anywhere(?:\s+in\s+the\s+world)?|world-?wide|global(?:ly)?|international)"
_REMOTE_WORD = r"(?:(?:fully|100\s*%)\s+)?remote"
_WORLDWIDE_LINE = regex(
    r"(?:^|(?<=[|•·]))[ \t*_#>|•·-]*(?:(?:🌎|🌍|🌏|🗺️?)[ \t]*)?"
    rf"(?:{_REMOTE_WORD}[ \t]*[-–—,:(/|•·]?[ \t]*{_OPEN_WITH_REMOTE}\)?"
    rf"|{_OPEN_WITH_REMOTE}[ \t]*[-–—,(/|•·][ \t]*{_REMOTE_WORD}\)?"
    rf"|{_OPEN_TO_ALL})"
    r"[ \t*_.]*(?=[|•·]|$)",
    re.IGNORECASE | re.MULTILINE,
)
# The job may be done anywhere in a country, said of the work or of whom the employer hires: "This role can be
# performed from anywhere in Canada", "open to applicants located anywhere in the country", "we largely work
# distributedly and equally value candidates in other parts of Canada", "nous prenons les candidatures provenant
# d'autres régions du Canada", "ouvert aux candidats et candidates de tout le pays", "en télétravail partout au
# Canada". Such a job is remote work across that country, besides any office the posting names. `country` is the
# posting's own ("the country").
_COUNTRY_WIDE = regex(
    r"\b(?:(?:performed|done|worked|located|based|work(?:ed)?)\s+(?:from\s+)?anywhere\s+in"
    r"|télétravail\s+(?:de\s+)?partout\s+(?:au|en|aux)"
    r"|(?:candidates?|applicants?|candidatures?|candidat(?:e|s|es)?(?:\s+et\s+candidates)?)\s+(?:[\w’']+\s+){0,3}?"
    r"(?:(?:in|from)\s+(?:other\s+parts|the\s+rest)\s+of|(?:d[’']|des\s+)autres\s+régions\s+du|(?:de|dans)\s+tout\s+le)"
    r")\s+(?:(?P<country>the\s+country\b|pays\b)|(?=\S))",
    re.IGNORECASE,
)
# Where the area ends: "anywhere in Canada with occasional travel to Ottawa", "anywhere in Pennsylvania, though we
# have a preference for someone in Harrisburg" name a trip or a wish, not another place of work.
_COUNTRY_WIDE_END = regex(r",?\s+(?:with|though|although|but|except|while|where|who|when|provided|as\s+long)\b")
_COUNTRY_WIDE_WORDS = ("anywhere", "parts of", "rest of", "régions du", "tout le pays", "partout")
# A hire from elsewhere who must move is no remote job: "candidates from other parts of Canada willing to relocate".
_RELOCATE = regex(r"\b(?:relocat\w*|déménag\w*|réinstall\w*)", re.IGNORECASE)
_WORK_REMOTELY = regex(r"\bwork(?:ing)?\s+(?:\w+\s+){0,2}?(?:remote(?:ly)?|telecommut\w*)\b", re.IGNORECASE)
# What follows "New York" when it names the state, not the city.
_STATE_FOLLOWS = regex(r"\s*(?:State\b|,\s*(?:USA?|U\.S\.A?\.?|United States)\b)", re.IGNORECASE)
# "We are UK based", "We're a Berlin-based startup", "Acme is a London-based company": where the employer is.
_BASED = lazy_regex(
    r"\b(?:[Ww]e\s+are|[Ww]e(?:'|’)re|(?:is|are)\s+an?)\s+(?:[a-z]+\s+){0,2}?"
    r"(?P<name>[A-Z][\w.]*(?:[ -][A-Z][\w.]*){0,2})[ -]based\b"
)
_QUALIFIER = regex(r"[ \t]*[,(]?[ \t]*")
# A place the posting says the worker need not be in: "it is not a requirement to be UK based", "you don't need to
# be based in London", "no need to relocate to Berlin", "not required to be located in the US". The place is the
# employer's (often read just before: "We are UK based"), not the job's; the work may be done from elsewhere.
_NOT_REQUIRED = regex(
    r"\b(?:(?:it\s+is|it[’']s|is|are)\s+not\s+(?:a\s+)?(?:requirement|required|necessary|mandatory)"
    r"|(?:(?:do|does|will)\s+not|don[’']t|doesn[’']t|won[’']t)\s+(?:need|have)|no\s+need)"
    r"\s+(?:for\s+(?:you|candidates|applicants)\s+)?to\s+"
    r"(?:(?:be\s+)?(?:based|located|living|residing|resident)\s+(?:in|within|near|out\s+of)\s+(?P<place>[^,.;:!?()\n]{2,40})"
    r"|(?:relocate|move|live|reside)\s+(?:to|in)\s+(?P<moved>[^,.;:!?()\n]{2,40})"
    r"|be\s+(?P<before>[^,.;:!?()\n]{2,30}?)[ -]based\b)",
    re.IGNORECASE,
)
_NOT_REQUIRED_WORDS = ("requirement", "required", "necessary", "mandatory", "need")
# What every `_NOT_REQUIRED` match holds, lower-cased: its negation, the word after it and "to". It opens with a
# literal, which `re` finds at C speed, where the pattern itself is tried at every word of the block.
_NOT_REQUIRED_TWIN = regex(
    r"n(?:o|ot|[’']t)\s+(?:a\s+)?(?:requirement|required|necessary|mandatory|need|have)\s+"
    r"(?:for\s+(?:you|candidates|applicants)\s+)?to\s"
)
# An employer's name that carries its country, as a national subsidiary or legal entity is named: "Think Academy
# U.S.", "Acme Canada Inc.", "Synpulse Australia Pty Ltd", "Foo (UK) Ltd". The country closes the name, before an
# optional legal form. A form alone ("Foo GmbH", "Foo Ltd", "Foo Inc.") is no country: GmbH is also Austrian and
# Swiss, Ltd and Inc. are used everywhere. "Bank of America", "University of Canada West" name no entity of a country.
_ENTITY_COUNTRY = regex(
    r"^(?P<name>[A-Z][\w&'’.-]*(?:[ \t]+[\w&'’.-]+){0,4}?)[ \t]+\(?(?P<country>U\.S\.?A?\.?|USA|US|U\.K\.?|UK|"
    r"[A-Z][a-z]+)\)?(?:,?[ \t]+(?:Inc|LLC|Ltd|Limited|Corp|Corporation|Co|Pty\.?[ \t]+Ltd|Pvt\.?[ \t]+Ltd|"
    r"Private[ \t]+Limited|ULC|plc|PLC)\.?)?[ \t]*$"
)
_NOT_ENTITY_NAME = lazy_regex(r"(?:^|[ \t])(?:of|de|du|des|for|in|the)\Z", re.IGNORECASE)
# Company facts that name a place right before it: "Founded in Silicon Valley, scaling in Gainesville, FL.",
# "Headquartered in Boston, C Space also has offices in London", "our headquarters are in Zurich". Where the
# employer began is never where the job is; where its head office is, only when the posting says nothing else.
_FOUNDED_BEFORE = lazy_regex(
    r"\b(?:founded|established|incorporated)\s+(?:in\s+\d{4}\s+)?in\s+(?:the\s+)?\Z", re.IGNORECASE
)
_HEAD_OFFICE_BEFORE = lazy_regex(
    r"\b(?:headquartered|head-?quartered|HQ(?:'d|’d)?|headquarters\s+(?:is\s+|are\s+)?(?:located\s+)?)\s*in\s+(?:the\s+)?\Z",
    re.IGNORECASE,
)
# The company's several offices, or its head office, in an office cue's subject: where the company is.
_SPREAD = regex(r"\b(?:offices|locations|hq|headquarters|bureaux|kantoren|büros|standorten)\b", re.IGNORECASE)
# A statement that the role is wholly remote, not a remote day or two of a hybrid one ("you can work remotely").
_WHOLLY_REMOTE = regex(
    r"\b(?:fully|100\s*%|entirely|completely|remote\s+(?:position|role|job|opportunity))|全职远程|完全远程|纯远程",
    re.IGNORECASE,
)
_EMPLOYER_KEYS = ("company", "employer", "organization", "organisation", "hiring_organization", "company_name")
_MAX_CITY_VALUE = 100
_NAME_GOES_ON = regex(r"[ \t]+(?:[A-Z0-9]|St\b|&)")
_NAME_CAME_BEFORE = lazy_regex(r"(?:[A-Z][\w.’'-]*|\d+[A-Za-z]*)[ \t]+\Z")
# A Latin word right after Chinese or Japanese text ends a building's or district's name there ("建外 SOHO",
# "国贸 CBD"): a town of GeoNames ("Soho") it is not.
_CJK_CAME_BEFORE = lazy_regex(r"[\u3040-\u30ff\u3400-\u9fff][ \t]*\Z")
_CODE_RUN = regex(r"(?<![\w-])[A-Z]{2}(?:-[A-Z]{2})+(?![\w-])")
# "PT-Lisbon", "DE-Berlin", "IN-Bangalore": an applicant-tracking label of a country code and a town, joined by a
# hyphen that would otherwise make the town part of a longer word.
_CODE_TOWN = regex(r"(?<![\w-])([A-Z]{2})-(?=[A-Z][a-z])")
# "US-CO-Boulder": country, state, then a capitalised city (an ATS's location code).
# Location values written by applicant-tracking systems in shapes the gazetteer would misread. Each is rewritten
# in place (same length, so offsets hold) before the value is scanned:
# - "United States-California-San Diego" (country, region and town joined by hyphens): the first two hyphens
#   become commas, so "Winston-Salem" in "United States-North Carolina-Winston-Salem" stays one town;
# - "Munich, BY, DE, 80331", "Chennai, TN, IN" (town, region code, the country's two-letter code, a postcode):
#   the codes are the country's, not the US states "DE" (Delaware), "TN" and "IN" (Indiana).
_COUNTRY_PATH = regex(r"[ \t*_]*([A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*){0,3})-(?=[A-Z])")
# A tracking system's path of country code, town, region code and the town again in capitals: "US-Denver-CO-DENVER".
_TOWN_PATH = regex(r"[ \t*_]*([A-Z]{2})-([A-Z][A-Za-z.' ]*?)-([A-Z]{2})(-[A-Z][A-Z.' ]*)?[ \t*_.]*\Z")
_CODE_TRIPLE = regex(
    r"[ \t*_]*[^\W\d][^,;\n]{0,40}?,[ \t]*(?P<region>[A-Z0-9]{1,3}),[ \t]*(?P<country>[A-Z]{2})"
    r"(?:[ \t]*,[ \t]*[A-Za-z0-9 -]{2,12})?[ \t*_.]*\Z"
)
_ATS_CODE = regex(r"(?<![\w-])(US|CA)-([A-Z]{2})-[A-Z][a-z]+(?:[ .-][A-Z][a-z]+)*")
_JOIN = "\n\x00\n"
_TOP_LINES = 12  # non-blank lines at the top of the body where a bare "Denver, CO" line is read as the location
_SHORT_LINE = 80  # display width; a CJK character counts double
_MAX_HEADING = 150
_MAX_VALUE = 200
# "可以 Base 上海、杭州、成都", "● Base 上海、深圳", "**BASE地：杭州**", "base在新加坡": in Chinese postings "base"
# before a name says where the job sits, inside a sentence as often as on a line of its own. The value runs to the
# end of the clause.
_BASE_CUE = regex(r"(?<![A-Za-z])base(?:地点?|城市|在|于)?[ \t]*[:：]?[ \t]*(?=[\u4e00-\u9fff])", re.IGNORECASE)
_HAN = regex(r"[\u4e00-\u9fff]")  # what `_BASE_CUE` and `_PLACE_PATH` need: one set test per character
_BASE_VALUE = regex(r"[^，。；;,!！?？（(【\[\n]{1,30}")
# "中国-北京-内推直达：https://...", "中国-重庆-简历直达：": a line opening with a country and a town joined by hyphens,
# as job boards' location paths are written, names the job's place (the words after it say what the link is for).
_PLACE_PATH = regex(r"^[ \t>*_#•·-]*([\u4e00-\u9fff]{2,8})-([\u4e00-\u9fff]{2,8})(?=[-:：\s]|$)", re.MULTILINE)
# A digest entry's lead: "Elections Specialist, Kalamazoo County, Michigan — performs ...". The part before the
# dash is "role, employer[, place]", the words after it the description. The role may hold a spaced dash of its own
# ("Departmental Analyst 12 – Training and Election Assistance, Michigan Department of State— This position ...").
_LEAD = regex(r"(?:[^\n—–]|(?<= )[—–](?= )){3,200}?,[^\n—–]{3,200}?(?=\s*[—–]|\s+-\s)")
# Some digests end the lead with a colon instead: "Executive Director, Peoria County, Illinois: The Executive
# Director is responsible for ...". Read only when no dash ends it, and the lead holds no other colon.
_LEAD_COLON = regex(r"[^\n—–:]{3,200}?,[^\n—–:]{3,200}?(?=:\s)")
# An employer's legal or trade name on a line of its own: "Cambridge Technology Inc.", "Synpulse Australia Pty Ltd",
# "Edubridge Learning Pvt. Ltd.", "BreathX Technologies Inc, (Canary Health)". A place before the suffix is part
# of the name. No suffix is also a region's code ("Adelaide SA", "Las Vegas NV") or "Co." (County Dublin).
_COMPANY_SUFFIX = regex(
    r"\s(?:Inc|Incorporated|Corp|Corporation|Company|Ltd|Limited|LLC|L\.L\.C|LLP|PLC|plc|GmbH|AG|Pty|Pvt|"
    r"Technologies|Technology|Solutions|Holdings|Consulting|Labs)\b\.?"
)
_HEADER_LINES = 6  # non-blank lines of a scraped posting's header: title, employer, place, contract, team...
# What may follow a city's name where a line repeats it as a place: "Wollongong - NSW", "Bathurst, Australia".
_PLACE_LINE_REST = regex(r"[ \t*_]*(?:[,(/|–—-][^\n]{0,40})?(?:\r?\n|\Z)")
_WIDE = lazy_regex(r"[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]")


@dataclass(frozen=True, slots=True)
class Place:
    """A place the posting gives as its location, with where it was found."""

    start: int  # offsets in doc.text (a front-matter value whose text cannot be found: its key)
    end: int
    text: str  # the matched text
    jurisdictions: tuple[str, ...]  # direct ids ("US-CO",); for a remote place the area's id ("US",)
    source: str  # "front-matter" | "field" | "title" | "heading" | "table" | "text"
    remote: bool  # a remote role scoped to that area ("Remote (US)")


def find_places(
    doc: Document,
    gazetteer: Gazetteer,
    location_keys: Sequence[str] = ("location",),
    memo: dict[Any, Any] | None = None,
) -> list[Place]:
    """Places the posting gives as its location: front matter, fields, title, headings, tables, then the text.

    The text (short lines at the top, "this role is based in ..." phrases) is read only when the
    posting has no explicit location in front matter or a labelled field: those are more reliable.
    """
    found = _Collector(doc.text, gazetteer, {} if memo is None else memo)  # every helper reads the same views
    _front_matter(doc, found, location_keys)
    _badges(doc, found)
    _header_line(doc, found)
    _fields(doc, found)
    _ats_codes(doc, found)
    explicit = bool(found.places)
    _title(doc, found)
    found.scan_many(
        [
            (_without_language_mark(b.prose, doc, found.memo), b.start)
            for b in fact_blocks(doc, found.memo)
            if b.kind == HEADING and len(b.prose) <= _MAX_HEADING
        ],
        "heading",
    )
    found.scan_many(
        [
            (b.prose, b.start)
            for b in fact_blocks(doc, found.memo)
            if b.kind == TABLE_CELL and len(b.prose) <= _MAX_VALUE
        ],
        "table",
    )
    if not explicit:
        _top_lines(doc, found)
        _cues(doc, found, offices=not found.places)
        _hiring_cues(doc, found)
        if not found.places:
            _based(doc, found)
        _lead_line(doc, found)
        _base_cues(doc, found)
        _place_paths(doc, found)
        if not found.places:
            _header_city(doc, found)
    _office_cues(doc, found)
    _country_wide(doc, found)
    _worldwide_line(doc, found)
    stated = _remote_cues(doc, found)
    _not_required(doc, found)
    _remote_where_placed(found, _hashtags(doc, found), "hashtag", country=True)
    _offices_of_a_remote_role(found, stated)
    if (
        stated is not None
        and "远程" in stated[2]
        and _ZH_OR.search(doc.text, doc.text.rfind("\n", 0, stated[0]) + 1, stated[0])
    ):
        # "北京 / 深圳办公，或北美时区远程办公": remote work offered instead of the offices, not in them.
        found.places.append(Place(*stated, (), "prose", True))
    else:
        _remote_where_placed(found, stated, "prose")
    _remote_in_employer_country(doc, found)
    _residence_scope(doc, found)
    _must_be_based(doc, found)
    _without_employer_offices(found)
    return _without_employer_lines(_without_company_facts(found.places, doc.text), doc.text)


def posting_jurisdictions(places: Sequence[Place], gazetteer: Gazetteer) -> tuple[str, ...]:
    """Sorted, de-duplicated ids: every place's ids, plus for each remote place every remote-covered id under its
    country (a "Remote (US)" posting must follow Colorado's law, among others)."""
    ids: set[str] = set()
    for place in places:
        ids.update(place.jurisdictions)
        if place.remote:
            for jid in place.jurisdictions:
                ids.update(gazetteer.remote_covered(jid))
    return tuple(sorted(ids))


class _Lowered:
    """The prose of the fact blocks that cues read (paragraphs, list items, headings) lower-cased once per document,
    for the word tests that decide which blocks a cue's pattern runs on. Each block was lower-cased again by every
    cue that looked at it (a hundred and more `str.lower` calls per posting); here each is lowered once (block by
    block: an ASCII block takes `str.lower`'s fast path even where another is not ASCII), and the pieces are joined
    so that one `str.find` per word finds the blocks holding it, instead of one test per block and word. Other
    blocks (code, table cells) stand as empty pieces."""

    __slots__ = ("_document", "_plain", "_plain_at", "blocks", "ends", "starts", "text")

    def __init__(self, blocks: list[Block]) -> None:
        self.blocks = blocks
        pieces = [block.prose.lower() if block.kind in _VIEWED else "" for block in blocks]
        # No word or twin looked for holds the separator's NUL, so one found lies inside one block's piece.
        self.text = _JOIN.join(pieces)
        self.starts: list[int] = []
        self.ends: list[int] = []
        at = 0
        for piece in pieces:
            self.starts.append(at)
            self.ends.append(at + len(piece))
            at += len(piece) + len(_JOIN)
        self._plain: bool | None = None
        self._plain_at: dict[int, bool] = {}
        self._document: tuple[str, bool] | None = None

    def piece(self, index: int) -> str:
        """Block `index`'s prose, lower-cased ("" for a block of a kind not viewed)."""
        return self.text[self.starts[index] : self.ends[index]]

    def holds(self, index: int, words: Sequence[str]) -> bool:
        """Whether block `index`'s lower-cased prose holds one of `words` (found in place, with no copy)."""
        start, end = self.starts[index], self.ends[index]
        return any(self.text.find(word, start, end) >= 0 for word in words)

    def search(self, pattern: re.Pattern[str], index: int) -> re.Match[str] | None:
        """`pattern` searched in block `index`'s lower-cased prose, in place: as in the part alone for a pattern
        that looks at nothing before its match nor past its end (no lookaround, anchor or word boundary)."""
        return pattern.search(self.text, self.starts[index], self.ends[index])

    def document(self, text: str) -> tuple[str, bool]:
        """The document's text lower-cased, and whether it lower-cases plainly (`folds_plainly`)."""
        if self._document is None:
            from postlint.prefilter import folds_plainly

            lowered = text.lower()
            self._document = lowered, folds_plainly(text, lowered)
        return self._document

    @property
    def plain(self) -> bool:
        """Whether every block lower-cases plainly (`folds_plainly`). The separator holds no character that folds
        otherwise, so one test of the joined texts answers for all (lower-casing never shortens a text, so equal
        lengths in all are equal lengths in each)."""
        if self._plain is None:
            from postlint.prefilter import folds_plainly

            prose = _JOIN.join(block.prose if block.kind in _VIEWED else "" for block in self.blocks)
            self._plain = folds_plainly(prose, self.text)
        return self._plain

    def plain_at(self, index: int) -> bool:
        """Whether block `index` lower-cases plainly (`folds_plainly`): then a word or a twin pattern found in its
        lower-cased prose finds what a case-insensitive pattern would in the prose. Every block does where all do;
        in the rare posting where one does not, each block is tested on its own."""
        if self.plain:
            return True
        known = self._plain_at.get(index)
        if known is None:
            from postlint.prefilter import folds_plainly

            known = self._plain_at[index] = folds_plainly(self.blocks[index].prose, self.piece(index))
        return known

    def holding(self, words: Sequence[str], kinds: tuple[str, ...]) -> list[int]:
        """Indices, in order, of the blocks of `kinds` whose lower-cased prose holds one of `words`."""
        text, starts, ends = self.text, self.starts, self.ends
        marked: set[int] = set()
        for word in words:
            pos = text.find(word)
            while pos >= 0:
                i = bisect.bisect_right(starts, pos) - 1
                if pos + len(word) <= ends[i]:  # inside the block's part, not across a separator
                    marked.add(i)
                    pos = text.find(word, ends[i])  # the block holds it: on to the next block
                else:
                    pos = text.find(word, pos + 1)
        blocks = self.blocks
        return [i for i in sorted(marked) if blocks[i].kind in kinds]


_LOWERED_KEY = "facts.locations.lowered"
_VIEWED = (PARAGRAPH, LIST_ITEM, HEADING)


def _lowered(doc: Document, memo: dict[Any, Any]) -> _Lowered:
    """The document's `_Lowered` view, built once per lint."""
    view: _Lowered | None = memo.get(_LOWERED_KEY)
    if view is None:
        view = memo[_LOWERED_KEY] = _Lowered(fact_blocks(doc, memo))
    return view


def _town_list(cities: CityIndex, jid: str, following: str) -> bool:
    """Whether the place after a town is another town of its country ("Växjö, Malmö"), so that the two are a list
    and the first no town that a region qualifies ("Paris, TX", "London, Ontario")."""
    from postlint.facts.cities import fold

    other = cities.names.get(fold(following))
    return other is not None and country_of(other) == country_of(jid)


class _Spans:
    """The source spans already taken by places, sorted by start: whether a new span overlaps one costs a
    search, not a pass over every place found so far (a posting may list thousands of locations)."""

    __slots__ = ("_ends", "_longest", "_starts")

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._longest = 0

    def add(self, start: int, end: int) -> None:
        at = bisect.bisect_right(self._starts, start)
        self._starts.insert(at, start)
        self._ends.insert(at, end)
        self._longest = max(self._longest, end - start)

    def overlaps(self, start: int, end: int) -> bool:
        # Only a span starting within `longest` before `start`, or before `end`, can reach into [start, end).
        lo = bisect.bisect_right(self._starts, start - self._longest - 1)
        hi = bisect.bisect_left(self._starts, end)
        return any(self._ends[i] > start for i in range(lo, hi))


class _Collector:
    """Scans snippets of the document and keeps each place once (the first source to find it wins)."""

    __slots__ = ("employer", "gazetteer", "memo", "places", "spans", "text")

    def __init__(self, text: str, gazetteer: Gazetteer, memo: dict[Any, Any]) -> None:
        self.text = text
        self.memo = memo
        self.gazetteer = gazetteer
        self.places: list[Place] = []
        self.spans = _Spans()
        # Starts of places read as the employer's offices ("our offices are in"): True where the cue speaks of the
        # company's several offices or its head office, not of one office the work may be done at.
        self.employer: dict[int, bool] = {}

    def scan(
        self,
        snippet: str,
        base: int,
        source: str,
        *,
        location_value: bool = False,
        remote: bool = False,
        anchor: tuple[int, int] | None = None,
    ) -> None:
        """Find places in `snippet`, which sits at `base` in the document (or, if it cannot be placed, at `anchor`)."""
        gazetteer = self.gazetteer
        if location_value:
            snippet = self._ats_value(snippet, base, source, anchor)
        remote_spans = gazetteer.find_remote(snippet, location_value=location_value, scoped=remote)
        for s, e, ids in remote_spans:
            self._add(snippet, base, s, e, ids, source, True, anchor)
        named = gazetteer.find(snippet, location_value=location_value)
        if location_value:
            self._cities(snippet, base, source, anchor, [(s, e) for s, e, _ in (*remote_spans, *named)])
        for s, e, ids in named:
            overlap = next((rs for rs, rend, _ in remote_spans if rs < e and s < rend), None)
            if overlap is not None:  # "US" in "Remote (US)" is no office, but "New York" in "New York, USA, Remote" is
                if s >= overlap:
                    continue
                self._add(snippet, base, s, s + len(snippet[s:overlap].rstrip(" ,;/-–(")), ids, source, False, anchor)
                continue
            self._add(snippet, base, s, e, ids, source, False, anchor)

    def _ats_value(self, snippet: str, base: int, source: str, anchor: tuple[int, int] | None) -> str:
        """The value with its tracking-system shape undone (see `_COUNTRY_PATH` and `_CODE_TRIPLE`), same length.
        A foreign country's code in a triple is read here, as the country; its codes are then blanked."""
        path = _COUNTRY_PATH.match(snippet) if "-" in snippet else None  # its hyphen: tested first, at C speed
        if path is not None:
            named = self.gazetteer.find(path.group(1), location_value=True)  # "US" is a code
            if len(named) == 1 and named[0][1] - named[0][0] == len(path.group(1)) and _is_country(named[0][2]):
                head, tail = snippet[: path.end(1)], snippet[path.end(1) :]
                return head + tail.replace("-", ",", 2)
        if "-" in snippet:
            snippet = self._country_code_paths(snippet)
        triple = _CODE_TRIPLE.match(snippet) if snippet.count(",") >= 2 else None  # and its two commas
        if triple is not None and self._foreign_triple(snippet, triple):
            country = self.gazetteer.country_by_code(triple.group("country"))
            if country is not None and country not in ("US", "CA"):  # their codes read right already
                at, end = triple.start("country"), triple.end("country")
                self._add(snippet, base, at, end, (country,), source, False, anchor)
                blank = " " * (triple.end("country") - triple.start("region"))
                return snippet[: triple.start("region")] + blank + snippet[triple.end("country") :]
        return snippet

    def _country_code_paths(self, snippet: str) -> str:
        """The value with each "XX-Town" country code blanked where the town is in that country: "DE-Berlin" is
        Germany's Berlin, not Delaware and Berlin; "IN-Bangalore" is not Indiana. "CO-Denver" keeps Colorado,
        since Denver is not in Colombia. Same length, so offsets hold."""
        path = _TOWN_PATH.match(snippet)
        country = self.gazetteer.country_by_code(path.group(1)) if path is not None else None
        if path is not None and country is not None:
            # "US-Denver-CO-DENVER" is "Denver, CO": the country code and the town in capitals go.
            town = self.gazetteer.find(f"{path.group(2)},{path.group(3)}", location_value=True)
            if len(town) == 1 and all(country_of(j) == country for j in town[0][2]):
                tail = path.end(4) - path.start(4) if path.group(4) else 0
                return (
                    snippet[: path.start(1)]
                    + "   "
                    + path.group(2)
                    + ","
                    + path.group(3)
                    + " " * tail
                    + snippet[path.end(4) if path.group(4) else path.end(3) :]
                )
        for m in _CODE_TOWN.finditer(snippet):
            code = m.group(1)
            # A country whose id is the code ("CO", Colombia) may not list it, as a US state's code comes first.
            country = self.gazetteer.country_by_code(code) or (code if self.gazetteer.get(code) is not None else None)
            if country is None:
                continue
            town = self.gazetteer.find(snippet[m.end() : m.end() + _MAX_VALUE])
            if town and town[0][0] == 0 and all(country_of(j) == country for j in town[0][2]):
                snippet = snippet[: m.start()] + " " * (m.end() - m.start()) + snippet[m.end() :]
        return snippet

    def _foreign_triple(self, snippet: str, triple: re.Match[str]) -> bool:
        """Whether "town, XX, YY" gives a country's code as YY. "Sangamon County, IL, IL" repeats a state's code;
        where both codes are also US states' ("Chennai, TN, IN"), the town must be in the country the code names."""
        region, country = triple.group("region"), triple.group("country")
        if region == country:
            return False
        if self.gazetteer.get(f"US-{region}") is None or self.gazetteer.get(f"US-{country}") is None:
            return True
        town = self.gazetteer.find(snippet[: triple.start("region")].rstrip(" \t,"))
        return any(country_of(jid) == self.gazetteer.country_by_code(country) for _, _, ids in town for jid in ids)

    def _cities(
        self, snippet: str, base: int, source: str, anchor: tuple[int, int] | None, taken: list[tuple[int, int]]
    ) -> None:
        """Towns the gazetteer does not list, read from GeoNames in a location value ("Location: Herndon").
        A city followed by a code or region ("Paris, TX") is left to the gazetteer's reading of it."""
        from postlint.facts.cities import city_index

        cities = city_index()
        if cities is None or len(snippet) > _MAX_CITY_VALUE:
            return  # a sentence after "Where:" is no location value
        ends = {s: e for s, e in taken}
        for s, e, jid in cities.find(snippet, self.gazetteer.jurisdictions):
            if any(a < e and s < b for a, b in taken):
                continue
            following = skip(_QUALIFIER, snippet, e)
            if following in ends and not _town_list(cities, jid, snippet[following : ends[following]]):
                continue
            # Part of a longer name: "Airport Blvd", "Richland County", "George DiCiero Building", "807 S Walker St",
            # "Veronica Garcia". A city stands alone between separators.
            if (
                _NAME_GOES_ON.match(snippet, e)
                or _NAME_CAME_BEFORE.search(snippet, 0, s)
                or _CJK_CAME_BEFORE.search(snippet, max(0, s - 3), s)
            ):
                continue
            self._add(snippet, base, s, e, (jid,), source, False, anchor)

    def towns(self, snippet: str, base: int, source: str) -> None:
        """Read the towns of the city index in `snippet`, a cue's value that names one town alone."""
        self._cities(snippet, base, source, None, [])

    def scan_value(self, snippet: str, base: int, source: str, *, location_value: bool = True) -> None:
        """Scan a location value ("Remote, Denver, CO", "Phoenix, AZ, US, Remote"). A remote marker that no region
        scopes is remote work in the country of the value's places (or, with none, remote with no stated scope)."""
        before = len(self.places)
        # "NY-NJ-CT Only": a run of state codes joined by hyphens is a list (a hyphen alone joins "CO-OP").
        if "-" in snippet:  # both shapes hold a hyphen, and most values none
            snippet = self._country_code_paths(snippet)
            snippet = _CODE_RUN.sub(lambda m: m.group().replace("-", "/"), snippet)
            snippet = _CODE_TOWN.sub(r"\1/", snippet)
        self.scan(snippet, base, source, location_value=location_value)
        if location_value:
            self._new_york_city(snippet, base, before)
            self.towns_of_the_state(snippet, base, before)
        self.mark_remote(snippet, base, source, before)
        if location_value and len(self.places) == before and _ANYWHERE_VALUE.match(snippet):
            start, end = base, base + len(snippet.rstrip())
            if not self.spans.overlaps(start, end):  # "Location: Anywhere": remote work with no area
                self.spans.add(start, end)
                self.places.append(Place(start, end, snippet.strip(), (), source, True))

    def mark_remote(self, snippet: str, base: int, source: str, before: int) -> None:
        """A remote marker in `snippet`, whose places were added from index `before` on: remote work there."""
        added = self.places[before:]
        if any(p.remote for p in added):
            if not _WIDE_REMOTE.search(snippet):
                self._narrow_remote(snippet, base, before)
            return
        marker = _REMOTE_MARKER.search(snippet) or _HOME_BASED.search(snippet)
        if marker is None or _NOT_REMOTE.search(snippet):
            return
        # "Remote, Denver, CO": remote work from there, not from anywhere in the country; a value with no
        # place ("Location: Remote") is remote work with no stated scope.
        scope = tuple(dict.fromkeys(j for p in added for j in p.jurisdictions))
        start, end = base + marker.start(), base + marker.end()
        # "Washington, DC; Chicago, IL; Virtual (100% Remote)": a list of alternatives whose remote item names no
        # place is remote work anywhere in the listed places' countries, not in those cities.
        item_start = snippet.rfind(";", 0, marker.start()) + 1
        item_end = snippet.find(";", marker.end())
        item_end = len(snippet) if item_end < 0 else item_end
        if ";" in snippet and not any(base + item_start <= p.start < base + item_end for p in added):
            scope = tuple(dict.fromkeys(country_of(j) for j in scope))
        if self.spans.overlaps(start, end):
            return  # the same value read again (a field and its label line): its remote place is there already
        self.spans.add(start, end)
        self.places.append(Place(start, end, marker.group(), scope, source, True))

    def towns_of_the_state(self, snippet: str, base: int, before: int) -> None:
        """A big foreign city's name on a line whose other places are one US state is that state's town of the same
        name: "Birmingham Office - Alabaster, AL" is Alabama, "USA - Massachusetts - Cambridge" Massachusetts. A line
        that lists places ("New York; London", "Austin, TX / London") or names the city's country keeps its reading."""
        added = self.places[before:]
        if len(added) < 2:
            return
        line_start = 0
        for line in snippet.split("\n"):
            lo, hi = base + line_start, base + line_start + len(line)
            line_start += len(line) + 1
            on_line = [i for i in range(before, len(self.places)) if lo <= self.places[i].start < hi]
            if len(on_line) < 2 or _LIST_MARK.search(line):
                continue
            states: set[str] = set()
            towns: list[int] = []
            for i in on_line:
                place = self.places[i]
                ids = place.jurisdictions
                if ids and all(country_of(j) == "US" for j in ids):
                    states.update(j for j in ids if j.count("-") == 1)
                    if any(j.count("-") > 1 for j in ids):
                        states.add("")  # a US city of its own: the line may list two cities
                elif (
                    not place.remote
                    and len(ids) == 1
                    and country_of(ids[0]) == ids[0]
                    and "," not in place.text
                    and not self.gazetteer.names_region(place.text)
                ):
                    towns.append(i)
                else:
                    states.add("")  # a country or region of its own
            if len(states) != 1 or "" in states or not towns:
                continue
            state = (states.pop(),)
            for i in towns:
                place = self.places[i]
                self.places[i] = Place(place.start, place.end, place.text, state, place.source, False)

    def _new_york_city(self, snippet: str, base: int, before: int) -> None:
        """A location value names towns, so a bare "New York" there ("New York or US-based Remote") is the city,
        as job boards and applicant-tracking systems write it; "New York State" and "New York, USA" stay the state."""
        for index in range(before, len(self.places)):
            place = self.places[index]
            bare = place.jurisdictions == ("US-NY",) and place.text == "New York" and not place.remote
            if bare and not _STATE_FOLLOWS.match(snippet, place.end - base):
                self.places[index] = Place(place.start, place.end, place.text, ("US-NY-NYC",), place.source, False)

    def _narrow_remote(self, snippet: str, base: int, before: int) -> None:
        """In one location value, "New York, USA, Remote" or "US - Remote WA" is remote work in New York or
        Washington, not anywhere in the US: a country-wide remote scope narrows to the states or provinces the
        value names in that country. The country's remote-covered laws then apply only if those are named.
        A list's items are alternatives: "Austin, TX; Remote - US" is an office in Austin or remote work anywhere
        in the US, so only the remote item's own places narrow it."""
        added = self.places[before:]
        if not any("-" in j and not j.startswith("EU-") for p in added for j in p.jurisdictions):
            return
        for index in range(before, len(self.places)):
            place = self.places[index]
            if not place.remote or not all("-" not in j for j in place.jurisdictions):
                continue
            lo, hi = _list_item(snippet, place.start - base)
            item = [p for p in added if lo <= p.start - base < hi]
            named = [j for p in item if not p.remote for j in p.jurisdictions if "-" in j and not j.startswith("EU-")]
            named += [j for p in item if p.remote for j in p.jurisdictions if "-" in j and not j.startswith("EU-")]
            inside = tuple(dict.fromkeys(j for j in named if any(j.startswith(c + "-") for c in place.jurisdictions)))
            if inside:
                self.places[index] = Place(place.start, place.end, place.text, inside, place.source, True)

    def scan_many(self, pieces: list[tuple[str, int]], source: str) -> None:
        """Scan many short snippets (headings, cells) as one string: one regex pass instead of one per snippet."""
        if len(pieces) < 2:
            for snippet, base in pieces:
                self.scan(snippet, base, source)
            return
        # The separator is neither space nor word, so no name, code or remote phrase spans two snippets.
        joined = _JOIN.join(p for p, _ in pieces)
        offsets: list[int] = []
        at = 0
        for snippet, _ in pieces:
            offsets.append(at)
            at += len(snippet) + len(_JOIN)
        gazetteer = self.gazetteer
        remote_spans = gazetteer.find_remote(joined)
        spans = [(s, e, ids, True) for s, e, ids in remote_spans]
        spans += [
            (s, e, ids, False)
            for s, e, ids in gazetteer.find(joined)
            if not any(rs < e and s < rend for rs, rend, _ in remote_spans)
        ]
        for s, e, ids, remote in sorted(spans, key=lambda t: t[0]):
            i = bisect.bisect_right(offsets, s) - 1
            self._add(joined, pieces[i][1] - offsets[i], s, e, ids, source, remote, None)

    def add_span(self, start: int, end: int, text: str, ids: tuple[str, ...], source: str) -> None:
        """Add a place already resolved to ids, unless a place found earlier overlaps it."""
        if not self.spans.overlaps(start, end):
            self.spans.add(start, end)
            self.places.append(Place(start, end, text, ids, source, False))

    def _add(
        self,
        snippet: str,
        base: int,
        s: int,
        e: int,
        ids: tuple[str, ...],
        source: str,
        remote: bool,
        anchor: tuple[int, int] | None,
    ) -> None:
        if anchor is None:
            start, end = base + s, base + e
            if self.spans.overlaps(start, end):
                return
            place = Place(start, end, snippet[s:e], ids, source, remote)
            # "Phoenix Application Developer", "Join Palo Alto Networks": a bare city name before another
            # capitalised word names a system or a company, not the place ("Engineer - Phoenix" still is).
            if source in ("title", "heading", "text") and _names_a_system(place, self.text, self.gazetteer):
                return
            self.spans.add(start, end)
        else:
            start, end = anchor
            place = Place(start, end, snippet[s:e], ids, source, remote)
        self.places.append(place)


def _list_item(value: str, at: int) -> tuple[int, int]:
    """The item of a location value's list ("Austin, TX; Remote - US", "Austin, TX | Remote") that holds offset
    `at`: from the separator before it to the one after it."""
    start = max(value.rfind(";", 0, at), value.rfind("|", 0, at)) + 1
    ends = [end for end in (value.find(";", at), value.find("|", at)) if end >= 0]
    return start, min(ends) if ends else len(value)


def _is_country(ids: tuple[str, ...]) -> bool:
    return len(ids) == 1 and ("-" not in ids[0] or (ids[0].startswith("EU-") and ids[0].count("-") == 1))


def _badges(doc: Document, found: _Collector) -> None:
    """Job boards' inline-code badges: `` `🌎 Phoenix, AZ,US,Remote` ``, `` `📍 Berlin` ``."""
    text = doc.text
    for start, end in doc.code_spans:
        content = text[start:end]
        stripped = content.lstrip()
        marker = next((m for m in _PLACE_MARKERS if stripped.startswith(m)), None)
        if marker is None:
            continue
        at = start + len(content) - len(stripped) + len(marker)
        for piece in re.finditer(r"[^;]+", text[at:end]):  # "New York, USA, Remote; New Jersey, USA, Remote"
            found.scan_value(piece.group()[:_MAX_VALUE], at + piece.start(), "badge")


def _header_line(doc: Document, found: _Collector) -> None:
    """A header line of pipe-separated fields, as Hacker News "Who is hiring" comments open:
    `Company | Role | SF, Remote (North America) | Full-time | $170-225K`. The first field names the
    company (never a place: "Palo Alto Networks"); each short field after it is read as a location value."""
    header = header_fields(doc, found.memo)
    for index, (start, end) in enumerate(header):
        value = doc.text[start:end]
        if (index == 0 and len(header) > 2) or len(value) > 80 or not value.strip():
            continue
        view = fact_text(doc, start, end, found.memo)
        found.scan_value(view, start, "header")


def _ats_codes(doc: Document, found: _Collector) -> None:
    """Applicant-tracking field dumps: "Primary Location: US-CO-Boulder", "US-TX-Austin"."""
    gazetteer = found.gazetteer
    if "US-" not in doc.text and "CA-" not in doc.text:
        return  # every code starts so: one search of the text spares a regex over every block
    for block in fact_blocks(doc, found.memo):
        if block.kind == CODE or "-" not in block.prose:
            continue
        for m in _ATS_CODE.finditer(block.prose):
            jid = f"{m.group(1)}-{m.group(2)}"
            if gazetteer.get(jid) is not None:
                start = block.start + m.start()
                found.add_span(start, block.start + m.end(), m.group(), (jid,), "ats-field")


def _strings(value: Any) -> Iterable[str]:
    """The text in a front-matter value: a string, or the strings in a list or mapping."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, (list, tuple)):
        for item in value:
            if isinstance(item, str):
                yield item
            elif isinstance(item, dict):
                yield from (v for v in item.values() if isinstance(v, str))
    elif isinstance(value, dict):
        yield from (v for v in value.values() if isinstance(v, str))


def _front_matter(doc: Document, found: _Collector, location_keys: Sequence[str]) -> None:
    fm = doc.front_matter
    if fm is None or not fm.data:
        return
    wanted = dict.fromkeys(k.lower() for k in (*location_keys, *_CONVENTIONAL_KEYS))
    # Top-level keys, then keys one mapping down (`position: {location: Remote}`, as some boards nest them).
    levels: list[tuple[dict[str, Any], int]] = [(fm.data, fm.start)]
    levels += [(v, fm.key_offsets.get(k, fm.start)) for k, v in fm.data.items() if isinstance(v, dict)]
    for data, parent_at in levels:
        by_lower: dict[str, str] = {}
        for written in data:
            if isinstance(written, str):
                by_lower.setdefault(written.lower(), written)
        for name in wanted:
            key = by_lower.get(name)
            if key is None:
                continue
            key_at = fm.key_offsets.get(key, -1) if data is fm.data else -1
            if key_at < 0:
                key_at = max(doc.text.find(key + ":", parent_at, fm.end), fm.start)
            cursor = key_at
            for value in _strings(data[key]):
                at = doc.text.find(value, cursor, fm.end) if value else -1
                if at >= 0:
                    if name == "remote":
                        found.scan(value, at, "front-matter", location_value=True, remote=True)
                    else:
                        found.scan_value(value, at, "front-matter")
                    cursor = at + len(value)
                else:  # folded or escaped in the YAML: point at the key
                    found.scan(value, 0, "front-matter", location_value=True, anchor=(key_at, key_at + len(key)))


def _label(text: str) -> str:
    return " ".join(text.strip(_MARKUP).lower().split())


def _is_heading_label(prose: str) -> bool:
    label = _label(prose.replace("：", " ").replace(":", " "))
    if label in _LABELS:
        return True
    first = label.split(" ", 1)[0] if label else ""
    return first in _HEADING_LABELS


def _fields(doc: Document, found: _Collector) -> None:
    """Labelled location values: plain-text fields, `Location:` lines, a `## Location` heading's text, table pairs."""
    for f in doc.fields:
        if f.name == "remote":
            found.scan(f.value[:_MAX_VALUE], f.start, "field", location_value=True, remote=True)
        elif f.name in _LABELS:
            found.scan_value(f.value[:_MAX_VALUE], f.start, "field")
    blocks = fact_blocks(doc, found.memo)
    prose_blocks = [b for b in blocks if b.kind in (PARAGRAPH, LIST_ITEM)]
    for index, block in enumerate(prose_blocks):
        # "Location" alone on a line, the value on the next one (or in the next paragraph).
        prose = block.prose
        newline = prose.find("\n", 0, 41)
        first = prose[:newline] if newline >= 0 else prose[:41]
        if len(first) <= 40 and _names_value_below(first):
            if newline >= 0 and prose[newline + 1 :].strip():
                value_end = prose.find("\n", newline + 1)
                value = prose[newline + 1 : value_end if value_end >= 0 else len(prose)][:_MAX_VALUE]
                found.scan_value(value, block.start + newline + 1, "field")
            elif index + 1 < len(prose_blocks):
                follower = prose_blocks[index + 1]
                value = follower.prose.split("\n", 1)[0][:_MAX_VALUE]
                found.scan_value(value, follower.start, "field")
                # "Available Locations" over one line per place: the lines after the first are read too,
                # where a place needs its qualifier ("Huntsville, AL"), as in running text.
                lines = follower.prose.split("\n")
                at = follower.start + len(lines[0]) + 1
                for line in lines[1:_MAX_LIST_LINES]:
                    found.scan(line[:_MAX_VALUE], at, "field")
                    at += len(line) + 1
    _label_lines(doc, found, prose_blocks)
    for block, at, label in _label_values(doc.text, prose_blocks):
        spot = _value_at(block, at, prose_blocks)
        if spot is not None:
            owner, vs, ve = spot
            if label == _GLUED:  # the next label is glued on too: "Chesterfield, VA (100% Remote)Role: ..."
                following = _GLUED_NEXT.search(owner.prose, vs, ve)
                ve = following.start() if following is not None else ve
            elif label == _MID_LINE:  # the value ends with its sentence
                following = _CUE_END.search(owner.prose, vs, ve)
                ve = following.start() if following is not None else ve
            if label == "remote":
                found.scan(owner.prose[vs:ve], owner.start + vs, "field", location_value=True, remote=True)
            else:
                found.scan_value(owner.prose[vs:ve], owner.start + vs, "field")
    for index, block in enumerate(blocks):
        if block.kind == HEADING and len(block.prose) <= 60 and _is_heading_label(block.prose):
            # "## Location" / "## 工作地点": the blocks up to the next heading hold the value.
            for follower in blocks[index + 1 : index + 4]:
                if follower.kind == HEADING:
                    break
                if follower.kind in (PARAGRAPH, LIST_ITEM, TABLE_CELL) and len(follower.prose) <= _MAX_VALUE:
                    found.scan(follower.prose, follower.start, "field", location_value=True)
        elif block.kind == TABLE_CELL and len(block.prose) <= 40 and index + 1 < len(blocks):
            label = _label(block.prose.rstrip(":："))
            cell = blocks[index + 1]
            if label in _LABELS and cell.kind == TABLE_CELL and len(cell.prose) <= _MAX_VALUE:
                found.scan(cell.prose, cell.start, "table", location_value=True, remote=label == "remote")


def _names_value_below(line: str) -> bool:
    """Whether a block's first line is a label whose value is on the next line: "Location", "Job Locations" (a
    tracking system's field dump), a board's "Ability to commute/relocate:" question."""
    label = _label(line)
    return (
        label in _HEADING_LABELS
        or ("location" in label and label in _LABELS)
        or _label(line.rstrip(":：")) in _SCREENER_LABELS
    )


def _label_lines(doc: Document, found: _Collector, blocks: list[Block]) -> None:
    """A label alone on a line inside a block, with no colon, and its value on the next line, as scraped applicant-
    tracking pages give their fields: "DEPARTMENT / Data & Analytics / LOCATIONS / Tallinn, Estonia / WORKPLACE /
    Hybrid". The same pages list a site menu ("Teams / Locations / Life at Bolt"), so the label must be written
    with a capital and the next line must open with a place the gazetteer or the city index knows. A label that
    opens its block is read by `_fields` with any value."""
    text = doc.text
    if not blocks:
        return
    starts = [b.start for b in blocks]
    for needle in _LABEL_LINE_NEEDLES:
        for _, block, local in _occurrences(text, needle, blocks, starts):
            prose = block.prose
            line_start = prose.rfind("\n", 0, local) + 1
            line_end = prose.find("\n", local)
            if line_start == 0 or line_end < 0 or line_end - line_start > 40:
                continue  # the block's first line, its last, or a sentence
            line = prose[line_start:line_end].strip(_MARKUP)
            if not line[:1].isupper() or _label(line) not in _LABELS:
                continue
            value_end = prose.find("\n", line_end + 1)
            value = prose[line_end + 1 : len(prose) if value_end < 0 else value_end][:_MAX_VALUE]
            if _opens_with_place(found, value):
                found.scan_value(value, block.start + line_end + 1, "field")


def _opens_with_place(found: _Collector, value: str) -> bool:
    """Whether a line opens with a place: a name or code of the gazetteer, or a town of the city index."""
    from postlint.facts.cities import city_index

    lead = len(value) - len(value.lstrip(_MARKUP))
    hits = found.gazetteer.find(value, location_value=True)
    if hits and hits[0][0] == lead:
        return True
    cities = city_index()
    if cities is None or len(value) > _MAX_CITY_VALUE:
        return False
    first = next(cities.find(value, found.gazetteer.jurisdictions), None)
    return first is not None and first[0] == lead


def _label_values(text: str, blocks: list[Block]) -> Iterator[tuple[Block, int, str]]:
    """(block, offset in its prose where the value starts, label) for each label line in paragraphs and list items.

    Separators are found with `str.find` on the whole text (a regex over every paragraph costs more
    than the rest of the extraction together), the label is then checked in the block's prose.
    """
    if not blocks:
        return
    starts = [b.start for b in blocks]
    hits: list[tuple[int, Block, int, str]] = []
    for sep, padded in _SEPARATORS:
        for pos, block, local in _occurrences(text, sep, blocks, starts):
            prose = block.prose
            # Masked markup or a URL is not a separator; a dash separates only with spaces around it.
            if prose.startswith(sep, local) and (not padded or prose[local - 1 : local + 2] == f" {sep} "):
                head_end = local - padded
                head = prose[max(prose.rfind("\n", 0, head_end) + 1, head_end - 40) : head_end]
                cut = max(head.rfind("|"), head.rfind("•"), head.rfind("·"))
                if cut >= 0:
                    head = head[cut + 1 :]
                # A digest runs its fields into one line: "... Must have own laptop. Location: Anywhere. Munich,
                # Germany preferred but not required." The label then opens a sentence, and its value ends with it.
                sentence = max(head.rfind(". "), head.rfind("! "), head.rfind("? "))
                mid_line = sentence >= 0 and head[sentence + 2 :].strip() != ""
                if mid_line:
                    head = head[sentence + 2 :]
                    if _label(head) in _LABELS and _label(head) != "remote":
                        hits.append((pos, block, local + len(sep) + padded, _MID_LINE))
                        continue
                if sep == "】":
                    # "【地点】 上海" opening its line; "应聘【城市】前端研发工程师" (a mail subject) is no label.
                    if head.strip(_MARKUP).startswith("【") and (zh := _zh_label(head + sep)):
                        hits.append((pos, block, local + len(sep), zh))
                    continue
                # Labels are short (the longest, "ability to commute/relocate", 27 characters): most separators
                # follow a longer stretch of prose and stop here.
                if len(head.strip(_MARKUP)) <= 30 and (label := _label(head)) in _LABELS:
                    hits.append((pos, block, local + len(sep) + padded, label))
                elif not padded and head.endswith(_GLUED_ENDS) and _GLUED_LABEL.search(head) is not None:
                    hits.append((pos, block, local + len(sep), _GLUED))
                elif head and ("\u4e00" <= head[-1] <= "\u9fff" or head[-1] == "】") and (zh := _zh_label(head)):
                    hits.append((pos, block, local + len(sep), zh))
    for pos, block, local in _occurrences(text, "📍", blocks, starts):
        hits.append((pos, block, local + 1, "location"))
    for word in ("base", "Base"):
        for pos, block, local in _occurrences(text, word, blocks, starts):
            line_start = block.prose.rfind("\n", 0, local) + 1
            if not block.prose[line_start:local].strip(_MARKUP):  # at the start of its line
                m = _BASE_LINE.match(block.prose, line_start)
                if m is not None:
                    hits.append((pos, block, m.start(1), "base"))
    hits.sort(key=lambda h: h[0])
    for _, block, local, label in hits:
        yield block, local, label


def _zh_label(head: str) -> str | None:
    """A Chinese location label in brackets or with a word or two after it: "【工作地点】", "工作地点支持" (where the
    work may be), "办公地点为"; None for anything else."""
    label = _label(head).strip("【】[]")
    if len(label) > 12:
        return None
    if label in _LABELS:
        return label
    m = _ZH_LABEL_TAIL.match(label)
    return m.group(1) if m is not None and m.group(1) in _LABELS else None


def _occurrences(text: str, needle: str, blocks: list[Block], starts: list[int]) -> Iterator[tuple[int, Block, int]]:
    """Each (offset, block, offset in the block) where `needle` sits inside one of `blocks` (sorted, with `starts`).

    `str.find` over the whole text is far faster than a regex per block for the few words that mark a location.
    """
    pos = text.find(needle)
    while pos != -1:
        i = bisect.bisect_right(starts, pos) - 1
        if i >= 0 and pos < blocks[i].end:
            yield pos, blocks[i], pos - blocks[i].start
        pos = text.find(needle, pos + 1)


def _value_at(block: Block, at: int, blocks: list[Block]) -> tuple[Block, int, int] | None:
    """The value after a label: the rest of the line, or when that is empty ("**Location:**" alone) the next line."""
    prose = block.prose
    end = _VALUE_END.search(prose, at)
    ve = end.start() if end else len(prose)
    if prose[at:ve].strip(_MARKUP):
        return block, at, min(ve, at + _MAX_VALUE)
    nl = prose.find("\n", at)
    if nl != -1:
        nxt = prose.find("\n", nl + 1)
        ve = len(prose) if nxt == -1 else nxt
        return (block, nl + 1, min(ve, nl + 1 + _MAX_VALUE)) if prose[nl + 1 : ve].strip() else None
    index = blocks.index(block)
    if index + 1 < len(blocks):
        follower = blocks[index + 1]
        nxt = follower.prose.find("\n")
        ve = len(follower.prose) if nxt == -1 else nxt
        if follower.start - block.end < 4 and follower.prose[:ve].strip():
            return follower, 0, min(ve, _MAX_VALUE)
    return None


# "Concepteur·trice d'interaction (FR)": a bilingual employer's mark of the posting's language version.
_LANGUAGE_MARK = regex(r"\s*\(([A-Z]{2})\)\s*\Z")


def _title(doc: Document, found: _Collector) -> None:
    title = doc.title
    if not title or doc.title_start < 0:
        return
    title = _without_language_mark(title, doc, found.memo).rstrip()
    at = doc.text.find(title, doc.title_start, doc.title_start + 4 * len(title) + 200)
    if at >= 0:
        # "Remote Math Teacher", "Engineer (Remote)": a title's remote marker says the role is remote.
        found.scan_value(title, at, "title", location_value=False)
    else:
        found.scan(title, 0, "title", anchor=(doc.title_start, max(doc.title_end, doc.title_start)))


def _without_language_mark(text: str, doc: Document, memo: dict[Any, Any]) -> str:
    """A title or heading with the mark of its language version blanked out: "(FR)" closing one of a posting
    written in French marks the French version (a bilingual employer's), not France. Same length."""
    mark = _LANGUAGE_MARK.search(text) if ")" in text else None  # the mark closes with ")"
    if mark is None:
        return text
    language = memo.get("posting-language", False)
    if language is False:
        from postlint.facts.language import guess_language

        language = memo["posting-language"] = guess_language(doc).language
    if language != mark.group(1).lower():
        return text
    return text[: mark.start()] + " " * (len(text) - mark.start())


def _names_a_system(place: Place, text: str, gazetteer: Gazetteer) -> bool:
    """A city's bare name used as a modifier in a title ("Phoenix Application Developer"). Countries and states
    stay places ("U.S. Digital Corps", "Iowa Election Official", "D.C. Board of Elections"), as do qualified names
    ("Phoenix, AZ")."""
    if "," in place.text or not _MODIFIER_AFTER.match(text, place.end) or gazetteer.names_region(place.text):
        return False
    return all(
        "-" in jid and not jid.startswith("EU-") and gazetteer.name(jid).lower() != place.text.lower()
        for jid in place.jurisdictions
    )


def _width(line: str) -> int:
    if line.isascii():
        return len(line)  # no wide character: the search is spared
    return len(line) + len(_WIDE.findall(line))


def _top_lines(doc: Document, found: _Collector) -> None:
    """Short lines among the first non-blank lines of the body ("Springfield, VA" under the title).

    Consecutive short lines are scanned as one chunk; long lines are left out, not blanked, since
    scanning their width in spaces would cost as much as scanning their text.
    """
    seen = 0
    for block in fact_blocks(doc, found.memo):
        if block.kind not in (PARAGRAPH, LIST_ITEM, HEADING, TABLE_CELL):
            continue
        scanned = block.kind in (PARAGRAPH, LIST_ITEM)  # headings and cells are scanned on their own
        prose = block.prose
        chunk_start = -1
        pos = 0
        for line in prose.split("\n"):
            end = pos + len(line)
            stripped = line.strip()
            short = bool(stripped) and _width(stripped) <= _SHORT_LINE
            if short and chunk_start < 0:
                chunk_start = pos
            elif not short and chunk_start >= 0 and stripped:
                if scanned:
                    _top_chunk(found, prose[chunk_start : pos - 1], block.start + chunk_start)
                chunk_start = -1
            seen += bool(stripped)
            if seen >= _TOP_LINES:
                if chunk_start >= 0 and scanned:
                    _top_chunk(found, prose[chunk_start:end], block.start + chunk_start)
                return
            pos = end + 1
        if chunk_start >= 0 and scanned:
            _top_chunk(found, prose[chunk_start:].rstrip(), block.start + chunk_start)


def _header_city(doc: Document, found: _Collector) -> None:
    """A line of a scraped posting's header that is exactly a town's name (title, employer, then "Bathurst"), read
    as the place when nothing else in the posting gives one. Towns are read only in location values elsewhere,
    since their names are also words and employers ("Mobile", "Normal", "Gallup"); a line holding the name
    alone, under the title and above the prose, is one. A name the posting also uses in its text ("At Gallup,
    we...", "mobile apps") or shouts ("DAX") is taken for that instead, and is no place."""
    from postlint.facts.cities import city_index

    cities = city_index()
    if cities is None:
        return
    known = found.gazetteer.jurisdictions
    seen = 0
    for block in fact_blocks(doc, found.memo):
        if block.kind not in (PARAGRAPH, LIST_ITEM, HEADING):
            continue
        pos = 0
        for line in block.prose.split("\n"):
            line_start, pos = pos, pos + len(line) + 1
            stripped = line.strip()
            if not stripped:
                continue
            if _width(stripped) > _SHORT_LINE:
                return  # the prose starts: the header is over
            seen += 1
            if seen > _HEADER_LINES:
                return
            name = stripped.strip(_MARKUP).rstrip(".")
            if seen == 1 or name == doc.title or not name or name.isupper():
                continue  # the title, or an acronym
            hits = list(cities.find(name, known))
            if len(hits) != 1 or hits[0][1] - hits[0][0] != len(name) or not _only_as_place(doc.text, name):
                continue
            start = block.start + line_start + line.index(name)
            found.add_span(start, start + len(name), name, (hits[0][2],), "text")
            return


def _only_as_place(text: str, name: str) -> bool:
    """True when every use of `name` in the text is a line naming a place: the name alone, or with its region
    ("Wollongong - NSW"). An employer or a word is used in sentences ("Gallup's data", "our mobile team")."""
    for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if text[line_start : m.start()].strip(_MARKUP) or not _PLACE_LINE_REST.match(text, m.end()):
            return False
    return True


def _top_chunk(found: _Collector, chunk: str, base: int) -> None:
    """Scan a chunk of short top lines. A line there that names a place and says remote ("London, UK. Full Time.
    REMOTE okay if within easy commute to London.") is remote work there, as in a location value."""
    before = len(found.places)
    found.scan(chunk, base, "text")
    found.towns_of_the_state(chunk, base, before)
    if _REMOTE_MARKER.search(chunk) is None:
        return  # "remote", and also "Sydney / Work from Home", "Telecommute"
    added = found.places[before:]
    at = 0
    for line in chunk.split("\n"):
        line_start, line_end = base + at, base + at + len(line)
        at += len(line) + 1
        marker = _REMOTE_MARKER.search(line)
        if marker is None or _NOT_REMOTE.search(line):
            continue
        on_line = [p for p in added if line_start <= p.start < line_end]
        scope = tuple(dict.fromkeys(j for p in on_line for j in p.jurisdictions))
        if scope and not any(p.remote for p in on_line):
            start = line_start + marker.start()
            found.places.append(Place(start, start + len(marker.group()), marker.group(), scope, "text", True))


def _remote_cues(doc: Document, found: _Collector) -> tuple[int, int, str] | None:
    """The role's remote scope said in a sentence: "This position can be remote within our operating footprint:
    Washington state, Oregon, California, Idaho, or Utah". Only countries and regions scope it, never a city.

    Returns the first statement that the role is remote but names no area ("you can work remotely"), or None.
    Open to the whole world ("connect from anywhere in the world") it is a remote place with no scope at once."""
    unscoped: tuple[int, int, str] | None = None
    view = _lowered(doc, found.memo)
    for index, block in enumerate(view.blocks):
        prose = block.prose
        if block.kind not in (PARAGRAPH, LIST_ITEM) or ("emote" not in prose and "télétravail" not in prose):
            continue
        said = [m for pattern in _remote_statements(view, index) for m in pattern.finditer(prose)]
        for m in sorted(said, key=lambda m: m.start()):
            if _NOT_REMOTE.search(m.group()) or _NOT_REMOTE.search(prose, max(0, m.start() - 12), m.end()):
                continue  # "This position is not remote and is physically based in Washington, DC"
            end = _SENTENCE_END.search(prose, m.end())
            stop = min(end.start() if end else len(prose), m.end() + _CUE_MAX)
            before = len(found.places)
            found.scan(prose[m.end() : stop], block.start + m.end(), "prose", remote=True)
            if any(p.remote for p in found.places[before:]) or unscoped is not None:
                continue
            if m.group()[:3].lower() == "you" and not _WORK_REMOTELY.search(m.group()):
                continue  # "you have led a remote team" is about the candidate, not the role
            if _CONDITION_BEFORE.search(prose, max(0, m.start() - 20), m.start()):
                continue
            start, end_at = block.start + m.start(), block.start + m.end()
            if _WORLDWIDE.search(prose, m.end(), stop):
                found.places.append(Place(start, end_at, m.group(), (), "prose", True))
            else:
                unscoped = (start, end_at, m.group())
    return unscoped or _remote_zh(doc, found) or _remote_answer(doc, found) or _remote_option_line(doc, found)


def _remote_statements(view: _Lowered, index: int) -> Iterator[re.Pattern[str]]:
    """The patterns of a role's remote work that may match in block `index`: where it lower-cases plainly, only
    those whose twin finds the block (each twin opens with a literal or a few letters, which `re` finds fast)."""
    if view.search(_ROLE_IS_REMOTE_TWIN, index) is not None or not view.plain_at(index):
        yield _ROLE_IS_REMOTE
    if view.search(_REMOTE_ROLE_TWIN, index) is not None or not view.plain_at(index):
        yield _REMOTE_ROLE
    if view.holds(index, ("télétravail",)) or not view.plain_at(index):
        yield _REMOTE_ROLE_FR


def _prose_holding(doc: Document, found: _Collector, words: tuple[str, ...]) -> Iterator[Block]:
    """The paragraphs and list items whose lower-cased prose holds one of `words`: a cue's pattern runs only
    there, since testing for its words is much cheaper than the search."""
    view = _lowered(doc, found.memo)
    for i in view.holding(words, (PARAGRAPH, LIST_ITEM)):
        yield view.blocks[i]


def _country_wide(doc: Document, found: _Collector) -> None:
    """A job said to be open across a country ("can be performed from anywhere in Canada", "candidates in other
    parts of Canada"): remote work scoped to that country. "Anywhere in the country" is the country of the places
    the posting gives; with none, it is remote work with no stated scope."""
    for block in _prose_holding(doc, found, _COUNTRY_WIDE_WORDS):
        prose = block.prose
        for m in _COUNTRY_WIDE.finditer(prose):
            end = _SENTENCE_END.search(prose, m.end())
            stop = min(end.start() if end else len(prose), m.end() + _CUE_MAX)
            if _RELOCATE.search(prose, max(0, m.start() - _CUE_MAX), stop):
                continue
            if m.group("country") is None:
                cut = _COUNTRY_WIDE_END.search(prose, m.end(), stop)
                area_end = block.start + (cut.start() if cut else stop)
                found.scan(prose[m.end() : cut.start() if cut else stop], block.start + m.end(), "prose", remote=True)
                # A short line read earlier as a place ("... en télétravail partout au Canada." near the top) names
                # the same country: it is the remote scope, not an office.
                for index, place in enumerate(found.places):
                    inside = block.start + m.end() <= place.start < area_end
                    if inside and not place.remote and all(country_of(j) == j for j in place.jurisdictions):
                        found.places[index] = Place(
                            place.start, place.end, place.text, place.jurisdictions, place.source, True
                        )
                continue
            given = (j for p in found.places if not p.remote for j in p.jurisdictions)
            countries = tuple(dict.fromkeys(country_of(j) for j in given))
            start, end_at = block.start + m.start(), block.start + m.end()
            if not found.spans.overlaps(start, end_at):
                found.spans.add(start, end_at)
                found.places.append(Place(start, end_at, m.group(), countries, "prose", True))


def _remote_option_line(doc: Document, found: _Collector) -> tuple[int, int, str] | None:
    """A line among the first of the body that gives remote work as the way, or one of the ways, of working
    ("Remote", "Remote • Hybrid") and names no place."""
    seen = 0
    view = _lowered(doc, found.memo)
    for index, block in enumerate(view.blocks):
        if block.kind not in (PARAGRAPH, LIST_ITEM):
            continue
        # A line found is returned only where it holds a remote marker, whose words are tested first.
        marked = view.holds(index, _MARKER_WORDS) or not view.plain_at(index)
        for m in _REMOTE_OPTIONS_LINE.finditer(block.prose) if marked else ():
            marker = _REMOTE_MARKER.search(m.group())
            if marker is not None:
                start = block.start + m.start() + marker.start()
                return start, start + len(marker.group()), marker.group()
        seen += sum(1 for line in block.prose.split("\n") if line.strip())
        if seen >= _TOP_LINES:
            return None
    return None


def _worldwide_line(doc: Document, found: _Collector) -> None:
    """A line among the first of the body that opens the job to the whole world ("Anywhere in the World",
    "Remote (Anywhere)"): remote work with no area, unless a remote place has been read already."""
    if any(p.remote for p in found.places):
        return
    seen = 0
    view = _lowered(doc, found.memo)
    for index, block in enumerate(view.blocks):
        if block.kind not in (PARAGRAPH, LIST_ITEM, HEADING):
            continue
        if view.holds(index, ("anywhere", "world", "global", "international")):
            m = _WORLDWIDE_LINE.search(block.prose)
            if m is not None:
                text = m.group().strip(_MARKUP + "🌎🌍🌏🗺️ .")
                start = block.start + m.start() + m.group().index(text)
                if not found.spans.overlaps(start, start + len(text)):
                    found.spans.add(start, start + len(text))
                    found.places.append(Place(start, start + len(text), text, (), "text", True))
                return
        seen += block.prose.count("\n") + 1
        if seen >= _TOP_LINES:
            return


def _remote_answer(doc: Document, found: _Collector) -> tuple[int, int, str] | None:
    """A job board's field that answers whether the job is remote: "Work Remotely: Yes, always"."""
    if "emote" not in doc.text:
        return None
    lowered, plain = _lowered(doc, found.memo).document(doc.text)
    if plain and _REMOTE_ANSWER_TWIN.search(lowered) is None:
        return None
    m = _REMOTE_ANSWER.search(doc.text)
    return None if m is None else (m.start("label"), m.end("label"), m.group("label"))


def _remote_zh(doc: Document, found: _Collector) -> tuple[int, int, str] | None:
    """The first statement in Chinese that the role is remote ("可远程", "支持远程办公"), unless the posting refuses
    remote work somewhere ("不支持远程")."""
    first: tuple[int, int, str] | None = None
    for block in fact_blocks(doc, found.memo):
        if block.kind not in (PARAGRAPH, LIST_ITEM, HEADING) or "远程" not in block.prose:
            continue
        prose = block.prose
        if _NOT_REMOTE_ZH.search(prose):
            return None
        if first is None and (m := _REMOTE_ZH.search(prose)) is not None:
            first = block.start + m.start(), block.start + m.end(), m.group()
    return first


def _hashtags(doc: Document, found: _Collector) -> tuple[int, int, str] | None:
    """LinkedIn's `#LI-Remote` tag: a statement that the role is remote, with no area named."""
    for block in fact_blocks(doc, found.memo):
        if block.kind == CODE or "#" not in block.prose:
            continue
        m = _LI_REMOTE.search(block.prose)
        if m is not None:
            start = block.start + m.start()
            return start, start + len(m.group()), m.group()
    return None


def _remote_where_placed(
    found: _Collector, statement: tuple[int, int, str] | None, source: str, *, country: bool = False
) -> None:
    """A role said to be remote with no area named and no remote place read elsewhere is remote work from
    the places the posting gives ("you can work remotely" in a Denver posting: from Colorado, not from all
    of the US, as a hybrid schedule often is), or in their country for LinkedIn's `#LI-Remote`, which tags
    country-wide remote roles. With no place, it is remote with no stated scope."""
    if statement is None or any(p.remote for p in found.places):
        return
    start, end, text = statement
    ids = (country_of(j) if country else j for p in found.places for j in p.jurisdictions)
    found.places.append(Place(start, end, text, tuple(dict.fromkeys(ids)), source, True))


def _may_name_office(prose: str, lowered: str | None = None) -> bool:
    """False only when the block holds none of `_OFFICE_WORDS`, which every `_WORK_AT_OFFICE` match ends with:
    most paragraphs of a posting that says "office" (or "GitHub") somewhere are then not searched. Exact where
    lower-casing is (`folds_plainly`); otherwise the block is searched."""
    from postlint.prefilter import folds_plainly

    lowered = prose.lower() if lowered is None else lowered  # the block's, from `_Lowered`, or made here
    return not folds_plainly(prose, lowered) or any(word in lowered for word in _OFFICE_WORDS)


def _text_holds_office_word(doc: Document, view: _Lowered, searched: list[tuple[int, re.Match[str] | None]]) -> bool:
    """Whether the lower-cased text holds one of `_OFFICE_WORDS`: the test that spared the search of every paragraph,
    kept as it was. A word in a block's source, lower-cased, is one in the whole text lower-cased (each character
    is lower-cased alone but Greek capital sigma, and no office word holds a sigma), so the word a twin found in
    a block (`searched` pairs a block with its twin's match, or None) is looked for at its place first, then the
    blocks' sources, and the text, whose lowering costs most, only when none holds one."""
    for number, twin in searched:
        if twin is not None:  # the twin's office word, where the text holds it at the same place
            at = view.blocks[number].start + twin.start("word") - view.starts[number]
            if doc.text[at : at + len(twin.group("word"))].lower() == twin.group("word"):
                return True
    for number, _ in searched:
        block = view.blocks[number]
        source = doc.text[block.start : block.end].lower()
        if any(word in source for word in _OFFICE_WORDS):
            return True
    return any(word in view.document(doc.text)[0] for word in _OFFICE_WORDS)


def _office_cues(doc: Document, found: _Collector) -> None:
    """Where the work is done, said in a sentence: "work from our office at 253 Broadway, in Manhattan",
    "remote-hybrid work from our Boston or Denver offices". Visiting an office is no such statement."""
    view = _lowered(doc, found.memo)
    # Where every block lower-cases plainly, only those holding an office word may hold the phrase (found with one
    # `str.find` per word and block that holds it), and only where its twin finds it.
    offices = set(view.holding(_OFFICE_WORDS, (PARAGRAPH, LIST_ITEM))) if view.plain else None
    if offices is not None and not offices:
        return
    searched: list[tuple[int, re.Match[str] | None]] = []
    for number, block in enumerate(view.blocks):
        if block.kind not in (PARAGRAPH, LIST_ITEM) or "our" not in block.prose:
            continue
        if offices is not None and number not in offices:
            continue
        # Any other block that lower-cases plainly is searched where the twin finds it (and so an office word, as
        # `_may_name_office` asks); one that does not is searched.
        twin = view.search(_WORK_AT_OFFICE_TWIN, number)
        if twin is None and view.plain_at(number):
            continue
        searched.append((number, twin))
    if not searched or not _text_holds_office_word(doc, view, searched):
        return
    for number, _ in searched:
        block = view.blocks[number]
        for m in _WORK_AT_OFFICE.finditer(block.prose):
            for group in ("before", "after"):
                a, b = m.span(group)
                if b > a:
                    before = len(found.places)
                    # The words before "office" name the office's place ("our SF or NY office"), as a value does;
                    # a department there ("our IT office", "our HR office") is no place.
                    words = block.prose[a:b]
                    value = group == "before" and not _DEPARTMENT.search(words)
                    found.scan(words, block.start + a, "prose", location_value=value)
                    # "our SF or NY office": an office is in a city, so New York names New York City here, unless
                    # it follows a town it qualifies ("our Niagara Falls, NY office").
                    for index in range(before, len(found.places)):
                        place = found.places[index]
                        town = _TOWN_BEFORE_CODE.search(doc.text, block.start + a, place.start)
                        if place.jurisdictions == ("US-NY",) and place.text in ("NY", "New York") and town is None:
                            found.places[index] = Place(
                                place.start, place.end, place.text, ("US-NY-NYC",), place.source, place.remote
                            )


def _cues(doc: Document, found: _Collector, *, offices: bool = True) -> None:
    """Phrases that state the location in a sentence: "This role is based in Denver", "we have offices in Ottawa".

    Without `offices`, the employer's offices ("Our offices are in London, Sofia and Hyderabad") are not read:
    they say where the company is, and a posting whose opening lines already name the job's town (Hyderabad)
    is not also in London and Sofia.
    """
    text = doc.text
    prose_blocks = [b for b in fact_blocks(doc, found.memo) if b.kind in (PARAGRAPH, LIST_ITEM)]
    starts = [b.start for b in prose_blocks]
    # Cues are searched in lower case only: each needs a subject before it ("the role is based in"),
    # so a sentence never starts with one.
    open_to = "pen to" in text  # what every `_OPEN_TO_CUES` subject holds ("open to", "Open to"): one search for eight
    for cue in _CUES:
        if not open_to and cue in _OPEN_TO_CUES:
            continue
        verb = cue.index(" ")
        for _, block, local in _occurrences(text, cue, prose_blocks, starts):
            subject = _CUE_SUBJECT.search(block.prose, max(0, local - 60), local + verb)
            names_offices = subject is not None and _names_offices(subject.group() + " " + cue)
            if subject is not None and (offices or not names_offices):
                vs = local + len(cue)
                before = len(found.places)
                value = block.prose[vs : _cue_end(found, block.prose, vs)]
                found.scan(value, block.start + vs, "text")
                if len(found.places) == before and _TOWN_ALONE.match(value):
                    # "based at our head office in Docklands": a town the gazetteer does not list, named alone.
                    found.towns(value, block.start + vs, "text")
                if names_offices:
                    spread = _SPREAD.search(subject.group() + " " + cue) is not None
                    found.employer.update((p.start, spread) for p in found.places[before:])


def _cue_end(found: _Collector, prose: str, vs: int) -> int:
    """Where a cue's value starting at `vs` ends: at the end of its sentence, or `_CUE_MAX` characters on. A
    semicolon followed by a short item that names a place is a list's ("any one of the following locations: Denver,
    CO; Austin, TX; or Boston, MA"), and the value runs on through that item."""
    at, limit = vs, min(len(prose), vs + _CUE_MAX)
    for _ in range(_MAX_LIST_ITEMS):
        end = _CUE_END.search(prose, at, limit)
        if end is None:
            return limit
        if end.group() != ";":
            return end.start()
        item_start = end.end()
        following = _CUE_END.search(prose, item_start, item_start + _LIST_ITEM_MAX)
        item_end = following.start() if following is not None else item_start + _LIST_ITEM_MAX
        if item_end > len(prose):  # the last item closes the block
            item_end = len(prose)
        elif following is None:
            return end.start()  # a long stretch: a new clause
        if not _names_a_place(found, prose[item_start:item_end]):
            return end.start()
        at, limit = item_start, max(limit, item_end)
    return limit


def _names_a_place(found: _Collector, item: str) -> bool:
    """Whether a list item is a place ("2. Cary (Raleigh), NC", "or Chicago, IL"): it names one, and at most
    `_ITEM_OTHER_WORDS` other words stand beside it ("Texas is where our customers are" is a clause)."""
    hits = found.gazetteer.find(item)
    if not hits:
        return False
    rest, at = [], 0
    for start, end, _ in hits:
        rest.append(item[at:start])
        at = max(at, end)
    rest.append(item[at:])
    return len(_ITEM_WORD.findall(" ".join(rest))) <= _ITEM_OTHER_WORDS


# The employer's offices in a cue's subject: the English words of `_WORK_AT_OFFICE`, and their French, Dutch and
# German ones.
_OFFICE_NOUNS = (*_OFFICE_WORDS, "locations", "bureau", "kantoor", "büro", "standort")


def _names_offices(phrase: str) -> bool:
    """Whether a cue and its subject speak of the employer's offices ("our offices are in", "nos bureaux")."""
    lowered = phrase.lower()
    return any(noun in lowered for noun in _OFFICE_NOUNS)


def _hiring_cues(doc: Document, found: _Collector) -> None:
    """The places a sentence says the employer hires in or the team sits in: "We're hiring people at all levels of
    experience in Ottawa, Toronto, Waterloo, and Montreal", "Nous embauchons ... à Ottawa, Toronto", "to join our
    Analytics team in Stockholm", a recruiter's "for our client in Antwerp". Only a place right after the "in"
    counts ("hiring a Lead in the Office of ...")."""
    text = doc.text
    prose_blocks = [b for b in fact_blocks(doc, found.memo) if b.kind in (PARAGRAPH, LIST_ITEM)]
    starts = [b.start for b in prose_blocks]
    for word in _HIRING_WORDS:
        for _, block, local in _occurrences(text, word, prose_blocks, starts):
            if _HIRING_SUBJECT.search(block.prose, max(0, local - 30), local):
                at = local + len(word)
                end = _CUE_END.search(block.prose, at, at + _HIRING_REACH)  # "in" of the same sentence only
                m = _HIRING_IN.search(block.prose, at - 1, end.start() if end else at + _HIRING_REACH)
                if m is not None:
                    _place_led(found, block, m.end())
    for _, block, local in _occurrences(text, "suchen wir", prose_blocks, starts):
        m = _HIRING_DE.search(block.prose, max(0, local - 60), local)
        if m is not None:
            _place_led(found, block, m.start("place"), m.end("place"))
    for _, block, local in _occurrences(text, "team in ", prose_blocks, starts):
        if _JOIN_TEAM.search(block.prose, max(0, local - 60), local + 4):
            _place_led(found, block, local + len("team in "))
    for noun in _CLIENT_NOUNS:
        for _, block, local in _occurrences(text, noun, prose_blocks, starts):
            after = _CLIENT_IN.match(block.prose, local + len(noun))
            if after is not None and _CLIENT_BEFORE.search(block.prose, max(0, local - 60), local):
                _place_led(found, block, after.end())


def _place_led(found: _Collector, block: Block, vs: int, ve: int | None = None) -> None:
    """Scan the rest of the sentence from `vs` in `block` (or up to `ve`) when a place opens it ("in Ottawa,
    Toronto and ...")."""
    value = block.prose[vs : _cue_end(found, block.prose, vs) if ve is None else ve]
    first = found.gazetteer.find(value)
    if first and first[0][0] == 0:
        found.scan(value, block.start + vs, "text")


def _based(doc: Document, found: _Collector) -> None:
    """Where the employer says it is based: "We are UK based", "We're a Berlin-based startup". Read only when the
    posting gives no location of its own; a place "based" describes no one else ("UK based organisations")."""
    for block in fact_blocks(doc, found.memo):
        if block.kind not in (PARAGRAPH, LIST_ITEM) or "based" not in block.prose:
            continue
        for m in _BASED.finditer(block.prose):
            found.scan(m.group("name"), block.start + m.start("name"), "prose", location_value=True)


def _lead_line(doc: Document, found: _Collector) -> None:
    """The head of a digest entry that opens the posting on one long line: "Deputy Director of Elections, Douglas
    County, Colorado — plans and directs ...", "Policy Analyst, Virginia Department of Elections – the Department
    ...". Newsletters and job digests list roles so, as "role, employer, place" before a dash; the place may be the
    employer's own name ("State of Connecticut"). The role before the first comma is left out: it names a job."""
    for block in fact_blocks(doc, found.memo):
        if block.kind != PARAGRAPH:
            continue
        line_end = block.prose.find("\n")
        line = block.prose if line_end < 0 else block.prose[:line_end]
        if _width(line) <= _SHORT_LINE:
            return  # a short first line is read with the top lines
        m = _LEAD.match(line) or _LEAD_COLON.match(line)
        if m is not None:
            head = m.group()
            comma = head.index(",") + 1
            found.scan(head[comma:], block.start + comma, "text")
        return


def _without_employer_lines(places: list[Place], text: str) -> list[Place]:
    """Drop places read inside an employer's name on a line of its own ("Cambridge Technology Inc." above
    "Bangalore" in a scraped header) when the posting gives another place: the name is no location then. A place
    that is the only sign ("Reserve Bank of Australia", "Synpulse Australia Pty Ltd" alone) is kept."""
    inside: list[int] = []
    for index, place in enumerate(places):
        if place.source != "text" or place.remote:
            continue
        line_start = text.rfind("\n", 0, place.start) + 1
        line_end = text.find("\n", place.end)
        line_end = len(text) if line_end < 0 else line_end
        if _width(text[line_start:line_end].strip()) > _SHORT_LINE:
            continue  # a sentence, not a name on a line of its own
        if _COMPANY_SUFFIX.search(text, place.end, line_end) is not None:
            inside.append(index)
    if not inside or len(inside) == len(places):
        return places
    drop = set(inside)
    return [place for index, place in enumerate(places) if index not in drop]


def _base_cues(doc: Document, found: _Collector) -> None:
    """Places named right after "base" in Chinese prose: "可以 Base 上海、杭州", "base地：杭州"."""
    for block in fact_blocks(doc, found.memo):
        prose = block.prose
        if block.kind not in (PARAGRAPH, LIST_ITEM) or ("ase" not in prose and "ASE" not in prose):
            continue
        if prose.isascii() or _HAN.search(prose) is None:
            continue  # the cue needs a Chinese character after it
        for m in _BASE_CUE.finditer(prose):
            value = _BASE_VALUE.match(prose, m.end())
            if value is not None:
                found.scan(value.group(), block.start + m.end(), "text")


def _place_paths(doc: Document, found: _Collector) -> None:
    """Lines that open with a country and a town joined by hyphens: "中国-北京-内推直达：https://...". Both must be
    places, the second in the first's country, so "中国-移动", "日本-北京" or "前端-北京" is no such path."""
    gazetteer = found.gazetteer
    for block in fact_blocks(doc, found.memo):
        if block.kind not in (PARAGRAPH, LIST_ITEM, HEADING) or "-" not in block.prose or block.prose.isascii():
            continue  # a path names Chinese places
        if _HAN.search(block.prose) is None:
            continue
        for m in _PLACE_PATH.finditer(block.prose):
            country, town = gazetteer.find(m.group(1)), gazetteer.find(m.group(2))
            if len(country) != 1 or len(town) != 1 or country[0][:2] != (0, len(m.group(1))):
                continue
            if town[0][:2] != (0, len(m.group(2))) or any("-" in j for j in country[0][2]):
                continue
            if all(country_of(j) in country[0][2] for j in town[0][2]):
                found.scan(m.group(1), block.start + m.start(1), "text")
                found.scan(m.group(2), block.start + m.start(2), "text")


def _not_required(doc: Document, found: _Collector) -> None:
    """A place the posting says the worker need not be in ("We are UK based ... it is not a requirement to be UK
    based", "there is no need to relocate to London"): the work may be done from elsewhere, so the role is remote,
    with no area of its own. A place read inside that clause ("relocate to London") is dropped; the employer's own
    place said elsewhere ("We are UK based") stays, since its laws bind the employer, but it does not scope the
    remote work. A remote place read elsewhere is left as it is."""
    view = _lowered(doc, found.memo)
    for index in view.holding(_NOT_REQUIRED_WORDS, (PARAGRAPH, LIST_ITEM)):
        if view.search(_NOT_REQUIRED_TWIN, index) is None and view.plain_at(index):
            continue  # the block holds no such clause (see `_NOT_REQUIRED_TWIN`)
        block = view.blocks[index]
        prose = block.prose
        for m in _NOT_REQUIRED.finditer(prose):
            group = next(g for g in ("place", "moved", "before") if m.group(g) is not None)
            if not found.gazetteer.find(m.group(group)):
                continue
            start, end = block.start + m.start(), block.start + m.end()
            found.places[:] = [p for p in found.places if p.remote or not start <= p.start < end]
            if not any(p.remote for p in found.places):
                found.places.append(Place(start, end, m.group(), (), "prose", True))
            return


def _statements(doc: Document, found: _Collector, words: tuple[str, ...]) -> Iterator[Block]:
    """Paragraphs, list items and headings whose lower-cased prose holds one of `words` ("THIS ROLE MUST BE BASED IN
    SAN DIEGO" is a heading of a scraped page)."""
    view = _lowered(doc, found.memo)
    for i in view.holding(words, (PARAGRAPH, LIST_ITEM, HEADING)):
        yield view.blocks[i]


def _areas(found: _Collector, value: str) -> tuple[str, ...]:
    """The countries, states and provinces named in `value`, not its towns."""
    return tuple(dict.fromkeys(j for _, _, ids in found.gazetteer.find(value) for j in ids if j.count("-") <= 1))


def _residence_scope(doc: Document, found: _Collector) -> None:
    """Remote work with no area, in a posting that says where the worker must live ("Employees must reside in
    Washington state and within a reasonable distance to their King County worksite"): the work is done from
    there, so the remote place takes that area. A wish ("ideally you live in") scopes nothing."""
    unscoped = [i for i, p in enumerate(found.places) if p.remote and not p.jurisdictions]
    if not unscoped:
        return
    for block in _statements(doc, found, ("reside", "live in", "resident")):
        for m in _MUST_RESIDE.finditer(block.prose):
            areas = _areas(found, block.prose[m.end() : _cue_end(found, block.prose, m.end())])
            if areas:
                for i in unscoped:
                    p = found.places[i]
                    found.places[i] = Place(p.start, p.end, p.text, areas, p.source, True)
                return


def _must_be_based(doc: Document, found: _Collector) -> None:
    """A header's place that the posting overrides: "Groton, CT" under the title, then "THIS ROLE MUST BE BASED IN
    SAN DIEGO". A scraped header gives the employer's listing site; a statement that the role must be based
    somewhere gives the job's own place, so a header place outside it is dropped. A place inside it ("Pune" and
    "must be based in India") stays."""
    for block in _statements(doc, found, ("be based", "be located")):
        for m in _MUST_BE_IN.finditer(block.prose):
            at = block.start + m.end()
            areas = _areas(found, block.prose[m.end() : _cue_end(found, block.prose, m.end())])
            if not areas:
                continue
            found.places[:] = [
                p
                for p in found.places
                if p.remote
                or p.source != "text"
                or p.start >= block.start
                or at - p.start > _HEADER_REACH
                or any(_related(a, j) for a in areas for j in p.jurisdictions)
            ]
            return


def _related(a: str, b: str) -> bool:
    """One id is the other or inside it."""
    return a == b or a.startswith(b + "-") or b.startswith(a + "-")


def _remote_in_employer_country(doc: Document, found: _Collector) -> None:
    """A remote role whose posting names no area, from an employer whose name is a country's legal entity ("Think
    Academy U.S." over "Location: Remote"): remote work in that country, where the entity employs. Read only when
    every place read is remote with no scope; the name comes from the front matter's company key or a short line
    of the header (the company's line under the title of a scraped posting)."""
    if not found.places or any(p.jurisdictions or not p.remote for p in found.places):
        return
    country = next(filter(None, (_entity_country(name, found.gazetteer) for name in _employer_names(doc, found))), None)
    if country is not None:
        found.places[:] = [Place(p.start, p.end, p.text, (country,), p.source, True) for p in found.places]


def _employer_names(doc: Document, found: _Collector) -> Iterator[str]:
    """The employer's name as the front matter gives it, then the short lines of the header under the title."""
    for key in _EMPLOYER_KEYS:
        value = doc.meta(key)
        if isinstance(value, str):
            yield value.strip()
    seen = 0
    for block in fact_blocks(doc, found.memo):
        if block.kind not in (PARAGRAPH, LIST_ITEM, HEADING):
            continue
        for line in block.prose.split("\n"):
            stripped = line.strip().strip(_MARKUP)
            if not stripped:
                continue
            seen += 1
            if seen > _HEADER_LINES or _width(stripped) > _SHORT_LINE:
                return
            if seen > 1 and _REMOTE_MARKER.search(stripped) is None:
                yield stripped


def _entity_country(name: str, gazetteer: Gazetteer) -> str | None:
    """The country closing an employer's name ("Think Academy U.S" -> US), or None."""
    m = _ENTITY_COUNTRY.match(name)
    if m is None or _NOT_ENTITY_NAME.search(m.group("name")):
        return None
    word = m.group("country")
    if word == "US" or word.startswith("U.S"):
        return "US"
    hits = gazetteer.find(word)
    if len(hits) != 1 or hits[0][:2] != (0, len(word)):
        return None
    ids = hits[0][2]
    return ids[0] if len(ids) == 1 and country_of(ids[0]) == ids[0] else None


def _offices_of_a_remote_role(found: _Collector, stated: tuple[int, int, str] | None) -> None:
    """A wholly remote role ("This is a fully remote position") whose only places are the employer's offices or head
    office ("Our headquarters is in Boston", "we have offices in London and New York"): those are where the
    employer is, not where the work is done, so they are dropped and the remote work has no area of its own."""
    if stated is None or any(p.remote for p in found.places) or not _WHOLLY_REMOTE.search(stated[2]):
        return
    fixed = [p for p in found.places if not p.remote]
    if fixed and all(p.start in found.employer or _is_head_office(p, found.text) for p in fixed):
        found.places[:] = [p for p in found.places if p.remote]


def _without_employer_offices(found: _Collector) -> None:
    """Drop the employer's offices read from a sentence ("We have offices in London and New York", "our headquarters
    is in Boston") when the posting also reads a place of the job's own ("This role is based in Denver"): they say
    where the company is. One office ("conducted at our main office in Fairfax, VA") may be where the work is, and
    stays; with no other place, all stay, as the offices the job is most likely at."""
    if not found.employer:
        return
    if any(not p.remote and p.start not in found.employer for p in found.places):
        found.places[:] = [p for p in found.places if p.remote or not found.employer.get(p.start, False)]


def _is_head_office(place: Place, text: str) -> bool:
    return place.source in ("text", "prose") and bool(
        _HEAD_OFFICE_BEFORE.search(text, max(0, place.start - 40), place.start)
    )


def _without_company_facts(places: list[Place], text: str) -> list[Place]:
    """Drop places read from sentences or top lines that a company fact names: where the employer was founded
    ("Founded in Silicon Valley"), always; where its head office is ("Headquartered in Boston"), when another place
    is read besides. A posting whose only place is its employer's head office most often has the job there (a
    small employer's onsite role); a large employer's head office beside the job's own place is not the job's."""
    founded: set[int] = set()
    head_office: set[int] = set()
    for index, place in enumerate(places):
        if place.remote or place.source not in ("text", "prose"):
            continue
        window = max(0, place.start - 40)
        if _FOUNDED_BEFORE.search(text, window, place.start):
            founded.add(index)
        elif _HEAD_OFFICE_BEFORE.search(text, window, place.start):
            head_office.add(index)
    if not founded and not head_office:
        return places
    kept = [i for i in range(len(places)) if i not in founded]
    if any(i not in head_office and not places[i].remote for i in kept):
        kept = [i for i in kept if i not in head_office]
    return [places[i] for i in kept]
