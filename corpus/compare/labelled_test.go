package compare

// A labelled set of article pairs, written for these tests, in several house
// styles: honorifics and dotted acronyms (NYT), AP style, wire copy
// reprinted by two outlets, two outlets quoting one statement on their own.
// Each pair lists the sentence pairs that report the same fact (found by a
// substring of each side); every other cross pair is a negative, and the
// hard negatives (same scaffolding, different actors or claims) are listed
// too so a failure names them.

type labelledPair struct {
	name string
	a, b []string // paragraphs
	same [][2]string
	// hard negatives: pairs that share scaffolding or words but not the fact.
	not [][2]string
}

var labelledPairs = []labelledPair{
	{
		name: "census argument (honorifics vs AP)",
		a: []string{
			"The Supreme Court on Tuesday heard arguments over whether the Trump administration may add a citizenship question to the 2020 census.",
			"Justice Ruth Bader Ginsburg questioned whether the question would depress the count of immigrant households.",
			"“Is there any evidence that asking it improves the data?” Justice Ginsburg asked.",
			"Solicitor General Noel J. Francisco told the justices that the Commerce Department had broad discretion over the questionnaire.",
			"The Census Bureau’s own experts estimated that the question would lead to 6.5 million fewer people being counted.",
			"A decision is expected by the end of June.",
		},
		b: []string{
			"Supreme Court justices on Tuesday weighed the Trump administration’s plan to ask about citizenship on the 2020 census.",
			"“Why not use administrative records instead?” Justice Sonia Sotomayor asked.",
			"“Is there any evidence that asking it improves the data?” Ginsburg asked.",
			"Justice Samuel Alito asked whether other countries ask the same question on their census forms.",
			"Francisco said the Commerce Department had wide discretion over the questionnaire.",
			"Census Bureau experts have said the question could leave 6.5 million people uncounted.",
			"The justices are expected to decide the case by late June.",
		},
		same: [][2]string{
			{"heard arguments over", "weighed the Trump"},
			{"Is there any evidence", "Is there any evidence"},
			{"Solicitor General", "Francisco said"},
			{"own experts estimated", "Census Bureau experts"},
			{"decision is expected", "expected to decide"},
		},
		not: [][2]string{
			{"Is there any evidence", "Why not use administrative"},
			{"Justice Ruth Bader Ginsburg questioned", "Justice Samuel Alito asked"},
		},
	},
	{
		name: "pipe bomb arrest (AP vs NYT)",
		a: []string{
			"Federal authorities arrested a Florida man on Friday in connection with the pipe bombs mailed to prominent critics of President Donald Trump.",
			"Cesar Sayoc, 56, of Aventura, Florida, was detained outside an auto parts store in Plantation.",
			"Sayoc has a long arrest record that includes a 2002 charge of threatening to use a bomb.",
			"Trump praised law enforcement for the arrest at a White House event.",
			"“These terrorizing acts are despicable and have no place in our country,” Trump said.",
			"Authorities said they had found 13 suspicious packages by Friday.",
			"It was not immediately clear whether Sayoc had a lawyer.",
		},
		b: []string{
			"A Florida man suspected of mailing explosive devices to critics of President Trump was taken into custody on Friday, the Justice Department said.",
			"The man, Cesar Sayoc Jr., 56, was detained in Plantation, Fla., near an auto parts store.",
			"Mr. Sayoc has been arrested at least nine times, including in 2002 on a charge of making a bomb threat.",
			"“These terrorizing acts are despicable and have no place in our country,” Mr. Trump said at the White House.",
			"The F.B.I. director, Christopher A. Wray, said a fingerprint on one package led investigators to the suspect.",
			"Investigators have recovered at least 13 packages.",
			"It is unclear whether Mr. Sayoc has retained a lawyer.",
		},
		same: [][2]string{
			{"Federal authorities arrested", "suspected of mailing"},
			{"of Aventura", "The man, Cesar Sayoc"},
			{"long arrest record", "arrested at least nine times"},
			{"These terrorizing acts", "These terrorizing acts"},
			{"13 suspicious packages", "recovered at least 13"},
			{"not immediately clear", "It is unclear"},
		},
		not: [][2]string{
			{"Trump praised law enforcement", "arrested at least nine times"},
			{"Trump praised law enforcement", "fingerprint on one package"},
		},
	},
	{
		name: "reversal (paraphrase out of order)",
		a: []string{
			"President Donald Trump on Friday abruptly reversed his decision to cut federal funding for the Special Olympics.",
			"“I have overridden my people,” Trump told reporters at the White House.",
			"It was not immediately clear why Trump made the announcement.",
			"Education Secretary Betsy DeVos had defended the cut before a Senate panel on Thursday.",
			"The proposed budget would have eliminated $17.6 million for the program.",
		},
		b: []string{
			"It is unclear why Mr. Trump reversed the decision, which his own budget had proposed.",
			"Mr. Trump said on Friday that he would restore federal funding for the Special Olympics, overruling his education secretary.",
			"“I have overridden my people,” he told reporters.",
			"Betsy DeVos, the education secretary, had faced sharp questions from senators over the cut on Thursday.",
			"The budget plan called for eliminating $17.6 million in grants to the program.",
		},
		same: [][2]string{
			{"abruptly reversed", "restore federal funding"},
			{"overridden my people", "overridden my people"},
			{"not immediately clear why", "It is unclear why"},
			{"had defended the cut", "had faced sharp questions"},
			{"would have eliminated", "called for eliminating"},
		},
	},
	{
		name: "twitter feud (same scaffolding, different actors)",
		a: []string{
			"President Donald Trump escalated his feud with a former White House aide on Tuesday.",
			"Trump fired back on Twitter, calling his former aide “a lowlife.”",
			"Omarosa Manigault Newman released a recording of her firing on Sunday.",
			"Trump’s lawyers said the recording violated a nondisclosure agreement.",
			"The network’s host, Tucker Carlson, said he would not apologize.",
		},
		b: []string{
			"Mr. Fox fired back with a Twitter post accusing the network of censorship.",
			"Ms. Manigault Newman made public on Sunday an audio recording of her firing by John F. Kelly.",
			"Mr. Trump’s lawyers have argued that the recording violated a nondisclosure agreement she signed.",
			"Senator Mark Warner said he would not apologize for his criticism.",
		},
		same: [][2]string{
			{"Omarosa Manigault Newman released", "made public on Sunday"},
			{"Trump’s lawyers said", "lawyers have argued"},
		},
		not: [][2]string{
			{"Trump fired back on Twitter", "Mr. Fox fired back"},
			{"Tucker Carlson, said he would not apologize", "Mark Warner said he would not apologize"},
		},
	},
	{
		name: "wire copy reprinted by two outlets",
		a: []string{
			"WASHINGTON (AP) — The Senate voted 68-31 on Thursday to pass a $1.3 trillion spending bill, averting a government shutdown hours before a midnight deadline.",
			"The measure now goes to President Donald Trump, who has said he will sign it.",
			"The bill includes $1.6 billion for border security, far short of the $25 billion the White House sought for a wall.",
			"Sen. Rand Paul, R-Ky., objected to the speed of the vote, saying lawmakers had not read the 2,232-page bill.",
			"The House passed the measure on Wednesday, 256-167.",
		},
		b: []string{
			"The Senate voted 68-31 Thursday to pass a $1.3 trillion spending bill, averting a government shutdown hours before a midnight deadline.",
			"The measure now goes to President Donald Trump, who has said he would sign it.",
			"Sen. Rand Paul, R-Ky., objected to the speed of the vote, saying lawmakers had not read the 2,232-page bill.",
			"The bill includes $1.6 billion for border security, far short of the $25 billion the White House sought for a wall.",
			"Local officials said the bill also funds repairs to the Port of Tacoma.",
		},
		same: [][2]string{
			{"Senate voted 68-31", "Senate voted 68-31"},
			{"now goes to President", "now goes to President"},
			{"$1.6 billion for border", "$1.6 billion for border"},
			{"Rand Paul", "Rand Paul"},
		},
	},
	{
		name: "one statement quoted independently",
		a: []string{
			"Boeing said on Monday that it would halt deliveries of its 737 MAX jets while it investigates a software fault.",
			"“Safety is our top priority and we will take the time needed to get this right,” the company said in a statement.",
			"Boeing shares fell 4.2 percent in afternoon trading in New York.",
			"The Federal Aviation Administration said it was reviewing the findings.",
		},
		b: []string{
			"Travelers in Seattle woke up to news that the plane maker is pausing deliveries of the 737 MAX because of a software problem.",
			"“Safety is our top priority and we will take the time needed to get this right,” Boeing said.",
			"The F.A.A. is reviewing the company’s findings, a spokesman said.",
			"Alaska Airlines, which flies the jet out of Seattle, said its schedule was unaffected.",
			"Shares of Boeing dropped 4 percent on Monday.",
		},
		same: [][2]string{
			{"halt deliveries", "pausing deliveries"},
			{"Safety is our top priority", "Safety is our top priority"},
			{"shares fell 4.2 percent", "Shares of Boeing dropped"},
			{"Federal Aviation Administration said", "is reviewing the company"},
		},
	},
	{
		name: "shutdown figures",
		a: []string{
			"Mr. Trump has demanded $5.7 billion for a wall along the southern border.",
			"Democrats have offered $1.3 billion for border security.",
			"The shutdown, now in its 22nd day, is the longest in American history.",
			"About 800,000 federal workers missed a paycheck on Friday.",
		},
		b: []string{
			"Some 800,000 government employees went without pay on Friday.",
			"The president wants $5.7 billion to build a border wall.",
			"Democratic leaders have offered $1.3 billion for fencing and technology at the border.",
			"The partial shutdown entered its 22nd day on Saturday, the longest ever.",
		},
		same: [][2]string{
			{"demanded $5.7 billion", "wants $5.7 billion"},
			{"Democrats have offered", "Democratic leaders have offered"},
			{"now in its 22nd day", "entered its 22nd day"},
			{"800,000 federal workers", "800,000 government employees"},
		},
		not: [][2]string{
			{"demanded $5.7 billion", "Democratic leaders have offered"},
		},
	},
	{
		name: "ball game (innings, different players)",
		a: []string{
			"Aaron Judge hit a two-run homer in the first inning.",
			"Giancarlo Stanton added a solo shot in the third.",
			"The Yankees beat the Red Sox 6-2 on Sunday night.",
			"Luis Severino struck out eight over six innings.",
		},
		b: []string{
			"The Yankees defeated Boston 6-2 on Sunday.",
			"Judge’s two-run drive in the first inning put New York ahead.",
			"Stanton homered in the third inning.",
			"Rafael Devers homered for Boston in the seventh inning.",
			"Severino allowed one run and struck out eight in six innings.",
		},
		same: [][2]string{
			{"Aaron Judge hit", "two-run drive"},
			{"Stanton added", "Stanton homered"},
			{"beat the Red Sox", "defeated Boston"},
			{"Severino struck out", "Severino allowed"},
		},
		not: [][2]string{
			{"Stanton added", "Devers homered"},
			{"Aaron Judge hit", "Devers homered"},
		},
	},
	{
		name: "indictment (dotted acronyms vs AP)",
		a: []string{
			"A federal grand jury indicted 12 Russian intelligence officers on Friday, accusing them of hacking the Democratic National Committee.",
			"The 29-page indictment was announced by Deputy Attorney General Rod J. Rosenstein.",
			"Mr. Rosenstein said the officers worked for the G.R.U., Russia’s military intelligence agency.",
			"The charges were brought by the special counsel, Robert S. Mueller III.",
		},
		b: []string{
			"Twelve Russian military intelligence officers were indicted Friday on charges of hacking Democrats during the 2016 election.",
			"Deputy Attorney General Rod Rosenstein announced the 29-page indictment at a news conference.",
			"The officers belonged to the GRU, Rosenstein said.",
			"Rosenstein said there was no allegation that any American was a knowing participant.",
			"Special counsel Robert Mueller brought the charges.",
		},
		same: [][2]string{
			{"grand jury indicted", "were indicted Friday"},
			{"29-page indictment was", "announced the 29-page"},
			{"worked for the G.R.U.", "belonged to the GRU"},
			{"charges were brought", "Special counsel Robert Mueller"},
		},
		not: [][2]string{
			{"worked for the G.R.U.", "no allegation that any American"},
		},
	},
	{
		name: "hearing (same verb, different senators)",
		a: []string{
			"Senator Kamala Harris asked the nominee whether he had discussed the investigation with anyone at the law firm.",
			"Judge Kavanaugh said he did not recall any such conversation.",
			"Senator Lindsey Graham called the hearing a sham.",
			"The committee will vote on the nomination next week.",
		},
		b: []string{
			"Senator Cory Booker asked the nominee about his emails on racial profiling.",
			"Ms. Harris pressed Judge Kavanaugh on whether he had discussed the special counsel’s investigation with anyone at a law firm.",
			"He said he could not recall such a conversation.",
			"Mr. Graham said the hearing was a sham.",
			"A committee vote is scheduled for next week.",
		},
		same: [][2]string{
			{"Kamala Harris asked", "Ms. Harris pressed"},
			{"did not recall", "could not recall"},
			{"Lindsey Graham called", "Mr. Graham said"},
			{"committee will vote", "committee vote is scheduled"},
		},
		not: [][2]string{
			{"Kamala Harris asked", "Cory Booker asked"},
		},
	},
	{
		name: "storm (AP vs local)",
		a: []string{
			"Hurricane Michael made landfall near Mexico Beach, Fla., on Wednesday afternoon with winds of 155 miles per hour.",
			"At least two people were killed, officials said.",
			"Gov. Rick Scott urged residents who had stayed to remain indoors.",
			"More than 380,000 homes and businesses lost power across the Panhandle.",
		},
		b: []string{
			"More than 380,000 customers were without power in the Florida Panhandle on Wednesday night.",
			"The storm came ashore near Mexico Beach with maximum sustained winds of 155 mph.",
			"Gov. Rick Scott told residents who had not evacuated to stay inside.",
			"A man was killed when a tree fell on his home in Greensboro, the sheriff said.",
			"Gov. Roy Cooper of North Carolina declared a state of emergency.",
		},
		same: [][2]string{
			{"made landfall", "came ashore"},
			{"Rick Scott urged", "Rick Scott told"},
			{"380,000 homes", "380,000 customers"},
		},
		not: [][2]string{
			{"Rick Scott urged", "Roy Cooper"},
		},
	},
	{
		name: "air crash (ledes in other words)",
		a: []string{
			"An Ethiopian Airlines jet bound for Nairobi crashed minutes after takeoff on Sunday, killing all 157 people on board.",
			"The pilot had reported difficulties and asked to return, the airline’s chief executive said.",
			"It was the second crash involving the model in less than five months.",
			"Kenya’s transport minister said 32 Kenyans were among the dead.",
			"Boeing said it was sending a technical team to the crash site.",
		},
		b: []string{
			"All 157 passengers and crew died when a Boeing 737 MAX operated by Ethiopian Airlines went down shortly after leaving Addis Ababa on Sunday.",
			"The captain radioed that he was having trouble and wanted to turn back, according to the airline’s chief executive, Tewolde GebreMariam.",
			"A Lion Air flight using the same model plunged into the Java Sea in October, killing 189.",
			"Among the victims were 32 Kenyans, 18 Canadians and eight Americans.",
			"The aircraft maker said a team of its engineers would travel to the site.",
		},
		same: [][2]string{
			{"bound for Nairobi", "All 157 passengers"},
			{"pilot had reported", "captain radioed"},
			{"32 Kenyans were", "32 Kenyans, 18"},
			{"technical team", "team of its engineers"},
		},
	},
	{
		name: "wildfire (same sheriff, different facts)",
		a: []string{
			"The Camp Fire has destroyed more than 6,700 structures, most of them homes, in and around the town of Paradise.",
			"The death toll rose to 42 on Monday, making it the deadliest wildfire in California history.",
			"Sheriff Kory Honea said 228 people remained unaccounted for.",
			"President Trump blamed poor forest management for the fires in a post on Twitter.",
		},
		b: []string{
			"Nearly the entire town of Paradise, about 6,700 buildings, has been reduced to ash.",
			"Officials said Monday that 42 people had died, more than in any other fire in the state’s history.",
			"Butte County Sheriff Kory Honea said the remains of 13 more people had been found.",
			"More than 200 people are still unaccounted for.",
			"Gov. Jerry Brown said the fires were a result of climate change.",
			"In a tweet, Mr. Trump threatened to withhold federal payments, blaming forest mismanagement.",
		},
		same: [][2]string{
			{"destroyed more than 6,700", "about 6,700 buildings"},
			{"death toll rose to 42", "42 people had died"},
			{"228 people remained", "More than 200 people"},
			{"blamed poor forest", "threatened to withhold"},
		},
		not: [][2]string{
			{"228 people remained", "remains of 13 more"},
			{"blamed poor forest", "Jerry Brown said"},
		},
	},
}
