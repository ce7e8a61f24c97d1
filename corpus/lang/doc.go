// Package lang is the one text analyser that the loader, search, find,
// comparison and stories share, so that they agree on what a word, a
// stem, an abbreviation and a sentence are.
//
// It has the shape of an analysis chain such as bleve's (a tokenizer, then
// token filters, one analyser every consumer uses), fused into one pass
// where indexing a large corpus needs it:
//
//   - Tokenizer: EachToken (and Tokens, Words, built on it) cuts text into
//     words: letters and digits, inner apostrophes joined, ideographs one
//     by one, dotted acronyms one word ("F.B.I." is "fbi").
//   - Filters applied in the same pass: folding (Fold, FoldRune: case,
//     diacritics, ё, apostrophes) and the possessive ("Umerov's").
//   - Stem filter: Stem, Porter's stemmer, applied by the consumers that
//     match words by stem (search expansion, comparison terms, stories);
//     TranslitKey for spelling variants of names.
//   - Sentences: Sentences and SplitSentences, with the one abbreviation
//     list (Abbrev, EndsInAbbreviation): dotted acronyms, abbreviations,
//     initials and quotations that go on do not end a sentence.
package lang
