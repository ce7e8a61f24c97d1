package compare

import (
	"fmt"
	"strings"
	"testing"
)

// dumpNumbers writes each number of d as one line: text, value, unit,
// ordinal flag, span in its sentence and the content terms of its context.
func dumpNumbers(d *Doc) string {
	terms := map[uint64]string{}
	for _, s := range d.Sentences {
		for _, w := range s.words {
			if w.term != "" {
				terms[hashTerm(w.term)] = w.term
			}
		}
	}
	var sb strings.Builder
	for _, n := range d.Numbers() {
		var ctx []string
		for _, h := range n.context {
			ctx = append(ctx, terms[h])
		}
		fmt.Fprintf(&sb, "%q %v %q ord=%v s%d %d-%d %q ctx=%s\n", n.Text, n.Value, n.Unit, n.Ordinal,
			n.At.Sentence, n.At.Start, n.At.End, d.Sentences[n.At.Sentence].Text[n.At.Start:n.At.End], strings.Join(ctx, ","))
	}
	return sb.String()
}

// The numbers of small articles, each figure's value, unit, span and
// context exactly. Written against lived mutants of sentenceNumbers and
// parseNumber (MUTATION.md, compare-numbers). Figures glued to letters
// ("22nd", "$10bn") are tested in numbers_glued_test.go.
func TestSentenceNumbersExact(t *testing.T) {
	articles := [][]string{
		// Separators and decimals (nines included, where a digit range
		// could stop one short), a figure right after a figure phrase, a
		// separator followed by no digit, a figure that ends the text.
		{
			"Turnout rose 3.9 percent to 1,999 voters. Within 2 days 300 people had left.",
			"The fine was $40, and the court costs were 12.5 percent more.",
			"The crowd in the square numbered 1,000",
		},
		// A rank ("No. 3"), a spelled ordinal, a spelled number with "and
		// a half", a multiplier after digits, a figure starting a sentence.
		{
			"Clemson, the No. 3 team, was beaten in the final on Sunday.",
			"It was the sixth meeting in one and a half years, after 1.5 million people signed.",
			"Cases rose to 1,500 in 24 hours.",
			"40 ships were turned back.",
		},
		// Percentages three ways, currencies before the figure, a
		// hyphenated fraction, a compound unit, "and a half" after a
		// multiplier.
		{
			"Support fell 4 per cent, then 12 percent, and finally 7% among voters.",
			"The fund paid US$3 to each of 40 families and €5 to 20 others.",
			"Two-thirds of the delegates backed the 28-point plan after two and a half hours of talks.",
			"About a million and a half refugees crossed the border.",
		},
		// Teasers cut off right after "and a" or "per": no figure reads
		// past the last word.
		{"Turnout was 3 and a", "Support fell 4 per"},
	}
	got := ""
	for _, paras := range articles {
		got += dumpNumbers(Prepare(article("a", paras...)))
	}
	want := `"3.9 percent" 0.039 "%" ord=false s0 13-24 "3.9 percent" ctx=999,1,rise,voter,turnout
"1,999 voters" 1999 "" ord=false s0 28-40 "1,999 voters" ctx=percent,3,9,rise,turnout
"2 days" 2 "" ord=false s1 7-13 "2 days" ctx=left,300,peopl
"300 people" 300 "" ord=false s1 14-24 "300 people" ctx=left,2,day
"$40" 40 "$" ord=false s2 13-16 "$40" ctx=12,cost,percent,fine,5,court
"12.5 percent more" 0.125 "%" ord=false s2 43-60 "12.5 percent more" ctx=40,cost,fine,court
"3 team" 3 "" ord=true s0 17-23 "3 team" ctx=clemson,final,sunday,beaten
"sixth meeting" 6 "" ord=true s1 11-24 "sixth meeting" ctx=half,sign,peopl,year,million,5,1
"one and a half years" 1.5 "" ord=false s1 28-48 "one and a half years" ctx=meet,sign,sixth,peopl,million,5,1
"1.5 million people" 1.5e+06 "" ord=false s1 56-74 "1.5 million people" ctx=half,meet,sign,sixth,year
"24 hours" 24 "" ord=false s2 23-31 "24 hours" ctx=500,1,rise,case
"40 ships" 40 "" ord=false s3 0-8 "40 ships" ctx=turn,back
"4 per cent" 0.04 "%" ord=false s0 13-23 "4 per cent" ctx=12,support,percent,7,voter,fall,finalli
"12 percent" 0.12 "%" ord=false s0 30-40 "12 percent" ctx=support,4,7,voter,cent,fall,finalli
"7%" 0.07 "%" ord=false s0 54-56 "7%" ctx=12,support,percent,4,voter,cent,fall,finalli
"US$3" 3 "US$" ord=false s1 14-18 "US$3" ctx=paid,40,20,other,fund,5,famili
"40 families" 40 "" ord=false s1 30-41 "40 families" ctx=paid,20,other,@united states,fund,5,3
"€5" 5 "€" ord=false s1 46-50 "€5" ctx=paid,40,20,other,@united states,fund,3,famili
"20 others" 20 "" ord=false s1 54-63 "20 others" ctx=paid,40,@united states,fund,5,3,famili
"Two-thirds of the delegates" 0.6666666666666666 "fraction" ord=false s2 0-27 "Two-thirds of the delegates" ctx=28,half,hour,two,point,back,plan,talk
"28-point plan" 28 "point" ord=false s2 39-52 "28-point plan" ctx=third,half,hour,deleg,two,back,talk
"two and a half hours of talks" 2.5 "" ord=false s2 59-88 "two and a half hours of talks" ctx=28,third,deleg,two,point,back,plan
"About a million and a half refugees" 1.5e+06 "" ord=false s3 0-35 "About a million and a half refugees" ctx=cross,border
`
	if got != want {
		t.Errorf("numbers:\n%s\nwant:\n%s", got, want)
	}
}

// Figures at the edges of scraped text: a sentence run on after a price
// with no space ("$40.50.Fans") or a stray full stop after it keeps the
// price; a currency written with
// its country's letters ("HK$") keeps those letters as context, as
// "US$" does.
func TestNumberEdgesInScrapedText(t *testing.T) {
	for _, text := range []string{
		"The ticket cost $40.50.Fans complained on Monday.",
		"The ticket cost $40.50. and fans complained on Monday.", // a stray full stop
	} {
		if n, ok := onlyNumber(t, text); ok && (n.Text != "$40.50" || n.Value != 40.5) {
			t.Errorf("%q: got %q = %v, want $40.50 = 40.5", text, n.Text, n.Value)
		}
	}
	// A fraction word ends the text (a cut-off teaser): read without
	// looking past it. (It reads as 2 "thirds", not two-thirds: a known
	// gap, MUTATION.md.)
	if ns := Prepare(article("a", "Support for the plan fell by two thirds")).Numbers(); len(ns) != 1 {
		t.Errorf("two thirds at the end: %+v", ns)
	}
	if ns := Prepare(article("a", "Turnout fell by half a")).Numbers(); len(ns) != 0 {
		t.Errorf("half a at the end: %+v", ns)
	}
	got := dumpNumbers(Prepare(article("a", "The court fined the bank HK$500,000 on Monday.")))
	want := `"$500,000" 500000 "$" ord=false s0 27-35 "$500,000" ctx=monday,hk,bank,fine,court` + "\n"
	if got != want {
		t.Errorf("HK$500,000:\n%s\nwant:\n%s", got, want)
	}
}

// readings writes what a reader is shown of each figure of text (one
// article): the figure as written, its value and the range its hedge
// allows, the unit, what it counts and under which label, whether it
// ranks or adds to a total, and the key that pairs it across outlets.
func readings(text string) string {
	var sb strings.Builder
	for _, n := range Prepare(article("t", text)).Numbers() {
		fmt.Fprintf(&sb, "%q %.6g %.6g..%.6g hedge=%q unit=%q thing=%q label=%q", n.Text, n.Value, n.Low, n.High, n.Hedge, n.Unit, n.Thing, n.Label)
		if n.Ordinal {
			sb.WriteString(" rank")
		}
		if n.Increment {
			sb.WriteString(" more")
		}
		fmt.Fprintf(&sb, " key=%q\n", n.key)
	}
	return sb.String()
}

// How news writes figures, each read exactly: hedges ("well over",
// "just under", "some"; "turned over" is a verb), increments, fractions
// and percentages of something, spelled numbers, multipliers, currencies,
// ranks, compound units, and years and dates that are no amounts ("In
// 1800 settlers", "by 2100 temperatures", "on May 3"). A bare figure with
// nothing counted ("more than 300 were arrested") is no fact. Written
// against the mutants of parseNumber, spelledNumber, isFraction,
// currencyBefore and isYearOrDate (MUTATION.md, compare-numbers).
func TestNumberReadingsExact(t *testing.T) {
	var got strings.Builder
	for _, text := range []string{
		"Well over 2,000 people marched, and more than 300 were arrested, though fewer than 40 were charged.",
		"At least 12 soldiers died and up to 30 were hurt in the attack on Tuesday.",
		"Talks lasted just under five hours, close to 200 delegates attended and as many as 80 delegates walked out.",
		"Upwards of 10,000 fans queued outside the stadium.",
		"Some 40 ships waited while roughly 600 trucks and approximately 90 trains were held.",
		"The clerk turned over 55,000 pages to the court, and the hearing lasted over four hours.",
		"Officials reported 13 more deaths and two additional cases on Monday.",
		"Only 5% of voters backed the plan.",
		"Thousands of people fled.",
		"The company earned $69 billion last year and planned a third day of talks.",
		"Ministers approved a 28-point US plan and a 12-point U.S. proposal.",
		"The convoy carried three tonnes of Ukrainian grain after four years of Biden policy.",
		"Two thirds of the members and one-fifth of Ukrainian territory were at stake.",
		"Twenty-five people and two hundred thousand refugees arrived.",
		"Organisers counted a million protesters.",
		"The bank paid ¥500 to each of the 40 clients and ₴20 to the rest.",
		"In 1800 settlers arrived; by 2100 temperatures will rise, and 1799 soldiers and 2101 people died.",
		"A 2000-strong crowd gathered.",
		"Talks began on 5 March and ended on March 9 with 30 delegates.",
		"Police counted 1.5 million people and 2.5 billion dollars and 3 trillion yen.",
		"Well above 500 homes flooded, less than 20 were insured and just over 70 houses, all new, stood empty.",
		"Under 30 votes were cast and below 10 were spoiled, with only 4 recounts.",
		"A quarter of the staff and three-quarters of the budget were cut.",
		"One hundred soldiers and a hundred civilians crossed.",
		"The firm paid £2 to each of 12 workers, ₽300 to 15 others and $/€1.10 on the day.",
		"The deal is worth €4.5bn and the fund gave £12m to 300 schools.",
		"Prices rose 2.5 per cent on Friday and 40 percent over the year.",
		"The No. 2 seed was beaten, while the #1 team, unbeaten, won its 3rd title.",
		"Rescuers pulled 14 people from the rubble on May 3 after 2 days.",
		"The 48-page indictment and the four-year term were discussed by 12 jurors.",
		"A single mother and one of the victims spoke for two minutes.",
		"Officials said 1,000,000 doses arrived.",
		"The team scored 21 points in the fourth quarter and twenty points after the break.",
		// "and one half", "and an eighth"; "and a" before no fraction adds nothing.
		"The judge sentenced him to three and one half years in prison.",
		"The Preakness covers one and an eighth miles.",
		"A boy aged 11 and a girl aged 9 were hurt.",
		"About a thousand of Gaza's doctors have left.",
		"Twenty-one people died in the blast.",
		"Half a million people fled the city.",
		"£2bn was pledged for flood defences on Monday.",
		// What is counted: four words at most; a comma right after the
		// figure ends it; up to three words after a measure's "of".
		"Police seized 40 stolen luxury sports cars overnight.",
		"Rebels freed 40, officials said on Monday.",
		"The convoy carried three tonnes of fresh Ukrainian grain.",
	} {
		got.WriteString(readings(text))
	}
	want := `"Well over 2,000 people" 2000 2200..6000 hedge="well over" unit="" thing="people" label="people" key="peopl"
"At least 12 soldiers" 12 12..18 hedge="at least" unit="" thing="soldiers" label="soldiers" key="soldier"
"just under five hours" 5 4.25..5 hedge="just under" unit="" thing="hours" label="hours" key="hour"
"close to 200 delegates" 200 170..210 hedge="close to" unit="" thing="delegates" label="delegates" key="deleg"
"as many as 80 delegates" 80 56..80 hedge="as many as" unit="" thing="delegates" label="delegates" key="deleg"
"Upwards of 10,000 fans" 10000 10000..15000 hedge="upwards of" unit="" thing="fans" label="fans" key="fan"
"Some 40 ships" 40 34..46 hedge="some" unit="" thing="ships" label="ships" key="ship"
"roughly 600 trucks" 600 510..690 hedge="roughly" unit="" thing="trucks" label="trucks" key="truck"
"approximately 90 trains" 90 76.5..103.5 hedge="approximately" unit="" thing="trains" label="trains" key="train"
"55,000 pages" 55000 55000..55000 hedge="" unit="" thing="pages" label="pages" key="page"
"over four hours" 4 4..6 hedge="over" unit="" thing="hours" label="hours" key="hour"
"13 more deaths" 13 13..13 hedge="" unit="" thing="deaths" label="deaths" more key="death"
"two additional cases" 2 2..2 hedge="" unit="" thing="cases" label="cases" more key="case"
"Only 5% of voters" 0.05 0.05..0.05 hedge="only" unit="%" thing="voters" label="voters" key="voter"
"Thousands of people" 2000 2000..2000 hedge="" unit="" thing="people" label="people" key="peopl"
"$69 billion" 6.9e+10 6.9e+10..6.9e+10 hedge="" unit="$" thing="" label="$69 billion" key="$"
"third day of talks" 3 3..3 hedge="" unit="" thing="day of talks" label="day of talks" rank key="day"
"28-point US plan" 28 28..28 hedge="" unit="point" thing="US plan" label="28-point plan" key="-point"
"12-point U.S. proposal" 12 12..12 hedge="" unit="point" thing="U.S. proposal" label="12-point proposal" key="-point"
"three tonnes of Ukrainian grain" 3 3..3 hedge="" unit="" thing="tonnes of Ukrainian grain" label="tonnes of Ukrainian grain" key="tonn"
"four years" 4 4..4 hedge="" unit="" thing="years" label="years" key="year"
"Two thirds of the members" 0.666667 0.666667..0.666667 hedge="" unit="fraction" thing="members" label="members" key="member"
"one-fifth of Ukrainian territory" 0.2 0.2..0.2 hedge="" unit="fraction" thing="Ukrainian territory" label="Ukrainian territory" key="territori"
"Twenty-five people" 25 25..25 hedge="" unit="" thing="people" label="people" key="peopl"
"two hundred thousand refugees" 200000 200000..200000 hedge="" unit="" thing="refugees" label="refugees" key="refuge"
"a million protesters" 1e+06 1e+06..1e+06 hedge="" unit="" thing="protesters" label="protesters" key="protest"
"¥500" 500 500..500 hedge="" unit="¥" thing="" label="¥500" key="¥"
"40 clients" 40 40..40 hedge="" unit="" thing="clients" label="clients" key="client"
"₴20" 20 20..20 hedge="" unit="₴" thing="" label="₴20" key="₴"
"1799 soldiers" 1799 1799..1799 hedge="" unit="" thing="soldiers" label="soldiers" key="soldier"
"2101 people" 2101 2101..2101 hedge="" unit="" thing="people" label="people" key="peopl"
"2000-strong crowd" 2000 2000..2000 hedge="" unit="strong" thing="crowd" label="2000-strong crowd" key="-strong"
"30 delegates" 30 30..30 hedge="" unit="" thing="delegates" label="delegates" key="deleg"
"1.5 million people" 1.5e+06 1.5e+06..1.5e+06 hedge="" unit="" thing="people" label="people" key="peopl"
"2.5 billion dollars" 2.5e+09 2.5e+09..2.5e+09 hedge="" unit="" thing="dollars" label="dollars" key="dollar"
"3 trillion yen" 3e+12 3e+12..3e+12 hedge="" unit="" thing="yen" label="yen" key="yen"
"Well above 500 homes" 500 550..1500 hedge="well over" unit="" thing="homes" label="homes" key="home"
"just over 70 houses" 70 70..80.5 hedge="just over" unit="" thing="houses" label="houses" key="hous"
"Under 30 votes" 30 15..30 hedge="under" unit="" thing="votes" label="votes" key="vote"
"only 4 recounts" 4 4..4 hedge="only" unit="" thing="recounts" label="recounts" key="recount"
"A quarter of the staff" 0.25 0.25..0.25 hedge="" unit="fraction" thing="staff" label="staff" key="staff"
"three-quarters of the budget" 0.75 0.75..0.75 hedge="" unit="fraction" thing="budget" label="budget" key="budget"
"One hundred soldiers" 100 100..100 hedge="" unit="" thing="soldiers" label="soldiers" key="soldier"
"a hundred civilians" 100 100..100 hedge="" unit="" thing="civilians" label="civilians" key="civilian"
"£2" 2 2..2 hedge="" unit="£" thing="" label="£2" key="£"
"12 workers" 12 12..12 hedge="" unit="" thing="workers" label="workers" key="worker"
"₽300" 300 300..300 hedge="" unit="₽" thing="" label="₽300" key="₽"
"15 others" 15 15..15 hedge="" unit="" thing="others" label="others" key="other"
"$/€1.10" 1.1 1.1..1.1 hedge="" unit="$/€" thing="" label="$/€1.10" key="$/€"
"€4.5bn" 4.5e+09 4.5e+09..4.5e+09 hedge="" unit="€" thing="" label="€4.5bn" key="€"
"£12m" 1.2e+07 1.2e+07..1.2e+07 hedge="" unit="£" thing="" label="£12m" key="£"
"300 schools" 300 300..300 hedge="" unit="" thing="schools" label="schools" key="school"
"2.5 per cent" 0.025 0.025..0.025 hedge="" unit="%" thing="" label="2.5 per cent" key="%"
"40 percent" 0.4 0.4..0.4 hedge="" unit="%" thing="" label="40 percent" key="%"
"2 seed" 2 2..2 hedge="" unit="" thing="seed" label="seed" rank key="seed"
"1 team" 1 1..1 hedge="" unit="" thing="team" label="team" rank key="team"
"3rd title" 3 3..3 hedge="" unit="" thing="title" label="title" rank key="titl"
"14 people" 14 14..14 hedge="" unit="" thing="people" label="people" key="peopl"
"2 days" 2 2..2 hedge="" unit="" thing="days" label="days" key="day"
"48-page indictment" 48 48..48 hedge="" unit="page" thing="indictment" label="48-page indictment" key="-page"
"four-year term" 4 4..4 hedge="" unit="year" thing="term" label="four-year term" key="-year"
"12 jurors" 12 12..12 hedge="" unit="" thing="jurors" label="jurors" key="juror"
"two minutes" 2 2..2 hedge="" unit="" thing="minutes" label="minutes" key="minut"
"1,000,000 doses" 1e+06 1e+06..1e+06 hedge="" unit="" thing="doses" label="doses" key="dose"
"21 points" 21 21..21 hedge="" unit="" thing="points" label="points" key="point"
"fourth quarter" 4 4..4 hedge="" unit="" thing="quarter" label="quarter" rank key="quarter"
"twenty points" 20 20..20 hedge="" unit="" thing="points" label="points" key="point"
"three and one half years" 3.5 3.5..3.5 hedge="" unit="" thing="years" label="years" key="year"
"one and an eighth miles" 1.125 1.125..1.125 hedge="" unit="" thing="miles" label="miles" key="mile"
"About a thousand of Gaza's doctors" 1000 850..1150 hedge="about" unit="" thing="Gaza's doctors" label="doctors" key="doctor"
"Twenty-one people" 21 21..21 hedge="" unit="" thing="people" label="people" key="peopl"
"Half a million people" 500000 500000..500000 hedge="" unit="" thing="people" label="people" key="peopl"
"£2bn" 2e+09 2e+09..2e+09 hedge="" unit="£" thing="" label="£2bn" key="£"
"40 stolen luxury sports cars" 40 40..40 hedge="" unit="" thing="stolen luxury sports cars" label="stolen luxury sports cars" key="car"
"three tonnes of fresh Ukrainian grain" 3 3..3 hedge="" unit="" thing="tonnes of fresh Ukrainian grain" label="tonnes of fresh Ukrainian grain" key="tonn"
`
	if got.String() != want {
		t.Errorf("figures:\n%s\nwant:\n%s", got.String(), want)
	}
}
