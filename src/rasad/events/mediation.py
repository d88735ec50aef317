"""Mediation: a third party between two sides (CONSULT, mode ``third-party``).

The mediator is the source; the sides it stands between are the target, one merged side:
"بين X و Y" in the sentence, or else the last pair of sides of the document. The mediator
is the verb's subject ("توسطت قطر بين ..."), the agent of the noun ("الوساطة القطرية",
"بوساطة من الإمارات", first for a noun) or, failing those, the speaker of the sentence. The
sides are "بين X و Y", else the last pair of the document, else the states the sentence
names (less the mediator).

A joint mediation names its partners after a word of cue ``joint_words`` ("الوساطة المشتركة مع
X و Y"، "بالتعاون مع X"): they are mediators too, and so are all the nisbas that follow the
noun ("الوساطة المصرية القطرية"). Talks with their mediator right after them ("المحادثات
بوساطة قطرية", cue ``mediated_by``) are the mediation, not a meeting of the two sides
(``mediated_talks``). A mediation noun that is what someone backs ("الجهود التي بذلتها X في
دعم جهود الوساطة", cue ``backing_words`` in the three words before) is no mediation by them.
"""

from __future__ import annotations

from .arguments import Unit
from .cues import cue
from .lexicon import Hit, Token
from .sides import _Ctx, _Sentence, _Side, _strip

#: "الوساطة المشتركة مع X"، "بالتعاون مع X": the mediator's partners
_JOINT = cue("joint_words")
#: "في دعم جهود الوساطة": the mediation is what is backed
_BACKING = cue("backing_words")

__all__: list[str] = []  # internal to the events package


def _parties(sent: _Sentence, mediator: _Side, ctx: _Ctx) -> _Side | None:
    between = [u for u in sent.units if u.prep == "بين" and u.is_actor]
    if between:
        group = [u for u in sent.units if u.group == between[0].group and u.is_actor]
        side = _Side.of(group)
    elif ctx.dyad is not None:
        side = _Side(tuple(dict.fromkeys(c for s in ctx.dyad for c in s.countries)), None, None)
    else:  # "استعادت روسيا جنودا من الأسر الأوكراني بوساطة إماراتية": the states named
        side = _Side(tuple(dict.fromkeys(c for u in sent.units for c in u.countries)), None, None)
    rest = tuple(c for c in side.countries if c not in mediator.countries)
    return _Side(rest, None, None) if len(rest) >= 2 else None


def _nisbas(agent: list[Unit], sent: _Sentence) -> list[Unit]:
    """The first agent and the nisbas right after it ("الوساطة المصرية القطرية الأمريكية")."""
    out = agent[:1]
    for u in sent.units:
        if out and out[0].nisba and u.nisba and u.i == out[-1].j and u.countries:
            out.append(u)
    return out


def _before(hit: Hit, sent: _Sentence) -> list[Unit]:
    """The actors right before a verbal noun ("وتواصل X و Y التوسط بين ..."): its agent."""
    near = [
        u
        for u in sent.units
        if u.j <= hit.i and hit.i - u.j <= 1 and u.is_actor and u.prep == "" and u.countries
    ]
    if hit.form.tense != "noun" or not near:
        return []
    return [u for u in sent.units if u.group == near[-1].group and u.is_actor]


def _partners(hit: Hit, sent: _Sentence, tokens: list[Token]) -> list[Unit]:
    """The mediator's partners: "المشتركة مع X و Y" right after the noun or verb."""
    joint = next(
        (k for k in range(hit.j, min(sent.tj, hit.j + 2)) if _strip(tokens[k].text) in _JOINT),
        None,
    )
    if joint is None:
        return []
    first = next(
        (u for u in sent.units if joint < u.i <= joint + 2 and u.prep == "مع" and u.countries),
        None,
    )
    if first is None:
        return []
    return [u for u in sent.units if u.group == first.group and u.countries]


def mediation_sides(
    hit: Hit,
    sent: _Sentence,
    subj: list[Unit] | None,
    ctx: _Ctx,
    reporter: Unit | None,
    tokens: list[Token],
) -> tuple[_Side, _Side] | None:
    """(mediator, the two sides as one) for a trigger of mediation, or None."""
    if any(_strip(tokens[k].text) in _BACKING for k in range(max(sent.ti, hit.i - 3), hit.i)):
        return None  # "في دعم جهود الوساطة": backing a mediation, not mediating
    after = [
        u
        for u in sent.units
        if hit.j <= u.i <= hit.j + 2
        and u.countries
        and (u.nisba or u.prep == "من")
        and not any(tokens[k].text == "بين" for k in range(hit.j, u.i))
    ]  # not "الوساطة بين الجانبين الإسرائيلي والفلسطيني": those are the sides
    # the noun's own agent first ("مفاوضات روسية بوساطة من الإمارات": not Russia)
    subj = [u for u in subj or [] if u.prep != "بين"] or _before(hit, sent)
    who: list[Unit] = (_nisbas(after, sent) if hit.form.tense == "noun" else []) or subj
    if not who:
        who = after[:1] or ([reporter] if reporter is not None else [])
    if not who:
        return None
    who = who + [u for u in _partners(hit, sent, tokens) if u not in who]
    mediator = _Side.of(who)
    if not mediator.countries:
        return None
    parties = _parties(sent, mediator, ctx)
    return (mediator, parties) if parties is not None else None


#: "مفاوضات بوساطة قطرية"، "محادثات غير مباشرة بوساطة X": talks through a mediator
_VIA = cue("mediated_by")


def mediated_talks(hit: Hit, sent: _Sentence, tokens: list[Token]) -> bool:
    """Talks told with their mediator right after them ("عقب جولات من المفاوضات بوساطة
    قطرية"): the mediation is the event, not a meeting of the two sides."""
    if hit.form.tense != "noun" or hit.entry.type != "CONSULT" or hit.entry.mode == "third-party":
        return False
    return any(_strip(tokens[k].text) in _VIA for k in range(hit.j, min(sent.tj, hit.j + 2)))
