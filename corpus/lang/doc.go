// Package lang is the one text analyser that the loader, search, find,
// comparison and stories share, so that they agree on what a word, a
// stem, an abbreviation and a sentence are.
//
// It is an analysis chain in the shape of bleve's (analysis.go): a
// Tokenizer, then TokenFilters, put together as an Analyzer. The chains
// every consumer shares are Folded and Stemmed:
//
//   - Tokenizer: WordTokenizer, EachToken's words (letters and digits,
//     inner apostrophes joined, ideographs one by one, dotted acronyms one
//     word: "F.B.I." is "fbi"). Folding (Fold, FoldRune: case, diacritics,
//     ё, apostrophes) and the possessive ("Umerov's") are filters fused
//     into its one pass, which allocates nothing for ASCII text.
//   - Folded is that tokenizer alone: what search indexes and finds, and
//     what comparison and stories read (Tokens and Words give the same).
//   - Stemmed adds StemFilter (Stem, Porter's stemmer): how search finds a
//     word's other forms, and how comparison and stories match words.
//     Analyzer.Term runs one word that is already a token through a
//     chain's filters. TranslitKey keys spelling variants of names.
//   - Sentences: Sentences and SplitSentences, with the one abbreviation
//     list (Abbrev, EndsInAbbreviation): dotted acronyms, abbreviations,
//     initials and quotations that go on do not end a sentence.
package lang
