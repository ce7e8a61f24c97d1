//go:build !unix

package main

// memProfileOnSignal does nothing where there is no SIGUSR1.
func memProfileOnSignal(string) {}
