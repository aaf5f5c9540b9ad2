"""Cleaning: a source's text → the cleaned text and its flat views, with spans that stay honest.

The *cleaned text* is what every span in a record points into: the decoded file, Unicode NFC, line
ends unified, nothing else changed. Extraction runs on *flat* views of it: whitespace runs, line
breaks and table pipes collapse to one space, footnote markers glued to words and page numbers
drop out, and each flat character remembers where it came from.

``normalise.py`` (cleaning, offset maps back to the decoded text), ``flat.py`` (flat views),
``layout.py`` (body, footnotes, page furniture), ``sentences.py`` (the sentence around a mention),
``language.py`` (whether a text looks Vietnamese).
"""
