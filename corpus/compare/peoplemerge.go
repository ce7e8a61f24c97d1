package compare

// Joining the names of one person, inside an article (names.go) and across
// a story's articles (coverage.go): one implementation for both, generic
// over the entity type.

// mergeFullNames joins full names that name one person: each name merges
// into the others it agrees with when they all agree with each other
// (else it is ambiguous: "Robert Mueller" between "Robert S. Mueller" and
// "Robert F. Mueller" stays apart). The fullest name, then the most
// mentioned, takes the others.
func mergeFullNames[T comparable](list []T, who func(T) *personAttrs, full func(T) bool, weight func(T) int, absorb func(into, from T)) []T {
	gone := map[T]bool{}
	for _, e := range list {
		if gone[e] || !full(e) {
			continue
		}
		group := []T{e}
		for _, f := range list {
			if f != e && !gone[f] && full(f) && samePerson(who(e).name, who(f).name) &&
				who(e).genderOf().agrees(who(f).genderOf()) {
				group = append(group, f)
			}
		}
		if len(group) == 1 || !allSame(group, who) {
			continue
		}
		best := group[0]
		for _, f := range group[1:] {
			if specificity(who(f).name) > specificity(who(best).name) ||
				specificity(who(f).name) == specificity(who(best).name) && weight(f) > weight(best) {
				best = f
			}
		}
		for _, f := range group {
			if f != best {
				absorb(best, f)
				gone[f] = true
			}
		}
	}
	return keep(list, gone)
}

func allSame[T any](group []T, who func(T) *personAttrs) bool {
	for i := range group {
		for j := i + 1; j < len(group); j++ {
			if !samePerson(who(group[i]).name, who(group[j]).name) {
				return false
			}
		}
	}
	return true
}

func specificity(n personName) int {
	s := len(n.middles) * 2
	for _, m := range n.middles {
		if len(m) > 1 {
			s++
		}
	}
	if n.suffix != "" {
		s++
	}
	return s
}

// joinSurnames joins each surname alone to the one full name it may stand
// for; with several candidates it guesses nothing. Inside one article
// (earlier not nil) the full name must come first, as news writing
// introduces people: "Obama said" before "Michelle Obama" is someone the
// reader already knows. A surname left alone with "Mr." or "Mrs." joins the
// bare surname when no full name shares it.
func joinSurnames[T comparable](list []T, who func(T) *personAttrs, person func(T) bool, earlier func(full, alone T) bool, absorb func(into, from T)) []T {
	introduced := func(f, e T) bool { return earlier == nil || earlier(f, e) }
	gone := map[T]bool{}
	var zero T
	for _, e := range list {
		we := who(e)
		if !person(e) || we.name.first != "" || we.name.last == "" {
			continue
		}
		found, n := zero, 0
		for _, f := range list {
			if f != e && !gone[f] && person(f) && who(f).name.first != "" && we.mayBe(who(f)) && introduced(f, e) {
				found, n = f, n+1
			}
		}
		if n == 1 {
			absorb(found, e)
			gone[e] = true
		}
	}
	// "Trump" and "Mr. Trump" with no full name anywhere: one person when
	// the text gives a single gender for the surname.
	for _, e := range list {
		we := who(e)
		if gone[e] || !person(e) || we.name.first != "" || we.gender != unknownGender || we.name.last == "" {
			continue
		}
		found, n, fulls := zero, 0, 0
		for _, f := range list {
			wf := who(f)
			if f == e || gone[f] || !person(f) || wf.name.last != we.name.last {
				continue
			}
			if wf.name.first != "" {
				fulls++
			} else if wf.gender != unknownGender {
				found, n = f, n+1
			}
		}
		if fulls == 0 && n == 1 && we.mayBe(who(found)) {
			absorb(found, e)
			gone[e] = true
		}
	}
	// "Malia, 21, studied film": a given name alone stands for the one
	// full name with that given name, when no name has it as a surname.
	for _, e := range list {
		we := who(e)
		if gone[e] || !person(e) || we.name.first != "" || we.honor && !we.given || we.name.last == "" {
			continue
		}
		found, n := zero, 0
		for _, f := range list {
			wf := who(f)
			if f == e || gone[f] || !person(f) {
				continue
			}
			if wf.name.last == we.name.last && wf.name.first != "" {
				n = 2 // a surname after all
				break
			}
			// A common given name on both sides, or "Sir Keir": not "Boeing"
			// and "Boeing Starliner".
			given := we.given || isGivenName(we.name.word) && isGivenName(wf.name.first)
			if wf.name.first != "" && given && skeleton(wf.name.first) == we.name.last && we.genderOf().agrees(wf.genderOf()) && introduced(f, e) {
				found, n = f, n+1
			}
		}
		if n == 1 {
			absorb(found, e)
			gone[e] = true
		}
	}
	return keep(list, gone)
}

func keep[T comparable](list []T, gone map[T]bool) []T {
	if len(gone) == 0 {
		return list
	}
	out := list[:0:0]
	for _, e := range list {
		if !gone[e] {
			out = append(out, e)
		}
	}
	return out
}
