"""Page furniture that survives main-text extraction: the headline repeated as the first
paragraph, promotion lines ("Related: ...", "Subscribe to our newsletter") and separator rules.

Only whole, short paragraphs are taken out, and each one goes to `removed`.
"""

from __future__ import annotations

import re
import unicodedata

# A promotion line is short; a longer paragraph that mentions a newsletter is article text.
_MAX_PROMO_WORDS = 30
_PROMO = re.compile(
    r"""^(?:
        (?:related|see\ also|see\ more|read\ more|more|also|don'?t\ miss|recommended|most\ read\b[^:]*
           |you\ may\ also\ like|trending|watch|listen)\s*(?:[:|.…]|$)
      | (?:sign\ up|subscribe)\b.*\b(?:newsletters?|inbox|updates)\b
      | get\b.*\b(?:delivered|in\ your\ inbox|to\ your\ inbox)\b
      | follow\b.*\b(?:twitter|facebook|instagram|youtube|linkedin|tiktok|whatsapp)\b
      | click\ here\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)
# A line of only punctuation or symbols ("___", "* * *", "—").
_RULE = re.compile(r"^[\W_]+$")
_WORD = re.compile(r"\w+")


def split_boilerplate(paragraphs: list[str], title: str | None) -> tuple[list[str], list[str]]:
    """(body paragraphs, removed paragraphs)."""
    kept: list[str] = []
    removed: list[str] = []
    for index, paragraph in enumerate(paragraphs):
        is_headline = index == 0 and title is not None and _fold(paragraph) == _fold(title)
        if is_headline or is_promotion(paragraph) or _RULE.match(paragraph):
            removed.append(paragraph)
        else:
            kept.append(paragraph)
    return kept, removed


def is_promotion(paragraph: str) -> bool:
    """Whether a paragraph is a short link, sign-up or follow-us line."""
    return len(paragraph.split()) <= _MAX_PROMO_WORDS and bool(_PROMO.match(paragraph))


def _fold(text: str) -> str:
    return " ".join(_WORD.findall(unicodedata.normalize("NFKC", text).casefold()))
