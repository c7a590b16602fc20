"""The only home of words: every word list and word pattern of Season Watch lives here.

One concept a module, each exporting one canonical tuple and the forms derived from it (a regular
expression, folded tokens, stems). Stage code imports a concept; it never spells its own list of
networks, months or negations, so two stages cannot drift apart on what "Netflix" or "not" is.

- `forms`: how words are compared (folding quotes, dashes and accents; light stemming).
- `calendar`: months, weekdays, seasons and parts of the year, foreign month names.
- `numbers`: number words ("three", "third").
- `networks`: networks, channels and streaming services.
- `places`: continents, countries and cities a season is set or filmed in.
- `negation`: words and phrases that deny or defer ("not", "yet to", "unannounced").
- `trades`: the words of television news and of other trades (music, books, sport, business...).
- `topic_cues`: words that tell which part of an article a piece of news adds to.
- `function_words`: words that carry no content (stopwords, the small words of Title Case).
- `not_names`: capitalized words that are never a person's name or a name from a show's world.
"""
