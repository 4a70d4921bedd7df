"""Events for the timeline: one per happening, dated the way a careful editor dates them.

How an event gets its date, and why:

1. A time expression dates the clause it modifies: from the expression the
   parse is climbed to the verb it hangs from (the trigger). A date that
   modifies a thing rather than a happening dates nothing: a year modifier
   ("the 1990 flood defences"), a house number ("1935 Orchard Street"), a
   comparison ("the worst flooding since 2015"). The dateline's date is the
   document's, not an event's; page boilerplate ("Copyright 2025 ...") gives
   no events at all.
2. A clause gets one date. When several expressions hang from one verb the
   nearest wins; coordinated ones ("Saturday and Sunday") give their span.
   A date in a clause the sentence only mentions (a relative clause, "three
   days after the worst flooding since 2015") dates that clause, never the
   clause that reports the event. A clause that says when its head happened ("cut 500 jobs when
   sales collapsed in January", "resigned after the board voted on Monday") dates the head: the
   sentence gives one entry, dated as the clause is (approximately for "after").
3. A reported happening without a time expression happened at or just
   before publication: it is anchored to the article's date, exactly for the
   present and the present perfect ("Airbus has confirmed", a headline's
   "Launch delayed"), approximately ("by 12 March 2025") for the simple past.
   The past perfect and the future say "some other time" and stay undated; so
   does the simple present of a body sentence ("Acme owns a stake in a bakery"), a
   state, unless it is a statement ("says").
4. "days before the airstrikes" is anchored to the event it names, and marked
   approximate.
5. Retellings of one happening (same verb, shared participants, same days)
   collapse into one, keeping the fullest telling; statements ("said") never
   collapse: two statements are two events.

A summary is a verbatim span of the article (the clause from its subject to
its last word; a clause without a subject of its own keeps the near one it
shares, "Acme plans to build ..."), shortened only at a word boundary, and
then always with an ellipsis, never after a dangling "the", "of" or "and".

Modules: ``extract`` (the stage), ``triggers`` (which clause a date dates, tense),
``participants`` (who takes part, pronouns), ``dating`` (dates and anchors),
``retellings`` (merging), ``summaries``, ``candidate`` and ``positions`` (the data
they share), ``lang_en`` (the English words they read).
"""

from .extract import extract_events
from .positions import ByPosition
from .summaries import shorten

_ByPosition = ByPosition  # the name tests/test_scaling.py imports

__all__ = ["extract_events", "shorten"]
