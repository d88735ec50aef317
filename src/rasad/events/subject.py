"""The first side (subject) of a trigger: claimed actors, the speaker, the main clause,
a pronoun, the head of a relative clause, the document's subject, an anaphor of the last
pair, or (for a noun) its agent nisba, its possessor or the actor before it.

Used by ``frames._events_for``; the finders are in ``sides`` and the modules named below.
"""

from __future__ import annotations

from .accusative import pronoun_sides
from .act_agent import indefinite_agent, noun_agent, split_agent
from .agreement import plural_subject
from .arguments import Unit
from .between_pair import between_pair
from .cues import cue
from .lexicon import Hit, Token
from .masc_subject import masc_subject
from .parenthetical import subject_past_clause
from .reading import FirstSide, Reading
from .relative import relative_agent, relative_object
from .sides import (
    _DOMESTIC,
    _agent_nisba,
    _anaphor_near,
    _before_qad,
    _continued_subject,
    _counterpart_subject,
    _document_before,
    _document_subject,
    _owned_by_verb,
    _Sentence,
    _strip,
    _subject_after,
    _subject_before,
    _title_subject,
)
from .speaker_pair import speaker_pair
from .speech import speaker_sides
from .subordinate import main_clause_sides
from .titled import titled_subject

__all__: list[str] = []  # internal to the events package

#: "بموجب"، "تنفيذا (لـ)": an act done under the agreement noun after it
_PURSUANT = cue("pursuant")
#: envoy nouns: "طرد السفير الفرنسي" — the nisba after them is the envoy's state, the object
_ENVOYS = cue("envoys")


def first_side(r: Reading) -> FirstSide:
    """The subject of ``r``'s trigger (may lower ``r.conf``)."""
    hit, sent, tokens, ctx, claimed, doc = r.hit, r.sent, r.tokens, r.ctx, r.claimed, r.doc
    entry, cs, is_verb = r.entry, r.cs, r.is_verb
    # "وطالب المتظاهرون رئيس الوزراء بـ...": a domestic group right after the verb
    crowd_subject = (
        is_verb
        and not entry.has("sym")
        and hit.j < sent.tj
        and _strip(tokens[hit.j].text) in _DOMESTIC
        and hit.start not in claimed
    )
    subj: list[Unit] | None = None
    cont: list[Unit] | None = None
    dyad_anaphor = False
    genitive: list[Unit] | None = None
    pronoun_obj: list[Unit] | None = None
    agentive = False  # a stance noun with its agent after it (stance.py)
    if (
        hit.start in claimed
        and not entry.has("sym")
        and all(u.kind == "GPE" for u in claimed[hit.start])
    ):
        # "يعتزم ماكرون زيارة روسيا": a country after a directed noun is where it goes
        before = _subject_before(hit, sent, cs, 8)
        # but "إدانة كينيا للتفجير": the state condemns (stance.py)
        # "إدانة كينيا للتفجير"، "هجوم X على Y": the state after the noun acts (act_agent.py)
        agentive = noun_agent(hit, claimed[hit.start], tokens) or all(
            u.adjective for u in claimed[hit.start]
        )  # "تعرضت لقصف أميركي": an adjective is the agent, never the genitive (indefinite.py)
        if before and not agentive:
            subj, genitive = before, claimed[hit.start]
    if genitive is not None:
        pass
    elif hit.start in claimed:
        subj = claimed[hit.start]
    elif crowd_subject:
        pass  # the crowd word is the subject; the actor after it is the object
    elif is_verb and (pair := speaker_pair(hit, sent, tokens, cs)) is not None:
        subj = pair  # "أعلنت X أنها وY اتفقتا"، "أعلنت X وY أنهما اتفقتا" (speaker_pair.py)
    elif is_verb and (hit.form.hal or hit.form.first):
        # "ندين ..."، "داعيا روسيا إلى ...": the speaker's or the clause's subject (speech.py)
        subj, pronoun_obj = speaker_sides(hit, sent, tokens, ctx)
    elif is_verb and (main := main_clause_sides(hit, sent, tokens)) is not None:
        subj, pronoun_obj = main  # "... بعد أن اعتقلته الشرطة وطالبت ..." (subordinate.py)
    elif is_verb and (pron := pronoun_sides(hit, sent, tokens, ctx)) is not None:
        subj, pronoun_obj = pron  # "وانتقدها وزير الخارجية الأمريكي" (accusative.py)
    elif is_verb and (rel := relative_object(hit, sent, tokens)) is not None:
        subj, pronoun_obj = rel  # "الأسرى الذين أفرجت عنهم X": X frees the head (relative.py)
    elif is_verb and (head := relative_agent(hit, sent, tokens)) is not None:
        subj = head  # "القوات الروسية التي قصفت ...": the head of the relative clause (relative.py)
    elif is_verb:
        if hit.form.number == "dual" and (
            _anaphor_near(tokens, max(cs - 1, hit.i - 2), hit.i)
            or _anaphor_near(tokens, hit.j, min(sent.tj, hit.j + 1))
        ):
            dyad_anaphor = True
        elif hit.form.number == "sg":
            # a dual or plural verb carries its (pronoun) subject: what follows is the object
            cont = _continued_subject(hit, sent, tokens, doc.norm)
            subj = (
                _document_subject(hit, sent, tokens, ctx)
                or _document_before(hit, sent, tokens)
                or cont
                or _before_qad(hit, sent, tokens)
                or (
                    _subject_after(hit, sent, commas=True)
                    if not _envoy_after(hit, tokens)
                    else None
                )
                or _title_subject(hit, sent, tokens)
                or (_counterpart_subject(hit, sent) if not entry.has("sym") else None)
                or titled_subject(hit, sent, tokens)  # "التقى نائب رئيس ... السيد X" (titled.py)
            )
        if subj is None and not dyad_anaphor:
            if _anaphor_near(tokens, hit.j, min(sent.tj, hit.j + 2)) or (
                hit.form.number == "dual" and _anaphor_near(tokens, cs - 1, hit.i)
            ):
                dyad_anaphor = True
            else:
                # "... واستهدفوا": not a single state's name (agreement.py)
                subj = plural_subject(hit, sent, cs, _subject_before(hit, sent, cs, 6))
                subj = masc_subject(hit, sent, subj)  # "وطالب" after "موسكو" (masc_subject.py)
            if subj is None and not dyad_anaphor and _anaphor_near(tokens, cs - 1, hit.i):
                dyad_anaphor = True
    else:
        suffix = hit.form.suffix
        agent = (
            _agent_nisba(hit, sent, tokens)
            or indefinite_agent(hit, sent, tokens)  # "غارات جوية إسرائيلية" (act_agent.py)
            or split_agent(hit, sent, tokens)
        )
        if agent:
            subj = agent
        elif suffix == "هما":
            before = [u for u in sent.units if u.j <= hit.i and u.is_actor]
            groups = [
                g for g in {u.group for u in before} if sum(1 for u in before if u.group == g) >= 2
            ]
            if groups:
                g = max(groups)
                subj = [u for u in before if u.group == g]
            else:
                dyad_anaphor = True
        elif suffix in ("ه", "ها", "هم"):
            before = [u for u in sent.units if u.j <= hit.i and u.is_actor]
            people = [u for u in before if u.kind in ("PER", "ROLE", "ORG")]
            pick = (people or before)[-1:] if (people or before) else []
            if pick:
                subj = pick
            elif ctx.person is not None and suffix != "ها":
                subj, r.conf = [ctx.person], r.conf - 0.15
        elif _anaphor_near(tokens, hit.j, min(sent.tj, hit.j + 1)) or (
            between_pair(hit, tokens, sent.tj) and not _pair_before(sent, cs, hit.i)
        ):  # "محادثات مباشرة بين وفدي البلدين": the last pair (between_pair.py), unless the
            # clause names the two before ("شهد X و Y توقيع اتفاقيات بين البلدين")
            dyad_anaphor = True
        else:
            subj = _subject_before(hit, sent, cs, 8) or subject_past_clause(hit, sent, tokens)
            pursuant = hit.i > cs and _strip(tokens[hit.i - 1].text) in _PURSUANT
            if entry.has("sym") and _owned_by_verb(sent, subj, hit.i) and not pursuant:
                subj = None
            if subj is None and pursuant:
                # "أقلتهم طائرة من طهران تنفيذا لاتفاق مع X": the actor before the act done
                # under the agreement is its party, with its preposition (cue pursuant)
                near = [u for u in sent.units if cs <= u.i and u.j <= hit.i and u.is_actor]
                subj = near[-1:] if near and hit.i - near[-1].j <= 8 else None
            if subj and all(u.kind == "GPE" and not u.nisba for u in subj):
                # "يزور ميرزويان بروكسل لبحث ...": the visitor talks, not the city visited
                people = [
                    u
                    for u in sent.units
                    if cs <= u.i and u.j <= subj[0].i and u.is_actor and u.kind in ("PER", "ROLE")
                ]
                if people:
                    subj = people[-1:]
            if subj is None and _anaphor_near(tokens, cs, hit.i):
                dyad_anaphor = True
    return FirstSide(subj, cont, dyad_anaphor, genitive, pronoun_obj, agentive, crowd_subject)


def _envoy_after(hit: Hit, tokens: list[Token]) -> bool:
    """An expulsion or summons right followed by an envoy noun ("طرد السفير الفرنسي"): what
    follows is the object, whoever the subject is."""
    return (
        hit.entry.type in ("SANCTION", "ACCUSE")
        and hit.j < len(tokens)
        and _strip(tokens[hit.j].text) in _ENVOYS
    )


def _pair_before(sent: _Sentence, cs: int, i: int) -> bool:
    """Actors of two states or more stand in the clause before token ``i``."""
    return (
        len({c for u in sent.units if cs <= u.i and u.j <= i and u.is_actor for c in u.countries})
        >= 2
    )
