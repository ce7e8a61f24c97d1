package gen

// Word lists for the generator, roughly in order of everyday frequency
// within each list (the generator draws from them with a Zipf law, so the
// first words are the most common). Topic lists give each story its own
// vocabulary.

var generalNouns = `time year people way day government country world week official month state
group report part plan number case week point issue side deal law team home family question
power war money city area minister statement talk president policy source region house party
agreement leader meeting situation process security right support decision effort problem office
system service force program interest change result level community information market member
company month reason idea order position peace future step role view evidence pressure risk
condition response move action chance control force history language voice matter term period
crisis talks proposal demand concern border authority network agency council committee spokesman
spokeswoman analyst expert observer critic citizen resident voter worker student patient child
woman man village region province capital district street building road bridge station port
airport hospital school university court prison factory farm field river coast island mountain
forest lake weather storm flood fire drought season summer winter spring autumn morning evening
night hour minute moment decade century generation budget tax price cost salary pension debt loan
bank investor share stock bond currency inflation growth recession export import trade tariff
contract sanction aid grant fund charity project initiative campaign election vote ballot poll
candidate seat majority minority coalition opposition parliament senate congress cabinet ministry
embassy ambassador diplomat envoy delegation summit conference forum negotiation treaty accord
framework guarantee commitment condition ceasefire truce offensive attack strike missile drone
weapon army soldier troop officer general commander unit base front line territory zone
occupation refugee victim survivor witness journalist reporter editor newspaper channel broadcast
interview comment remark claim allegation investigation inquiry probe scandal trial verdict
sentence judge lawyer prosecutor police suspect arrest raid protest demonstration crowd rally
march strike union employer employee job wage shortage supply demand energy gas oil electricity
power grid plant reactor pipeline fuel coal solar wind battery vehicle car train flight ship
cargo container route journey visit trip tour guest host audience fan player coach club match
game season title championship league cup goal record medal race competition tournament stadium
film book song album artist writer director actor festival museum exhibition gallery collection
painting theatre concert award prize ceremony tradition culture heritage religion church temple
mosque faith belief value freedom democracy regime dictator rebel militia faction movement
platform app software device phone computer chip data algorithm model network user account
password attack breach hacker platform startup founder engineer scientist researcher study trial
vaccine virus disease outbreak infection treatment drug medicine doctor nurse clinic surgery
diet food water crop harvest price shortage famine habitat species animal bird fish ocean
climate emission carbon temperature heat ice glacier sea rain`

var topicNouns = [][]string{
	// diplomacy and war
	split(`talks ceasefire delegation envoy negotiation sanction border territory front drone missile
	 offensive troop brigade artillery corridor summit guarantee accord truce annexation referendum
	 occupation shelling evacuation convoy checkpoint frontline counteroffensive mobilisation
	 reconstruction aid package deterrence alliance membership memorandum ultimatum`),
	// economy
	split(`inflation rate bank market investor bond yield currency tariff export import deficit surplus
	 budget revenue profit earnings dividend merger acquisition shareholder forecast recession
	 growth output productivity wage pension subsidy stimulus regulator lender mortgage loan
	 bankruptcy supply chain commodity barrel refinery`),
	// technology
	split(`platform software chip model algorithm startup user account device smartphone server
	 data breach hacker encryption regulator antitrust cloud network satellite launch rocket
	 robot automation processor battery charger update outage patent licence subscription`),
	// climate and environment
	split(`emission carbon temperature heatwave drought flood wildfire glacier coastline reef
	 species habitat forest deforestation pollution plastic recycling turbine panel grid
	 reservoir rainfall monsoon hurricane typhoon cyclone evacuation adaptation target pledge`),
	// health
	split(`vaccine virus outbreak infection hospital patient doctor nurse clinic trial treatment
	 dose drug prescription diagnosis symptom surgery ward waiting list pandemic immunity
	 screening cancer diabetes obesity insurance pharmacy shortage`),
	// sport and culture
	split(`match season title championship league cup goal striker coach transfer stadium fan
	 tournament medal record final semifinal referee penalty festival film album concert
	 exhibition premiere director award gallery novel audience`),
}

var topicNames = []string{"diplomacy", "economy", "technology", "climate", "health", "sport"}

var adjectives = split(`new other last first good great big high important major public political
local national international economic military foreign senior former small large long early late
young old strong key possible clear significant serious difficult hard full final recent current
main central special real whole likely potential critical cautious tough constructive productive
successful fragile delicate complex complicated direct formal informal private official secret
regional global western eastern northern southern Ukrainian Russian American European Chinese
British French German financial social legal historic dramatic sudden gradual sharp steady modest
massive huge tiny broad narrow deep wide heavy light rapid slow quiet loud bitter angry calm
optimistic pessimistic uncertain stable unstable fresh initial further additional alternative
strategic tactical diplomatic humanitarian environmental digital nuclear civil criminal democratic
independent controversial popular unpopular effective ambitious bold modern traditional rural urban
domestic emergency temporary permanent vital urgent crucial broader wider lasting immediate`)

var adverbs = split(`also now still already again however only even just really very often then
later soon recently finally quickly slowly sharply steadily largely widely clearly publicly
privately officially reportedly apparently initially eventually currently previously directly
strongly firmly openly carefully briefly repeatedly increasingly`)

// verbs: base form, or base:past for irregular ones.
var verbs = split(`say:said make:made go:went take:took come:came see:saw know:knew get:got give:gave
find:found think:thought tell:told become:became show want use work call try ask need feel:felt
leave:left put:put mean:meant keep:kept let:let begin:began seem help talk turn start hold:held
bring:brought happen write:wrote provide sit:sat stand:stood lose:lost pay:paid meet:met include
continue set:set learn change lead:led understand:understood watch follow stop create speak:spoke
read:read allow add spend:spent grow:grew open walk win:won offer remember consider appear buy:bought
wait serve die send:sent expect build:built stay fall:fell cut:cut reach kill remain suggest raise
pass sell:sold require report decide pull announce confirm deny reject accept propose negotiate
discuss agree warn urge demand insist claim describe stress emphasise acknowledge welcome criticise
condemn praise support oppose back block approve sign launch release publish reveal investigate
arrest charge sentence attack defend strike:struck target destroy damage rebuild restore recover
rise:rose drop increase reduce cut:cut boost slash double triple freeze extend delay postpone
resume halt suspend cancel host visit travel arrive return depart fly:flew`)

var firstNames = split(`Anna Maria Olena Iryna Natalia Svetlana Elena Sofia Laura Sarah Emma Julia Claire
Nadia Fatima Aisha Mei Yuki Ana Lucia Ines Hanna Katarzyna Marta Ingrid Astrid Chloe Amelia Grace
Rustem Andriy Oleksandr Dmitry Sergei Vladimir Mykola Yuriy Pavlo Ivan Steve John Michael David
James Robert Marco Jared Donald Emmanuel Olaf Keir Pedro Luis Carlos Ahmed Omar Hassan Li Wei
Hiroshi Kenji Arjun Rahul Tomasz Piotr Lars Henrik Pierre Jean Hans Klaus Giorgio Matteo Kofi
Samuel Daniel Peter Paul Mark Thomas George Richard Edward`)

// Surname parts: the generator joins an onset, a middle and an ending in
// the style of one language family, so names look real without being real.
var nameStyles = []struct {
	onsets, middles, endings []string
	slavic                   bool
}{
	{split("Zel Kov Pet Iv Dan Shev Mel Yerm Kuz Bor Tar Hol Sav Mar Vol Dor Pol Kar Lys Ost Tym Yar Kh"),
		split("en ar or ol ur ich ash av el im"), split("sky enko ov ova chuk yk iak ak uk in ina ets"), true},
	{split("Wit Kush Har Brad Fair Ash Whit Stan Mor Hart Cole Ell Win Gar Thorn Bell Hol Ford Ken Rad"),
		split("ing er ton ham ley ford wick mon bur"), split("koff ner son ton field well by man ley worth s"), false},
	{split("Rub Mart Gonz Fern Rod Alv Cast Mor Serr Vid Bar Ort Del Sant Marq"),
		split("i a e o"), split("io ez es ini elli ano ino eira ado"), false},
	{split("Sch Brau Wag Kel Hof Zim Lang Kr Stein Berg Fisch Rich"),
		split("en er el a"), split("mann berg er hardt feld stein"), false},
}

var cities = split(`Kyiv Moscow Washington Brussels Geneva Berlin Paris London Warsaw Vienna Rome Madrid
Ankara Istanbul Doha Riyadh Cairo Beijing Tokyo Seoul Delhi Jakarta Nairobi Lagos Brasilia Ottawa
Kharkiv Odesa Lviv Dnipro Zaporizhzhia Donetsk Mariupol Minsk Tbilisi Vilnius Riga Tallinn Helsinki
Stockholm Oslo Copenhagen Prague Budapest Bucharest Sofia Athens Lisbon Dublin Edinburgh Miami
Florida Texas California Davos Munich Hallandale Jeddah Singapore Sydney`)

var weekdays = split("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")

var roles = split(`president|prime minister|foreign minister|defence minister|finance minister|envoy|
secretary of state|spokesman|spokeswoman|chief executive|chairman|governor|mayor|senator|
ambassador|adviser|chief negotiator|commander|analyst|economist|researcher|professor|lawyer|chief of staff`, "|")

var orgs = split(`national security council|central bank|foreign ministry|defence ministry|parliament|
national assembly|supreme court|energy agency|health ministry|football federation|olympic committee|
trade union|stock exchange|election commission|news agency|research institute`, "|")

var sources = split(`a source familiar with the talks|officials|a senior official|people briefed on the matter|
the ministry|local media|a spokesperson|analysts|a person with direct knowledge of the discussions|
two diplomats|state media|the agency|observers`, "|")

// synonyms drive paraphrase: a copied sentence keeps its facts, quotes and
// numbers, but an outlet that rewrites it swaps some of these words.
var synonyms = map[string][]string{
	"said": {"stated", "told reporters", "noted", "added"}, "talks": {"negotiations", "discussions"},
	"big": {"large", "major"}, "large": {"big", "major"}, "difficult": {"hard", "tough"},
	"tough": {"difficult", "hard"}, "important": {"significant", "key", "crucial"},
	"significant": {"important", "major"}, "plan": {"proposal", "framework"}, "proposal": {"plan", "offer"},
	"meeting": {"session", "talks"}, "officials": {"authorities", "representatives"},
	"warned": {"cautioned"}, "announced": {"confirmed", "unveiled"}, "rose": {"climbed", "increased"},
	"fell": {"dropped", "declined"}, "agreement": {"deal", "accord"}, "deal": {"agreement", "accord"},
	"country": {"nation"}, "government": {"administration", "cabinet"}, "rapid": {"quick", "swift"},
	"leader": {"head", "chief"}, "also": {"additionally"}, "however": {"but", "yet"},
	"recent": {"latest"}, "help": {"assist"}, "began": {"started"}, "ended": {"concluded"},
}

var titleWords = split(`Faces Test After Progress Talks Deal Warns Over Amid Seeks Pushes Backs Rejects
Signals Hopes Stalls Resumes Clash Crisis Pressure Plan Push Row Showdown Breakthrough Setback Deadline`)
