"""Where the article sits on a plain-text page: body span, title, head lines, cut-off tail.

``classify_lines`` first applies the single-line rules of ``rasad.extraction.lines`` (phrase
families, metadata, templates), then the positional ones:

- **lists**: runs of bulleted or numbered short lines (blank lines between allowed) are
  headline lists, and so is a line repeating one of their items;
- **wrapped paragraphs**: consecutive lines of similar length that do not end a sentence are one
  paragraph hard-wrapped by the scraper, judged as a whole;
- **body**: from the first to the last paragraph-like line (or wrapped paragraph);
- **head** (above the body): the title is the first headline-like line (5-30 words, not ending a
  sentence); a repeat of it, and a subtitle of 5+ words below it, are head lines (kind
  ``head``: content lines, not text); a short kicker of 3-4 words directly above it too. Two
  adjacent lines of which one repeats the other (image alt text and caption) are captions;
  other short lines are furniture;
- **cut-off tail**: a page cut short ends in half a paragraph. The last line of the page, when
  only blank lines or plain candidate lines separate it from the body and it does not end a
  sentence, is content (kind ``partial``: in ``doc.lines``, not in ``doc.text``, since half a
  sentence misleads the entity and event stages).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from itertools import pairwise

from .lines import LineLabel, is_body_like, line_key, meta_kind, n_words, rule_furniture

_BULLET = re.compile(r"^\s*(?:[-•*▪◦●■–]|\d{1,2}[.)])\s+\S")
_BULLET_MARK = re.compile(r"^\s*(?:[-•*▪◦●■–]|\d{1,2}[.)])\s+")
_SENT_END = re.compile(r"[.!؟?:»\"”'\)]\s*$")


def classify_lines(
    lines: Sequence[str],
    *,
    template_keys: Collection[str] = (),
    html: bool = False,
) -> list[LineLabel]:
    """Label every line of a page. ``template_keys`` are keys of lines that recur on other pages
    of the same site or batch (see ``TemplateLearner``). With ``html=True`` the lines come from a
    main-text extractor, so only explicit rules apply (no positional body detection)."""
    labels: list[LineLabel] = []
    for line in lines:
        if not line.strip():
            labels.append(LineLabel("blank"))
            continue
        reason = rule_furniture(line)
        if reason:
            labels.append(LineLabel("furniture", reason))
            continue
        meta = meta_kind(line)
        if meta:
            labels.append(LineLabel("meta", meta))
            continue
        if line_key(line) in template_keys:
            labels.append(LineLabel("furniture", "template"))
            continue
        labels.append(LineLabel("candidate"))
    _mark_lists(lines, labels)
    if html:
        for lab in labels:
            if lab.kind == "candidate":
                lab.kind = "body"
        return labels
    _mark_body(lines, labels)
    return labels


def _is_item(line: str, lab: LineLabel) -> bool:
    return (
        lab.kind in ("candidate", "furniture")
        and _BULLET.match(line) is not None
        and not is_body_like(line.lstrip(" -•*"))
    )


def _mark_lists(lines: Sequence[str], labels: list[LineLabel]) -> None:
    """Runs of two or more bulleted short lines (blank lines between allowed) are headline
    lists; a later line repeating one of their items is one too."""
    items: set[str] = set()
    i = 0
    while i < len(lines):
        run: list[int] = []
        j = i
        while j < len(lines):
            if labels[j].kind == "blank":
                j += 1
                continue
            if not _is_item(lines[j], labels[j]):
                last = line_key(_BULLET_MARK.sub("", lines[run[-1]].strip())) if run else None
                if last is None or line_key(lines[j]) != last:
                    break
                items.add(last)  # the item repeated without its bullet (link and its text)
                j += 1
                continue
            run.append(j)
            j += 1
        if len(run) >= 2:
            for k in run:
                labels[k] = LineLabel("furniture", "headline_list")
                items.add(line_key(_BULLET_MARK.sub("", lines[k].strip())))
                items.add(line_key(lines[k]))
        i = max(j, i + 1)
    if not items:
        return
    prev = ""  # the reason of the last non-blank line
    for k, lab in enumerate(labels):
        if lab.kind == "candidate" and (
            line_key(lines[k]) in items or (prev == "headline_list" and _BULLET.match(lines[k]))
        ):
            labels[k] = LineLabel("furniture", "headline_list")  # a repeat, or a long item
        if lab.kind != "blank":
            prev = labels[k].reason


def _wraps(a: str, b: str) -> bool:
    """Can line ``b`` continue line ``a`` inside one hard-wrapped paragraph?"""
    a, b = a.rstrip(), b.strip()
    return (
        not _SENT_END.search(a)
        and n_words(a) >= 3
        and len(a) <= 100
        and len(b) <= 100
        and not _BULLET.match(b)
    )


def _paragraphs(lines: Sequence[str], cands: list[int]) -> list[list[int]]:
    """Candidate lines grouped into paragraphs: adjacent lines wrapped inside a sentence form
    one group, kept only when it closes a sentence (or ends the page, which may be cut);
    otherwise (a list of headlines) its lines stand alone."""
    groups: list[list[int]] = []
    for i in cands:
        if groups and groups[-1][-1] == i - 1 and _wraps(lines[i - 1], lines[i]):
            groups[-1].append(i)
        else:
            groups.append([i])
    out: list[list[int]] = []
    for g in groups:
        closed = _SENT_END.search(lines[g[-1]].rstrip()) is not None
        out.extend([g] if len(g) == 1 or closed else [[i] for i in g])
    return out


def _mark_body(lines: Sequence[str], labels: list[LineLabel]) -> None:
    cands = [i for i, lab in enumerate(labels) if lab.kind == "candidate"]
    if not cands:
        return
    groups = _paragraphs(lines, cands)
    body = [g for g in groups if is_body_like(" ".join(lines[i].strip() for i in g))]
    if not body:  # a short page: keep its longest candidate
        body = [[max(cands, key=lambda i: n_words(lines[i]))]]
    line0 = lines[body[0][0]].rstrip()
    if (
        body[0][0] == cands[0]
        and len(body[0]) == 1
        and len(body) > 1
        and n_words(line0) <= 20
        and not line0.endswith((".", "…"))
    ):
        body = body[1:]  # a headline that ends with "؟" or "!" is still the title
    first, last = body[0][0], body[-1][-1]
    for i in cands:
        if first <= i <= last:
            labels[i] = LineLabel("body")
        elif i > last:
            labels[i] = LineLabel("furniture", "after_body")
    for i in cands:  # a caption's first words standing alone above it
        if labels[i].kind == "body" and not is_body_like(lines[i]):
            j = next((k for k in range(i + 1, len(lines)) if lines[k].strip()), None)
            if (
                j is not None
                and labels[j].reason == "caption"
                and line_key(lines[j]).startswith(line_key(lines[i]))
            ):
                labels[i] = LineLabel("furniture", "caption")
    _mark_cut_tail(lines, labels, last)
    _mark_head(lines, labels, [i for i in cands if i < first])


def _mark_cut_tail(lines: Sequence[str], labels: list[LineLabel], last: int) -> None:
    end = max((i for i, line in enumerate(lines) if line.strip()), default=-1)
    if end <= last or labels[end].reason != "after_body":
        return
    if any(labels[k].kind not in ("blank", "furniture") for k in range(last + 1, end)):
        return
    if any(
        labels[k].kind == "furniture" and labels[k].reason != "after_body"
        for k in range(last + 1, end)
    ):
        return
    if end - last > 4 or _SENT_END.search(lines[end].rstrip()):
        return
    labels[end] = LineLabel("partial", "cut")  # content, but half a sentence: not text


def _is_headline(line: str) -> bool:
    return (
        5 <= n_words(line) <= 30
        and not line.rstrip().endswith((".", "…"))
        and not _BULLET.match(line)
    )


def _mark_head(lines: Sequence[str], labels: list[LineLabel], before: list[int]) -> None:
    keys = {i: line_key(lines[i]) for i in before}
    title = next((i for i in before if _is_headline(lines[i])), None)
    decorated = None
    if title is not None:
        # "headline ● Site" or "SectionHeadline" followed by the plain headline: the plain one
        nxt = next((i for i in before if i > title and _is_headline(lines[i])), None)
        if nxt is not None and keys[nxt] != keys[title] and keys[nxt] in keys[title]:
            decorated, title = title, nxt
    tkey = keys[title] if title is not None else None
    pairs: set[int] = set()  # adjacent lines of which one repeats the other: alt text + caption
    for a, b in pairwise(before):
        ka, kb = keys[a], keys[b]
        if tkey in (ka, kb) or b - a > 2:
            continue
        if ka.startswith(kb) or kb.startswith(ka):
            pairs.update((a, b))
    for i in before:
        n = n_words(lines[i])
        if i == title:
            labels[i] = LineLabel("title")
        elif i in pairs or i == decorated:
            labels[i] = LineLabel("furniture", "caption")
        elif title is not None and i > title and keys[i] == tkey:
            labels[i] = LineLabel("head", "repeat")
        elif title is not None and i > title and n >= 5:
            labels[i] = LineLabel("head", "subtitle")
        elif (
            title is not None
            and 3 <= n < 5
            and i < title
            and all(not lines[k].strip() for k in range(i + 1, title))
        ):
            labels[i] = LineLabel("head", "kicker")
        elif n < 5:
            labels[i] = LineLabel("furniture", "caption")
        else:
            labels[i] = LineLabel("furniture", "before_body")
