"""Site search that finds what villagers type: folded (no diacritics, đ→d, NFC/NFD, old tone marks),
scoped per language, Khmer segmented in the browser, synonyms at query time. The browser half is
docs/assets/js/search.js; both halves fold text the same way (see fold())."""
