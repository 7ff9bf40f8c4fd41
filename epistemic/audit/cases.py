"""Lines of a worked case analysis labelled by a pair: "(2, 15): 30 = 2·15 = 3·10 … so P could determine the
numbers", "- 5+6=11，积30 …，所以P也能知道".

What an agent knows on such a line is said of that pair's world, not of the whole stage: it is read as the
case's knowledge, `x = 2 and y = 15 implies P knows (x, y)` (kind "case knowledge", judged like a hypothetical,
where the pair was last possible). Only a pair that opens its line (after a bullet or a number) labels it.
"""
from __future__ import annotations

import re

from .claims import QUOTES, bare_knows_key, knows_value, observed_vars, positional_worlds, tuple_key, verdict_record
from .keys import implies_key, junction_key, key_vars, knower, not_key, set_key, value_key
from .lexicon import ZH_REMOVING, Lexicon
from .records import CASE, HYPOTHETICAL, KNOWLEDGE, PRONOUN, SUPPOSED, ClaimRecord, record

# "(2, 15):", "1. **(2, 15)**:", "- 2 + 9 = 11，", "2+9：", "| 5 + 6 |" is a table row (not read here)
_PAIR_LABEL = re.compile(r"(?m)^[ \t]*(?:[-*•]|\d{1,2}[.)])?[ \t]*(?:\*\*)?[(（]?[ \t]*(\d{1,3})[ \t]*(?:,|，|\+)[ \t]*"
                         r"(\d{1,3})[ \t]*[)）]?(?:\*\*)?(?=[ \t]*(?:[:：,，=→]|->|\s+\())")
_READ = frozenset({CASE, KNOWLEDGE, PRONOUN})  # a labelled clause, a plain one, "so he knows"


def pair_cases(lex: Lexicon, text: str, records: list[ClaimRecord]) -> list[ClaimRecord]:
    """The step's records with the knowledge on pair-labelled lines read as that pair's case knowledge."""
    pair = lex.number_pair
    if pair is None or not records:
        return records
    lines = []
    for m in _PAIR_LABEL.finditer(text):
        a, b = int(m.group(1)), int(m.group(2))
        if a not in lex.codes[pair[0]] or b not in lex.codes[pair[1]]:
            continue
        lines.append((m.end(), _line_end(text, m.end()),
                      junction_key("And", [value_key(pair[0], a), value_key(pair[1], b)])))
    if not lines:
        return records
    out = []
    for r in records:
        case = next((c for start, end, c in lines if start <= r.start < end), None)
        if case is not None and r.kind == "knowledge" and r.reading in _READ:
            r = record("case knowledge", implies_key(case, r.key.formula), (), r.text, r.start, r.end, r.past,
                       reading=HYPOTHETICAL)
        out.append(r)
    for start, end, case in lines:  # "- (2, 9): 18 = 3 × 6, sum 9 — not on the list, so P would know.": the case's
        # knowledge in the conditional mood, which the sentence reader leaves to suppositions
        if not any(start <= r.start < end and r.kind == "case knowledge" for r in out):
            out += _would_know(lex, text, start, end, case)
    return out


_WOULD = re.compile(r"(?i:\b(?:would|'d)\s+(?:(not|never)\s+|(?:still\s+|then\s+|also\s+|immediately\s+|at\s+once\s+)?)?"
                    r"(?:know|be\s+able\s+to\s+(?:tell|determine)|determine|work\s+(?:it|them)\s+out)\b|"
                    r"\b(wouldn't|would\s+not)\s+(?:know|be\s+able\s+to\s+(?:tell|determine)|determine)\b)|(会|就会|就能|能)(不)?知道")
_NOT_WOULD = re.compile(r"(?i:\b(?:if|unless|whether)\b)|如果|假如|要是|[?？]")


def _would_know(lex: Lexicon, text: str, start: int, end: int, case: tuple) -> list[ClaimRecord]:
    """The one "<agent> would (not) know" of a pair's line, as that pair's case knowledge (of the question)."""
    line = text[start:end]
    m = _WOULD.search(line)
    if m is None or len(_WOULD.findall(line)) != 1 or _NOT_WOULD.search(line) is not None:
        return []
    agents = [t for t in lex.scan(line[:m.start()]) if t.kind == "agent"]
    if not agents or line[agents[-1].end:m.start()].strip(" ,，") not in ("", "then", "也", "就"):
        return []  # the agent right before the modal: "so P would know", "P就会知道"
    key = bare_knows_key(lex, agents[-1].payload)
    if key is None:
        return []
    if m.group(1) or m.group(2) or m.group(4):
        key = not_key(key)
    return [record("case knowledge", implies_key(case, key), (), line.strip(), start + agents[-1].start, start + m.end(),
                   False, reading=HYPOTHETICAL)]


# A line labelled by one value: "- 14日有7月14日和8月14日，伯纳德还是不能确定", "- 14: July 14 and August 14 — Bernard
# can't tell", "* For 16, …" (the value opens the line, after a bullet or a number)
_VALUE_LABEL = re.compile(r"(?m)^[ \t]*(?:[-*•]|\d{1,2}[.)])[ \t]*(?:\*\*)?(?:(?i:for|with|if|on)[ \t]+)?|"
                          r"^[ \t]*(?=[^\s→:：]{1,8}[ \t]*(?:→|->))|"  # (or no bullet, an arrow: "19 → March 19 and …",
                          r"^[ \t]*(?=\w{1,8}[ \t]*=[ \t]*\d{1,6}[ \t]*[:：])|"  # or a variable's value: "b=0：a只能是1，…",
                          # ("#   b = 0  -> … -> drop": a commented line of code, a case and its verdict)
                          r"^[ \t]*#?[ \t]*(?=\w{1,8}[ \t]*=[ \t]*\d{1,6}[ \t]*(?:→|->))|"
                          r"^[ \t]*(?=\d{1,3}[日号]?[ \t]*[:：])")  # or a bare number: "16日：16日在6月和7月都有，…")
_NUMBER_LABEL = re.compile(r"[日号]?[ \t]*[:：]")


_AMBIG_LABEL = re.compile(r"(?:\*\*)?[ \t]*[:：]")  # a name that is also a value, then the label's colon
_SINGLE_QUOTED = re.compile(r"(?<!\w)['‘][^'‘’\n]{1,200}['’](?!\w)")
_LIST_GAP = re.compile(r"\s*(?:,|，|、|/|and|or|和|或)?\s*", re.IGNORECASE)
# "a = 2：…", "x=5:", "Day 14 is still shared …": a variable's value as the label (one value, not "Day 14 and 16")
# "点数是A：", "rank is A:": a label naming the attribute's value; '- Albert is told "July".', "Bernard hears 16."
_IS_VALUE = re.compile(r"[ \t]*(?:是|为|(?i:is|=))?[ \t]*([^\s:：,，]{1,8})[ \t]*(?:\*\*)?[ \t]*[:：]")  # (or "点数4：")
_TOLD_VALUE = re.compile(r"[ \t]+(?i:is\s+told|was\s+told|hears|heard|gets|got|is\s+given|was\s+given|sees)"
                         r"[ \t]+[\"“']?")
_MORE_CODES = re.compile(r"(?:[ \t]*[,，][ \t]*\d{1,6})+(?=[ \t]*(?:[:：→⇒]|->|=>))")  # ("a = 4, 5, 6, 7 →")
_VAR_IS = re.compile(r"[ \t]*=[ \t]*(\d{1,6})(?=[ \t]*(?:[:：,，→⇒]|->|=>))|"
                     r"[ \t]+(\d{1,6})\b(?![ \t]*(?:[,，、/]|and\b|or\b|和|或)[ \t]*\d)")


def _value_lines(lex: Lexicon, text: str) -> list[tuple[int, int, tuple | None]]:
    """(start, end, case) of each bulleted line that opens on one value; the case is that value's key when the
    label names its variable (a value of one variable, or "a = 2"), else None (a bare number)."""
    spans = []
    for m in _VALUE_LABEL.finditer(text):
        end = _line_end(text, m.end())
        toks = lex.scan(text[m.end():min(end, m.end() + 12)])
        if toks and toks[0].start == 0 and toks[0].kind in ("value", "number"):
            one = _one_value(toks, text, m.end())
            world = _world(lex, text, m.end(), end, toks) if not one else None
            if world is None and toks[0].kind == "number" and \
                    _NUMBER_LABEL.match(text, m.end() + toks[0].end) is not None:
                held = [v for v, codes in lex.codes.items() if toks[0].payload in codes]
                world = value_key(held[0], toks[0].payload) if len(held) == 1 else None  # "16日：": the day 16
            spans.append((m.end(), end, value_key(*toks[0].payload) if one else world))
        elif toks and toks[0].start == 0 and toks[0].kind == "attr":
            n = _VAR_IS.match(text, m.end() + toks[0].end) if toks[0].payload in lex.codes else None
            code = int(n.group(1) or n.group(2)) if n is not None else None
            more = _MORE_CODES.match(text, n.end()) if n is not None and n.group(1) else None
            codes = [code] + [int(c) for c in re.findall(r"\d+", more.group(0))] if more else [code]
            if code is not None and all(c in lex.codes[toks[0].payload] for c in codes):
                spans.append((m.end(), end, set_key(toks[0].payload, codes)))  # (or "a = 4, 5, 6, 7 → …": all four)
            elif n is None and (case := _attr_value_label(lex, text, m.end() + toks[0].end, end, toks[0].payload)):
                spans.append((m.end(), end, case))
        elif toks and toks[0].start == 0 and toks[0].kind == "ambig" and \
                (world := _positional_world(lex, text, m.end(), end)) is not None:
            spans.append((m.end(), end, world))  # "- 白白红：…": the hats in order, a whole world
        elif toks and toks[0].start == 0 and toks[0].kind == "ambig" and "value" in dict(toks[0].payload) and \
                _AMBIG_LABEL.match(text, m.end() + toks[0].end) is not None:
            spans.append((m.end(), end, value_key(*dict(toks[0].payload)["value"])))  # "- **Q**: …": the rank Q
            # labels its line, not the agent Q
        elif toks and toks[0].start == 0 and toks[0].kind in ("agent", "ambig"):
            told = _TOLD_VALUE.match(text, m.end() + toks[0].end)  # '- Albert is told "July". Possible dates …'
            agent = toks[0].payload if toks[0].kind == "agent" else dict(toks[0].payload).get("agent")
            seen = lex.scan(text[told.end():told.end() + 12]) if told is not None and agent is not None else []
            mine = observed_vars(lex, agent) if seen else ()
            if seen and seen[0].start == 0 and seen[0].kind == "value" and seen[0].payload[0] in mine:
                spans.append((m.end(), end, value_key(*seen[0].payload)))
    return spans + _unbulleted_runs(lex, text, {a for a, _, _ in spans})


_REMOVED_AFTER = re.compile(r"\s*(?:都|也|就|已经?|全部?|整个)*\s*被?\s*(?:删|排除|去掉|划掉|淘汰|出局)|"
                            r"(?i:\s+(?:is|are|was|were|gets?|got|has\s+been|have\s+been)\s+(?:now\s+|already\s+)?"
                            r"(?:out|gone|removed|eliminated|crossed\s+out|ruled\s+out|deleted)\b)")
_LIST_MARK = re.compile(r"\d{1,2}[.)、．]|[-*•#>|]")
_FIRST_SENTENCE = re.compile(r"[。！？!?]|\.(?=\s|$)")


def _one_value(toks: list, text: str, at: int, prose: bool = False) -> bool:
    """Whether the tokens scanned at `at` open on one value: not a card ("♥Q"), a date ("- April 19 — out", "3月18日")
    or a list ("- 14 and 16: …"); in prose (`prose`) a word right after the value ("7月还剩") is not part of it."""
    if not toks or toks[0].start != 0 or toks[0].kind != "value":
        return False
    nxt = toks[1] if len(toks) > 1 else None
    if nxt is None:
        return True
    valued = nxt.kind in (("value", "number", "ambig") if prose else ("value", "number"))
    adjacent = nxt.start == toks[0].end and (valued or not prose)
    return not (adjacent or valued and _LIST_GAP.fullmatch(text, at + toks[0].end, at + nxt.start) is not None)


def _unbulleted_runs(lex: Lexicon, text: str, taken: set[int]) -> list[tuple[int, int, tuple]]:
    """The first sentences of lines without a bullet that each open on one value of the same variable, two or more in
    a row ("7月还剩16日和17日两个，阿里不能确定。\n3月只剩18日一个，阿里能确定。"): a list of cases written without bullets."""
    heads: list[tuple[int, int, tuple] | None] = []
    at = 0
    for line in text.split("\n"):
        start = at + len(line) - len(line.lstrip(" \t"))
        at += len(line) + 1
        toks = lex.scan(text[start:min(start + len(line), start + 12)]) if start not in taken and \
            _LIST_MARK.match(text, start) is None else []  # (a numbered line's number is no value: "2. **草花**：…")
        one = _one_value(toks, text, start, prose=True) and _REMOVED_AFTER.match(text, start + toks[0].end) is None
        # (not a value the line removes: "梅花删掉后，P的5只剩方块5 ⇒ 知道", "July is out, so …")
        # (the case is its first sentence: "红桃：A、Q、4。…所以Q先生不能确定。" goes on as a paragraph's reasoning)
        first = _FIRST_SENTENCE.search(text, start, _line_end(text, start))
        heads.append((start, first.end() if first else _line_end(text, start), toks[0].payload) if one else None)
    spans = []
    for i, head in enumerate(heads):
        if head is not None and any(0 <= j < len(heads) and heads[j] is not None and heads[j][2][0] == head[2][0]
                                    for j in (i - 1, i + 1)):
            spans.append((head[0], head[1], value_key(*head[2])))
    return spans


def _attr_value_label(lex: Lexicon, text: str, at: int, end: int, attr: str) -> tuple | None:
    """The case of a line labelled "点数是A：", "rank is A:": the attribute, its value and a colon."""
    m = _IS_VALUE.match(text, at, end)
    if m is None:
        return None
    toks = lex.scan(m.group(1))
    payload = toks[0].payload if len(toks) == 1 and toks[0].kind in ("value", "ambig") else None
    own = payload if toks and toks[0].kind == "value" else next(
        (p for k, p in (payload or ()) if k == "value" and p[0] == attr), None)
    return value_key(*own) if own is not None and own[0] == attr else None


def _world(lex: Lexicon, text: str, at: int, end: int, toks: list) -> tuple | None:
    """The key of the whole world a line opens on ("- 3月18日：", "- July 16:"): a value of each of the puzzle's
    variables, next to each other and followed by a colon; else None. Not on a line ticked statement by statement
    ("- ♦5：P看到5不知道 ✓；…Q事先知道 ✓": the dialogue replayed, each part at its own stage); one tick that closes
    the line is its verdict ("- 白白红：…，所以他不知道 ✔ 保留")."""
    names = [v.name for v in lex.puzzle.variables]
    head = toks[:len(names)]
    if len(head) < 2 or _WORLD_END.match(text, at + head[-1].end) is None or _replayed(text, at, end) or \
            any(not _WORLD_GAP.fullmatch(text, at + u.end, at + v.start) for u, v in zip(head, head[1:])):
        return None
    keys = {}
    for t in head:
        if t.kind == "value":
            keys[t.payload[0]] = t.payload[1]
        elif t.kind == "number":  # "3月18日": the day, the one numeric variable not named yet
            free = [v for v in lex.codes if v not in keys and t.payload in lex.codes[v]]
            if len(free) != 1:
                return None
            keys[free[0]] = t.payload
    if sorted(keys) != sorted(names):
        return None
    return junction_key("And", [value_key(v, c) for v, c in keys.items()])


def _positional_world(lex: Lexicon, text: str, at: int, end: int) -> tuple | None:
    """The key of the world a line opens on by position ("- 白白红：", "- (W, W, R):"), followed by a colon, with at
    most one tick, its closing verdict; else None."""
    head = text[at:min(end, at + 24)]
    toks = positional_worlds(lex, head, lex.scan(head))
    if not toks or toks[0].kind != "tuple" or toks[0].start != 0 or _WORLD_END.match(head, toks[0].end) is None:
        return None
    return None if _replayed(text, at, end) else tuple_key(lex, toks[0].payload)


def _replayed(text: str, at: int, end: int) -> bool:
    """Whether a line is ticked statement by statement (the dialogue replayed), not closed by one tick, its verdict."""
    ticks = list(_TICKS.finditer(text, at, end))
    return bool(ticks) and not (len(ticks) == 1 and _TICK_VERDICT.fullmatch(text, ticks[0].start(), end))


_TICKS = re.compile(r"[✓✔✗✘]")
# One tick closing the line as its verdict on the world: "… 所以他不知道 ✔ 保留", "… → knows ✗ out"
_TICK_VERDICT = re.compile(r"[✓✔✗✘]\s*(?:保留|排除|留下|去掉|(?i:keep|kept|stays|out|removed|eliminated|gone))?\s*[.。]?\s*")
_WORLD_GAP = re.compile(r"[ \t]?")
_WORLD_END = re.compile(r"[日号]?\s*(?:\*\*)?\s*(?:[:：]|[—–](?=\s))")  # ("- July 16:", "- April 19 — out")


# A bulleted line that opens on a supposition: "- If b = c, …", "- 如果b = c，…", "- Suppose a = 1: …"
_IF_LINE = re.compile(r"(?m)^[ \t]*(?:[-*•]|\d{1,2}[.)]|第[一二三四五六七八九十]{1,2}[，,、:：]|"
                      r"(?i:first(?:ly)?|second(?:ly)?|third(?:ly)?|fourth(?:ly)?)[,:])[ \t]*(?:\*\*)?[ \t]*"
                      r"(?:(?i:if|suppose|say|assume)\b|如果|假如|假设|要是|"
                      r"(?=[a-z][ \t]*(?:=|≠|!=|<|>|≤|≥)[ \t]*[a-z](?![\w])[ \t]*(?:⇒|=>|→|->)))")
# ("第一，如果 b = c，…。爱丽丝知道。"; "- a = b ⇒ c = 2a ⇒ Carol knows ⇒ out": a relation leading by arrows, supposed)


def _line_end(text: str, at: int) -> int:
    """The end of the line `at` is on (the text's end for the last line)."""
    end = text.find("\n", at)
    return len(text) if end < 0 else end


# Being sure is mostly sure of another's ignorance ("every day shared → Ali can be sure"): its object is not read
_SURE = re.compile(r"(?i:\b(?:sure|certain|confident)\b)|肯定|保证|断言")
# Sure of nothing named after it, its line closing: "- 15 → August 15, but 15 is also in May, so Bernard couldn't be
# sure with 15 ❌", "so Bo couldn't be sure ✗" (sure of his own value, the line's)
_BARE_SURE = re.compile(r"(?i:\b(?:sure|certain)\b(?=\s*(?:with\s+(?:\d{1,2}|it|that|this)\b)?\s*(?:\*\*)?\s*"
                        r"[.!;]?\s*[✓✔✗✘❌✅]?\s*$))")
_CHECK_HEAD = re.compile(r"(?i:\b(?:check|checking|verif\w*|sanity|confirm\w*|replay\w*|recap|summary)\b"
                         r"(?!\s+(?:each|every|them\s+one\s+by\s+one|one\s+by\s+one)\b))|"
                         r"验证|验算|检验|核对|(?<!一个一个)(?<!逐一)(?<!逐个)(?<!挨个)检查|回顾|总结")  # (not "我们一个一个检查：", "check
# each world:": the cases of the stage gone through, not a replay)


def value_line_cases(lex: Lexicon, text: str, records: list[ClaimRecord]) -> list[ClaimRecord]:
    """The knowledge and counts on a bulleted line that opens on one value are said of that value's case, not of the
    stage. Knowledge of a value the knower observes ("- a = 2: … Anne can't tell", "- Day 14 is still shared … →
    Bernard couldn't know") is that case's knowledge (judged like a hypothetical); the rest is a case (unchecked:
    "- **August**: two candidates left")."""
    if not any((r.kind == "knowledge" and r.reading in _READ) or r.kind == "count" or
                                    (r.kind == "candidates" and (":" in text or "=" in text)) for r in records) and \
            _KEPT_OR_OUT_LINE.search(text) is None:
        return records
    spans = _value_lines(lex, text)
    supposed = [(m.end(), _line_end(text, m.end())) for m in _IF_LINE.finditer(text)]
    if not spans and not supposed:
        return records
    checking = _CHECK_HEAD.search(text[:text.find("\n")]) is not None  # "### Step 4: Check the answer": a replay
    out = [] if checking else _bare_verdicts(lex, text, spans) + _kept_or_out(text, spans, records)
    for r in records:
        if r.kind == "count" and r.certain and any(a <= r.start < b for a, b, _ in spans):
            out.append(r.read_as(CASE))  # "- **August**: two candidates left (15, 17)": the case's count
            continue
        if r.kind == "candidates" and r.certain and any(a <= r.start < b and c is not None and
                                                        (not (key_vars(c) <= key_vars(r.key.formula)) or
                                                         (r.start == a and r.key.formula == c))
                                                        for a, b, c in spans):  # (or the label itself: "- a = 0 ⇒ …")
            out.append(r.read_as(CASE))  # "- b = 1: a could be 0 or 2, but a = 0 is gone. So a = 2.": the case's a
            continue
        if r.kind == "knowledge" and r.reading in _READ and knows_value(r.key.formula) and \
                any(a <= r.start < b for a, b in supposed):
            out.append(r.read_as(CASE))  # "- If b = c, … → a = 2b. Alice knows.": knowing in the line's supposition
            continue
        line = next((sp for sp in spans if sp[0] <= r.start < sp[1]), None) if r.kind == "knowledge" and \
            r.reading in _READ else None
        if line is not None:
            case = line[2]
            agent = knower(r.key.formula)
            own = case is not None and agent is not None and knows_value(r.key.formula) and \
                (case[0] == "And" or case[2][1] in observed_vars(lex, agent)) and not checking and \
                (_SURE.search(text, r.start, r.end) is None or _BARE_SURE.search(text, r.start, line[1])) and not any(
                    q.start() <= r.start < q.end() for quotes in (QUOTES, _SINGLE_QUOTED)
                    for q in quotes.finditer(text, line[0], line[1]))  # (a statement's name: "Q's 'Now I know it too'")
            r = record("case knowledge", implies_key(case, r.key.formula), (), r.text, r.start, r.end, r.past,
                       reading=HYPOTHETICAL) if own else r.read_as(CASE)
        out.append(r)
    return out


# A line's closing verdict with no subject: "- a = 2：b 可以是 1 或 3，两种都还在 → 不知道", "- b = 0: a = 1 → **knows** ✓"
_BARE_VERDICT = re.compile(r"(?:→|->|=>|⇒|[,，;；])[\s*]*(?:(?P<no>不知道|无法确定|不能确定|确定不了|仍然?不知道|还是?不知道|"
                           r"(?i:(?:still\s+)?(?:doesn't|does\s+not|can't|cannot|wouldn't|would\s+not)\s+(?:know|tell)))|"
                           r"(?P<yes>知道了?|能确定|可以确定|(?i:knows|would\s+know|can\s+tell)))[\s*]*[✓✔✗✘]?\s*[.。]?\s*$")


def _bare_verdicts(lex: Lexicon, text: str, spans: list[tuple[int, int, tuple | None]]) -> list[ClaimRecord]:
    """The case knowledge of value lines that close on a verdict without a subject: the knower is the one agent who
    observes the line's variable ("a = 2 … → 不知道": Anne, who sees a, does not know b), judged like a hypothetical."""
    out = []
    for a, b, case in spans:
        m = _BARE_VERDICT.search(text, a, b)
        if m is None or case is None or case[0] != "Compare":
            continue
        agents = [g.name for g in lex.puzzle.agents if case[2][1] in observed_vars(lex, g.name)]
        knows = bare_knows_key(lex, agents[0]) if len(agents) == 1 else None
        if knows is None:
            continue
        out.append(record("case knowledge", implies_key(case, not_key(knows) if m.group("no") else knows), (),
                          text[a:b].strip(), m.start(), m.end(), False, reading=HYPOTHETICAL))
    return out


# A line's closing verdict on its own value, kept or gone: "- b=9：安妮是8或10，比尔还是分不清，保留。", "17：…出现两次 →
# 排除。", "- 17: shared with March → out"
_KEPT_OR_OUT = re.compile(r"(?:→|->|=>|⇒|[,，;；。.:：—–])[\s*]*(?:(?P<out>" + ZH_REMOVING + r"|(?i:out|eliminated|removed|"
                          r"excluded|gone|dropped|drop|crossed\s+out|dead))|"
                          r"(?P<kept>保留|留下|(?i:kept|keep|stays|survives|remains|(?:still\s+)?alive)))"
                          r"了?[\s*]*[✓✔✗✘]?\s*[.。!！]?\s*$")

_KEPT_OR_OUT_LINE = re.compile(_KEPT_OR_OUT.pattern, re.MULTILINE)  # (a quick test: some line closes on a verdict)


def _kept_or_out(text: str, spans: list[tuple[int, int, tuple | None]],
                 records: list[ClaimRecord]) -> list[ClaimRecord]:
    """The value lines that close on a verdict of their own value, kept or gone at the stage in hand ("- b=9：…，保留。"):
    the value possible there, or excluded (unless the line's verdict is read already: "- **A**: … → eliminated."); a
    line labelled by a whole world only when it goes ("- April 19 — out")."""
    out = []
    for a, b, case in spans:
        m = _KEPT_OR_OUT.search(text, a, b)
        if m is None or case is None or case[0] not in ("Compare", "And", "Member") or \
                case[0] in ("And", "Member") and m.group("kept") is not None or \
                any(r.kind in ("exclusion", "possible") and a <= r.start < b and r.end >= m.start() for r in records):
            continue
        out.append(verdict_record(case, m.group("kept") is not None, text[a:b].strip(), m.start(), m.end()))
    return out


# A step that checks one world against the dialogue (after an interjection or not): "Check ♦5: …", "Wait, let me
# double check a = 8: …", "Replaying the dialogue with ♦5: …", "Sanity check of (4, 13): …", "验证一下7月16日：…",
# "**Verification (March 18)**"
_CHECKING = re.compile(r"\W*(?i:(?:wait|hmm+|ok(?:ay)?|actually|now|so)[,.!…]*\s+)?"
                       r"(?:(?i:(?:let\s+me\s+|let's\s+|quick\s+|final\s+|a\s+)?"
                       r"(?:(?:forward|backward|reverse|full|last)\s+)?"
                       r"(?:sanity[\s-]+check|double[\s-]+check|re-?verif(?:y|ying)|"
                       r"check(?:ing)?|verif(?:y|ying|ication)|replay(?:ing)?|re-?check(?:ing)?|confirm(?:ing|ation)?|"
                       r"test(?:ing)?)\b)|(?:再|让我|我)?(?:验证|检验|核对|检查|回头验证|代入)(?:一下|一遍)?|"
                       r"(?i:does|do)\s+(?=[^\n?:]{1,30}\b(?i:fit|work|satisfy|pass|survive|hold\s+up|check\s+out)\b))")
# ("**Does (4, 13) fit?**": a world checked against the dialogue, as "Check (4, 13):")
# A step that opens on one case, named as such: "嗯，等一下，b=1的情况我再想一想。", "Let me reconsider the case b = 1."
_CASE_OPENING = re.compile(r"\W*(?:(?:嗯+|等一下|等等|好|再|wait|hmm+|ok(?:ay)?|now|so|actually)[,，.。!！…]*\s*)*"
                           r"(?:(?P<case>[^，。,.:：\n]{1,12})的情况(?=[，,]?\s*(?:我|我们|让我)?再)|"
                           r"(?i:(?:let\s+me\s+|let's\s+)?(?:re-?consider|revisit|"
                           r"look\s+again\s+at|think\s+again\s+about|go\s+back\s+to|back\s+to)\s+the\s+case\s+"
                           r"(?:of\s+|where\s+|with\s+)?(?P<en>[^,.:;\n]{1,12})))", re.IGNORECASE)
_LEAD_SENTENCE = re.compile(r"[^.!?。！？\n]{1,40}[.!。！]\s+")  # a short opening sentence ("Hmm nice, that's clean. ")
_CHECKED_KINDS = frozenset({"candidates", "exclusion", "knowledge", "conditional", "possible", "count", "bound",
                            "singletons", "formula"})  # ("… 5 is then unique ✓": unique in that world, at a later
# stage; "e.g. `(5, 5, 10)`. Alice sees 5, 10 → `a in {15, 5}`": her options there)
_REPLAYED_KINDS = _CHECKED_KINDS | {"case knowledge"}  # ("P genuinely doesn't know" on the replay's first line)


_REREAD = r"re-?read(?:ing)?\s+the\s+(?:whole\s+)?(?:dialogue|conversation|statements)"  # the dialogue gone over again
_CHECK_WORD = re.compile(r"(?i:\b(?:sanity[\s-]+(?:check|pass)|double[\s-]+check|check(?:ing)?|verif(?:y|ying|ication)|"
                         r"replay(?:ing)?|re-?check(?:ing)?|confirm(?:ing|ation)?|role-?play(?:ing)?|"
                         r"(?:run|running|play|playing)\s+(?:it|this|that|everything|the\s+\w+)\s+forward|"
                         + _REREAD + r")\b)|验证|检验|核对|代入")  # ("Run the story forward with March 18:", "let me
# re-read the whole dialogue once more and make sure every line is consistent with ♦5.")
_TEST_WORD = re.compile(r"(?i:\b(?:test|testing|try|trying)\b)|试一下|试试")


def checks_before(text: str, at: int) -> bool:
    """Whether the step checks or tests a world before offset `at` ("Let me also test the main competitor, July 16,
    to be thorough. …"): what follows is said of that world."""
    return _CHECK_WORD.search(text, 0, at) is not None or _TEST_WORD.search(text, 0, at) is not None


# A check that names its world as a supposition: "Let me do a sanity pass by role-playing each person, assuming the
# answer is July 16." (a heading, though it ends on a full stop)
_ASSUMING = re.compile(r"(?i:\b(?:assum(?:e|ing)|suppos(?:e|ing)|(?:consistent|compatible)\s+with)\b|"
                       r"\bif\s+the\s+(?:birthday|date|card|answer|pair|"
                       r"numbers?|solution|triple)\s+(?:is|are|were|was)\b)|假设|假定")
# (and "… to make sure each statement is actually true if the birthday is July 16.")


# A heading that opens on an example: "**例 1：(a, b, c) = (1, 2, 3)，它会留到最后吗？**"
_EXAMPLE_HEAD = re.compile(r"[#*\s]*(?:例\s*\d{0,2}|(?i:example|e\.g\.)\s*\d{0,2})\s*[:：.]")


# A check that goes through the dialogue in its world: "… by pretending the answer is July 16 and replaying it:"
_REPLAY = re.compile(r"(?i:\b(?:replay(?:ing|s|ed)?|role-?play(?:ing)?|pretend(?:ing)?|forward|run\s+(?:it|the\s+\w+)\s+"
                     r"through|" + _REREAD + r")\b)|逐句|走一遍|重演")


def checked_kinds(lex: Lexicon, text: str) -> frozenset:
    """The kinds of claim the step after this one says of one world, when this step heads its check (empty when it
    does not): with who knows what in each case too when the check replays the dialogue, line by line at its
    statements ("… pretending the answer is July 16 and replaying it:"), not a set of cases ("Let's check s = 17:")."""
    if not heads_checked_world(lex, text):
        return frozenset()
    return _REPLAYED_KINDS if _REPLAY.search(text[-200:]) is not None else _CHECKED_KINDS


def heads_checked_world(lex: Lexicon, text: str) -> bool:
    """Whether a step is, or ends on, a heading over the check of one world ("Forward verification with ♦5:",
    "用7月16日验证一遍：", "**Forward replay with (4, 13)**"): the step under it says what happens in that world."""
    pieces = [p for p in re.split(r"(?<=[.!?。！？])\s*", text.strip().rstrip("*").rstrip()) if p]
    line = pieces[-1] if pieces else ""  # (the last sentence: "… Let me verify from March 18:")
    return len(line) <= (200 if len(pieces) == 1 else 100) and "\n" not in line and (
        line[-1:] in (":", "：") and _CHECK_WORD.search(line) is not None or
        len(pieces) == 1 and line[-1:] in (".", "。") and _CHECK_WORD.search(line) is not None and
        _ASSUMING.search(line) is not None or
        _HEADING_SHAPE.fullmatch(text.strip("\n")) is not None and _CHECK_WORD.search(line) is not None or
        _EXAMPLE_HEAD.match(line) is not None or _names_example(lex, line)) and \
        any(t.kind in ("value", "number", "ambig") for t in lex.scan(line))


# A step that is a heading: "# …", or a bold line (its marks blanked to spaces by segment.plain)
_HEADING_SHAPE = re.compile(r"[ \t]*#{1,6}[ \t][^\n]{1,80}|[ \t]{2,}[^\s][^\n]{0,78}[^\s][ \t]{2,}")
_ASIDE = re.compile(r"\s*[(（][^()（）\n]*[)）]")
_EXAMPLE_LABEL = re.compile(r"[^:：.\n]{0,30}[:：]\s*")  # "Try small numbers: a = 1, …": what the example is


def _names_example(lex: Lexicon, line: str) -> bool:
    """Whether a sentence names an example world and nothing more ("Try small numbers: a = 1, b = 3, c = 2 (here b =
    a + c)."): a heading over its check, however it ends."""
    plain = _ASIDE.sub("", line)
    m = _EXAMPLE_WORLD.search(plain)
    if m is None:
        return False
    label = _EXAMPLE_LABEL.match(plain, m.end())
    at = label.end() if label is not None else m.end()
    return _names_world(lex, plain, at) and _whole_world(lex, plain[at:])


def as_checked(records: list[ClaimRecord], kinds: frozenset = _CHECKED_KINDS, floor: int = 0) -> list[ClaimRecord]:
    """The records of a step under a checked world's heading (from offset `floor` on), read as that world's case."""
    return [r.read_as(CASE) if r.certain and r.kind in kinds and r.start >= floor else r for r in records]


# Between a world's values: "s = 17, p = 52" (a letter the puzzle does not name), "(1,3,2): a = 1"
_WORLD_GLUE = re.compile(r"[\s,，、;:：()（）.*]*(?:[A-Za-z]\w?\s*)?")


def _names_world(lex: Lexicon, text: str, at: int) -> bool:
    """Whether the line from `at` names one world and nothing else ("x = 4, y = 13, s = 17.", "♦5.", "July 16")."""
    end = text.find("\n", at)
    line = text[at:end if end >= 0 else len(text)]
    stop = re.search(r"[.。;；](?=\s|$)", line)
    line = line[:stop.start()] if stop else line  # (its first sentence: "a = 1, c = 3. a ≠ c ✓, …")
    toks = lex.scan(line)
    if not any(t.kind in ("value", "number") for t in toks) or any(
            t.kind not in ("value", "number", "attr", "copula", "sep", "tuple") for t in toks):
        return False
    gaps = [(a.end, b.start) for a, b in zip(toks, toks[1:])] + [(0, toks[0].start), (toks[-1].end, len(line))]
    return all(_WORLD_GLUE.fullmatch(line, a, b) is not None for a, b in gaps)


_EXAMPLE_WORLD = re.compile(r"(?:比如|例如|譬如|举个例子|再举一个|(?i:\bfor\s+(?:example|instance)\b|\be\.g\.|\btake\b|"
                            r"\btry\b|\banother(?:\s+(?:one|example|case))?(?=\s*[:：])|\bexample(?:\s+\d{1,2})?(?=\s*[:：])|"
                            r"\bone\s+more(?=\s*[:：])))[，,:：\s]*")
_WORLD_STOP = re.compile(r"(?<=[)）])\s*[,，:：]|(?<=\d)\s*[:：]")  # a world's end before a comma or colon
_EXAMPLE_END = re.compile(r"[^。.;；?？\n]*[。.;；?？]")


def _whole_world(lex: Lexicon, span: str) -> bool:
    """Whether a span names a whole world (two values or more, or a tuple), not one term's value ("积是52")."""
    toks = lex.scan(span)
    return sum(2 if t.kind == "tuple" else 1 for t in toks if t.kind in ("value", "number", "tuple")) >= 2


# A line labelled as an example: "Example: p = 52 = 2·26 = 4·13. … → P knows it's (4,13).", "Counter-example: …", "反例：…";
# the values and knowing in it are its case (but "Example: the last statement removes a = 5" still credits a removal)
_EXAMPLE_LINE = re.compile(r"(?m)^[ \t>*\-•]*(?:\*\*)?(?:(?i:(?:counter-?\s?)?examples?|e\.g\.)(?:\s+\d{1,2})?|"
                           r"反例|例如|举例)(?:\*\*)?\s*[:：](?:\*\*)?")
_EXAMPLE_KINDS = frozenset({"candidates", "knowledge", "count", "possible", "bound"})


def example_world(lex: Lexicon, text: str, records: list[ClaimRecord]) -> list[ClaimRecord]:
    """A sentence that only names an example world ("比如a = 1、b = 1、c = 2。", "Take (1, 1, 2).") and the rest of the
    step worked in it: what follows is that world's case; a line labelled as an example is its own case."""
    if "`" in text:  # "e.g. `(5, 5, 10)`": the world in inline code
        text = text.replace("`", " ")
    lines = [(m.start(), _line_end(text, m.end())) for m in _EXAMPLE_LINE.finditer(text)]
    if lines:
        records = [r.read_as(CASE) if r.certain and r.kind in _EXAMPLE_KINDS and any(a <= r.start < b for a, b in lines)
                   else r for r in records]
    for m in _EXAMPLE_WORLD.finditer(text):
        end = _EXAMPLE_END.match(text, m.end())
        near = _WORLD_STOP.search(text, m.end() + 1)  # ("And try (1,2,3), which I'd expect to survive:")
        stop = end.end() - 1 if end is not None and _names_world(lex, text[:end.end() - 1], m.end()) else \
            near.start() if near is not None and _names_world(lex, text[:near.start()], m.end()) else None
        if stop is not None and _whole_world(lex, text[m.end():stop]):
            return [r.read_as(CASE) if r.certain and r.kind in _CHECKED_KINDS and r.start >= m.start() else r
                    for r in records]
    return records


# A step that opens by supposing one world and then replays the dialogue in it: "Suppose the card is the 5 of
# diamonds.\n- P is told "5". …", "假设生日是7月16日："
_NAMES_CASE = re.compile(r"(?i:\bcases?\b|\bfor\s+[a-z]\s*=\s*\d)")
_NUMBERED_NOUN = re.compile(r"(?i:\b(?:statement|step|line|round|part|claim|remark|announcement|night)\s*#?\s*$)")
_SUPPOSED_WORLD = re.compile(r"[\W_]*(?:(?i:suppose|assume|say|let's\s+say|let\s+us\s+say|imagine)\s+(?:that\s+)?"
                             r"(?:the\s+)?(?:card|birthday|date|anniversary|pair|numbers?|answer|world|age)\s+"
                             r"(?:is|are|were|was|=)\s+|(?:假设|假如|设)(?:这张)?(?:牌|生日|日期|答案|数对|年龄)?(?:是|为|就是))")


def _supposes_world(lex: Lexicon, text: str) -> bool:
    m = _SUPPOSED_WORLD.match(text)
    if m is None:
        return False
    end = re.search(r"[.。:：,，\n]", text[m.end():m.end() + 50])
    named = text[m.end():m.end() + (end.start() if end else 50)]
    return any(t.kind in ("value", "number", "tuple") for t in lex.scan(named))


def checked_world(lex: Lexicon, text: str, records: list[ClaimRecord]) -> list[ClaimRecord]:
    """A step that opens by checking one named world ("Check ♦5: P holds a 5 …"): what it says of candidates and
    knowledge is said in that world, read as its case (not checked as the stage's claims). Answers, arithmetic,
    credits and who said or was told what stay as they are."""
    case = _CASE_OPENING.match(text)
    if case is not None and any(t.kind in ("value", "number", "ambig")
                                                 for t in lex.scan(case.group("case") or case.group("en"))):
        return as_checked(records)
    if _supposes_world(lex, text):  # "Suppose the card is the 5 of diamonds.\n- P is told "5". …": the dialogue
        return as_checked(records, _REPLAYED_KINDS)  # replayed in it, each line at its own statement
    m = _CHECKING.match(text)
    floor = 0
    if m is None or m.end() == 0:  # "Hmm nice, that's clean. Let me double-check with an example: a = 1, c = 3.":
        lead = _LEAD_SENTENCE.match(text)  # after a short interjection, from the check on
        m = _CHECKING.match(text, lead.end()) if lead is not None else None
        if m is None or m.end() == lead.end():
            return records
        floor = lead.end()
    head = text[m.end():m.end() + 100]
    cut = re.search(r"[:：\n]", head[:60])
    if cut is None:  # "Let me double-check the 4 case. Originally …", "… the step for a = 2 again, since …. Anne …":
        cut = re.search(r"[.。](?=\s|$)", head)  # a sentence naming one case (not "double check June. June 12 …")
        cut = cut if cut is not None and _NAMES_CASE.search(head, 0, cut.start()) is not None else None
    if cut is None:
        return records
    named = re.sub(r"(?i)\s*\bcases?\s*$", " ", head[:cut.start()])  # ("the 4 case": the 4)
    toks = [t for t in lex.scan(named) if t.kind in ("value", "number", "ambig") and
            _NUMBERED_NOUN.search(named, 0, t.start) is None]  # (not "re-check statement 1 once more")
    if not toks and _names_world(lex, text, m.end() + cut.end()):  # "Forward check: x = 4, y = 13, s = 17, p = 52."
        return as_checked(records, floor=floor)
    if not toks:  # "**Check:**" over lines that each open on a world ("- Jul 16 passes Ali #1 but fails …"): per line
        spans = _value_lines(lex, text) + [(p.end(), _line_end(text, p.end()), None)
                                           for p in _PAIR_LABEL.finditer(text)]  # ("(1,2)：安妮拿1，…")
        return [r.read_as(CASE) if r.certain and r.kind in _CHECKED_KINDS and
                any(a <= r.start < b for a, b, _ in spans) and r.start >= floor else r for r in records]
    return as_checked(records, floor=floor)


_VAR_LABEL = re.compile(r"[ \t#>]*(?:(?i:and|now|for|take|consider|check|try|what\s+about)\s+)?(?:\*\*)?"
                        r"([A-Za-z]\w{0,2})\s*=\s*\d{1,6}\s*(?:\*\*)?\s*[:：]")
_LABEL_LINES = re.compile(r"(?m)^[ \t]*(?:[-*•][ \t]*)?[a-z]\s*=\s*\d{1,6}\s*[:：]")


def var_label_case(lex: Lexicon, records: list[ClaimRecord], text: str) -> list[ClaimRecord]:
    """A step that opens on one value of a numeric variable and a colon ("And a = 1: originally b ∈ {0, 2}. … so
    b = 2."): the label and what follows are that value's case."""
    m = _VAR_LABEL.match(text)
    if m is None or m.group(1) not in lex.numeric or len(_LABEL_LINES.findall(text)) > 1:
        return records  # (lines that each open on a value are read line by line: cases.value_line_cases)
    return [r.read_as(CASE) if r.certain and r.kind in ("candidates", "count", "bound", "exclusion", "knowledge") else r
            for r in records]  # (knowing there is not weighed as a case's: the step may look back at a statement)


# A step that takes one agent's point of view ("我再站在伯纳德的角度想一遍第二句", "Put yourself in Bernard's shoes:",
# "From Bernard's point of view, …") and supposes what that agent holds ("假设伯纳德拿到的是14。", "Say he was told
# 14."): from the supposition on, what is left and what he knows are that case's
_POINT_OF_VIEW = re.compile(r"(?:站在|从|以)[^，。,.\n]{1,8}?的?(?:角度|立场|视角)|换位思考|(?i:\bput\s+(?:yourself|myself|"
                            r"ourselves)\s+in\s+\S{1,20}\s+shoes\b|\bfrom\s+\S{1,20}(?:'s|’s)\s+(?:point\s+of\s+view|"
                            r"perspective|side|seat|chair|end|angle|vantage\s+point|standpoint|view)\b|"
                            r"\bin\s+\S{1,20}(?:'s|’s)\s+shoes\b)")
_HELD_SUPPOSED = re.compile(r"(?:假设|假如|如果|设)[^，。,.\n]{0,8}?(?:拿到|拿着|手里是|听到|被告知)|(?i:\b(?:suppose|say|assume|"
                            r"imagine|if)\s+(?:that\s+)?\S{1,20}\s+(?:has|holds|had|held|was\s+told|is\s+told|got|gets|"
                            r"hears|heard)\b)")
# What an agent sees, spelt out as values in brackets: "第二位看到（第一位=白，第三位=红），他考虑…", "Bob sees (a = 3,
# c = 5): …": the world the rest of the step stands in
_SEES_WORLD = re.compile(r"(?:看到|看见|(?i:\bsees\b|\bsaw\b))\s*[（(][^()（）\n]{0,30}?[=＝][^()（）\n]{0,30}?[)）]")
_VIEW_KINDS = frozenset({"candidates", "count", "exclusion", "knowledge", "possible", "bound", "singletons"})


def opens_point_of_view(text: str) -> bool:
    """Whether a step takes an agent's point of view and ends on a colon ("我把…每一张都单独检查一下，站在Q先生的角度想："):
    the lines of the next step are what that agent weighs."""
    return text.rstrip().endswith((":", "：")) and _POINT_OF_VIEW.search(text) is not None


def as_viewed(records: list[ClaimRecord]) -> list[ClaimRecord]:
    """Records of the lines under a point of view, read as that agent's cases."""
    return [r.read_as(CASE) if r.certain and (r.kind in _VIEW_KINDS or r.kind == "case knowledge") else r
            for r in records]


def point_of_view(text: str, records: list[ClaimRecord]) -> list[ClaimRecord]:
    """Records of a step that takes one agent's point of view and supposes what he holds, read as that case's from
    the supposition on."""
    view = _POINT_OF_VIEW.search(text, 0, 240) or _SEES_WORLD.search(text, 0, 240)
    if view is None:
        views = [m.start() for m in _POINT_OF_VIEW.finditer(text)]
        # "(d) sanity check from both chairs. … from P's side: P had the 5 from the start, candidates ♣5 and ♦5": a list
        # under an agent's point of view is what that agent weighs, not the stage's candidates
        return [r.read_as(CASE) if r.certain and r.kind == "candidates" and any(v <= r.start for v in views) else r
                for r in records] if views else records
    held = view if view.re is _SEES_WORLD else _HELD_SUPPOSED.search(text, view.start())
    if held is None:
        back = _BACK_FROM_VIEW.search(text, view.end())
        stop = back.start() if back is not None else len(text)  # ("站在P的角度：… \nP说现在知道了，所以和只能是17。": the
        # line that turns back to what was said draws the trace's own conclusion)
        return [r.read_as(CASE) if r.certain and r.kind == "candidates" and view.start() <= r.start < stop and
                view.re is _POINT_OF_VIEW else r for r in records]
    return [r.read_as(CASE) if r.certain and r.kind in _VIEW_KINDS and r.start >= held.start() else r for r in records]


# A later line that opens on what an agent said ("P说现在知道了，所以…", "P says he knows now, so …"): back from the view
_BACK_FROM_VIEW = re.compile(r"(?m)^[ \t]*(?:所以|因此|于是|而|既然)?[ \t]*[^\s，。,.：:]{1,6}?说(?!明)|"
                             r"^[ \t]*(?i:(?:so|since|now|and)\s*,?\s+)?[A-Z]\w{0,15}\s+(?:says|said)\b")


# A line that opens on what the agent whose shoes the trace is in holds: "- Holding 16: 16 May is gone, leaving only
# 16 July. You know.", "- If you hold 14: …", "- He has 19: …"
_HELD_LINE = re.compile(r"(?m)^[ \t]*(?:[-*•]|\d{1,2}[.)])?[ \t]*(?:\*\*)?(?i:holding|if\s+(?:you|he|she|they)\s+"
                        r"(?:hold|holds|held|had|have|has|got|get|were\s+told|was\s+told)|(?:you|he|she)\s+(?:hold|holds|"
                        r"have|has))[ \t]+(?:\*\*)?[^\s:：]{1,12}(?:\*\*)?[ \t]*[:：]")


def held_lines(text: str, records: list[ClaimRecord]) -> list[ClaimRecord]:
    """What a line opening on the value an agent holds says ("- Holding 16: …, leaving only 16 July. You know."):
    that value's case, not the stage."""
    spans = [(m.start(), _line_end(text, m.end())) for m in _HELD_LINE.finditer(text)]
    if not spans:
        return records
    return [r.read_as(CASE) if r.certain and r.kind in _VIEW_KINDS and any(a <= r.start < b for a, b in spans) else r
            for r in records]


# A sentence that supposes ("Suppose a candidate reads it at the current moment instead.", "假设Q的话是在说现在。") and
# the next that opens on its consequence ("Then line 2 removes nothing …", "那么这句话什么也没排除"): both the supposition's
_SUPPOSES = re.compile(r"[\s*>\-•]*(?:(?i:suppose|assume|imagine|say|let's\s+say|let\s+us\s+say|pretend)\b|假设|假如|设想|"
                       r"要是)")
SUPPOSING = re.compile(r"(?i:suppos|assum|imagin|pretend|\blet(?:'s|\s+us)\s+say\b|(?:^|[.!?]\s+)say\b)|假设|假如|设想|"
                       r"要是")  # (a quick test for a step: "says" is no supposition)
_THEN_SENTENCE = re.compile(r"[\s*>\-•]*(?:(?i:then|in\s+that\s+case|if\s+so|that\s+way)\b|那么|那样的话|这样的话|这样一来)")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?。！？])(?=\s)|(?<=[。！？])")


def supposed_next(text: str, records: list[ClaimRecord]) -> list[ClaimRecord]:
    """Records of a sentence that opens on "Then …" right after a sentence that supposes, read as the supposition's
    (the consequence of a reading the trace tries, not its claim)."""
    bounds = [0, *(m.end() for m in _SENTENCE_BREAK.finditer(text)), len(text)]
    spans = [(bounds[i], bounds[i + 1]) for i in range(1, len(bounds) - 1)
             if _SUPPOSES.match(text, bounds[i - 1]) is not None and _THEN_SENTENCE.match(text, bounds[i]) is not None]
    if not spans:
        return records
    return [r.read_as(SUPPOSED) if r.certain and r.reading != HYPOTHETICAL and any(a <= r.start < b for a, b in spans)
            else r for r in records]  # (a hypothetical already reads the supposition as its case: "Suppose just one
    # child were muddy. Then the clean children would each … know their own status" is false of that case)

