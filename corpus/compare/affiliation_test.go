package compare

import "testing"

func TestAffiliationOf(t *testing.T) {
	cases := []struct {
		name, text, person, want string
	}{
		{"party tag", `"We will not fund this," said Sen. Alex Padilla (D-Calif.) on Tuesday.`, "Alex Padilla", "Democrat"},
		{"apposition with party", `Dale Hoffman, a Republican who voted against the plan, said the city was wrong. "Taxpayers were never asked," Hoffman said.`, "Dale Hoffman", "Republican"},
		{"apposition with an organisation", `Maria Santos, the director of the Riverton Immigrant Coalition, said "we are ready."`, "Maria Santos", "Riverton Immigrant Coalition"},
		{"of an organisation", `"It is the law," said John Keller of the American Civil Liberties Union.`, "John Keller", "American Civil Liberties Union"},
		{"no affiliation given", `"We are ready," said Maria Santos, speaking outside the hall.`, "Maria Santos", ""},
		{"apposition without party or organisation", `"It will open," said Tom Brandt, a longtime resident.`, "Tom Brandt", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := Prepare(article("a", c.text))
			var e *Entity
			for _, x := range d.Entities() {
				if x.Kind == Person && (x.Name == c.person || len(x.Name) > len(c.person) && x.Name[len(x.Name)-len(c.person):] == c.person) {
					e = x
				}
			}
			if e == nil {
				var names []string
				for _, x := range d.Entities() {
					names = append(names, x.Name+"/"+string(x.Kind))
				}
				t.Fatalf("no person %q among %v", c.person, names)
			}
			if got := affiliationOf(d, e); got != c.want {
				t.Errorf("affiliation of %s = %q, want %q", e.Name, got, c.want)
			}
		})
	}
}
