// Package userfiles finds and handles the files Parallax keeps for its user
// (state, configuration, caches, exports): where they live (XDG folders),
// how they are written (atomically), how they are read (regular files only,
// bounded in size, never blocking) and how two running instances take turns
// (an advisory lock). Every package that touches such a file uses these, so
// each rule is written once.
package userfiles
