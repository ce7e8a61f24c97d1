package compare

import "strings"

// Word lists about people's names: ordinary knowledge of English naming,
// not tuned to any article.

// kinWords before a name, or in an apposition after it, mark a relative
// of someone else ("his daughter Malia Obama").
var kinWords = setOf("wife", "husband", "son", "daughter", "brother", "sister", "father", "mother",
	"widow", "widower", "nephew", "niece", "cousin", "uncle", "aunt", "grandson", "granddaughter",
	"grandfather", "grandmother", "stepson", "stepdaughter", "son-in-law", "daughter-in-law", "sons",
	"daughters", "children", "child", "spouse", "fiancee", "fiance", "ex-wife", "ex-husband", "mom", "dad")

// hypocorisms map common short forms of English given names to the formal
// one.
var hypocorisms = map[string]string{
	"jim": "james", "jimmy": "james", "jamie": "james", "bob": "robert", "bobby": "robert", "rob": "robert",
	"robbie": "robert", "bill": "william", "billy": "william", "will": "william",
	"willie": "william", "mike": "michael", "mickey": "michael", "mikey": "michael",
	"tom": "thomas", "tommy": "thomas", "joe": "joseph", "joey": "joseph", "dick": "richard",
	"rick": "richard", "ricky": "richard", "rich": "richard", "richie": "richard", "chuck": "charles",
	"charlie": "charles", "chas": "charles", "liz": "elizabeth", "beth": "elizabeth", "betsy": "elizabeth",
	"betty": "elizabeth", "lizzie": "elizabeth", "eliza": "elizabeth", "libby": "elizabeth",
	"dan": "daniel", "danny": "daniel", "dave": "david", "davy": "david", "ed": "edward", "eddie": "edward",
	"ted": "edward", "ned": "edward", "steve": "steven", "stephen": "steven", "stevie": "steven",
	"tony": "anthony", "andy": "andrew", "alex": "alexander",
	"ben": "benjamin", "benny": "benjamin", "chris": "christopher", "matt": "matthew", "nick": "nicholas",
	"pat": "patrick", "pete": "peter", "sam": "samuel", "sammy": "samuel", "tim": "timothy",
	"timmy": "timothy", "greg": "gregory", "jeff": "jeffrey", "geoff": "geoffrey", "jerry": "gerald",
	"larry": "lawrence", "ken": "kenneth", "kenny": "kenneth", "ron": "ronald", "ronnie": "ronald",
	"don": "donald", "donny": "donald", "fred": "frederick", "freddie": "frederick",
	"hank": "henry", "harry": "henry", "jack": "john", "johnny": "john", "jon": "jonathan",
	"josh": "joshua", "nate": "nathan", "phil": "philip", "ray": "raymond", "russ": "russell",
	"stan": "stanley", "terry": "terence", "vince": "vincent", "walt": "walter",
	"wally": "walter", "zach": "zachary", "zack": "zachary", "doug": "douglas", "gene": "eugene",
	"kate": "katherine", "katie": "katherine", "kathy": "katherine", "cathy": "catherine",
	"peggy": "margaret", "maggie": "margaret", "meg": "margaret",
	"sue": "susan", "susie": "susan", "jenny": "jennifer", "jen": "jennifer", "becky": "rebecca",
	"debbie": "deborah", "deb": "deborah", "patty": "patricia", "trish": "patricia", "vicky": "victoria",
	"abby": "abigail", "mandy": "amanda", "annie": "ann", "anne": "ann", "chrissy": "christine",
	"val": "valerie", "cindy": "cynthia", "barb": "barbara", "rudy": "rudolph", "rudi": "rudolph",
	"bernie": "bernard", "beto": "robert", "lou": "louis", "gabby": "gabrielle", "mick": "michael",
	"mitch": "mitchell", "abe": "abraham", "manny": "manuel", "pepe": "jose", "paco": "francisco",
	"misha": "mikhail", "volodya": "vladimir", "dima": "dmitry", "newt": "newton",
}

// maleNames and femaleNames are common given names whose gender most
// readers take for granted; a name in neither tells nothing.
var maleNames = setOf(strings.Fields(`james robert william michael thomas joseph richard charles david
daniel edward steven anthony andrew alexander albert benjamin christopher matthew nicholas patrick peter
samuel timothy gregory jeffrey geoffrey gerald lawrence kenneth ronald donald frederick francis henry
john jonathan joshua nathan philip raymond russell stanley terence vincent walter zachary douglas eugene
george paul mark brian kevin jason eric adam scott justin brandon ryan gary jose larry jacob juan
barack mitt mitch kevin marco ted rand lindsey bernie rudy jared eric hunter beau chuck rex rod jeb
vladimir sergei sergey dmitry dmitri volodymyr rustem andriy emmanuel olaf boris keir rishi narendra
recep benjamin bashar shinzo justin jair luis carlos jorge manuel pedro miguel antonio giuseppe
giorgio hans karl friedrich jean pierre jacques francois mohammed muhammad ahmed ali hassan hussein omar
abdul ibrahim yusuf mustafa igor ivan yuri oleg viktor alexei alexey mykola petro taras steve mike jim
bob bill tom joe dick rick tony andy dan dave ed ted ben chris matt nick pat pete sam tim greg jeff
jerry ken ron don fred frank hank harry jack jon josh nate phil ray stan walt zach doug gene al
adam aaron arthur carl dennis dwight elijah ethan gabriel harold howard jesse keith kyle leonard
louis martin nathaniel noah oscar ralph roger roy sean seth simon stuart travis tyler wayne wesley
mohammad abdullah khalid salman rodrigo emanuel lloyd merrick jerome`)...)

var femaleNames = setOf(strings.Fields(`mary patricia jennifer linda elizabeth barbara susan jessica sarah
karen nancy lisa betty margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa
deborah stephanie rebecca sharon laura cynthia kathleen amy angela shirley anna ann anne brenda pamela
emma nicole helen samantha katherine catherine christine debra rachel carolyn janet virginia maria
heather diane julie joyce victoria kelly christina joan evelyn lauren judith olivia martha cheryl megan
andrea hannah jacqueline ann gloria teresa kathryn sara janice jean alice madison doris abigail julia
judy grace denise amber marilyn beverly danielle theresa sophia marie diana brittany natalie isabella
charlotte rose alexis kayla melania ivanka tiffany malia sasha michelle hillary chelsea kamala nancy
dianne kellyanne sarah elizabeth liz kirsten amy susan lisa tulsi nikki kristi ilhan alexandria
rashida ayanna marjorie lauren liz kaitlan stormy omarosa betsy elaine gina ursula angela theresa
giorgia marine ségolène segolene jacinda sanna kaja annalena yulia julia olena iryna svetlana natalia
natalya tatiana olga elena irina maria fatima aisha layla leila meghan kate katie kathy cathy peggy
maggie meg sue susie jenny jen becky debbie deb patty trish vicky abby mandy annie chrissy val cindy
barb ellen janet loretta`)...)

func init() {
	// A name listed for both (a typo or a unisex name) tells nothing.
	for n := range maleNames {
		if femaleNames[n] {
			delete(maleNames, n)
			delete(femaleNames, n)
		}
	}
}
