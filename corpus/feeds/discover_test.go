package feeds

import (
	"reflect"
	"testing"
)

func TestDiscover(t *testing.T) {
	for _, tc := range []struct {
		name, page string
		want       []string
	}{
		{"rss and atom, relative and absolute", `<html><head>
			<link rel="stylesheet" href="/s.css">
			<link rel="alternate" type="application/rss+xml" title="RSS" href="/feed.xml">
			<link rel="alternate" type="application/atom+xml" href="https://cdn.example/atom">
			<link rel="alternate" hreflang="fr" href="/fr/">
			</head><body><link rel="alternate" type="application/rss+xml" href="/late.xml"></body></html>`,
			[]string{"https://site.example/feed.xml", "https://cdn.example/atom"}},
		{"base href and json feed", `<head><base href="https://other.example/dir/">
			<LINK REL="Alternate Home" TYPE="application/feed+json; charset=utf-8" HREF="feed.json"/></head>`,
			[]string{"https://other.example/dir/feed.json"}},
		{"no feeds, hostile hrefs", `<head><link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
			<link rel="alternate" type="application/rss+xml" href="file:///etc/passwd"></head>`, nil},
		{"repeats once", `<link rel="alternate" type="application/rss+xml" href="/f"><link rel="alternate" type="application/rss+xml" href="https://site.example/f">`,
			[]string{"https://site.example/f"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Discover("https://site.example/news/", []byte(tc.page))
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}
