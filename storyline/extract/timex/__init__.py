"""Temporal expressions: recognition and TIMEX3 normalisation, the machinery behind `extract/times.py`.

- `lexicon`: the words (`resources/time_lexicon.json`); `patterns`: regex pieces built from them;
- `rules`: the rule table, one pattern and one value function per construction;
- `dates`, `days`, `holidays`, `relative`, `spans`: the value functions; `reading`: what they share;
- `names`: names that hold time words ("the Sunday Times"), which are no times;
- `recognise`: runs the rules over a text, settles overlaps, widens over modifiers, values in order;
- `context`, `tense`, `anchors`, `values`: what values are resolved against (the publication date, the
  tense, the dates the text has given its events), and the calendar arithmetic.
"""
