"""Criticism carried by the content of reported speech: "قالت X إن قادة Y غير قادرين على
...", "أكدت X أن العقوبات الـ Y-ية ستفاقم المشكلات", "قالت X: القصف الـ Y-ي عمل غير قانوني"
— the speaker disapproves of Y (ACCUSE ``disapprove``).

Only the *subject* of the reported clause is judged, never another actor named in it: the
clause opens (after the speaker's "إن / أن" or colon, cue ``complementizers``) with

- an actor, after at most one head word ("قادة الاتحاد"، "حكومة X"), or
- an act noun (cue ``verdict_acts``: العقوبات، القصف، الإجراءات ...) after at most three
  words of its own phrase ("حزمة العقوبات"، "جولة جديدة من العقوبات"), whose agent is named
  right after it: a nisba or a genitive (past one adjective or bridge word), or the actor
  after a word of cue ``verdict_links`` ("فرضها X"، "التي فرضها X"); with no agent the
  clause judges no one ("إن العقوبات تتعارض مع قرار مجلس الأمن" accuses nobody);

and its predicate, within eight words of the subject's end (past one phrase "على / ضد X"),
holds a word of cue ``verdict_bad`` (غير قانوني، غير قادرين، انتهاك، ستفاقم، تقوض ...) before
any comma, clause break, complementizer or verb trigger ("إن X اتهمت Y بالانتهاك" is X's
accusation, read by its verb). A negator right before the word ("لا يشكل انتهاكا") cancels it
unless "إلا" follows it ("لن تؤدي إلا إلى تفاقم"). The speaker must be of another state than
the one judged, and not a news outlet. The hit is the judgement word; ``verdict_sides`` reads
the speaker and the judged back from it.
"""

from __future__ import annotations

from dataclasses import replace

from .arguments import Unit
from .cues import cue
from .lexicon import Entry, Form, Hit, Token
from .sides import _COMPLEMENTIZERS, AGENT_BRIDGES, CLAUSE_BREAKS, _Sentence, _strip
from .stance import variants

__all__: list[str] = []  # internal to the events package

#: words of a negative judgement in the predicate of reported speech
_BAD = cue("verdict_bad")
#: act nouns whose agent is judged: العقوبات، القصف، الإجراءات، السياسة ...
_ACTS = cue("verdict_acts")
#: "فرضها X"، "التي اتخذها X": the agent of the act follows
_LINKS = cue("verdict_links") | cue("agent_links")
#: negators that cancel a judgement word right after them
_NEG = cue("verdict_negators")
#: "لن تؤدي إلا إلى": a negation lifted by an exception
_EXCEPT = frozenset({"الا"})
#: prepositions of a phrase between the subject and its predicate: "ضد موسكو"، "على بلادها"
_PHRASE = frozenset({"علي", "ضد", "داخل", "في"})
_MEDIA = cue("media_sectors")
#: "تعرضت X لـ ...": what follows is done to the subject, not by it
_UNDERGO = cue("undergo")

_ENTRY = Entry(-3, "verdict", "X", "ACCUSE", "disapprove", frozenset({"verdict", "nomodel"}))
_FORM = Form("noun", "sg", "")
#: how far after the speaker's verb its "إن" / colon may stand
_OPEN_REACH = 14
#: how far after the subject its judgement may stand
_PRED_REACH = 8
#: how far into the clause an act noun may stand ("جولة جديدة من العقوبات")
_ACT_REACH = 3


def verdicts(hits: list[Hit], tokens: list[Token], sent: _Sentence, norm: str) -> list[Hit]:
    """One hit on the judgement word of each reported clause that judges its subject; the
    hit's entry names the speaker's and the judged actor's first words."""
    out: list[Hit] = []
    for k, (speaker, judged) in _judgements(hits, tokens, sent, norm).items():
        t = tokens[k]
        entry = replace(_ENTRY, lemma=f"verdict:{speaker.i}:{judged.i}")
        out.append(Hit(k, k + 1, t.start, t.end, entry, _FORM, ""))
    return out


def verdict_sides(hit: Hit, sent: _Sentence) -> tuple[Unit, Unit] | None:
    """(the speaker, the one judged) of a verdict hit."""
    _, a, b = hit.entry.lemma.split(":")
    speaker = next((u for u in sent.units if u.i == int(a)), None)
    judged = next((u for u in sent.units if u.i == int(b)), None)
    if speaker is None or judged is None:
        return None
    return speaker, judged


def _judgements(
    hits: list[Hit], tokens: list[Token], sent: _Sentence, norm: str
) -> dict[int, tuple[Unit, Unit]]:
    out: dict[int, tuple[Unit, Unit]] = {}
    # verb triggers, and words of saying or judging ("إن روسيا تعتبر العقوبات غير قانونية":
    # Russia's view, not the speaker's; but an act noun "يعد / تعتبر" a crime: a copula)
    acts = [h.i for h in hits if h.form.tense != "noun" and not h.entry.type.startswith("_")]
    verbs = sorted(acts + [h.i for h in hits if h.entry.type in ("_REPORT", "_JUDGE")])
    for at, speaker in sent.reporters:
        if not speaker.countries or speaker.sector in _MEDIA:
            continue
        cs = _opening(tokens, sent, norm, at)
        if cs is None:
            continue
        subject = _subject(tokens, sent, cs, verbs)
        if subject is None:
            continue
        judged, end, is_act = subject
        if set(judged.countries) & set(speaker.countries) or not judged.countries:
            continue
        k = _bad_word(tokens, sent, norm, end, acts if is_act else verbs)
        if k is not None:
            out[k] = (speaker, judged)
    return out


def _opening(tokens: list[Token], sent: _Sentence, norm: str, at: int) -> int | None:
    """The first word of the reported clause after the speaker's verb: after "إن / أن" or
    a colon, within fourteen words."""
    for k in range(at, min(sent.tj - 1, at + _OPEN_REACH)):
        if _strip(tokens[k].text) in _COMPLEMENTIZERS:
            return k + 1
        if k > at and ":" in norm[tokens[k - 1].end : tokens[k].start]:
            return k
    return None


def _subject(
    tokens: list[Token], sent: _Sentence, cs: int, verbs: list[int]
) -> tuple[Unit, int, bool] | None:
    """(the actor judged, the end of the subject phrase, whether it is an act's agent) of
    the clause opening at ``cs``."""
    units = [u for u in sent.units if u.i >= cs and u.countries]
    first = units[0] if units else None
    if (
        first is not None
        and first.i <= cs + 1
        and first.is_actor
        and not first.prep
        # "قادة الاتحاد الأوروبي": a head word, then the actor (not "القصف الروسي")
        and (first.i == cs or not tokens[cs].text.startswith(("ال", "وال")))
        and not any(cs <= v < first.i for v in verbs)
    ):
        return first, _group_end(first, sent), False
    for n in range(cs, min(sent.tj, cs + _ACT_REACH + 1)):
        if any(u.i <= n < u.j for u in sent.units) or (n in verbs):
            return None
        if not variants(tokens[n].text) & _ACTS:
            continue
        agent = _agent(tokens, sent, n)
        if agent is None:
            return None
        return agent, agent.j, True
    return None


def _agent(tokens: list[Token], sent: _Sentence, n: int) -> Unit | None:
    """The agent named right after the act noun at word ``n``."""
    for u in sent.units:
        if u.i <= n or not u.countries or u.prep:
            continue
        between = [tokens[m].text for m in range(n + 1, u.i)]
        if not between:
            return u  # "القصف الإيراني"، "إجراءات الاتحاد الأوروبي"
        if len(between) == 1 and (between[0] in AGENT_BRIDGES or _linked(between[0])):
            return u  # "الضربات الجوية الأمريكية"، "فرضها الاتحاد"
        if 2 <= len(between) <= 3 and _linked(between[-1]):
            return u  # "التي فرضها X"، "الشريرة التي اتخذتها X"
        return None
    return None


def _linked(word: str) -> bool:
    """A word of cue ``verdict_links`` / ``agent_links``, with or without a glued و."""
    return word in _LINKS or (word.startswith("و") and word[1:] in _LINKS)


def _group_end(u: Unit, sent: _Sentence) -> int:
    if u.group < 0:
        return u.j
    return max(v.j for v in sent.units if v.group == u.group and v.is_actor)


def _bad_word(
    tokens: list[Token], sent: _Sentence, norm: str, end: int, verbs: list[int]
) -> int | None:
    """The judgement word of the predicate after the subject ending at ``end``."""
    k = end
    # adjectives of the act and one phrase "على / ضد X" before the predicate
    while k < sent.tj and k - end < 3 and tokens[k].text.startswith("ال"):
        if variants(tokens[k].text) & _BAD:
            break
        k += 1
    if k < sent.tj and _strip(tokens[k].text) in _PHRASE:
        k += 2
        k = max([k] + [u.j for u in sent.units if u.i == k - 1])
    stop = min(sent.tj, k + _PRED_REACH)
    for m in range(end, stop):
        if m > end and any(c in norm[tokens[m - 1].end : tokens[m].start] for c in "،,؛"):
            return None
        text = tokens[m].text
        if m >= k and (
            text in CLAUSE_BREAKS
            or _strip(text) in _COMPLEMENTIZERS
            or _strip(text) in _UNDERGO  # "إن X تعرضت لانتهاك": X is the victim
            or m in verbs
        ):
            return None
        words = variants(text)
        if m + 1 < sent.tj:
            words |= {f"{w} {v}" for w in words for v in variants(tokens[m + 1].text)}
        if words & _BAD:
            if _negated(tokens, m, end):
                return None
            return m
    return None


def _negated(tokens: list[Token], m: int, lo: int) -> bool:
    """A negator in the two words before word ``m`` with no "إلا" after it."""
    for k in range(max(lo, m - 3), m):
        if _strip(tokens[k].text) in _NEG:
            return not any(_strip(tokens[q].text) in _EXCEPT for q in range(k + 1, m + 1))
    return False
