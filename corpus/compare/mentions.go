package compare

import "strings"

// newMention builds a mention of ws[i:j] and weighs the evidence for its
// kind from the words inside and around it.
func newMention(s *Sentence, ws []word, i, j int, known *placeInfo) mention {
	// "The Guardian" is the Guardian: the article is no part of the name,
	// but a capitalised one inside a sentence marks a title.
	theTitle := ws[i].fold == "the" && ws[i].cap && j-i >= 2
	if theTitle {
		i++
		if known == nil {
			if p, ok := gazetteer()[foldName(s.Text[ws[i].start:ws[j-1].end])]; ok {
				known = &p
			}
		}
	}
	end := ws[j-1].end
	surface := s.Text[ws[i].start:end]
	for _, p := range []string{"'s", "’s", "'", "’"} {
		if ws[j-1].poss && strings.HasSuffix(surface, p) {
			surface = surface[:len(surface)-len(p)]
			end -= len(p)
			break
		}
	}
	// "Martin Luther King, Jr." is named "Martin Luther King Jr".
	// A sentence's full stop is no part of a name, but "N.R.A." keeps its.
	if last := ws[j-1]; !(last.acro && strings.Contains(surface, ".")) {
		surface = strings.TrimRight(surface, ".")
	}
	surface = strings.ReplaceAll(surface, ", ", " ")
	if last := ws[j-1]; (last.fold == "jr" || last.fold == "sr") && strings.HasPrefix(s.Text[end:], ".") {
		surface += "." // "Joseph R. Biden Jr."
	}
	m := mention{surface: surface, known: known,
		pass: Passage{Sentence: s.Index, Start: ws[i].start, End: end}}
	m.acro = j-i == 1 && (ws[i].acro || isAllCaps(surface)) // "SNP's" too
	if known != nil {
		m.votes[kindIndex(known.kind)] += 3
		return m
	}
	last := ws[j-1].fold
	switch {
	case orgWords[last] || hasWord(ws[i:j], orgWords) && !placeWords[last]:
		m.votes[2] += 2
	case placeWords[last]:
		m.votes[1] += 2
	case m.acro:
		m.votes[2] += 1
	}
	if i > 0 {
		prev := ws[i-1]
		gap := s.Text[prev.end:ws[i].start]
		if (gap == " " || gap == ", ") && !prev.cap && kinWords[prev.fold] {
			m.kin = true // "his daughter Malia Obama", "his wife, Melania"
		}
		switch {
		case personRoles[prev.fold] && !prev.cap && gap == " ":
			m.votes[0] += 2
			m.title = prev.fold // AP style: "special counsel Robert Mueller"
		case placePrepositions[prev.fold] && gap == " ":
			m.votes[1] += 1
		case prev.fold == "the" && gap == " " && j-i == 1:
			m.votes[2] += 0.5
		}
	}
	// A dateline: "PORTLAND, Ore. (AP) —" opens with a place.
	if m.acro && i == 0 && j < len(ws) && strings.HasPrefix(s.Text[ws[j-1].end:ws[j].start], ",") {
		if p, ok := gazetteer()[ws[j].fold]; ok && p.kind == Place {
			m.votes[1] += 3
		}
	}
	if theTitle && !ws[i-1].initial {
		m.votes[2] += 1.5 // "The Guardian", "The Hill": a title, mostly a publication
	}
	if j < len(ws) {
		next := ws[j]
		gap := s.Text[ws[j-1].end:next.start]
		switch {
		case speechVerbs[next.fold] && gap == " " && !ws[j-1].poss:
			m.votes[0] += 1.5
		case placeWords[next.fold] && !next.cap:
			m.votes[1] += 1
		case personHeads[next.fold] && !next.cap && j-i == 1 && !m.acro && gap == " ":
			m.votes[0] += 1.5 // "the Biden administration", "the Trump campaign"
		case ws[j-1].poss && (orgRoles[next.fold] || next.fold == "chief" && j+1 < len(ws) && (orgRoles[ws[j+1].fold] || chiefOf[ws[j+1].fold])):
			m.votes[2] += 1 // "Nvidia's chief executive", "the SNP's leader"
		case ws[j-1].poss && personRoles[next.fold] && !m.acro: // "Trump's son-in-law"
			m.votes[0] += 1
		}
		// Apposition: "Rustem Umerov, head of the delegation".
		if strings.HasPrefix(gap, ",") && personRoles[next.fold] {
			m.votes[0] += 1
		}
	}
	if n := j - i; n >= 2 && n <= 4 && m.votes[1] == 0 && m.votes[2] == 0 {
		m.votes[0] += 0.5 // two to four plain capitalised words: most often a person
	}
	if title, kin := apposition(s.Text, ws, i, j); title != "" || kin {
		if m.title == "" {
			m.title = title
		}
		m.kin = m.kin || kin
	}
	return m
}

// apposition reads a role set off by commas next to a name: "The first
// lady, Melania Trump," or "Kellyanne Conway, the president’s counselor,";
// it returns the role and whether it makes the person someone's relative.
func apposition(text string, ws []word, i, j int) (string, bool) {
	isRole := func(w word) bool {
		return !w.cap && (titleWords[w.fold] || personRoles[w.fold] || kinWords[w.fold])
	}
	// Before: "the first lady, Melania Trump".
	if i > 0 && text[ws[i-1].end:ws[i].start] == ", " && isRole(ws[i-1]) {
		a := i - 1
		for a > 0 && i-a < 3 && text[ws[a-1].end:ws[a].start] == " " && (titleLead[ws[a-1].fold] || isRole(ws[a-1])) {
			a--
		}
		return roleText(ws[a:i]), kinWords[ws[i-1].fold]
	}
	// After: "Kellyanne Conway, the president’s counselor, …".
	if j < len(ws) && text[ws[j-1].end:ws[j].start] == ", " {
		k, closed := j, false
		for k < len(ws) && k-j < 5 {
			if k > j && text[ws[k-1].end:ws[k].start] != " " {
				closed = true
				break
			}
			k++
		}
		closed = closed || k == len(ws)
		// The phrase runs to the next punctuation; its head is its last word.
		if closed && k > j && (ws[j].fold == "the" || ws[j].fold == "a" || ws[j].fold == "an" || ws[j].fold == "his" ||
			ws[j].fold == "her" || ws[j].fold == "their" || ws[j].poss) && isRole(ws[k-1]) {
			a := k - 1
			if a-1 > j && titleLead[ws[a-1].fold] {
				a--
			}
			return roleText(ws[a:k]), kinWords[ws[k-1].fold]
		}
	}
	return "", false
}

func roleText(ws []word) string {
	f := make([]string, len(ws))
	for k, w := range ws {
		f[k] = w.fold
	}
	return strings.Join(f, " ")
}
