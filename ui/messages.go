package ui

// messageLog keeps the latest status messages whole, so that one cut to
// fit the status line can be read in full: the report (!) lists them.
type messageLog struct {
	all []logged
}

type logged struct {
	text  string
	isErr bool
}

// maxMessages is how many messages the log keeps; older ones go.
const maxMessages = 20

func (l *messageLog) add(text string, isErr bool) {
	if len(l.all) == maxMessages {
		l.all = append(l.all[:0], l.all[1:]...)
	}
	l.all = append(l.all, logged{text, isErr})
}

// note logs the status message once, however many frames show it.
func (l *messageLog) note(s *statusLine) {
	if s.text != "" && !s.logged {
		l.add(s.text, s.isErr)
		s.logged = true
	}
}

// lines are the messages, latest first, wrapped to width w, under a
// heading; nothing when there are none.
func (l messageLog) lines(sh *shared, w int) []string {
	if len(l.all) == 0 {
		return nil
	}
	st := sh.styles
	inner := max(w-4, 10)
	lines := []string{"  " + st.Empty.Render("Messages, latest first"), ""}
	for i := len(l.all) - 1; i >= 0; i-- {
		style := st.Meta.Render
		if l.all[i].isErr {
			style = st.Error.UnsetBackground().Render
		}
		for j, t := range wrap(l.all[i].text, inner-2) {
			lead := "  · "
			if j > 0 {
				lead = "    "
			}
			lines = append(lines, lead+style(t))
		}
	}
	return append(lines, "", "  "+st.Empty.Render("Files"), "")
}
