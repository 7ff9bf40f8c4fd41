"""What the clean members of a family of agents know about themselves, said of the group: "the clean children now
know they are clean", "干净的孩子这时就能确定自己是干净的", "the clean child still can't tell", "额头干净的那个孩子先站出来";
or of one member: "kid 3 — who is clean — now knows it's clean", "C 就能确定自己是干净的".

Only in puzzles with a family of agents each blind to its own boolean variable (muddy children: agent c[i] sees
every m[j] but m[i]). "The clean ones know" is `(m[1] = 0 implies c[1] knows m[1]) and …` over the family, judged
in every remaining world like any claim: after the first silence a clean child who sees two muddy faces cannot
tell two muddy from three, so the claim is false there. "Can't tell" negates each member's knowledge. Stepping
forward is knowing. The muddy members' knowledge is the puzzle's own last announcement and is left to the
aligner (a restatement or a narration of it).
"""
from __future__ import annotations

import re

from ..language import syntax as s
from .counts import NUMBER_WORDS, count_key
from .keys import junction_key, knows_key, not_key, value_key
from .lexicon import Lexicon
from .records import HYPOTHETICAL, KNOWLEDGE, ClaimRecord, record

CLEAN_EN = r"(?:clean|mud-free|unmuddied|non-muddy)\s+(?:child|children|kid|kids|ones?|girl|boy|classmates?)"
_KNOW_EN = r"(?:(?:now|already|also|then|immediately|instantly|at\s+once|too|both|all|each|this\s+time)\s+)*" \
           r"(?P<neg>(?:still\s+)?(?:can't|cannot|can\s+not|couldn't|don't|doesn't|didn't|do\s+not|does\s+not|" \
           r"never|are\s+not|is\s+not|aren't|isn't|still\s+unable\s+to|unable\s+to|wouldn't|would\s+not|won't|" \
           r"will\s+not)\s+)?" \
           r"(?:(?:can|could|are\s+able\s+to|is\s+able\s+to)\s+)?" \
           r"(?:know|knows|knew|tell|tells|figure\s+out|figures\s+out|conclude|concludes|deduce|deduces|realize|" \
           r"realizes|be\s+sure|is\s+sure|are\s+sure|determine|determines|work\s+out|works\s+out|step\s+forward|" \
           r"steps\s+forward|stepped\s+forward)\b"
_GROUP_EN = re.compile(r"(?i)\b(?:the|a|each|every|any|both|all(?:\s+the)?|two|three|four|\d)\s+" + CLEAN_EN +
                       r"\b(?P<gap>(?:(?!child|kid)[^.;!?\n]){0,90}?)\b" + _KNOW_EN)
CLEAN_ZH = r"(?:额头)?(?:干净|(?<!有)没有泥|(?<!有)没泥|上没有泥)的(?:那)?(?:[一两二三四五六七八几\d]?(?:个|位))?(?:孩子|人)(?:们)?"
_GROUP_ZH = re.compile(CLEAN_ZH + r"(?P<gap>(?:(?!孩子)[^。；！？\n]){0,40}?)"
                       r"(?P<neg>还不能|还不知道|不能|无法|不知道|没法|不会|没有|还无法)?"
                       r"(?:就|也|都|已经|马上|立刻|立即|这时|此时|能|可以|便|先)*(?:知道|确定|推出|断定|判断|站出来|站了出来)")
# What the group knows must be its own state: "… that she is clean", "whether", "自己", or stepping forward
_OWN = re.compile(r"(?i:\b(?:she|he|they|herself|himself|themselves)(?:\s+(?:is|are|was|were|must\s+be)|['’](?:s|re))\s+"
                  r"(?:clean|not\s+muddy)\b|"
                  r"\bwhether\b|\btheir\s+own\b|\bher\s+own\b|\bhis\s+own\b|forward)|自己|站")
_HYPOTHETICAL = re.compile(r"(?i:\b(?:would|might|if|suppose|imagine|should|until|wait|waits)\b)|"
                           r"如果|假设|要是|假如|会|才|要等|等到")  # "要等…站出来后才知道": only later


_GROUP_ZH_LAST = re.compile(_GROUP_ZH.pattern.replace("{0,40}?", "{0,40}", 1))  # the last knowing word within reach


def _own_knowing(pattern: re.Pattern, sentence: str, m: re.Match) -> re.Match | None:
    """The group's knowing of its own state: `m` when its clause says so ("… that she is clean", "自己是干净的"); in
    Chinese the last knowing word within reach when the first knows something else ("又知道至少有三个有泥，所以D能确定
    自己是干净的"; not "只知道至少4个，他也分不清自己…": a count, not itself); else None."""
    later = _GROUP_ZH_LAST.match(sentence, m.start()) if pattern is _GROUP_ZH else None
    for hit in (m, later if later is not None and later.end() > m.end() else None):
        if hit is None:
            continue
        end = re.search(r"[.;!?。；！？\n]" if pattern is _GROUP_EN else r"[。；！？\n，,]", sentence[hit.end():])
        tail = sentence[hit.end():hit.end() + min(120, end.start() if end else 120)]  # the rest of its clause
        if (hit is m and _OWN.search(hit.group(0)) is not None) or _OWN.search(tail) is not None:
            return hit
    return None


# A world supposed by its count before the group is named: "With one muddy child, the clean children …", "If only one
# child were muddy, the clean ones …", "in a one-muddy world", "如果只有一个孩子有泥，…"
_SUPPOSED_COUNT = re.compile(r"(?i:\b(?:with|if|suppose|when)\s+(?:there\s+(?:is|are|were|was)\s+)?(?:exactly\s+|only\s+|"
                             r"just\s+)?(?P<n>one|two|three|four|five|a\s+single|\d)\s+(?:muddy\s+(?:child|children|kid|kids)|"
                             r"(?:child|children|kid|kids)\s+(?:is|are|were|was)\s+muddy)\b|\bin\s+a\s+"
                             r"(?P<w>one|two|three|four|\d)-muddy\s+world\b)|"
                             r"(?:如果|假设|假如|要是)(?:只有|恰好|正好)?(?P<zn>[一两二三四五\d])个(?:孩子)?(?:有泥|脸上有泥|额头(?:上)?有泥)")
# A time of its own ("would know in round 2", "第二次才站出来"): the rounds' reader dates such cases (rounds.py)
_TIMED = re.compile(r"(?i:\b(?:round|rounds|silence|silences|question|time|night)\b)|第.(?:轮|次)|轮|次")


def _supposed_count(sentence: str, end: int) -> int | None:
    """The count a supposition before `end` in the sentence gives its world ("With one muddy child, …"), or None."""
    found = list(_SUPPOSED_COUNT.finditer(sentence, 0, end))
    if not found:
        return None
    m = found[-1]  # (the nearest supposition before the group)
    word = (m.group("n") or m.group("w") or m.group("zn")).lower()
    return 1 if word == "a single" else int(word) if word.isdigit() else NUMBER_WORDS[word]


def family(lex: Lexicon) -> tuple[tuple[str, str], ...]:
    """(agent, own variable) of each member of a family of agents blind to their own boolean, or ()."""
    booleans = {v.name for v in lex.puzzle.variables if v.sort == "bool"}
    out = []
    for agent in lex.puzzle.agents:
        seen = {u.name for u in agent.observes if isinstance(u, s.Var)}
        index = agent.name[agent.name.find("["):] if "[" in agent.name else None
        own = next((v for v in booleans if index and v.endswith(index) and v not in seen), None)
        if own is None:
            return ()
        out.append((agent.name, own))
    return tuple(out) if len(out) >= 2 else ()


def members(lex: Lexicon) -> tuple[tuple[str, str], ...]:
    """`family(lex)`, once per puzzle (kept in the lexicon's atoms)."""
    found = lex.atoms.get("@family")
    if found is None:
        found = lex.atoms["@family"] = family(lex)
    return found


def members_knowing(family_members: tuple[tuple[str, str], ...], own: int, negated: bool) -> tuple:
    """The key of "each member whose own bit is `own` knows it" (0: the clean ones, 1: the muddy ones), or of each
    such member not knowing it."""
    parts = []
    for agent, var in family_members:
        knows = knows_key(agent, "value", (("Var", var),))
        parts.append(("Implies", value_key(var, own), not_key(knows) if negated else knows))
    return junction_key("And", parts)


def group_records(lex: Lexicon, sentence: str, case: int | None = None) -> list[ClaimRecord]:
    """Claims that the clean members of the family know (or do not know) their own state; in a world supposed by its
    count (in the sentence, or `case`, the count the step supposes), that world's case."""
    found = members(lex)
    if not found:
        return []
    out = []
    for pattern in (_GROUP_EN, _GROUP_ZH):
        for first in pattern.finditer(sentence):
            m = _own_knowing(pattern, sentence, first)
            if m is None:
                continue
            knowing = members_knowing(found, 0, bool(m.group("neg")))
            n = _supposed_count(sentence, m.start()) or case
            if n is not None or _HYPOTHETICAL.search(m.group("gap") + sentence[max(0, m.start() - 12):m.start()]):
                term = count_key(lex)
                if n is None or term is None or _TIMED.search(sentence) is not None:
                    continue  # a supposition the reader cannot name, or a case dated by its rounds
                key = ("Implies", ("Compare", "=", term, ("Const", n)), knowing)  # "with one muddy child the clean
                # children know at once": in that world, when the trace speaks of it
                out.append(record("case knowledge", key, (), sentence.strip(), m.start(), m.end(), False,
                                  reading=HYPOTHETICAL))
                continue
            out.append(record("knowledge", knowing, (), sentence.strip(), m.start(), m.end(), False,
                              reading=KNOWLEDGE))
    return out


# Every member knowing its own state: "all five children know whether they are muddy", "everyone now knows whether
# he is muddy", "所有五个孩子都知道了自己额头上有没有泥", "每个孩子都知道自己有没有泥"
_EVERYONE_EN = re.compile(r"(?i)\b(?:every(?:one|body)|every\s+(?:child|kid)|all\s+(?:the\s+)?(?:\w+\s+)?(?:children|kids)|"
                          r"each\s+(?:child|kid))\s+(?!who\b|that\b)(?:\w+\s+){0,2}?(?:knows?|knew|can\s+tell|know)\s+"
                          r"(?:now\s+|already\s+)?whether\s+(?:he|she|they|he\s+or\s+she)\s+(?:is|are|was|were)\s+"
                          r"(?:muddy|clean)\b")
_EVERYONE_ZH = re.compile(r"(?:所有|每个|全部|五个|四个|三个|六个)+(?:[一二三四五六七八\d]个)?(?:孩子|人)(?:们)?"
                          r"(?:就|也|都|已经|这时|此时)*(?:知道|确定)了?自己(?:额头上?|脸上)?(?:有没有泥|是否有泥|是不是有泥|"
                          r"有泥没泥|是否干净|的情况)")


def everyone_records(lex: Lexicon, sentence: str) -> list[ClaimRecord]:
    """The claim that every member knows its own state (`c[1] knows m[1] and …`), said plainly; not under a
    supposition or modal ("if …, everyone would know whether …"), nor as whom a request picks out ("asks everyone who
    knows whether they are muddy to step forward")."""
    found = members(lex)
    out = []
    for m in (*_EVERYONE_EN.finditer(sentence), *_EVERYONE_ZH.finditer(sentence)) if found else ():
        if _HYPOTHETICAL.search(sentence, 0, m.end()) is None:
            key = junction_key("And", [knows_key(agent, "value", (("Var", var),)) for agent, var in found])
            out.append(record("knowledge", key, (), sentence.strip(), m.start(), m.end(), False, reading=KNOWLEDGE))
    return out


def member_records(lex: Lexicon, sentence: str) -> list[ClaimRecord]:
    """Claims that one named member knows (or does not know) that it is clean: `m[3] = 0 implies c[3] knows m[3]`,
    judged like the group's claim (a clean child knows only once the muddy ones have stepped forward)."""
    own = dict(members(lex))
    if not own:
        return []
    named = [(t.start, t.end, t.payload) for t in lex.scan(sentence) if t.kind == "agent" and t.payload in own]
    by_index = {name[name.find("["):]: name for name in own}
    named += [(m.start(), m.end(), by_index[f"[{_index(m)}]"]) for m in _NUMBERED_CHILD.finditer(sentence)
              if f"[{_index(m)}]" in by_index]  # "kid 3", "孩子3", "第三个孩子"
    out = []
    for start, end, agent in sorted(set(named)):
        m = _MEMBER_EN.match(sentence, end) or _MEMBER_ZH.match(sentence, end)
        if m is None or _HYPOTHETICAL.search(m.group("gap") + sentence[max(0, start - 12):start]) or \
                any(end <= other < m.end("gap") for other, _, _ in named):
            continue  # (of two members named before the knowing, the nearer one knows)
        if any(_JOINED.fullmatch(sentence, other_end, start) for _, other_end, _ in named if other_end <= start):
            continue  # "1号和2号都能推出自己是干净的": the two together, the group's claim
        clause = max(sentence.rfind(c, 0, start) for c in "，,。；;") + 1
        if _SEES.search(sentence, clause, start) is not None:
            continue  # "不过她看到1号和2号第二次站出来之后，就能推出自己是干净的": whom she sees, not who knows
        key = _knows_own(agent, own[agent], bool(m.group("neg")))
        out.append(record("knowledge", key, (), sentence.strip(), start, m.end(), False, reading=KNOWLEDGE))
    return out


_JOINED = re.compile(r"\s*(?:和|与|跟|、|,|，|(?i:and|&))\s*")
# The verbs of seeing another child: "3号看到1号和2号", "she sees #1 and #2"
_SEEING = r"看到|看见|见到|(?i:\b(?:sees?|saw|watch(?:es)?|watched)\b)"
_SEES = re.compile(_SEEING)
_NUMBERED_CHILD = re.compile(r"(?i:\b(?:child|kid)\s*#?(?P<n>\d{1,2})\b)|(?:孩子|小孩)\s*(?P<zn>\d{1,2})|"
                             r"第(?P<zo>[一二三四五六七八\d])个孩子|(?<![\w#])#(?P<h>\d{1,2})\b|"
                             r"(?<![\d.])(?P<hao>\d{1,2})\s*号(?:孩子|小孩)?")  # ("#3 sees two …", "3号就能知道…")


def _index(m: re.Match) -> int:
    word = m.group("n") or m.group("zn") or m.group("zo") or m.group("h") or m.group("hao")
    return int(word) if word.isdigit() else NUMBER_WORDS[word]


# A member's knowing in Chinese, negated or not: "还不能确定", "就知道", "马上能判断出"
_KNOWING_ZH = (r"(?P<neg>还不能|还不知道|不能|无法|不知道|没法|还无法)?(?:就|也|都|已经|马上|立刻|立即|这时|此时|能|可以|便)*"
               r"(?:知道|确定|推出|断定|判断出?)")


def _knows_own(agent: str, var: str, negated: bool, clean: bool = True) -> tuple:
    """The key of a member knowing (or not) its own state: `m[i] = 0 implies c[i] knows m[i]` when it is said to be
    clean, else `c[i] knows m[i]`."""
    knows = knows_key(agent, "value", (("Var", var),))
    knows = not_key(knows) if negated else knows
    return ("Implies", value_key(var, 0), knows) if clean else knows


# Two members named together: "kids 3 and 4", "children 3 and 4", "#3 and #4", "3号和4号"
PAIR_QUICK = re.compile(r"(?i:\b(?:kids|children)\s*#?\d{1,2}\s*(?:and|&)|#\d{1,2}\s*(?:and|&)\s*#\d)|\d号(?:和|与)\d号")
_NUMBERED_PAIR = re.compile(r"(?i:\b(?:kids|children)\s*#?(?P<a>\d{1,2})\s*(?:and|&)\s*#?(?P<b>\d{1,2})\b|"
                            r"(?<![\w#])#(?P<c>\d{1,2})\s*(?:and|&)\s*#(?P<d>\d{1,2})\b)|"
                            r"(?<!\d)(?P<e>\d{1,2})号(?:和|与)(?P<f>\d{1,2})号(?:孩子)?")
# What the two know: their own state ("… know too", "know they are clean", "都知道自己是干净的")
_PAIR_KNOW_EN = re.compile(r"(?i)(?P<gap>[^.;!?\n]{0,30}?)\s*\b" + _KNOW_EN + r"(?:\s+(?P<clean>(?:that\s+)?they"
                           r"(?:\s+themselves)?(?:\s+(?:are|must\s+be)|['’]re)\s+(?:clean|not\s+muddy)\b)|"
                           r"\s+(?:too|as\s+well|also|whether\s+they\s+are\s+muddy)\b|(?=\s*(?:[.;!?\n]|$)))")
_PAIR_KNOW_ZH = re.compile(r"(?P<gap>[^。；！？\n]{0,30}?)" + _KNOWING_ZH +
                           r"(?:(?P<clean>自己(?:是|的额头是)?(?:干净的|没有泥|没泥))|了?(?=\s*(?:[。；！？\n]|$)))")


_SEEN_BEFORE = re.compile(r"(?:" + _SEEING + r")\s*$")
_EVENT_GAP = re.compile(r"之后|以后|后[，,]|(?i:\bafter\b)")


def _other_subject(gap: str) -> bool:
    """Whether a gap between two named members and a knowing word names another member not as what is seen ("1号和2号
    都有泥，所以3号知道…": 3号 knows; "2号和3号各自看到1号有泥，…他们会知道…": the two know, 1号 is seen)."""
    return any(_SEEN_BEFORE.search(gap, max(0, c.start() - 6), c.start()) is None
               for c in _NUMBERED_CHILD.finditer(gap))


def pair_records(lex: Lexicon, sentence: str, case: int | None = None) -> list[ClaimRecord]:
    """Claims that two named members know (or do not know) their own state: "#3 and #4 know too" is `c[3] knows m[3]
    and c[4] knows m[4]`; "… know they are clean" each member's `m[i] = 0 implies c[i] knows m[i]`; in a world
    supposed by its count (in the sentence, or `case`, the count the step supposes), that world's case ("假设只有一个
    孩子有泥…那么2号和3号…会知道自己是干净的")."""
    own = dict(members(lex))
    by_index = {name[name.find("["):]: name for name in own}
    out = []
    for m in _NUMBERED_PAIR.finditer(sentence):
        agents = [by_index.get(f"[{int(g)}]") for g in m.groups() if g is not None]
        k = _PAIR_KNOW_EN.match(sentence, m.end()) or _PAIR_KNOW_ZH.match(sentence, m.end())
        if None in agents or k is None or _SEEN_BEFORE.search(sentence, max(0, m.start() - 8), m.start()) or \
                _EVENT_GAP.search(k.group("gap")) or _other_subject(k.group("gap")):
            continue  # ("她看到1号和2号第二次站出来之后，就能推出自己是干净的": the two are what she sees, their stepping
            # forward the time of her knowing)
        parts = junction_key("And", [_knows_own(agent, own[agent], bool(k.group("neg")), bool(k.group("clean")))
                                     for agent in agents])
        if _HYPOTHETICAL.search(k.group("gap") + sentence[max(0, m.start() - 12):m.start()]):
            n, term = _supposed_count(sentence, m.start()) or case, count_key(lex)
            if n is not None and term is not None and _TIMED.search(sentence) is None:
                out.append(record("case knowledge", ("Implies", ("Compare", "=", term, ("Const", n)), parts), (),
                                  sentence.strip(), m.start(), k.end(), False, reading=HYPOTHETICAL))
            continue  # (else a supposition the reader cannot name, or a case dated by its rounds)
        out.append(record("knowledge", parts, (), sentence.strip(), m.start(), k.end(), False, reading=KNOWLEDGE))
    return out


# "kid 3 — who is clean — now knows it's clean", "Carol, the clean one, can tell she is clean"
_MEMBER_EN = re.compile(r"(?i)(?P<gap>[^.;!?\n]{0,120}?)\s*\b" + _KNOW_EN +
                        r"\s+(?:that\s+)?(?:she|he|it|they)(?:\s+(?:is|must\s+be)|['’]s)\s+(?:the\s+)?"
                        r"(?:clean|not\s+muddy)\b(?!\s+(?:child|kid)s?\b)")  # ("… she realizes she's the clean one")
_MEMBER_ZH = re.compile(r"(?P<gap>[^。；！？\n]{0,30}?)" + _KNOWING_ZH +
                        r"自己(?:是|的?额头(?:上)?是|的?脸(?:上)?是)?(?:干净的|没有泥|没泥)")  # ("…知道自己额头是干净的")
