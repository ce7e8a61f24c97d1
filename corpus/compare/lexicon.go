package compare

// Word lists that name extraction, quote attribution and number extraction
// read as cues. They are ordinary English, not tuned to any article.

// titleWords precede a person's name and are not part of it.
var titleWords = setOf("president", "vice", "prime", "minister", "secretary", "general", "chancellor",
	"king", "queen", "prince", "princess", "pope", "senator", "sen", "rep", "representative", "governor",
	"gov", "mayor", "judge", "justice", "ambassador", "envoy", "special", "commissioner", "director",
	"chairman", "chairwoman", "chair", "ceo", "chief", "spokesman", "spokeswoman", "spokesperson",
	"mr", "mrs", "ms", "dr", "gen", "colonel", "col", "lt", "lieutenant", "captain", "capt", "sergeant",
	"sgt", "admiral", "adm", "marshal", "sheikh", "emir", "premier", "speaker", "leader", "foreign",
	"defence", "defense", "deputy", "acting", "former", "lord", "sir", "dame", "rabbi", "bishop",
	"cardinal", "professor", "prof", "senior", "top", "interim", "supreme", "commander", "coach",
	"manager", "founder", "executive", "attorney", "officer", "inspector", "detective", "excellency",
	"majesty", "vp", "cfo", "coo", "cto", "mp", "mep", "pm", "assistant", "adviser", "advisor",
	"negotiator", "sultan", "tsar", "czar", "ayatollah", "patriarch", "imam", "dean", "counsel",
	"counselor", "congressman", "congresswoman", "cong", "delegate", "lady", "pres", "sheriff",
	"superintendent", "reverend", "rev", "duke", "duchess", "baron", "baroness", "madam", "mx", "miss",
	"messrs", "amb", "atty", "whip", "solicitor", "comptroller", "treasurer", "lt gov")

// titleTail words may follow "of" inside a title ("Secretary of State").
var titleTail = setOf("state", "defense", "defence", "staff", "foreign", "affairs", "interior",
	"justice", "commerce", "treasury", "health", "finance", "energy", "education", "agriculture",
	"labor", "labour", "transportation", "homeland", "security", "the", "army", "navy", "economy", "trade")

// personRoles, written in lower case right before a name, mark a person
// ("envoy Steve Witkoff", "spokesman John Kirby").
var personRoles = setOf("president", "minister", "secretary", "envoy", "spokesman", "spokeswoman",
	"spokesperson", "chief", "head", "leader", "ambassador", "chancellor", "governor", "senator",
	"mayor", "general", "commander", "director", "chairman", "ceo", "founder", "premier", "adviser",
	"advisor", "negotiator", "negotiators", "counterpart", "aide", "officials", "official", "lawmaker",
	"judge", "prosecutor", "analyst", "economist", "correspondent", "reporter", "author", "rapper",
	"singer", "actor", "actress", "player", "striker", "coach", "manager", "candidate", "king", "queen",
	"prince", "pope", "dictator", "tycoon", "billionaire", "businessman", "businesswoman", "activist",
	"journalist", "colleague", "deputy", "son", "daughter", "wife", "husband", "brother", "sister",
	"father", "mother", "son-in-law", "mr", "mrs", "ms", "dr", "counsel", "counselor", "lawyer",
	"attorney", "representative", "congressman", "congresswoman", "sen", "rep", "gov")

// speechVerbs attribute a quote or mark their subject as a person.
var speechVerbs = setOf("said", "says", "say", "told", "tells", "added", "adds", "stated", "states",
	"stating", "remarked", "noted", "notes", "noting", "wrote", "writes", "writing", "warned", "warns",
	"warning", "explained", "explains", "argued", "argues", "insisted", "insists", "acknowledged",
	"declared", "announced", "announces", "hailed", "described", "describes", "called", "calls",
	"saying", "asked", "asks", "replied", "responded", "continued", "cautioned", "emphasized",
	"emphasised", "stressed", "claimed", "claims", "admitted", "confirmed", "confirms", "recalled",
	"tweeted", "posted", "commented", "observed", "suggested", "urged", "urges", "vowed", "promised",
	"predicted", "pointed", "revealed", "reported", "reports", "quoted", "quipped", "conceded", "added.",
	"expressed", "believes", "believed", "thinks", "thought", "recounted", "testified", "shouted",
	"whispered", "answered", "elaborated", "highlighted", "threatened", "threatening", "describing",
	"according", "remarking", "adding", "explaining", "insisting", "arguing", "acknowledging", "telling",
	"calling", "labeling", "labelling", "dubbing", "disagreed", "agreed", "countered", "objected", "joked",
	"boasted", "complained", "lamented", "maintained", "contended", "asserted", "wondered", "mused",
	"retorted", "snapped", "sighed", "pleaded", "demanded", "protested", "cried", "screamed", "yelled")

// orgWords inside a name make it an organisation.
var orgWords = setOf("council", "agency", "bank", "ministry", "commission", "union", "party", "committee",
	"department", "university", "college", "school", "court", "parliament", "congress", "senate",
	"organization", "organisation", "association", "group", "company", "corporation", "corp", "inc",
	"ltd", "llc", "plc", "times", "news", "post", "press", "media", "center", "centre", "institute",
	"foundation", "fund", "administration", "office", "service", "services", "forces", "army", "navy",
	"police", "guard", "alliance", "league", "club", "network", "bureau", "authority", "board",
	"coalition", "front", "movement", "church", "journal", "tribune", "herald", "gazette", "telegraph",
	"broadcasting", "television", "radio", "airlines", "airways", "motors", "bros", "holdings",
	"partners", "capital", "securities", "exchange", "reserve", "assembly", "cabinet", "government",
	"house", "command", "mission", "federation", "fc", "united", "society", "trust", "institution",
	"academy", "hospital", "agence", "presse", "associated", "commonwealth", "secretariat", "tribunal",
	"directorate", "inspectorate", "ministries", "brigade", "battalion", "regiment", "corps", "division")

// placeWords inside a name, or right after it, make it a place.
var placeWords = setOf("sea", "river", "bay", "island", "islands", "mountains", "mountain", "lake", "ocean",
	"gulf", "strait", "valley", "street", "square", "avenue", "province", "region", "oblast", "county",
	"city", "district", "peninsula", "coast", "desert", "plain", "plains", "canal", "channel", "airport",
	"port", "harbor", "harbour", "bridge", "park", "state", "territory", "territories", "republic",
	"kingdom", "emirate", "village", "town", "border", "capital", "krai", "governorate", "prefecture",
	"heights", "hills", "beach", "falls", "straits", "basin", "delta", "cape",
	// buildings and grounds
	"tower", "towers", "building", "memorial", "garden", "gardens", "plaza", "stadium", "arena", "hotel",
	"palace", "castle", "capitol", "boulevard", "road", "highway", "station", "mall", "cemetery",
	"monument", "courthouse", "lodge", "terminal", "pier", "base", "compound", "residence", "estate",
	"resort", "ranch", "headquarters", "room", "chamber", "auditorium", "ballroom")

// placePrepositions before a name suggest a place.
var placePrepositions = setOf("in", "to", "from", "near", "across", "into", "inside", "outside",
	"throughout", "toward", "towards", "via", "outskirts", "around", "across")

// connectors may join the capitalised words of one name.
var connectors = setOf("of", "de", "von", "der", "van", "den", "la", "le", "al", "bin", "ibn", "da", "du",
	"del", "dos", "das", "di", "y", "el", "ben", "abu", "zu", "op", "ter", "ten")

// notNames are capitalised words that are never names on their own.
var notNames = setOf("i", "im", "ive", "id", "ill", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
	"november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
	"dec", "ok", "tv", "am", "pm", "ad", "bc", "ce", "bce", "covid", "ceo", "faq", "pdf", "url", "ai")

// commonInitials are capitalised at the start of a sentence or heading far
// more often than they begin a name.
var commonInitials = setOf("senior", "former", "top", "key", "early", "late", "later", "new", "recent",
	"many", "most", "several", "some", "both", "each", "every", "other", "another", "several", "such",
	"first", "second", "last", "next", "despite", "during", "following", "under", "until", "amid",
	"amidst", "although", "though", "because", "since", "while", "once", "echoing", "looking", "among",
	"according", "instead", "even", "still", "yet", "also", "only", "just", "throughout", "through",
	"without", "within", "central", "similarly", "meanwhile", "however", "moreover", "furthermore",
	"unlike", "like", "here", "there", "these", "those", "this", "that", "what", "who", "how", "why",
	"when", "where", "which", "whose", "all", "any", "no", "not", "nor", "our", "your", "their", "my",
	"his", "her", "its", "we", "they", "you", "he", "she", "it", "a", "an", "the", "in", "on", "at",
	"for", "from", "with", "by", "of", "to", "as", "after", "before", "if", "but", "and", "or", "so",
	"then", "now", "today", "yesterday", "tomorrow", "tonight", "officials", "diplomats", "negotiators",
	"talks", "analysts", "critics", "sources", "experts", "residents", "troops", "forces", "support",
	"comments", "read", "watch", "share", "click", "subscribe", "advertisement", "photo", "video", "image")

// orgRoles after a possessive mark the possessor as an organisation.
// ("Zelenskyy's chief of staff" is a person's, "Nvidia's chief executive"
// a company's).
var orgRoles = setOf("executive", "executives", "ceo", "cfo", "spokesman", "spokeswoman",
	"spokesperson", "founder", "director", "chairman", "chairwoman", "board", "leader", "leadership",
	"employees", "shareholders", "workers", "members", "headquarters", "owner")

// chiefOf follow "chief" in a company's officers ("chief financial officer").
var chiefOf = setOf("financial", "operating", "technology", "investment", "economist", "marketing", "product")

// personHeads after a surname make it a person's: "the Biden administration".
var personHeads = setOf("administration", "campaign", "presidency", "family", "estate")

// honorifics are the courtesy titles that tell only a person's gender.
var honorifics = setOf("mr", "mrs", "ms", "miss", "messrs", "mx")

// titleLead words open a title phrase when a title word follows them.
var titleLead = setOf("majority", "minority", "first", "ranking", "associate", "lieutenant", "lt",
	"assistant", "deputy", "vice", "chief", "special", "former")

// nameMonths are months that are also names ("Theresa May").
var nameMonths = setOf("may", "june", "april", "august")
