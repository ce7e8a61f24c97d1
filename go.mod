module github.com/parallax-reader/parallax

go 1.26.8

require (
	github.com/BurntSushi/toml v1.6.0
	golang.org/x/term v0.36.0
	golang.org/x/text v0.43.0
)

require golang.org/x/sys v0.38.0 // indirect
