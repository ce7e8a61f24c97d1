package compare

import "strings"

// Reports of one event say the same thing in different words: "arrested"
// and "taken into custody", "halt" and "pause", "unclear" and "not clear".
// Each line below is one sense that news writing expresses with several
// common words; a word's stem maps to the line's first word, so the
// sentence similarity sees them as one term. The lines are general news
// vocabulary (arrests, deaths, money, votes, movement up and down), not
// the wording of any one story; words with several common senses stay
// out.
var conceptLines = []string{
	"arrest arrested detained detain custody apprehended apprehend",
	"kill killed slain dead death deaths died die fatal",
	"injure injured wounded wounding hurt injuries",
	"bomb bombs explosive explosives device devices",
	"halt halted pause pausing paused suspend suspended suspending",
	"cut cutting cuts eliminate eliminated eliminating slash slashed",
	"reverse reversed reversal overrule overruled overrode override overridden backtrack",
	"fall fell drop dropped dropping decline declined slide slid tumble tumbled plunge plunged",
	"rise rose climb climbed jump jumped surge surged soar soared",
	"beat defeated defeat edged",
	"demand demanded demanding seek sought want wants wanted",
	"clear unclear",
	"unknown known",
	"indict indicted indictment charged",
	"probe investigation investigate investigating inquiry",
	"lawmaker lawmakers legislator legislators",
	"worker workers employee employees staff",
	"pilot captain",
	"difficulty difficulties trouble problem problems",
	"ashore landfall",
	"inside indoors",
	"remain stay stayed",
	"building buildings structure structures",
	"missing unaccounted",
	"home homes",
	"destroy destroyed raze razed",
	"broad wide",
	"resign resigned resignation quit",
	"buy bought purchase purchased acquire acquired",
	"sue sued lawsuit",
	"ban banned prohibit prohibited",
	"approve approved",
	"plane jet aircraft airliner",
	"car vehicle",
	"doctor physician",
	"begin began start started",
	"end ended finish finished",
	"restore restored reinstate reinstated",
	"blame blamed blaming",
	"criticize criticized criticised criticise",
	"praise praised commend commended",
	"meet met meeting",
	"decide decided decision",
}

// concept maps a stem to the stem of its sense's first word.
var concept = func() map[string]string {
	out := map[string]string{}
	for _, line := range conceptLines {
		ws := strings.Fields(line)
		head := cachedStem(ws[0])
		for _, w := range ws {
			if st := cachedStem(w); st != head {
				if _, taken := out[st]; !taken {
					out[st] = head
				}
			}
		}
	}
	return out
}()

// senseOf is the term of a stem: its sense's, if it has one.
func senseOf(st string) string {
	if c, ok := concept[st]; ok {
		return c
	}
	return st
}
