// Package feeds subscribes Parallax to news feeds and fetches them: the
// subscriptions file (a plain urls file people can edit by hand), OPML
// import and export, feed discovery from a site's page, a polite fetcher
// (conditional GET, per-host connection limits, backoff, size caps) and the
// news store, where each fetched article is one JSON record that the corpus
// loader reads like any other file.
//
// Everything here is domain logic: no terminal, no flags. Text that comes
// from outside (feed titles, URLs, server messages) is cleaned with the
// corpus sanitiser before it is stored or returned.
package feeds
