package formats

import "testing"

// One line per boilerplate pattern: each must be caught, which also checks
// that the cheap gates in front of the patterns let every one of them run.
func TestBoilerplateLines(t *testing.T) {
	for _, line := range []string{
		"Comments are closed.", "Leave a reply", "12 comments", "No comments yet", "31", "#5", "[12]",
		"Advertisement", "Sponsored content", "Scroll to continue with content",
		"Share", "Share this article", "Save", "Gift this article", "Listen to this article", "Facebook | Twitter | Email",
		"5 min read", "Image: Reuters", "Photo credit: AP", "Getty Images: staff", "File photo: archive",
		"Related", "Read more:", "See also", "More from World News", "Most read", "You may also like", "Also read:",
		"Follow us on X", "Subscribe to our newsletter", "Sign up for alerts", "Newsletter",
		"Donate Here", "Support us", "Become a member",
		"© 2025 Example Times", "(c) Example", "Copyright 2024 Example Media", "All rights reserved.",
		"Tags: Ukraine, Russia", "Filed under: World", "We use cookies to improve", "Click here to read more",
		"Loading...", "Please wait",
		`"*" indicates required fields`,
		"Every contribution, however big or small, powers our journalism.",
		"Please consider supporting us with a regular amount each month.",
		"DNB Bank AC # 0530 2294668", "Account for international payments: NO15 0530 2294 668", "Vipps: #557320",
		"IBAN: DE89 3704 0044 0532 0130 00", "Support us on Patreon",
	} {
		if !isStrongBoilerplate(line) {
			t.Errorf("not caught as boilerplate: %q", line)
		}
	}
	for _, line := range []string{
		"The bank said its account of the meeting was accurate, according to officials who spoke on Monday.",
		"Negotiators met again on Sunday.",
		"Sharing intelligence was part of the agreement.",
		"More than 40 people were killed.",
		"Please note that the ceasefire began at noon.",
		"Investigators said the central bank account of the ministry had received transfers from three companies linked to the minister's family between 2021 and 2023.",
	} {
		if isStrongBoilerplate(line) {
			t.Errorf("prose taken for boilerplate: %q", line)
		}
	}
}
