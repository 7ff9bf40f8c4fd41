"""Rule-based claim extraction: sentences of a step -> formulas over the puzzle's own vocabulary.

Claim kinds: candidates ("the rank is A, Q, 4 or 5": the exact set of remaining values, so each
listed value must still be possible), exclusion ("cannot be spades"), knowledge ("Q knows P does
not know"), hypothetical ("if the rank were K, P would know"), conditional ("A: hearts and
diamonds" = rank A implies suit in {hearts, diamonds}), answer (the final answer), formula (an
inline `formula` in puzzle syntax).
"""
from __future__ import annotations

import collections
import functools
import itertools
import math
import re
from dataclasses import dataclass, field

import numpy as np

from ..errors import EpistemicError
from ..language import syntax as s
from ..worlds.evaluate import static_values
from .lexicon import (GONE_PHRASES, KEEPING, LABEL_BEFORE, LIST_LABELS, NARROWING, NOT_KEPT_AFTER, WE_HAVE, ZH_REMOVING,
                      Lexicon, Token, bit_worlds, build_lexicon, own_variable)
from .literals import QUICK as LITERAL_QUICK, dict_records, dict_spans, tuple_sum_records
from .views import QUICK as VIEWS_QUICK, seen_members
from .singletons import QUICK as ONCE_QUICK, singleton_records
from .splits import one_way_records, split_records, without_relative
from .records import (ANSWER, ARITHMETIC, CASE, CLASS, CONDITIONAL, CROSSED, EXCLUSION, FORMULA, HEDGED, HYPOTHETICAL,
                      KNOWLEDGE, KNOWN_BY, LEFT, LOOSE, MODAL, OTHERS, POSSIBLE, PRONOUN, PROPERTY, QUESTION, REJECTED,
                      REPORTED, SPLIT, SUPPOSED, TABLE, VALUES, Claim, ClaimKey, ClaimRecord, claim_key, formula_key,
                      implies_key, junction_key, knows_key, moved, not_key, record, set_key, value_key)
from .aliases import names_something
from .only_if import QUICK as ONLY_IF_QUICK, only_if_records
from .counted_topic import QUICK as TOPIC_QUICK, topic_cases
from .fold import fold
from .listed_cases import QUICK as CASES_QUICK, listed_cases
from .classes import ELIMINATES, class_exclusions, unique_class_exclusions
from .primes import two_prime_sums
from .counts import FLIPPED, count_class_exclusions, count_key, count_records, own_records
from .groups import PAIR_QUICK, everyone_records, group_records, member_records, pair_records
from .keys import key_vars, knower
from .remaining import COUNT_ARROW, remaining_records
from .rounds import line_case, named_case, round_records, step_case
from .ranges import range_ends, range_records
from .scope import OTHER_READING, mood_only, reading_at, scopes

_MISSING = object()

__all__ = ["Claim", "ClaimKey", "ClaimMemo", "ClaimRecord", "claim_key", "extract_claims_rule_based",
           "extract_records", "formula_key"]

QUOTES = _QUOTES = re.compile(r"“[^”\n]{0,400}”|\"[^\"\n]{0,400}\"|「[^」\n]{0,400}」|『[^』\n]{0,400}』|"
                              # (in single quotes, words with a space: "P's 'I don't know' knocked out …", "Q's ‘I knew
                              # you didn't know’"; an apostrophe inside a word does not close it)
                              r"(?<![\w'’])['‘](?=[A-Za-z])(?=[^'’\n]{0,120}?\s)"
                              r"(?:[^'’\n]|(?<=\w)['’](?=\w)){2,120}?['’](?!\w)")
_CODE = re.compile(r"`([^`\n]{1,400})`")
# A sentence runs to a run of 。！？!? or newlines, to a '.' before a space or the end (not after Mr, Mrs,
# Ms, Dr or a one-letter abbreviation like "e.g."), to a comma before 不过/但是/可是/然而 (a run-on Chinese sentence
# turning: "如果是4月…，他当然知道，不过回头看…": the supposition ends there), or to the end. Written greedily: the runs between
# full stops are matched in one step each, instead of trying every ending at every character.
_SENTENCE = re.compile(r"[^。！？!?\n](?:[^。！？!?\n.，]+|，(?!不过|但是|可是|然而)|\.\.\s+(?=\d)|"
                       r"\.(?!\s|$)|(?<=Mr|Ms|Dr)\.|(?<=Mrs)\.|"
                       r"(?<=[ .][a-z])\.)*(?:[。！？!?\n]+|\.|，(?=不过|但是|可是|然而)|$)")
_TUPLE_GAP = re.compile(r"(?:st|nd|rd|th)?\s*(?:of|的|-|/)?\s*(?:the\s+)?")  # ("the 16th of July", "July the 16th")
_LIST_GAP = re.compile(r"\s*(?:[,，、]\s*)?(?:(?:and|or)\s+|[和或及])?\s*")
_LIST_COMMAS = (",", "，", "、")
_AND_GAP = re.compile(r"\s*(?:[,，、]\s*)?(?:and\s+|和|与|且)?\s*")
_AND_THEN = re.compile(r"\s*[,，]?\s*(?:(?i:and)(?:\s+(?:so|then|hence|thus))?\s+|而且|并且|所以)\s*")
_SOURCE = re.compile(r"(?:\b(?:from|by|based on|using)\s+(?:his|her|their|its|the|an?|that|this)?\s*|从|根据|凭)$",
                     re.IGNORECASE)
# A table row: "hearts: A, Q, 4", "A：红桃和方块", "Q：只有红桃", "A (hearts, diamonds)", "13 only in March" — not
# "Q in clubs" or "A is also in".
# The gap between a value and its only partners in a table row: "14: only July", "14号：只在7月", "the 14th occurs only in July".
_ONLY_ZH = r"(?:只有|只在|仅在|只出现在|仅出现在)"
_TABLE_GAP = re.compile(r"\s*(?:[:：(（—–]?\s*(?:只有|only|just)?|(?:只有|only|just)\s+(?:in|appears in|occurs in|在)|"
                        r"(?:号|日|st|nd|rd|th)\s*[:：]\s*" + _ONLY_ZH + r"?|(?:号|日)?\s*" + _ONLY_ZH + r"|"
                        r"(?:st|nd|rd|th)?\s+(?:(?:only|just)\s+(?:appears\s+|occurs\s+|shows up\s+)?in|"
                        r"(?:appears|occurs|shows up)\s+only\s+in))\s*", re.IGNORECASE)
_NEGATED_GAP = re.compile(r"(?i:\b(?:no|not|never|neither|none|without|lacks?|isn't|aren't|doesn't|don't)\b)|没有|不")
_ONLY_GAP = re.compile(r"only|just|只|仅", re.IGNORECASE)  # several heads share a row only if it says "only"
_IS_TOLD = re.compile(r"\s+(?:(?:was|is|gets|got|has been)\s+(?:told|given|whispered)\b|(?:hears|heard|sees|saw|learns|learned|"
                      r"only\s+(?:hears|knows|sees|has))\s+(?:only\s+)?(?:the|his|her)\s+[a-z]+\b)",
                      re.IGNORECASE)  # "Q was told the rank", "Q hears only the suit"
_SPEAKER_AFTER_QUOTE = re.compile(r"[”\"」』]\s*[(（]$")
_SPEAKS = re.compile(r"\s*[:：]\s*[\"“「『]|的第[一二三四五](?:句|次发言|个陈述)|的?(?:这|那)句话?|的(?:发言|回答|话)")
# `Q: "I knew you didn't know"`: Q speaks (Q: hearts is a table row); "Q的第二句话", "Q的这句话", "Q这句": Q's statement
# A verb only a person does, right after the letter: "Q hears it too", "Q reasons", "Q then replies"
_PERSON_VERB = re.compile(r"\s+(?:(?:also|then|now|too)\s+)?(?:hears?|heard|thinks?|thought|reasons?|reasoned|learns?|"
                          r"learned|learnt|realizes?|realized|realises?|realised|deduces?|deduced|concludes?|concluded|"
                          r"replies|replied|responds?|responded|speaks?|spoke|answers?|answered|listens?|listened)\b",
                          re.IGNORECASE)
_CASE_START = re.compile(r"\s*(?:[-*•]\s*|\d+[.)]\s*)?(?:\*\*)?(?:(?:for|with|in case|对于|如果是)\s*[^,，:：]{0,20}\d|"
                         r"\(?\s*\d+\s*,\s*\d+\s*\)?\s*[:：→]|\d+\**\s*(?:has|keeps|→|:|：))", re.IGNORECASE)
# A case inside a sentence: "with 11", "for s = 11", "和为11时", "拿到Q的时候", "当…时".
_CASE = re.compile(r"\b(?:with|for|when|holding|had|has)\s+(?:a\s+|an\s+|the\s+|s\s*=\s*)?(?:\d|(?-i:[A-Z])\b|♠|♥|♣|♦)|"
                   r"(?:和|积|点数|花色)为|的时候|当[^，,。]{0,12}时|如果", re.IGNORECASE)
_LABEL_WORDS = ("statement", "step", "round", "case", "line", "part", "stage", "row", "announcement", "point", "#", "第",
                "步", "条件", "情况", "陈述", "命题")
# (the words of lexicon.LABEL_BEFORE: "removed in announcement 2" names a statement, not the value 2)
_SOURCE_WORDS = ("from", "by", "based on", "using", "从", "根据", "凭")
_CASE_WORDS = ("for", "with", "when", "sum", "product", "和", "积", "对于", "时", "当", "=")
_VALUE_CASE = re.compile(r"\b(?:for|with|when)\s+(?:the\s+)?(?:sum|product|s|p|x|y)\s*(?:=|of|is|[≥≤<>]=?)?\s*\d|"
                         r"\b(?:in|within|inside)\s+(?:the\s+)?(?:sum|product)\s*(?:=|of)?\s*\d|"  # "in sum 17"
                         r"\b(?:for|(?<!pairs\s)(?<!worlds\s)(?<!ones\s)(?<!those\s)(?<!cases\s)with|when)"
                         r"\s+[a-z]\s*=\s*\d|"
                         r"(?<![\w.])[a-z]\s*=\s*\d+\s*时|(?:是|为)\s*\d{1,4}\s*(?:的)?时|"  # "for a = 0", "a = 0 时",
                         # "安妮是1时"
                         # (not "the pairs with b = 0": those)
                         r"(?:^|[.。!?]\s+)\W*(?:[a-z]|sum|product)\s*=\s*\d+\s*[:：→]|"  # (after a stop the
                         # splitter kept: "Let me go through each value of a. a = 1: …")
                         r"(?<![\w.])[a-z]\s*=\s*\d+\s*(?:有|能拆成|可以拆成|拆成|的拆分|[:：]\s*$)|"
                         r"(?:看|考虑|检查|(?i:\bcase|\bconsider|\bcheck|\bchecking|\blook\s+at))[^\n:：。.]{0,12}?"
                         r"(?<![A-Za-z0-9_.])[a-z]\s*=\s*\d+\s*[:：]|"
                         r"\b(?:about|check|checking|take|try|at)\s+[a-z]\s*=\s*\d+\s*[:：]|"  # "let me make sure about a = 7:"
                         r"\b(?:s|p|sum|product)\s*=?\s*\d+\s+(?:keeps|leaves|has|gives|allows)\b|"
                         r"\b(?:sum|product)\s*(?:=\s*)?\d+\s*(?:→|->|:)|"
                         r"(?<![\d日号月张牌个对])(?<!\d\s)(?<!所以乘)(?<!因此乘)(?<!所以)(?<!因此)(?:和|积)(?:为|是)?\s*\d|"
                         r"(?:所以|因此)乘?(?:和|积)(?:为|是)?\s*\d+(?!\d|\s*(?:[，,。.；;！!]|$))|对于|的时候|当[^，,。]{0,12}时",
                         re.IGNORECASE)
# Verbs whose subject is what goes ("the aces drop out"), unlike "rules out X": a list after them and a colon may
# be what stays as well as what went.
_INTRANSITIVE = re.compile(r"(?i:is out|are out|is gone|are gone|goes out|go out|went out|fell away|falls away|drops out|"
                           r"drop out|off the table|out of the picture|dies|die|died|is impossible|are impossible|" +
                           "|".join(map(re.escape, GONE_PHRASES)) + r")")
_COLON_AFTER = re.compile(r"\s*(?:\*\*)?\s*[:：]")
_STAYS_AFTER = re.compile(r"\s*(?:\*\*)?\s*(?i:(?:still\s+)?(?:remain|remains|are\s+left|is\s+left|survive|survives|"
                          r"stay|stays)\b)|\s*(?:还在|留下|保留)")  # (after a list: what is left)
# An elimination word after the values it removes: "May 19 and June 18 can be eliminated", "A已经可以排除了".
ELIMINATED = re.compile(r"eliminat|rul\w* out|exclud|排除|\bout\b|\bgone\b|off the table|remov|discard|struck|fell away|clear\w* out|"
                        r"\bkill|\bdie[sd]?\b|\bimpossible\b|\b(?:is|are)\s+(?:also\s+)?finished\b|\bdone\s+for\b|"
                        r"\b(?:can|must)\s+(?:both\s+|all\s+)?go\b|\bha(?:s|ve)\s+to\s+go\b|"
                        r"falls away|dispos|rid of|去掉|删|淘汰|划掉|划去|去除|清掉|清除|没了", re.IGNORECASE)
_CASE_HEADER = re.compile(r"\W*(?!(?i:remaining|left|survivors?|candidates|options)\b)[A-Z][\w.]{0,20}\s*[(（][^()（）\n]{1,20}"
                          r"[)）]\s*[:：]")  # (but "Remaining (9 cards): …" labels what is left)
# Who was told what: "Cheryl told Albert the month", "Albert was told the day", "把日子告诉了阿尔伯特".
_HOLDING_VERBS = frozenset({"holds", "has", "holding", "gets", "got", "receives", "received", "←"})
_TOLD = re.compile(r"\b(?:told|tells|tell|gave|gives|whispered|whispers|holds|has|holding|gets|got|receives|received)\b|"
                   r"告诉|告知|←", re.IGNORECASE)  # ("Setup: Ali ← day number, Bo ← month": what each is given)
_HOLDS_GAP = re.compile(r"\s*(?:[,(（]\s*(?:who\s+(?:is\s+|was\s+)?|the\s+one\s+(?:who\s+(?:is\s+|was\s+)?)?)|"
                        r"\s+(?:is\s+|was\s+)?)?$", re.IGNORECASE)  # "Bernard, who holds the month", "Bo holds the day",
# "Mr. Q, the one holding the rank"
_TOLD_EN = re.compile(r"\s*(?:,\s*who\s+)?(?:was\s+|is\s+|gets\s+|got\s+)?(?:told|given)?\s*(?:only\s+)?$",
                      re.IGNORECASE)  # "Albert was told the month", "Mr. P, who was told the suit"
_REMAINING_WORDS = re.compile(r"remain|left|leav|surviv|剩|still\s+(?:there|in\s+play|alive|standing)|还在|仍在|仍然在|"
                              r"依然在|保留|留着|\d\s*(?:→|->)\s*\d")
_SUPPOSE = re.compile(r"\W*(?:suppose|assume|imagine|say|let's say|if|假设|假如|设想|如果|要是)", re.IGNORECASE)
# A sentence that ends announcing a list of conditions ("He would be able to name a if:", "如果他拿到以下数字："),
# and a bulleted item of such a list
_CONDITIONS_FOLLOW = re.compile(r"(?i:\b(?:if|only\s+when|whenever|unless|in\s+case)\b[^.。!?！？]{0,12}|如果|假如|若|要是)"
                                r"[^.。!?！？:：]{0,30}[:：]\s*$")
_BULLET_LINE = re.compile(r"\s*(?:[-*•]|\d{1,2}[.)、])\s")
_THEN = re.compile(r"\W*(?:then|in that case|那么|那|这时)\b", re.IGNORECASE)
_IN_ANY_WORLD = frozenset({"answer", "case knowledge", "arithmetic"})  # kinds a supposed world leaves as they are
# A supposition that is a whole sentence ("假设第三位戴红帽子。", "Suppose the third hat is red."), and the turn back
# from it ("但是…", "But …", "In fact …")
# A supposition said alone, its subject perhaps first ("盲人假设自己戴的是红帽。", "Suppose the blind man wore red."),
# and the sentence after it opening on its consequence ("那么第一位…就能立刻知道…", "Then the first man would know …")
_SUPPOSED_ALONE = re.compile(r"\s*(?P<who>[^\W\d_]{1,6}?)?(?P<if>假设|假如|设想|(?i:suppose|assume|imagine)\b)"
                             r"(?P<what>[^，,。.;；:：!?！？\n]{2,40})[。.]\s*")
# A supposition asking who would know ("那么如果a = b，谁会知道？", "So if a = b, who would know?"): the next sentence
# answers it in that world
_SUPPOSED_ASKED = re.compile(r"[\s*>\-•]*(?:那么|那|(?i:so|and|now)\s+)?(?P<who>)(?P<if>如果|假如|假设|要是|(?i:if|suppose)\b)"
                             r"(?P<what>[^，,。？?\n]{2,30})[，,]\s*(?:谁|(?i:who\b))[^。？?\n]{0,12}[？?]\s*")
# A sentence opening on a supposition it goes on from ("假设盲人戴的是红帽子，那么…只能是白帽。"), and the next sentence
# still inside it ("这时候第一位就能确定…": the first man would know, in that world)
_SUPPOSED_LEAD = re.compile(r"[\s*>\-•]*(?P<who>)(?P<if>假设|假如|如果|要是|(?i:suppose|assume|imagine)\b)"
                            r"(?P<what>[^，,。.;；:：!?！？\n]{2,40})[，,]")
_STILL_SUPPOSED = re.compile(r"\W*(?:这时候|这时|此时|这种情况下|(?i:at\s+that\s+point)\b)")
_BARE_REACH = 30  # characters: a supposition said alone with no subject ("假设第三位戴红帽子。") opens a scenario
_THEN_OPENING = re.compile(r"\W*(?:那么|那样的话|这样的话|(?i:then|in\s+that\s+case)\b)")


def _supposed_then(lex, supposition: re.Match, sentence: str) -> list[ClaimRecord]:
    """What a sentence opening on "then" says someone would know in the world the sentence before supposes, read
    as one hypothetical ("盲人假设自己戴的是红帽。那么第一位看到盲人头上的红帽，就能立刻知道…": h[3] = red implies
    w[1] knows h[1]), its span this sentence's; only knowing, which a supposition alone never states."""
    what = supposition.group("what")
    who = supposition.group("who") or ""
    if who and what.startswith("自己"):
        what = who + what[2:]  # ("盲人假设自己戴的是红帽": the blind man's own hat)
    joined = supposition.group("if") + " " + what + ("，" if not what.isascii() else ", ") + sentence.strip()
    found = _sentence_records(lex, joined, False)[0]
    end = len(sentence.rstrip().rstrip("。.!?！？"))  # (its clause, before the full stop)
    return [r._replace(start=0, end=end, text=sentence.strip()) for r in found
            if r.kind == "hypothetical" and r.reading == HYPOTHETICAL and _knowing_key(r.key.formula[2])]


def _knowing_key(f: tuple) -> bool:
    """Whether a consequent says someone knows or does not know."""
    return f[0] == "Knows" or f[0] == "Not" and f[1][0] == "Knows"


_SCENARIO_END = re.compile(r"\W*(?:但是|但|可是|然而|不过|事实上|实际上|其实|回到|(?i:but|however|in\s+fact|actually|"
                           r"back\s+to|in\s+reality)\b)")
_WITH = re.compile(r"\W*(?i:with)\s+(?:(?i:the|rank|suit|a|an)\s+)?")


def _with_value(lex: Lexicon, sentence: str) -> bool:
    """Whether the sentence opens on one value taken up as a case, "With Q, P originally had ♥Q and ♣Q, …": what the
    step says next on it ("Clubs are gone now, so it's ♥Q.") is that case's."""
    head = _WITH.match(sentence)
    if head is None:
        return False
    found = lex.scan(sentence[head.end():head.end() + 12])
    return bool(found) and found[0].start == 0 and found[0].kind in ("value", "ambig") and \
        sentence[head.end() + found[0].end:head.end() + found[0].end + 2].lstrip().startswith((",", "，"))


# A question about one holder's case, answered by the next sentence: "波拿到17号的话，现在还有几种可能？只剩7月17日一种。",
# "If Bo had 17, how many options would be left? Just July 17."
_CASE_QUESTION = re.compile(r"(?i:\b(?:if|suppose|had|has|holds?|held|gets?|got|was\s+told|were\s+told)\b)|的话|如果|假如|要是|"
                            r"拿到|拿的是|手里|手上")
# A value taken up by a question of its own ("那b=1呢？", "What about b = 9?"): the next sentence's list ("安妮是0或2，…")
# is that case's; its verdict on the case ("8月17日也要排除") is still said of the stage
_VALUE_QUESTION = re.compile(r"\W*(?:那么?|(?i:and|so|now|then)\s+)?(?:(?i:what|how)\s+about\s+[^,.;:?\n]{1,20}\?|"
                             r"[^，。,.;；:：?？\s]{1,12}\s*呢\s*[？?])\s*")
# A rhetorical question: "波怎么能确定是哪一天呢？", "how could he know?" (it denies; the next sentence concludes)
_RHETORICAL = re.compile(r"怎么(?:能|会|可能)|哪能|哪里能|(?i:\bhow\s+(?:could|can|would)\s+(?:he|she|they|anyone|bo|\w+)"
                         r"\s+(?:possibly\s+)?(?:know|tell|be\s+sure))")
# What one agent considers possible, not the stage's candidates.
_PERSPECTIVE = re.compile(r"\b(?:in (?:his|her|their) (?:mind|head|view)|from (?:his|her|their) (?:point of view|"
                          r"perspective)|(?:he|she|they) (?:would )?considers?|considers|"
                          r"(?:his|her|their|(?-i:[A-Z])\w*(?:'s|’s))\s+(?:own\s+|remaining\s+)?(?:candidates|options|"
                          r"possibilities|choices))\b|在(?:他|她)(?:看来|心里|眼里)|(?:他|她)(?:要|得|会|只能)?考虑|考虑(?:两|三|几)种可能",
                          re.IGNORECASE)
# ("His candidates are July 14 and July 16.", "他…考虑两种可能：总数是2或者3": one agent's, not the stage's)
# One world of bits taken up as a case ("In 110, …", "Take 1100.", "Check 1110:", "比如 1110：", "在 0110 里"), or a
# child's alternatives in it ("child 1's options are 0110 and 1110", "confuses it only with 000000", "可能是 0110 或
# 1110", "无法区分110和010"): the worlds the sentence lists are that case's, not the stage's
_SUPPOSED_WORLD = re.compile(r"(?i:\b(?:in|take|check|consider|for|say|such\s+as|like)\s+(?:the\s+)?(?:world\s+)?"
                             r"[01]{3,8}\b|\b(?:options|alternatives?|point\s+of\s+view|confuses?|confused|distinguish|"
                             r"tell\s+apart)\b)|"
                             r"(?:比如|例如|拿|看|假设|如果是?|在)\s*[01]{3,8}|可能是\s*[01]{3,8}|区分|分辨|分不清")
_BARE_CANDIDATES = re.compile(r"\W*(?i:candidates|options|possibilities)\b|\W*(?:候选|可能)")
_CELL_RELATION = re.compile(r"[^|\n]*?(?:[≠<>≤≥=]|!=)")  # a relation later in the same table cell
_OBJECT_REACH = 24  # characters between a knowledge word and the attribute that is its object
_DEMONSTRATIVE = re.compile(r"\s+(?:this|(?:that|it)(?=\s*(?:[,.;:]|from|before|already|all along|$|would\b|will\b|"
                            r"was going\b|much\b)))\b|这(?:一点|件事|个事实)|这(?=\s*[，。,.;；！!]|$)", re.IGNORECASE)
# A sentence that works a product or a sum out ("212 = 2 × 106 = 4 × 53, so only (4, 53)", "since 1 × 25 isn't
# allowed"): the pairs it names are a case being worked, not the candidates of the stage.
_EXAMPLE = re.compile(r"(?i:\bfor example\b|\bfor instance\b|\be\.g\.|,\s*say\s+\d)|比如|例如|举个例子")
_ARITH_CASE = re.compile(r"\W*\d{1,4}\s*[+×*·]\s*\d{1,4}\s*(?:[:：→]|=\s*\d{1,7}\s*[:：→,，])|"
                         r"\W*\d{1,4}\s*=\s*\d{1,4}\s*[+×*·]\s*\d{1,4}\s*[,，]")  # ("51 = 17 + 34，积 = 578": the split's)
_WORKING = re.compile(r"\d\s*[×·*+]\s*\d")
_STATEMENT_OF = re.compile(r"(?:'s|’s|的)\s*(?:(?:first|second|third|last|final|initial)\s+)?(?:statement|announcement|"
                           r"remark|reply|words|claim|answer|第[一二三四]句话|话|发言|声明|回答)", re.IGNORECASE)
_KNEW_PAST = re.compile(r"(?i:\bknew\b|\bhad\s+known\b)|早就知道|早知道")
_BARE_NEGATION = re.compile(r"(?i:couldn't|could not|can't|cannot|can not|didn't|did not|wouldn't|would not)")
_ELIDED_END = re.compile(r"\s*(?:$|[.;!?)]|,\s*(?:so|and|but|which)\b|\s[—–-]\s|→)")
_SUCH = re.compile(r"\bsuch\b|这样的|这种", re.IGNORECASE)
# "Those ranks are J, 8, …", "Those are **13** and **20**": the class just described, named, not the candidates
_THOSE = re.compile(r"(?:^|[.;:!?]\s)\W*(?:those|these)\b(?![^.;:!?,]*\b(?:left|remain\w*|candidates?|survivors?|"
                    r"options?|possible|possibilities)\b)[^.;:!?,]*$", re.IGNORECASE)
_REQUIRED = re.compile(r"(?i:\b(?:must|has\s+to|have\s+to|needs?\s+to|should)\s+(?:be\s+)?$)|(?:必须|需要|得)\s*$")
_SURE = frozenset({"is sure", "was sure", "is certain", "was certain", "be sure", "be certain"})
_PAIR = re.compile(r"\(\s*(-?\d+)\s*,\s*(-?\d+)\s*\)")
# "x, y = 4, 13": the two names, then their values in the same order (Python's way of writing a pair)
_NAMED_PAIR = re.compile(r"(?<![\w(])([a-z])\s*,\s*([a-z])\s*=\s*(-?\d+)\s*,\s*(-?\d+)(?![\d,])")
MAX_SENTENCE = 2000
_ANSWER_WORDS = re.compile(r"最终答案|答案|final answer|answer", re.IGNORECASE)


@dataclass
class _State:
    """What carries from clause to clause inside one sentence (mutable, local to a sentence)."""

    subject: str | None = None
    past: bool = False
    modal: bool = False  # a clause before was counterfactual ("April would leave two options, so Albert could not know")
    referent: str | None = None  # the agent the step named last before this sentence: whom a bare "he" of a
    # supposition's knowing means ("阿尔伯特说…。如果日子是18或19，他马上就知道了")


@dataclass(frozen=True, eq=False)
class ClaimMemo:
    """One puzzle's memo (see AuditContext): sentence -> its claims, inline formula -> its parse.

    Claims depend only on the sentence text and whether an answer cue came before it, so a sentence
    seen in any earlier trace of the puzzle costs one dict lookup. Each memo is cleared when it
    reaches `limit` entries, so memory stays bounded however many traces go through.
    """

    sentences: dict = field(default_factory=dict)
    formulas: dict = field(default_factory=dict)
    limit: int = 50_000

    def remember(self, table: dict, key, value) -> None:
        if len(table) >= self.limit:
            table.clear()
        table[key] = value


def extract_claims_rule_based(puzzle: s.Puzzle, step_text: str, lexicon: Lexicon | None = None,
                              answer_step: bool = False, memo: ClaimMemo | None = None) -> list[Claim]:
    """All claims of one step, in text order. `answer_step`: the step states the final answer."""
    lex = lexicon or build_lexicon(puzzle)
    return [r.claim(lex) for r in extract_records(lex, step_text, answer_step, memo or ClaimMemo())]


_JSON_STRING = re.compile(r'(?:(?<=[{\[,:])|(?<=[{\[,:]\s))"([^"\n]{1,16})"(?=\s*(?P<key>:)?)(?<![.!?。]")')
_JSON_FIELD_END = re.compile(r"\],(?=\s*\S+\s*:)")


def _json_unquoted(m: re.Match) -> str:
    """A JSON string without its quote marks, same length: a key before its colon ("  remaining:"), a value spaced."""
    return "  " + m.group(1) if m.group("key") else " " + m.group(1) + " "
_COLUMN_GAP = re.compile(r"(?<=[\w)）\]])[ \t]{3,}(?=[^\s:：]{1,12}[ \t]*[:：][ \t])")


def extract_records(lex: Lexicon, step_text: str, answer_step: bool, memo: ClaimMemo) -> list[ClaimRecord]:
    """The claims of one step as records (see records.py), in text order, reusing `memo`."""
    out: list[ClaimRecord] = []
    text = step_text
    if "`" in text:
        for m in _CODE.finditer(text):
            cue = answer_step or bool(_ANSWER_WORDS.search(text[:m.start()]))
            key = ("code", m.group(1), cue)
            hit = memo.formulas.get(key)
            if hit is None:
                hit = tuple(_code_record(c) for c in _code_claim(lex.puzzle, m.group(1), cue))
                memo.remember(memo.formulas, key, hit)
            if _code_condition(text, m.start(), m.end()):  # "- `b + c > 50` → only |b − c| is left": a case
                hit = tuple(r.read_as(CASE) if r.kind == "formula" else r for r in hit)
            out.extend(moved(r, m.start()) for r in hit)
        text = _CODE.sub(_blank, text)
    if "\n" in text and (":" in text or "：" in text):
        text = _LIST_BLOCK.sub(_joined_list, text)
    if '": ' in text or '":' in text:  # JSON: its keys and short string values are the writer's notation
        text = _JSON_STRING.sub(_json_unquoted, text)  # ('"remaining": ["♥A", "♦5"]'; not speech), each field a
        text = _JSON_FIELD_END.sub("];", text)  # clause of its own (same length: offsets kept)
    text = _QUOTES.sub(lambda m: _blank_speech(m, lex), text)
    if "   " in text and (":" in text or "：" in text):  # "♥: A, Q, 4   ♠: J, 8, 4, …": columns on one line, each
        text = _COLUMN_GAP.sub(lambda m: ";" + m.group(0)[1:], text)  # a row of its own (same length: offsets kept)
    bracketed = "(" in text or "（" in text
    if lex.number_pair is not None and (bracketed or "sum" in text or "和" in text or "→" in text or "->" in text):
        key = ("@split-sums", text)  # "6 × 7 = 42 (sum 12)": read before the brackets are blanked as glosses
        hit = memo.sentences.get(key)
        if hit is None:
            hit = tuple(_split_sums(text))
            memo.remember(memo.sentences, key, hit)
        out.extend(hit)
    if "{" in text and lex.number_pair is not None and bracketed:
        out.extend(_split_sum_sets(text))  # "(4,7): 28 = 2·14 → {11, 17}"
    if lex.number_pair is not None and ("和" in text or "sum" in text) and _PRODUCT_SUMS.search(text) is not None:
        out.extend(_product_sums(text))  # "60 = 2×30 = 3×20 = 4×15 = 6×10，对应的和32、25、19、16"
    if ("×" in text or "·" in text or "*" in text) and (_TRIPLE_SUM.search(text) or bracketed and
                                                         _TRIPLE_BRACKET.search(text)) is not None:
        out.extend(_triple_sums(text))  # "12 × 4 × 3，和18": read before the brackets are blanked as glosses
    if bracketed:
        out.extend(_prime_notes(text))  # "| 53 | 51 (prime) | ✗ |": read before the brackets are blanked as glosses
        glossed = _blank_glosses(text)
        if glossed != text and "=" in text:  # "(35 − 2 = 31 is prime, so 35 is out)": a slip in a gloss is a slip
            key = ("@gloss-arithmetic", text)
            hit = memo.sentences.get(key)
            if hit is None:
                hit = tuple(_shorthand(r, lex.number_pair is not None) for r in _arithmetic(text)
                            if not glossed[r.start:r.end].strip() and not _PRODUCT_SIGN.search(r.text))
                # ("(2·21 = 23)" is a split with its sum, not arithmetic; "(5 + 6 = 30 is the one …)" the pair's product)
                memo.remember(memo.sentences, key, hit)
            out.extend(hit)
        if glossed != text and ("by" in text or "被" in text or "在" in text):
            out.extend(_credit_glosses(lex, text, glossed, memo))
        text = glossed
    answer_cue = answer_step
    sentences = memo.sentences
    supposing = False  # "Suppose Albert had been told May. Then the possible dates are …": still the supposition
    asked = False  # "If Bo had 17, how many dates would be left? Just July 17.": the answer is that case's
    probing = False  # the sentence is a value's question ("那b=1呢？"): the next one's list is that case's
    property_topic = False  # "the singleton days are 13 and 20. … Only 13 and 20.": lists of values with a property
    conditions = False  # "He would know if:\n- b = 0 (a must be 1),\n- b = 1 …": each item is a condition, not a fact
    case: int | None = None  # the count "Case: exactly two muddy children." supposes for the step (rounds.py)
    viewed = False  # the sentence before tells what an agent sees ("Bob sees a = 1, c = 2."): "Candidates …" are his
    row: re.Match | None = None  # the sentence that opens the bullet row of this line ("- 15: only August 15.")
    labelled: tuple[int, int] | None = None  # (where, count) of a line opening on a case label ("- k = 3: …")
    scenario = False  # a supposition said as a sentence of its own, holding until the step turns back ("但…")
    struck = False  # the lines follow a label saying their items are gone ("Eliminated:\n- exactly 1 muddy — …")
    supposed = False  # a sentence of the step so far supposed something ("如果他看到两顶红帽子，…")
    previous = ""  # the sentence before
    alone: re.Match | None = None  # the sentence before, when it is a supposition said alone
    for m in _SENTENCE.finditer(text):
        sentence = m.group(0)
        supposition, alone = alone, None
        answering = _KNOWING_ASKED.search(previous) is not None or \
            _WHO_KNOWS.match(sentence) is not None  # "B knows? depends — 14 ✘, 15/16/17 ✔.": the cases where he
        # knows or not, not values gone
        item = _BULLET_LINE.match(sentence) if struck else None
        struck = item is not None or (sentence.rstrip().endswith((":", "：")) and
                                      _STRUCK_LABEL.fullmatch(sentence) is not None)
        if item is not None and len(sentence) <= MAX_SENTENCE:
            out.extend(_struck_item(lex, sentence, item.end(), memo, m.start()))
            continue
        if row is not None and "\n" in text[row.start():m.start()]:
            row = None  # (a verdict on the next line is no row's)
        if labelled is not None and "\n" in text[labelled[0]:m.start()]:
            labelled = None
        if row is not None and _BARE_VERDICT.fullmatch(sentence) is not None:
            out.extend(_row_closed(lex, row, text[row.start():m.end()]))  # "- 15: … so he can't be sure. **Out.**"
            row = None
            continue
        row = m if _ROW_LABEL.match(sentence) is not None else row
        seen, viewed = viewed, _SEES_VALUES.search(sentence) is not None
        if len(sentence) > MAX_SENTENCE:
            continue
        if conditions and _BULLET_LINE.match(sentence) is None:
            conditions = False
        if scenario and _SCENARIO_END.match(sentence) is not None:
            scenario = False  # "但第二位说了不知道，…": back to what was said
        carried = (supposing and _THEN.match(sentence) is not None) or asked or conditions
        said_alone = _SUPPOSED_ALONE.fullmatch(sentence) if "假" in sentence or "设" in sentence or \
            "pos" in sentence or "ssum" in sentence or "magin" in sentence else None
        bare = said_alone is not None and not said_alone.group("who") and len(said_alone.group("what")) <= _BARE_REACH
        inside, scenario = scenario, scenario or (bare and step_case(sentence) is None) or \
            _with_value(lex, sentence) or OTHER_READING.search(sentence) is not None
        # ("假设第三位戴红帽子。" on its own: the step's next sentences reason inside that world (a count supposed is the
        # step's case: rounds.step_case); "With Q, …" takes up rank Q)
        conditions = conditions or (sentence.rstrip().endswith((":", "：")) and
                                    _CONDITIONS_FOLLOW.search(sentence) is not None)
        supposing = _SUPPOSE.match(sentence) is not None or carried
        probed, probing = probing, sentence.rstrip().endswith(("?", "？")) and \
            _VALUE_QUESTION.fullmatch(sentence) is not None
        verdict = _BARE_KEPT.search(sentence) if probed else None
        if verdict is not None and (probe := _probed_value(lex, previous)) is not None:  # "那b=1呢？a可能是0或2，两种
            # 可能，比尔不知道，保留。": the value asked about is kept (or gone)
            out.append(verdict_record(probe, verdict.group("kept") is not None, sentence.strip(),
                                      m.start() + verdict.start(), m.start() + verdict.end()))
        previous_sentence, previous = previous, sentence
        asked = sentence.rstrip().endswith(("?", "？")) and _CASE_QUESTION.search(sentence) is not None and \
            _RHETORICAL.search(sentence) is None  # (but "如果是7月，波怎么能确定是哪一天呢？所以排除7月。" asks nothing)
        referent = _referent(lex, text, m.start()) if _PRONOUN_IF.search(sentence) is not None else None
        line = labelled[1] if labelled is not None else None
        key = (sentence, answer_cue) if case is None and referent is None and line is None else \
            (sentence, answer_cue, case, referent, line)
        hit = sentences.get(key)
        if hit is None:
            if not sentence.strip():
                continue
            read = _uncolon(sentence)
            hit = _sentence_records(lex, read, answer_cue, case, referent, line)
            hit = (_listed_equalities(_texts_from(hit[0], read, sentence), sentence), hit[1])
            memo.remember(sentences, key, hit)
        records, answer_cue = hit
        if records and answering:
            records = tuple(r.read_as(CASE) if r.certain and r.kind in ("candidates", "exclusion") else r
                            for r in records)
        if records and supposed and _NAMES_IT.fullmatch(sentence) is not None:  # "如果他看到两顶红帽子，…那他自己一定是白
            # 的。这是“红白红”。": the world supposed, named
            records = tuple(r.read_as(SUPPOSED) if r.certain and r.kind == "candidates" else r for r in records)
        supposed = supposed or SUPPOSING_WORD.search(sentence) is not None
        if records and _AND_SO_ON.search(sentence) is not None:  # "第一轮沉默说明不是1个，第二轮沉默说明不是2个，依此类推":
            # a pattern, each part dated by its own round, not the stage in hand
            records = tuple(r.read_as(CASE) if r.certain and r.kind in ("candidates", "exclusion", "bound", "count")
                            else r for r in records)
        if records and _ALREADY_KNEW.search(sentence) is not None:  # "So everyone already knew there were at least
            # three muddy children": what each saw in the actual world, not a bound of the stage
            records = tuple(r.read_as(CASE) if r.certain and r.kind in ("bound", "count") else r for r in records)
        if line is not None:  # "k = 3: … Then at the second question, the two muddy ones know.": the case's count
            records = tuple(r.read_as(CASE) if r.kind in ("candidates", "bound") and r.certain else r for r in records)
        if ("—" in sentence or "–" in sentence) and _IF_OPENING.match(sentence) is not None and \
                (dash := _DASH_CONCLUSION.search(sentence)) is not None:
            key = ("@dash", dash.group("tail"))
            tail = sentences.get(key)
            if tail is None:
                tail = _sentence_records(lex, dash.group("tail"), False)[0]
                memo.remember(sentences, key, tail)
            records = tuple(r for r in records if r.start < dash.start()) + \
                tuple(moved(r, dash.start("tail")) for r in tail)  # "If it were April, … Bernard could not be sure —
            # **April is eliminated**.": the supposition's conclusion, said of the stage
        if labelled is None and ("=" in sentence or "uddy" in sentence) and (n := line_case(sentence)) is not None:
            labelled = (m.start(), n)  # its later sentences on the line are that case's
        elif labelled is not None and (n := named_case(sentence)) is not None:
            labelled = (labelled[0], n)  # "k = 3: … With k = 2, at the first question nobody knows yet. Then at the
            # second question, the two muddy ones know.": another case named on the line holds from there on
        if case is not None and records:  # "Suppose exactly two children are muddy, say A and B. … So the two muddy
            # children know after the first silence.": the supposed count again, that case's, not the stage's
            records = tuple(r.read_as(CASE) if r.certain and r.kind == "candidates" and r.key.formula[0] == "Compare"
                            and r.key.formula[3] == ("Const", case) and r.key.formula[2] == count_key(lex) else r
                            for r in records)
        if case is None and ("uddy" in sentence or "有泥" in sentence or "蓝眼" in sentence or "blue" in sentence):
            case = step_case(sentence)  # "Case: exactly two muddy children." supposes that count for the step
            if case is not None:  # ("### Exactly one muddy child": the case named, not the count claimed)
                records = tuple(r.read_as(CASE) if r.certain and r.kind != "answer" else r for r in records)
        if answer_cue and any(r.kind == "answer" for r in records) and "\n" not in sentence and \
                not text.startswith("\n", m.end()):
            answer_cue = False  # the answer given; what follows on its line is its gloss ("…, while Cath, seeing four
            # hands for Alice, learns nothing": not another answer; a table's next row may be)
        if records and inside:
            records = tuple(r.read_as(SUPPOSED) if r.certain and r.kind not in _IN_ANY_WORLD else r for r in records)  # (sums are sums in any world: "Suppose Alice sees 17 and 35.
            # Her number is 17 + 35 = 42 …" slips)
        if records and (carried or _PERSPECTIVE.search(sentence) is not None or
                        seen and _BARE_CANDIDATES.match(sentence) is not None):
            records = tuple(r.read_as(SUPPOSED if carried else CASE) if r.certain and r.kind not in (
                "answer", "case knowledge") and not _world_concluded(sentence, r) else r for r in records)
            # "the possible dates in his mind", "Albert
            # (July): considers …" (a case's knowledge has its case in it: "Suppose one child is muddy. Then the
            # clean ones know …")
        if records and probed:  # (but "6月呢？…，所以6月可以保留。" keeps June: the case's verdict, said of the stage)
            records = tuple(r.read_as(SUPPOSED) if r.certain and r.kind == "candidates" else r for r in records)
        if records and bit_worlds(lex) is not None and _SUPPOSED_WORLD.search(sentence) is not None:
            records = tuple(r.read_as(CASE) if r.certain and r.kind in ("candidates", "possible", "exclusion") else r
                            for r in records)  # "Check 1110: child 1's options are 0110 and 1110": that world's
            # ("比如110：孩子1…无法区分110和010": not an exclusion of 110 and 010)
        stage_words = bool(property_topic or records) and _STAGE_TOPIC.search(sentence) is not None
        if records and property_topic and not stage_words:
            records = tuple(r.read_as(PROPERTY) if r.certain and r.kind == "candidates" else r for r in records)
        elif records:  # "他的日子必须在表里只出现一次，也就是18或19": the list names the values with the property
            records = tuple(r.read_as(PROPERTY) if r.certain and r.kind == "candidates" and
                            _after_property(sentence, r.start, r.end) else r for r in records)
        property_topic = (property_topic and not stage_words) or _PROPERTY_TOPIC.search(sentence) is not None
        if records and ("排除" in sentence or "ruled out" in sentence or "eliminated" in sentence):
            records = tuple(_ruled_out_case(sentence, r) for r in records)
        if records and "here" in sentence:
            records = tuple(_value_counted(sentence, r) for r in records)
        if records and ("too" in sentence or "as well" in sentence):  # "Why keep 16? It was in May too.": where
            # it occurs, one place among others, not what is left
            records = _followed_by(sentence, records, _TOO, PROPERTY, subject=_IT_SUBJECT)
        if records and ("⇒" in sentence or "→" in sentence or "->" in sentence or "=>" in sentence):  # "b2 = 0 ⇒ L2
            records = _followed_by(sentence, records, _THEN_KNOWS, CASE, VALUES)  # knows "no"": the case supposed
        if records and ("leave" in sentence or "留下" in sentence or "剩" in sentence):  # "m = Jul leaves {16, 17}":
            # the case of the value, not the value claimed
            records = _followed_by(sentence, records, _LEAVES, CASE, VALUES)
        if records and "个" in previous_sentence and _COUNTS_OUT.search(previous_sentence) is not None:  # "父亲的话排除0个；第一轮沉默排除1个；…排除3个。
            # 剩下2个。": the count of muddy children left, not two worlds
            records = tuple(r.read_as(CASE) if r.kind == "count" and r.certain else r for r in records)
        if len(records) > 1 and CASES_QUICK.search(sentence) is not None:  # "比尔是2，只有(1,2)；比尔是3，只有(2,3)"
            records = listed_cases(sentence, records, lambda text: tokens(lex, text))
        if records and TOPIC_QUICK.search(sentence) is not None:  # "红桃还有两张，Q不可能知道": if hearts
            records = topic_cases(lex, sentence, records)
        if supposition is not None and (supposition.re is _SUPPOSED_ASKED or _THEN_OPENING.match(sentence)
                                        if supposition.re is not _SUPPOSED_LEAD else _STILL_SUPPOSED.match(sentence)):
            records = tuple(records) + tuple(_supposed_then(lex, supposition, sentence))
        alone = said_alone
        if alone is None and ("谁" in sentence or "ho" in sentence):
            alone = _SUPPOSED_ASKED.fullmatch(sentence)  # "那么如果a = b，谁会知道？爱丽丝会知道，…": the answer's case
        if alone is None and ("假" in sentence or "如果" in sentence or "要是" in sentence or "uppose" in sentence or
                              "ssume" in sentence or "magine" in sentence):
            alone = _SUPPOSED_LEAD.match(sentence)
        if records:
            at = m.start()
            out.extend([moved(r, at) for r in records] if at else records)
    if "`" in step_text or "(" in step_text or "（" in step_text:  # inline formulas and bracketed sums came first
        out.sort(key=_start)
    if out and _HOLDS.search(step_text) is not None:
        out = _held_cases(lex, step_text, out)
    if lex.number_pair is not None and ("只有一种" in step_text or "only one" in step_text or "uniquely" in step_text
                                        or "unique factori" in step_text):
        out += one_way_records(lex, step_text)  # "208 = 13 × 16 … 所以208只有一种分法"
    if lex.number_pair is not None and any(r.reading == SPLIT for r in out):
        out = without_relative(out, step_text)  # ("6 = 3 + 3 only... but 6 = 2 + 4": among the splits into primes)
    if out and _CASE_HEADER.match(step_text):  # "Albert (July): considers July 14, July 16. Doesn't know ✓. …"
        out = [r.read_as(CASE) if r.certain and r.kind != "answer" and not _header_verdict(lex, step_text, r) else r
               for r in out]  # (but "- **April (17, 18, 28):** April survives, since …" is the line's own verdict)
    if out and ("⇒" in step_text or "→" in step_text or "->" in step_text or "=>" in step_text):
        out = [r.read_as(CASE) if r.certain and r.kind in ("told", "knowledge") and
               _CASE_ARROW.search(step_text, max(0, r.start - 24), r.start) is not None else r for r in out]
        # ("a=c ⇒ Bob knows b": what he would know in that case, not what he is told)
    if out and _OBJECTOR_TURN.match(step_text) is not None:  # "Critic: I think April 17 should go too.": a debate's
        out = [r.read_as(OTHERS) if r.certain else r for r in out]  # objection, another voice's, until taken up
    return out


# A turn of a debate's objector (who questions the solver's steps, rightly or not): "Critic:", "批评者：", "**Skeptic:**"
_OBJECTOR_TURN = re.compile(r"[\s>*_#]*(?i:critic|skeptic|sceptic|objector|devil['’]s\s+advocate|challenger|opponent)"
                            r"(?:\s*\d|\s*[(（][^)）\n]{0,20}[)）])?[*_]*\s*[:：]|[\s>*_#]*(?:批评者|质疑者|反方|挑刺者)[*_]*\s*[:：]")


# A list named as a case, then ruled out: "「只有一个孩子有泥」这种情况就被排除了", 'the "exactly one muddy child" case is
# ruled out'
_CASE_OUT = re.compile(r"[^，,。；;！？!?\n「“」”\"』]{0,20}?\s*[」”\"』]?\s*(?:(?:这种|这个|这一种?|的)?\s*(?:情况|情形|可能性?)\s*"
                       r"(?:也|就|都|已经|已)*\s*(?:被|给)?\s*(?:排除|否定)|(?i:(?:case|scenario|possibility)\s+"
                       r"(?:is|was|gets|got)\s+(?:now\s+|also\s+|thus\s+|then\s+)?"
                       r"(?:ruled\s+out|eliminated|excluded)))")


def _ruled_out_case(sentence: str, r: ClaimRecord) -> ClaimRecord:
    """A list of what is left that the sentence names as a case it rules out: the case excluded."""
    if r.kind != "candidates" or not r.certain or _CASE_OUT.match(sentence, r.end) is None:
        return r
    return record("exclusion", not_key(r.key.formula), r.key.witnesses, r.text, r.start, r.end, r.past,
                  reading=EXCLUSION)


_TOO = re.compile(r"\s*(?:\*\*)?\s*(?i:too|as\s+well)\b")
_IT_SUBJECT = re.compile(r"\W*(?i:(?:and\s+|but\s+|so\s+)?(?:it|that|this|they|those|these)\b)")  # ("It was in May
# too": where a value occurs; "so the first man is white too" is the man's hat)


def _followed_by(sentence: str, records, after: re.Pattern, reading: str, only: str | None = None,
                 subject: re.Pattern | None = None) -> tuple:
    """The records, with each certain list that `after` follows (of reading `only`, when given; after a `subject`
    opening its sentence, when given) read as `reading`."""
    return tuple(r.read_as(reading) if r.kind == "candidates" and r.certain and (only is None or r.reading == only)
                 and after.match(sentence, r.end) is not None and
                 (subject is None or subject.match(sentence) is not None) else r for r in records)


# An arrow to someone's knowing: what stands before it is the case that would let them know ("a = 0 ⇒ Bill knows",
# "b = 1 → 比尔知道")
_THEN_KNOWS = re.compile(r"\s*(?:\*\*)?\s*(?:⇒|→|->|=>)\s*(?:[\w'’\[\]]+\s+){1,2}?(?i:knows|would\s+know|could\s+know|"
                         r"can\s+tell|could\s+tell|is\s+sure)\b|\s*(?:⇒|→|->|=>)\s*[^\s，。,;；]{1,8}?(?:就|会|能|立刻|马上)*知道")
_COUNTS_OUT = re.compile(r"(?:" + ZH_REMOVING + r")了?\s*\d+\s*个(?!孩子|人|世界|情况|日期|数)")  # ("排除0个")
_LEAVES = re.compile(r"\s*(?:\*\*)?\s*(?:(?i:leaves|would\s+leave|leave)\b|留下|只剩|剩下|剩)")


# How many cards hold a value: "There are two fives (♣5 and ♦5), so he doesn't know."
_THERE_ARE = re.compile(r"(?i:\bthere\s*)$")
_N_OF_VALUE = re.compile(r"(?i:(?:are|were|is)\s+(?:only\s+|exactly\s+|just\s+)?"
                         r"(?:two|three|four|five|six|[2-9])\s+\S+)")


def _value_counted(sentence: str, r: ClaimRecord) -> ClaimRecord:
    """A list read from "there are two fives": a count of what holds the value, not that the card holds it."""
    if r.kind != "candidates" or not r.certain or _THERE_ARE.search(sentence, 0, r.start) is None or \
            _N_OF_VALUE.fullmatch(sentence, r.start, r.end) is None:
        return r
    return r.read_as(PROPERTY)


# A bare closing verdict of a sentence: "…，比尔不知道，保留。", "…，排除。"
_BARE_KEPT = re.compile(r"[，,]\s*(?:(?:同样|也|都|所以|因此)\s*)?(?:(?P<out>排除|去掉)|(?P<kept>保留|留下))\s*[。.]?\s*$")


def _probed_value(lex: Lexicon, question: str) -> tuple | None:
    """The one value a question asks about ("那b=1呢？", "What about July?"), as its key, or None."""
    found = [t.payload for t in tokens(lex, question) if t.kind == "value"]
    return value_key(*found[0]) if len(found) == 1 else None


def verdict_record(value: tuple, kept: bool, text: str, start: int, end: int) -> ClaimRecord:
    """A verdict said of one value (`var = code`) at the stage in hand: still possible when kept, else excluded ("那b=1
    呢？…，保留。", "- b=9：…，保留。", "17：…→ 排除。"); a whole world (`… and …`) only as excluded."""
    if kept:
        return record("possible", ("Possible", value[2][1], value[3][1]), (), text, start, end, False, reading=POSSIBLE)
    return record("exclusion", not_key(value), (), text, start, end, False, reading=EXCLUSION)


# What every agent knew before anything was said, from what each sees: "everyone already knew there was mud",
# "大家本来就知道至少有三个孩子有泥"
_ALREADY_KNEW = re.compile(r"(?i:\b(?:every(?:one|body)|each\s+(?:child|kid|of\s+them)|every\s+(?:child|kid)|"
                           r"all\s+of\s+them)\s+"
                           r"(?:already\s+(?:knew|knows|know|could\s+see|saw|sees)|knew\s+all\s+along)\b)|"
                           r"(?:大家|每个人|每个孩子|所有人|所有孩子)(?:其实|都)*(?:本来就|早就|早已|原本就)(?:都)?(?:知道|看得到|看到)")
_AND_SO_ON = re.compile(r"(?:依此类推|以此类推|依次类推|(?i:\band\s+so\s+on\b|\band\s+so\s+forth\b|\betc\.?))\s*[。.!！]?\s*$")


# A sentence that only names what was just described: "这是“红白红”。", "That's RWR.", "i.e. (4, 13)."
_NAMES_IT = re.compile(r"\s*(?:(?:这|那)(?:就|也)?是|即|(?i:that's|that\s+is|this\s+is|i\.e\.))\s*[“\"「(（]?"
                       r"[^，。,.;；\s“”\"「」]{1,16}[”\"」)）]?\s*[。.]?\s*")
SUPPOSING_WORD = re.compile(r"(?i:\bif\b|\bsuppose\b|\bsupposing\b)|如果|假如|假设|要是")


# A label saying the items listed under it are gone: "Eliminated:", "Ruled out:", "已排除："
_STRUCK_LABEL = re.compile(r"\s*(?:\*\*)?(?:(?i:eliminated|ruled\s+out|removed|excluded|gone)|已?排除(?:的)?|去掉的)"
                           r"(?:\*\*)?\s*[:：](?:\*\*)?\s*")
_STRUCK = "Eliminated "


def _struck_item(lex: Lexicon, sentence: str, at: int, memo: ClaimMemo, offset: int) -> list[ClaimRecord]:
    """An item of a list of what is gone ("Eliminated:\n- exactly 1 muddy (4 cases) — first silence"), read as if the
    label stood before it, with spans in the step (`offset`: where the sentence starts; `at`: where its item does)."""
    key = ("@struck", sentence)
    hit = memo.sentences.get(key)
    if hit is None:
        hit = tuple(r._replace(start=max(r.start, len(_STRUCK)), text=r.text.removeprefix(_STRUCK))
                    for r in _sentence_records(lex, _STRUCK + sentence[at:], False)[0])
        memo.remember(memo.sentences, key, hit)
    return [moved(r, offset + at - len(_STRUCK)) for r in hit]


def _header_verdict(lex: Lexicon, text: str, r: ClaimRecord) -> bool:
    """Whether a record is the verdict on its line's case header's own value ("April (17, 18, 28): April survives",
    "… → April is out"): said of the stage, unlike what the line finds inside the case."""
    if r.kind not in ("possible", "exclusion"):
        return False
    line = text.rfind("\n", 0, r.start) + 1
    head = _CASE_HEADER.match(text, line)
    value = next((t for t in tokens(lex, head.group(0)) if t.kind != "sep"), None) if head else None
    return value is not None and value.kind == "value" and \
        r.key.formula in {("Possible", *value.payload), *_exclusions_of(value)}


# A supposition's conclusion after a dash that ends its sentence: "If Cheryl's month were April, …, so Bernard could
# not be sure — **April is eliminated**."
_IF_OPENING = re.compile(r"\s*(?:\*\*)?(?i:if|suppose|supposing|assume|were)\b|\s*(?:如果|假如|假设|要是)")
_DASH_CONCLUSION = re.compile(r"\s[—–]\s*(?:\*\*)?(?P<tail>(?i:(?:so|hence|thus|therefore)\s+)?[^—–,;:()]{1,40}?\s+"
                              r"(?i:is|are)\s+(?i:eliminated|ruled\s+out|out|gone|excluded)\b[^—–]{0,12})$")


# A sentence about which values have a property ("the singleton days are 13 and 20", "19 只出现一次"), and one about
# what is left of the stage; a list after the first and before the second is one of the values with the property.
_PROPERTY_TOPIC = re.compile(r"(?i:\b(?:singletons?|unique|one[-\s]offs?|once(?!\s+(?-i:[A-Z])|\s+(?:we|he|she|they|you|it|the|this|"
                             r"that|his|her|both|all|everyone|each)\b)|twice|shared|repeated|duplicated?|appears?\s+in|"
                             r"occurs?\s+in)\b)|唯一|只出现一次|出现一次|出现两次|重复")  # (not "once Bernard has spoken": when)
_STAGE_TOPIC = re.compile(r"(?i:\b(?:left|leaves?|leaving|remain\w*|candidates?|possib\w*|options?|survive\w*|"
                          r"eliminat\w*|out|either|answer|down\s+to|must|has\s+to|statement|remark|announcement|"
                          r"birthday|"
                          r"card|pair|numbers)\b)|剩|候选|可能|排除|答案|只能|一定|必须|生日|这张牌|这句话|"
                          r"(?<![A-Za-z])[A-ZΩ](?:\d|_\{?\d{1,2}\}?)['′]?\s*:?=")  # ("D₂ = …", "D_1' = …": a set named)


def introduces_property(text: str) -> bool:
    """Whether a step ends on a colon after a property ("…a day that appears once. Those are:"): the list in the
    next step names the values with the property, not what is left (its lists and rows are read as such)."""
    tail = text.rstrip()
    if not tail.endswith((":", "：")):  # (a test of the last character: a pattern searched from every offset of
        return False  # every step was a tenth of the memoised pass)
    tail = tail[-160:]
    return _PROPERTY_TOPIC.search(tail) is not None and _STAGE_TOPIC.search(tail) is None


# A condition a list spells out: "She can only be in doubt if *both* candidates are legal:", "只有…才会不知道："
_CONDITION_INTRO = re.compile(r"(?i:\bonly\b[^:：]{0,60}\bif\b|\b(?:provided|requires?|needs?|iff|if\s+and\s+only\s+if|"
                              r"exactly\s+when)\b)|只有|必须|需要|前提是|当且仅当")  # ("她“不知道”，当且仅当这两种可能都成立：")


_SENTENCE_STOP = re.compile(r"[.!?。！？]\s")


def introduces_condition(text: str) -> bool:
    """Whether a step ends on a colon after a condition ("She can only be in doubt if both candidates are legal:"):
    the list in the next step spells out what the condition requires, not what holds now."""
    tail = text.rstrip()
    if not tail.endswith((":", "：")):
        return False
    line = tail[tail.rfind("\n") + 1:]
    last = max((m.end() for m in _SENTENCE_STOP.finditer(line)), default=0)  # (not "Ali can only say this if … .
    return _CONDITION_INTRO.search(line, last) is not None  # Checking each month:")


def as_supposed(records: list[ClaimRecord]) -> list[ClaimRecord]:
    """The records of a list that spells out a condition: supposed, not claimed (answers stay)."""
    return [r.read_as(SUPPOSED) if r.certain and r.kind not in _UNSUPPOSED else r for r in records]


_UNSUPPOSED = frozenset({"answer", "arithmetic"})  # (a sum is worked out the same in any world: "算各组的和：…")


# A line that opens a supposition over the lines under it ('"如果我戴的是红帽子，那么：', "Suppose my hat is red. Then:"),
# and a line that returns to what is so ("可是第二位说了不知道。", "But he said he didn't know.")
_SUPPOSING_LINE = re.compile(r"^[ \t>*\-•\"“「]*(?:如果|假如|假设|要是|(?i:if|suppose|assume|imagine)\b)"
                             r"(?:[^\n。！？!?.]|\.(?!\s)){0,120}[:：][ \t]*$", re.MULTILINE)  # (in one sentence: not
# "如果这个点数只出现一次，P就能知道。我们数一下每个点数出现的次数：", a rule, then a count of what is so)
_BACK_TO_FACT = re.compile(r"[\s>*\-•]*(?:可是|但是|但|然而|不过|实际上|(?i:but|however|yet|in\s+fact|actually)\b)")
# A line that splits the reasoning into cases ("分两种情况讨论：", "Consider two cases:"): the lines under it are the
# cases, each supposed, up to a line that sums them up ("综上", "In both cases") or returns to what is so
_CASES_LINE = re.compile(r"^[^\n]{0,60}?(?:分(?:两|三|四|几|\d)种情况|分情况|(?i:\b(?:consider|split\s+(?:it\s+)?into|"
                         r"distinguish|examine|check|look\s+at)\s+(?:the\s+)?(?:two|three|four|\d)\s+cases\b))"
                         r"[^\n。！？!?.]{0,40}[:：][ \t]*$", re.MULTILINE)
_CASES_DONE = re.compile(r"[\s>*\-•#]*(?:综上|总之|总结|两种情况|(?i:in\s+(?:both|either|all)\s+cases|either\s+way|"
                         r"overall|therefore|hence|so\s+overall|to\s+sum\s+up)\b)")


def under_supposed_lines(records: list[ClaimRecord], text: str) -> list[ClaimRecord]:
    """The records of the lines under a line that opens a supposition or a split into cases and ends on a colon, up
    to a line that returns to what is so: supposed, not claimed (answers stay)."""
    spans = []
    for m in [*_SUPPOSING_LINE.finditer(text), *_CASES_LINE.finditer(text)]:
        end, at = len(text), m.end() + 1
        done = _CASES_DONE if m.re is _CASES_LINE else None
        while at < len(text):
            stop = text.find("\n", at)
            stop = len(text) if stop < 0 else stop
            if _BACK_TO_FACT.match(text, at) is not None or done is not None and done.match(text, at) is not None:
                end = at
                break
            at = stop + 1
        spans.append((m.end(), end))
    return [r.read_as(SUPPOSED) if r.certain and r.kind not in _UNSUPPOSED and any(a <= r.start < b for a, b in spans)
            else r for r in records]


def as_property(records: list[ClaimRecord]) -> list[ClaimRecord]:
    """The records of a list that names values with a property: its candidate lists and rows, uncertain."""
    return [r.read_as(PROPERTY) if r.certain and r.kind in ("candidates", "conditional") else r for r in records]


def _after_property(sentence: str, start: int, end: int) -> bool:
    """Whether a list at [start, end) follows "occurs once" in its own sentence with no word about the stage from
    there to its end ("他的日子必须只出现一次，也就是18或19", "the days that appear once, i.e. 18 and 19"): the values a
    "don't know" removes, not what is left. Not after "repeated" ("说明点数是重复的，即A或5" is what is left), nor
    "…都有唯一的点数，所以花色只能是红桃或方块" (a stage word between)."""
    found = [m.end() for m in _ONCE_WORDS.finditer(sentence, 0, start)]
    return bool(found) and _STAGE_TOPIC.search(sentence, found[-1], end) is None


_ONCE_WORDS = re.compile(r"(?i:\b(?:singletons?|unique|one[-\s]offs?|once(?!\s+(?-i:[A-Z])|\s+(?:we|he|she|they|you|it|the|this|that|"
                         r"his|her|both|all|everyone|each)\b))\b)|唯一|只出现一次|出现一次")


# "the possible dates are:\n - May 15\n - May 16" or "Remaining dates are:\n3. July 16\n4. August 15": one list of
# short items under a line ending in a colon, read as one sentence ("are: May 15, May 16").
_LIST_BLOCK = re.compile(r"[:：][ \t]*((?:\n[ \t]*(?:[-*•]|\d{1,2}[.)、])[ \t]+[^\n:：→⇒=?？.。]{1,40}[ \t]*(?=\n|$)){2,}|"
                         r"(?:(?:\n[ \t]*)+[^\n:：→⇒=?？.。!！#>|\-*•\s\"“”「」][^\n:：→⇒=?？.。!！\"“”「」]{0,59}(?=\n|$)){1,12})")
# (or unmarked items, one to a line or over blank lines: "这样剩下的日期是：\n\n6月17日\n\n7月14日、7月16日"; not lines
# of reasoning: "验算：\nP拿5，… ⇒ 不知道 ✓\nQ拿方块，… ⇒ 早知道 ✓")
_BULLET = re.compile(r"(?:\n[ \t]*)+(?:(?:[-*•]|\d{1,2}[.)、])[ \t])?")


def _joined_list(m: re.Match) -> str:
    """The list block as one line, same length: the first line break a space, the others commas, markers blanked."""
    block = _BULLET.sub(lambda b: "," + " " * (len(b.group(0)) - 1), m.group(1))
    head = m.group(0)[:m.start(1) - m.start(0)]
    return head + " " + block[1:]


_ANY_PAIR = re.compile(r"\(\s*-?\d+\s*,\s*-?\d+\s*\)")
_GLOSS = re.compile(r"[(（][^()（）]*[A-Za-z\u4e00-\u9fff♠♥♣♦][^()（）]*[)）]|"
                    r"(?<=[)\w] )\[[^\[\](),，\n]*[A-Za-z\u4e00-\u9fff][^\[\](),，\n]*\](?!\()")  # ("(9,4,4) [sum 17]";
# not a link, nor a list in brackets: "S2 = [Apr 14, Apr 17]")


# An elimination's agent named in a passive: "… eliminated by P's first statement", "被P的第一句话排除" (anchors.py
# credits it; a gloss that says so is read, below).
CREDIT_BY = re.compile(r"(?i)\b(?:eliminated|removed|ruled\s+out|excluded|disposed\s+of|killed|knocked\s+out|"
                       r"thrown\s+out|wiped\s+out)\s+(?:already\s+|only\s+)?by\s+([^,.;:!?()\n—–]{2,60})|"
                       r"\b(?:went|goes|go|dropped|drops|fell|falls)\s+out\s+(?:already\s+)?(?:with|at)\s+"
                       r"([^,.;:!?()\n—–]{2,60}?(?:statement|announcement|words|answer|reply|silence|turn))")
# ("RRW went out with man 1's statement")
CREDIT_ZH_BY = re.compile(r"被([^，,。；;：:！？\n]{2,30}?)(?:就|也|又|已经)*(?:排除|去掉|淘汰)|"
                          r"在([^，,。；;：:！？\n]{2,30}?)(?:的时候|时)[，,]?(?:就|也|又|已经)*被?(?:排除|去掉|淘汰)|"
                          r"(?:由|从|根据|凭)([^，,。；;：:！？\n]{2,30}?)[，,]?\s*(?:就|也|又|已经|可以|能|便)*"
                          r"(?:排除|去掉|淘汰)")
# ("…，在P说第一句话的时候就已经被排除了": when the statement was made, by it; "由阿尔伯特“我不知道”这半句，可以排除5月和
# 6月": from that clause)

_PRODUCT_SIGN = re.compile(r"[×·*]")


def _blank_glosses(text: str) -> str:
    """Parenthetical glosses blanked ("hearts (A, Q, 4) and diamonds (A, 5) pass", "(11 has (2,9), (3,8))"):
    they illustrate, they do not state the sentence's claim. Pairs such as (4, 13) are kept."""
    masked = _ANY_PAIR.sub(lambda m: "0" * len(m.group(0)), text)
    spans = []
    while True:
        found = [(m.start(), m.end()) for m in _GLOSS.finditer(masked)]
        if not found:
            break
        for a, b in found:
            masked = masked[:a] + " " * (b - a) + masked[b:]
        spans += found
    if not spans:
        return text
    out = list(text)
    for a, b in spans:
        counted = _COUNTED_BEFORE.search(text, max(0, a - 40), a)
        if counted is not None and _COUNT_LABEL.search(text, 0, counted.start()) is not None:
            a, b = counted.span()  # "Remaining: 5 candidates (♥A ♥Q ♥4 ♦A ♦5)": the list is what is left, its count
            # no value
        out[a:b] = " " * (b - a)
    return "".join(out)


# A count of candidates right before a bracketed list of them, after a label of what is left: "Remaining: 5 candidates
# (♥A ♥Q ♥4 ♦A ♦5)", "剩余候选：3个（4月14日、…）"
_COUNTED_BEFORE = re.compile(r"(?<![\w.,])\d{1,4}\s*(?:(?i:(?:remaining\s+|possible\s+)?(?:candidates|cards|dates|"
                             r"pairs|options|possibilities|worlds|triples|cases|birthdays))|(?:个|张|种|对)(?:候选|日期|牌|"
                             r"数对|可能)?)\s*$")
_COUNT_LABEL = re.compile(r"(?i:\b(?:remaining|left|survivors?|still\s+possible)\s*(?:\*\*)?\s*[:：]\s*(?:\*\*)?\s*$)|"
                          r"(?:剩余|剩下|候选)\s*[:：]\s*$")


_PAREN = re.compile(r"[(（]([^()（）]+)[)）]")


def _credit_glosses(lex: Lexicon, text: str, glossed: str, memo: ClaimMemo) -> list[ClaimRecord]:
    """The eliminations of a blanked gloss that names who made them ("Q appears once (only Q♥ — the Q♣ was already
    eliminated by P's first statement)"): a claim of its own, credited like any other."""
    out: list[ClaimRecord] = []
    for m in _PAREN.finditer(text):
        inner = m.group(1)
        if glossed[m.start():m.end()].strip() or (CREDIT_BY.search(inner) is None and
                                                  CREDIT_ZH_BY.search(inner) is None):
            continue
        out.extend(moved(r, m.start(1)) for r in extract_records(lex, inner, False, memo)
                   if r.kind == "exclusion" and r.certain)
    return out


def _start(r: ClaimRecord) -> int:
    return r.start


# "因此和一定是奇数", "所以和是17": 和 opening a clause before a verb is the sum, not "and"
_BARE_SUM = re.compile(r"(?:^|[，,。；;：:]|因此|所以|那么|于是|也就是说|即|故|则|说明|表明|意味着)\s*(和)(?=一定|必然|必定|只能|就|都|是|为|必|"
                       r"不是|不能是|不会是|只剩下?|还剩下?|剩下)")  # ("所以P这一句话之后，和只剩11、17、…")


def _bare_sum(lex: Lexicon, raw: list[Token], sentence: str) -> list[Token]:
    """The sentence's tokens with a bare 和 that opens a clause read as the puzzle's sum (when one is observed)."""
    found = [m.start(1) for m in _BARE_SUM.finditer(sentence)]
    if not found:
        return raw
    term = lex.atoms.get("@sum", _MISSING)
    if term is _MISSING:  # the puzzle's sum, once per puzzle
        term = lex.atoms["@sum"] = next((t.payload for t in lex.scan("之和") if t.kind == "attr"), None)
    if term is None:
        return raw
    extra = [Token("attr", term, at, at + 1, "和") for at in found]
    return sorted(raw + extra, key=lambda t: t.start)


def _question_label(raw: list[Token], sentence: str) -> bool:
    """ "Card: ♦5", "**Birthday:** July 16": the question's own noun as the sentence's label names the answer."""
    return len(raw) >= 3 and raw[0].kind == "attr" and raw[0].payload == "@question" and raw[1].kind == "sep" and \
        raw[1].text in (":", "：") and not sentence[:raw[0].start].strip(" *#-") and \
        sum(t.kind in ("value", "tuple", "number") for t in raw) <= 3  # not "牌：红桃A、Q、4｜黑桃J、8…", the deck


# What is left at a point of a recap, even under an answer heading: "Remaining: March 18, July 16, July 17."
_REMAINING_LABEL = re.compile(r"\W*(?i:remaining|left|survivors?|still\s+possible)\s*(?:\*\*)?\s*[:：]|\W*(?:剩下|剩余|还剩)\s*[:：]")


# A bullet row of values, a colon, and the statement that removed them: "- 红桃Q、红桃4：也是第三句排除的", "- ♥Q, ♥4:
# removed by statement 3" (the colon stands for the verb the row leaves out)
_LABEL_CREDITED = re.compile(r"[\s>]*[-*•]\s*(?:\*\*)?[^:：—\n]{1,40}?(?:\*\*)?\s*(?P<sep>[:：—])"
                             r"(?=\s*(?:(?i:(?:also|were|was|are|is|all|both)\s+)*(?:removed|eliminated|ruled\s+out|"
                             r"excluded|killed|dropped)\s+(?:by|in|at|with)\b)|"
                             r"\s*(?:也|都|同样)?(?:是|被)?[^，,。；;\n]{1,12}?(?:排除|去掉|删掉|淘汰)(?:的|了))")


def _uncolon(sentence: str) -> str:
    """The sentence with the colon of a credited bullet row read as a space ("- 红桃Q、红桃4：也是第三句排除的"), same
    length; else the sentence itself."""
    if "：" not in sentence and ":" not in sentence and "—" not in sentence:
        return sentence
    m = _LABEL_CREDITED.match(sentence)
    return sentence if m is None else sentence[:m.start("sep")] + " " + sentence[m.end("sep"):]


def _texts_from(records: tuple, read: str, sentence: str) -> tuple:
    """Records read from `read` (a same-length rewrite of `sentence`) with their texts taken from `sentence`."""
    if read is sentence:
        return records
    return tuple(r._replace(text=sentence[at:at + len(r.text)]) if (at := read.find(r.text)) >= 0 else r
                 for r in records)


# A supposition with a bare pronoun in it: "如果日子是18或19，他马上就知道了", "If the day were 18, he would know"
_PRONOUN_IF = re.compile(r"(?i:(?:\bif\b|\bfor\s+[a-z]\s*=\s*\d|\bin\s+the\s+[^.!?\n,]{1,24}\s+case\b)[^.!?\n]*"
                         r"\b(?:he|she)\b[^.!?\n]*"
                         r"\b(?:know|knows|knew|tell|sure)\b)|"  # ("For b = 1 he still has two options, …")
                         r"(?:如果|假如|要是|若是)[^。！？\n]*[他她][^。！？\n]*(?:知道|确定)")  # (and its knowing)


def _referent(lex: Lexicon, text: str, at: int) -> str | None:
    """The agent named last in the step's text before `at` (the 300 characters before it), passing over those named
    as what someone sees ("He sees man 1 and the blind man. … he wouldn't know": the one who sees them)."""
    before = text[max(0, at - 300):at]
    return next((t.payload for t in reversed(lex.scan(before))
                 if t.kind == "agent" and _SEEN.search(before, _clause_start(before, t.start), t.start) is None), None)


def _clause_start(text: str, at: int) -> int:
    """Where the clause holding `at` starts: after the last stop, comma or semicolon before it."""
    return max(text.rfind(c, 0, at) for c in ".,;:!?。，；：！？\n") + 1


_SEEN = re.compile(r"(?i:\b(?:sees|see|saw|seeing|looks\s+at|look\s+at|looking\s+at)\b)|看到|看见|看着")


_OPENING_LABEL = re.compile(r"\W*\w+,")  # a sentence opening on one word and a comma


def _sentence_records(lex: Lexicon, sentence: str, answer_cue: bool, case: int | None = None,
                      referent: str | None = None, labelled: int | None = None) -> tuple[tuple[ClaimRecord, ...], bool]:
    """(the sentence's records, whether an answer cue has been seen by its end); `case`: the count the step supposes;
    `referent`: the agent the step named last before the sentence; `labelled`: the count its line's label names."""
    if "称" in sentence and names_something(sentence):
        return (), answer_cue  # "下面称拿月份的为前者，拿日子的为后者": names given, nothing claimed
    raw = lex.scan(sentence)
    if len(raw) > 2 and raw[0].kind in ("number", "value") and raw[1].kind == "sep" and raw[1].text == "," and \
            raw[2].kind in ("now", "only") and _OPENING_LABEL.fullmatch(sentence, 0, raw[1].end) is not None:
        sentence = sentence[:raw[1].start] + ":" + sentence[raw[1].end:]  # "Eighteen, now only March, since April's
        raw = lex.scan(sentence)  # out": the day said aloud labels its row, as "18: only March" does
    if "|" in sentence and sentence.lstrip().startswith("|"):
        raw = _cells_apart(raw, sentence)  # "| 阿尔伯特起初不知道 | 6月有12、19两个 ✅ |": the next cell is not what he knew
    if "和" in sentence and lex.number_pair is not None:
        raw = _bare_sum(lex, raw, sentence)
    if any(t.kind == "answer" for t in raw):  # "to be sure the answer is unique, try April 14": no answer given
        raw = [t for t in raw if t.kind != "answer" or _ANSWER_PROPERTY.match(sentence, t.end) is None and
               _ANSWER_SITUATION.match(sentence, t.end) is None]
    kinds = {t[0] for t in raw}
    cue = (answer_cue and _REMAINING_LABEL.match(sentence) is None) or "answer" in kinds or _question_label(raw, sentence)
    # the cue reaches the next sentences only when it ends its own ("The answer is:"), not in "make sure the
    # answer is unique. Sum 23: (4, 19) …"
    carry = answer_cue or ("answer" in kinds and _ANSWER_TAIL.fullmatch(sentence, next(t.end for t in reversed(raw)
                                                                      if t.kind == "answer")) is not None
                           and _GUESSED_ANSWER.search(sentence) is None)  # not "Let me do 17, it's usually the answer:"
    # Every claim needs a value, a number, a pair or an agent (as a subject); many sentences have none.
    arithmetic = (_arithmetic(sentence) if "=" in sentence else []) + (
        _worded(sentence) if _WORDED_QUICK.search(sentence) is not None else [])
    timed: list[ClaimRecord] = []  # a case's knowledge dated by its own time, a count's worlds removed: no scope of
    # the sentence applies
    if "prime" in sentence or "composite" in sentence or "质数" in sentence or "素数" in sentence:
        arithmetic += _primality(sentence)
    if _SURVIVES.search(sentence) is not None:
        arithmetic += _survival_records(lex, sentence)
    if ONLY_IF_QUICK.search(sentence) is not None:  # "Bill只有在b=0或b=10时才能直接确定": dated by the statement
        timed += only_if_records(lex, sentence, lambda text: _one_list(lex, text),
                                 lambda agent: bare_knows_key(lex, agent))
    if lex.number_pair is not None and ("和" in sentence or "积" in sentence) and _ZH_TERM_CASE.search(sentence):
        arithmetic += _zh_case_exclusions(lex, sentence)  # "把和为19的情况全部排除了"
    if (_RELATION_QUICK.search(sentence) is not None or _ALL_DIFFERENT.search(sentence) is not None or
            "equal" in sentence or "相等" in sentence or "repeated" in sentence) and \
            _relation_vars(lex):
        arithmetic += _relations(lex, sentence)  # "hence x ≠ y", "the pairs with x = y are eliminated", "两两不同"
    if "attr" in kinds:
        arithmetic += range_records(lex, sentence, raw)  # "a is between 1 and 9", "b ∈ {2, ..., 8}"
        arithmetic += _term_records(raw, sentence)
        arithmetic += _labelled_term_exclusions(raw, sentence)
        if "nor" in sentence or "not" in sentence or "n't" in sentence:
            arithmetic += _both_denied(lex, sentence, raw)  # "neither hat 1 nor hat 3 is red"
        if ELIMINATES.search(sentence) is not None or "之和" in sentence:  # "P's first statement eliminates every sum of 55
            # or more", "所有能拆成两个素数之和的和都已经被…排除了"
            arithmetic += class_exclusions(raw, sentence)
        if "unique" in sentence or "once" in sentence:  # "already rules out every triple whose sum is unique"
            arithmetic += unique_class_exclusions(lex, raw, sentence)
        if "cmp" in kinds or _PARITY.search(sentence) is not None or "prime" in sentence or "素数" in sentence or \
                "质数" in sentence:
            arithmetic += _term_bounds(raw, sentence)
    if lex.number_pair is not None and _WORKING.search(sentence) is not None:
        arithmetic += split_records(lex, sentence)  # "54 = 2 × 27 is the only factorization"
    if _REMAINING_WORDS.search(sentence) is not None:
        arithmetic += [r.read_as(CASE) if _supposed_at(sentence, r.start) or _value_subject(raw, r.start) else r
                       for r in remaining_records(sentence)]  # ("If April, two options left (14 and 17)": April's)
    term = lex.atoms.get("@count", _MISSING)
    if term is _MISSING:
        term = lex.atoms["@count"] = count_key(lex)
    if term is not None:
        said = next((t for t in raw if t.kind == "says" and _OWN_SAYING.search(sentence, max(0, t.start - 12),
                                                                                   t.start) is None), None)
        # what is said runs to the end of its clause ("可以说至少有3个", "we can say": the trace's own claim)
        said_end = next((t.start for t in raw if said is not None and t.kind == "sep" and t.start > said.end
                         and t.text not in ("：", ":")), len(sentence))
        counted = [r.read_as(REPORTED) if said is not None and said.end <= r.start < said_end else
                   r.read_as(CASE) if r.certain and _supposed_at(sentence, r.start) else r
                   for r in count_records(lex, term, sentence, cue)]  # "the father says at least one is muddy"; "if
        # I'm clean, there are exactly two muddy": the supposed case's count
        if _CLEAN_WORDS.search(sentence) is not None:  # "the clean children now know they are clean"
            counted += group_records(lex, sentence, case) + member_records(lex, sentence)
        if PAIR_QUICK.search(sentence) is not None:  # "⇒ after round 1, #3 and #4 know too"
            counted += pair_records(lex, sentence, case)
        if _EVERYONE_QUICK.search(sentence) is not None:  # "all five children know whether they are muddy"
            counted += everyone_records(lex, sentence)
        if _OWN_QUICK.search(sentence) is not None:  # "so the first logician wants a beer"
            counted += own_records(lex, term, sentence)
        arithmetic = [r for r in arithmetic if r.kind != "count" or not any(
            c.start < r.end and r.start < c.end for c in counted)] + counted  # "只剩三个人都有泥" counts the muddy
        if _ROUNDS_QUICK.search(sentence) is not None:  # "if exactly two were muddy, each would know in round 2"
            timed = round_records(lex, term, sentence, case, labelled)
        if _CLASS_QUICK.search(sentence) is not None:  # "removes every world with exactly one muddy child": the
            # count is the class removed, not a supposition
            timed += count_class_exclusions(term, sentence)
    if kinds & _CONTENT or "(" in sentence or _spells_worlds(lex, sentence):
        toks = tokens(lex, sentence, raw, cue)
        found = _sentence_claims(lex, toks, sentence, cue, "if" in kinds, referent)
        if "=" in sentence and ("⇒" in sentence or "→" in sentence or ">" in sentence):  # "a=0⇒b=1": a case and
            implied = [m.span() for m in _VALUE_IMPLIES.finditer(sentence)]  # what it forces, neither a claim
            found = [r.read_as(CASE) if r.certain and r.kind == "candidates" and
                     any(a <= r.start < b for a, b in implied) else r for r in found]
        if survivors := [r for r in arithmetic if r.kind == "possible"]:  # "So a = 1 stays": still possible, not
            found = [r for r in found if r.kind != "candidates" or r.key.formula[0] != "Compare" or  # the only one
                     not any(r.start < p.end and p.start < r.end for p in survivors)]
        if ONCE_QUICK.search(sentence) is not None:  # "the only day that appears once is 18"
            arithmetic += singleton_records(lex, sentence, toks)
        if "agent" in kinds and _TOLD.search(sentence) is not None:
            found += _told_records(lex, toks, sentence)
        if "agent" in kinds and (_TOLD.search(sentence) is not None or _HOLDS_ANY.search(sentence) is not None or
                                 "know" in sentence):
            found += _appositive_records(lex, toks, sentence)
        if ("agent" in kinds or "ambig" in kinds) and "attr" in kinds and _POSSESSIVE.search(sentence) is not None:
            found += _possessed_records(lex, toks, sentence, _one_each(lex))
        if ("agent" in kinds or "ambig" in kinds) and _HOLDS_ANY.search(sentence) is not None:
            found += _held_records(lex, toks, sentence)
        if "agent" in kinds and "attr" in kinds and _SEES.search(sentence) is not None:
            found += _seen_records(lex, toks, sentence)
        if "agent" in kinds and "attr" in kinds and _ALONE.search(sentence) is not None:
            found += _alone_records(lex, sentence)
        if "agent" in kinds and VIEWS_QUICK.search(sentence) is not None:  # "The second man looks at hats 2 and 3"
            found += seen_members(lex, toks, sentence)
        if "know" in kinds and "attr" in kinds:
            found = _roles(lex, toks, sentence, found)  # "Mr. P knows the suit and Mr. Q knows its rank"
        found = [r for r in found if not any(x.start <= r.start < x.end and not (
            x.kind == "count" and r.kind == "candidates" and r.end > x.end) or (
            r.kind in ("candidates", "exclusion") and x.kind == "arithmetic" and r.start < x.end and x.start < r.end and
            not (r.kind == "exclusion" and r.start < x.start and x.end < r.end)) or (
            r.kind == "candidates" and x.kind == "bound" and x.key.formula[0] == "And" and r.start < x.end and
            x.start < r.end)
            for x in arithmetic)] + arithmetic  # "That's 3 + 6 + 5 + 2 = 16": the sum, not a list of ranks (but
        # "(5, 6)因30 = 2 × 15…被排除": the pair named first goes, the product inside is its reason); "a 在1到9之间":
        # a range, not the list {1, 9}; "剩下8个：5月15日、…": the count, and the list it counts
    else:
        found = arithmetic
    if LITERAL_QUICK.search(sentence) is not None:  # "remaining = {'July': [16], 'August': [15, 17]}": the worlds
        # of its pairs, not its first key
        spans = dict_spans(sentence)
        found = [r for r in found if r.kind not in ("candidates", "exclusion", "count") or
                 not any(a <= r.start < b for a, b in spans)] + dict_records(lex, sentence) + \
            tuple_sum_records(sentence)  # ("sums = {(8,6,3): 17, …}": each entry's sum)
    ranges = range_ends(sentence)
    if ranges:  # "比尔的数是 a ± 1 且在2到8之间": the two ends of a range, not the list {2, 8}
        found = [r for r in found if not (r.kind == "candidates" and r.key.formula[0] == "Member" and any(
            r.start <= a and b <= r.end and set(r.key.formula[2]) == ends for a, b, ends in ranges))]
    crossed = _crossed_records(lex, sentence) if _CROSS.search(sentence) is not None else []
    crossed += _row_verdicts(lex, sentence)  # "- 5：♦5，但草花里也有 ♣5 → 排除", "- Q: only ♥Q → stays"
    if crossed:
        found = [r for r in found if not any(c.start <= r.start < c.end for c in crossed)]
    if not found and not crossed:
        return tuple(_rejected_timed(timed, sentence)), carry
    marked = scopes(sentence)
    if marked:
        moods = [m for m in marked if not mood_only(sentence, m)] if any(r.kind == "hypothetical" for r in found) \
            else marked
        found = [r.read_as(_scoped(reading_at(moods if r.kind == "hypothetical" else marked, r.start, r.end), r))
                 for r in found]
        # a cross marks the value's elimination; only another scope (a hedge, a supposition) makes it uncertain
        crossed = [r.read_as(_scoped(reading_at([m for m in marked if m.reading not in (REJECTED, CROSSED)], r.start, r.end), r))
                   for r in crossed]
    found += crossed
    low = sentence.lower()
    case = _VALUE_CASE.search(sentence) if any(w in low for w in _CASE_WORDS) else None
    if case is not None:  # "for s = 17, only (4, 13)", "和17只剩(4, 13)", "sum 17 → only (4,13)": what follows the case
        named = next((t for t in tokens(lex, case.group(0)) if t.kind == "value"), None)
        named_before = named is None  # ("第一位是红的时候": the value just before it)
        named = named or next((t for t in tokens(lex, sentence[:case.start()]) if t.kind == "value" and
                               t.end == case.start()), None)
        own = _exclusions_of(named) if named is not None else ()
        gloss = case.group(0)[:4].lower() == "with" and sentence[:case.start()].rstrip().endswith((",", "，"))
        found = [r.read_as(CASE) if r.kind in ("candidates", "exclusion", "count") and r.certain and
                 not (gloss and r.start < case.start()) and  # ("x = 4 and y = 13, with sum 17": what the pair has)
                 r.key.formula not in own and not (named_before and _excludes_topic_case(r, own, several=True)) and
                 # ("- a=1：a=1已经在第一句话里被排除了": the case itself is gone; "…的时候第二位也能知道，排除红白白、
                 # 红红白": the case's worlds, its verdict)
                 not _whole_tuples_out(lex, r) and not _ZH_TERM_CASE.match(sentence, r.start) and
                 not (_term_list(r, case) and "=" not in sentence and "×" not in sentence) else r for r in found]
        # (not "24 = 3 × 8 = 2 × 12，和是11、14": the sums of the splits worked out)
        # (not "把和为19的情况排除了": the case named is what is removed)
    if "agent" in kinds and ("know" in low or "knew" in low):  # "Carol knows both b ≠ c and a ≠ c" (when she speaks)
        found = [r.read_as(KNOWN_BY) if r.kind in _KNOWABLE and r.certain and _known_object(raw, sentence, r.start)
                 else r for r in found]
    topic = _topic_at(raw, sentence) if kinds & _TOPIC_KINDS else None
    if topic is not None:  # "With a Q, only ♥Q remains", "17号也一样，…只剩8月17日": the list of one value's case
        own = _topic_exclusions(lex, sentence, topic)  # "14: …, which rules out 14": the topic itself, not a case
        found = [r.read_as(CASE) if r.kind in ("candidates", "exclusion", "knowledge") and r.certain and
                 r.end >= topic and r.key.formula not in own and not _excludes_topic_case(r, own) and
                 not (r.kind == "exclusion" and "被" in sentence and _CREDITED_OUT.search(sentence, r.start))
                 else r for r in found]  # (not "红桃：♥A、♥Q、♥4 都是被Q先生最后一句排除的": a statement's work, credited)
    if ("；" in sentence or ";" in sentence) and kinds & _TOPIC_KINDS:
        found = _part_cases(lex, sentence, found)  # "…；18原来在4月也有，现在只剩3月18日": 18's case
    if "agent" in kinds and ((lex.codes and _AGENT_WITH.search(sentence) is not None) or
                             _HELD_WITH.search(sentence) is not None):
        found = _case_knowledge(lex, raw, sentence, found)  # "so P with 30 knows it's 5 and 6"
    if "agent" in kinds and ("value" in kinds or "number" in kinds) and _PROPERTY_TOPIC.search(sentence) is not None:
        found = _property_cases(lex, raw, sentence, found)  # "Neither 18 nor 19 is unique, so Bo can't know"
    lead = _CASE_LEAD.search(sentence)
    if lead is not None:  # ("Its products are 30, 42, …": what follows the first lead is the case's)
        found = [r.read_as(CASE) if r.kind in ("candidates", "count") and r.certain and lead.start() < r.end else r
                 for r in found]
    example = _EXAMPLE.search(sentence)
    if example is not None:  # "for example if x and y were both prime, say 3 and 7, …"; "比如鲍勃看到a = 10，…，候选b = 40或20"
        found = [r.read_as(CASE) if r.certain and (r.kind == "hypothetical" or r.kind in (
            "candidates", "knowledge", "term bound") and r.start >= example.start()) else r for r in found]
        # ("e.g. a = c = 5, b = 10": a world where a = c)
    if _ARITH_CASE.match(sentence) is not None:  # "- 2 + 15：积30，…，P不能确定": one split worked as a case
        found = [r.read_as(CASE) if r.certain and r.kind not in ("answer", "arithmetic", "split") else r for r in found]
    if arithmetic:
        found = [_shorthand(r, lex.number_pair is not None) for r in found]
    if "看" in sentence or "sees" in low or "saw" in low:  # "爱丽丝看到b = 1、c = 2": what she sees, not the stage
        seen = [m.span(1) for m in _SEES_VALUES.finditer(sentence)]
        found = [r for r in found if r.kind != "candidates" or not any(a <= r.start < b for a, b in seen)]
    if "看" in sentence or "sees" in low or "saw" in low or "view" in low or "perspective" in low or "standpoint" in low:
        found = _seers_options(lex, raw, sentence, found)  # "Alice sees 3 and 2 → a = 5 or 1", "From Ali's view, …"
    answers = [r for r in found if r.kind == "answer"]
    if len(answers) > 1:  # "Card 6 is held by Cath, while Cath, seeing four hands for Alice, …": a reason after it
        first = min(answers, key=lambda r: r.start)
        found = [r for r in found if r.kind != "answer" or r is first or
                 _REASON_AFTER.search(sentence, first.end, r.start) is None]
    if "[" in str(lex.question_vars):  # "Cath doesn't know the owner of any of 0–5": not card 6's
        found = [r for r in found if r.kind != "knowledge" or not _other_index(sentence, r)]
    if "leav" in low or "left" in low:  # "from the 9, we removed ♠4, ♣Q, ♣5, ♣4 — four cards — leaving 5": a count
        found = [r for r in found if r.kind != "candidates" or _LEFT_COUNT.match(sentence, r.start) is None or
                 _COUNTED_FROM.search(sentence) is None]
    if "agent" in kinds and raw and raw[0].kind == "agent" and _AGENT_LABEL.match(sentence, raw[0].end) is not None:
        found = [r.read_as(CASE) if r.kind == "candidates" and r.certain and
                 _SO_KNOWS.match(sentence, r.end) is not None else r for r in found]  # "Albert: … June 19 is out ⇒
        # only June 12 ⇒ knows ✓": the options of the agent the line is about, why he knows, not the stage's
    if "{" in sentence and _APPLIED_SET.search(sentence) is not None and _BARE_SET.search(sentence) is None:
        found = [r.read_as(CASE) if r.kind == "candidates" and r.certain else r for r in found]  # "S₂(July) = {July
        # 16}, while S₂(August) = {August 15, August 17}": a month's set (its bracket blanked as a gloss), its case
    asked = _WHAT_KNOWS.search(sentence) if "agent" in kinds and ("what" in low or "What" in sentence) else None
    if asked is not None:  # "Restating what logician 2 knows at this point: b₂, and b₁ = 1": what she knows, listed,
        # not that she knows the rest
        found = [r for r in found if r.kind != "knowledge" or not (r.start < asked.end() and asked.start() < r.end)]
    if "agent" in kinds and raw and raw[0].kind == "agent" and _AGENT_HOLDING.match(sentence, raw[0].end) is not None:
        found = [r.read_as(CASE) if r.kind in ("candidates", "count") and r.certain else r for r in found]  # "Ali,
        # holding March, now sees just one date left: March 18": what is left in his view, the case of his month
    if _GLOSSED_PAIR.match(sentence) is not None:  # "Is (9,8) still in? That's a = 9, b = 8.": the pair spelled out
        found = [r.read_as(CASE) if r.kind == "candidates" and r.certain else r for r in found]
    if "=" in sentence[:12]:  # "a = 2原来有(2, 1)和(2, 3)，(2, 1)被排除了，剩(2, 3)。": a = 2's pairs, not the stage's
        found = _var_topic_cases(sentence, found)
    if "'s" in sentence or "’s" in sentence:  # "remove Cath's 6": the card she holds taken out of a set, not her lack
        found = [r for r in found
                 if r.kind != "exclusion" or _OWNED.search(sentence, max(0, r.start - 16), r.end) is None]
    if "each" in low or "各" in sentence:  # "a = 0 and a = 10 give one pair each": what each value has, not the stage
        found = [r for r in found
                 if r.kind not in ("candidates", "bound") or _EACH_AFTER.match(sentence, r.end) is None]
    if "(" in sentence and _WORKING.search(sentence) is not None:
        found = [r.read_as(CASE) if r.kind == "candidates" and r.certain and r.key.witnesses and
                 r.key.witnesses[0][0] == "And" and _worked_near(sentence, r) else r for r in found]
    if "know" in low:  # "three after P knows, and one after Q knows": the knowing names a time, no claim of it
        found = [r.read_as(REPORTED) if r.kind == "knowledge" and _TIME_OF.match(sentence, r.start) is not None else r
                 for r in found]
    if _WEIGHED_QUICK.search(sentence) is not None:  # "我一开始还犹豫要不要把17去掉": a removal weighed
        weighed = _WHETHER_TO.search(sentence)
        found = [r.read_as(QUESTION) if weighed is not None and r.kind == "exclusion" and weighed.start() < r.end
                 else r for r in found]
    if answers:  # "到这一步还不能说答案就是7月16日": what cannot be said yet
        found = [r.read_as(HEDGED) if r.kind == "answer" and
                 _CANNOT_SAY.search(sentence, max(0, r.start - 16), r.start) is not None else r for r in found]
    # "so a P holding a 4 couldn't pin it down; ♥4 is out": the case worked, its conclusion is about the stage
    found = [r.read_as(EXCLUSION) if r.kind == "exclusion" and r.reading == CASE and _concludes(sentence, r) else r
             for r in found]
    return tuple(found + _rejected_timed(timed, sentence)), carry


def _one_list(lex: Lexicon, text: str) -> tuple | None:
    """The formula key of the one certain list of values a bit of text names ("b=0或b=10"), else None."""
    found = [r for r in _sentence_records(lex, text, False)[0] if r.certain]
    return found[0].key.formula if len(found) == 1 and found[0].kind == "candidates" else None


def _rejected_timed(timed: list[ClaimRecord], sentence: str) -> list[ClaimRecord]:
    """The timed records (dated by their own rounds, no hedge of the sentence applies) that lie in an idea the
    sentence rejects ("Earlier I wanted to say that the three-muddy case is removed already by nobody stepping
    forward, but it is not"): set aside all the same."""
    rejected = [m for m in scopes(sentence) if m.reading == REJECTED] if timed else []
    return [r.read_as(REJECTED) if r.certain and reading_at(rejected, r.start, r.end) else r
            for r in timed] if rejected else timed


# A question whether an agent knows, ending its sentence: "Status: A knows? no. B knows?", "阿尔伯特知道吗？"
_KNOWING_ASKED = re.compile(r"(?i:\bknows?\s*\?\s*$)|知道[吗么]?\s*[?？]\s*$")
# A line that says who could know ("Who can know now: Bo, only with 28 or 29.", "现在谁能知道：P先生（只要点数不是A）"):
# its values are the cases where one knows, not what is left
_WHO_KNOWS = re.compile(r"\W*(?:(?i:who\s+(?:can|could|would|is\s+able\s+to)\s+know|who\s+knows)\b|(?:现在)?谁(?:能|可以|会)?"
                        r"知道)[^:：?？\n]{0,16}[:：?？]")
# A removal weighed or meant, not done: "我一开始还犹豫要不要把17去掉", "I wondered whether to remove 17", "一开始想把17也
# 删掉——不对", "I was about to drop 17"
_WHETHER_TO = re.compile(r"(?:要不要|该不该|是不是要|是否要|是否该|(?<![不没])(?:想要|本想|原想|想|打算|准备|差点)(?:把|将)?)"
                         r"[^，,。；;]{0,12}(?:去掉|排除|删|划掉)|"
                         r"(?i:\b(?:whether\s+(?:or\s+not\s+)?to|(?:wanted|meant|was\s+going|was\s+about|tempted|"
                         r"planned)\s+to)\s+(?:remove|eliminate|drop|rule\s+out|cross\s+out|strike)\b)")
_WEIGHED_QUICK = re.compile(r"要|该|想|打算|准备|差点|(?i:whether|wanted|meant|going\s+to|about\s+to|tempted|planned)")
# A knowing that dates something else: "three after P knows" (not "after Q's statement P knows": the time first)
_TIME_OF = re.compile(r"(?i:(?:after|once|before|until|till|by\s+the\s+time)\s+(?:the\s+)?[\w.]{1,20}\s+"
                      r"(?:also\s+|now\s+|finally\s+)?(?:knows?|knew)\b)")
# What cannot be said yet, just before an answer: "还不能说答案就是…", "I can't yet say the answer is …"
_CANNOT_SAY = re.compile(r"(?:还?不能说|还?不能断定|不敢说|(?i:\b(?:can't|cannot|can\s+not)\s+(?:yet\s+)?(?:say|conclude)|"
                         r"too\s+early\s+to\s+(?:say|conclude)|not\s+yet\s+(?:say|conclude)))[^。.;；,，]{0,4}$")
_SEES_VALUES = re.compile(r"(?:看到|看见|(?i:\bsees\b|\bsaw\b))\s*((?:[a-z]\s*=\s*\d{1,6}\s*(?:、|,|，|和|(?i:and\b))?\s*)+)")
_VIEW_AFTER = re.compile(r"(?i:'s|’s)\s+(?i:point\s+of\s+view|view(?:point)?|perspective|standpoint|side)\b")
_FROM_BEFORE = re.compile(r"(?i:\b(?:from|in)\s+)$")
_SEEMS_TO = re.compile(r"\s*看来")
_SEER_VERB = re.compile(r"\s*(?:(?i:there|then|now|here|also|still|only)\s+)?(?:看到|看见|(?i:sees|saw)\b)")  # ("Alice
# there sees 1 and 2": in the world in hand)


def _seers_options(lex: Lexicon, raw: list[Token], sentence: str, found: list[ClaimRecord]) -> list[ClaimRecord]:
    """"Alice sees 3 and 2 → a = 5 or 1": after an agent's seeing, a list of values of what that agent does not
    see is that agent's options in the world seen (a case), not the stage's candidates; after "from Ali's view" (or
    "在阿里看来") every list is what that agent considers possible."""
    for t in raw:
        if t.kind == "agent" and (_VIEW_AFTER.match(sentence, t.end) is not None and
                                  _FROM_BEFORE.search(sentence, max(0, t.start - 8), t.start) is not None or
                                  "在" in sentence[max(0, t.start - 2):t.start] and _SEEMS_TO.match(sentence, t.end)):
            # "From Ali's view, it's March 18 or March 19", "在阿里看来，…": what the agent considers possible
            found = [r.read_as(CASE) if r.kind == "candidates" and r.certain and r.start > t.end else r for r in found]
            continue
        if t.kind != "agent" or _SEER_VERB.match(sentence, t.end) is None:
            continue
        own = {("Var", v) for v in observed_vars(lex, t.payload)}
        found = [r.read_as(CASE) if r.kind == "candidates" and r.certain and r.start > t.end and
                 key_vars(r.key.formula) and not key_vars(r.key.formula) & own else r for r in found]
    return found


_LEFT_COUNT = re.compile(r"(?i:leaving|leaves|left\s+with)\s+\d{1,4}\s*[.。!]?\s*(?:\S{0,8})$")
_COUNTED_FROM = re.compile(r"(?i:\bfrom\s+the\s+\d{1,4}\b|\b(?:\d{1,4}|two|three|four|five|six|seven|eight|nine|ten|"
                           r"eleven|twelve)\s+(?:cards|dates|pairs|worlds|options|candidates|possibilities)\b)")
# A line labelled by the agent it is about ("Albert: …", "**Bo**：…"), not a quote of his words after the colon
# A set written as a function of a value, its bracket blanked ("S₂(August) = {…}" read as "S2         = {…}"), and a
# set named bare ("W₂ = {…}", "Remaining = {…}"): every set of the sentence a function's, or not
_APPLIED_SET = re.compile(r"[A-Za-zΩ][\w₀-₉']{0,3} {3,}=\s*\{")
_BARE_SET = re.compile(r"(?:^|[^\w₀-₉' ])\s*[A-Za-zΩ][\w₀-₉']{0,3} {0,2}=\s*\{|(?i:remaining|left)\s*[:=]\s*\{")
_WHAT_KNOWS = re.compile(r"(?i)\bwhat(?:ever)?\s+(?:\S+\s+){1,3}?(?:knows|knew)\b(?!\s+(?:that|whether|if)\b)")
_AGENT_HOLDING = re.compile(r"(?i)\s*,\s*(?:holding|with|having|who\s+(?:holds|has|was\s+told|is\s+told))\s+"
                            r"[^,.;:]{1,24},")
_AGENT_LABEL = re.compile(r"(?:\*\*)?\s*[:：]\s*(?![\"“「'‘*\s])")
# What a list of options leads to: the agent's knowing ("⇒ knows", "→ he knows", ", so Bo knows", "⇒ 知道")
_SO_KNOWS = re.compile(r"[\s*]*(?:⇒|→|->|=>|[,，]?\s*(?i:so|hence|thus)\b|[,，]?\s*所以)\s*(?:\w{1,12}\s+)??"
                       r"(?:(?i:knows|can\s+tell|can\s+determine|would\s+know)\b|知道|能确定)")
_GLOSSED_PAIR = re.compile(r"\W*(?i:that's|that\s+is|i\.e\.|namely|meaning)\s*,?\s*[a-z]\s*=\s*\d{1,6}"
                           r"(?:\s*(?:,|and|，)\s*[a-z]\s*=\s*\d{1,6})*\s*[.。]?\s*$")
_REASON_AFTER = re.compile(r"(?i:\b(?:while|whereas|because|since|as)\b)|因为|由于|而")
_INDEX = re.compile(r"\[(\d{1,3})\]")
_NUMBERS_NAMED = re.compile(r"(\d{1,3})\s*(?:[–—~-]|to|到|至)\s*(\d{1,3})|\d{1,3}")


def _other_index(sentence: str, r: ClaimRecord) -> bool:
    """Whether a knowledge claim about an indexed variable (c[6]) names other indices after its knowing word ("the
    owner of any of 0–5", "who holds card 3") and not its own: then it was read about the wrong one."""
    own = {int(i) for i in _INDEX.findall(str(r.key.formula))}
    if not own:
        return False
    named: set[int] = set()
    for m in _NUMBERS_NAMED.finditer(sentence, r.start, min(len(sentence), r.end + 40)):
        named |= set(range(int(m.group(1)), int(m.group(2)) + 1)) if m.group(1) else {int(m.group(0))}
    return bool(named) and not own & named


_VAR_TOPIC = re.compile(r"\W*(?:(?i:and|for|with|now|then)\s+)?([a-z])\s*=\s*(\d{1,6})(?=\s*(?:的情况|原来|时|的时候|[:：,，]|"
                        r"(?i:\s+(?:originally|had|has|gives|leaves)\b)))")


def _var_topic_cases(sentence: str, found: list[ClaimRecord]) -> list[ClaimRecord]:
    """A sentence opening on one value of a number as its topic: the lists in it whose every world has that value
    are its case."""
    m = _VAR_TOPIC.match(sentence)
    if m is None:
        return found
    part = ("Compare", "=", ("Var", m.group(1)), ("Const", int(m.group(2))))
    return [r.read_as(CASE) if r.kind == "candidates" and r.certain and r.start >= m.end() and r.key.witnesses and
            all(part in (w[1] if w[0] == "And" else (w,)) for w in r.key.witnesses) else r for r in found]


_OWNED = re.compile(r"\b\w+(?:'s|’s)\s+(?:card\s+)?\d")  # ("Cath's 6 is removed": hers, taken out of a set)
_EACH_AFTER = re.compile(r"\s*(?i:(?:each\s+|both\s+|all\s+)?(?:give|gives|yield|yields|have|has|leave|leaves|allow|"
                         r"allows)\b[^,.;:\n]{0,25}\beach\b|each\s+(?:give|have|yield|leave|allow)\b)|"
                         r"\s*各(?:有|给出|对应|剩)")


def _part_cases(lex: Lexicon, sentence: str, found: list[ClaimRecord]) -> list[ClaimRecord]:
    """Parallel parts, one per value: "16原来在6月也有，…16就只剩7月16日了；18原来在4月也有，现在只剩3月18日". A list in
    a part that opens on a value, every item of it with that value, is that value's case, not what is left of the
    stage."""
    out = []
    for r in found:
        if r.kind == "candidates" and r.certain and r.key.witnesses:
            start = max(sentence.rfind(";", 0, r.start), sentence.rfind("；", 0, r.start)) + 1
            first = tokens(lex, sentence[start:r.start])[:1] if start else []
            own = value_key(*first[0].payload) if first and first[0].kind == "value" and first[0].start < 3 else None
            if own is not None and all(w[0] == "And" and own in w[1] for w in r.key.witnesses):
                r = r.read_as(CASE)
        out.append(r)
    return out


# A time of asking or stepping forward in the sentence (rounds.py reads the case it supposes)
_ROUNDS_QUICK = re.compile(r"(?i:round|question|call|request|asking|night|time\s+(?:he|she|the\s+father)\s+asks|silen|"
                           r"immediately|"
                           r"at\s+once|right\s+away|straight\s+away|instantly|on\s+the\s+spot|(?:after|as\s+soon\s+as)\s+"
                           r"(?:the\s+)?(?:father|dad))|"
                           r"第.(?:轮|次|晚|夜|个晚上|个夜晚)|马上|立刻|立即|当场|一下子就|一开始就|父亲(?:一|刚)?说完")
# Worlds of a count named as a class ("every configuration with exactly one muddy child"; counts.py reads it)
_CLASS_QUICK = re.compile(r"(?i:configuration|world|case|possibilit|pattern|scenario|option|situation)|"
                          r"的情况|的可能|的世界|的组合")
_CONCLUDES = re.compile(r"(?i:(?:\bso|\bhence|\btherefore|\bthus|\band)\s*,?\s*|[;；]\s*(?:(?:so|and)\s+)?|(?:→|->|⇒)\s*)$|"
                        r"(?:所以|因此|于是)[，,]?\s*$")
_ELIMINATION_CLAUSE = re.compile(r"(?i:\b(?:is|are)\s+(?:also\s+)?(?:out|gone|eliminated|removed|excluded|ruled\s+out)\b|"
                                 r"\b(?:eliminate|remove|drop|discard)\b)|排除|去掉")


def _cells_apart(raw: list[Token], sentence: str) -> list[Token]:
    """The tokens of a table row with a separator at each inner cell border before a cell that names values, so that no
    clause runs into it ("| 阿尔伯特起初不知道 | 6月有12、19两个 ✅ |"); a cell of a bare term goes on the clause before it
    ("| S knows | x + y |": what S is told)."""
    first, last = sentence.find("|"), sentence.rfind("|")
    borders = [m.start() for m in _CELL_BORDER.finditer(sentence, first + 1, last)]
    borders = [Token("sep", "|", a, a + 1, "|") for a, b in zip(borders, borders[1:] + [last])
               if any(a < t.start < b and t.kind in ("value", "number", "tuple", "ambig") for t in raw)]
    return sorted(raw + borders, key=lambda t: t.start) if borders else raw


_CELL_BORDER = re.compile(r"\|")


def _world_concluded(sentence: str, r: ClaimRecord) -> bool:
    """Whether a world said to stay or go closes the sentence as its conclusion ("Bill with 1 considers a = 0 or
    a = 2, so he doesn't know and (2, 1) stays"): the stage's, whatever view the sentence took to get there."""
    return r.kind in ("possible", "exclusion") and sentence[r.start:r.start + 1] in ("(", "（") and \
        _CONCLUDES.search(sentence, max(0, r.start - 16), r.start) is not None


def _concludes(sentence: str, r: ClaimRecord) -> bool:
    """Whether an exclusion's clause opens on a conclusion ("so", "; ", "→", "所以") and says in words that values go."""
    return _CONCLUDES.search(sentence, max(0, r.start - 16), r.start) is not None and \
        _ELIMINATION_CLAUSE.search(sentence, max(0, r.start - 16), r.end + 24) is not None


_KNEW = frozenset({"knew", "known", "was sure", "was certain"})
_ELIDED_OBJECT = re.compile(r"(?i:\s+(?:that|it|this)(?:\s+(?:all\s+along|already|in\s+advance|beforehand|too))?\s*"
                            r"(?:[.,;:!?)]|→|⇒|->|—|$))")
# Another time than the stage's: the case's knowledge then is not judged now
_OTHER_TIME = re.compile(r"(?i:\b(?:after|once|before|at\s+that\s+time|at\s+the\s+time|originally|at\s+first|initially|"
                         r"back\s+then|at\s+the\s+start)\b)|一开始|当时|最初|起初|之后|以后|之前")
# A negated ability before "sure": "Bernard with 17 couldn't be sure"
_NEG_BE = re.compile(r"(?i:can't|cannot|can\s+not|couldn't|could\s+not|wouldn't|would\s+not)\s+be")
_ABLE = re.compile(r"(?i:can|could|would)|能|就能|可以")  # "P with 30 can now determine", "P with 30 would know"
def _term_word(u: Token) -> bool:
    """ "product" in "P with product 60 knows": the observed term's own word."""
    return u.kind == "attr" and isinstance(u.payload, tuple) and u.payload[0] == "@term"


_HELD_BEFORE = re.compile(r"(?i:\b(?:with|holding|having)\s+(?:a\s+|an\s+|the\s+|his\s+|her\s+)?[^\s,.;:]{1,12}\s+"
                          r"(?:(?:would|could|can|still|also|then|not|never|wouldn't|couldn't|can't|be|either)\s+)*$)")
_HELD_WITH = re.compile(r"\b(?:with|holding|having)\s|拿到|拿着|手里是|手上是", re.IGNORECASE)
_SURE_WORDS = frozenset({"sure", "certain", "be sure", "be certain", "is sure", "is certain", "be confident",
                         "is confident", "is positive"})
_DENIAL = re.compile(r"(?i:n't\b|\bnot\b|\bnever\b)")
_NOTHING_AFTER = re.compile(r"(?i:\s*(?:(?:too|also|either|now|then|already|as\s+well)\b\s*)*)[*.!。]*\s*$")
_WITH_VALUE = re.compile(r"\s+(?:with|holding|having)\s+(?:a\s+|an\s+|the\s+|his\s+|her\s+)?|"
                         r"\s*(?:如果|要是)?(?:拿到的是|拿到|拿着|手里是|手上是)\s*", re.IGNORECASE)  # "阿里拿到4月也能确定…"
_AGENT_WITH = re.compile(r"\b(?:with|holding|having)\s+(?:a\s+|the\s+|his\s+)?(?:sum\s+|product\s+)?\d", re.IGNORECASE)
_WITH_NUMBER = re.compile(r"\s+(?:with|holding|having)\s+(?:a\s+|the\s+|his\s+)?(?:sum\s+|product\s+)?(?:of\s+)?(\d{1,6})"
                          r"(?!\d|\s*[+×·*=])\s*(?:,\s*)?(?:(?:now|then|also|still|too|immediately|already)\s+)*"
                          r"(?:(?:would|could|can)\s+(?:(?:now|then|also|still|immediately|already)\s+)*)?"
                          r"(?:" + _NEG_BE.pattern + r"\s+)?$",
                          re.IGNORECASE)


def _case_knowledge(lex: Lexicon, raw: list[Token], sentence: str, found: list[ClaimRecord]) -> list[ClaimRecord]:
    """"P with 30 knows it's 5 and 6", "S with 11 can't know": an agent's knowledge in the case of one value of
    the term the agent observes, `x * y = 30 implies P knows (x, y)` (kind "case knowledge", judged like a
    hypothetical: where its case was last possible). Only with the knowledge word right after the case."""
    out = list(found)
    for i, t in enumerate(raw[:-1]):
        if t.kind != "agent":
            continue
        know = next((u for u in raw[i + 1:i + 5] if u.kind in ("know", "notknow")), None)
        gap = raw[i + 1:raw.index(know)] if know is not None else []
        held = next((u for u in gap if u.kind == "value"), None)
        if held is not None and know.text.lower() not in _KNEW and \
                all(u.kind in ("value", "now", "past", "modal") or u.kind == "neg" and _NEG_BE.fullmatch(u.text)
                    for u in gap) and \
                (held_by := _WITH_VALUE.fullmatch(sentence, t.end, held.start)) is not None and \
                held.payload[0] in observed_vars(lex, t.payload) and _OTHER_TIME.search(sentence) is None:
            case = value_key(*held.payload)  # "P with a K wouldn't know either", "Albert with August can't be sure"
            english = held_by.group(0).isascii()  # "P with a K" (but "P拿到4确实不知道" is his first statement's case)
            unsaid = know.kind == "know" and know.text.lower() in _SURE_WORDS and \
                _NOTHING_AFTER.match(sentence, know.end) is not None and \
                _DENIAL.search(sentence, held.end, know.start) is None  # "So Albert with August can also be sure.":
            # sure of what the text just weighed (that Bernard can't know), not of the date: a case, unchecked (but
            # "P with a K wouldn't be sure either" is sure of nothing, the card included)
            # Sure of the other's ignorance in one case ("阿里拿到4月也能确定波不知道", "Albert with July is sure
            # Bernard doesn't know"): what the first statement says, dated by it, so about any earlier stage too
            out = [record("case knowledge", implies_key(case, r.key.formula), (), r.text, r.start, r.end,
                          r.past or not knows_value(r.key.formula),
                          reading=CASE if unsaid else HYPOTHETICAL if r.reading in (CASE, KNOWLEDGE) else r.reading)
                   if r.kind == "knowledge" and r.start <= know.start < r.end and knower(r.key.formula) == t.payload
                   and (knows_value(r.key.formula) and english or _sure_of_ignorance(r.key.formula)) else r for r in out]
            continue
        if know is None or know.text.lower() in _KNEW or any(
                u.kind not in ("number", "now", "past") and not (u.kind == "modal" and _ABLE.fullmatch(u.text)) and
                not (u.kind == "neg" and _NEG_BE.fullmatch(u.text)) and not _term_word(u) for u in gap):
            continue  # "S with 11 knew": knew that P could not know, his first statement; not the numbers
        m = _WITH_NUMBER.fullmatch(sentence, t.end, know.start)
        term = _observed_term(lex, t.payload)
        if m is None or _OTHER_TIME.search(sentence) is not None:
            continue  # "Bernard with 15 knows after May goes away", "at that time … Bo with 16 wouldn't know"
        if term is not None:
            case = ("Compare", "=", term, ("Const", int(m.group(1))))
        else:  # "Bernard with 16 still couldn't tell": the one numeric variable the agent observes
            var = _observed_number(lex, t.payload)
            if var is None or int(m.group(1)) not in lex.codes[var]:
                continue
            case = value_key(var, int(m.group(1)))
        bare = (know.text.lower() in _SURE_WORDS or know.text.lower().endswith((" sure", " certain"))) and \
            _NOTHING_AFTER.match(sentence, know.end) is not None  # (or "couldn't be sure", one word)
        for n, r in enumerate(out):
            if r.kind == "knowledge" and r.start <= know.start < r.end and knower(r.key.formula) == t.payload:
                reading = HYPOTHETICAL if r.reading in (CASE, KNOWLEDGE) else r.reading  # a supposition stays one
                reading = CASE if bare else reading  # "So S with 10 couldn't be sure.": sure of what the text just
                # weighed (that P can't know), not of the numbers: a case, unchecked
                out[n] = record("case knowledge", implies_key(case, r.key.formula), (), r.text, r.start, r.end,
                                r.past or not knows_value(r.key.formula), reading=reading)  # ("S with 11 would know P
                # doesn't know": his first statement's case, dated by it)
    return out


# What a case has, not what is left: the values of a term said of the case in hand ("For 17 … Its products are 30,
# 42, 52, …"), an argument run for a supposed count ("Repeat the argument with exactly three muddy children"), and
# one branch of an either-or ("饭钱要么是其中一人付的，要么是国安局付的")
_CASE_LEAD = re.compile(r"(?i:\b(?:its|their)\s+(?:possible\s+|own\s+)?(?:products?|sums?|splits?|factori[sz]ations?|"
                        r"decompositions?)\b|\b(?:argument|reasoning|logic|scenario|situation)\s+(?:again\s+)?"
                        r"(?:for|with)\s)|它的(?:积|和)|要么[^。；;]*要么")


def _property_cases(lex: Lexicon, raw: list[Token], sentence: str, found: list[ClaimRecord]) -> list[ClaimRecord]:
    """"Neither 18 nor 19 is unique, so Bo can't know": the knowing of an agent drawn from a property of values of
    what that agent observes, named before it in the sentence, is the knowing in those values' case (one world
    replayed, "Ali hears March: …"), not at the stage: read as a case."""
    out = []
    for r in found:
        who = knower(r.key.formula) if r.kind == "knowledge" and r.certain and r.reading == KNOWLEDGE else None
        own = observed_vars(lex, who) if who is not None else set()
        subject = next((n for n, t in enumerate(raw) if r.start <= t.start < r.end and t.kind == "agent" and
                        t.payload == who and n + 1 < len(raw) and raw[n + 1].kind in ("know", "notknow", "modal")),
                       None)
        values = [t for t in raw[:subject or 0] if t.kind in ("value", "number")]  # (a day is scanned as a number)
        if values and all(t.payload[0] in own if t.kind == "value" else
                          any(t.payload in lex.codes.get(v, ()) for v in own) for t in values) and \
                not any(t.kind == "agent" and t.start > values[0].start for t in raw[:subject]) and \
                _PROPERTY_TOPIC.search(sentence, values[-1].end, raw[subject].start) is not None:
            out.append(r.read_as(CASE))
        else:
            out.append(r)
    return out


def _sure_of_ignorance(f: tuple) -> bool:
    """Whether a key is `agent knows that not <other> knows <terms>` ("阿里拿到4月也能确定波不知道")."""
    return f[0] == "Knows" and f[3] == "that" and f[4][0] == "Not" and knows_value(f[4])


def knows_value(f: tuple) -> bool:
    """Whether a key is `agent knows <terms>` or its negation (not knowledge of a fact)."""
    f = f[1] if f[0] == "Not" else f
    return f[0] == "Knows" and f[3] == "value"


def observed_vars(lex: Lexicon, agent: str) -> set[str]:
    """The variables an agent observes (P's rank)."""
    return {u.name for a in lex.puzzle.agents if a.name == agent for u in a.observes if isinstance(u, s.Var)}


def _observed_number(lex: Lexicon, agent: str) -> str | None:
    """The one numeric variable an agent observes (Bernard's day), or None."""
    names = observed_vars(lex, agent)
    name = next(iter(names)) if len(names) == 1 else None
    return name if name in lex.codes else None


def _observed_term(lex: Lexicon, agent: str) -> tuple | None:
    """The key of the one compound term an agent observes (`x * y` for P), or None."""
    terms = [formula_key(u) for a in lex.puzzle.agents if a.name == agent for u in a.observes if isinstance(u, s.Arith)]
    return terms[0] if len(terms) == 1 else None


# A clause that opens on one value as its topic: "With a Q,", "for the 5s:", "18 — only March 18", "17号也一样".
_TOPIC_BEFORE = re.compile(r"(?:^|[;；,，.。:：]\s*)\W*(?:(?:same|likewise|similarly|and|now|as)\s+)?(?:with|for)\s+(?:an?\s+|the\s+)?$", re.IGNORECASE)
_TOPIC_AFTER = re.compile(r"(?:'?s|th|st|nd|rd)?\s*(?:[,，:：]|[—–→]|\s-\s)")
_TOPIC_OPENING = re.compile(r"(?:'?s|th|st|nd|rd|号|日)?\s*(?:[:：—–→]|\s-\s|也一样|也是一样|同理|也类似)")
_TOPIC_KINDS = frozenset({"value", "number", "ambig"})
_TOPIC_START = re.compile(r"(?:^|[;；。.:：])\W*(?:(?:and|or|now|then|same for|as for|likewise)\s+)?"
                          r"(?:(?:rank|suit|month|day|sum|product|点数|花色|月份|日期|和|积)\s*)?$", re.IGNORECASE)


def _worked_near(sentence: str, r: ClaimRecord) -> bool:
    """Whether a product or sum is worked in the record's own part of the sentence (parts split at colons):
    "The numbers are 4 and 13: the only split, 4 + 13, …" states the answer, then explains it."""
    a = max(sentence.rfind(":", 0, r.start), sentence.rfind("：", 0, r.start)) + 1
    ends = [e for e in (sentence.find(":", r.end), sentence.find("：", r.end)) if e >= 0]
    return _WORKING.search(sentence, a, min(ends, default=len(sentence))) is not None


_HOLDS = re.compile(r"\b(?:holds|has|is holding|gets)\b", re.IGNORECASE)
_HELD_COLON = re.compile(r"\s*[:：]")


def _held_cases(lex: Lexicon, text: str, out: list[ClaimRecord]) -> list[ClaimRecord]:
    """"Albert holds June: June 12 or June 19, so he doesn't know; …" (a verification, one world at a time): from
    "X holds V:" to the end of its line, claims are that world's case, not the stage's."""
    spans = []
    for m in _HOLDS.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        toks = lex.scan(text[line_start:line_end])
        before = [t for t in toks if t.end <= m.start() - line_start]
        after = [t for t in toks if t.start >= m.end() - line_start]
        if before and before[-1].kind in ("agent", "ambig") and after and after[0].kind in ("value", "number", "ambig") \
                and after[0].start - (m.end() - line_start) <= 3 and \
                _HELD_COLON.match(text, line_start + after[0].end):  # "Albert holds June:", not "if P has A, …"
            spans.append((m.start(), line_end))
    if not spans:
        return out
    return [r.read_as(CASE) if r.certain and r.kind != "answer" and any(a <= r.start < b for a, b in spans) else r
            for r in out]


_CROSS = re.compile(r"[✗✘❌]")
_ITEM_START = re.compile(r"[\s*\-•·|]*")
_ITEM_CUT = re.compile(r"[,，;；:：、|·•✓✔]|\s[-–—→]\s|\n")  # "18（只3月）✓ 19（3月/7月）✗": a tick ends an item


def _opened(sentence: str, at: int) -> bool:
    """Whether a bracket or brace opened before `at` is still open there."""
    head = sentence[:at]
    return sum(head.count(c) for c in "{[(（") > sum(head.count(c) for c in "}])）")


_SUBJECT_VERBS = frozenset({"then", "says", "know", "notknow", "modal"})  # what an agent's name opens a clause with


def _crossed_records(lex: Lexicon, sentence: str) -> list[ClaimRecord]:
    """"14 (Apr, May) ✗", "| ♠ | J, 8 | ❌ |": the value that opens the item before a cross is eliminated (an
    exclusion, certain); what else the item says is the reason. Items that open with anything else stay rejected."""
    out = []
    toks = tokens(lex, sentence)
    row = sentence.lstrip().startswith("|")  # "| ♠ | J, 8 | ❌ |": the row's first cell is the item
    for m in _CROSS.finditer(sentence):
        cuts = [c.end() for c in _ITEM_CUT.finditer(sentence, 0, m.start())]
        a = sentence.index("|") + 1 if row else cuts[-1] if cuts else 0
        first = next((t for t in toks if a <= t.start < m.start()), None)
        if first is None or first.kind not in ("value", "tuple") or _ITEM_START.fullmatch(sentence, a, first.start) is None:
            continue
        after = next((t for t in toks if t.start >= first.end), None)
        if after is not None and after.kind in _SUBJECT_VERBS and after.start < m.start() and \
                any(t.kind == "ambig" and "agent" in dict(t.payload) for t in lex.scan(first.text)):
            continue  # "Q就不敢这么说 ❌": Mr. Q, the subject of the item, not the rank Q struck out
        if _opened(sentence, a) and any(ch in "}])）" for ch in sentence[first.end:m.start()]):
            continue  # "- a = 3 … 7 → both neighbours are in {2, …, 8} ✗": the last member of a set, cut at its
            # commas, is not what the cross strikes out
        neg = Token("neg", "✗", first.start - 1, first.start, "✗")  # read as "not <value>"
        for r in _clause_claims(lex, [neg, first], sentence, _State(), False, False):
            if r.kind == "exclusion":
                out.append(r._replace(start=a, end=m.end(), text=sentence[a:m.end()].strip()))
    return out


# A row labelled by one value whose verdict closes it: "- 14 → July 14 or August 14 — ambiguous, out.",
# "- 5：♦5，但草花里也有 ♣5，P 仍无法区分 → 排除", "- Q：只有 ♥Q → 保留"
_ROW_END = re.compile(r"(?:→|->|⇒|\s[-–—]\s|—|[,，:：])\s*(?:\*\*)?"
                      r"(?:(?P<out>(?:[✗✘❌]\s*)?(?:(?i:out|eliminated|excluded|"
                      r"removed|gone|ruled\s+out|dropped)|" + ZH_REMOVING + r"|出局))|(?P<kept>(?:[✓✔]\s*)?"
                      r"(?:(?i:stays|kept|keep|survives|remains|stays\s+in|safe|stays\s+safe)|保留|留下|可以)))"
                      r"(?:\*\*)?\s*[.。!！]?\s*$")  # ("- **April** — 17 also in July → safe", "→ ✗ eliminated")
# The verdict naming its value again: "- **6月**：…… → **保留6月**。", "- **May**: … → eliminate May."
_ROW_END_NAMED = re.compile(r"(?:→|->|⇒|\s[-–—]\s|—|[,，:：])\s*(?:\*\*)?(?:(?P<out>" + ZH_REMOVING + r"|"
                            r"(?i:eliminate|exclude|remove|drop|rule\s+out)\b)|(?P<kept>保留|留下|(?i:keep)\b))\s*"
                            r"(?P<what>[^\s。.!！*\n][^。.!！*\n]{0,11}?)\s*(?:\*\*)?\s*[.。!！]?\s*$")
_ROW_LABEL = re.compile(r"\s*(?:[-–—*•]|\d+[.)])\s+(?:\*\*)?")  # (dashes as bullets too: "– 17: … Eliminated.")
_PLAIN_LABEL = re.compile(r"\s*(?:\*\*)?")
_ROW_LABEL_END = re.compile(r"(?:\*\*)?\s*(?:[:：]|→|->|⇒|\s[-–—]\s)")


def _row_verdicts(lex: Lexicon, sentence: str) -> list[ClaimRecord]:
    """A bullet row labelled by one value and closed by a verdict on it: "out" / "排除" is that value's exclusion,
    "stays" / "保留" says it is still possible. The rest of the row is the reason, read as usual."""
    m = _ROW_END.search(sentence) or _ROW_END_NAMED.search(sentence)
    label = _ROW_LABEL.match(sentence)
    if label is None and m is not None and "what" in m.groupdict():  # "5月：…，所以5月里没有唯一的日子，保留5月。":
        label = _PLAIN_LABEL.match(sentence)  # a line labelled by the value it keeps or drops by name, no bullet
    if m is None or label is None:
        return []
    toks = [t for t in tokens(lex, sentence[:m.start()]) if t.start >= label.end()]
    if not toks or toks[0].start != label.end() or toks[0].kind != "value":
        return []
    named = [toks[0]]  # "- **Q and 4**: …": a label of several values of one variable
    for t in toks[1:]:
        if t.kind != "value" or t.payload[0] != named[0].payload[0] or \
                _LABEL_JOIN.fullmatch(sentence, named[-1].end, t.start) is None:
            break
        named.append(t)
    if _ROW_LABEL_END.match(sentence, named[-1].end) is None:
        return []
    if "what" in m.groupdict():  # the value named again must be the row's own
        again = tokens(lex, m.group("what"))
        if len(again) != 1 or again[0].kind != "value" or again[0].payload not in {t.payload for t in named}:
            return []
        named = [t for t in named if t.payload == again[0].payload]
    text = sentence.strip()
    if m.group("kept") is not None:
        return [record("possible", ("Possible", *t.payload), (), text, t.start, m.end(), False, reading=POSSIBLE)
                for t in named]
    return [r._replace(start=t.start, end=m.end()) for t in named  # each read as "not <value>"
            for r in _clause_claims(lex, [Token("neg", "out", t.start - 1, t.start, "out"), t], sentence, _State(),
                                    False, False) if r.kind == "exclusion"]


_LABEL_JOIN = re.compile(r"\s*(?:[,，、/&]|(?i:and|or)\b|和|与|及|或)\s*")


# A row's verdict as a sentence of its own: "- 15: only August 15, but May 15 too. **Eliminate.**", "…。排除。"
_BARE_VERDICT = re.compile(r"\s*(?:\*\*)?(?:[✗✘❌]\s*)?(?:(?i:out|eliminated?|excluded?|removed?|gone|ruled\s+out|"
                           r"dropped|discarded?|cross(?:ed)?\s+(?:it\s+)?out)|" + ZH_REMOVING + r"|出局)"
                           r"[.。!！]?(?:\*\*)?\s*[.。!！]?\s*")


def _row_closed(lex: Lexicon, row: re.Match, whole: str) -> list[ClaimRecord]:
    """The exclusion of the value labelling `row` (the sentence opening a bullet row), when a sentence of a verdict
    closes the row (`whole`: from the row's start to the verdict's end), spanning the whole row."""
    found = _row_verdicts(lex, row.group(0).rstrip(" .。") + " → out")
    return [moved(r._replace(end=len(whole), text=whole.strip()), row.start()) for r in found]


_IF_WORD = re.compile(r"(?i:\b(?:if|suppose|assuming|as\s+long\s+as)\b)|如果|假如|要是|假设|若|只要")  # ("只要有泥的孩子不止一个")
_SO_WORD = re.compile(r"(?i:\b(?:so|therefore|hence|thus)\b)|所以|因此|于是")


# One value implying another: "a=0⇒b=1", "b = 10 → a = 9"
_VALUE_IMPLIES = re.compile(r"(?<![\w])[A-Za-z]\s*=\s*\d{1,4}\s*(?:⇒|=>|→|->)\s*[A-Za-z]\s*=\s*\d{1,4}(?!\d)")


def _supposed_at(sentence: str, at: int) -> bool:
    """Whether `at` lies in the consequent of an "if …," earlier in its sentence, before any "so" / "所以" that
    concludes ("Each thinks: if I'm clean, there are exactly two muddy, and …")."""
    found = _IF_WORD.search(sentence, 0, at)
    return found is not None and _SO_WORD.search(sentence, found.end(), at) is None


def _value_subject(raw: list, at: int) -> bool:
    """Whether the clause before `at` names a value as its subject ("July ends up with two dates left", "方块只剩
    一张"): a count of that value's cases, not of the stage's candidates. Eliminated values ("with May gone") are not."""
    clause = []
    for t in raw:
        if t.start >= at:
            break
        clause = [] if t.kind == "sep" else clause + [t]
    return any(t.kind in ("value", "tuple") for t in clause) and not any(t.kind == "neg" for t in clause)


_OWN_QUICK = re.compile(r"(?i:\bwant|\blike)|要|喝")
_EVERYONE_QUICK = re.compile(r"(?i:\bwhether\b)|有没有泥|是否有泥|是不是有泥|有泥没泥|是否干净|自己的情况")
_CLEAN_WORDS = re.compile(r"(?i:clean|mud-free|unmuddied|non-muddy)|干净|没有泥|没泥")
# A value said to survive a statement: "May stays", "9 survives S's statement", "所以梅花也可以", "5保留" (not
# "8月也可以排除": it can go too)
_SURVIVES = re.compile(r"(?i:\b(?=[iarspl])(?:is still a candidate|are still candidates|remains a candidate|remain candidates|"
                       r"is still in play|are still in play|stays in play|is still on the table|are still on the table|"
                       r"stays|stay|survives|survive|remains possible|remain possible|is still possible|are "
                       r"still possible|is still in|are still in|is kept|are kept|stays in|stays alive|is safe|are safe|looks safe|"
                       r"look safe|stays safe|is fine|are fine|looks fine|passes)\b(?!\s+" + NOT_KEPT_AFTER + r"))|"
                       r"也可以(?!被?(?:排除|去掉|删|划|剔除|否定))|保留|还在(?!\s*(?:\d|[两三四五六]个))|"
                       r"(?:还|仍然|仍|依然)(?:有)?可能(?=\s*(?:[，,。.；;！!]|$))")  # not "clubs stays out"; "白红红还可能。"
# (but not "还可能是…": could also be; nor "19还在3月和7月两个月": where it is found)
_ALL_SURVIVE = re.compile(r"\s+(?i:all|both)(?:\s+(?:still|three|two))?\s+|"
                          r"\s*(?:这?[两三四]种|这?[两三四]个)?(?:都|全都)(?:还|仍然|仍)?")  # (a list's "all", "两种都还")
_SURVIVOR_GAP = re.compile(r"[\s*]*(?:(?:also|too|still|then|as well)\s+)?[\s*]*$|"
                           r"[\s*]*(?:日|号)?(?:也|仍然|仍|还|都)?(?:可以|能|可)?$",
                           re.IGNORECASE)  # ("所以梅花可以保留")


# (a number before ×, ·, *, + or − is a factor, even where the bracket after it is blanked: "53 · (s − 53)")
_TERM_VALUE = re.compile(r"\s*(?:\*\*)?(\d{1,6})(?!\d)(?:\*\*)?(?![\d.,]\d|\s*[×·*+−]|\s*-\s*[\dA-Za-z]|\s*(?:[、,，/]|and\b|or\b|或|和)\s*\d)")


# "fixes the sum at 17", "pins the product down to 52", "narrows the sum to 17"
_FIXES = re.compile(r"(?i:\b(?:fix(?:es|ed)?|pins?|pinned|settles?|settled|narrows?|narrowed|nails?|nailed)\s+"
                    r"(?:down\s+)?(?:the\s+|s's\s+|p's\s+|his\s+)?$)")
_FIXED_AT = re.compile(r"(?i:\s+(?:down\s+)?(?:at|to)\b)")
# A label of what is left of a term: "Remaining sums:", "**Surviving sums**:", "Sums left:", "剩下的和："
_LEFT_BEFORE = re.compile(r"(?:(?i:\b(?:remaining|surviving|possible|candidate|still\s+possible)\s+)|剩下的|剩余的|可能的|剩下|剩余)$")
# "What remains are the odd …", "What's left is the …": what is left, named before the term (its values after a colon)
_WHAT_REMAINS = re.compile(r"(?i:\b(?:what|that\s+which)\s+(?:remains?|is\s+left|survives?)\s+(?:are|is)\s+"
                           r"(?:the\s+)?(?:[\w-]+\s+){0,2})$|(?i:\bwhat['’]s\s+left\s+(?:are|is)\s+(?:the\s+)?"
                           r"(?:[\w-]+\s+){0,2})$")
# "剩下的就是 s ≤ 53、奇数、且 s − 2 为合数的和：11, 17, …": the sums left described, the term right before the colon
_WHAT_REMAINS_ZH = re.compile(r"(?:剩下|剩余|还剩)的?(?:就|只)?(?:是|有)[^。；;\n:：]{0,40}$")
_COLON_NEXT = re.compile(r"\s*[:：]")
_DESCRIBED_UNTIL_COLON = re.compile(r"[^.;:：!?\n]{0,60}?[:：]")
# "crossing out the ones where sum − 2 is prime, I get 11, 17, …, 53.": what the writer is left with of the term, a
# list closing the sentence
_DESCRIBED_UNTIL_GOT = re.compile(r"(?!\s*(?:=\s*)?\d)[^.;:：!?\n]{0,60}?,\s*"
                                  r"(?i:(?:i|we|you)\s+(?:get|got|end\s+up\s+with|"
                                  r"(?:am|are|'m|'re|’m|’re)\s+left\s+with))\s+")
_SENTENCE_CLOSE = re.compile(r"[\s*.。)）]*$")
_LEFT_AFTER = re.compile(r"\s*(?i:(left|remaining|surviving|still\s+possible|(?:that\s+)?pass(?:ing|es)?\s+"
                         r"(?:(?:that|this|the)\s+test|all\s+(?:three|two|four|the|these|of\s+them)"
                         r"(?:\s+(?:tests|checks|conditions|filters))?|"
                         r"(?:every|each)\s+(?:test|check|condition|filter)))"
                         r"\b)?\s*(?:\*\*)?\s*[:：]")
# ("Sums passing all three: 11, 17, …", "Sums passing every check: …")
# What is left, between the term and its verb: "the sums left are …", "the sums still possible are …", "the sums that
# survive are …"
_LEFT_BETWEEN = re.compile(r"(?i:\s+(?:still\s+)?(?:left|remaining|possible|in\s+play|surviving|that\s+(?:survive|"
                           r"remain|are\s+left|are\s+still\s+possible)))\b")


# What the term's value is made of, said right after it: "s = 4 is only 2 + 2", "s = 11 has four splits", "s = 17
# splits as …": the value is the sentence's topic, a case looked at, not a claim about the stage
_MADE_OF = re.compile(r"(?i:\s+(?:(?:is|can\s+only\s+be)\s+(?:only\s+|just\s+)?\d{1,4}\s*[+×·*]\s*\d|has\s+(?:only\s+"
                      r"|just\s+)?(?:\d+|one|two|three|four|five|six|several|many)\s+(?:splits?|ways?|pairs?|"
                      r"decompositions?)\b|splits?\s+(?:as|into)\b|can\s+be\s+(?:split|written)\b))")


def _term_records(raw: list, sentence: str) -> list[ClaimRecord]:
    """"S's sum must be 17", "the product is 52", "the sum is not 11": a claim about an observed term's value (one
    number right after "is" / "must be" / "是"), judged like a candidate set on that term."""
    out = []
    for i, t in enumerate(raw[:-1]):
        if t.kind != "attr" or not isinstance(t.payload, tuple) or t.payload[0] != "@term":
            continue
        run, end = [], t.end  # "is", "must be", "is already fixed at": the verbs right after the term
        between = _LEFT_BETWEEN.match(sentence, t.end)
        if between is not None:  # "the sums left are 11, 17, …": what is left of the term
            end = between.end()
        for u in raw[i + 1:]:
            if u.kind not in ("copula", "only", "neg", "past", "now", "then") or u.start - end > 3:
                break
            run.append(u)
            end = u.end
        label = None if run else _LEFT_AFTER.match(sentence, t.end)  # "Remaining sums: 11, 17, …", "Sums left: …"
        fixed = None if run else _FIXED_AT.match(sentence, t.end)  # "fixes the sum at 17"
        described = None if run else _DESCRIBED_UNTIL_COLON.match(sentence, t.end)
        if label is not None and (label.group(1) or _LEFT_BEFORE.search(sentence, max(0, t.start - 14), t.start)):
            end = label.end()
        elif fixed is not None and _FIXES.search(sentence, max(0, t.start - 24), t.start):
            end = fixed.end()
        elif described is not None and _WHAT_REMAINS.search(sentence, max(0, t.start - 40), t.start) is not None:
            end = described.end()  # "What remains are the odd sums up to 53 with s − 2 composite: 11, 17, …"
        elif (got := None if run else _DESCRIBED_UNTIL_GOT.match(sentence, t.end)) is not None and \
                (listed := _TERM_LIST.match(sentence, got.end())) is not None and \
                _SENTENCE_CLOSE.match(sentence, listed.end()) is not None:
            end = got.end()
        elif (colon := None if run else _COLON_NEXT.match(sentence, t.end)) is not None and \
                _WHAT_REMAINS_ZH.search(sentence, max(0, t.start - 48), t.start) is not None:
            end = colon.end()
        elif not any(u.kind in ("copula", "only", "neg") for u in run):
            continue
        if _SUPERLATIVE.search(sentence, max(0, t.start - 14), t.start) is not None:
            continue  # "so the smallest sum is 5 = 2 + 3": the least of the domain, not the stage's value (unread)
        negated = any(u.kind == "neg" for u in run) or \
            _REMOVES_NEXT.search(sentence, max(0, t.start - 30), t.start) is not None  # "This eliminates, e.g., p = 22"
        in_row = _ROW_CELL_BEFORE.search(sentence, 0, t.start) is not None  # "| x + y = 6 | 2 + 4 |": a case
        opens_line = _HEADING_BEFORE.search(sentence, 0, t.start) is not None or \
            (_LINE_START.search(sentence, 0, t.start) is not None and len(run) == 1 and run[0].text == "=")
        m = _TERM_VALUE.match(sentence, end)
        if m is None:
            listed = _TERM_LIST.match(sentence, end)  # "the sum must be one of 11, 17, 23, …"
            if listed is None:
                continue
            negated = negated or _BOUND_OUT.match(sentence, listed.end()) is not None  # "s = 5, 7, 9 are all out"
            labelled = in_row or (opens_line and _LABEL_END.match(sentence, listed.end()) is not None)
            codes = tuple(sorted({int(n) for n in re.findall(r"\d{1,6}", listed.group("list"))}))
            key = ("Member", t.payload[1], codes)
            # "the candidate sums are 11, 17, …, 53", "one of 11, 17, …": each value still possible (an exact set)
            witnesses = () if negated else tuple(("Compare", "=", t.payload[1], ("Const", c)) for c in codes)
            out.append(record("exclusion" if negated else "candidates", ("Not", key) if negated else key, witnesses,
                              sentence.strip(), t.start, listed.end(), False, reading=CASE if labelled else VALUES))
            continue
        if sentence.startswith("的", m.end()):
            continue  # "积为30的 (5,6)、(2,15)": the pairs with product 30, a description
        negated = negated or _TERM_OUT_AFTER.match(sentence, m.end()) is not None  # "s = 53 is out", "p = 4 and
        # p = 6 are excluded"
        op = "!=" if negated else "="
        key = ("Compare", op, t.payload[1], ("Const", int(m.group(1))))
        labelled = in_row or _CASE_DASH.match(sentence, m.end()) is not None or \
            (opens_line and sentence.endswith("**", 0, m.end()) and _DASH_NEXT.match(sentence, m.end()) is not None) or \
            (opens_line and _LABEL_END.match(sentence, m.end()) is not None) or \
            _MADE_OF.match(sentence, m.end()) is not None  # "**s = 17** — …", "### s = 11", "s = 4 is only 2 + 2"
        # (the value's pattern takes the closing "**" with it)
        out.append(record("candidates" if op == "=" else "exclusion", key, (), sentence.strip(), t.start, m.end(),
                          False, reading=CASE if labelled else VALUES))
    return out


_NOR = re.compile(r"(?i:\s*\bnor\s*)")
_NAMES_AND = re.compile(r"(?i:\s*(?:,|and|&)\s*)")
_NOT_BOTH = re.compile(r"(?i:\s*(?:both|all)\b)")


def _both_denied(lex: Lexicon, sentence: str, raw: list[Token]) -> list[ClaimRecord]:
    """"So neither hat 1 nor hat 3 is red", "hat 1 and hat 3 are not red": one value denied of two variables of the same
    sort, each an exclusion (not "… are not both red", which denies only that they are red together)."""
    toks = tokens(lex, sentence, raw)  # (the sentence's scan, resolved)
    out = []
    for i in range(len(toks) - 2):
        a = toks[i]
        if a.kind != "attr" or not isinstance(a.payload, str):
            continue
        if toks[i + 1].kind == "neg" and _NOR.fullmatch(toks[i + 1].text) is not None and \
                i > 0 and toks[i - 1].kind == "neg" and toks[i - 1].text.lower() == "neither":  # "neither A nor B is V"
            b = toks[i + 2]
            rest = [u for u in toks[i + 3:] if u.kind != "copula"][:1]
        elif toks[i + 1].kind == "attr" and _NAMES_AND.fullmatch(sentence, a.end, toks[i + 1].start) is not None \
                and i + 3 < len(toks) and toks[i + 2].kind == "neg" and \
                toks[i + 2].text.lower() not in ("neither", "nor") and \
                _NOT_BOTH.match(sentence, toks[i + 2].end) is None:  # "A and B are not V" (not "not both V")
            b, rest = toks[i + 1], toks[i + 3:i + 4]
        else:
            continue
        if b.kind != "attr" or not isinstance(b.payload, str):
            continue
        if not rest or rest[0].kind != "value":
            continue
        code = rest[0].payload[1]
        if any(code not in lex.codes.get(v, {code}) for v in (a.payload, b.payload)):
            continue
        for var in (a.payload, b.payload):
            out.append(record("exclusion", ("Compare", "!=", ("Var", var), ("Const", code)), (), sentence.strip(),
                              a.start, rest[0].end, False, reading=EXCLUSION))
    return out


# "sum 35 (= 4 + 31) is ruled out", "sums 41 and 47 die too", "积11被排除": a term labelling its values, then gone
_LABEL_NUMBER = r"(?:\*\*)?\d{1,6}(?:\*\*)?(?:\s*[(（][^()（）\n]{0,40}[)）])?"
_LABELLED_OUT = re.compile(r"\s*(?P<list>" + _LABEL_NUMBER + r"(?:\s*(?:,|，|、|\band\b|\bor\b|和|或)\s*(?:(?i:sum|product)s?\s+)?"
                           + _LABEL_NUMBER + r"){0,12})\s*(?:(?i:(?:is|are)\s+(?:also\s+|then\s+|now\s+|all\s+|thus\s+)?"
                           r"(?:out|gone|eliminated|excluded|ruled\s+out|removed|knocked\s+out|killed|dropped|discarded|"
                           r"crossed\s+off|struck)|(?:also\s+|then\s+)?(?:dies|die|drops\s+out|drop\s+out)\b)|"
                           r"(?:也|都)?(?:被)?(?:排除|去掉|淘汰))")


def _labelled_term_exclusions(raw: list, sentence: str) -> list[ClaimRecord]:
    """"So sum 35 (= 4 + 31) is ruled out", "sums 41 and 47 die too", "和35也被排除": values of an observed term,
    labelled by it, said to be gone (a parenthesised working after a value is skipped)."""
    out = []
    for i, t in enumerate(raw):
        if t.kind != "attr" or not isinstance(t.payload, tuple) or t.payload[0] != "@term":
            continue
        m = _LABELLED_OUT.match(sentence, t.end)
        if m is None:
            continue
        numbers = re.sub(r"[(（][^()（）]*[)）]", " ", m.group("list"))
        codes = sorted({int(n) for n in re.findall(r"\d{1,6}", numbers)})
        key = junction_key("And", [("Compare", "!=", t.payload[1], ("Const", c)) for c in codes])
        out.append(record("exclusion", key, (), sentence.strip(), t.start, m.end(), False, reading=EXCLUSION))
    return out


# "排除了和为19的情况", "积为30的数对都被去掉": the cases of one value of an observed term, removed
_ZH_TERM_CASE = re.compile(r"(和|积)\s*(为|是|=|等于|≥|>=|≤|<=|>|<|大于等于|不小于|至少|大于|超过|小于等于|不大于|至多|小于)\s*"
                           r"(\d{1,6})\s*(?:[(（][^()（）\n]{1,24}[)）])?\s*的(?:所有|全部)?(?:情况|可能|数对|组合|"
                           r"那些?(?:数对|组合|情况)?)")  # ("和为10（3+7）的情况": a gloss before 的)
# what is left when the cases of "和 ≥ 55" go: the comparison's complement
_ZH_COMPLEMENT = {"≥": "<", ">=": "<", "大于等于": "<", "不小于": "<", "至少": "<", "≤": ">", "<=": ">", "小于等于": ">",
                  "不大于": ">", "至多": ">", ">": "<=", "大于": "<=", "超过": "<=", "<": ">=", "小于": ">="}
_ZH_REMOVED_BEFORE = re.compile(r"(?:" + ZH_REMOVING + r")了?(?:所有|全部)?\s*$")
_ZH_REMOVED_AFTER = re.compile(r"[^，。,.；;]{0,12}?(?<!不能)(?<!无法)(?<!没有)(?<!不)(?<!没)(?:" + ZH_REMOVING + r")")


def _zh_case_exclusions(lex: Lexicon, sentence: str) -> list[ClaimRecord]:
    """"这一句就已经把和为19的情况全部排除了", "和 ≥ 55 的情况就都排除了": the cases of a sum (or product) value, or
    of a bound on it, said to be removed."""
    out = []
    for m in _ZH_TERM_CASE.finditer(sentence):
        if not (_ZH_REMOVED_BEFORE.search(sentence, max(0, m.start() - 8), m.start()) or
                _ZH_REMOVED_AFTER.match(sentence, m.end())):
            continue
        term = next((t.payload[1] for t in lex.scan("之" + m.group(1)) if t.kind == "attr"), None)
        if term is None:
            continue
        key = ("Compare", _ZH_COMPLEMENT.get(m.group(2), "!="), term, ("Const", int(m.group(3))))
        out.append(record("exclusion", key, (), sentence.strip(), m.start(), m.end(), False, reading=EXCLUSION))
    return out


# "one of 11, 17, 23", "in {11, 17, 23}", "11、17、23 中的一个": three or more numbers, the whole list
_TERM_LIST = re.compile(r"\s*(?:[:：]\s*)?(?i:(?:therefore|thus|hence|now|then|still|exactly|just)\b[\s,:]*)?"
                        r"(?i:(?:restricted|limited|narrowed(?:\s+down)?|reduced|confined|cut\s+down)\s+to\s+(?:the\s+)?"
                        r"(?:(?:odd|even|following|possible|remaining|candidate)\s+)?(?:values|sums|products|numbers)?"
                        r"\s*[:：]?\s*)?(?:缩小到|限定在|限制在)?"
                        r"(?:(?i:one\s+of|among|in)\s+)?(?i:(?:these|those|the\s+following|the)\s+(?:[a-z\d]+\s+)?"
                        r"(?:values|sums|products|numbers|candidates|options)\s*[:：]\s*)?(?:\*\*)?[{\[(（]?\s*"
                        r"(?P<list>\d{1,6}(?:\s*(?:[、,，/]|(?i:and|or)\b|或|和)\s*\d{1,6}){2,80})\s*[}\])）]?(?:\*\*)?"
                        r"(?!\s*[×·*+−=-]\s*\d)(?:\s*(?:中的一个|之一|其中之一))?")  # ("one of these eleven values: {…}")


_HOLDING = re.compile(r"\s+(?:with|holding|having)\s+(?:the\s+|an?\s+)?|\s*(?:拿到|拿着|手里是)\s*", re.IGNORECASE)


_CMP_OPS = {"<": "<", "<=": "<=", ">": ">", ">=": ">=", "≤": "<=", "≥": ">=", "less than": "<", "smaller than": "<",
            "fewer than": "<", "greater than": ">", "more than": ">", "larger than": ">", "bigger than": ">",
            "at most": "<=", "at least": ">=", "no more than": "<=", "not more than": "<=", "no less than": ">=",
            "below": "<", "under": "<", "above": ">", "over": ">", "小于": "<", "大于": ">", "不超过": "<=",
            "不大于": "<=", "不小于": ">=", "至多": "<=", "至少": ">=", "最多": "<=", "最少": ">="}
_BOUND_NUMBER = re.compile(r"\s*(\d{1,6})(?![\d.,]\d|\s*[×·*+−-]\s*\d)")
_QUANTIFIED = re.compile(r"(?i:\b(?:every|all|any|each|no)\s+$)|(?:所有|任何|每个|凡是)\s*$")
_OUT_AFTER = re.compile(r"\s*(?i:(?:is|are)\s+(?:also\s+|all\s+)?(?:out|gone|eliminated|excluded|ruled\s+out|removed|"
                        r"off\s+the\s+table|out\s+of\s+the\s+picture)|(?:went|goes|died|dies)\s+(?:with|at|in|after|"
                        r"away|out)|(?:was|were)\s+(?:killed|dropped))\b|"  # ("b = c went with Alice")
                        r"\s*(?:都|也)?(?:被[^，。,;；\n]{0,12}?)?(?:排除|去掉)|"  # ("b = c 被爱丽丝排除")
                        r"\s*(?:的(?:对|数对|情况|组合))?\s*(?:也|就|都|全)*没了")  # ("x = y的对也就全没了")
# After a term's bound: the values past it are ruled out ("s ≥ 55 全部排除", "s ≥ 55 is out", "≥ 55 也不行")
_BOUND_OUT = re.compile(r"\s*(?:\*\*)?\s*(?i:(?:is|are)\s+(?:also\s+|all\s+|then\s+)?(?:out|gone|eliminated|excluded|"
                        r"off\s+the\s+table|killed|"
                        r"ruled\s+out|removed|impossible)\b|(?:also\s+|all\s+)?(?:fails?|failed|drops?\s+out|dies?|"
                        r"died)\b)|"
                        r"\s*(?:的)?(?:和)?\s*(?:全部|全|都|也|就)*(?:被)?(?:排除|去掉|不行|"
                        r"不可能|淘汰)")
_REMOVES_NEXT = re.compile(r"(?i:\b(?:eliminat\w*|rul\w*\s+out|exclud\w*|remov\w*|discard\w*|kills?)\s*,?\s*"
                           r"(?:e\.g\.,?|for\s+example,?|say,?|also|then|every|all|any)?\s*$)|"
                           r"(?:" + ZH_REMOVING + r")了?\s*$")
# The term opens its line after a heading's or a bullet's mark or bold ("### x + y = 11", "- **s = 17**"); or a bare
# line ("x + y = 11" alone, with "=")
_HEADING_BEFORE = re.compile(r"(?:^|\n)[ \t]*(?:#{1,6}[ \t]*|[-*•][ \t]+|\*\*)(?:\*\*)?[ \t]*$")
_LINE_START = re.compile(r"(?:^|\n)[ \t]*$")
_LABEL_END = re.compile(r"[ \t]*(?:\*\*)?[ \t]*(?:[:：][ \t]*)?(?:\*\*)?[ \t]*(?:\n|$)")  # and the line ends on the value
_CMP_BEFORE = re.compile(r"\d\s*(?:≤|<=|<|≥|>=|>)\s*$")
_ARROW_AFTER = re.compile(r"\s*(?:\*\*)?\s*(?:→|->|⇒|=>)")
_TERM_OUT_AFTER = re.compile(r"(?:\s*(?:,|，|、|(?i:and|or)\b|和|或)\s*(?:[A-Za-z]{1,3}\s*=\s*)?\d{1,6})*" + _BOUND_OUT.pattern)
_ROW_CELL_BEFORE = re.compile(r"(?:^|\n)[ \t]*\|[^|\n]{0,12}$")  # the term opens a table row's first cell
_DASH_NEXT = re.compile(r"\s*(?:[—–:：]|-\s)")
_CASE_DASH = re.compile(r"\s*\*\*\s*(?:[—–:：]|-\s)")  # "**s ≥ 55** — …": a bold label, then what befalls it
_BOUND_LABEL = re.compile(r"\s*[:：]")  # "* s ≥ 55: split 53 + …": a bound as a line's label
_LINE_OPENING = re.compile(r"(?:^|\n)[ \t]*(?:[-*•]|\d{1,2}[.)])?[ \t]*(?:\*\*)?(?:the\s+)?$", re.IGNORECASE)
_NOT_IS = re.compile(r"(?i:is\s+not|isn't|are\s+not|aren't|can't\s+be|cannot\s+be|must\s+not\s+be)|不是|不能是|不会是")  # "the sum isn't even"
_PARITY = re.compile(r"(?i:\b(odd|even)\b)|(奇数|偶数)")
_PARITY_AFTER = re.compile(r"\s*(?:(?i:an?\s+)?(?:(odd|even)\b(?!\s*(?:and|or)\s+(?:odd|even)\b|\s*(?:and|or)\s*[,.?]))|"
                           r"(?:一定|必然|必定)?(奇数|偶数))")  # (not "odd or even", "odd and": a pair of values)


_RELATION_QUICK = re.compile(r"(?<![A-Za-z0-9_])[a-z]\s*(?:(?:≠|!=|=|<|>|≤|≥|<=|>=)|(?:≠|!=)\s*[2-9]\s*[*×·]?)\s*[a-z]"
                             r"(?![A-Za-z0-9_])")  # (a letter
# next to a Chinese character is still a name: "这也说明a ≠ b")
_RELATION_OPS = {"≠": "!=", "!=": "!=", "=": "=", "<": "<", ">": ">", "≤": "<=", "≥": ">=", "<=": "<=", ">=": ">="}
_NAMED_RELATION = re.compile(r"\s*(?:(?i:possibility|possibilities|option|options|case|cases|pairs?|scenario|triples?|"
                             r"worlds?|relaxation|restriction|constraint|condition|rule|assumption|variant|version)\b|"
                             r"的情况|的情形|的可能|的组合|的数对|的三元组)")  # ("a = b 的情形（如5, 5, 10）撑过前两句": a case named;
# "the x = y relaxation doesn't matter": a rule of the variant)
_DESCRIBED = re.compile(r"(?i:\b(?:with|where|having|whose|when)\s+$)|(?:所有|凡是|出现|会有|才有|存在|比如)\s*$")


def _relation_vars(lex: Lexicon) -> tuple[str, ...]:
    """The numbers relations are written between: the question's two, or else every variable of a puzzle made of two
    to four numbers with one-letter names (a, b, c of the sum puzzle); () for any other puzzle."""
    if lex.number_pair is not None:
        return lex.number_pair
    names = tuple(v.name for v in lex.puzzle.variables)
    if 2 <= len(names) <= 4 and all(len(n) == 1 and n in lex.numeric for n in names):
        return names
    return ()


# "所以三个数已经两两不同了", "all three numbers are different", "pairwise distinct" (not "not all different",
# "不一定互不相同")
_ALL_DIFFERENT = re.compile(r"(?<!不是)(?<!不)(?<!不一定)(?<!未必)(?<!不一定是)(?<!未必是)(?:两两不同|两两不相等|两两不等|互不相等|互不相同|各不相同)|"
                            r"(?i:(?<!not )\ball\s+(?:three\s+|the\s+three\s+|the\s+)?(?:numbers\s+)?(?:are\s+)?"
                            r"(?:pairwise\s+)?(?:different|distinct)\b|(?<!not )\bpairwise\s+(?:different|distinct)\b|"
                            r"\b(?:none\s+of\s+(?:the\s+)?(?:three\s+)?numbers|no\s+two(?:\s+of\s+(?:the\s+)?(?:three\s+)?"
                            r"numbers)?)\s+(?:can\s+be|could\s+be|are|is)\s+(?:equal|the\s+same)\b)|"
                            r"(?<!有)没有(?:任何)?两个数相等|(?:任何|任意)两个数都不相等")
# (and "none of the three numbers can be equal", "no two are the same", "没有两个数相等"; not "有没有两个数相等", whether)
# The worlds where two of the numbers are equal, said removed: "rules out every triple with two equal numbers", "the
# triples with a repeated number are all gone", "有两个数相等的情况都被排除了"
_EQUAL_CLASS = re.compile(r"(?i:(?P<verb>\b(?:rules?\s+out|ruled\s+out|eliminat\w*|exclud\w*|removes?|removed|kills?|"
                          r"killed|clears?\s+out|cleared\s+out)\s+)?(?:(?:every|all(?:\s+the)?|the|any|each)\s+"
                          r"(?:triples?|cases?|worlds?|possibilit\w+|combinations?)\s+(?:with|where|in\s+which|having)\s+"
                          r"(?:two|some|a\s+pair\s+of)\s+(?:equal|identical|repeated)\s+(?:numbers|entries|values)|"
                          r"(?:every|all(?:\s+the)?|the|any)\s+(?:triples?|cases?)\s+"
                          r"(?:with|that\s+ha(?:s|ve)|having)\s+(?:a\s+)?(?:repeated|duplicated?)\s+"
                          r"(?:number|value|entry)))|"
                          r"(?:(?:有)?两个数相等|(?:凡是)?(?:含有|含|带有)(?:两个)?(?:相等|相同|重复)(?:的)?数)的"
                          r"(?:情况|三元组|组合)(?P<zh>(?:在这一?步|这一?步|这里)?(?:就|也)?(?:全部|都|也)?"
                          r"(?:被[^，。,;；\n]{0,12}?)?(?:排除|去掉))?")  # ("凡是含有相等数的三元组在这一步就全部被排除了")


@functools.lru_cache(maxsize=64)
def _relation_patterns(names: tuple[str, ...]) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """The relations between the puzzle's numbers `names`, compiled once per set of names: "x ≠ y" (any comparison),
    "so a ≠ 2c" and "hence c ≠ a + b" (≠ only: "a = 2b" is a case's value, as a rule). None is read inside a longer
    expression ("b = c" of "a + b = c", "b = a ± 1")."""
    name = "(" + "|".join(re.escape(n) for n in names) + ")"
    start, end = r"(?<![A-Za-z0-9_+\-−–×·*/])", r"(?![A-Za-z0-9_(]|\s*[+\-−–×·*/^±∓])"
    return (re.compile(start + name + r"\s*(≠|!=|<=|>=|≤|≥|=|<|>)\s*" + name + end),
            re.compile(start + name + r"\s*(≠|!=)\s*([2-9])\s*[*×·]?\s*" + name + end),
            re.compile(start + name + r"\s*(≠|!=)\s*" + name + r"\s*\+\s*" + name + end))


_ASKED_WHETHER = re.compile(r"(?i:\b(?:whether|decide\s+if|ask(?:s|ed)?\s+if|check\s+if)\b)[^.;:!?\n]*$|"
                            r"(?:是否|是不是|有没有)[^。；;：:！？\n]*$")


def _relations(lex: Lexicon, sentence: str) -> list[ClaimRecord]:
    """"hence x ≠ y": a relation between two of the puzzle's numbers (kind "term bound"); "the pairs with x = y
    are eliminated": the relation ruled out (an exclusion, credited when a statement is named); "两两不同": every
    pair of them different."""
    names = _relation_vars(lex)
    out = []
    reading = VALUES
    row = _AGENT_ROW.match(sentence)
    if row is not None and any(t.kind == "agent" for t in lex.scan(row.group(1))):
        reading = CASE  # "| 爱丽丝 | b、c | b ≠ c |" under "what her "I don't know" means": her statement's, not the stage's
    for m in _ALL_DIFFERENT.finditer(sentence):
        if len(names) < 3 and not m.group(0).startswith(("两两", "互不", "各不")):
            continue  # "all different" of two numbers is said as "x ≠ y"
        if _ASKED_WHETHER.search(sentence, max(0, m.start() - 80), m.start()) is not None:
            continue  # "just decide whether, after three "I don't know"s, the three numbers must be pairwise
            # distinct": the question, not its answer
        pairs = [("Compare", "!=", ("Var", a), ("Var", b)) for n, a in enumerate(names) for b in names[n + 1:]]
        out.append(record("term bound", junction_key("And", pairs), (), sentence.strip(), m.start(), m.end(), False,
                          reading=reading))
    for m in _EQUAL_CLASS.finditer(sentence) if len(names) >= 3 else ():  # "rules out every triple with two equal
        # numbers", "有两个数相等的情况都被排除": no two of the numbers are equal
        gone = m if m.group("verb") or m.group("zh") else _OUT_AFTER.match(sentence, m.end())
        if gone is not None:
            pairs = [("Compare", "=", ("Var", a), ("Var", b)) for n, a in enumerate(names) for b in names[n + 1:]]
            out.append(record("exclusion", ("Not", junction_key("Or", pairs)), (), sentence.strip(), m.start(),
                              gone.end(), False, reading=EXCLUSION))
    pattern, scaled, summed = _relation_patterns(names)
    found = [(m, m.group(3)) for m in pattern.finditer(sentence)] + \
        [(m, ("Arith", "*", ("Const", int(m.group(3))), ("Var", m.group(4))))
         for m in (scaled.finditer(sentence) if any(c.isdigit() for c in sentence) else ())] + \
        [(m, ("Arith", "+", ("Var", m.group(3)), ("Var", m.group(4))))
         for m in (summed.finditer(sentence) if "+" in sentence else ()) if m.group(3) != m.group(4)]
    for m, right in found:
        if m.group(1) == m.group(len(m.groups())) or \
                _IN_EXPRESSION.search(sentence, max(0, m.start() - 6), m.start()):
            continue  # (not "b = c" of "a + b = c")
        key = ("Compare", _RELATION_OPS[m.group(2)], ("Var", m.group(1)), ("Var", right) if isinstance(right, str)
               else right)
        named = _NAMED_RELATION.match(sentence, m.end())  # "the x = y possibility is gone": a noun after it
        if named or _DESCRIBED.search(sentence, max(0, m.start() - 10), m.start()):  # "the pairs with x = y …"
            gone = _OUT_AFTER.match(sentence, named.end() if named else m.end()) or \
                (m if _OUT_DESCRIBED.search(sentence, max(0, m.start() - 120), m.start()) else None) or \
                (named if named and _ZH_OUT_BEFORE.search(sentence, max(0, m.start() - 10), m.start()) else None)
            if gone is None:  # ("P's statement also rules out every pair with x = y": the verb first)
                continue
            out.append(record("exclusion", ("Not", key), (), sentence.strip(), m.start(), gone.end(), False,
                              reading=EXCLUSION))
            continue
        if _POSSIBLE_AFTER.match(sentence, m.end()) is not None or _UNSETTLED_AFTER.match(sentence, m.end()):
            continue  # "So a = c survives Alice's statement": the relation still possible, not holding everywhere;
            # "Sanity check on a ≠ b: not yet guaranteed": a question left open, not a claim
        gone = _OUT_AFTER.match(sentence, m.end()) or _IMPOSSIBLE_AFTER.match(sentence, m.end()) or \
            (m if _OUT_BEFORE.search(sentence, max(0, m.start() - 24), m.start()) else None) or \
            (m if _NONE_HAS.search(sentence, max(0, m.start() - 40), m.start()) else None) or \
            (m if _NEITHER_BEFORE.search(sentence, max(0, m.start() - 12), m.start()) else None) or \
            _listed_out(pattern, sentence, m.end())  # "排除了 a = c", "b = c、a = c、a = b 三种相等的情况都被排除了"
        if gone is not None:  # "Hence a = b is impossible", "a = b 的情况被排除": the relation ruled out
            out.append(record("exclusion", ("Not", key), (), sentence.strip(), m.start(), gone.end(), False,
                              reading=EXCLUSION))
            continue
        if any(_OR_GAP.fullmatch(sentence, o.end(), m.start()) or _OR_GAP.fullmatch(sentence, m.end(), o.start())
               for o, _ in found if o is not m):
            continue  # "The equal pairs left are a = b or a = c": one or the other, neither holding everywhere
        in_row = _ROW_CELL_BEFORE.search(sentence, 0, m.start()) is not None  # "| b = c | Alice (a = 2b) | …": a case
        restating = _RESTATING.search(sentence, max(0, m.start() - 16), m.start()) is not None and \
            m.group(2) == "="  # "1. |b − c| = 0, i.e. b = c.": the condition before it, said again
        arrow = _CONDITION_ARROW.match(sentence, m.end()) is not None  # "b = c and b + c > 50 → a = 2b": a condition
        taken = _TAKEN_BEFORE.search(sentence, max(0, m.start() - 24), m.start()) is not None or \
            (key[1] == "=" and _CASE_COLON.match(sentence, m.end()) is not None)  # "Take a = c first.", "Now a = b:
        # example (7, 7, 14)" (but "b ≠ c: Alice would know otherwise" concludes)
        taken = taken or _SUPPOSED_AFTER.match(sentence, m.end()) is not None or \
            _ZH_WHEN_AFTER.match(sentence, m.end()) is not None or \
            _WHEN_LISTED.search(sentence, max(0, m.start() - 80), m.start()) is not None  # "a = b = c would need a =
        # a + a", "Alice knows exactly when one option dies: b = c or …": a case named, not a claim
        out.append(record("term bound", key, (), sentence.strip(), m.start(), m.end(), False,
                          reading=CASE if in_row or restating or arrow or taken else reading))
    return out


# A relation taken as a case to look at: "Take a = c first", "Consider the case a = b", "看 a = c 的情况"
_TAKEN_BEFORE = re.compile(r"(?i:\b(?:take|consider|try|suppose|assume|assuming|supposing|allowing|permitting|"
                           r"(?:if\s+we\s+|we\s+)?(?:allow|permit)|case|cases?\s+of|"
                           r"the\s+case\s+(?:where|that|of|with)|unless|whenever|except\s+(?:when|if))\s*$)|"
                           r"(?:考虑|看看?|假设|假如|设|除非|允许)\s*$")  # ("Two options unless b = c": a condition;
# "Allowing x = y adds ambiguities": a rule of the variant, no claim that x = y)
_CASE_COLON = re.compile(r"\s*(?:\*\*)?\s*[:：]\s")
# After a relation: what it would take or give, a supposition ("a = b = c would need a = a + a")
_SUPPOSED_AFTER = re.compile(r"(?:\s*=\s*[A-Za-z]\b)?\s+(?i:(?:would|might)\s+(?:need|require|mean|give|force|imply|"
                             r"make|leave|be)|means|implies|requires|needs|forces)\b")  # ("b = c means a = 0")
_ZH_WHEN_AFTER = re.compile(r"\s*(?:的时候|时候|时|的话|的情况下)")  # "a = b的时候，c = 2a": when a = b, a case
# Before a relation: the cases in which something happens, listed after a colon ("Alice knows exactly when one option
# dies: b = c or b + c > 50", "…恰好在以下情况：")
_WHEN_LISTED = re.compile(r"(?i:\b(?:exactly\s+when|only\s+when|precisely\s+when|whenever|iff|if\s+and\s+only\s+if)\b"
                          r"[^.;:!?\n]{0,60}[:：]\s*$)|(?:当且仅当|只有当|恰好当)[^。；：\n]{0,30}[:：]\s*$")
_NEITHER_BEFORE = re.compile(r"(?i:\b(?:neither|nor)\s+$)")  # "so neither a = b nor a = c"
_OR_GAP = re.compile(r"\s*(?:,\s*)?(?:(?i:or|either)|或者?|还是|/)\s*")
# What leaves a relation open: "a ≠ b: not yet guaranteed", "a ≠ b is not known yet", "a ≠ b 还不能保证"
_UNSETTLED_AFTER = re.compile(r"\s*(?:[:：,，]\s*|\s(?i:is|was)\s+)(?i:(?:still\s+)?not\s+(?:yet\s+|necessarily\s+)?"
                              r"(?:guaranteed|known|established|settled|certain|forced|proven|proved|clear|sure)\b|"
                              r"(?:still\s+)?(?:open|unclear|undecided|unknown)\b)|"
                              r"\s*[:：,，]?\s*(?:还|仍然|仍|尚)?(?:不能保证|不一定|不确定|未确定|不清楚|没有保证)")


# A relation no candidate has: "no pair has x = y", "none of the pairs satisfies a = b", "没有一组满足 a = b"
_NONE_HAS = re.compile(r"(?i:\b(?:no|none\s+of\s+the)\s+(?:\w+\s+){0,2}?(?:has|have|with|satisfies|satisfy|where)\s*$)|"
                       r"没有(?:一组|一对|任何)?[^，。,.\s]{0,4}(?:满足|是|有)\s*$")


def _listed_out(pattern: re.Pattern, sentence: str, at: int) -> re.Match | None:
    """The removal after a list of relations that `at` ends one of ("b = c、a = c、a = b 三种相等的情况都被排除了",
    "b = c, a = c and a = b are all eliminated"), or None."""
    while (gap := _RELATION_GAP.match(sentence, at)) is not None and (nxt := pattern.match(sentence, gap.end())):
        at = nxt.end()
    return _LIST_OUT.match(sentence, at) if at > 0 else None


_RELATION_GAP = re.compile(r"\s*(?:[,，、]\s*(?:(?i:and|or)\s+)?|\s(?i:and|or)\s+|和|与|或)\s*")
_LIST_OUT = re.compile(r"\s*(?i:(?:are|were)\s+(?:all\s+|also\s+|then\s+)*(?:out|gone|eliminated|excluded|ruled\s+out|"
                       r"removed|impossible)\b)|\s*(?:这)?(?:[一两二三四五六七八九\d]种)?(?:相等的)?(?:情况|可能)?(?:都|也|全)*"
                       r"(?:被[^，。,;；\n]{0,12}?)?(?:排除|去掉|不可能)")


_RESTATING = re.compile(r"(?:=\s*\d+|[)|）])\s*[,，]?\s*(?:(?i:i\.\s?e\.|that\s+is|meaning),?|即|也就是)\s*$")
_IN_EXPRESSION = re.compile(r"[+\-−–×·*/]\s*$")  # an operator right before a relation's first name
_OUT_BEFORE = re.compile(r"(?:排除|去掉|淘汰|删掉|划掉)了?\s*$|(?i:\b(?:rules?\s+out|ruled\s+out|eliminat\w*|exclud\w*|"
                         r"removes?|removed|drops?|dropped|kills?|"
                         r"killed)\s+(?:the\s+)?(?:case\s+|possibility\s+|option\s+)?$)")
_OUT_DESCRIBED = re.compile(r"(?i:\b(?:rules?\s+out|ruled\s+out|eliminat\w*|exclud\w*|removes?|removed|kills?|killed)"
                            r"\s+(?:[^.;:!?\n]{1,50}?,?\s+(?:and|as\s+well\s+as)\s+(?:also\s+)?)?"
                            r"(?:every|all(?:\s+the)?|the|any|each)\s+"
                            r"(?:pairs?|triples?|cases?|worlds?|possibilit\w+)"
                            r"\s+(?:with|where|in\s+which|having)\s+$)")  # "rules out every pair with x = y", "rules out
# products of two primes, and also any pair with x = y"
_ZH_OUT_BEFORE = re.compile(r"(?:排除|去掉|删去|删掉|划掉|淘汰)了?\s*(?:所有|全部)?\s*$")  # "就排除了a = c的情形"
_AGENT_ROW = re.compile(r"\s*\|([^|\n]{1,40})\|")
_POSSIBLE_AFTER = re.compile(r"\s*(?i:(?:still\s+|also\s+)?(?:survives?|survived|remains?\s+possible|stays?\s+possible|"
                             r"(?:is|are)\s+(?:still\s+)?(?:possible|alive|allowed))\b)|"
                             r"\s*(?:的情况)?(?:仍然|仍|还|依然|也)?(?:是|有)?(?:可能|存活|活下来|留下|保留)")
_IMPOSSIBLE_AFTER = re.compile(r"\s*(?i:(?:is|are)\s+(?:also\s+)?(?:impossible|not\s+possible|ruled\s+out)|"
                               r"(?:can't|cannot|can\s+not|couldn't|could\s+not)\s+"
                               r"(?:happen|occur|hold|be\s+the\s+case|survive|stay|remain))\b|"
                               r"\s*(?:也)?(?:是)?不可能的?")  # ("And a = b can't happen either", "can't survive")


_PLURAL_TERMS = frozenset({"sums", "products"})


_FOR_BEFORE = re.compile(r"(?i:\b(?:for|when|if|with|once)\s+(?:the\s+|a\s+|any\s+)?)$|(?:当|如果|若|对于)\s*$")


_QUALIFIED_TERM = re.compile(r"(?i:\b(?:even|odd|prime|composite)\s+$)|(?:偶数|奇数|质数|素数)的?\s*$")


def _term_bounds(raw: list, sentence: str) -> list[ClaimRecord]:
    """"x + y ≤ 54", "the sum is at most 54", "the sum is odd", "和是奇数": a bound or the parity of an observed term
    (kind "term bound"), one comparison right after the term and its verb."""
    out = []
    for i, t in enumerate(raw):
        if t.kind != "attr" or not isinstance(t.payload, tuple) or t.payload[0] != "@term":
            continue
        run, end = [], t.end
        for u in raw[i + 1:]:
            if u.kind not in ("copula", "only", "past", "now", "neg") or u.start - end > 3 or \
                    (u.kind == "neg" and _NOT_IS.fullmatch(u.text) is None):
                break
            run.append(u)
            end = u.end
        nxt = next((u for u in raw[i + 1 + len(run):i + 2 + len(run)]), None)
        if nxt is not None and nxt.kind == "cmp" and nxt.start - end <= 3 and nxt.text.lower() in _CMP_OPS and \
                not any(ch in sentence[end:nxt.start] for ch in "、,，;；"):  # "…为质数的和、≥ 55 的和": a list
            m = _BOUND_NUMBER.match(sentence, nxt.end)
            if m is None:
                continue
            op = _CMP_OPS[nxt.text.lower()]
            if _CMP_BEFORE.search(sentence, max(0, t.start - 12), t.start) is not None:
                continue  # "55 ≤ s ≤ 152 is out": a range of the term, not one bound (unread)
            if _NO_BEFORE.search(sentence, max(0, t.start - 12), t.start) is not None and \
                    _RESTRICTION_AFTER.match(sentence, m.end()) is not None:
                continue  # "没有 x + y ≤ 100 的限制", "without the x + y ≤ 100 constraint": not this puzzle's
            if _DENIED_TERM.search(sentence, max(0, t.start - 12), t.start) is not None:
                continue  # "限制是 y ≤ 99，不是 x + y ≤ 100", "rather than x + y ≤ 100": the bound denied (unread)
            if _QUALIFIED_TERM.search(sentence, max(0, t.start - 12), t.start) is not None:
                continue  # "So every even s ≥ 8 is out": the even ones of the bound, not all of it (unread)
            # "| s ≥ 55 | 53 + … | excluded |", "**s ≥ 55** — the split 53 + …", "- s ≥ 55 → 53·m …": a case set out,
            # then judged; "s ≥ 55 全部排除", "every sum ≥ 55 is out": the bound ruled out
            case = _ROW_CELL_BEFORE.search(sentence, 0, t.start) is not None or \
                _CASE_DASH.match(sentence, m.end()) is not None or _ARROW_AFTER.match(sentence, m.end()) is not None \
                or _BOUND_LABEL.match(sentence, m.end()) is not None \
                or _FOR_BEFORE.search(sentence, max(0, t.start - 12), t.start) is not None  # "for s ≥ 153 the same …"
            ruled_out = not case and (_BOUND_OUT.match(sentence, m.end()) is not None or
                                      _OUT_BEFORE.search(sentence, max(0, t.start - 30), t.start) is not None)
            # ("排除 s ≥ 55", "this rules out s ≥ 55": the bound ruled out, the verb before it)
            if not case and not ruled_out and (_QUANTIFIED.search(sentence, max(0, t.start - 10), t.start) or
                                               t.text.lower() in _PLURAL_TERMS):
                continue  # "every sum ≥ 55 …", "sums ≥ 55 …": a class of values as the subject, not the term's bound
            key = ("Compare", FLIPPED[op] if ruled_out else op, t.payload[1], ("Const", int(m.group(1))))
            out.append(record("term bound", key, (), sentence.strip(), t.start, m.end(), False,
                              reading=CASE if case else VALUES))
            continue
        m = _NOT_TWO_PRIMES.match(sentence, t.end) if t.payload[1][:2] == ("Arith", "+") else None
        if m is not None:  # "so the sum is not a sum of two primes", "和不能写成两个素数之和": Goldbach's class ruled out
            key = ("Not", ("Member", t.payload[1], two_prime_sums(bool(m.group("distinct") or m.group("zd")))))
            out.append(record("term bound", key, (), sentence.strip(), t.start, m.end(), False, reading=VALUES))
            continue
        m = _PARITY_AFTER.match(sentence, end)
        if m is not None and run:
            odd = ((m.group(1) or m.group(2)).lower() in ("odd", "奇数")) != any(u.kind == "neg" for u in run)  # "和不是偶数"
            key = ("Compare", "=", ("Arith", "mod", t.payload[1], ("Const", 2)), ("Const", 1 if odd else 0))
            named = _NAMED_RELATION.match(sentence, m.end())
            if named is None:  # ("- s 为偶数：由哥德巴赫猜想…，P 能确定。排除。": a parity as a line's label, a case; not
                # "the sum must be odd: every even number …", a conclusion and its reason)
                label = _BOUND_LABEL.match(sentence, m.end()) is not None and \
                    _LINE_OPENING.search(sentence, 0, t.start) is not None
                out.append(record("term bound", key, (), sentence.strip(), t.start, m.end(), False,
                                  reading=CASE if label else VALUES))
            elif _CLASS_OUT.match(sentence, named.end()) is not None:  # "和为偶数的情况…被排除了": the class goes
                out.append(record("exclusion", ("Not", key), (), sentence.strip(), t.start, m.end(), False,
                                  reading=CLASS))  # (certain when credited to a statement)
    return out


# The class named goes, later in its sentence: "…的情况，在P说第一句话的时候就已经被排除了", "… cases are ruled out"
_CLASS_OUT = re.compile(r"[^。.;；!?！？\n]{0,40}?(?:排除|去掉|淘汰|(?i:\b(?:ruled\s+out|eliminated|excluded|removed|gone)\b))")


_NOT_TWO_PRIMES = re.compile(r"(?i:\s+(?:is\s+not|isn't|is\s+never|cannot\s+be|can't\s+be|can\s+not\s+be|must\s+not\s+be|"
                             r"is\s+no)\s+(?:written\s+|expressed\s+|expressible\s+|writable\s+|split\s+)?(?:as\s+)?"
                             r"(?:a|the|any)?\s*sum\s+of\s+two\s+(?P<distinct>distinct\s+|different\s+)?primes\b)|"
                             r"\s*(?:不能|不可能|无法|不)(?:写成|表示成|拆成|分成|是)两个(?P<zd>不同的?)?(?:素数|质数)(?:之和|的和)")
_DENIED_TERM = re.compile(r"(?i:\b(?:not|rather\s+than|instead\s+of)\s*)$|(?:不是|并非|而不是|而非)\s*$")
_NO_BEFORE = re.compile(r"(?i:\b(?:no|without(?:\s+(?:the|a|any))?|drops?(?:\s+the)?)\s*)$|(?:没有|无|不再有|去掉了?)\s*$")
_RESTRICTION_AFTER = re.compile(r"(?i:\s+(?:restriction|constraint|condition|limit|requirement|rule|cap)s?\b)|\s*的?"
                                r"(?:限制|约束|条件|要求|上限)")


_CRITERION_AFTER = re.compile(r"(?i:\s+(?:the|this|that|a|its|one)\s+(?:[^.,;:!?\n]{0,40}?\s)?(?:test|check|filter|"
                              r"criterion|condition|requirement)s?\b|[^.,;:!?\n]{0,40}?\bon\s+its\s+own\b)")


_DATE_LIST_GAP = re.compile(r"(?:日|号)?" + _LIST_GAP.pattern)  # ("4月19日和6月19日都还在": a list)
_CAN_ZH = ("可以", "能", "可")  # "所以梅花可以保留": can be kept, said of the stage


def _survival_records(lex: Lexicon, sentence: str) -> list[ClaimRecord]:
    """"May stays", "so 9 survives S's statement", "所以梅花也可以": the value right before the word is still
    possible at the stage (strategies.Survives). Only one value, right before, with nothing but "also" between."""
    out = []
    toks = tokens(lex, sentence)
    for m in _SURVIVES.finditer(sentence):
        before = [t for t in toks if t.end <= m.start() and not (t.kind == "modal" and t.text in _CAN_ZH)]
        pronoun = _PRONOUN_SURVIVOR.search(sentence, max(0, m.start() - 16), m.start())
        every = _ALL_SURVIVE.fullmatch(sentence, before[-1].end, m.start()) if before else None
        if every is not None and before[-1].kind == "value":  # "May, July and August all stay in play": each value
            listed = [before[-1]]  # of the list, still possible (a list of pairs or worlds is mostly a case's: "With
            # 23, (4, 19), (7, 16) and (10, 13) all survive")
            for t in reversed([u for u in before[:-1] if u.kind != "sep" or u.text not in _LIST_COMMAS]):
                if t.kind != "value" or t.payload[0] != listed[0].payload[0] or \
                        _DATE_LIST_GAP.fullmatch(sentence, t.end, listed[0].start) is None:
                    break
                listed.insert(0, t)
            if len(listed) >= 2 and _CRITERION_AFTER.match(sentence, m.end()) is None:
                out += [record("possible", possible_key(lex, t), (), sentence.strip(), t.start, m.end(), False,
                               reading=POSSIBLE) for t in listed]
            continue
        if pronoun is not None and (case := _opened_case(toks, sentence)) is not None:
            before = [case]  # "For b = 1, Anne could be 0 or 2, so he doesn't know — that one stays": the case
        elif not before or before[-1].kind not in ("value", "tuple") or \
                not _SURVIVOR_GAP.fullmatch(sentence, before[-1].end, m.start()):
            continue
        prev = next((t for t in reversed(before[:-1]) if t.kind != "sep" or t.text not in _LIST_COMMAS), None)
        if prev is not None and prev.kind == "agent" and _HOLDING.fullmatch(sentence, prev.end, before[-1].start):
            continue  # "Albert with August is fine at step one": the case where he holds it, not the stage
        if _CRITERION_AFTER.match(sentence, m.end()) is not None:
            continue  # "17 March survives the "Bernard doesn't know" test on its own": one criterion, not the stage
        if prev is not None and prev.kind == before[-1].kind and \
                _DATE_LIST_GAP.fullmatch(sentence, prev.end, before[-1].start) is not None \
                and (prev.kind == "tuple" or prev.payload[0] == before[-1].payload[0]):
            continue  # "May and June stay", "(2, 9), (3, 8), (4, 7) survive": a list, read elsewhere if at all
        key = possible_key(lex, before[-1])  # ("(2, 15) survives P's statement")
        at = pronoun.start() if pronoun is not None and before[-1].end < pronoun.start() else before[-1].start
        labelled = before[-1].kind == "tuple" and _SUM_LABEL.match(sentence) is not None  # "47: 47 − 4 = 43 is
        # prime, so (4,43) survives": a pair surviving within its sum's row, not the stage
        out.append(record("possible", key, (), sentence.strip(), at, m.end(), False,
                          reading=CASE if labelled else POSSIBLE))
    return out


def possible_key(lex: Lexicon, t: Token) -> tuple:
    """The key of "still possible" for a value token or a whole world's tuple token."""
    if t.kind == "tuple":
        return ("Possible", tuple(sorted(t.payload.items(), key=lambda vc: lex.order.get(vc[0], 0))))
    return ("Possible", *t.payload)


# A line labelled by a number ("47: …", "- **s = 47**: …")
_SUM_LABEL = re.compile(r"[\s>*\-•]*(?:\*\*)?(?:(?i:sum|s)\s*=?\s*)?\d{1,4}(?:\*\*)?\s*[:：]")
# A survivor named by a pronoun: "that one stays", "so it survives", "这种情况保留"
_PRONOUN_SURVIVOR = re.compile(r"(?i:\b(?:it|that\s+one|this\s+one|that\s+case|this\s+case|that\s+pair|this\s+pair)"
                               r"\s+(?:also\s+|still\s+)?$)|(?:这种情况|这个情况|这一种|这一对|它)(?:也|就|还|仍然|仍)?(?:可以|能)?$")
# The case a sentence opens on: "For b = 1, …", "If clubs: …", "- **b = 9:** …", "b = 9时，…", "如果是梅花，…"
# (opened by a case word, a bullet, or "时" / "的话")
_CASE_OPENER = re.compile(r"(?P<lead>[\s>*\-•]*)(?:\*\*)?(?P<word>(?i:for|if|with|when|suppose)\s+|如果|假如|若|当)?"
                          r"(?P<case>[^,，:：;；.。\n]{1,24}?)(?:\*\*)?\s*(?P<when>时|的时候|的话)?(?:\*\*)?\s*[,，:：]")


def _opened_case(toks: list[Token], sentence: str) -> Token | None:
    """The one value (or tuple) a sentence opens its case on ("For b = 1, …", "- b = 9: …", "b = 9时，…"), or None."""
    m = _CASE_OPENER.match(sentence)
    if m is None or not (m.group("lead") or m.group("word") or m.group("when") or "时" in m.group("case") or
                         "的话" in m.group("case")):
        return None
    named = [t for t in toks if m.start("case") <= t.start < m.end("case")]
    if len(named) == 0 or any(t.kind not in ("value", "tuple", "attr", "copula", "if") for t in named):
        return None
    values = [t for t in named if t.kind in ("value", "tuple")]
    return values[0] if len(values) == 1 else None


# What a named agent is said to know ("Bob already knows b ≠ c when he speaks", "Carol knows both b ≠ c and a ≠ c"): a
# fact at that agent's time, which the sentence may not be at (session 45, tuning split: 13 such claims, none at or
# before a gold first error wrong, one false alarm); read as the agent's knowledge, uncertain as a claim of the stage
_KNOWABLE = frozenset({"term bound", "bound", "candidates"})
_KNOWS_OBJECT = re.compile(r"\s+(?:(?:already|also|now)\s+)*(?:knows|knew|know)\s+(?:(?:both|that)\s+)*"
                           r"(?:[^.;:,!?\n]{1,20}?\s+and\s+)?", re.IGNORECASE)


def _known_object(raw: list[Token], sentence: str, start: int) -> bool:
    """Whether the claim at `start` is the object of a named agent's knowing, right after "<agent> knows"."""
    agent = next((t for t in reversed(raw) if t.kind == "agent" and start - 40 <= t.end <= start), None)
    return agent is not None and _KNOWS_OBJECT.fullmatch(sentence, agent.end, start) is not None


def _term_list(r: ClaimRecord, case: re.Match) -> bool:
    """Whether a record is the list a case's number opens ("剩下的和是11、17、23、…": the first sum of the list read as
    a case "和是11"), not what the case leaves."""
    f = r.key.formula
    return f[0] == "Member" and f[1][0] == "Arith" and len(f[2]) >= 3 and r.start <= case.start() < r.end


def _whole_tuples_out(lex: Lexicon, r: ClaimRecord) -> bool:
    """An exclusion of whole tuples ("积为30的 (5,6)、(2,15) 在这一步也被排除了"): what it rules out does not depend on
    the case it is said under, unlike a list of what a case leaves."""
    if r.kind != "exclusion" or r.key.formula[0] != "Not" or not lex.question_vars:
        return False
    inner = r.key.formula[1]
    items = inner[1] if inner[0] == "Or" else (inner,)
    names = set(lex.question_vars)
    return all(item[0] == "And" and {p[2][1] for p in item[1] if p[0] == "Compare" and p[2][0] == "Var"} == names
               for item in items)


def _excludes_topic_case(r: ClaimRecord, own: tuple, several: bool = False) -> bool:
    """"18：…，所以也排除3月18": an exclusion of one tuple that has the topic's value (March 18 under day 18), the
    row's own verdict on its case, not a case of it; with `several`, of tuples that all have it ("所以第一位是红的时候
    第二位也能知道，排除红白白、红红白": the case's verdict on its worlds)."""
    if r.kind != "exclusion" or not own or r.key.formula[0] != "Not":
        return False
    inner, eq = r.key.formula[1], own[1][1]
    tuples = inner[1] if several and inner[0] == "Or" else (inner,)
    return all(t[0] == "And" and eq in t[1] for t in tuples)


def _topic_exclusions(lex: Lexicon, sentence: str, topic: int) -> tuple:
    """The keys that exclude the topic value itself ("v != c", "not v = c")."""
    value = next((t for t in tokens(lex, sentence) if t.end == topic and t.kind == "value"), None)
    return () if value is None else _exclusions_of(value)


def _exclusions_of(value: Token) -> tuple:
    """The keys that exclude one value token's value: "v != c", "not v = c"."""
    var, code = value.payload
    eq = ("Compare", "=", ("Var", var), ("Const", code))
    return (("Compare", "!=", ("Var", var), ("Const", code)), ("Not", eq))


def _topic_at(raw: list, sentence: str) -> int | None:
    """Where a one-value topic ends, when a clause opens on one ("With a Q, only ♥Q remains"), else None."""
    for t in raw:
        if t.kind not in ("value", "number", "ambig"):
            continue
        before = sentence[max(0, t.start - 24):t.start]
        if (_TOPIC_AFTER.match(sentence, t.end) and _TOPIC_BEFORE.search(before)) or \
                (_TOPIC_OPENING.match(sentence, t.end) and _TOPIC_START.search(sentence, 0, t.start)):
            return t.end
    return None


_TERM = r"\d{1,7}(?:\s*[+*×·−-]\s*\d{1,7}){0,6}"
# Not inside a longer token; a Chinese measure word may follow ("3 − 1 = 1张"), a letter, digit or "²" may not.
# (after a Han character too: "和9 + 8 + 2 = 18")
_ARITHMETIC = re.compile(r"(?:(?<=[\u4e00-\u9fff])|(?<![\w.·×*+−^-]))(?<!\d,)" + _TERM + r"(?:\s*=\s*" + _TERM +
                         r")+(?![·×*+−^-]|(?![\u4e00-\u9fff])\w)(?!\.\d)(?!,\d{3}(?!\d))(?!\s*[·×*+−^]\s*\d)")
# ("578 = 2 · 17^2": a power, not read; "1,275 − 25 = 1,250": thousands, not read as "275 − 25 = 1"; "= 2 × 17²":
# not cut back to "= 2" before an operation the pattern does not take)
_TERM_PARTS = re.compile(r"(\d+)\s*([+*×·−-])\s*(\d+)")
_OPS = {"+": "+", "*": "*", "×": "*", "·": "*", "−": "-", "-": "-"}


_OPERATOR_BEFORE = re.compile(r"[+*×·−/÷-]\s*$")  # ("98·97/2 + 98 = 4753 + 98": a quotient before the sum)
_BULLET_BEFORE = re.compile(r"(?:^|\n)[ \t]*[-*•][ \t]+$")
_SPLIT_TERM = re.compile(r"\s*([+*×·−-])\s*")


def _scoped(reading: str | None, r: ClaimRecord) -> str:
    """A claim's reading inside a scope; a hypothetical is its own supposition ("if ... would ..."), and who holds
    what is the puzzle's set-up, not part of one ("if Q had the K": Q is told the rank)."""
    if reading is None or (r.kind in ("hypothetical", "case knowledge", "told", "arithmetic") and reading == SUPPOSED) or \
            (r.kind == "arithmetic" and reading in (HEDGED, MODAL, CONDITIONAL, CROSSED)):  # (a sum holds in every world: "in a
        # three-muddy world a muddy child sees 3 − 1 = 2", "c could be 20 + 35 = 45 or 15"; "8 + 7 = 16 ✗": the sum
        # fails the test, it is not withdrawn)
        return r.reading
    return reading


def _shorthand(r: ClaimRecord, pairs: bool) -> ClaimRecord:
    """"42 → 2·21 = 23", "51: 17 + 34 = 578": in a puzzle about a pair of numbers, a false product whose right
    side is the factors' sum (or the reverse) is the writer's shorthand for "the pair 2, 21 has sum 23", not a
    slip: read it as loose. Elsewhere a false sum stays a slip ("3 + 2 = 6 dates removed")."""
    if r.kind != "arithmetic" or not pairs:
        return r
    _, _, left, right = r.key.formula
    for a, b in ((left, right), (right, left)):
        if a[0] == "Arith" and a[2][0] == "Const" and a[3][0] == "Const" and b[0] == "Const":
            x, y, c = a[2][1], a[3][1], b[1]
            value = x + y if a[1] == "+" else x - y if a[1] == "-" else x * y
            other = x * y if a[1] == "+" else x + y
            if value != c and other == c:
                return r.read_as(LOOSE)
    return r


def _term_key(text: str) -> tuple:
    """`3 + 6 + 5 + 2` as a left-nested term key (operations of equal precedence only; else a product first)."""
    parts = _SPLIT_TERM.split(text.strip())
    key: tuple = ("Const", int(parts[0]))
    ops = {_OPS[o] for o in parts[1::2]}
    if len(ops) > 1 and "*" in ops:
        return ("Mixed", text.strip())
    for op, n in zip(parts[1::2], parts[2::2]):
        key = ("Arith", _OPS[op], key, ("Const", int(n)))
    return key


def _arithmetic(sentence: str) -> list[ClaimRecord]:
    """"4 + 13 = 17", "18 = 2·9 = 3·6": each equation between written numbers with an operation on one
    side, true or false whatever the stage."""
    out = []
    for m in _ARITHMETIC.finditer(sentence):
        if _OPERATOR_BEFORE.search(sentence, max(0, m.start() - 3), m.start()) and \
                not _BULLET_BEFORE.search(sentence, 0, m.start()):
            continue  # the start of a longer expression the pattern does not read ("- 47 − 2 = 43": a bullet)
        terms = m.group(0).split("=")
        keys = [_term_key(x) for x in terms]
        if any(k[0] == "Mixed" for k in keys):
            continue
        for left, right in zip(keys, keys[1:]):
            if left[0] == "Const" and right[0] == "Const":
                continue
            key = ("Compare", "=", left, right)
            out.append(record("arithmetic", key, (), m.group(0), m.start(), m.end(), False, reading=ARITHMETIC))
    for m in _LABELLED_SUM.finditer(sentence) if "(" in sentence or "（" in sentence else ():
        addends = [int(n) for n in re.findall(r"[(（](\d{1,4})[)）]", m.group("terms"))]
        key = ("Const", addends[0])
        for n in addends[1:]:
            key = ("Arith", "+", key, ("Const", n))
        out.append(record("arithmetic", ("Compare", "=", key, ("Const", int(m.group("total")))), (), m.group(0),
                          m.start(), m.end(), False, reading=ARITHMETIC))
    return out


# Sums and products said in words: "the sum of 24 and 29 is 43", "24 and 29 add up to 43", "24 plus 29 is 43",
# "if Alice saw 24 and 29, the sum is 43", "24和29的和是43", "24加29等于43"
_WORDED_QUICK = re.compile(r"(?i:\bsum|\bproduct|\btotal|\badd|\bplus\b|\btimes\b|\bmultipl)|和|积|加|乘|"
                           r"(?:→|->|⇒)\s*[pP]\s*=")
_N_START = r"(?<![\d.,·×*+−^-])(?<![\d.,·×*+−^-] )"  # not inside a longer expression
_N_END = r"(?![\d.]\d|\d|\s*[+×·*−/^-]\s*\d|\s*%|\s+or\s+\d|(?i:\s+(?:times|plus|minus)\s+\d))"  # (nor "3 or 17":
# sums of several pairs, in order; nor "30 = 2 times 15 = 3 times 10": a chain of products)
_SPLIT_START = r"(?<![\d.,·×*+−^-])(?:(?<![\d.,·×*+−^-] )|(?<=^- )|(?<=\n- ))"  # (or after a bullet: "- 4+13 → …")
_WORDED = tuple(re.compile(p + _N_END, re.IGNORECASE) for p in (
    r"\b(?P<op>sum|product|total)\s+of\s+(?P<a>\d{1,5})\s+and\s+(?P<b>\d{1,5})\s+(?:is|=|equals|would\s+be|comes\s+to|"
    r"gives|makes)\s+(?:\*\*)?(?P<n>\d{1,5})",
    _N_START + r"(?P<a>\d{1,5})\s+and\s+(?P<b>\d{1,5})\s+(?P<op>sum\s+to|add\s+(?:up\s+)?to|multiply\s+to)\s+(?:\*\*)?"
    r"(?P<n>\d{1,5})",
    _N_START + r"(?P<a>\d{1,5})\s+(?P<op>plus|times)\s+(?P<b>\d{1,5})\s+(?:is|equals|=|makes|gives)\s+(?:\*\*)?(?P<n>\d{1,5})",
    _N_START + r"(?P<a>\d{1,5})\s+and\s+(?P<b>\d{1,5})\s*,\s*(?:so\s+)?(?:the|their|whose)\s+(?P<op>sum|product)\s+"
    r"(?:is|=|would\s+be)\s+(?:\*\*)?(?P<n>\d{1,5})",
    r"(?<![\d.])(?P<a>\d{1,5})\s*(?:和|与|跟)\s*(?P<b>\d{1,5})\s*的\s*(?P<op>和|积|乘积)\s*(?:是|为|等于|=)\s*(?P<n>\d{1,5})",
    r"(?<![\d.+×·*−-])(?P<a>\d{1,5})\s*(?P<op>加上?|乘以?)\s*(?P<b>\d{1,5})\s*(?:等于|得|是|=)\s*(?P<n>\d{1,5})",
    # a split, then its product by its letter: "4+13 → p=56" (a product's split, "3·14 → s=17", is read elsewhere)
    _SPLIT_START + r"(?P<a>\d{1,5})\s*\+\s*(?P<b>\d{1,5})\s*(?:→|->|⇒)\s*(?P<op>[pP])\s*=\s*(?P<n>\d{1,5})"))


# A tuple's sum or product: "(12,4,3) sums to 18", "(2, 9) has product 18", "(12,4,3)的和是18"; then the same verb
# left out in a list: "…, (9,8,2) to 19, (9,4,4) to 17"
_TUPLE = r"[(（](?P<terms>\d{1,4}(?:\s*[,，、]\s*\d{1,4}){1,3})[)）]"
_TUPLE_WORDED = re.compile(_TUPLE + r"\s*(?i:(?P<op>sums?|adds?|multipl(?:y|ies)|has\s+(?:a\s+)?(?:sum|product)|with\s+"
                           r"(?:sum|product))\s*(?:up\s+)?(?:to|of|=|is)?\s*|的\s*(?P<zh>和|积|乘积)\s*(?:是|为|等于|=)\s*)"
                           r"(?:\*\*)?(?P<n>\d{1,5})" + _N_END)
_TUPLE_ELIDED = re.compile(r"\s*[,;，；]\s*(?:and\s+|和)?" + _TUPLE + r"\s+(?:to|→|->)\s+(?P<n>\d{1,5})" + _N_END)


# A list of tuples each giving a number, in a sentence about their sums (and not their products): "I listed the
# triples with their sums: (144, 1, 1) gives 146; (72, 2, 1) gives 75; …"
_TUPLE_GIVES = re.compile(_TUPLE + r"\s*(?i:gives|→|->|=>)\s*(?P<n>\d{1,5})" + _N_END)
_SUMS_SAID = re.compile(r"(?i:\bsums?\b|\btotals?\b)|之和|的和")
_PRODUCTS_SAID = re.compile(r"(?i:\bproducts?\b|\btimes\b)|乘积|之积")


def _worded(sentence: str) -> list[ClaimRecord]:
    """"The sum of 24 and 29 is 43", "24加29等于43", "(12,4,3) sums to 18": a sum or product said in words, an
    arithmetic claim."""
    out = []
    if _SUMS_SAID.search(sentence) is not None and _PRODUCTS_SAID.search(sentence) is None:
        out += [_worded_record(m, "+", tuple(int(t) for t in re.findall(r"\d+", m.group("terms"))), int(m.group("n")))
                for m in _TUPLE_GIVES.finditer(sentence)]
    for m in (m for pattern in _WORDED for m in pattern.finditer(sentence)):
        times = m.group("op").lower().startswith(("product", "times", "multiply", "积", "乘")) or m.group("op") in "pP"
        a, b, n = (int(m.group(g)) for g in "abn")
        out.append(_worded_record(m, "*" if times else "+", (a, b), n))
    for m in _TUPLE_WORDED.finditer(sentence):
        op = "*" if re.search(r"(?i:multipl|product)|积", m.group("op") or m.group("zh")) else "+"
        while m is not None:
            out.append(_worded_record(m, op, tuple(int(t) for t in re.findall(r"\d+", m.group("terms"))),
                                      int(m.group("n"))))
            m = _TUPLE_ELIDED.match(sentence, m.end())
    return out


def _worded_record(m: re.Match, op: str, terms: tuple[int, ...], n: int) -> ClaimRecord:
    """The arithmetic claim `terms[0] op terms[1] op … = n` read from the match `m`."""
    term: tuple = ("Const", terms[0])
    for t in terms[1:]:
        term = ("Arith", op, term, ("Const", t))
    return record("arithmetic", ("Compare", "=", term, ("Const", n)), (), m.group(0), m.start(), m.end(), False,
                  reading=ARITHMETIC)


# Counts added under their labels: "Dates removed: Mar (2) + May (3) = 6" (2 + 3 = 6)
_LABELLED_SUM = re.compile(r"(?P<terms>(?:[^\W\d][\w.]{0,12}\s*[(（]\d{1,4}[)）]\s*[+＋]\s*){1,6}[^\W\d][\w.]{0,12}\s*"
                           r"[(（]\d{1,4}[)）])\s*=\s*(?P<total>\d{1,5})(?![\d.,]\d)")


# "51 is prime", "both 2 and 51 are prime", "91 isn't a prime", "51是质数": whether written numbers are prime
_NUMBERS = (r"(?<![\w.·×*+−^-])(?<![·×*+−^≥≤<>=-] )(?<![≥≤<>=])"
            r"(?<!minus )(?<!plus )(?<!times )(?<!减)(?<!加)(?<!减 )(?<!加 )(?<!减去)(?<!减去 )"
            r"(?P<n>\d{1,6}(?:\s*(?:,|、|\band\b|和)\s*\d{1,6}){0,8})")  # (not "和减 2 不是素数": s − 2)
_PRIMALITY = re.compile(r"(?i:" + _NUMBERS + r"\s+(?:is|are)(?:\s+(?:both|all))?(?P<neg>n't|\s+not)?\s+(?:both\s+|all\s+)?"
                        r"(?:an?\s+)?(?:(?P<prime>primes?)\b|(?P<composite>composite)\b)(?!\s*(?:[+×·*]|plus\b)))|"
                        + _NUMBERS.replace("?P<n>", "?P<zn>") + r"\s*(?:都|也)?(?P<zneg>不是|是)(?:质数|素数)")
# "41 − 2 = 39, which is prime": the number before a relative clause (after an "=" too)
_WHICH_PRIME = re.compile(r"(?<![\w.])(?P<n>\d{1,6})\s*,?\s+which\s+is(?P<neg>n't|\s+not)?\s+(?:an?\s+)?"
                          r"(?:(?P<prime>prime)|(?P<composite>composite))\b(?!\s*(?:[+×·*]|plus\b))", re.IGNORECASE)
# "| 53 | 51 (prime) | ✗ |", "9（合数）": a number annotated in brackets, as tables of s − 2 write it
_PRIME_NOTE = re.compile(r"(?<![\w.·×*+−^/-])(?<![·×*+−^≥≤<>/-] )(?P<n>\d{1,6})\s*[(（]\s*(?P<neg>(?i:not)\s+|非)?"
                         r"(?:(?P<prime>(?i:prime)|质数|素数)|(?P<composite>(?i:composite)|合数))\s*[)）]")
_CLAUSE_MARK = re.compile(r"[,;:，；：]")
_NOT_ASSERTED = re.compile(r"(?i:\b(?:if|whether|unless|suppose|assuming|would|were)\b)|如果|假如|假设|是否")


def _prime_notes(text: str) -> list[ClaimRecord]:
    """Numbers annotated "(prime)" or "(composite)" ("| 53 | 51 (prime) | ✗ |", "9（合数）"): each a claim that the
    number is (or is not) prime, true or false whatever the stage."""
    out = []
    for m in _PRIME_NOTE.finditer(text) if _PRIME_NOTE_QUICK.search(text) is not None else ():
        prime = (m.group("prime") is not None) != (m.group("neg") is not None)
        out.append(record("prime", ("Prime", (int(m.group("n")),), prime), (), m.group(0), m.start(), m.end(), False,
                          reading=ARITHMETIC))
    return out


_PRIME_NOTE_QUICK = re.compile(r"(?i:prime|composite)|质数|素数|合数")


def _primality(sentence: str) -> list[ClaimRecord]:
    """"Also 53 = 2 + 51, and both 2 and 51 are prime": a claim that each number is (or is not) prime, true or false
    whatever the stage. Conditions and questions ("if 51 were prime", "whether 51 is prime") are not read."""
    out = []
    for m in _PRIMALITY.finditer(sentence):
        a = max((x.end() for x in _CLAUSE_MARK.finditer(sentence, 0, m.start())), default=0)
        if _NOT_ASSERTED.search(sentence, a, m.end()):
            continue
        if m.group("n") is not None:
            if m.group("neg") and re.search(r"(?i:\b(?:both|all)\b)", m.group(0)):
                continue  # "17 and 34 are not both prime": one of them is not, which one unsaid
            numbers = tuple(int(n) for n in re.findall(r"\d{1,6}", m.group("n")))
            prime = (m.group("prime") is not None) != (m.group("neg") is not None)
        else:
            numbers = tuple(int(n) for n in re.findall(r"\d{1,6}", m.group("zn")))
            prime = m.group("zneg") == "是"
        out.append(record("prime", ("Prime", numbers, prime), (), m.group(0), m.start(), m.end(), False,
                          reading=ARITHMETIC))
    for m in _WHICH_PRIME.finditer(sentence) if "which" in sentence else ():
        if _NOT_ASSERTED.search(sentence, max((x.end() for x in _CLAUSE_MARK.finditer(sentence, 0, m.start())),
                                              default=0), m.start()) or any(r.start <= m.start() < r.end for r in out):
            continue
        prime = (m.group("prime") is not None) != (m.group("neg") is not None)
        out.append(record("prime", ("Prime", (int(m.group("n")),), prime), (), m.group(0), m.start(), m.end(), False,
                          reading=ARITHMETIC))
    return out


# A factor pair with its sum in brackets, as tables of products write it: "6 × 7 = 42 (sum 12)", "2·15 (17)".
_SPLIT_SUM = re.compile(r"(?<![\d+\-×·*/^])(\d{1,3})\s*[×·*]\s*(\d{1,3})(?:\s*=\s*\d{1,6})?\s*[(（]\s*"
                        r"(?:(?i:sum|s)\s*(?:=\s*)?|和\s*(?:=|为|是)?\s*)?(\d{1,4})\s*[)）]")


# The same in words: "2·33 with sum 34", "3 × 22, sum 25", "2×33，和为35"
_SPLIT_SUM_WORDS = re.compile(r"(?<![\d+\-×·*/^])(\d{1,3})\s*[×·*]\s*(\d{1,3})(?:\s*=\s*\d{1,6})?\s*[,，]?\s*"
                              r"(?:(?i:(?:with|has|having)\s+(?:a\s+|the\s+)?sum(?:\s+of)?|sum(?:\s+is)?)|和(?:为|是))"
                              r"\s*(?:=\s*)?(\d{1,4})(?!\d|\.\d)(?!\s*(?:[、,，/]|and\b|和)\s*\d{1,4}(?!\d)(?!\s*[×·*]))")
# (not "3×14 = 6×7，和是23、17、13": the sums of all the splits before it, in turn)


# Three factors and their sum: "12 × 4 × 3，和18", "144·1·1 → 146", "9 × 4 × 4 (sum 17)" (Cheryl's age)
_TRIPLE_BRACKET = re.compile(r"(?<![\d+\-×·*/^=])(\d{1,3})\s*[×·*]\s*(\d{1,3})\s*[×·*]\s*(\d{1,3})"
                             r"\s*[(（]\s*(\d{1,4})\s*[)）]")
_TRIPLE_SUM = re.compile(r"(?<![\d+\-×·*/^=])(?<!=\s)(\d{1,3})\s*[×·*]\s*(\d{1,3})\s*[×·*]\s*(\d{1,3})"
                         r"(?!\s*[×·*]\s*\d)(?:\s*=\s*\d{1,6})?\s*(?:[,，]\s*(?:(?i:sum(?:\s+is)?)|和\s*(?:为|是|=)?)|"
                         r"→|->|[(（]\s*(?:(?i:sum)|和)\s*(?:=|为|是)?)\s*(?:=\s*)?(\d{1,4})(?![\d.]\d|\d|\s*[×·*])"
                         r"(?!\s*(?:[、,，/]|and\b|和)\s*\d{1,4}(?!\d)(?!\s*[×·*]))")


# One split and an arrow to one number: "3·8 (sum 11), 4·6 → 10", "76 = 2·38 → 40" (not a list of splits mapped to a
# list of sums, "2·56, 4·28, 8·14 → 58, 32, 22", nor a sum worked out after it, "5 × 6 → 5 + 6 = 11")
_SPLIT_SUM_ARROW = re.compile(r"(?<![\d+\-×·*/^])(?<![×·*] )(\d{1,3})\s*[×·*]\s*(\d{1,3})\s*(?:→|->)\s*"
                              r"(?:(?i:sums?|s)\s*(?:=\s*)?)?(\d{1,4})"
                              r"(?![\d.]\d|\d|\s*(?:[/+−*×·=-]|and\b|or\b|和|或)\s*\d|"
                              r"\s*[、,，]\s*\d(?!\d{0,2}\s*[×·*]\s*\d))")  # (but "2·36 → 37, 3·24 → 27": splits listed)
_SPLIT_BEFORE = re.compile(r"\d\s*[×·*]\s*\d{1,3}\s*[,，、=]\s*$")  # another bare split before it: a list


def _split_sums(sentence: str) -> list[ClaimRecord]:
    """"6 × 7 = 42 (sum 12)", "2·33 with sum 34", "4·6 → 10": the sum of the split, an arithmetic claim `6 + 7 = 12`.
    A bracketed product ("2 × 15 (30)") says nothing more and is skipped."""
    arrows = [m for m in _SPLIT_SUM_ARROW.finditer(sentence) if not _SPLIT_BEFORE.search(sentence, 0, m.start())] \
        if "→" in sentence or "->" in sentence else []
    return _sums_of([*_SPLIT_SUM.finditer(sentence), *(_SPLIT_SUM_WORDS.finditer(sentence) if "sum" in sentence or
                                                       "和" in sentence else ()), *arrows])


def _split_sum_sets(sentence: str) -> list[ClaimRecord]:
    """"(4,7): 28 = 2·14 → {11, 17}": the sums of the pair and of each other split of its product, in order; read
    only when they are not the true sums in some other order (a set may be written sorted)."""
    out = []
    for m in _SUM_SET.finditer(sentence):
        x, y = int(m.group(1)), int(m.group(2))
        splits = [(int(a), int(b)) for a, b in _FACTORS.findall(m.group(4))]
        said = [int(n) for n in re.findall(r"\d+", m.group(5))]
        if len(said) != 1 + len(splits) or any(a * b != x * y for a, b in splits):
            continue
        out += _sums_in_order([(x, y), *splits], said, m)
    return out


def _product_sums(sentence: str) -> list[ClaimRecord]:
    """"60 = 2×30 = 3×20 = 4×15 = 6×10，对应的和32、25、19、16": a product's splits, then their sums in the same order;
    read only when they are not the true sums in some other order."""
    out = []
    for m in _PRODUCT_SUMS.finditer(sentence):
        p = int(m.group(1))
        pairs = [(int(a), int(b)) for a, b in _FACTORS.findall(m.group(2))]
        said = [int(n) for n in re.findall(r"\d+", m.group(3))]
        if len(said) == len(pairs) and all(a * b == p for a, b in pairs):
            out += _sums_in_order(pairs, said, m)
    return out


def _sums_in_order(pairs: list[tuple[int, int]], said: list[int], m: re.Match) -> list[ClaimRecord]:
    """The arithmetic claim "a + b = n" of each pair and the sum said for it, in order; none when the sums said are
    the true ones in another order (a set may be written sorted)."""
    if sorted(said) == sorted(a + b for a, b in pairs):
        return []
    return [record("arithmetic", ("Compare", "=", ("Arith", "+", ("Const", a), ("Const", b)), ("Const", n)), (),
                   m.group(0), m.start(), m.end(), False, reading=ARITHMETIC) for (a, b), n in zip(pairs, said)]


_SUM_SET = re.compile(r"[(（]\s*(\d{1,3})\s*[,，]\s*(\d{1,3})\s*[)）]\s*[:：]\s*(\d{1,5})\s*"
                      r"((?:=\s*\d{1,3}\s*[·×*]\s*\d{1,3}\s*){1,6})(?:→|->|⇒)\s*(?:(?i:sums?)\s*)?"
                      r"\{\s*(\d{1,4}(?:\s*[,，]\s*\d{1,4}){1,6})\s*\}")
_FACTORS = re.compile(r"(\d{1,3})\s*[·×*]\s*(\d{1,3})")
_PRODUCT_SUMS = re.compile(r"(?<![\d.])(\d{1,5})\s*((?:=\s*\d{1,3}\s*[·×*]\s*\d{1,3}\s*){2,8})[,，;；:：]?\s*"
                           r"(?:→|->|⇒)?\s*(?:对应的?)?(?:和(?:分别)?(?:是|为)?|(?i:(?:with\s+)?sums?(?:\s+are)?))\s*[:：]?\s*"
                           r"[{(（]?\s*(\d{1,4}(?:\s*[,，、]\s*\d{1,4}){1,7})(?!\s*[·×*+=])")


def _triple_sums(sentence: str) -> list[ClaimRecord]:
    """"12 × 4 × 3，和18", "144·1·1 → 146": the sum of three factors, an arithmetic claim `12 + 4 + 3 = 18`."""
    bare = list(_TRIPLE_BRACKET.finditer(sentence)) if "(" in sentence or "（" in sentence else []
    if len(bare) >= 3:  # "144·1·1 (146), 72·2·1 (75), …, 12·4·3 (18)": a list of triples, each with its sum in brackets
        return _sums_of(iter(bare))
    return _sums_of(_TRIPLE_SUM.finditer(sentence))


def _sums_of(matches) -> list[ClaimRecord]:
    """The arithmetic claim of each match of factors and a number said to be their sum (none where the number is
    their product: "2·3·4 → 24")."""
    out = []
    for m in matches:
        *terms, n = (int(g) for g in m.groups() if g is not None)
        if n == math.prod(terms):
            continue
        key: tuple = ("Const", terms[0])
        for x in terms[1:]:
            key = ("Arith", "+", key, ("Const", x))
        bracket = [i for i in (m.group(0).find("("), m.group(0).find("（")) if i >= 0]
        at = m.start() + bracket[0] if bracket else m.start(m.lastindex) - 1
        out.append(record("arithmetic", ("Compare", "=", key, ("Const", n)), (), m.group(0), at, m.end(), False,
                          reading=ARITHMETIC))
    return out


def _blank(m: re.Match) -> str:
    return " " * len(m.group(0))


_SCARE = re.compile(r"[\"“][A-Za-z-]{3,14}[\"”]|[\"“「](?:是|否|不是|是的)[\"”」]")  # one English word in quotes:
# 'the "unique" days'; a yes or no quoted: '答案是"是"（填1）'


_PART_NAMED, _HAN_WORD = re.compile(r"中的\s*$"), re.compile(r"[\u4e00-\u9fff]{1,2}")
_CASE_ARROW = re.compile(r"(?:[A-Za-z_]\w{0,3}|\d{1,3})\s*(?:=|≠|!=)\s*(?:\d{1,3}[A-Za-z]?|[A-Za-z_]\w{0,3})\$?\s*"
                         r"(?:⇒|→|->|=>)\s*(?:\*\*)?\s*$")  # a case, then an arrow, just before a knowing
_SAYING_MORE = frozenset({"neg", "know", "notknow", "modal", "says", "sep"})
_COMMENT_MARK = re.compile(r"(?<=[^\s#])[ \t]+(#)(?=[ \t])")  # a comment after code on its line (not "### …", "#2")
_CASE_NAMED = re.compile(r"(?:的|这种|这个)?(?:情况|可能性?|世界|局面)|\s*(?i:case|scenario|possibility|world)\b")


_TOLD_BEFORE = re.compile(r"(?i:\b(?:told|given)\s*$)|告诉(?:他|她)?\s*$|拿到\s*$")


def _blank_speech(m: re.Match, lex: Lexicon) -> str:
    """A quote blanked (what is said is read by the aligner), but for one quoted word, which is the writer's own
    ('the "unique" days are 13 and 20'), or a world written as one word ('就把"红白红"也排除了')."""
    said = m.group(0)
    if _SCARE.fullmatch(said):
        return said
    if _PART_NAMED.search(m.string, max(0, m.start() - 4), m.start()) and _HAN_WORD.fullmatch(said[1:-1]):
        return said[1:-1] + "  "  # '知道日期中的“日”': the part of a value named in quotes, the writer's own word
    if _world_word(lex, said[1:-1]):
        return " " + said[1:-1] + " "  # '就把"红白红"也排除了': a world written as one word, the writer's own
    if len(said) > _TOLD_QUOTE and _REASONED.search(said) is not None and \
            not m.string[max(0, m.start() - 4):m.start()].rstrip().endswith((":", "：")) and \
            _THOUGHT_BEFORE.search(m.string, max(0, m.start() - 30), m.start()) is None and \
            not _puzzle_words(lex, said):
        return " " + said[1:-1] + " "  # '"阿尔伯特这句话一出口，19号也就跟着出局了：…"': a character reasoning aloud in a
        # story, the writer's reasoning (not a statement of the puzzle; nor words introduced by a colon or a verb of
        # thinking, someone's thought or argument quoted: 'Then he could reason: "…"', 'each child reasons "if I were
        # clean …"', 'A solution posted for this one argues: "…"')
    if _attr_word(lex, said[1:-1]):
        return " " + said[1:-1] + " "  # '阿尔伯特只知道「月份」': what he is told, a word in quotes, the writer's own
    if len(said) <= 14 and _TOLD_BEFORE.search(m.string, max(0, m.start() - 12), m.start()) is not None:
        return " " + said[1:-1] + " "  # 'Bo, told "16": …': the value he is told, in quotes
    if _CASE_NAMED.match(m.string, m.end()) is not None and len(said) > 2:
        return " " + said[1:-1] + " "  # '“只有1个孩子有泥”的情况还保留着': a case named in quotes, the writer's words
    if len(said) > 2 and said[-2] in ".!?。！？":  # 'says "At least one is muddy." So …': the quote ends the sentence
        return " " * (len(said) - 2) + said[-2] + " "
    return " " * len(said)


# A quote long enough to reason in, and its words of reasoning
_TOLD_QUOTE = 40
_THOUGHT_BEFORE = re.compile(r"(?i:\b(?:reasons?|reasoned|reasoning|thinks?|thought|argues?|argued|figures?|figured|"
                             r"concludes?|concluded|says\s+to\s+(?:him|her)self|tells\s+(?:him|her)self)\b)"
                             r"[^.!?\"“”\n]{0,16}$|心想|想[：:，,]?\s*$|推理[：:，,]?\s*$")
_REASONED = re.compile(r"所以|因为|因此|排除|剩下|只剩|出局|不可能|(?i:\b(?:so|because|therefore|hence|rules?\s+out|ruled\s+out|"
                       r"eliminat\w*|left|remains?|which\s+means|must\s+be|can't\s+be|gone)\b)")


def _puzzle_words(lex: Lexicon, said: str) -> bool:
    """Whether a quote holds one of the puzzle's statements (each language's text folded, kept with the lexicon), or
    is a piece of one."""
    statements = lex.atoms.get("@statements")
    if statements is None:
        statements = lex.atoms["@statements"] = tuple(f for a in lex.puzzle.announcements for _, text in a.texts
                                                      if len(f := fold(text)) >= 6)
    folded = fold(said)
    return any(f in folded or folded in f for f in statements)


_ARTICLE_ONLY = re.compile(r"\s*(?:(?i:the)\s+)?")


def _attr_word(lex: Lexicon, said: str) -> bool:
    """Whether a quote is one attribute's name and nothing else ("月份", "the day")."""
    if not 1 < len(said) <= 12:
        return False
    toks = lex.scan(said)
    return len(toks) == 1 and toks[0].kind == "attr" and _ARTICLE_ONLY.fullmatch(said, 0, toks[0].start) is not None \
        and not said[toks[0].end:].strip()


def _world_word(lex: Lexicon, said: str) -> bool:
    """Whether a quote is one world written as one word ("红白红", "WRR", "white-red-red", "110"), in a puzzle of
    three or more variables sharing values or of bool variables."""
    if not 3 <= len(said) <= 8 * len(lex.puzzle.variables) or not (lex.shared_values or bit_worlds(lex) is not None):
        return False
    toks = tokens(lex, said)
    return len(toks) == 1 and toks[0].kind == "tuple" and (toks[0].start, toks[0].end) == (0, len(said))


# Inline code is the writer's claim only where it stands as a clause of its own: after a clause break or a connective
# ("So after Alice: `b != c`.", "→ `a != b`", "所以 `s in good`") and before the clause ends. Elsewhere it names a case or
# a set the sentence says something about: a condition ("if `a == b`", "only for `a in {0, 10}`"), a subject ("`a == b`
# really does survive until Carol speaks"), an object ("Alice's statement removes `b == c`"), a set described ("所有
# `sum(m) == 1` 的世界"), a case label opening a list line and what that line says of it ("- `b == c` → `abs(b - c) ==
# 0`, not allowed → she knows"), or a question ("`a == b`?").
_CODE_BEFORE = re.compile(r"(?:^|[.;:!?。；：！？\n,，→⇒(（]|->|=>)(?P<lead>[^.;:!?。；：！？\n,，→⇒(（]*)$")
_CODE_LEAD = re.compile(r"[\s*>#•\-]*(?:\d{1,2}[.)、]\s*)?(?:(?i:so|hence|thus|therefore|then|now|i\.e\.|namely|"
                        r"that\s+is|"
                        r"and|we\s+get|we\s+have|giving|which\s+gives|which\s+leaves|leaves|leaving|left|remaining|"
                        r"still|also|only)\b[\s,]*|所以|因此|于是|即|故|则|得到|只剩下?|还剩下?|剩下|剩|那么|现在|也|都|就|"
                        r"\s)*$")
_CODE_AFTER = re.compile(r"[ \t]*(?:\*\*)?[ \t]*(?:(?i:holds|is\s+true|still\s+holds)\b|成立|✓|✔)?[ \t]*(?:\*\*)?"
                         r"[ \t]*(?:[.;!。；！\n,，)）—–]|→|⇒|->|=>|\s[—–-]\s|$)")
_CODE_LINE_LABEL = re.compile(r"[ \t]*(?:[-*•]|\d{1,2}[.)、])?[ \t]*(?:\*\*)?[ \t]*`[^`\n]{1,400}`[ \t]*(?:\*\*)?[ \t]*"
                              r"(?:→|->|⇒|=>|:|：)")


def _code_condition(text: str, start: int, end: int) -> bool:
    """Whether the inline code at text[start:end] names a case or a set rather than stating a fact (above)."""
    before = _CODE_BEFORE.search(text, max(0, start - 80), start)
    if before is None or _CODE_LEAD.fullmatch(before.group("lead")) is None or _CODE_AFTER.match(text, end) is None:
        return True
    line = text.rfind("\n", 0, start) + 1
    return _CODE_LINE_LABEL.match(text, line) is not None


def _code_record(c: Claim) -> ClaimRecord:
    return ClaimRecord(c.kind, claim_key(c), c.text, c.start, c.end, c.answer, c, ANSWER if c.kind == "answer" else FORMULA)


def _code_claim(puzzle: s.Puzzle, source: str, answer_cue: bool) -> list[Claim]:
    """An inline formula as a claim, with offsets relative to the formula's backtick."""
    from ..language.elaborate import parse_claim

    try:  # (a programmer's `b == c` is the language's `b = c`)
        formula, _stage = parse_claim(source.replace("==", "=") if "==" in source else source, puzzle)
    except (EpistemicError, RecursionError, ValueError, TypeError, KeyError):
        return []
    q = puzzle.question
    end = len(source) + 2
    if (answer_cue and q is not None and len(q.terms) == 1 and isinstance(formula, s.Compare)
            and formula.op == "=" and formula.left == q.terms[0] and isinstance(formula.right, s.Const)):
        return [Claim("answer", formula, (formula,), source, 0, end, False, ((formula.right.value,),))]
    return [Claim("formula", formula, (), source, 0, end)]


# ---------------------------------------------------------------- tokens


_CONTENT = frozenset({"value", "number", "ambig", "agent", "tuple"})  # ("tuple": a date written "7/16")


_SETTLED = frozenset({"确定", "determined", "settled", "fixed"})  # "确定是", "is determined to be": settled as
_WHOSE_LIST = re.compile(r"\b(?:list|table|information|info|view|perspective|options|candidates|possibilities|"
                         r"knowledge|point of view|side)\s+(?:for|of)\s+$", re.IGNORECASE)
_WHEN_ZH = re.compile(r"\s*在[^，。,；;：:]{0,10}(?:之前|之后|以前|以后|前|后|时|的时候)")
_WHO = re.compile(r"\s*[,，]\s*(?i:who|whose)\b")  # a relative clause of a person: the letter is the agent


_ABSOLUTE = re.compile(r"\|\s*[A-Za-z]\s*[−-]\s*[A-Za-z]\s*\|")  # "|a − b|": an expression, not two variables


# A set taken away: "Ω₁ = Ω ∖ {(0,1), (10,9)}", "W_3 = W_2 \\setminus \\{♥A, ♦A\\}", "W1 = W0 − {(0,1), (10,9)}" (the
# braces right after the sign; a minus only after a set's name)
_SET_MINUS = re.compile(r"(?:∖|\\setminus|(?<=[A-ZΩ])[\w₀-₉']{0,3}\s*[−\\-])\s*(\\?\{[^{}]*\\?\})")  # ("W₀ \ {…}")


def removed_sets(records: list[ClaimRecord], text: str) -> list[ClaimRecord]:
    """A list read inside the braces after a set difference sign is what is removed: `not (…)`, an exclusion."""
    if "∖" not in text and "setminus" not in text and "{" not in text:
        return records
    spans = [m.span(1) for m in _SET_MINUS.finditer(text)]
    return [r.as_removed()
            if r.kind == "candidates" and any(r.start < b and a < r.end <= b + 12 for a, b in spans) else r
            for r in records]  # (a list read from the "=" before the sign up to just after the braces)


_EQUALITY_GAP = re.compile(r"[\s*]*(?:,|，|、|;|；|(?i:and|or)\b|和|或)[\s*]*")


def _dropped_along(records, sentence: str) -> list:
    """Equalities listed right after an exclusion of the same variable's value ("drop a = 0, a = 10"): excluded."""
    out = []
    for r in records:
        f, last = r.key.formula, out[-1] if out else None
        if last is not None and last.kind == "exclusion" and r.kind == "candidates" and f[0] == "Compare" and \
                f[1] == "=" and f[2][0] == "Var" and _excluded_var(last.key.formula) == f[2] and \
                last.end <= r.start and _EQUALITY_GAP.fullmatch(sentence, last.end, r.start) is not None and \
                _STAYS_AFTER.match(sentence, r.end) is None and \
                _NAMED_EQUALITY.search(sentence[last.start:last.end]) is not None and \
                _NAMED_EQUALITY.fullmatch(sentence, r.start, r.end) is not None:
            r = r.as_removed()  # (both written "a = 0": not "但0已经排除，只能是2", "rules out hearts and leaves …")
        out.append(r)
    return out


_NAMED_EQUALITY = re.compile(r"(?<![A-Za-z])[a-z]\s*=\s*\d{1,4}$")


def _excluded_var(f: tuple) -> tuple | None:
    """The variable of an exclusion of one value (`a != 0`, `not a = 0`), or None."""
    if f[0] == "Not" and f[1][0] == "Compare" and f[1][1] == "=":
        f = f[1]
    elif not (f[0] == "Compare" and f[1] == "!="):
        return None
    return f[2] if f[2][0] == "Var" and f[3][0] == "Const" else None


def _listed_equalities(records, sentence: str):
    """"Survivors: a = 1 (b = 2), a = 2 (b = 3), a = 8 (b = 7)": equalities of one variable listed one after another
    are one list of its values (`a in {1, 2, 8}`), not each the whole of what is left; listed after one ruled out
    ("drop a = 0, a = 10"), each is ruled out too."""
    records = type(records)(_dropped_along(records, sentence))
    runs, current = [], []
    for r in records:
        f = r.key.formula
        one = r.kind == "candidates" and f[0] == "Compare" and f[1] == "=" and f[2][0] == "Var" and f[3][0] == "Const"
        if one and current and current[-1].key.formula[2] == f[2] and \
                _EQUALITY_GAP.fullmatch(sentence, current[-1].end, r.start) is not None:
            current.append(r)
            continue
        if len(current) >= 2:
            runs.append(current)
        current = [r] if one else []
    if len(current) >= 2:
        runs.append(current)
    if not runs:
        return records
    first = {id(run[0]): run for run in runs}
    rest = {id(r) for run in runs for r in run[1:]}
    out = []
    for r in records:
        run = first.get(id(r))
        if run is not None:
            var, codes = r.key.formula[2][1], sorted({x.key.formula[3][1] for x in run})
            r = r._replace(key=ClaimKey(set_key(var, codes), tuple(value_key(var, c) for c in codes), r.key.past),
                           end=run[-1].end)
        if id(r) not in rest:
            out.append(r)
    return tuple(out) if isinstance(records, tuple) else out


def positional_worlds(lex: Lexicon, sentence: str, raw: list[Token]) -> list[Token]:
    """Runs of shared values that name a whole world by position, one value per variable in the puzzle's order:
    "白白红" (written together) or "(W, R, W)" / "（白，红，白）" (bracketed, separated by commas), as a tuple token."""
    names = [v.name for v in lex.puzzle.variables]
    n, out, i = len(names), [], 0
    while i < len(raw):
        run = raw[i:i + n]
        if len(run) == n and all(_shares(t, names) for t in run):
            glued = all(b.start == a.end for a, b in zip(run, run[1:])) and \
                not (i > 0 and raw[i - 1].end == run[0].start and raw[i - 1].kind in ("ambig", "value")) and \
                not (i + n < len(raw) and raw[i + n].start == run[-1].end and raw[i + n].kind in ("ambig", "value"))
            if glued:
                codes = {v: dict(t.payload)["value"][1] for v, t in zip(names, run)}
                out.append(Token("tuple", codes, run[0].start, run[-1].end, sentence[run[0].start:run[-1].end]))
                i += n
                continue
        every = _EVERY_ONE.search(sentence, max(0, raw[i].start - 24), raw[i].start) if _shares(raw[i], names) else None
        if every is not None and _COUNT_WORDS.get((every.group("n") or every.group("en") or "").lower()) == n:
            # "三人不可能都戴红帽", "all three
            code = dict(raw[i].payload)["value"][1]  # wear red": every variable has that value
            out.append(Token("tuple", {v: code for v in names}, raw[i].start, raw[i].end, raw[i].text))
            i += 1
            continue
        items = raw[i:i + 2 * n - 1]
        if len(items) == 2 * n - 1 and all(_shares(t, names) for t in items[::2]) and \
                all(t.kind == "sep" and t.text in (",", "，", "、") for t in items[1::2]) and \
                _OPEN_BRACKET.search(sentence, 0, items[0].start) and _CLOSE_BRACKET.match(sentence, items[-1].end):
            codes = {v: dict(t.payload)["value"][1] for v, t in zip(names, items[::2])}
            out.append(Token("tuple", codes, items[0].start, items[-1].end, sentence[items[0].start:items[-1].end]))
            i += 2 * n - 1
            continue
        out.append(raw[i])
        i += 1
    return out


def _initials(lex: Lexicon) -> tuple[dict[str, int], re.Pattern] | None:
    """(capital -> value code, a pattern for a word of them, one per variable) when three or more variables share
    values whose English names open on distinct letters (hats "WRR" = white, red, red; Hexa "RWB"), else None."""
    if "@initials" not in lex.atoms:
        lex.atoms["@initials"] = _make_initials(lex.puzzle)
    return lex.atoms["@initials"]


def _spells_worlds(lex: Lexicon, sentence: str) -> bool:
    """Whether the sentence writes a world in the values' capitals ("WRR"; see _initials)."""
    initials = _initials(lex) if lex.shared_values else None
    return initials is not None and initials[1].search(sentence) is not None


def _make_initials(puzzle) -> tuple[dict[str, int], re.Pattern] | None:
    """What _initials remembers for a puzzle."""
    names = [v.name for v in puzzle.variables[0].values]
    capitals = {n[:1].upper(): code for code, n in enumerate(names) if n[:1].isascii() and n[:1].isalpha()}
    if len(puzzle.variables) < 3 or len(capitals) != len(names):
        return None
    letters = "".join(sorted(capitals))
    n = len(puzzle.variables)  # (in capitals or all in lower case: "WWR", "wwr")
    return capitals, re.compile(rf"(?<![A-Za-z0-9_])(?:[{letters}]{{{n}}}|[{letters.lower()}]{{{n}}})(?![A-Za-z0-9_])")


def _joined(lex: Lexicon) -> re.Pattern | None:
    """A pattern for the values' English names joined by hyphens, one per variable ("white-white-red"), where
    _initials reads their capitals, else None."""
    if "@joined" not in lex.atoms:
        word = "(?:" + "|".join(re.escape(v.name) for v in lex.puzzle.variables[0].values) + ")"
        lex.atoms["@joined"] = None if _initials(lex) is None else re.compile(
            rf"(?i)(?<![A-Za-z0-9_-]){word}(?:-{word}){{{len(lex.puzzle.variables) - 1}}}(?![A-Za-z0-9_-])")
    return lex.atoms["@joined"]


def _worlds_written(lex: Lexicon, raw: list[Token], found: list[re.Match], code, spelling) -> list[Token]:
    """The tokens with each world written as one word ("WRR", "white-red-red", "110") made a tuple token in place
    of what was scanned inside it: the i-th character of `spelling(word)` is the i-th variable's value, `code(ch)`."""
    spans = [m.span() for m in found]
    return sorted(_outside(raw, spans) + [
        Token("tuple", {v.name: code(c) for v, c in zip(lex.puzzle.variables, spelling(m.group(0)))}, m.start(),
              m.end(), m.group(0)) for m in found], key=lambda t: t.start)


def _letters(world: str) -> str:
    """The capitals of a world written "WRR", "wrr" or "white-red-red"."""
    return "".join(w[:1].upper() for w in world.split("-")) if "-" in world else world.upper()


def _shares(t: Token, names: list[str]) -> bool:
    """Whether a scanned word is a value of every variable (each of them once): a value the variables share."""
    return t.kind == "ambig" and sorted(p[0] for k, p in t.payload if k == "value") == sorted(names) and \
        all(k == "value" for k, _ in t.payload)


_COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "2": 2, "3": 3, "4": 4, "两": 2, "二": 2, "三": 3, "四": 4}
# "三个人都戴白帽", "all three wear white": every hat the value (not "三号全是白": number three's, in every case left;
# nor "第二、三位不全是红的": two of them, not all red)
_EVERY_ONE = re.compile(r"(?<![A-Za-z\d_\[第、])(?P<n>[两二三四234])(?!号)(?:个|位)?(?:人|智者|张牌)?[^，。,.；;\n]{0,6}?(?<!不)"
                        r"(?:都|全)(?:戴|是|拿|为)?"
                        r"(?:的是)?\s*$|(?i:\ball\s+(?P<en>two|three|four|[234])\b[^.,;\n]{0,20}?\b"
                        r"(?:wear|wears|have|are|hold|get)\s+(?:a\s+|the\s+)?$)")
_OPEN_BRACKET = re.compile(r"[(（]\s*$")
_CLOSE_BRACKET = re.compile(r"\s*[)）]")


_NAMED_VALUE = re.compile(r"(?<![\w.'’·×*+/−-])(?<![·×*+/−-]\s)[A-Za-z][A-Za-z0-9_]{0,3}(?=\s*=\s*-?\d)\s*=\s*-?\d{1,9}(?![\d.])")


_LONG_LIST_LABEL = re.compile(r"[\W_]*((?i:remaining|left|survivors?|still\s+possible)(?:\s+(?i:cards?|dates?|pairs?|"
                              r"candidates|options|worlds|possibilities))?)\s*(?:[(（][^()（）\n]{1,24}[)）]|"
                              r"\s+(?i:after|following)\s+[^:：\n]{1,40}?|\s{3,})\s*(?:\*\*)?\s*[:：]")  # (a gloss blanked: "(9 cards)")
# The size of what is left, in brackets between a leaving word and its list: "…, leaving (3): ♥Q ♥4 ♦5", "剩下（5）：…"
_LEAVING_COUNT = re.compile(r"(?:(?i:\b(?:leaving|leaves|left|remaining|remain|survivors?|we\s+have|left\s+with))|"
                            r"剩下|剩余|还剩)\s*([(（]\s*\d{1,3}\s*[)）])\s*[:：]")
# "⇒ left ♥A ♥Q ♥4": an arrow, then what is left, the label's colon left out (cards or pairs only: "→ left 5 dates" is a
# count)
_ARROW_LEFT = re.compile(r"(?:⇒|→|->|=>)\s*((?i:left|remaining))\s+(?=[♥♦♠♣♡♢♤♧(（])")


_PRODUCT_WRITTEN = re.compile(r"\d{1,4}\s*[×·]\s*\d{1,4}")


_IMPOSSIBLE = re.compile(r"(?i:\b(?:is|are|was|were)\s+(?:now\s+|also\s+|then\s+)?impossible\b"
                         r"(?!\s+(?:with|for|if|when|unless|in|under|given|because|since|to|without|as)\b))")
_CASE_LETTER = re.compile(r"(?:\b(?:Case|Scenario|Option|Hypothesis|Reading|Interpretation)\s+|情形\s*|情况\s*)$")


# An agent's "doesn't" closing a clause, the verb left out: "I know Bo doesn't.", "Albert knows Bernard didn't, too"
_ELIDED_KNOW = re.compile(r"(?i)\b(?:doesn't|doesn’t|does\s+not|didn't|didn’t|did\s+not)(?=(?:\s*,?\s*(?:too|either|"
                          r"yet))?\s*(?:[.,;!?\"”)]|$))")


def _elided_knowing(raw: list[Token], sentence: str) -> list[Token]:
    """Tokens with a don't-know word for each "doesn't" that closes a clause right after an agent, a knowing word
    before it in the sentence ("I don't know, and I know Bo doesn't.": Bo does not know)."""
    extra = []
    for m in _ELIDED_KNOW.finditer(sentence):
        before = [t for t in raw if t.end <= m.start()]
        if len(before) >= 2 and before[-1].kind in ("agent", "he") and \
                not sentence[before[-1].end:m.start()].strip() and \
                any(t.kind in ("know", "notknow") for t in before[:-1]) and \
                not any(t.start < m.end() and m.start() < t.end for t in raw):
            extra.append(Token("notknow", "doesn't know", m.start(), m.end(), m.group(0)))
    return sorted(raw + extra, key=lambda t: t.start) if extra else raw


_NOT_EQUAL_VALUE = re.compile(r"(?<=[A-Za-z\]\s])≠(?=\s*\d)")  # a name's value denied ("b ≠ 1"; not "b ≠ c")
_AMONG_LEFT = re.compile(r"(?:剩下|剩余|还剩)(?=的?\s*(?:\d{1,4}|[一两二三四五六七八九十]{1,3})?\s*(?:张|个|种|组|对)?的?"
                         r"(?:牌|日期|数对|情况|组合)?\s*(?:里|中|当中|之中)(?!间))")
_EMPTY_MEET = re.compile(r"∩\s*\\?\{[^{}\n]*\\?\}\s*=\s*∅|\\?\{[^{}\n]*\\?\}\s*∩[^=\n]{0,20}=\s*∅")
_SIZE_OF = re.compile(r"\|\s*[A-Za-z][\w₀-₉']{0,6}\s*\|\s*(?:=|is)\s*\d{1,6}")
_ONLY_DESCRIBED = re.compile(r"(?i:\bas\s+the\s+only\s+(?:date|card|pair|option|possibility|candidate|one|answer|"
                             r"day|month)\s+((?:where|whose|in\s+which|for\s+which|that|which)\b[^,;.\n]*))")


_OTHERS_AGE = re.compile(r"(?i)\b\d{1,3}(?=\s*-?\s*years?[-\s]old\s+(?:brothers?|sisters?|siblings?|twins?|sons?|"
                         r"boys|kids?|children)\b)")


def _outside(raw: list[Token], spans) -> list[Token]:
    """The tokens that start in none of the spans (start, end): a phrase read as a whole, its words no claims."""
    return [t for t in raw if not any(a <= t.start < b for a, b in spans)]


def tokens(lex: Lexicon, sentence: str, raw: list[Token] | None = None, answered: bool = False) -> list[Token]:
    """Scanned tokens, resolved: ambiguous words, numbers as values, pairs and adjacent values as tuples. `answered`:
    the sentence gives the answer (a closing line, a step under "Answer"), so a value several variables share is the
    asked one's."""
    raw = lex.scan(sentence) if raw is None else raw
    if "设" in sentence or "记" in sentence or "enote" in sentence or "call" in sentence:
        raw = _without_names(raw, sentence)  # "设谢丽尔的年龄为 c，…，c × o × y = 144": a name given, no value
    if "n't" in sentence or " not" in sentence:  # "I know Bo doesn't.": the verb left out after a knowing word
        raw = _elided_knowing(raw, sentence)
    if "impossible" in sentence:  # "so (2,26) is impossible": gone (but "impossible with August" is a condition)
        said = [Token("neg", "is impossible", m.start(), m.end(), m.group(0)) for m in _IMPOSSIBLE.finditer(sentence)]
        raw = sorted(raw + said, key=lambda t: t.start) if said else raw
    if ("→" in sentence or "->" in sentence or "⟶" in sentence) and ("(" in sentence or "（" in sentence):
        arrows = [m.span() for m in COUNT_ARROW.finditer(sentence)]  # "removed the two aces (5 → 3)": counts
        raw = _outside(raw, arrows) if arrows else raw
    if raw and raw[0].text.lower() not in LIST_LABELS and (label := _LONG_LIST_LABEL.match(sentence)) is not None:
        # "Remaining (9 cards): …", "Left after Step 3: …": a list's label with its size or time, what is left
        raw = [Token("sep", "remaining:", label.start(1), label.end(), "remaining:"),
               *(t for t in raw if t.start >= label.end())]
    if ("(" in sentence or "（" in sentence) and (counted := [m.span(1) for m in _LEAVING_COUNT.finditer(sentence)]):
        raw = _outside(raw, counted)  # "…, leaving (3): ♥Q ♥4 ♦5": a count
    if ("left" in sentence or "emaining" in sentence) and (arrow := _ARROW_LEFT.search(sentence)) is not None:
        raw = sorted(raw + [Token("sep", "remaining:", arrow.start(1), arrow.end(1), "remaining:")],
                     key=lambda t: t.start)  # "… ⇒ left ♥A ♥Q ♥4 ♦A ♦5"
    if lex.shared_values and any(t.kind == "ambig" for t in raw):
        raw = positional_worlds(lex, sentence, raw)  # "白白红", "（白，红，白）": a hat on each man, in order
    initials = _initials(lex) if lex.shared_values else None
    spelt = list(initials[1].finditer(sentence)) if initials is not None else []
    if lex.shared_values and "-" in sentence:  # "white-white-red": a world in the values' names, joined
        joined = _joined(lex)  # (None where initials is)
        spelt += list(joined.finditer(sentence)) if joined is not None else []
    if spelt:  # "WRR", "RWB": a world in the values' capitals
        raw = _worlds_written(lex, raw, spelt, lambda letter: initials[0][letter], _letters)
    bits = bit_worlds(lex)
    written = list(bits.finditer(sentence)) if bits is not None else []
    if written:  # "110, 101, 011": a world of bool variables in bits, one per variable in order
        raw = _worlds_written(lex, raw, written, int, str)
    if "(" in sentence and len(lex.numeric) == 3 == len(lex.puzzle.variables):  # "(5, 5, 10)": a world of What Sum's
        triples = [m.span() for m in _TRIPLE.finditer(sentence)]  # three numbers, not three values of one of them
        if triples:
            raw = _outside(raw, triples)
    if lex.number_pair is not None and ("×" in sentence or "·" in sentence):  # "只剩2×8一种分解": a product written
        spans = [m.span() for m in _PRODUCT_WRITTEN.finditer(sentence)]  # out, its factors no values of x or y
        raw = [t for t in raw if not (t.kind == "number" and any(a <= t.start < b for a, b in spans))]
    if "=" in sentence:  # "x = 4, y = 13, s = 17": a name the puzzle does not know is given a value, unread
        unknown = [m.span() for m in _NAMED_VALUE.finditer(sentence) if not any(t.start == m.start() for t in raw)]
        raw = _outside(raw, unknown)
    if "≠" in sentence and not any(t.kind in ("know", "notknow") for t in raw):  # "So b ≠ 1, 9": b is not 1 or 9
        signs = [Token("neg", "≠", m.start(), m.end(), "≠") for m in _NOT_EQUAL_VALUE.finditer(sentence)]
        raw = sorted(raw + signs, key=lambda t: t.start) if signs else raw  # (a fact known keeps its sign unread:
        # "Bill knows b ≠ 0")
    if " # " in sentence or "\t# " in sentence:
        # "after_w1 = [WWW, WWR, …]   # WRR removed": a comment that says more than values parts its clause from the
        # code before it (not "anniversary = (Mar, 18)   # March 18": a gloss of the value)
        marks = [Token("sep", "#", m.start(1), m.end(1), "#") for m in _COMMENT_MARK.finditer(sentence)
                 if any(t.start > m.end() and t.kind in _SAYING_MORE for t in raw)]
        raw = sorted(raw + marks, key=lambda t: t.start) if marks else raw
    if "剩" in sentence and (among := [m.start() for m in _AMONG_LEFT.finditer(sentence)]):  # "剩下5张里A有两张":
        raw = [t for t in raw if t.start not in among]  # among those left, A has two; no list of what is left
    if "∅" in sentence and (empty := [m.span() for m in _EMPTY_MEET.finditer(sentence)]):  # "[w]_A ∩ {3/13, 5/20}
        raw = _outside(raw, empty)  # = ∅": a condition on a set, no claim
    if "|" in sentence and (sizes := [m.span() for m in _SIZE_OF.finditer(sentence)]):  # "|W2| = 5": how many
        raw = _outside(raw, sizes)  # worlds, no value
    if "old" in sentence and (others := [m.span() for m in _OTHERS_AGE.finditer(sentence)]):  # "Cheryl is 9, with
        raw = _outside(raw, others)  # two 4-year-old brothers": the brothers' age, not a second one of hers
    if "only" in sentence and (only := _ONLY_DESCRIBED.search(sentence)) is not None:  # "leaves July 16 as the only
        raw = [t for t in raw if not only.start(1) <= t.start < only.end(1)]  # date where the day isn't shared": what
        # makes it the only one, not a claim of its own
    pairs = _pairs(lex, sentence) if "(" in sentence or "=" in sentence or "pair" in sentence else None
    if pairs:
        raw = [t for t in raw if not any(a <= t.start < b for a, b, _ in pairs)]
        for a, b, codes in pairs:
            named = _NAMED_PAIR.match(sentence, a)  # "x, y = 4, 13": the pair, is, its values
            if named:
                raw += [Token("attr", "@question", a, named.end(2), sentence[a:named.end(2)]),
                        Token("copula", "=", named.start(3) - 1, named.start(3), "=")]
                a = named.start(3)
            raw.append(Token("tuple", codes, a, b, sentence[a:b]))
        raw.sort(key=lambda t: t.start)
    tv = lex.tuple_vars if len(lex.tuple_vars) == 2 else None
    pair = lex.number_pair
    low = sentence.lower()
    labels = any(w in low for w in _LABEL_WORDS)  # checked once: most sentences name no step
    sources = any(w in low for w in _SOURCE_WORDS)
    if "知道" in sentence:
        raw = _observed_after_know(lex, sentence, raw)
    if "的" in sentence and any(t.kind == "know" for t in raw):  # "伯纳德现在能确定的生日就是7月16日": the date he can
        raw = _known_attr_subject(raw, sentence)  # determine is the subject; the claim is that the date is July 16
    if "knowing" in sentence:  # "Bill not knowing removes b = 1": his "I don't know" as the subject, no knowledge said
        raw = [t for n, t in enumerate(raw) if not (t.kind == "notknow" and t.text.endswith("knowing") and
                                                    n + 1 < len(raw) and raw[n + 1].kind == "neg")]
    absolute = [m.span() for m in _ABSOLUTE.finditer(sentence)] if "|" in sentence else []
    if "minus" in low or "plus" in low:  # "a minus 1 or a plus 1": expressions of a, neither a nor the value 1
        spoken = [m.span() for m in _SPOKEN_SUM.finditer(sentence)]
        raw = _outside(raw, spoken)
    out: list[Token] = []
    last_attr: str | None = None
    attr_end = 0  # where the last attribute named ends
    slot: int | None = None  # "the numbers are 4 and 13": the next number is the slot-th question variable
    taken = -1  # a token already read with the one before it
    subject_run: tuple[str, int] | None = None  # (variable, end) of the last number an agent was the subject of
    for i, t in enumerate(raw):
        kind = t.kind
        if t.start <= taken:
            continue
        if kind == "sep" and t.text in ("，", ",") and _CONTENTS_AFTER.match(sentence, t.end) is not None:
            continue  # "拿到6月，里面是12和19": June's days (the comma does not part them from June)
        if labels and t.text.isdigit() and LABEL_BEFORE.search(sentence, max(0, t.start - 16), t.start):
            continue  # "Statement 2", "Step 3", "第2步": a label, not a value
        if len(t.text) == 1 and t.text.isupper() and _CASE_LETTER.search(sentence, max(0, t.start - 12), t.start):
            continue  # "so Case A is impossible", "情形A": a case's letter, not the ace
        if kind == "know" and t.text in _SETTLED and i + 1 < len(raw) and raw[i + 1].kind == "copula" and \
                next((u.kind for u in reversed(out) if u.kind not in ("then", "past", "now")), None) == "attr":
            continue  # "这两个数就已经确定是4和13了": the numbers are settled as 4 and 13, nobody's knowledge
        if kind == "neg" and t.text.rstrip("了") in _REMOVERS and (gone := _THESE_AFTER.match(sentence, t.end)):
            out.append(Token("sep", "，", t.start, gone.end(), sentence[t.start:gone.end()]))
            taken = gone.end() - 1  # "排除这7张后剩9张：…": after the removal, what is left (not what was removed)
            continue
        if kind == "only" and out and any(u.kind == "neg" for u in out):
            at = len(out) - 1 if out[-1].kind == "past" and out[-1].end == t.start else len(out)
            gap = sentence[out[at - 1].end:t.start] if at > 0 and out[at - 1].kind == "value" else ""
            if gap in _AFTER_REMOVAL:  # "排除14之后只剩16", "去掉14后只剩16": the removal ends at 之后
                out[at:] = [Token("sep", "，", out[at - 1].end, t.start, gap)]
        if kind == "answer":
            slot = 0 if pair else None  # "the answer is 4 and 13": the pair of the question
        if kind == "attr":
            if _THAN.match(sentence, t.end) is not None:
                continue  # "Cheryl is older than both brothers": a comparison, not the variable `older`
            if sources and _SOURCE.search(sentence, max(0, t.start - 10), t.start):
                continue  # "from the month alone", "从点数": what an agent knows from, not what they know
            if type(t.payload) is tuple and _OPERATOR_AFTER.match(sentence, t.end) is not None:
                continue  # "s − 2 ∈ {9, 15, …}", "s − 2 是合数": an expression of the term, not the term
            if type(t.payload) is str and len(t.text) == 1 and \
                    (_OPERAND_BEFORE.search(sentence, max(0, t.start - 4), t.start) is not None or
                     _OPERAND_AFTER.match(sentence, t.end) is not None):
                continue  # "a+b ∈ {3, 5, 15, 17}": a sum of the variables, not b
            if absolute and any(a <= t.start < b for a, b in absolute):
                continue  # "|a − b| = 1": a variable inside an expression, not the variable's value
            last_attr, attr_end = t.payload, t.end
            slot = 0 if pair and t.payload == "@question" else None
        elif kind == "agent" and pair and _PAIR_OWNED.match(sentence, t.end) is not None:
            slot = 0  # "P's numbers are 4 and 13": the pair asked for, which P is after (he holds their product)
            continue
        elif kind == "agent" and _number_held(raw, i, sentence):
            last_attr = _held_var(lex, t.payload) or last_attr  # "Anne has 2", "安妮是0或2": the agent's own number
        elif kind == "ambig":
            nxt = raw[i + 1] if i + 1 < len(raw) else None
            gap_from = t.end
            if nxt is not None and nxt.kind in ("now", "past", "then") and i + 2 < len(raw) and nxt.start - t.end <= 3:
                gap_from, nxt = nxt.end, raw[i + 2]  # "Q now knows", "Q already knew", "Q then states"
            agentish = nxt is not None and nxt.kind in ("know", "notknow", "says", "modal") and nxt.start - gap_from <= 3
            knowing = i + 3 if i + 3 < len(raw) and raw[i + 2].kind in ("past", "then", "now") and \
                raw[i + 2].start - nxt.end <= 1 else i + 2  # (a time word between: "Q不可能事先确定")
            if not agentish and nxt is not None and nxt.kind == "neg" and nxt.start - gap_from <= 3 and \
                    knowing < len(raw) and raw[knowing].kind in ("know", "notknow", "modal") and \
                    raw[knowing].start - raw[knowing - 1].end <= 4 and \
                    not raw[knowing].text.lower().endswith("known") and \
                    _ARTICLE_BEFORE.search(sentence, max(0, t.start - 6), t.start) is None:
                agentish = True  # "Q不可能事先确定", "Q cannot be sure": Q the agent, negated, then knowing
            agentish = agentish or sentence[t.end:t.end + 2] in ("'s", "’s") or _SPEAKS.match(sentence, t.end) is not None
            agentish = agentish or _PERSON_VERB.match(sentence, t.end) is not None  # "It's public: Q hears it too"
            agentish = agentish or _SPEAKER_AFTER_QUOTE.search(sentence, 0, t.start) is not None and \
                sentence[t.end:t.end + 1] in (")", "）")  # '"Now I know it too" (Q)': who said the quote
            agentish = agentish or _IS_TOLD.match(sentence, t.end) is not None  # "Q was told the rank"
            agentish = agentish or (i > 0 and raw[i - 1].kind == "agent" and nxt is not None and
                                    nxt.kind in ("know", "notknow", "says", "modal") and
                                    _AGENTS_AND.fullmatch(sentence, raw[i - 1].end, t.start) is not None and
                                    _BOTH_GAP.fullmatch(sentence, t.end, nxt.start) is not None)  # "P and Q both know"
            agentish = agentish or ((held := _HOLDS_BEFORE.match(sentence, t.end)) is not None and
                                    bool(held.group(0).strip()))  # "Alice holds one of these seven hands"
            agentish = agentish or _WHO.match(sentence, t.end) is not None  # "Q, who holds the suit, says"
            agentish = agentish or _WHEN_ZH.match(sentence, t.end) is not None  # "Q在P开口前就能断定": Q at a time
            agentish = agentish or _WHOSE_LIST.search(sentence, max(0, t.start - 40), t.start) is not None  # "the list for Q"
            agentish = agentish or ("拿" in sentence or "手里" in sentence) and \
                _ZH_HOLDER_BEFORE.search(sentence, max(0, t.start - 14), t.start) is not None  # "拿着草花的Q": the Q
            # holding clubs
            if not agentish and i + 1 < len(raw) and raw[i + 1].kind in ("value", "number", "ambig", "tuple"):
                held = _HOLDS_BEFORE.match(sentence, t.end)  # "if Q had the K": Q holds a value
                agentish = held is not None and held.end() > t.end and held.end() == raw[i + 1].start
            j = i + 2 if i + 2 < len(raw) and raw[i + 1].kind == "copula" else i + 1  # ("凯丝拿的是6": 是 scanned)
            if agentish and j < len(raw) and raw[j].kind == "number" and \
                    (held := _HOLDS_BEFORE.match(sentence, t.end) or _AGENT_IS.match(sentence, t.end)) is not None \
                    and held.end() == raw[j].start:
                held_cards = []  # "Cath holds card 6", "凯丝拿的是6", "Alice holds 0, 1 and 2": the variable of each
                while j < len(raw) and raw[j].kind == "number":  # card has the holder's value
                    own = _card_value(t.payload, raw[j].payload)
                    if own is None:
                        break
                    held_cards.append(Token("value", own, raw[j].start, raw[j].end, raw[j].text))
                    k = j + 2 if j + 2 < len(raw) and raw[j + 1].kind == "sep" and raw[j + 1].text in ",，、" else j + 1
                    if k >= len(raw) or _AND_GAP.fullmatch(sentence, raw[j].end, raw[k].start) is None:
                        break
                    j = k
                if held_cards and _OR_NUMBER.match(sentence, held_cards[-1].end) is None:  # (not "0, 1 or 2": one of)
                    out.extend(held_cards)
                    taken = held_cards[-1].start
                    continue
            meanings, owned = dict(t.payload), False
            worn = None if agentish else _worn_on(lex, raw, i, sentence)
            if worn is not None:  # "if he saw a red hat on the first man": the hat of the one named after it
                meanings["value"], owned, taken = worn, True, raw[i + 1].start
            elif not (agentish and "agent" in meanings) and last_attr is not None and \
                    _PRONOUN_SUBJECT.search(sentence, attr_end, t.start) is None:  # (not "…，他必是白": his own)
                own = next((p for k, p in t.payload if k == "value" and p[0] == last_attr), None)
                if own is not None:  # "the anne can only be red": red of the variable just named
                    meanings["value"], owned = own, True
            elif not (agentish and "agent" in meanings) and (prev := _owner(_before_copula(out), out, sentence)) \
                    is not None and prev.kind in ("agent", "he") and \
                    (_HOLDS_BEFORE.fullmatch(sentence, prev.end, t.start) is not None or
                     _AGENT_IS.fullmatch(sentence, prev.end, t.start) is not None or
                     _AGENT_IS_NOT.fullmatch(sentence, prev.end, t.start) is not None or
                     _BESIDE.fullmatch(sentence, prev.end, t.start) is not None) \
                    and (holder := prev if prev.kind == "agent" else
                         next((u for u in reversed(out) if u.kind == "agent"), None)) is not None and \
                    not _coordinated(out, holder, sentence):  # (not "第二位和盲人都戴红帽": both hats, the colour shared)
                mine = _own_var(lex, holder.payload)  # "Bill holds white", "安妮的话排除了她拿白牌的…": the
                # holder's own card (a pronoun's, the agent named last)
                own = next((p for k, p in t.payload if k == "value" and p[0] == mine), None)
                if own is not None:
                    meanings["value"], owned = own, True
            elif lex.shared_values and len(lex.question_vars) == 1 and \
                    (answered or any(u.kind == "answer" for u in out)):
                # "Answer: white." in Hexa: the card asked
                own = next((p for k, p in t.payload if k == "value" and p[0] == lex.question_vars[0]), None)
                if own is not None:  # about (Bill's), rather than the last variable's
                    meanings["value"], owned = own, True
            if not (agentish and "agent" in meanings) and lex.shared_values and not owned and out and \
                    out[-1].kind == "value" and _LIST_GAP.fullmatch(sentence, out[-1].end, t.start) is not None:
                own = next((p for k, p in t.payload if k == "value" and p[0] == out[-1].payload[0]), None)
                if own is not None:  # "Anne is red or blue": blue is Anne's too, like the value the list began on
                    meanings["value"], owned = own, True
            if not (agentish and "agent" in meanings) and lex.shared_values and not owned and \
                    sum(k == "value" for k, _ in t.payload) > 1:
                continue  # "the second and third hats are not both red": a colour several hats share, owner unread
            t = Token("agent", meanings["agent"], t.start, t.end, t.text) if agentish and "agent" in meanings else \
                Token("value", meanings.get("value", next(iter(meanings.values()))), t.start, t.end, t.text)
            kind = t.kind
        elif kind == "number":
            j = i + 2 if i + 2 < len(raw) and raw[i + 1].kind == "copula" else i + 1
            owner = raw[j] if j < len(raw) and raw[j].kind == "ambig" and _CARD_BEFORE.search(
                sentence, max(0, t.start - 8), t.start) and _CARD_OWNED.fullmatch(sentence, t.end, raw[j].start) and \
                _POSSESSED.match(sentence, raw[j].end) else None
            own = _card_value(owner.payload, t.payload) if owner is not None else None
            if own is not None:  # "Card 6 is Cath's.": the variable of card 6 has Cath's value
                out.append(Token("value", own, t.start, raw[j].end, sentence[t.start:raw[j].end]))
                taken = raw[j].start
                continue
            if _BOUND_BEFORE.search(sentence, max(0, t.start - 10), t.start):
                continue  # "bounds each number by 99", "up to 100": a bound of the range, not a value
            if _NAME_OPERATOR.search(sentence, max(0, t.start - 6), t.start) or \
                    _AFTER_ABSOLUTE.search(sentence, max(0, t.start - 6), t.start):
                continue  # "a − 1 或 a + 1", "s − 2", "|a − b| = 1": a number in an expression, not a value
            if _IN_SUM.match(sentence, t.end) and not lex.number_pair:
                continue  # "3 + 6 + 5 + 2 = 16": counting, not values (pairs such as "4 + 13" stay readable)
            if _COUNTED.match(sentence, t.end):
                continue  # "剩 4 对", "14 pairs remain": how many, not a value (but "July 17 remain" is July 17)
            if sentence[t.end:t.end + 1] in lex.codes and not sentence[t.end + 1:t.end + 2].isalnum():
                continue  # "her number must be 2b": a multiple of b, not a value
            var = None
            if slot is not None and slot < 2:
                var = pair[slot] if t.payload in lex.codes[pair[slot]] else None
                slot = slot + 1 if var is not None else None
                if var == pair[1] and out and out[-1].kind == "value" and out[-1].payload[0] == pair[0] and \
                        _AND_GAP.fullmatch(sentence, out[-1].end, t.start):
                    out[-1] = Token("tuple", {pair[0]: out[-1].payload[1], var: t.payload}, out[-1].start, t.end,
                                    sentence[out[-1].start:t.end])
                    continue
            if last_attr is not None and _other_subject(sentence, attr_end, t.start):
                last_attr = None  # "谢丽尔9岁，两个弟弟都是4岁，车号17": 4 and 17 are the brothers' and the bus's;
                # "Cheryl has two brothers, product of all three ages is 144": the product's
            if last_attr is not None and (fixed := _FIXED_THEN.match(sentence, attr_end)) and fixed.end() <= t.start:
                last_attr = None  # "- a = 2 → 1 is gone, so only 3": the case fixed a; 1 and 3 are another's values
            own = _subject_number(lex, out, sentence, t) if var is None and out else None
            if own is None and var is None and subject_run is not None and t.payload in lex.codes[subject_run[0]] and \
                    _LIST_GAP.fullmatch(sentence, subject_run[1], t.start) is not None:
                own = subject_run[0]  # ("安妮可能是0或2": the list goes on)
            if own is not None:  # "b = 1时，安妮可能是0或2", "Anne could only be 1": Anne's number, a
                var, subject_run = own, (own, t.end)
            var = var or _numeric_var(lex, t.payload, last_attr) or _answered_var(lex, t, out, sentence) or \
                _bool_var(lex, t, out, last_attr)
            if var is None:
                if out and out[-1].kind == "copula" and not sentence[out[-1].end:t.start].strip() and \
                        (len(out) == 1 or out[-2].kind != "attr"):
                    out.pop()  # "s = 23 有 (4, 19)、(7, 16)": the copula names 23, not the pairs after it
                continue
            t = Token("value", (var, t.payload), t.start, t.end, t.text)
            kind = "value"
        if kind == "value" and tv is not None and out:
            last = out[-1].kind
            if last == "value":
                merged = _merged(out[-1], t, tv, sentence)
                if merged is not None:
                    out[-1] = merged
                    _distribute(out, sentence)  # ("A, Q, 4 of hearts": each of the three ranks of hearts)
                    continue
            elif last == "copula":
                at = _named_pair(out, t, tv, sentence)
                if at:  # "x = 4 and y = 13", "x = 4, y = 13"
                    first = out[at]
                    out[at:] = [Token("tuple", {first.payload[0]: first.payload[1], t.payload[0]: t.payload[1]},
                                      first.start, t.end, sentence[first.start:t.end])]
                    continue
            elif last == "tuple" or last == "sep":
                t = _spread(out, t, sentence)
        if kind == "value" and out and out[-1].kind == "attr" and \
                _AGE_GAP.fullmatch(sentence, out[-1].end, t.start) is not None and \
                sentence[t.end:t.end + 2].lstrip().startswith("岁"):  # (or "谢丽尔今年9岁": this year)
            out.append(Token("copula", "是", t.start - 1, t.start - 1, "是"))  # "谢丽尔9岁": an age said without 是 (an
            # empty copula just before the number, so that the attribute is what comes before the value)
        if kind == "attr" and len(out) >= 2 and out[-1].kind == "copula" and out[-1].text == "=" and \
                out[-2].kind == "attr" and out[-2].payload == t.payload:
            out.pop()  # "s = x + y": a name given to the term, one attribute (not that the sum equals itself)
            continue
        out.append(t)
    return out


_AFTER_REMOVAL = ("之后", "以后", "后")
_REMOVERS = frozenset(ZH_REMOVING.split("|"))
_THESE_AFTER = re.compile(r"\s*(?:这|这些|那|那些)\s*[\d一二三四五六七八九十两几]{0,3}\s*[张个种对组条]?\s*(?:牌|日期|情况)?\s*"
                          r"(?:之后|以后|后)")
# "a red hat on the first man", "red on man 3": the wearer after the colour
_ON_WEARER = re.compile(r"\s+(?:hats?\s+)?on\s+(?:the\s+)?", re.IGNORECASE)


def _worn_on(lex: Lexicon, raw: list[Token], i: int, sentence: str) -> tuple | None:
    """The value a colour at raw[i] names when its wearer follows ("saw a red hat on the first man", "sees red on
    man 3"): the wearer's own variable's, or None."""
    nxt = raw[i + 1] if i + 1 < len(raw) else None
    if nxt is None or nxt.kind not in ("agent", "ambig") or \
            _ON_WEARER.fullmatch(sentence, raw[i].end, nxt.start) is None:
        return None
    name = nxt.payload if nxt.kind == "agent" else dict(nxt.payload).get("agent")
    mine = _own_var(lex, name) if isinstance(name, str) else None
    return next((p for k, p in raw[i].payload if k == "value" and p[0] == mine), None) if mine else None
_OPERATOR_AFTER = re.compile(r"\s*[−\-+×*·/]\s*\d")
_SPOKEN_SUM = re.compile(r"(?i)(?<![A-Za-z])[a-z]\s+(?:minus|plus)\s+\d{1,4}\b")  # "a minus 1", "b plus 1"
_OPERAND_BEFORE = re.compile(r"(?<![A-Za-z])[A-Za-z]\s*[−+×*·/]\s*$")  # "a+", "a · " before a one-letter variable
_OPERAND_AFTER = re.compile(r"\s*[−+×*·/]\s*[A-Za-z](?![A-Za-z])")  # "+b", " · c" after it
_BARE_TERM = {"和": "之和", "积": "乘积"}


def _known_attr_subject(raw: list[Token], sentence: str) -> list[Token]:
    """"伯纳德现在能确定的生日就是7月16日": a knowing word that opens a relative clause ("…的" before an attribute) names
    the attribute as its subject; the agent, time and knowing word go, and the claim is that attribute's value."""
    out = list(raw)
    for n, t in enumerate(raw):
        if t.kind == "know" and sentence[t.end:t.end + 1] == "的" and n + 1 < len(raw) and \
                raw[n + 1].kind == "attr" and raw[n + 1].start == t.end + 1 and \
                any(u.kind == "copula" for u in raw[n + 2:n + 4]):  # (not "根据Q先生知道的花色，…": what he is told)
            first = n
            while first > 0 and raw[first - 1].kind in ("now", "modal", "agent", "then"):
                first -= 1
            if any(u.kind == "agent" for u in raw[first:n]) and \
                    not any(c in sentence[max(0, raw[first].start - 2):t.start] for c in "让使令"):
                out = [u for u in out if not (raw[first].start <= u.start < t.end)]  # (not "能让伯纳德知道的日子": what
                # would let him know, a property of days)
    return out


def _observed_after_know(lex: Lexicon, sentence: str, raw: list[Token]) -> list[Token]:
    """"S先生知道和，P先生知道积": a bare 和 / 积 right after 知道 is the observed sum / product, not "and"."""
    out = list(raw)
    for t in raw:
        if t.kind in ("know", "notknow") and t.text.endswith("知道"):
            word = sentence[t.end:t.end + 1]
            meaning = lex.entries.get(_BARE_TERM.get(word, ""), ())
            if word in _BARE_TERM and not ("\u4e00" <= sentence[t.end + 1:t.end + 2] <= "\u9fff"):
                kind, payload = meaning[0] if meaning else ("unnamed", word)  # a sum the puzzle does not name
                out.append(Token(kind, payload, t.end, t.end + 1, word))
    out.sort(key=lambda u: u.start)
    return out


def _named_pair(out: list[Token], t: Token, tv: tuple[str, str], sentence: str) -> int:
    """The (negative) index in `out` of `<value of one tuple variable> [,|and] <the other one's name> =` before `t`,
    or 0."""
    if len(out) < 3 or out[-1].kind != "copula" or out[-2].kind != "attr":
        return 0
    at = -4 if len(out) > 3 and out[-3].kind == "sep" and out[-3].text in _LIST_COMMAS else -3
    var, first = t.payload[0], out[at]
    if first.kind != "value" or out[-2].payload != var or first.payload[0] == var or first.payload[0] not in tv \
            or var not in tv:
        return 0
    return at if _AND_GAP.fullmatch(sentence, first.end, out[-2].start) else 0


_DAY_FIRST = re.compile(r"\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\.?")  # "19 April", "12th June"


def _distribute(out: list[Token], sentence: str) -> None:
    """"A, Q, 4 of hearts", "14, 17, 19 April": values listed before a card written "<rank> of <suit>" share its
    suit, and days listed before a date written day first share its month (in place)."""
    card = out[-1]
    first, other = next(iter(card.payload)), next(reversed(card.payload))
    if " of " not in card.text and _DAY_FIRST.fullmatch(card.text) is None:
        return  # ("♥4" glued: no list shares it)
    j, after = len(out) - 2, card.start
    while j >= 0:
        if out[j].kind == "sep" and out[j].text in _LIST_COMMAS:
            j -= 1
            continue
        v = out[j]
        if v.kind != "value" or v.payload[0] != first or not _LIST_GAP.fullmatch(sentence, v.end, after):
            return
        out[j] = Token("tuple", {first: v.payload[1], other: card.payload[other]}, v.start, v.end, v.text)
        j, after = j - 1, v.start


def _spread(out: list[Token], t: Token, sentence: str) -> Token:
    """`hearts A, Q, 4`, `A of hearts, diamonds`: a value listed after a tuple takes the tuple's other values."""
    prev = out[-1]
    if prev.kind == "sep" and len(out) > 1 and prev.text in _LIST_COMMAS:
        prev = out[-2]
    if prev.kind != "tuple":
        return t
    var, code = t.payload
    if var != next(reversed(prev.payload)) or not _LIST_GAP.fullmatch(sentence, prev.end, t.start):
        return t
    if t.end < len(sentence) and sentence[t.end].isalnum() and sentence[t.end] not in "日号":
        return t  # "five of diamonds, ♦5": the symbol glued to a rank starts a card of its own (but "3月13、17日":
        # the day's own suffix)
    return Token("tuple", {**prev.payload, var: code}, t.start, t.end, t.text)


_ANSWER_TAIL = re.compile(r"[\s:：*#\-–—]*")
_GUESSED_ANSWER = re.compile(r"(?i:\b(?:usually|typically|often|probably|maybe|perhaps|likely|famous|classic|let me|"
                             r"let's)\b)|通常|一般|可能|也许|大概")
_IN_SUM = re.compile(r"\s*[+×*·=]\s*\d")
_BOUND_BEFORE = re.compile(r"(?i:\b(?:by|up to|below|under|bounded by|capped at)\s*)$|不超过\s*$|以内\s*$")


def _answered_var(lex: Lexicon, t: Token, before: list[Token], sentence: str) -> str | None:
    """"Answer: 9" where the question asks for one number: the question's variable, when the answer cue comes right
    before the number and the number ends the answer ("答案：9岁", "**Answer: 9**"; not "Answer: 9 So the older …")."""
    q = lex.question_vars
    cue = before[:-1] if before and before[-1].kind == "sep" else before  # "答案：9"
    if len(q) != 1 or q[0] not in lex.numeric or t.payload not in lex.codes[q[0]] or not cue or \
            cue[-1].kind != "answer" or _ANSWER_ENDS.match(sentence, t.end) is None:
        return None
    return q[0]


_AGE_GAP = re.compile(r"\s*(?:今年|现在|已经|才|应该|就)?\s*")
_ANSWER_ENDS = re.compile(r"\s*(?:岁|(?i:years?(?:\s+old)?))?\s*(?:\*\*)?\s*(?:[.。!！]\s*)?(?:\*\*)?\s*$|"
                          r"\s*(?:岁|(?i:years?(?:\s+old)?))?\s*(?:\*\*)?\s*[:：—–]\s*\D")  # ("The answer is 9: she …")


# An attribute's value fixed as a case, then an arrow to what follows from it: "a = 2 →", "b is 9 ->"
_FIXED_THEN = re.compile(r"\s*(?:=|(?i:is)\b|为|是)\s*\d{1,6}\s*(?:\*\*)?\s*(?:→|->|⇒|=>)")


# A value said to be settled, a modal before it: "月份已经可以定为6月", "日期就能锁定为", "can be pinned down as"
_SETTLED_AS = re.compile(r"(?:可以|能够|就能|能|可)(?:确定|断定|判定|锁定|定)(?:为|是|成)\s*$|"
                         r"(?i:\b(?:can|could)\s+(?:now\s+|already\s+)?be\s+(?:pinned\s+down|fixed|determined|settled|"
                         r"identified)\s+(?:as|to\s+be)\s+$)")


def _subject_number(lex: Lexicon, out: list[Token], sentence: str, t: Token) -> str | None:
    """The numeric variable the agent who is the subject of a bare number observes ("安妮可能是0或2", "Anne could only
    be 1": Anne's a), when only a copula, a modal or "only" come between them in the same clause; else None."""
    j = len(out) - 1
    while j >= 0 and out[j].kind in ("copula", "modal", "only") and out[j].text != "=":  # ("Take Anne = 4, Bill = 5
        j -= 1  # as an example": a name given a number, often an example, unread)
    if j < 0 or j == len(out) - 1 or out[j].kind != "agent" or _CLAUSE_MARK.search(sentence, out[j].end, t.start):
        return None
    var = _observed_number(lex, out[j].payload)
    return var if var is not None and t.payload in lex.codes[var] else None


def _other_subject(sentence: str, start: int, end: int) -> bool:
    """Whether the text between an attribute and a number names another subject or term, so that the number is not
    the attribute's value."""
    return ("，" in sentence and (_OTHER_SUBJECT.search(sentence, start, end) is not None or
                                  _PRONOUN_SUBJECT.search(sentence, start, end) is not None)) or \
        _OTHER_TERM.search(sentence, start, end) is not None or _OTHER_PLURAL.search(sentence, start, end) is not None \
        or _OWNED_PLURAL.match(sentence, start, end) is not None


# A Chinese clause after a comma that opens on a subject the vocabulary does not know, right before a number: no
# connective ("也就是", "或", "只能是") in it
_OTHER_SUBJECT = re.compile(r"[，,]\s*(?![^\d，,]*?(?:也|即|就|或|还|只|应|必|可能|所以|因此|那么|则|为|等于|剩|排除|不))"
                            r"[\u4e00-\u9fff]{2,8}\s*$")
# A clause opened by a person ("若 h2 = h3 = 红，他必是白"): his own value, not the attribute's of the clause before
_PRONOUN_SUBJECT = re.compile(r"(?:[，,]\s*(?:他|她)(?:自己)?|(?:[，,]|→|->|⇒)\s*自己(?:的帽子)?)"
                              r"(?:就|也|便|必|必然|一定|只能|肯定|只可能|若|如果|要是)*(?:是|为)?\s*$")
# ("h3 红、h1 白 → 自己若红": the speaker's own hat, not h1)
# A pronoun for the value just named, and its contents: "6月，里面是12和19", "May, which has 15, 16 and 19"
_THAN = re.compile(r"\s+than\b", re.IGNORECASE)
_CONTENTS_AFTER = re.compile(r"\s*(?:里面|里边|其中|当中)\s*(?:是|有|只有)|\s*(?i:which\s+(?:has|contains)\b)")
# An English clause after a comma on a plural noun the vocabulary does not know: "Cheryl 9, brothers 4 and 4"
_OTHER_PLURAL = re.compile(r",\s*(?:and\s+)?(?:the\s+|his\s+|her\s+|their\s+|both\s+|two\s+)?(?!(?i:options|values|"
                           r"possibilities|candidates|choices|cases|ones|numbers)\b)[a-z]{3,}s\s+(?:are\s+|were\s+)?$|"
                           # … or on a singular one with its article: "Cheryl is 9, and the bus is number 17"
                           # (or after "tells us": "Cheryl's hint also tells us the bus was 17")
                           r"(?:[,;]\s*(?:and\s+)?|\b(?:tells|told|shows|showed)\s+(?:us|them)\s+(?:that\s+)?)"
                           r"(?:the|his|her|their)\s+(?!(?i:answer|age|value|number|result|only|same|"
                           r"final)\b)[a-z]{3,}(?:\s+number)?\s+(?:is|was)\s+(?:number\s+|no\.\s*|#)?$")
# What the attribute's owner has, in the plural: "Cheryl's brothers are both 4" (their ages, not Cheryl's)
_OWNED_PLURAL = re.compile(r"(?:'s|’s)\s+(?!ages\b|values\b|numbers\b)[a-z]{3,}s\b", re.IGNORECASE)
# A term the vocabulary has no name for, between an attribute and a number: "…, product of all three ages is 144"
# (and "…; the product is 144", a new clause on a term without a name)
_OTHER_TERM = re.compile(r"(?i:\b(?:product|sum|total)\s+of\b|\bwhose\s+(?:product|sum|total)\b|"
                         r"[;:]\s*(?:the\s+)?(?:product|sum|total)\s+(?:is|=|equals)"
                         r"\s*$)|乘积|之和|总和")
_AFTER_ABSOLUTE = re.compile(r"\|\s*(?:=|≥|≤|<|>|<=|>=)\s*$")
_NAME_OPERATOR = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]\s*[−+±∓\-×*·/]\s*$")
# An agent, then what it is: "安妮是2", "Anne is 4", "where she's white" (not "=": "Anne = 4, Bill = 5" is often an
# example); what it is not: "Cath's card isn't white" (the card is hers), "她拿的不是白牌"
_AGENT_IS = re.compile(r"\s*(?:也|都|就|还|只能|一定|必然|肯定|必)?(?:是|的数是|的数字是|戴的是|戴着|戴)\s*|"
                       r"\s*(?i:is|was)\s*|'s\s+(?:(?:own\s+)?[a-z]+\s+(?:is|was|must\s+be)\s+)?|"
                       r"(?i:\s+(?:is\s+|was\s+|must\s+be\s+)?wearing\s+(?:a\s+|an\s+)?|"
                       r"\s+(?:wears|wore)\s+(?:a\s+|an\s+)?|"
                       r"\s+(?:has|had)\s+(?:a|an)\s+)")
_AGENT_IS_NOT = re.compile(r"\s*(?:(?:拿的|手里的|的牌)?(?:也|都|还|并)?(?:不是|没有|没拿|不可能是|不会是)|(?:不可能|不能|没|不)戴|"
                           r"(?i:(?:'s\s+(?:own\s+)?[a-z]+\s+)?"
                           r"(?:isn't|is\s+not|wasn't|was\s+not|can't\s+be|cannot\s+be|is\s+neither|was\s+neither)"
                           r"(?:\s+wearing)?|"
                           r"doesn't\s+have|does\s+not\s+have))\s*")
_BESIDE = re.compile(r"[ \t]*[:：=]?[ \t]*")  # a shared value beside its owner: "Anne red, Bill white", "安妮：红"


_PAIR_OWNED = re.compile(r"(?i:['’]s\s+(?:two\s+)?(?:numbers|pair)\b)|的(?:两个数|两数)")


def _number_held(raw: list[Token], i: int, sentence: str) -> bool:
    """Whether the agent at raw[i] is said to hold the number right after it ("Anne has 2", "Anne = 4", "安妮是2")."""
    j = i + 1
    while j < min(len(raw), i + 3) and raw[j].kind in ("copula", "neg"):
        j += 1  # ("Bill's card is neither 0 nor 10": a copula, then a negation)
    if j >= len(raw) or raw[j].kind != "number":
        return False
    return _HOLDS_BEFORE.fullmatch(sentence, raw[i].end, raw[j].start) is not None or \
        _AGENT_IS.fullmatch(sentence, raw[i].end, raw[j].start) is not None or \
        _AGENT_IS_NOT.fullmatch(sentence, raw[i].end, raw[j].start) is not None  # ("比尔也不可能是0或10")


# A letter given as a name after a copula: "设谢丽尔的年龄为 c", "记和为 s", "denote the sum by s", "call it s"
_NAMED_LETTER = re.compile(r"\s*(?:(?i:by|as)\s+)?[A-Za-z](?![A-Za-z\d_(])")


def _without_names(raw: list[Token], sentence: str) -> list[Token]:
    """The tokens without each variable that a letter is given to as its name, and the copula between ("设谢丽尔的年龄
    为 c": what follows the letter says nothing of the age's value)."""
    out: list[Token] = []
    skip = False
    for i, t in enumerate(raw):
        if skip:
            skip = False
            continue
        nxt = raw[i + 1] if i + 1 < len(raw) else None
        if t.kind == "attr" and nxt is not None and nxt.kind == "copula" and \
                _NAMED_LETTER.match(sentence, nxt.end) is not None:
            skip = True
            continue
        out.append(t)
    return out


def _coordinated(out: list[Token], agent: Token, sentence: str) -> bool:
    """Whether `agent` is the second of two agents joined by "and" ("the second man and the blind man both wear red",
    "第二位和盲人都戴红帽"): what follows is said of both."""
    at = next((n for n, u in enumerate(out) if u is agent), 0)
    return at > 0 and out[at - 1].kind == "agent" and \
        _AGENTS_AND.fullmatch(sentence, out[at - 1].end, agent.start) is not None


def _owner(prev: Token | None, out: list[Token], sentence: str) -> Token | None:
    """`prev`, or the agent owning it when it is an attribute after a possessive ("Cath's card isn't white": Cath),
    with the end moved to the attribute's (what comes between it and the value is what is checked)."""
    if prev is None or prev.kind != "attr":
        return prev
    at = next((n for n in range(len(out) - 1, -1, -1) if out[n] is prev), None)
    agent = out[at - 1] if at else None
    if agent is None or agent.kind != "agent" or _POSSESSED_GAP.fullmatch(sentence, agent.end, prev.start) is None:
        return prev
    return agent._replace(end=prev.end)


_CERTAIN_IS = frozenset({"一定是", "肯定是", "必然是", "只能是"})  # "第三位一定是白的": a copula that is certain


def _before_copula(out: list[Token]) -> Token | None:
    """The last token before any copula or negation ending `out` ("比尔拿的是白牌": 比尔 before 是; "Anne isn't")."""
    n = len(out)
    while n and (out[n - 1].kind in ("copula", "neg") or out[n - 1].text in _CERTAIN_IS) and len(out) - n < 2:
        n -= 1
    return out[n - 1] if n else None


def _observed_var(lex: Lexicon, agent: str) -> str | None:
    """The one variable an agent observes (Bill sees his card `bill`), or None."""
    observes = next((a.observes for a in lex.puzzle.agents if a.name == agent), ())
    return observes[0].name if len(observes) == 1 and isinstance(observes[0], s.Var) else None


# "Card 6 is Cath's", "card 6 belongs to Cath", "6号牌是凯丝的": a card, then its holder
_CARD_BEFORE = re.compile(r"(?i:\bcard\s*#?\s*$)|^\s*$")
_CARD_OWNED = re.compile(r"(?i:\s+(?:is|was|must\s+be)\s+|\s+belongs\s+to\s+|\s+goes\s+to\s+)|"
                         r"\s*(?:号牌|号)?\s*(?:是|归|在)\s*")
_POSSESSED = re.compile(r"(?:'s|’s)\b|的|手里|手上|(?=\s*[.。!！*]|\s*$)")
_OR_NUMBER = re.compile(r"\s*[,，]?\s*(?:(?i:or)\b|或者?|还是)\s*\d")


def _card_value(payload, n: int) -> tuple | None:
    """Of an ambiguous holder's meanings, the value of the variable indexed `n` ("Cath" of card 6: c[6] = cath)."""
    return next((p for k, p in payload if k == "value" and p[0].endswith(f"[{n}]")), None)


def _own_var(lex: Lexicon, agent: str) -> str | None:
    """An agent's own variable (lexicon.own_variable)."""
    return own_variable(lex.puzzle, agent)


def _held_var(lex: Lexicon, agent: str) -> str | None:
    """The numeric variable an agent observes, when it observes just that one (Anne sees a): what "Anne has 2" names."""
    seen = _observed_var(lex, agent)
    return seen if seen in lex.numeric else None


def _bool_var(lex: Lexicon, t: Token, out: list[Token], last_attr: str | None) -> str | None:
    """The bool variable a 0 or 1 is given right after it and "=" ("b3 = 1", "m[2] = 0"), else None."""
    if t.payload not in (0, 1) or last_attr is None or len(out) < 2 or out[-1].text != "=" or \
            out[-2].kind != "attr" or out[-2].payload != last_attr or len(out) > 2 and out[-3].kind == "know":
        return None  # (not "L2 already knows b_1 = 1": a fact known, read as his knowing b[1])
    return last_attr if any(v.name == last_attr and v.sort == "bool" for v in lex.puzzle.variables) else None


def _numeric_var(lex: Lexicon, number: int, last_attr: str | None) -> str | None:
    if last_attr in lex.codes and number in lex.codes[last_attr]:
        return last_attr
    owners = [v for v in lex.numeric if number in lex.codes[v]]
    return owners[0] if len(owners) == 1 else None


_TRIPLE = re.compile(r"[(（]\s*\d{1,3}\s*[,，]\s*\d{1,3}\s*[,，]\s*\d{1,3}\s*[)）]")


def _pairs(lex: Lexicon, sentence: str) -> list[tuple[int, int, dict]]:
    """"(4, 13)": a pair of the question's two numbers, or of the puzzle's only two variables when both are numbers
    and the question asks something else ("去掉 (2,1)" in the consecutive-numbers puzzle: a = 2, b = 1)."""
    q = lex.question_vars
    if len(q) != 2 or not all(v in lex.numeric for v in q):
        q = lex.numeric if len(lex.numeric) == 2 and len(lex.puzzle.variables) == 2 else ()
    if len(q) != 2:
        return []
    out = []
    for m in _PAIR.finditer(sentence) if "(" in sentence else ():
        a, b = int(m.group(1)), int(m.group(2))
        if a in lex.codes[q[0]] and b in lex.codes[q[1]]:
            out.append((m.start(), m.end(), {q[0]: a, q[1]: b}))
    if len(lex.puzzle.variables) == 2 and ("(" in sentence or "（" in sentence):
        for m in _TRIPLE_NUMBERS.finditer(sentence):  # "(9, 4, 4)" in Cheryl's Age: her age, the older brother's and
            a, b = int(m.group(1)), int(m.group(2))  # the younger's, which the two fix: a world when they make one
            if a in lex.codes[q[0]] and b in lex.codes[q[1]] and _world_pair(lex, q, a, b):
                out.append((m.start(), m.end(), {q[0]: a, q[1]: b}))
    for m in _NAMED_PAIR.finditer(sentence) if "=" in sentence else ():
        names, codes = (m.group(1), m.group(2)), (int(m.group(3)), int(m.group(4)))
        if set(names) == set(q) and all(c in lex.codes[n] for n, c in zip(names, codes)):
            out.append((m.start(), m.end(), dict(zip(names, codes))))
    for m in _PAIR_WORDED.finditer(sentence) if "pair" in sentence else ():  # "the single pair 4 and 13"
        a, b = int(m.group(1)), int(m.group(2))
        if a in lex.codes[q[0]] and b in lex.codes[q[1]]:
            out.append((m.start(1), m.end(), {q[0]: a, q[1]: b}))
    return out


# A pair named by the word and its two numbers: "the single pair 4 and 13", "the pair 4, 13"
_PAIR_WORDED = re.compile(r"(?i:\bpair\s+)(\d{1,4})\s*(?:,|and|&)\s*(\d{1,4})\b(?!\s*[)\]])")


_TRIPLE_NUMBERS = re.compile(r"[(（]\s*(\d{1,3})\s*[,，]\s*(\d{1,3})\s*[,，]\s*\d{1,3}\s*[)）]")


def _world_pair(lex: Lexicon, names: tuple[str, str], a: int, b: int) -> bool:
    """Whether the two variables `names` at a and b meet the puzzle's constraints (remembered per pair)."""
    memo = lex.atoms.setdefault("@world pairs", {})
    hit = memo.get((a, b))
    if hit is None:
        columns = {names[0]: np.array([a]), names[1]: np.array([b])}
        with np.errstate(all="ignore"):  # (a constraint dividing by a value the trace wrote as 0 is simply unmet)
            hit = memo[(a, b)] = all(bool(static_values(c, columns, 1)[0]) for c in lex.puzzle.constraints)
    return hit


def _merged(t: Token, u: Token, tv: tuple[str, str], sentence: str) -> Token | None:
    """`方块5`, `5 of diamonds`, `♦5`, `July 16`: adjacent values of the tuple's variables form one value."""
    (va, ca), (vb, cb) = t.payload, u.payload
    if va != vb and va in tv and vb in tv and _TUPLE_GAP.fullmatch(sentence, t.end, u.start):
        return Token("tuple", {va: ca, vb: cb}, t.start, u.end, sentence[t.start:u.end])
    return None


# ", and also", "，还有", "以及": a list of removed values goes on after a comma with other kinds of value
_LIST_GOES_ON = re.compile(r"\s*(?:(?i:and\s+also|as\s+well\s+as|plus|along\s+with)\s+(?:the\s+)?|还有|以及|另外还有)\s*")


# "but", "但", "yet", "however" right after a comma: what follows is a claim of its own, not more of the list
_CONDITION_ARROW = re.compile(r"[^,.;:，。；：→⇒]{0,40}?(?:→|⇒|->|=>)")
_WHERE_BEFORE = re.compile(r"(?i:\b(?:where|whose|in\s+which|for\s+which)\b)")
_CONTRAST_AFTER = re.compile(r"\s*(?:(?i:but|yet|however|though|with|so|hence|thus|therefore)\b|但|可是|不过|然而|所以|因此)")
# (nor a conclusion: "P's announcement kills the ace, so Q is done too": Q the agent, no value removed)


def _gone_clause(clause: list[Token]) -> bool:
    """Whether a clause says values went: values, then an elimination word after them ("spades and clubs are out")."""
    first = next((n for n, u in enumerate(clause) if u.kind in ("value", "tuple")), None)
    return first is not None and any(u.kind == "neg" and ELIMINATED.search(u.text) is not None
                                     for u in clause[first + 1:])


_UNREAD_SUBJECT_AFTER = re.compile(r"(?i:\s*,?\s*(?:and|while|but|whereas)\s+(?:[a-z]+\s+){1,3}(?:both\s+|all\s+)?)")


def _clauses(toks: list[Token], sentence: str = "") -> list[list[Token]]:
    """Split at separators, except commas inside a list of values of one variable, or before "还有" / "and also"
    and more values ("排除了3月、5月，还有6月19日")."""
    out: list[list[Token]] = [[]]
    glued = -1  # the separators before this offset join a list that goes on (", and also July 14")
    for i, t in enumerate(toks):
        if t.kind == "sep" and t.start < glued:
            continue
        if t.kind == "answer" and out[-1]:
            out.append([t])  # "..., and that reading gives a unique answer: ♦5": the answer is its own clause
            continue
        if t.kind == "copula" and t.text == "=" and out[-1] and out[-1][-1].kind in ("value", "tuple") and \
                any(u.kind == "copula" and u.text == "=" for u in out[-1]) and sentence and \
                sentence[out[-1][-1].end:t.start].strip() in ("}", "\\}", ")"):
            out.append([t])  # "D₂ = D₁ ∖ {Jul 14, Aug 14} = {Jul 16, Aug 15, Aug 17}": a chain of equal sets, the
            continue  # last is what the name is
        if t.kind == "past" and t.text.lower() == "after" and i + 1 < len(toks) and toks[i + 1].kind == "agent" and \
                any(u.kind == "neg" for u in out[-1]):
            out.append([t])  # "♠4 was already gone after P's first statement": when it went, not whose values
            continue
        if t.kind == "agent" and sentence and any(u.kind in ("value", "tuple") for u in out[-1]) and \
                any(u.kind == "neg" and ELIMINATED.search(u.text) is not None for u in out[-1]) and \
                _AND_THEN.fullmatch(sentence, out[-1][-1].end, t.start) is not None and \
                any(u.kind in ("know", "notknow") for u in toks[i + 1:i + 4]):
            out.append([t])  # "so statement 1 rules out a = 1 and Bill with 2 knows Anne has 3": what went, then who
            continue  # knows, two claims
        if t.kind == "only" and _gone_clause(out[-1]):
            subject = []
            while out[-1] and out[-1][-1].kind == "attr":
                subject.insert(0, out[-1].pop())  # "Q and 4 are out and the rank must be A or 5": the rank is said of
            out.append([*subject, t])  # the second claim. "spades and clubs are eliminated and only hearts and
            continue  # diamonds are left": what went, then what is left, two claims
        if t.kind == "attr" and i + 1 < len(toks) and toks[i + 1].kind == "copula" and \
                any(u.kind == "copula" or u.kind == "neg" and _INTRANSITIVE.fullmatch(u.text)
                    for u in out[-1]) and (out[-1][-1].kind != "copula" or (
                    sentence and _AND_GAP.fullmatch(sentence, out[-1][-1].end, t.start) is None)) and \
                not (toks[i + 1].text == "=" and any(u.kind == "attr" and u.payload == t.payload for u in out[-1])):
            out.append([t])  # "the sum is 17 and the numbers are 4 and 13", "hearts is out and the suit is diamonds": a
            # second subject, a second claim (the sum's 17 is no token: it is read as a bound of the sum); but "a = 0
            # and a = 10 are gone" is one
            continue
        if t.kind == "copula" and sentence and len(out[-1]) >= 3 and out[-1][-1].kind in ("value", "tuple") and \
                any(u.kind == "copula" for u in out[-1][:-1]) and \
                _UNREAD_SUBJECT_AFTER.fullmatch(sentence, out[-1][-1].end, t.start) is not None:
            out.append([])  # "Cheryl is 9 and the brothers are both 4": a second subject the reader does not know;
            continue  # what it is said to be is not the first subject's
        if t.kind == "copula" and (t.text.lower() in _SAME_AGAIN or sentence and t.text.lower() == "are" and
                                   i + 1 < len(toks) and toks[i + 1].kind in ("value", "tuple") and
                                   _WHICH_BEFORE.search(sentence, max(0, t.start - 8), t.start) is not None) and \
                not out[-1] and len(out) >= 2:  # (", which are (1, 0), (2, 1)": the values removed, said again)
            verb = next((u for u in out[-2] if u.kind == "neg" and ELIMINATED.search(u.text) is not None), None)
            ahead = itertools.takewhile(lambda u: u.kind != "sep", toks[i + 1:])
            if verb is not None and not any(u.kind == "only" or u.text.lower() in _LEAVING for u in ahead):
                out[-1].append(verb)  # "rules out a = 0 and a = 10, i.e. the pairs (0, 1) and (10, 9)": the same
                continue  # values, ruled out too, not what is left
        if t.kind == "sep":
            prev = out[-1][-1] if out[-1] else None
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            head = out[-1]
            if t.text in (":", "：") and head and head[-1].kind in ("copula", "only", "neg") and nxt is not None and \
                    nxt.kind in ("value", "tuple") and not any(u.kind in ("value", "tuple") for u in head) and \
                    (head[-1].kind != "neg" or ELIMINATED.search(head[-1].text) is not None and not (
                        sentence and _WHERE_BEFORE.search(sentence, max(0, head[-1].start - 40), head[-1].start))):
                # (not "Not yet: April …"; nor "…, where one neighbour has been removed: (1, 2), (2, 3)": what is left)
                continue  # "the possible dates are: May 15, May 16", "we eliminate: July 14, August 14" (not "A也被排除了：A在…")
            if t.text in (":", "：") and nxt is not None and nxt.kind == "tuple" and _refined(head, toks, i):
                while head and head[-1].kind in ("value", "sep"):
                    head.pop()  # "the candidates are hearts and diamonds: ♥A, ♥Q, ♥4, ♦5": the cards, not the suits
                continue
            if (t.text in (":", "：", "→", "->", "=>", "⇒") or t.text in ("—", "–") and nxt is not None and
                    i + 2 < len(toks) and (nxt.kind == "only" and toks[i + 2].kind == "value" or
                         nxt.kind == "value" and toks[i + 2].kind == "only" and toks[i + 2].text.lower() == "only")) \
                    and head and all(u.kind == "value" and u.payload[0] == head[0].payload[0] for u in head
                                     if u.kind != "sep"):
                continue  # "A: hearts and diamonds", "J, 8, 2, 7, 3: only spades", "Q → only ♥Q", "J — only spades",
                # "12 — June only"
            if t.text in (",", "，") and prev is not None and nxt is not None and _same_kind(prev, nxt) and \
                    (not sentence or _CONTRAST_AFTER.match(sentence, t.end) is None) and \
                    not (any(u.kind == nxt.kind and u.payload == nxt.payload for u in head) and
                         any(u.kind == "neg" for u in itertools.takewhile(lambda u: u.kind != "sep", toks[i + 2:]))):
                continue  # "March 18, 19" one list (not "a 原本是0或2，但0已排除", "原本是8或10，10已排除": another claim)
            more = next((u for u in toks[i + 1:] if u.kind != "sep"), None) if sentence else None
            if t.text in (",", "，") and prev is not None and more is not None and \
                    prev.kind in ("value", "tuple") and more.kind in ("value", "tuple") and \
                    _LIST_GOES_ON.fullmatch(sentence, t.end, more.start) is not None:
                glued = more.start
                continue
            if t.text in (";", "；") and prev is not None and nxt is not None and _same_kind(prev, nxt) and \
                    prev.kind == "tuple" and not any(u.kind == "neg" or (u.kind == "tuple" and sentence and
                                                                         _GOES.match(sentence, u.end) is not None)
                                                     for u in itertools.takewhile(
                        lambda u: u.text not in (";", "；", ".", "。"), toks[i + 1:])):
                continue  # "March 18, 19; July 16, 17, 19": one list (not "…, (4, 7); (5, 6) is gone", "…; August 15
                # goes too")
            # "…, leaving ♥Q and ♦5", "that leaves March 18": what is left is stated, as after "are"
            out.append([Token("copula", t.payload, t.start, t.end, t.text)] if t.text.lower() in _LEAVING else [])
            continue
        out[-1].append(t)
    return [c for c in out if c]


def _refined(head: list[Token], toks: list[Token], i: int) -> bool:
    """Whether the values a clause ends on (after "are", "leaves", "only") are spelled out after the colon at
    toks[i] as tuples that each have one of those values ("hearts and diamonds: ♥A, ♥Q, ♦5")."""
    n = len(head)
    while n and head[n - 1].kind in ("value", "sep"):
        n -= 1
    named = [u for u in head[n:] if u.kind == "value"]
    if not named or n == 0 or head[n - 1].kind not in ("copula", "only") or len({u.payload[0] for u in named}) != 1:
        return False
    var, codes = named[0].payload[0], {u.payload[1] for u in named}
    listed = [u for u in itertools.takewhile(lambda u: u.kind in ("tuple", "sep") and u.text not in (".", "。"),
                                             toks[i + 1:]) if u.kind == "tuple"]
    return all(u.payload.get(var) in codes for u in listed)


def _knows_one_value(f: tuple | None) -> bool:
    """Whether a key is `X knows that v = c` (or a conjunction of such): knowing one particular value."""
    if f is None or f[0] != "Knows" or f[3] != "that":
        return False
    body = f[4]
    parts = body[1] if body[0] == "And" else (body,)
    return all(p[0] == "Compare" and p[1] == "=" and p[3][0] == "Const" for p in parts)


def _can_now(clause: list[Token], know: int, kinds: list[str]) -> bool:
    """"Q can now identify the card", "P现在能确定", "波就已经能确定": an ability now is knowledge now, not a
    counterfactual."""
    return ("now" in kinds or any(t.text.lower() in _ALREADY_WORDS for t in clause[:know])) and all(t.text.lower() in _ABILITY for t in clause[:know] if t.kind == "modal")


_ABILITY = frozenset({"can", "能", "可以", "能够"})
_ALREADY_WORDS = frozenset({"already", "已经", "就已经"})


def _value_leaves(toks: list[Token], leaving: Token, sentence: str) -> bool:
    """Whether a value stands right before "leaves" ("July leaves July 16"): that value's case (not before "; keep":
    "drop July 14 and August 14; keep July 16, …" keeps what the dropping leaves; but "clubs lost K and 6 and keeps Q,
    5, 4" is the clubs')."""
    if leaving.text.startswith(";"):
        return False
    before = [t for t in toks if t.end <= leaving.start]
    number = _NUMBER_BEFORE.search(sentence, 0, leaving.start)
    if number is not None and LABEL_BEFORE.search(sentence, 0, number.start()) is None:
        return True  # "11 leaves (2, 9), (3, 8)": the sum 11's case (not "after statement 2 we're already at …")
    return bool(before) and before[-1].kind in ("value", "tuple") and not sentence[before[-1].end:leaving.start].strip()


def _one_value_left(toks: list[Token], clause: list[Token], sentence: str) -> Token | None:
    """The value a sentence is about, when what its leaving clause names all has it ("5 appeared in clubs and
    diamonds; clubs gone, leaving ♦5": the 5s left, not the stage's candidates), else None."""
    first = next((t for t in toks if t.kind in ("value", "tuple")), None)
    if first is None or first.kind != "value" or first.end > clause[0].start or \
            _APPEARS_IN.match(sentence, first.end) is None:
        return None
    var, code = first.payload
    left = [t for t in clause if t.kind in ("value", "tuple")]
    fits = bool(left) and all(t.payload == first.payload if t.kind == "value" else t.payload.get(var) == code
                              for t in left)
    return first if fits else None


_APPEARS_IN = re.compile(r"(?i:\s+(?:originally\s+|first\s+|initially\s+)?(?:appeared|appears|occurs|occurred|"
                         r"shows?\s+up|showed\s+up|was|is|came|comes)\s+(?:only\s+)?(?:in|with|under)\b)|"
                         r"\s*(?:原本|本来|原来|最初)?(?:出现在|出现于)")
_COUNTED = re.compile(r"\s*(?:(?i:worlds?|pairs?|possibilities|options|cases|cards|dates|candidates)\b|"
                      r"对(?![应于比照称])|组|种|个(?!数))")
_NUMBER_BEFORE = re.compile(r"\d\s*$")
_RELATIVE_PROPERTY = re.compile(r"(?i:\b(?:day|days|month|months|date|dates|card|cards|rank|ranks|suit|suits|number|"
                                r"numbers|value|values|one|ones)\s+(?:that|which)\s+(?:is|are|was|were)\s+(?:still\s+)?"
                                r"(?!left\b|remaining\b|possible\b|in\b|standing\b|alive\b|open\b)[a-z]+\s+"
                                r"(?:is|are|was|were)\s+(?:only\s+)?$)")
_RELATIVE_MODAL = re.compile(r"(?i:\b(?:that|which|who)\s+(?:would|could|might|can)\b)")
_PROPERTY_AFTER = re.compile(r"(?i:\s*(?:is|are|was|were)\s+(?:a|an)\s+(?!possib|option|candidate|answer|solution)\w+|"
                             r"\s*(?:has|have)\s+(?:yet\s+)?been\s+(?!eliminat|remov|rul|exclud|drop|struck|crossed|"
                             r"discard|kill|knock)\w+)")  # "Neither April nor June has been narrowed to one date"
# "With April he'd be left with April 14 and April 17": what a case would leave
_MODAL_LEFT = re.compile(r"(?i:(?:'d|\bwould|\bmight|\bcould)\s+(?:still\s+|then\s+|only\s+)*be\s+(?:still\s+)?$)")


_SAME_AGAIN = frozenset({"i.e.", "namely", "即", "也就是"})  # a copula saying the same values again
_WHICH_BEFORE = re.compile(r"(?i)\bwhich\s+$")
_LEAVING = frozenset({"leaves", "leaving", "which leaves", "left with", *KEEPING, *NARROWING, *LIST_LABELS, *WE_HAVE})
_ZH_LEAVING = frozenset({"剩", "剩下", "还剩"})  # "，剩红桃、方块": what is left (只剩, "only … is left", concludes)


def _same_kind(a: Token, b: Token) -> bool:
    if a.kind == "tuple" and b.kind == "tuple":
        return True
    return a.kind == b.kind == "value" and a.payload[0] == b.payload[0]


# ---------------------------------------------------------------- formula keys (records.py)


def tuple_key(lex: Lexicon, codes: dict) -> tuple:
    """The key of `v1 = c1 and v2 = c2 ...` in the puzzle's variable order, made once per puzzle."""
    key = tuple(codes.items())
    k = lex.atoms.get(key)
    if k is None:
        items = [value_key(v, codes[v]) for v in sorted(codes, key=lambda v: _order(lex, v))]
        k = lex.atoms[key] = junction_key("And", items)
    return k


def _order(lex: Lexicon, var: str) -> int:
    return lex.order.get(var, len(lex.order))


def _dedupe(items):
    seen = []
    for x in items:
        if x not in seen:
            seen.append(x)
    return seen


def _values_by_var(toks: list[Token]) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for t in toks:
        if t.kind == "value":
            var, code = t.payload
            codes = out.get(var)
            if codes is None:
                out[var] = [code]
            elif code not in codes:
                codes.append(code)
    return out


def _constraint(lex: Lexicon, toks: list[Token]) -> tuple | None:
    """What a stretch of tokens says about values, as an inclusion (no witnesses): used in hypotheticals."""
    parts: list[tuple] = []
    tuples = _dedupe([t.payload for t in toks if t.kind == "tuple"])
    neg_at = next((t.start for t in toks if t.kind == "neg"), None)
    if tuples:
        first = next(t.start for t in toks if t.kind == "tuple")
        k = junction_key("Or", [tuple_key(lex, c) for c in tuples])
        parts.append(not_key(k) if neg_at is not None and neg_at < first else k)  # ("he could rule out April 28")
    for var, codes in _values_by_var(toks).items():
        first = next(t.start for t in toks if t.kind == "value" and t.payload[0] == var)
        k = set_key(var, codes)
        parts.append(not_key(k) if neg_at is not None and neg_at < first else k)
    return _conj(parts)


def _conj(parts: list[tuple]) -> tuple | None:
    flat: list[tuple] = []
    for p in parts:
        for q in (p[1] if p[0] == "And" else (p,)):
            if q not in flat:
                flat.append(q)
    if not flat:
        return None
    return junction_key("And", flat)


def question_key(lex: Lexicon) -> tuple | None:
    """The key of the question's terms (None without a question), computed once per puzzle."""
    k = lex.atoms.get("@question")
    if k is None:
        q = lex.puzzle.question
        k = lex.atoms["@question"] = (formula_key(q.terms),) if q is not None else (None,)
    return k[0]


def object_key(lex: Lexicon, agent: str | None) -> tuple | None:
    """What an agent's "knows" with no object is about: the question when it asks for variables the agent does not
    all see (the card, the date, the pair), else the variables the agent does not see (What Sum's "I don't know my
    number", the consecutive numbers' "your number", a hat or a muddy forehead of one's own)."""
    q = question_key(lex)
    found = next((a for a in lex.puzzle.agents if a.name == agent), None)
    if found is None or not all(isinstance(t, s.Var) for t in found.observes):
        return q
    seen = {t.name for t in found.observes}
    if q is not None and all(k[0] == "Var" for k in q) and not all(k[1] in seen for k in q):
        return q
    unseen = tuple(("Var", v.name) for v in lex.puzzle.variables if v.name not in seen)
    return unseen or q


def bare_knows_key(lex: Lexicon, agent: str | None, after: str = "") -> tuple | None:
    """An agent's "knows" with no object read (`after`: the sentence after the verb): knowing whether Φ where every
    knowing the dialogue speaks of is knowing whether one Φ and nothing or "the answer" follows (drinking logicians:
    "L1 would know" is whether everyone wants a beer; but "L2 knows the others" is what they want), else knowing
    object_key's terms; None when there is none."""
    whether = _whether_asked(lex)
    if whether is not None and agent is not None and _BARE_AFTER.match(after) is not None:
        return knows_key(agent, "whether", whether)
    unknown = object_key(lex, agent)
    return knows_key(agent, "value", unknown) if unknown else None


_BARE_AFTER = re.compile(r"\s*(?:[.,;:!?。，；：！？)）]|$|(?i:the\s+answer\b|whether\b|if\s+every)|答案|是否|了|要不要)")


def _whether_asked(lex: Lexicon) -> tuple | None:
    """The one Φ of the dialogue's knowing when all of it is knowing whether Φ, else None (cached per puzzle)."""
    hit = lex.atoms.get("@whether", ())
    if hit == ():
        found = {formula_key(n.body) if n.mode == "whether" else None
                 for a in lex.puzzle.announcements for n in s.walk(a.said) if isinstance(n, s.Knows)}
        hit = lex.atoms["@whether"] = found.pop() if len(found) == 1 and None not in found else None
    return hit


# "what" opening a noun clause on an agent's knowing: "a fact about what Albert can be sure of"
_WHAT_OF = re.compile(r"(?i:\b(?:about|of|on|to)\s+what\s+$)")
_MEANS_AFTER = re.compile(r"\s*(?i:means|implies|tells\s+us|shows|indicates)\b|\s*(?:说明|意味着|表明)")


_PLACEHOLDER = re.compile(r"\s*(?:(?i:that)\s+)?[(（]?\s*[φψχ](?![\w])")
_LETTER_OBJECT = re.compile(r"\s*\$?\s*[a-zA-Z]\s*\$?(?=\s*(?:[,.;:)，。；：、）]|(?i:and|while|but)\b|[和而]|$))")
# ("knows $m$", "P先生知道 $r$，Q先生知道 $s$")


# Not knowing said by an idiom that takes its object only after "about" ("is in the dark about the day", "is clueless")
_IDIOM = re.compile(r"(?i:\bin\s+the\s+dark|\bclueless)$")
_ABOUT = re.compile(r"(?i:\s*(?:about|as\s+to|regarding|on)\b)")


def _knowledge(lex: Lexicon, toks: list[Token], i: int, subject: str | None, sentence: str = "") -> tuple | None:
    """The key of `subject knows/does not know [object]` starting at toks[i]."""
    rest = toks[i + 1:]
    if _IDIOM.search(toks[i].text) is not None and _ABOUT.match(sentence, toks[i].end) is None:
        rest = []  # "Albert's certainty that Bernard is in the dark also disposes of the 14s": no object of its own
    if sentence and _PLACEHOLDER.match(sentence, toks[i].end) is not None:
        return None  # "记 K_阿(φ)：阿里知道 φ", "K_A φ means Albert knows φ": notation defined, nobody's knowledge
    if sentence and (letter := _LETTER_OBJECT.match(sentence, toks[i].end)) is not None and \
            not (rest and rest[0].start < letter.end() and
                 not (rest[0].kind == "agent" and rest[0].payload == subject)):
        return None  # "Albert knows $m$, Bernard knows $d$": what the letter names (told), not the date ("S先生知道
        # $S$": the letter of his own term, the sum, not himself)
    if sentence and _MEANS_AFTER.match(sentence, toks[i].end) and (body := bare_knows_key(lex, subject)):
        # "P not knowing means the rank is A, Q, 4 or 5": what follows is what his not knowing implies
        return not_key(body) if toks[i].kind == "notknow" else body
    inner = None
    for j, t in enumerate(rest):
        if t.kind in ("attr", "value", "tuple"):
            break  # "P knows the rank while Q knows the suit": P's knowledge has its object
        if t.kind in ("agent", "he") and j + 1 < len(rest):
            k = next((j + 1 + n for n, u in enumerate(rest[j + 1:j + 4]) if u.kind in ("know", "notknow")), None)
            if k is not None and t.kind == "agent":
                inner = _knowledge(lex, rest, k, t.payload, sentence)
                if inner is None:
                    return None  # "Q knows P knows it": what P knows is unread, so what Q knows is too
                break
        if t.kind == "agent" and j + 2 == len(rest) and rest[-1].kind == "modal" and \
                (elided := bare_knows_key(lex, t.payload)) and _BARE_NEGATION.fullmatch(rest[-1].text) and \
                _ELIDED_END.match(sentence, rest[-1].end):
            # "S knew that P couldn't.": P couldn't know the answer (the verb and its object elided)
            inner = not_key(elided)
            break
    if inner is not None:
        body: tuple | None = knows_key(subject, "that", inner)
    else:
        body = None
        at = next((n for n, t in enumerate(rest) if t.kind in ("attr", "value", "tuple", "unnamed")), None)
        obj = rest[at] if at is not None else None
        if obj is not None and obj.kind == "unnamed":
            return None  # "S知道和" where the puzzle has no term for the sum: nothing to check
        if obj is not None and obj.kind == "attr" and at + 1 < len(rest) and rest[at + 1].kind == "attr" and \
                sentence[obj.end:rest[at + 1].start].strip() in ("的", "'s"):
            obj = rest[at + 1]  # "知道牌的点数", "the card's rank": the card's rank
        if obj is not None and obj.kind == "attr" and obj.start - toks[i].end > _OBJECT_REACH:
            obj = None  # "Albert can't know from the month alone no matter which month he got": not his object
        if obj is not None and obj.kind == "attr" and sentence and \
                _WITH_HELD_TERM.fullmatch(sentence, toks[i].end, obj.start) is not None:
            obj = None  # "S could not be certain with any even sum": the sum he holds, not what he is sure of
        if obj is not None and "|" in sentence[toks[i].end:obj.start] and \
                _CELL_RELATION.match(sentence, obj.end) is not None:
            obj = None  # "| Alice doesn't know | b ≠ c |": the next cell is what her statement gives, not her object
            # (but "| S knows | x + y |": what S is told)
        after = next((u for u in rest[at + 1:] if u.kind not in ("copula", "only") and not (
            u.kind == "neg" and u.text.lower() in _NOT_BEFORE_VALUES)), None) if obj is not None else None
        # (the copula, "只能是" or a denial between the name and the values: "知道月份只能是7月或8月")
        if obj is not None and obj.kind == "attr" and sentence and after is not None and after.kind == "value" \
                and (_RELATION_SIGN.fullmatch(sentence, obj.end, after.start) is not None or
                     _MEMBER_SIGN.fullmatch(sentence, obj.end, after.start) is not None):
            cons = _compared(rest[at:], sentence)  # "Bill knows that a ≠ 0 and a ≠ 10": a fact, not the value of a
            return _knowing_that(subject, cons, toks[i].kind == "notknow")
        denied = obj is not None and after is not None and _IS_NOT_VALUES.fullmatch(sentence, obj.end, after.start)
        if obj is not None and obj.kind == "attr" and after is not None and after.kind == "value" and \
                isinstance(obj.payload, str) and after.payload[0] == obj.payload and \
                (_IS_VALUES.fullmatch(sentence, obj.end, after.start) is not None or denied):
            # "now knows the month is March or July": knows that fact, not which month (unread when unsure)
            listed = [after]
            for u in rest[rest.index(after) + 1:]:
                if u.kind != "value" or u.payload[0] != obj.payload or \
                        _LIST_GAP.fullmatch(sentence, listed[-1].end, u.start) is None:
                    break
                listed.append(u)
            cons = set_key(obj.payload, sorted({u.payload[1] for u in listed}))
            cons = not_key(cons) if denied else cons  # ("Bill now knows that a is not 0 or 10")
            return _knowing_that(subject, cons, toks[i].kind == "notknow")
        if obj is not None and obj.kind == "attr" and obj.payload == "@question" and after is not None and \
                after.kind == "tuple" and _IS_VALUES.fullmatch(sentence, obj.end, after.start) is not None:
            # "he knows the date is April 14, April 17 or April 19": knows that it is one of them, not which
            more = tokens(lex, sentence[after.start:])  # (the whole list, past the clause's commas)
            listed = more[:next((n for n, u in enumerate(more) if u.kind != "tuple" and not (
                u.kind == "sep" and u.text in (",", "，", "、"))), len(more))]
            return _knowing_that(subject, cons=_constraint(lex, listed), negated=toks[i].kind == "notknow")
        if obj is not None and obj.kind == "attr" and _SAID_TO_BE.match(sentence, obj.end) is not None:
            return None  # "伯纳德便知道月份只能是 7 月或 8 月" with its values unread: a fact about the month, not which
        if obj is not None and obj.kind == "attr":
            if obj.payload == "@question":
                body = knows_key(subject, "value", question_key(lex))
            elif type(obj.payload) is tuple:  # ("@term", key): "S knows the sum"
                body = knows_key(subject, "value", (obj.payload[1],))
            else:
                body = knows_key(subject, "value", (("Var", obj.payload),))
        elif obj is not None:
            cons = _constraint(lex, rest)
            if cons is not None and cons[0] in ("Or", "Member") and (unknown := object_key(lex, subject)):
                # "不能确定是红桃A还是方块A", "couldn't decide between ♥Q and ♥4": which one, not that one of them
                body = knows_key(subject, "value", unknown)
            elif cons is not None:
                body = knows_key(subject, "that", cons)
        if body is None and subject is not None and _OWN_THING_IS.match(sentence, toks[i].end) is not None and \
                (own := _own_var(lex, subject)) is not None:
            body = knows_key(subject, "value", (("Var", own),))  # "the blind man can already be sure his hat is
            # white": sure of his own hat (the colour named is what he is sure of, judged as knowing it)
        if body is None and toks[i].text.lower() in ("sure", "certain") and (
                (rest and rest[0].kind == "past") or (i > 0 and toks[i - 1].kind == "past")):
            return None  # "S was already sure before P spoke": sure of what his statement says, not the numbers
        if body is None and (toks[i].text.lower() in _SURE or toks[i].text.lower() in ("sure", "certain") and i > 0 and
                             toks[i - 1].kind == "copula") and _HELD_BEFORE.search(sentence, 0, toks[i].start) is None:
            return None  # "S was sure before P spoke": sure of something the sentence does not name (but "P with a K
            # wouldn't be sure either": of the card, in that case)
        if body is None and _ELIDED_OBJECT.match(sentence, toks[i].end) is not None:
            return None  # "S knew that →", "S: knew it.": knew something said before, not the numbers
        if body is None and toks[i].kind == "know" and not rest and (_KNEW_PAST.search(toks[i].text) is not None or (
                i > 0 and toks[i - 1].kind == "past" and (toks[i - 1].text in ("早就", "早") or (
                    toks[i - 1].text in ("已经", "早已") and _BEFORE_SPOKE.search(sentence, 0, toks[i - 1].start))))):
            return None  # "## Step 2 — S already knew": knew what his statement says, not the numbers ("第二句，S 早就
            # 知道。", "P先生开口之前，Q先生就已经知道了")
        if body is None and len(rest) > 1 and rest[0].kind == "agent" and rest[1].kind in ("neg", "copula"):
            return None  # "Bill now also knows Anne isn't at 0 or 10": a fact about Anne (unread), not her number
        if body is None and _EQUATION_OBJECT.match(sentence, toks[i].end) is not None:
            return None  # "L2 already knows b_1 = 1 from the previous answer": a fact the reader did not parse, not
            # everything L2 lacks
        if body is None and subject is not None and _OWN_OBJECT.match(sentence, toks[i].end) is not None and \
                (own := _own_var(lex, subject)) is not None:
            body = knows_key(subject, "value", (("Var", own),))  # "安妮知道自己的牌", "knows her own card": hers
        if body is None:
            body = bare_knows_key(lex, subject, sentence[toks[i].end:])
    if body is None:
        return None
    return not_key(body) if toks[i].kind == "notknow" else body


_RELATIVE_BEFORE = re.compile(r"(?i:\b(?:who|which)\s+)$")
_WITH_HELD_TERM = re.compile(r"(?i:\s+with\s+(?:any|an?|the|his|her|every|each|such\s+an?)\s+(?:\w+\s+){0,2}?)")
_OWN_THING_IS = re.compile(r"(?i:\s+(?:that\s+|of\s+)?(?:his|her|their)\s+(?:own\s+)?"
                           r"(?:hat|number|card|colou?r|forehead)\s+(?:is|was|must\s+be|has\s+to\s+be)\b)")
_OWN_OBJECT = re.compile(r"\s*(?:(?i:(?:his|her|their|its)\s+own)\b|自己(?:的|手里的|手上的|拿的))")
_EQUATION_OBJECT = re.compile(r"(?i:\s+(?:that\s+)?[a-z][\w\[\]]{0,8}\s*(?:=|≠|!=)\s*\S)")


_BEFORE_SPOKE = re.compile(r"(?:开口|说话|发言|说)(?:之前|以前)|(?i:\bbefore\s+\w+\s+(?:spoke|said|speaks|says)\b)")
_ARTICLE_BEFORE = re.compile(r"(?i:\b(?:the|a|an|one)\s+)$|[一张那这]$")
# Before a saying word: the trace says it itself ("已经可以说", "we can safely say", "it is safe to say")
_OWN_SAYING = re.compile(r"(?<![不没未])(?:可以|能|可|敢)$|(?i:\b(?:we|I|one|you)\s+(?:can|could|may|might)\s+(?:now\s+|already\s+|safely\s+)?$|"
                         r"\bsafe\s+to\s+$)")
_RELATION_SIGN = re.compile(r"\s*(?:=|≠|!=|==)\s*")
_SAID_TO_BE = re.compile(r"\s*(?:只能是|一定是|必定是|必然是|只可能是|(?i:must\s+be|can\s+only\s+be|has\s+to\s+be)\b)")
_IS_VALUES = re.compile(r"\s+(?:is|must\s+be)\s+(?:either\s+|one\s+of\s+)?|\s*(?:只能是|一定是|必定是|是)\s*", re.IGNORECASE)
_IS_NOT_VALUES = re.compile(r"\s+(?:is\s+not|isn't|can't\s+be|cannot\s+be)\s+(?:either\s+)?|"
                            r"\s*(?:不是|不能是|不可能是|不会是)\s*", re.IGNORECASE)  # ("比尔知道a不是0或10")
_NOT_BEFORE_VALUES = frozenset({"∉", "is not", "isn't", "can't be", "cannot be",  # a denial between a name and values
                                "不是", "不能是", "不可能是", "不会是"})
_MEMBER_SIGN = re.compile(r"\s*(∈|∉|(?i:not\s+in|in))\s*\{\s*")
_RELATION_JOIN = re.compile(r"\s*(?:,|，|、|and|以及|且|和)?\s*", re.IGNORECASE)


def _compared(toks: list[Token], sentence: str) -> tuple | None:
    """`a ≠ 0 and a ≠ 10`, `a = 3`, `a ∉ {0, 10}`: the conjunction of the comparisons that open toks (attr, sign,
    value, ...), or None when anything else comes between them."""
    first = next((t for t in toks[1:] if t.kind != "copula" and t.text != "∉"), None)  # ("∈" is a copula: "is in
    # this list"; "∉" a denial)
    member = _MEMBER_SIGN.fullmatch(sentence, toks[0].end, first.start) if first is not None else None
    if member is not None:  # "a ∉ {0, 10}": the values up to the closing brace, all of a
        close = sentence.find("}", first.start)
        inside = [t for t in toks[1:] if close >= 0 and first.start <= t.start and t.end <= close]
        if not inside or any(t.kind not in ("value", "sep") for t in inside) or \
                any(t.kind == "value" and t.payload[0] != toks[0].payload for t in inside) or \
                _ELLIPSIS.search(sentence, first.start, close) is not None:
            return None
        key = set_key(toks[0].payload, sorted({t.payload[1] for t in inside if t.kind == "value"}))
        return not_key(key) if member.group(1) in ("∉", "not in") else key
    parts, n = [], 0
    while n + 1 < len(toks) and toks[n].kind == "attr" and toks[n + 1].kind == "value" and \
            toks[n + 1].payload[0] == toks[n].payload:
        sign = _RELATION_SIGN.fullmatch(sentence, toks[n].end, toks[n + 1].start)
        if sign is None:
            return None
        eq = value_key(*toks[n + 1].payload)
        parts.append(not_key(eq) if sign.group(0).strip() in ("≠", "!=") else eq)
        n += 2
        if n < len(toks) and _RELATION_JOIN.fullmatch(sentence, toks[n - 1].end, toks[n].start) is None:
            break
    return _conj(parts) if parts else None


_ROLE_TIME = re.compile(r"(?i:\b(?:now|then|already|also|too|after|once|finally|either)\b)|现在|已经|也|之后")


_ROLE_LINE = re.compile(r"[\s>*\-•]*(?:\*\*)?[^\W\d][^:：\n*]{0,20}(?:\*\*)?\s*[:：]\s*(?:\*\*)?\s*"
                        r"(?:(?i:knows|is\s+told|gets|learns)\s+(?:the\s+|only\s+the\s+)?|(?:只)?(?:知道|被告知|得知|拿到))"
                        r"[^\W\d][^\W\d]{0,6}?(?:\*\*)?\s*(?:[(（][^()（）\n]{0,20}[)）])?\s*[.。;；,，]?\s*")
_FACT_AFTER = re.compile(r"\s*(?:≠|!=|=|<|>|≤|≥|∈|∉)")


def _roles(lex: Lexicon, toks: list[Token], sentence: str, found: list[ClaimRecord]) -> list[ClaimRecord]:
    """A sentence that gives each of two agents an attribute to know, with no time in it ("Mr. P knows the suit of the
    chosen card and Mr. Q knows its rank", "P knows the rank and Q the suit") says who was told what: its knowledge
    of plain variables is read as `told` (judged at the start, so swapped roles are false)."""
    if _ROLE_TIME.search(sentence) is not None:
        return found
    pairs, vague = [], []
    for i, t in enumerate(toks):
        if t.kind != "agent":
            continue
        rest = [u for u in toks[i + 1:i + 4] if u.kind not in ("copula", "only", "sep")]
        attr = next((u for u in rest[:2] if u.kind == "attr" and isinstance(u.payload, str) and
                     not u.payload.startswith("@")), None)
        if attr is not None and (rest[0].kind in ("know", "attr")) and _FACT_AFTER.match(sentence, attr.end) is None:
            pairs.append((t.payload, attr.payload))  # (not "安妮知道b≠1": a fact about b known, not b)
        elif len(rest) > 1 and rest[0].kind == "know" and rest[1].kind == "attr" and rest[1].payload == "@question":
            vague.append(t.payload)  # ("Bernard知道日期": the whole date named, the part he is told meant)
    renamed = None
    if len(pairs) == 1 and len(vague) == 1 and vague[0] != pairs[0][0] and \
            (own := _observed_var(lex, vague[0])) is not None and own != pairs[0][1]:
        renamed = bare_knows_key(lex, vague[0])  # "Albert知道月份，Bernard知道日期": beside the month another was
        pairs.append((vague[0], own))  # told, the date's other part is the one he knows (the day)
    agents = {a for a, _ in pairs}
    if (len(pairs) != 2 or len(agents) != 2 or len({v for _, v in pairs}) != 2) and \
            not (len(pairs) == 1 and _ROLE_LINE.fullmatch(sentence) is not None):
        return found  # (one agent on a line of its own: "- **阿里**：知道日子（几号）", a list of who was told what)
    keys = {knows_key(a, "value", (("Var", v),)) for a, v in pairs}
    found = [r for r in found if renamed is None or r.key.formula != renamed]
    out = [r.read_as(KNOWLEDGE)._replace(kind="told") if r.kind == "knowledge" and r.key.formula in keys else r
           for r in found]
    told = {r.key.formula for r in out if r.kind == "told"}
    a, b = min(t.start for t in toks), max(t.end for t in toks)
    out += [record("told", k, (), sentence.strip(), a, b, False, reading=KNOWLEDGE) for k in keys - told]
    return out


def _worn(lex: Lexicon) -> bool:
    """Whether each agent sees every variable but one, its own (numbers on foreheads, hats): there "Bob has b" says
    what Bob wears, not what he knows."""
    names = {v.name for v in lex.puzzle.variables}
    seen = [{o.name for o in a.observes if isinstance(o, s.Var)} for a in lex.puzzle.agents]
    return len(names) > 2 and bool(seen) and all(len(names - own) == 1 and own <= names for own in seen)


def _told_records(lex: Lexicon, toks: list[Token], sentence: str) -> list[ClaimRecord]:
    """"Cheryl told Albert the month" = Albert observes the month: `Albert knows month` at the start (kind "told",
    judged at stage 0 only; wrong when the text gives an agent another's information). English: told/gave <agent> [only] the <attr>,
    <agent> was told the <attr>, <agent> (, who) holds / has the <attr>; Chinese: 把<attr>告诉(了)<agent>, 告诉<agent><attr>."""
    out = []
    worn = _worn(lex)
    for m in _TOLD.finditer(sentence):
        words = [t for t in toks if t.kind not in ("copula", "only")]
        after = [t for t in words if t.start >= m.end()][:2]
        before = [t for t in words if t.end <= m.start()][-1:]
        told_by = [t for t in words if t.end <= m.start() and t.kind != "sep"][-1:]
        pair = None
        if m.group(0) in ("告诉", "告知") and before and before[0].kind == "attr" and after and \
                after[0].kind == "agent" and "把" in sentence[max(0, before[0].start - 2):before[0].start]:
            pair = (after[0], before[0])  # "把日子告诉了阿尔伯特" (not "把月份告诉阿尔伯特、把日子…": the next one's day)
        elif len(after) == 2 and after[0].kind == "agent" and after[1].kind == "attr" and \
                after[1].start - after[0].end <= 12 and after[0].start - m.end() <= 3:
            pair = (after[0], after[1])  # "told Albert the month", "告诉阿尔伯特月份"
        elif told_by and told_by[0].kind == "agent" and after and after[0].kind == "attr" and \
                _TOLD_EN.search(sentence, told_by[0].end, m.start()) and m.group(0).lower() == "told" and \
                after[0].start - m.end() <= 6:
            pair = (told_by[0], after[0])  # "Albert was told the month", "Mr. P, who was told the suit"
        elif m.group(0).lower() in _HOLDING_VERBS and after and \
                after[0].kind == "attr" and sentence[m.end():after[0].start].strip() == "" and not worn and \
                (_SEEN_END.match(sentence, after[0].end) is None or
                 type(after[0].payload) is tuple and _HELD_VALUE.match(sentence, after[0].end) is not None):
            # (not "Bill has a−1 or a+1": a value of a term; but "S holds the product 52": the term, then its value)
            holder = [t for t in words if t.end <= m.start() and t.kind != "sep"][-1:]
            if holder and holder[0].kind == "agent" and _HOLDS_GAP.fullmatch(sentence, holder[0].end, m.start()):
                pair = (holder[0], after[0])  # "Bernard, who holds the month", "Albert has the month"
        if pair is None:
            continue
        agent, attr = pair
        observed = _observed(attr)  # ("Mr. P holds the sum": the term)
        if observed is None:
            continue
        key = knows_key(agent.payload, "value", (observed,))
        a, b = min(agent.start, attr.start, m.start()), max(agent.end, attr.end, m.end())
        out.append(record("told", key, (), sentence.strip(), a, b, False, reading=KNOWLEDGE))
    return out


# What an agent knows from: "P could never identify the card from the suit alone", "仅凭花色确定不了是哪张"
_ALONE = re.compile(r"(?i:\b(?:alone|by\s+itself|on\s+its\s+own)\b)|(?:仅|单|光|只)(?:凭|从|根据|看)|(?:只要|只需要?)知道")
_ALONE_SOURCE = re.compile(r"(?i:\b(?:from|by|based\s+on|using|with)\s+(?:(?:the|his|her|their|its)\s+)?$)|"
                           r"(?:(?:仅|单|光|只)(?:凭|从|根据|看)|(?:只要|只需要?)知道)(?:他的|她的|自己的)?$")  # ("Q先生只要知道
# 点数就能确定": knowing the rank is enough for him, so he holds it)
_ALONE_AFTER = re.compile(r"(?i:\s*(?:alone|by\s+itself|on\s+its\s+own)\b)")
_ALONE_SUPPOSED = re.compile(r"(?i:\b(?:if|suppose|supposing|imagine|imagining|were|had)\b)|如果|假如|假设|要是")


def _alone_records(lex: Lexicon, sentence: str) -> list[ClaimRecord]:
    """"P could never identify the card from the suit alone", "P先生仅凭花色确定不了": the attribute the subject is said
    to know from, alone, is what the subject was told (kind "told", judged at the start: the wrong agent when another
    holds it). Only the agent right before its knowing (modals and negations between), not under a supposition ("if
    he had the day, he could know from the day alone")."""
    if _ALONE_SUPPOSED.search(sentence) is not None:
        return []
    raw = lex.scan(sentence)
    out = []
    for i, t in enumerate(raw):
        source = _ALONE_SOURCE.search(sentence, max(0, t.start - 16), t.start) if t.kind == "attr" else None
        after = _ALONE_AFTER.match(sentence, t.end)
        if source is None or (source.group(0).isascii() and after is None):
            continue
        j = i - 1
        while j >= 0 and (raw[j].kind in _SUBJECT_GAP or (raw[j].kind == "attr" and str(raw[j].payload)[:1] == "@")):
            j -= 1  # (back over "could never identify the card" to its subject)
        knows = any(u.kind in ("know", "notknow") for u in raw[j + 1:i]) or (
            not source.group(0).isascii() and any(u.kind in ("know", "notknow") for u in raw[i + 1:i + 3]))
        observed = _observed(t)
        if j < 0 or raw[j].kind != "agent" or not knows or observed is None:
            continue
        out.append(record("told", knows_key(raw[j].payload, "value", (observed,)), (), sentence.strip(),
                          raw[j].start, after.end() if after else t.end, False, reading=KNOWLEDGE))
    return out


def _knowing_that(subject: str, cons: tuple | None, negated: bool) -> tuple | None:
    """The key of `subject knows that cons` (negated for "doesn't know that"), or None without a fact read."""
    if cons is None:
        return None
    knows = knows_key(subject, "that", cons)
    return not_key(knows) if negated else knows


_SUBJECT_GAP = frozenset({"modal", "neg", "know", "notknow", "copula", "only", "past", "if"})  # ("只要")


def _observed(attr: Token) -> tuple | None:
    """The key of what an attribute word names as observed: a variable ("the month") or a term ("the sum"), or None."""
    if isinstance(attr.payload, tuple) and attr.payload[0] == "@term":
        return attr.payload[1]
    if isinstance(attr.payload, str) and not attr.payload.startswith("@"):
        return ("Var", attr.payload)
    return None


_POSSESSIVE = re.compile(r"'s|’s|的|=|→|->")
_ROLE_EDGES = re.compile(r"(?:.*[,;，；:：\n(（])?[\s*\-•]*(?:Mr\.?\s*|Ms\.?\s*)?", re.DOTALL)  # the pair opens a clause
_ROLE_END = re.compile(r"\s*(?:[,;，；.。)）*\n]|$)")
_INFO_OF = re.compile(r"(?:'s|’s)\s+(?:own\s+|private\s+)?(?:information|info|clue|hint|piece of information)\s+|"
                      r"\s*(?:先生|女士)?(?:手里|手上|手中|拿到|拿着|得到|掌握)?的(?:信息|线索|提示)")
_POSSESSED_GAP = re.compile(r"(?:'s|’s)\s+(?:own\s+)?|\s*(?:先生|女士)?(?:手里|手上|手中|拿到|拿着)?的")


def _one_each(lex: Lexicon) -> bool:
    """Whether each agent observes one variable (the month, the day): then "his day" is the one he was told."""
    return all(len(a.observes) == 1 and isinstance(a.observes[0], s.Var) for a in lex.puzzle.agents)


def _possessed_records(lex: Lexicon, toks: list[Token], sentence: str, pronouns: bool = False) -> list[ClaimRecord]:
    """"Q's rank", "Q先生手里的点数", "S's sum", "Albert = month": what an agent has is what the agent observes (kind
    "told", judged at the start: the wrong agent when another observes it). With `pronouns` (each agent observes one
    variable), "他手里的日子" of the agent the sentence opens on too. Not for an agent who sees several things (the
    others' foreheads): "Bob's b" is then his own number, the one he does not see."""
    single = {a.name for a in lex.puzzle.agents if len(a.observes) == 1}
    out = []
    for a, b, c in zip(toks, toks[1:], toks[2:] + [None]):
        if a.kind == "agent" and b.kind in ("copula", "sep") and b.text in ("=", "→", "->") and c is not None and \
                c.kind == "attr" and c.start - b.end <= 5 and _ROLE_EDGES.fullmatch(sentence[:a.start]) is not None and \
                _ROLE_END.match(sentence, c.end) is not None:
            b = c  # "Albert = day, Bernard = month", "Ali → month;": who observes what, in short (a pair on its own,
            # not "… before P spoke → suit has no one-off rank")
        elif a.kind == "agent" and b.kind == "copula" and c is not None and c.kind == "attr" and \
                _INFO_OF.fullmatch(sentence, a.end, b.start) is not None and not sentence[b.end:c.start].strip():
            b = c  # "P's information is the suit", "P先生手里的信息是花色": what the agent was given
        elif not (a.kind == "agent" or a.kind == "he" and pronouns) or b.kind != "attr" or \
                _POSSESSED_GAP.fullmatch(sentence, a.end, b.start) is None:
            continue
        observed = _observed(b)
        who = a.payload if a.kind == "agent" else _lone_agent(toks, a.start)
        if observed is None or who not in single:
            continue
        key = knows_key(who, "value", (observed,))
        out.append(record("told", key, (), sentence.strip(), a.start, b.end, False, reading=KNOWLEDGE))
    return out


def _lone_agent(toks: list[Token], at: int) -> str | None:
    """The agent the sentence opens on when it names no other before offset `at` ("阿尔伯特说他不知道，说明他手里的日子…":
    he is Albert; not "他要确定伯纳德不知道，他的月份…", where he is someone before the sentence), or None."""
    named = {t.payload for t in toks if t.kind == "agent" and t.start < at}
    return toks[0].payload if len(named) == 1 and toks and toks[0].kind == "agent" else None


def _appositive_records(lex: Lexicon, toks: list[Token], sentence: str) -> list[ClaimRecord]:
    """"Mr. Q, the one holding the rank", "P is the one who knows the suit": an agent named, then described by what
    another agent observes, is said to observe it (kind "told", judged at the start: the wrong agent when the two
    differ)."""
    observes = {a.name: a.observes for a in lex.puzzle.agents}
    out = []
    for a, gap, b in zip(toks, toks[1:], toks[2:]):
        if a.kind != "agent" or b.kind != "agent" or not (
                (gap.kind == "sep" and gap.text in (",", "，", "(", "（")) or
                (gap.kind == "copula" and gap.text.lower() in ("is", "was"))) or \
                a.payload == b.payload or _HOLDS_ANY.search(b.text) is None and "know" not in b.text.lower() or \
                a.payload not in observes or \
                len(observes.get(b.payload, ())) != 1 or not isinstance(observes[b.payload][0], s.Var):
            continue
        key = knows_key(a.payload, "value", (("Var", observes[b.payload][0].name),))
        out.append(record("told", key, (), sentence.strip(), a.start, b.end, False, reading=KNOWLEDGE))
    return out


_HOLDS_ANY = re.compile(r"(?i:\b(?:holding|holds|held|has|had|gets|got|told|receives|received)\b)|拿|手里")


_MORE_HELD = re.compile(r"\s*(?:[,，/、&]|and\b|和|与|及)\s*(?:the\s+)?", re.IGNORECASE)


def _more_held(toks: list[Token], u: Token, sentence: str) -> bool:
    """Whether the value `u` is the first of a list joined by "and", a comma or a slash ("has 18 and 19")."""
    m = _MORE_HELD.match(sentence, u.end)
    return m is not None and any(t.start == m.end() and t.kind in ("value", "tuple", "number") for t in toks)


def _held_records(lex: Lexicon, toks: list[Token], sentence: str) -> list[ClaimRecord]:
    """"If Q had the K", "Bernard was told 19", "如果Q先生拿到的是K": an agent holding a value of a variable says the
    agent observes that variable (kind "told", judged at the start), in puzzles where each agent observes one
    variable. A value of another agent's variable ("Q had the K" when Q is told the suit) is the wrong agent."""
    observes = {a.name: a.observes for a in lex.puzzle.agents}
    if not all(len(o) == 1 and isinstance(o[0], s.Var) for o in observes.values()):
        return []  # a sum, a product, the others' foreheads: what an agent holds is not one variable's value
    seen = {o[0].name for o in observes.values()}
    out = []
    for i, t in enumerate(toks[:-1]):
        if t.kind != "agent" or t.payload not in observes:
            continue
        u = next((u for u in toks[i + 1:] if u.kind != "copula"), t)  # "拿到的是K": 是 is read as a copula
        if u.kind != "value" or u.payload[0] not in seen:
            continue
        m = _HOLDS_BEFORE.match(sentence, t.end)
        if m is None or m.end() == t.end or m.end() != u.start or m.group(0).strip().lower() in ("sees", "saw") or \
                _more_held(toks, u, sentence):
            continue  # "Albert sees 12 and 19", "Ali has 18 and 19", "Bernard has July/August 14": what is possible
        key = knows_key(t.payload, "value", (("Var", u.payload[0]),))
        out.append(record("told", key, (), sentence.strip(), t.start, u.end, False, reading=KNOWLEDGE))
        if lex.question_vars == (u.payload[0],) and observes[t.payload][0].name == u.payload[0]:
            # "Bill holds white" where the question is Bill's card: the value asked for, as a candidate
            out.append(record("candidates", value_key(*u.payload), (), sentence.strip(), t.start, u.end, False,
                              ((u.payload[1],),), reading=VALUES))
    return out


_SEES = re.compile(r"(?i:\b(?:sees|saw|see|observes|looks?\s+at|looking\s+at)\b)|看到|看得到|看见|看得见|看一下|看一眼|只要看|只需看")
# "Albert only needs to look at the day to be sure", "阿尔伯特只要看一下日子就能确定": what the agent decides by
_LOOK_GAP = re.compile(r"\s*(?i:(?:only|just)\s+(?:needs?|has)\s+to\s+look\s+at|can\s+(?:just\s+)?look\s+at)\s+"
                       r"(?i:the\s+|his\s+|her\s+)?|\s*(?:只要|只需要?|只用)?看(?:一下|一眼)?(?:自己的|他的|她的)?")
_LOOK_END = re.compile(r"\s*(?i:to\s+(?:know|be\s+sure|tell|determine|work\s+it\s+out))\b|\s*就(?:能|可以|会)?(?:知道|确定)")
_SEES_GAP = re.compile(r"\s*(?i:(?:can|could)\s+)?(?i:sees|saw|see|observes|looks\s+at|is\s+looking\s+at|"
                       r"was\s+looking\s+at)\s+(?i:the\s+)?(?i:numbers?\s+)?|"
                       r"\s*(?:能|可以)?(?:看到|看得到|看见|看得见)(?:的是|的|了)?\s*(?:数)?")
_SEER_PRONOUN = re.compile(r"他|她|(?i:\b(?:he|she)\b)")
_SEEN_JOIN = re.compile(r"\s*(?:,|，|、|(?i:and)\b|和|与|跟)\s*")
_SEEN_END = re.compile(r"\s*(?:[=≠<>≤≥∈∉+\-−×*/]|\d)")
_HELD_VALUE = re.compile(r"\s+\d{1,6}\b(?!\s*[=≠<>≤≥∈∉+\-−×*/])")  # "the sum 17": a term's value after it


def _seen_records(lex: Lexicon, toks: list[Token], sentence: str) -> list[ClaimRecord]:
    """"Alice sees b and c", "爱丽丝看到的是a和b": the variables an agent sees, named, are what it observes (kind
    "told", judged at the start: the wrong view when it sees others), in puzzles where agents observe variables."""
    observes = {a.name: a.observes for a in lex.puzzle.agents}
    out = []
    seers = [(t, t.end, toks[i + 1:i + 3]) for i, t in enumerate(toks[:-1]) if t.kind == "agent"]
    for m in _SEER_PRONOUN.finditer(sentence):  # "鲍勃也是一样的道理，他不知道，说明他看到的 b 和 c …": the agent
        # named last before the pronoun
        named = next((t for t in reversed(toks) if t.kind == "agent" and t.end <= m.start()), None)
        if named is not None:
            seers.append((named, m.end(), [u for u in toks if u.start >= m.end()][:2]))
    for t, end, nxt in seers:
        if t.payload not in observes or not all(isinstance(o, s.Var) for o in observes[t.payload]):
            continue
        first = next((u for u in nxt if u.kind not in ("copula", "modal", "if", "only")), t)
        # ("看到的是", "can see", "只要看一下", "only needs to look at")
        if first.kind != "attr" or not isinstance(first.payload, str) or first.payload.startswith("@"):
            continue
        if first is t or _SEES_GAP.fullmatch(sentence, end, first.start) is None and (
                _LOOK_GAP.fullmatch(sentence, end, first.start) is None or
                _LOOK_END.match(sentence, first.end) is None):
            continue
        seen, last = [first.payload], first
        for u in toks[toks.index(first) + 1:]:
            if u.kind != "attr" or not isinstance(u.payload, str) or u.payload.startswith("@") or \
                    _SEEN_JOIN.fullmatch(sentence, last.end, u.start) is None:
                break
            seen.append(u.payload)
            last = u
        if _SEEN_END.match(sentence, last.end) is not None or _SEEN_END.match(sentence, first.end) is not None:
            continue  # "Alice sees b = 3 and c = 5", "sees b + c": values or terms, not the variables
        key = knows_key(t.payload, "value", tuple(("Var", v) for v in dict.fromkeys(seen)))
        out.append(record("told", key, (), sentence.strip(), min(t.start, end), last.end, False, reading=KNOWLEDGE))
    names = {v.name for v in lex.puzzle.variables}
    for t in toks:  # "能同时看到a和b的是鲍勃", "the one who sees a and b is Bob": the seer named after what is seen
        m = _SEER_AFTER.search(sentence, max(0, t.start - 40), t.start) if t.kind == "agent" else None
        if m is None or t.payload not in observes or not all(isinstance(o, s.Var) for o in observes[t.payload]):
            continue
        seen = re.findall(r"(?<![A-Za-z])[a-z](?![A-Za-z])", m.group("zh") or m.group("en"))
        if len(seen) >= 2 and set(seen) <= names:
            key = knows_key(t.payload, "value", tuple(("Var", v) for v in dict.fromkeys(seen)))
            out.append(record("told", key, (), sentence.strip(), m.start(), t.end, False, reading=KNOWLEDGE))
    return out


_SEER_AFTER = re.compile(r"(?:能|可以)?(?:同时)?(?:看到|看得到|看见|看得见)\s*(?P<zh>[a-z](?:\s*(?:和|、|与|跟|,|，)\s*[a-z])+)"
                         r"\s*的(?:人|那个人|那位)?\s*(?:是|就是|只能是|只有)\s*$|"
                         r"(?i:\bthe\s+(?:one|person|only\s+one)\s+who\s+(?:sees|can\s+see|saw)\s+"
                         r"(?P<en>[a-z](?:\s*(?:,|and)\s*[a-z])+)\s+is\s+$)")


_UNREAD_SUBJECT = re.compile(r"[;；]\s*(?i:(?:and\s+)?(?:her|his|their|the)\s+[a-z]+(?:\s+[a-z]+)?)\s*$|"
                             r"[,，]\s*(?i:(?:and\s+)?(?:her|his|their|the)\s+(?!(?:answer|birthday|anniversary|date|"
                             r"card|numbers?|pair|age|result|solution|day|month)\b)[a-z]+(?:\s+[a-z]+)?)\s*$")
# ("Since Cheryl tells the truth, the bus number must be 17": the bus number, a term the puzzle does not name; but ",
# the anniversary must be March 18" names the answer)


_DID_NOT = re.compile(r"(?i:didn't|did\s+not|couldn't|could\s+not|wasn't|was\s+not)")


def _sentence_claims(lex: Lexicon, toks: list[Token], sentence: str, answer_cue: bool,
                     has_if: bool = True, referent: str | None = None) -> list[ClaimRecord]:
    state = _State(referent=referent)
    claims: list[ClaimRecord] = []
    toks = _holders_named(toks, sentence)
    unless = _unless(toks)
    if unless is not None:
        toks, has_if = unless, True
    when = _when_case(toks, sentence) if not has_if and toks else None
    if when is not None:  # "b = 1时，…，比尔不知道", "When b = 1, Bill does not know": a supposition
        toks, has_if = when, True
    if_at = next((n for n, t in enumerate(toks) if t.kind == "if"), None) if has_if else None
    head = toks if if_at is None else toks[:if_at]
    named = False  # a clause before this one in the sentence named its subject
    clauses = list(_clauses(head, sentence))
    for n, clause in enumerate(clauses):
        if named and (clause[0].kind == "copula" or clause[0].kind == "only" and clause[0].text.lower() == "must be") \
                and _UNREAD_SUBJECT.search(sentence, 0, clause[0].start):
            continue  # "Cheryl is 9; her brothers are both 4": the second clause's subject is no variable read
        named = named or any(t.kind == "attr" for t in clause)
        if any(t.kind == "notknow" and _DID_NOT.match(t.text) for t in clause) and \
                any(t.kind == "now" or t.kind == "know" and t.text.lower().startswith("now")
                    for later in clauses[n + 1:] for t in later):
            state.past = True  # "Bo didn't know, but now he knows": the first part before the statement
        found = _left_reading(toks, clause, sentence,
                              _clause_claims(lex, clause, sentence, state, answer_cue, if_at is not None))
        claims.extend(found)
    if any(r.kind == "candidates" and r.reading == VALUES for r in claims):
        claims = [_topic_case(toks, r) for r in claims]
        if lex.number_pair is not None and (total := _OPENING_NUMBER.match(sentence)) is not None:
            claims = [_total_case(lex, toks, r, int(total.group(1))) for r in claims]
    if if_at is not None:
        # "如果是红桃，Q还要犹豫；方块只剩一张": a semicolon ends the supposition, and what follows is asserted
        end = next((n for n in range(if_at + 1, len(toks)) if toks[n].kind == "sep" and toks[n].text in ";；"),
                   len(toks))
        concluded = _concluded(toks, if_at, end, sentence)
        postposed = _postposed(toks, if_at, end) if concluded is None else None
        claims.extend(_hypothetical(lex, postposed or toks[if_at:concluded or end], sentence, state,
                                    () if postposed else head))
        if concluded is not None:  # "If Bernard had 17 he could not know, so August 17 is out": the writer's own
            kinds = ("exclusion", "candidates") if _dated(toks[concluded + 1:end]) or \
                _turned_from(toks, if_at, concluded, end) else ("exclusion",)
            for clause in _clauses(toks[concluded + 1:end], sentence):  # conclusion, asserted, and what it leaves
                claims.extend(r for r in _left_reading(toks, clause, sentence, _clause_claims(
                    lex, clause, sentence, state, answer_cue, False)) if r.kind in kinds or r.reading == LEFT)
                # ("如果P拿到的是A，…，所以方块A排除，剩下红桃A、红桃Q、红桃4、方块5")
        if end < len(toks):  # "If Albert has August, …; August 14 is ruled out": still the supposition
            for clause in _clauses(toks[end + 1:], sentence):
                claims.extend(r.read_as(SUPPOSED) if r.certain else r
                              for r in _clause_claims(lex, clause, sentence, state, answer_cue, True))
    return claims


def _left_reading(toks: list[Token], clause: list[Token], sentence: str, found: list[ClaimRecord]) -> list[ClaimRecord]:
    """A clause's value lists read as what is left when it opens on a leaving word ("剩下…", "leaves …"): not the
    trace's answer; "July leaves July 16" is July's case, not the stage's."""
    if not found or not (clause[0].kind == "copula" and clause[0].text.lower() in _LEAVING or
                         clause[0].kind == "only" and clause[0].text in _ZH_LEAVING):
        return found
    one = _one_value_left(toks, clause, sentence)
    if one is not None:  # "5 appeared in clubs and diamonds; clubs gone, leaving ♦5": if the rank is 5, the card is ♦5
        return [record("conditional", implies_key(value_key(*one.payload), r.key.formula), (), r.text, r.start, r.end,
                       r.key.past) if r.reading == VALUES and r.kind == "candidates" else r for r in found]
    case = _value_leaves(toks, clause[0], sentence) or \
        _MODAL_LEFT.search(sentence, max(0, clause[0].start - 30), clause[0].start) is not None
    return [r.read_as(CASE if case else LEFT) if r.reading == VALUES else r for r in found]


# Worlds named by what an agent holds: "the pairs where Bill holds 0 or 10" (the values are Bill's)
_WORLDS_WHERE = re.compile(r"(?i:\b(?:pairs?|cases?|worlds?|ones|options?|triples?|possibilities)\s+"
                           r"(?:where|in\s+which|with)\s+(?:the\s+)?)$")
_HOLDS_VERB = re.compile(r"\s+(?i:holds|has|gets|is\s+holding|had|got)\s+")


def _holders_named(toks: list[Token], sentence: str) -> list[Token]:
    """The tokens without the agent of "the pairs where Bill holds 0 or 10": the values name the worlds removed or
    kept ("this removes the pairs where Bill holds 0 or 10" is the exclusion of b = 0 and b = 10)."""
    drop = {n for n, t in enumerate(toks[:-1]) if t.kind == "agent" and toks[n + 1].kind == "value" and
            _WORLDS_WHERE.search(sentence, max(0, t.start - 40), t.start) is not None and
            _HOLDS_VERB.fullmatch(sentence, t.end, toks[n + 1].start) is not None}
    return [t for n, t in enumerate(toks) if n not in drop] if drop else toks


_UNLESS = frozenset({"unless", "除非"})
_SO_AFTER = re.compile(r"\s*(?:" + _SO_WORD.pattern + ")")  # a concluding word right after a separator
_THEREFORE_SIGNS = ("⇒", "=>", "∴")  # ("If b were 0 or 10, she'd know ⇒ b ∉ {0, 10}": the writer's conclusion)
_WOULD_IN = re.compile(r"(?i:\b(?:would|could|might)\b|'d\b)|会|就能|可能")


def _concluded(toks: list[Token], if_at: int, end: int, sentence: str) -> int | None:
    """The separator after which a supposition's sentence draws its own conclusion, an elimination said outright ("If
    Bernard had 17 he could not know, so August 17 is out", "如果…，他就不能确定，所以8月17日也要排除"), or None."""
    for n in range(if_at + 2, end):
        if toks[n].kind == "sep" and (toks[n].text in _THEREFORE_SIGNS or _SO_AFTER.match(sentence, toks[n].end)):
            tail = sentence[toks[n].end:toks[end - 1].end]
            out = any(t.kind == "neg" and (ELIMINATED.search(t.text) or t.text in "∉≠") for t in toks[n + 1:end]) or \
                _dated(toks[n + 1:end]) or _turned_from(toks, if_at, n, end)
            return n if out and _WOULD_IN.search(tail) is None else None
    return None


def _turned_from(toks: list[Token], if_at: int, n: int, end: int) -> bool:
    """Whether a supposition's conclusion leaves only other values of the variable it supposes ("阿里如果是7月就还定不
    下来，所以月份只能是3月", "if it were July Ali couldn't decide, so it must be March"): the case refuted, the rest
    asserted."""
    supposed = {t.payload for t in toks[if_at:n] if t.kind == "value"}
    said = [t.payload for t in toks[n + 1:end] if t.kind == "value"]
    return bool(supposed) and bool(said) and any(t.kind == "only" for t in toks[n + 1:end]) and \
        all(v[0] in {u[0] for u in supposed} and v not in supposed for v in said)


_AFTER_WORDS = frozenset({"after", "之后", "以后"})


def _dated(toks: list[Token]) -> bool:
    """Whether a conclusion names the statement it stands after ("所以伯纳德这句话之后只剩下7月16日", "so after Bernard's
    statement only July 16 is left"): the state of the dialogue then, asserted, not the supposition's case."""
    return any({t.kind, u.kind} == {"past", "agent"} and (t if t.kind == "past" else u).text.lower() in _AFTER_WORDS
               for t, u in zip(toks, toks[1:]))  # ("after Bernard's statement", "伯纳德这句话之后": either order)


def _when_case(toks: list[Token], sentence: str) -> list[Token] | None:
    """A sentence opening on a case of values and then saying who knows ("b = 1时，安妮可能是0或2，比尔不知道", "当b = 0时，
    比尔会知道", "When b = 1, Bill does not know"): the tokens with an "if" before the case, or None."""
    m = _WHEN_OPENING.match(sentence)
    if m is None:
        return None
    group = next(g for g in ("case", "en", "the_case") if m.group(g) is not None)
    case = [n for n, t in enumerate(toks) if m.start(group) <= t.start and t.end <= m.end(group)]
    if not case or not any(toks[n].kind in ("value", "tuple") for n in case) or \
            any(toks[n].kind in ("agent", "know", "notknow", "neg", "modal", "if") for n in case) or \
            not any(t.kind in ("know", "notknow") for t in toks[case[-1] + 1:]):
        return None
    first, after = toks[case[0]], case[-1] + 1
    comma = [] if toks[after].kind == "sep" else [Token("sep", ",", m.end(), m.end(), ",")]  # ("in the WWR case he …")
    return toks[:case[0]] + [Token("if", None, first.start, first.start, "when")] + toks[case[0]:after] + comma + \
        toks[after:]


# "b = 1时，", "当b = 0时，", "b = 1的时候，", "而a = 9时，", "When b = 1, ": a case of values before a comma
_WHEN_OPENING = re.compile(r"[\s>*\-•]*(?:(?:而|但|那么|所以|同样|同理)[，,]?\s*)?当?\s*(?P<case>[^，,。；;：:\n]{1,24}?)\s*"
                           r"(?:的时候|时|的情况下)\s*[，,]|"
                           r"[\s>*\-•]*(?i:(?:and|but|so)\s+)?(?i:when|whenever)\s+(?P<en>[^,;:.\n]{1,30}),|"
                           r"[\s>*\-•]*(?i:(?:and|but|so)\s+)?(?i:in\s+the\s+)(?P<the_case>[^,;:.\n]{1,24}?)\s+case\b")
# ("So in the WWR case he wouldn't know either": in that case)


def _unless(toks: list[Token]) -> list[Token] | None:
    """"Bernard now knows, unless his day is 19" as "if not 19, Bernard now knows": the tokens of the supposition
    with the condition first, or None. Only knowledge under a plain condition on values (no negation in it)."""
    i = next((n for n, t in enumerate(toks) if t.kind == "because" and t.text.lower() in _UNLESS), None)
    if i is None or i == 0 or any(t.kind == "if" for t in toks):
        return None
    end = next((n for n in range(i + 1, len(toks)) if toks[n].kind == "sep"), len(toks))
    last = i
    while last > 0 and toks[last - 1].kind == "sep":
        last -= 1
    first = next((n + 1 for n in range(last - 1, -1, -1) if toks[n].kind == "sep"), 0)
    ante, cons = toks[i + 1:end], toks[first:last]  # the clause just before "unless" is what it conditions
    if not cons or not any(t.kind in ("value", "tuple") for t in ante) or any(t.kind == "neg" for t in ante) or \
            not any(t.kind in ("know", "notknow") for t in cons):
        return None
    u = toks[i]
    return toks[:first] + [Token("if", None, cons[0].start, cons[0].start, u.text),
                           Token("neg", None, u.start, u.start, "not")] + ante + [Token("sep", None, u.start, u.start, ",")] + cons


def _topic_case(toks: list[Token], r: ClaimRecord) -> ClaimRecord:
    """"Originally 15 was in May and August, but May is gone, so only August 15 now": a list whose tuples all hold
    a value the sentence named alone before it is that value's case, not the stage's candidates."""
    if r.kind != "candidates" or r.reading != VALUES:
        return r
    inside = [t for t in toks if r.start <= t.start < r.end and t.kind in ("tuple", "value")]
    if not inside or any(t.kind != "tuple" for t in inside):
        return r
    n = toks.index(inside[0])
    before = [t for t in toks[:n] if t.kind not in ("then", "now")]  # ("所以生日就是7月16日": 就 between)
    if len(before) >= 2 and before[-1].kind == "copula" and before[-2].kind == "attr" and \
            before[-2].payload == "@question":
        return r  # "the 5 is the rank whose twin got knocked out, so the card is ♦5": the answer itself, not a case
    shared = set.intersection(*(set(t.payload.items()) for t in inside))
    named = {t.payload for n, t in enumerate(toks) if t.kind == "value" and t.end <= inside[0].start and
             (n == 0 or toks[n - 1].kind not in ("copula", "only", "attr"))}  # (not "the suit is diamonds and …")
    per_var = collections.Counter(v for v, _ in named)
    named = {p for p in named if per_var[p[0]] == 1}  # a topic is one value ("15 was in May and August"), not "A and 5"
    return r.read_as(CASE) if shared & named else r


# A sentence that opens on a bare number: "17 只剩 (4,13)。", "17: only (4, 13) is left"
_OPENING_NUMBER = re.compile(r"\W*(\d{1,4})(?!\s*[\d,，、=+×*·/()（）])")


def _total_case(lex: Lexicon, toks: list[Token], r: ClaimRecord, total: int) -> ClaimRecord:
    """"17 只剩 (4,13)": a list of pairs that all sum (or multiply) to the number the sentence opens with is that sum's
    (or product's) case, not the stage's candidates."""
    if r.kind != "candidates" or r.reading != VALUES:
        return r
    a, b = lex.number_pair
    pairs = [t.payload for t in toks if r.start <= t.start < r.end and t.kind == "tuple"]
    if not pairs or not all(a in p and b in p for p in pairs):
        return r
    if all(p[a] + p[b] == total for p in pairs) or all(p[a] * p[b] == total for p in pairs):
        return r.read_as(CASE)
    return r


def _after_statement_only(before: list[Token], sentence: str) -> bool:
    """Whether every agent before a knowing verb owns a statement named as a time ("伯纳德的话之后可以确定…", "after
    Bernard's statement one can tell …"): no agent is its subject."""
    agents = [t for t in before if t.kind == "agent"]
    return bool(agents) and all(_STATEMENT_OF.match(sentence, t.end) is not None or
                                _SPOKE_AFTER.match(sentence, t.end) is not None for t in agents) and \
        _AFTER_WORD.search(sentence, agents[-1].end, max(before[-1].end, agents[-1].end + 12)) is not None and \
        not any(t.kind == "he" for t in before)  # (not "…之后他可以确定": he knows)


_HEARD = re.compile(r"(?i:\b(?:hearing|heard|listening\s+to|after)\s+$)|(?:听完|听了|听到|听)\s*$")
_AFTER_WORD = re.compile(r"(?i:\bafter\b)|之后|以后|过后|后")
_SPOKE_AFTER = re.compile(r"\s*(?:说完|说了那句话|开口|发言)(?:之后|以后|后)")  # "伯纳德说完之后": a time, no subject
# "Q先生在P先生开口之前就已经能断定…", "伯纳德说话以前": an agent in a time phrase, not the knower after it (unless a
# pronoun stands for the knower: "在阿尔伯特说话之前他不知道" is left as it was read)
_SPOKE_WHEN = re.compile(r"\s*(?:说完|说了那句话|说话|开口|发言|表态)(?:之前|以前|前|之后|以后|后(?!来))")


def _span(clause: list[Token], sentence: str) -> tuple[int, int, str]:
    a, b = clause[0].start, clause[-1].end
    return a, b, sentence.strip()


_REMOVES = re.compile(r"(?i:rules?\s+out|ruled\s+out|eliminates?|eliminated|removes?|removed|excludes?|excluded|"
                      r"kills?)")


_PROPERTY_NOUN = re.compile(r"[^.;:!?\n]{0,30}?\s(?:was|is|were|are)\s+(?:a|an)\s+"
                            r"(?!(?:candidate|possibility|option|survivor|possible|viable)\b)[a-z]+", re.IGNORECASE)


def _clause_claims(lex, clause, sentence, state: _State, answer_cue: bool, has_if: bool) -> list[ClaimRecord]:
    kinds = [t.kind for t in clause]
    if "now" in kinds:
        state.past = False
        if len(kinds) > 2 and kinds[-1] == "now" and kinds[-2] == "neg":
            clause, kinds = clause[:-1], kinds[:-1]  # "The 19s are out now.": gone at the stage, as "are out" says
    if "past" in kinds:
        state.past = True
    if "because" in kinds:
        _note_subject(clause, state)
        return []
    if kinds[0] == "neg" and clause[0].text.lower() == "none of" and \
            _PROPERTY_NOUN.match(sentence, clause[0].end) is not None:
        return []  # "none of 16–19 was a loner in the original list": a property the values lack, not their removal
    a, b, text = _span(clause, sentence)
    know = next((n for n, k in enumerate(kinds) if k == "know" or k == "notknow"), None)
    if know is not None and know + 1 < len(clause) and kinds[know + 1] == "neg" and \
            _REMOVES.fullmatch(clause[know + 1].text) is not None:  # "Albert's claim that Bernard cannot know rules
        # out March and May": the knowing is what removes, a subject; the removal is the claim
        return _clause_claims(lex, clause[know + 1:], sentence, state, answer_cue, has_if)
    if know is not None:
        before = clause[:know]
        if "we" in kinds[:know] or _after_statement_only(before, sentence):
            state.past = state.past or "we" in kinds[:know]
            clause = clause[know + 1:]  # "we knew …", "伯纳德的话之后可以确定生日就是6月12日": the writer's own claim
        else:
            teller = _teller(before, sentence)  # "Mr. P is telling Mr. Q that he knew …": he is Mr. P
            subject = teller or _row_agent(lex, sentence) or next((
                t.payload for t in reversed(before) if t.kind == "agent" and (
                _SPOKE_WHEN.match(sentence, t.end) is None or any(u.kind == "he" for u in before if u.start > t.end))
                and _STATEMENT_OF.match(sentence, t.end) is None),  # (not "第一位" of "盲人听完第一位的话就能确定")
                None) or state.subject \
                or next(iter(_both(lex, set(), sentence, max(0, clause[know].start - 24), clause[know].start)), None)
            if subject is None:  # (but "after P's statement, both of them know": the two)
                return []
            held = "modal" in kinds[:know] and _HELD_BEFORE.search(sentence, 0, clause[know].start) is not None
            if "modal" in kinds[:know] and not _can_now(clause, know, kinds) and not held:
                _note_subject(clause, state)  # "P would know", "P会知道": a counterfactual, not a claim about now
                return []  # (but "P with a K wouldn't be sure": knowledge in the case the sentence names)
            if _REQUIRED.search(sentence, max(0, clause[know].start - 12), clause[know].start):
                _note_subject(clause, state)  # "Albert must be sure Bernard's day isn't 13": what his statement
                return []  # requires, not a claim about the stage
            if _DEMONSTRATIVE.match(sentence, clause[know].end):
                state.subject = subject  # "S knew this from his sum alone": knew a fact, not the answer
                return []
            second = know + 1 if kinds[know] == "notknow" else know + 2 if kinds[know + 1:know + 2] == ["attr"] else None
            if second is not None and second < len(clause) and kinds[second] in ("know", "notknow") and \
                    (kinds[know] == "notknow") != (kinds[second] == "notknow") and \
                    _AND_BETWEEN.fullmatch(sentence, clause[second - 1].end, clause[second].start):
                # "Albert doesn't know and knows Bernard doesn't know", "P knows the rank but doesn't know the card",
                # "P先生知道点数却不知道是哪张牌": two claims with one subject
                first = _clause_claims(lex, clause[:second], sentence, state, answer_cue, has_if)
                subject_token = next((t for t in reversed(before) if t.kind == "agent"), None)
                rest = ([subject_token] if subject_token is not None else []) + _said(before) + clause[second:]
                return first + _clause_claims(lex, rest, sentence, state, answer_cue, has_if)
            nested = _nested_knower(clause, know)
            if nested is not None:
                # "Ali doesn't know the date and is certain Bo doesn't know": the second claim keeps its knower
                subject_token = next((t for t in reversed(before) if t.kind == "agent"), None)
                rest = ([subject_token] if subject_token is not None else []) + _said(before) + clause[nested:]
                return (_clause_claims(lex, clause[:nested], sentence, state, answer_cue, has_if)
                        + _clause_claims(lex, rest, sentence, state, answer_cue, has_if))
            split = _next_knower(clause, know)
            if split is not None:  # "S knows the sum and P knows the product": two claims
                return (_clause_claims(lex, clause[:split], sentence, state, answer_cue, has_if)
                        + _clause_claims(lex, clause[split:], sentence, state, answer_cue, has_if))
            # "after Q's statement P knows": Q names a statement, P is the subject
            agents = {t.payload for t in before if t.kind == "agent" and not _STATEMENT_OF.match(sentence, t.end)}
            both = _both(lex, agents, sentence, max(0, a - 8) if before else max(0, clause[know].start - 24),
                         clause[know].start) \
                if "says" not in kinds[:know] else ()
            if both:  # "both P and S know the numbers", "both of them know", "P和S都知道"
                keys = [_knowledge(lex, clause, know, agent, sentence) for agent in both]
                return [record("knowledge", f, (), text, a, b, state.past, reading=KNOWLEDGE) for f in keys
                        if f is not None]
            f = _knowledge(lex, clause, know, subject, sentence)
            state.subject = subject
            reading = KNOWLEDGE
            if "says" in kinds[:know] or teller is not None:
                reading = REPORTED  # "P says he doesn't know": what was said, not a claim about this stage
            elif len(agents) != 1 or subject not in agents:
                reading = PRONOUN  # "he was sure ...", "Q先生是在P先生开口之前就知道的": the subject is not certain
            elif (who := next((t for t in before if t.kind == "agent"), None)) is not None and \
                    _WHAT_OF.search(sentence, max(0, who.start - 16), who.start) is not None:
                reading = KNOWN_BY  # "a fact about what Albert can be sure of": a topic, not that he is sure
            elif any(t.kind in ("value", "tuple", "number") and t.start > _subject_end(before, subject) for t in before) \
                    or _CASE_START.match(sentence) or _CASE.search(sentence, 0, clause[know].start) or state.modal \
                    or _HOLDER_OF.search(sentence, max(0, clause[know].start - 24), clause[know].start) \
                    or _WOULD.match(clause[know].text):
                reading = CASE  # "S with 11 couldn't know", "For 11, S couldn't know", "- (2,9): P would know",
                # "July still has two dates, so Ali would not know": a counterfactual knows of some case
            if kinds[know] == "know" and any(t.kind == "neg" for t in clause[:know]
                                               if t.start >= _subject_end(before, subject)):
                f = not_key(f) if f is not None else None  # "P先生不能从点数知道", "Albert cannot ever know"
            if held and kinds[know] == "know" and f is not None and \
                    any(t.kind == "modal" and _BARE_NEGATION.fullmatch(t.text) for t in clause[:know]):
                f = not_key(f)  # "P with a K wouldn't be sure"
            if reading == KNOWLEDGE and _knows_one_value(f):
                reading = CASE  # "所以P确定是(4, 13)", "P knows clubs is out": said of the actual world, not of every one
            if _knows_unread_fact(clause, know, sentence):
                return []  # "P knows the sum is in that list": a fact about the sum the reader did not read
            return [record("knowledge", f, (), text, a, b, state.past, reading=reading)] if f is not None else []
    _note_subject(clause, state, sentence)
    if any(t.kind == "modal" and _RELATIVE_BEFORE.search(sentence, max(0, t.start - 8), t.start) is None
           for t in clause):
        state.modal = True  # (not a relative clause's: "the blind man is the one who can't see, so …")
    if "cmp" in kinds:  # "x + y <= 100" bounds a value, it does not state one
        return []
    return _value_claims(lex, clause, text, a, b, state, answer_cue, sentence)


_WOULD = re.compile(r"(?i:would|wouldn't|might)\b")
_AGENTS_AND = re.compile(r"(?i:\s+and\s+)|\s*(?:和|与|跟)\s*")  # between two knowers: "P and Q both know", "P和Q都知道"
_BOTH_GAP = re.compile(r"(?i:\s*(?:both|also|too|now|then)?\s*)|\s*(?:都|也|现在)?\s*")
_BOTH = re.compile(r"(?i:\bboth\b)|都|两人|两个人|二人")
_THE_TWO = re.compile(r"(?i:\bboth\s+of\s+them\b|\bthey\s+both\b|\bthe\s+two\s+of\s+them\b)|两人都|两个人都|他们都|他们俩|二人都")


def _both(lex: Lexicon, agents: set, sentence: str, start: int, end: int) -> tuple[str, ...]:
    """The agents a "both" subject names ("both P and S", "P and S both", "P和S都"; "both of them" in a puzzle of
    two agents), in the puzzle's order, or () when the subject is one agent."""
    if _BOTH.search(sentence, start, end) is None:  # ("Both P and Q know …": "both" just before the clause's first
        return ()  # token, the subject's first agent)
    names = tuple(agent.name for agent in lex.puzzle.agents)
    if len(agents) == 2:
        return tuple(n for n in names if n in agents)
    if not agents and len(names) == 2 and _THE_TWO.search(sentence, start, end) is not None:
        return names
    return ()


TELLS = re.compile(r"\s+(?:is\s+|was\s+)?(?:telling|tells|told|informing|informs|reminding|reminds|assuring|"
                    r"assures)\s+$", re.IGNORECASE)
_THAT_HE = re.compile(r"\s*,?\s*(?:that\s+)?$", re.IGNORECASE)


def _row_agent(lex: Lexicon, sentence: str) -> str | None:
    """The agent a table row's first cell names: "| P先生 | Q | 红桃Q | 知道 |" is P's row (the Q of the next cell is
    the rank he holds, not the agent Q)."""
    if not sentence.lstrip().startswith("|"):
        return None
    first = sentence.index("|")
    second = sentence.find("|", first + 1)
    named = {t.payload for t in lex.scan(sentence[first + 1:second]) if t.kind == "agent"}
    return named.pop() if len(named) == 1 else None


def _teller(before: list[Token], sentence: str) -> str | None:
    """"A is telling B that he …": the agent A who tells, when "he" follows the addressee B (he is the teller)."""
    rest = [t for t in before if t.kind != "copula"]  # "is telling": the copula scans on its own
    for a, b, he in zip(rest, rest[1:], rest[2:]):
        if a.kind == "agent" and b.kind in ("agent", "value", "ambig") and he.kind == "he" and \
                TELLS.search(sentence, a.end, b.start) and _THAT_HE.fullmatch(sentence, b.end, he.start):
            return a.payload
    return None


def _said(before: list[Token]) -> list[Token]:
    """The speech verb before a knowledge cue ("Bernard opens by saying he doesn't know … and is sure …"): the second
    part of a compound keeps it, so both are what was said."""
    return [t for t in before if t.kind == "says"][-1:]


# The subject named by what it holds: "持1的比尔知道安妮是2" (Bill holding 1), a case, not the actual Bill
_HOLDER_OF = re.compile(r"(?:持|拿着?|拿到|手持|手里是|握着)\s*[^\s，,。；;]{1,6}的\s*[^\s，,。；;]{1,8}\s*$")


def _knows_unread_fact(clause: list[Token], know: int, sentence: str) -> bool:
    """"knows the sum is in that list": the object is a clause about the attribute ("is" follows it), with no value
    after the copula; knowing that fact is not knowing the attribute's value ("P knows the sum is 17" is)."""
    rest = clause[know + 1:know + 4]
    if rest and rest[0].kind == "agent" and _AGENT_DOES.match(sentence, rest[0].end) and \
            not any(t.kind in ("know", "notknow") for t in clause[know + 1:]):
        return True  # "L2 already knew L1 wants one": a fact about another agent the reader did not read
    if clause[know].text.endswith("知道"):  # "伯纳德只知道**日**": a noun the reader does not know is no question
        m = _ZH_OBJECT.match(sentence, clause[know].end)
        if m is not None and not any(t.start == m.start(1) for t in clause[know + 1:]):
            return True
    return len(rest) >= 2 and rest[0].kind == "attr" and rest[1].kind == "copula" and \
        (len(rest) == 2 or rest[2].kind not in ("value", "tuple", "number", "ambig")) and \
        _NUMBER_NEXT.match(sentence, rest[1].end) is None


# A verb after an agent named as the object of knowing: the object is a clause about that agent
_AGENT_DOES = re.compile(r"\s+(?:wants?|wanted|needs?|needed|likes?|liked|has|had|holds?|held|gets?|got|is|was)\b",
                         re.IGNORECASE)


# The first character of what follows 知道 when it is a noun, not a particle or pronoun ("知道了", "知道他", "知道这张牌")
_ZH_OBJECT = re.compile(r"[\s*]*([\u4e00-\u9fff])(?<![了吗呢吧啊的得地自他她它这那是道该])")


_NUMBER_NEXT = re.compile(r"\s*(?:(?:exactly|just|only|now|still)\s+)?[\d(（]")


def _subject_end(before: list[Token], subject: str) -> int:
    """Where the subject's name ends among the tokens before a knowledge cue (-1 when it is not named)."""
    return next((t.end for t in reversed(before) if t.kind == "agent" and t.payload == subject), -1)


_AND_BETWEEN = re.compile(r"\s*(?:,\s*)?(?:and|but|yet|而且|但|但是|并且|却)\s*(?:also\s+|still\s+|he\s+|she\s+|也|还)?",
                          re.IGNORECASE)


def _nested_knower(clause: list[Token], know: int) -> int | None:
    """Where "and knows / is certain <agent> <knows>" starts after the object of the knowledge at `know`: the
    subject's own knowledge of another agent's, if it does."""
    seen = False
    for j in range(know + 1, len(clause) - 2):
        kind = clause[j].kind
        if kind in ("attr", "value", "tuple"):
            seen = True
        elif seen and kind == "know" and clause[j + 1].kind == "agent" and clause[j + 2].kind in ("know", "notknow"):
            return j
        elif kind == "agent":
            return None
    return None


def _next_knower(clause: list[Token], know: int) -> int | None:
    """Where another agent's knowledge starts after the object of the knowledge at `know`, if it does."""
    seen = False
    for j in range(know + 1, len(clause) - 1):
        kind = clause[j].kind
        if kind in ("attr", "value", "tuple"):
            seen = True
        elif seen and kind == "agent" and clause[j + 1].kind in ("know", "notknow"):
            return j
    return None


def _note_subject(clause: list[Token], state: _State, sentence: str = "") -> None:
    """The clause's first agent as the subject later clauses' pronouns may mean; not one heard or spoken after
    ("听完阿里的话后，他能确定日期", "after hearing Ali, he knows": he is not Ali)."""
    first = next((t.payload for t in clause if t.kind == "agent" and not (
        sentence and _HEARD.search(sentence, max(0, t.start - 16), t.start) is not None)), None)
    if first is not None:
        state.subject = first


# An apposition: "…, that is, …", "…，也就是…": the values after it restate the ones before
_APPOSED = re.compile(r"(?:也就是(?:说)?|亦即|即|(?i:\bi\.e\.|\bthat\s+is|\bnamely))\s*[,，:：]?\s*$")


def _apposed_out(sentence: str, at: int) -> bool:
    """Whether the values at `at` follow an apposition to a clause that removes values ("所以第一句排除了a = 0和a = 10，
    也就是(0,1)和(10,9)"), not one that says what is left ("只剩一个日期，即6月12日")."""
    ap = _APPOSED.search(sentence, max(0, at - 12), at)
    if ap is None:
        return False
    head = sentence[:ap.start()].rstrip(" ,，")
    prev = head[max(head.rfind(c) for c in "，,；;。:：") + 1:]
    return ELIMINATED.search(prev) is not None and _REMAINING_WORDS.search(prev) is None


# A copula with its own complement before a colon: "That's the twist: July 16 is still among …" (not "is: July 16")
_COPULA_COMPLEMENT = re.compile(r"(?i)\s+(?:the|a|an|this|my|our)\s+[^:：.;!?\n]{1,40}[:：]\s*(?:\*\*)?\s*")


# What an answer is, not which: "the answer is unique", "答案是唯一的"
_ANSWER_PROPERTY = re.compile(r"(?i:\s*(?:(?:really|indeed|actually|also|still)\s+)?(?:not\s+)?(?:unique|correct|right|"
                              r"wrong|consistent|determined|forced|well-defined|sound|valid|robust)\b)"
                              r"(?![^.。\n]{0,3}[:：])|"
                              r"\s*(?:是)?唯一(?:的)?(?![^.。\n]{0,3}[:：])")  # (but "所以答案唯一：4和13" gives it)


# An answer that is a situation, to a question the trace asked itself: "什么情况下有人能知道？答案是看到两顶红帽子的时候",
# "the answer is when he sees two reds"
_ANSWER_SITUATION = re.compile(r"\s*(?:是|(?i:is)\b)?\s*(?:(?:在|当)?(?:看到|看见|看得到)|(?i:when(?:ever)?\b)|"
                               r"[^，,。.;；\n]{0,24}的时候)")


_SUPERLATIVE = re.compile(r"(?i:\b(?:smallest|largest|least|greatest|lowest|highest|minimum|maximum|min|max)"
                          r"(?:\s+possible)?\s+$)|(?:最小|最大)的?\s*$")


def _value_claims(lex, clause, text, a, b, state: _State, answer_cue: bool, sentence: str) -> list[ClaimRecord]:
    vals = [t for t in clause if t.kind == "value" or t.kind == "tuple"]
    if not vals:
        return []
    if _elimination_denied(clause, sentence):
        return []  # "May was not eliminated", "所以a=1没被第一句排除": what stays, not what goes (unread)
    if _ELLIPSIS.search(sentence, vals[0].start, min(len(sentence), vals[-1].end + 6)) is not None:
        return []  # "b ∈ {2, …, 8}", "a = 1, 2, ...": a range or an open list, not the values named (unread)
    if any(sentence.startswith("-only", v.end) for v in vals):
        return []  # "14 was shared with May; after, it's April-only": a property of a value named before (unread)
    if _SPELT_ITEM.match(sentence, vals[-1].end) is not None:
        return []  # "Spades: jack, eight, four, two, …", "March eighteen, nineteen": the list goes on in numbers spelt
        # out, unread, so what is read of it is no whole list
    if (whole := _ONE_OF_N.search(sentence, 0, vals[0].start)) is not None and \
            _SIZE.get(whole.group(1).lower(), -1) > len(vals):
        return []  # "Cam's anniversary is one of ten dates: March eighteen, nineteen. April …": the set-up's list,
        # going on in the next sentences
    first = vals[0]
    by_var = _values_by_var(vals)
    tuples = _dedupe([t.payload for t in vals if t.kind == "tuple"])
    if len(by_var) + (1 if tuples else 0) > 1 and _eliminates_all(clause, vals, sentence):
        # "Q's statement rules out spades, clubs and both aces", "rules out May, June and July 14": every value
        # named is excluded
        parts = [_excluded(set_key(v, codes)) for v, codes in by_var.items()]
        parts += [_excluded(tuple_key(lex, c)) for c in tuples]
        return [record("exclusion", junction_key("And", parts), (), text, a, b, state.past, reading=EXCLUSION)]
    if first.kind == "value" and not tuples and len(by_var) == 2:
        x, y = first.payload[0], next(v for v in by_var if v != first.payload[0])
        lead = len(by_var[x])  # "J, 8, 2, 7, 3: only spades": each value of the row's head, then its partners
        listed = all(_LIST_GAP.fullmatch(sentence, u.end, v.start) is not None for u, v in zip(vals, vals[1:lead]))
        if _GLOSSED_OUT.match(sentence, vals[lead - 1].end) is not None:
            return []  # "Apr (28), Jun (29) out": the bracketed day is why April goes, not April's day (unread)
        if listed and all(t.payload[0] == x for t in vals[:lead]) and all(t.payload[0] == y for t in vals[lead:]):
            if _NEGATED_GAP.search(sentence, vals[lead - 1].end, vals[lead].start) or \
                    _GONE_AFTER.match(sentence, vals[-1].end) is not None:  # "July has no 18 or 19", "16：6月没了"
                return [record("conditional", implies_key(set_key(x, by_var[x]), _excluded(set_key(y, by_var[y]))),
                               (), text, a, b, state.past, reading=LOOSE)]
            f = implies_key(set_key(x, by_var[x]), set_key(y, by_var[y]))
            tight = _TABLE_GAP.fullmatch(sentence, vals[lead - 1].end, vals[lead].start) is not None
            return [record("conditional", f, (), text, a, b, state.past,
                           reading=TABLE if tight and (lead == 1 or _ONLY_GAP.search(sentence, vals[lead - 1].end,
                                                                                     vals[lead].start)) else LOOSE)]
        return []
    if first.kind == "value" and tuples and len(vals) == len(tuples) + 1 and \
            _CREDITED_OUT.match(sentence, vals[-1].end) is not None and \
            all(t.payload.get(first.payload[0]) == first.payload[1] for t in vals[1:]):
        vals, first, by_var = vals[1:], vals[1], {}  # "黑桃：♠J ♠8 被P先生第一句排除": a heading of their suit, then
        # the cards a statement removed
    elif first.kind == "value" and tuples and len(vals) == len(tuples) + 1:
        if any(t.kind == "neg" for t in clause if t.start > vals[-1].start):
            return []  # "18日：4月18日已经排除": the row's tuple is gone, not its only one
        return _row_of_tuples(first, vals[1], vals[-1], tuples, text, a, b, state, sentence)
    if tuples and by_var:
        return []
    if len(by_var) > 1:
        return []
    if not tuples and len({t.payload for t in clause if t.kind == "attr" and t.start < first.start and
                           isinstance(t.payload, str) and "[" in t.payload}) > 1:
        return []  # "so h2 and h3 aren't both red": a claim on two of a family of variables at once, unread
    cue_before = [t.kind for t in clause if t.start < first.start and not (
        t.kind == "copula" and _COPULA_COMPLEMENT.fullmatch(sentence, t.end, first.start) is not None)]
    holder = next((t for t in reversed(clause) if t.kind == "agent" and t.start < first.start), None)
    holds = holder is not None and _HOLDS_BEFORE.fullmatch(sentence, holder.end, first.start) is not None
    worn = holder is not None and first.kind == "value" and _observed_var(lex, holder.payload) is None and \
        _own_var(lex, holder.payload) == first.payload[0] and \
        (holds or _AGENT_IS.fullmatch(sentence, holder.end, first.start) is not None)
    if holds and not worn:
        return []  # "Mr. S was holding 17 and Mr. P was holding 52": what each agent observes, not the candidates
    # (but "the blind man has a white hat", "wears white": the hat he cannot see, a candidate)
    # "the days that would give Bernard the answer are 13 and 20": a property, not the stage
    loose_subject = "modal" in cue_before and ("only" not in cue_before or _RELATIVE_MODAL.search(
        sentence, 0, first.start) is not None) and \
        _SETTLED_AS.search(sentence, 0, first.start) is None  # ("the only days that would tell Bo the date are 28 and
    # 29"; but "所以月份已经可以定为6月": the month can be fixed as June, settled)
    loose_subject = loose_subject or ("hat" in sentence or "hich" in sentence) and \
        _RELATIVE_PROPERTY.search(sentence, max(0, first.start - 60), first.start) is not None  # "the day that is still
    # ambiguous is 19": a property's values, not the candidates
    last = clause[-1] if len(clause) < 2 or clause[-1].kind != "agent" or \
        _STATEMENT_OF.match(sentence, clause[-1].end) is None else clause[-2]  # (not "man 1" of "RRW went out with
    # man 1's statement": the statement credited, anchors.py)
    negated = "neg" in cue_before or (last.kind == "neg" and ELIMINATED.search(last.text) is not None) \
        or _eliminated_by(clause, vals[-1], sentence) or _GOES.match(sentence, vals[-1].end) is not None \
        or ("不行" in sentence and bool(tuples) and _NO_GOOD.match(sentence, vals[-1].end) is not None) \
        or ("出局" in sentence and _OUT_OF_PLAY.match(sentence, vals[-1].end) is not None) \
        or _apposed_out(sentence, first.start) \
        or (_TAKEN_AWAY.match(sentence, vals[-1].end) is not None and
            _BA.search(sentence, max(0, first.start - 4), first.start) is not None)
    # ("排除了a = 0和a = 10，也就是(0,1)和(10,9)": the same, removed; "把黑桃和草花去掉以后": taken away)
    if _LABEL_NOUN.match(sentence, vals[-1].end) is not None:
        return []  # "I initially wrote 0, 2 in the b = 1 row": a row named by its value, no claim
    if negated and _PROPERTY_AFTER.match(sentence, vals[-1].end) is not None:
        return []  # "Neither 12 nor 19 is a giveaway day": a property the values lack, not that they are gone
    neg = next((t for t in reversed(clause) if t.kind == "neg" and t.start < first.start), None)
    left = neg is not None and _COLON_AFTER.match(sentence, neg.end) is not None and \
        _STAYS_AFTER.match(sentence, vals[-1].end) is not None  # "so it's eliminated: 3/18, 7/16, 7/17 remain"
    if neg is not None and _INTRANSITIVE.fullmatch(neg.text) and _COLON_AFTER.match(sentence, neg.end) and not left:
        return []  # "So the aces drop out: ♥Q, ♥4, ♦5": what follows the colon is what the dropping leaves, or not
    if left:
        negated = False  # the list after the colon is what the removal leaves, as its verb says
    asserted = "only" in cue_before or "copula" in cue_before or left or worn
    if tuples:
        witnesses = tuple([tuple_key(lex, c) for c in tuples])
        inclusion = junction_key("Or", list(witnesses))
        q = lex.question_vars
        answer = tuple([tuple([c[v] for v in q]) for c in tuples]) if len(tuples[0]) == len(q) and all(
            v in tuples[0] for v in q) else None
    else:
        var, codes = next(iter(by_var.items()))
        inclusion = set_key(var, codes)
        witnesses = tuple([value_key(var, c) for c in codes])
        answer = tuple((c,) for c in codes) if lex.question_vars == (var,) else None
    loose = ("such" in text or "这" in text) and _SUCH.search(text, a, b) is not None or \
        ("hose" in text or "hese" in text) and _THOSE.search(text, 0, first.start) is not None  # "the only such rank is the ace"
    if negated:
        excluded = not_key(inclusion) if inclusion[0] != "Compare" else ("Compare", "!=") + inclusion[2:]
        return [record("exclusion", excluded, (), text, a, b, state.past, reading=EXCLUSION)]
    if answer_cue and answer is not None:
        return [record("answer", inclusion, witnesses, text, a, b, False, answer, reading=ANSWER)]
    if asserted:
        return [record("candidates", inclusion, witnesses, text, a, b, state.past, answer,
                       reading=LOOSE if loose or loose_subject else VALUES)]
    return []


_GLOSSED_OUT = re.compile(r"\s*[(（][^()（）\n]{1,20}[)）](?:[^.;:!?。；\n]{0,40}?[)）])?\s*(?:[,，、]|(?i:and\b)|和)?"
                          r"[^.;:!?。；\n]{0,40}?(?i:\b(?:are|is)\s+)?(?i:\bout\b|\bgone\b|\beliminated\b|\bexcluded\b|"
                          r"\bruled\s+out\b)|\s*[(（][^()（）\n]{1,20}[)）][^。；\n]{0,40}?(?:排除|去掉|出局)")
_ELLIPSIS = re.compile(r"…|\.{3,}|⋯|(?<=\d)\.\.(?=\s*\d)")  # ("Aug..": an abbreviation, then a full stop)
# A negation right before an elimination verb: "was not eliminated", "isn't ruled out", "没被排除", "并未排除"
_DENIED_BEFORE = re.compile(r"(?i:(?:\b(?:not|never)|n't)\s+(?:yet\s+|been\s+|be\s+|all\s+|entirely\s+|"
                            r"completely\s+|fully\s+)*$)|"
                            r"(?:没有?|未|并未|并没有?|不会|不能|不)被[^，,。；;：:\s]{0,6}$|"
                            r"(?:没有?|未|并未|并没有?|不会|不能|无法|不)(?:全部|完全|全都|都|全|彻底)?$|"
                            r"(?:没有?|未|并未|不会|不能|无法|不应该?|不可能)(?:在|于|从|到)[^，,。；;：:\s]{1,8}$")
# (and "6月不能在第一步排除": a time or place between the negation and the verb; "黑桃并没有全部去掉", "not entirely
# eliminated": not all of them)


_DROPS = re.compile(r"(?i:drop|cross|strike|struck|kill|knock|throw|threw|wipe|lose|lost)")


def _elimination_denied(clause: list[Token], sentence: str) -> bool:
    """Whether the clause's elimination verb is negated ("not eliminated", "没被第一句排除")."""
    for t in clause:
        if t.kind == "neg" and (ELIMINATED.search(t.text) is not None or _DROPS.match(t.text) is not None) and \
                _DENIED_BEFORE.search(sentence, max(0, t.start - 14), t.start) is not None:
            return True
    return False


def _excluded(inclusion: tuple) -> tuple:
    return not_key(inclusion) if inclusion[0] != "Compare" else ("Compare", "!=") + inclusion[2:]


def _eliminates_all(clause: list[Token], vals: list[Token], sentence: str) -> bool:
    """An elimination verb right before a list of values ("rules out spades, clubs and both aces") or right after it
    ("spades, clubs and the aces are gone"), with nothing but the list between the values."""
    before = [t for t in clause if t.end <= vals[0].start]
    after = [t for t in clause if t.start >= vals[-1].end]
    if any(_LIST_JOIN.fullmatch(sentence, a.end, b.start) is None for a, b in zip(vals, vals[1:])):
        return False  # "The 19th occurs in both March and July and is excluded": not a list of what goes
    lead = before[-1] if before else None
    if lead is not None and lead.kind == "neg" and ELIMINATED.search(lead.text) and \
            _LIST_LEAD.fullmatch(sentence, lead.end, vals[0].start):
        return True
    return _eliminated_by(clause, vals[-1], sentence) or (
        len(after) >= 1 and all(t.kind == "copula" for t in after[:-1]) and after[-1].kind == "neg" and
        ELIMINATED.search(after[-1].text) is not None)


_LIST_JOIN = re.compile(r"(?:(?<=\d)'?s\b)?\s*(?:[,，、/&]|\b(?:and|or)\b|和|与|及|或)?\s*(?:(?:and|or)\s+)?"
                        r"(?:(?:also|as\s+well\s+as|plus)\s+|还有|以及|另外还有)?(?:(?:the|both|all)\s+(?:of\s+)?)*",
                        re.IGNORECASE)  # ("the 14s and all of August")
_LIST_LEAD = re.compile(r"\s*(?:(?:all|every|both|the|of)\s+)*", re.IGNORECASE)


_LABEL_NOUN = re.compile(r"\s*(?:\*\*)?\s*(?i:row|column|line|entry|cell|branch)\b")


def _eliminated_by(clause: list[Token], last: Token, sentence: str) -> bool:
    """"the aces are eliminated by Q's statement": a passive elimination after the values, with its agent."""
    after = [t for t in clause if t.start >= last.end]
    n = next((i for i, t in enumerate(after) if t.kind not in ("copula", "past")), None)  # ("was already excluded by")
    return n is not None and after[n].kind == "neg" and ELIMINATED.search(after[n].text) is not None and \
        _BY_AGENT.match(sentence, after[n].end) is not None


_HOLDS_BEFORE = re.compile(r"\s*(?:(?:was|is|had\s+been)\s+)?(?:holding|holds|held|has|had|sees|saw|gets|got|"
                           r"(?:was\s+|is\s+)?told|receives|received)\s+(?:the\s+)?"
                           r"(?:sum\s+|product\s+|number\s+|card\s+)?"
                           r"(?:of\s+)?(?:[a-z]\s*=\s*)?[\"“]?|"
                           r"\s*(?:拿到|拿着|手里是|手里的是|知道的是|拿|看到|看见)(?:的是|了)?\s*(?:[a-z]\s*=\s*)?[\"“]?",
                           re.IGNORECASE)  # ("爱丽丝看到b = 1、c = 2": what she sees in the world supposed; 'Q is told
# "diamonds"': the value in quotes)
_BY_AGENT = re.compile(r"\s+(?:already\s+)?by\s+", re.IGNORECASE)
# The values go, at the end of their clause: "So 19 goes.", "May 15, May 16 and June 17 go as well", "…, 49 all go."
# The partners of a row's head gone: "- 16: June is gone, only July 16 left", "- 16：6月没了，只剩7月16日".
_GONE_AFTER = re.compile(r"(?i:\s*(?:is|are|was|were|has\s+been|have\s+been)?\s*(?:already\s+|both\s+|all\s+)?"
                         r"(?:gone|out|eliminated|excluded|ruled\s+out|removed|crossed\s+out)\b)|"
                         r"\s*(?:已经|已|也)?(?:没了|没有了|不在了|排除了?|去掉了?|被排除|划掉了?|出局)")  # ("5月已经排除")
_GOES = re.compile(r"[\s*]*(?:(?:also|too|then|all|both|now)\s+)?(?:(?:must|has\s+to|have\s+to|should|needs?\s+to|will)\s+)?(?:goes|go)(?:\s+(?:too|as\s+well|also|away))?\s*"
                   r"(?=[.;,!)\n]|$)", re.IGNORECASE)
_CREDITED_OUT = re.compile(r"\s*(?:都|也|全)?(?:是)?被[^，,。；;\n]{1,30}?(?:" + ZH_REMOVING + r")")
_ZH_HOLDER_BEFORE = re.compile(r"(?:拿着|拿到|拿的是|拿|手里是|手里拿着)[^，,。；;：:\s]{1,8}的\s*$")
_NO_GOOD = re.compile(r"\s*(?:也|都|就|全|全都|也都)?不行(?![动为])")  # "所以7月16不行": a date or card ruled out
_OUT_OF_PLAY = re.compile(r"\s*(?:也|都|就|全|全都|整个|跟着|直接)*出局")  # "草花整个出局，♣5也跟着出局"
# Values taken away, then what comes after: "把黑桃和草花去掉以后，…" (把 before the first value)
_TAKEN_AWAY = re.compile(r"\s*(?:都|也|全|全部)?(?:" + ZH_REMOVING + r")了?(?:之后|以后|后)")
_BA = re.compile(r"把\s*$")


_SPELT_ITEM = re.compile(r"(?i:\s*[,，、]?\s*(?:and\s+|or\s+)?(?:two|three|four|five|six|seven|eight|nine|ten|eleven|"
                         r"twelve|\w+teen|twenty|thirty|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
                         r"\w+teenth|twentieth|thirtieth)\b(?!\s+(?:of|cards?|dates?|days?|months?|pairs?|numbers?|"
                         r"candidates?|options?|left|remain)\b))")
_ONE_OF_N = re.compile(r"(?i:\bone\s+of\s+(?:the\s+|these\s+|those\s+)?(\w+)\s+(?:possible\s+|candidate\s+)?"
                       r"(?:dates|days|cards|pairs|options|candidates|possibilities|triples)\s*[:：])")
_SIZE = {**{str(n): n for n in range(2, 100)}, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
         "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "sixteen": 16}
# A value heading a row of its tuples: "Q → only ♥Q", "14: April 14 only", "16 → May 16, July 16".
_ROW_GAP = re.compile(r"\s*(?:号|日|st|nd|rd|th)?\s*(?:[:：→]|->|=>)\s*(?:only|just|只有|只剩|只剩下)?\s*", re.IGNORECASE)


def _row_of_tuples(first: Token, second: Token, last: Token, tuples: list[dict], text, a, b, state: _State,
                   sentence: str) -> list[ClaimRecord]:
    """A table row of one value and the tuples that hold it: the value implies the other variable's values in
    those tuples, and a row of one tuple ("Q → only ♥Q") also says that tuple is still possible. A row whose
    tuples do not all hold the value, or that is not set out as a row, is no claim."""
    var, code = first.payload
    if _ROW_GAP.fullmatch(sentence, first.end, second.start) is None or any(
            len(t) != 2 or t.get(var) != code for t in tuples):
        return []
    other = next(v for v in tuples[0] if v != var)
    if any(other not in t for t in tuples):
        return []
    consequent = set_key(other, sorted({t[other] for t in tuples}))
    if _GONE_AFTER.match(sentence, last.end) is not None:
        # "With 4: ♠4 and ♣4 are both gone": the value's row without those tuples, loosely
        return [record("conditional", implies_key(value_key(var, code), _excluded(consequent)), (), text, a, b,
                       state.past, reading=LOOSE)]
    f = implies_key(value_key(var, code), consequent)
    witnesses = (junction_key("And", [value_key(v, tuples[0][v]) for v in sorted(tuples[0])]),) \
        if len(tuples) == 1 else ()
    return [record("conditional", f, witnesses, text, a, b, state.past, reading=TABLE)]


_COND_MODALS = frozenset({"would", "could", "'d", "’d"})


def _postposed(toks: list[Token], if_at: int, end: int) -> list[Token] | None:
    """A condition put after the knowing it conditions, turned around ("Bill would know if b were 0" -> "if b were
    0, Bill would know"): the tokens of the supposition first, then the knowing with its subject; or None. Only a
    would / could knowing, not "doesn't know if" (whether), nor "only if" (the converse), nor a condition that knows."""
    if if_at < 2 or toks[if_at].text.lower() != "if" or toks[if_at - 1].kind not in ("know", "notknow"):
        return None
    know = toks[if_at - 1]
    modal = toks[if_at - 2] if toks[if_at - 2].kind == "modal" else None
    conditional = (modal is not None and modal.text.lower() in _COND_MODALS) or \
        (know.kind == "notknow" and know.text.lower().startswith(("wouldn", "would not", "couldn", "could not")))
    subject = if_at - 3 if modal is not None else if_at - 2
    tail = toks[if_at + 1:end]
    if not conditional or subject < 0 or toks[subject].kind not in ("agent", "he") or \
            not any(t.kind in ("value", "tuple") for t in tail) or any(t.kind in ("know", "notknow") for t in tail):
        return None
    comma = Token("sep", ",", tail[-1].end, tail[-1].end, ",")
    return [toks[if_at], *tail, comma, *toks[subject:if_at]]


def _hypothetical(lex, toks: list[Token], sentence: str, state: _State,
                  before: list[Token] = ()) -> list[ClaimRecord]:
    """`if <values> [then] <consequent>`: the antecedent runs until a then/modal/knowledge cue. An antecedent that
    names no value but points back ("如果是这两个只出现一次的日子", "if it were one of those") takes the values of
    the last clause before the "if" (`before`: the sentence's tokens up to it) that names any."""
    start = None
    for n, t in enumerate(toks[1:], start=1):
        if t.kind in ("then", "modal", "know", "notknow"):
            start = n
            break
        if t.kind == "agent" and n + 1 < len(toks) and toks[n + 1].kind in ("know", "notknow", "modal", "then", "neg"):
            start = n
            break
    if start is None:
        start = _stated_after_comma(toks, sentence)  # "If it's diamonds, only ♦5 is left": the consequent is stated
        if start is None:
            return []
    comma = next((n for n in range(start - 1, 0, -1) if toks[n].kind == "sep"), None)
    ante_end = start
    if comma is not None and any(t.kind in ("value", "tuple") for t in toks[1:comma]):
        start = ante_end = comma + 1  # "If Ali was told April, she couldn't be sure ...": the consequent starts at
        # the comma
        first = next(n for n in range(1, comma + 1) if toks[n].kind == "sep")
        between = toks[first + 1:comma]
        if first < comma and any(t.kind in ("value", "tuple") for t in toks[1:first]) and \
                any(t.kind == "agent" for t in between) and \
                (any(t.kind == "modal" for t in between) or sum(t.kind in ("value", "tuple") for t in between) != 1):
            ante_end = first  # "If b = 1, Anne could be 0 or 2, so Bill doesn't know": another's options, a reason
            # (but "如果第一位是白，第三位是红，第二位就不知道": one more value supposed)
    ante = _constraint(lex, [t for t in toks[1:ante_end] if t.kind in ("value", "tuple", "neg")])
    if ante is None and "=" in sentence:
        ante = _related(lex, sentence[toks[0].end:toks[ante_end - 1].end if ante_end > 1 else toks[0].end])
    if ante is None and before and _POINTS_BACK.search(sentence, toks[0].end, toks[start].start):
        named = next((c for c in reversed(_clauses(list(before), sentence))
                      if any(t.kind in ("value", "tuple") for t in c)), [])
        ante = _constraint(lex, [t for t in named if t.kind in ("value", "tuple")])
    hedged = False
    end = next((n for n in range(start, len(toks)) if toks[n].kind == "sep"), len(toks))
    cons_toks = [t._replace(kind="know") if t.kind == "modal" and t.text.endswith("知道") else t
                 for t in toks[start:end]]  # ("如果日子是18，他马上就知道了": a modal that is a knowing)
    if ante is None or any(_negative(t) and u.kind == "neg" and _EXCLUDING.match(u.text) is not None
                           for t, u in zip(cons_toks, cons_toks[1:])):
        return []  # "if his month were April, he couldn't rule out April 28": still possible for him, no fact
    stated = any(t.kind in ("copula", "only", "neg", "know", "notknow") for t in cons_toks)
    know = next((n for n, t in enumerate(cons_toks) if t.kind in ("know", "notknow")), None)
    if know is not None:
        seer = next((t.payload for t in toks[1:start] if t.kind == "agent" and _SEER.match(sentence, t.end)), None)
        subject = (next((t.payload for n, t in reversed(list(enumerate(cons_toks[:know]))) if t.kind == "agent" and
                         _STATEMENT_OF.match(sentence, t.end) is None and
                         not _holder_then_pronoun(cons_toks, n, know)), None) or seer
                   # ("如果第二位看到第一位戴红帽子，他就能断定": the one who sees, not the one seen)
                   or next((t.payload for n, t in reversed(list(enumerate(toks[:start]))) if n and t.kind == "agent"
                            and _STATEMENT_OF.match(sentence, t.end) is None and
                            not _holder_then_pronoun(toks, n, start + know)), None) or state.subject
                   # (not "若 h3 是红的，结合第一位的话，他马上知道": the first man's words, not him)
                   or (state.referent if any(t.kind == "he" for t in cons_toks[:know]) else None))
        if subject is None:
            return []
        cons = _consequent_knowing(lex, cons_toks, know, subject, sentence)
        if any(t.kind == "modal" and t.text.lower() in _POSSIBLE for t in cons_toks[:know]):
            hedged = True  # "if the month were May, Bernard *could* know": possibly knows, not would know
    else:
        cons = _constraint(lex, cons_toks)
        later = _later_knowing(toks, end) if cons is None else None
        if later is not None:  # "If the suit were hearts, P would still be looking at three cards, …, so he
            # couldn't know": the knowing the supposition leads to, two clauses on, its subject the first one's
            start2, know2, end = later
            subject = next((t.payload for t in reversed(toks[start2:know2]) if t.kind == "agent"), None) or \
                next((t.payload for t in cons_toks if t.kind == "agent"), None)
            cons_toks = toks[start2:end]
            know, stated = know2 - start2, True
            cons = None if subject is None else _consequent_knowing(lex, cons_toks, know, subject, sentence)
    if cons is None:
        return []
    a, b = toks[0].start, toks[end - 1].end
    if ante_end < start:
        a = toks[start].start  # (the reason between is the writer's working, its "could" no hedge of the claim)
    nested = know is not None and any(t.kind in ("value", "tuple") for t in cons_toks[:know])
    nested = nested or not stated  # "if he had May, he would still have to consider May 19": no value stated
    # "if spades, P could have the J and would know": the consequent holds in a further case only
    past = state.past or any(t.kind == "past" for t in cons_toks)  # ("At first Bernard didn't know unless …")
    out = record("hypothetical", implies_key(ante, cons), (), sentence.strip(), a, b, past,
                 reading=HEDGED if hedged else LOOSE if nested else HYPOTHETICAL)
    if _FROM_START.search(sentence, cons_toks[0].start, cons_toks[-1].end + 24) is not None:
        out = out._replace(at=0)  # "if the rank were Q, P would have known from the start": dated by its own words
    return [out]


# (not "b = a + 1", "2b = c")
_RELATED = re.compile(r"(?<![\w\[+\-−*/×·])([a-z])\s*(=|≠|!=)\s*([a-z])(?![\w\[(])(?!\s*[+\-−*/×·^])")


def _related(lex, antecedent: str) -> tuple | None:
    """The one relation between two variables an antecedent states ("如果a = b，…", "if b ≠ c, …"), as a formula key,
    or None."""
    found = list(_RELATED.finditer(antecedent))
    names = {v.name for v in lex.puzzle.variables}
    if len(found) != 1 or not {found[0].group(1), found[0].group(3)} <= names or found[0].group(1) == found[0].group(3):
        return None
    m = found[0]
    return ("Compare", "=" if m.group(2) == "=" else "!=", ("Var", m.group(1)), ("Var", m.group(3)))


def _holder_then_pronoun(toks: list[Token], n: int, know: int) -> bool:
    """Whether the agent at `n` only holds a value ("Anne could be 0 or 2") and a pronoun after it, before the
    knowing at `know`, is the one who knows: "If Bill had 1, Anne could be 0 or 2, so he wouldn't know" (Bill)."""
    rest = [t for t in toks[n + 1:know] if t.kind != "modal"]
    return len(rest) >= 2 and rest[0].kind == "copula" and rest[1].kind in ("value", "number") and \
        any(t.kind == "he" for t in rest) and \
        any(t.kind == "agent" and t.payload != toks[n].payload for t in toks[:n])  # (another the pronoun can be;
    # not "如果是8月，伯纳德手里可能是15或17，他就无法确定": Bernard himself)


# The very beginning, before any statement: "from the start", "一开始"
_FROM_START = re.compile(r"(?i:\b(?:from|at)\s+the\s+(?:very\s+)?(?:start|beginning|outset)\b|\bat\s+first\b|"
                         r"\binitially\b)|一开始|起初|最初|一上来")


_SEER = re.compile(r"\s*(?:" + _SEES.pattern + r"|见到|is\s+looking\s+at)", re.IGNORECASE)  # what follows the seer


def _consequent_knowing(lex, cons_toks: list[Token], know: int, subject: str, sentence: str) -> tuple | None:
    """The key of a supposition's consequent that says `subject` knows (at cons_toks[know]), negated by a negative
    word before a positive knowing word ("he wouldn't be able to know", "she couldn't be sure", "就不能知道")."""
    cons = _knowledge(lex, cons_toks, know, subject, sentence)
    if cons is not None and cons_toks[know].kind == "know" and any(_negative(t) for t in cons_toks[:know]):
        return not_key(cons)
    return cons


def _later_knowing(toks: list[Token], end: int) -> tuple[int, int, int] | None:
    """(start, knowing, end) offsets into `toks` of the first clause after toks[end] (a separator) that says someone
    (an agent or "he") knows, before the sentence's next "if", semicolon or stop; None without one."""
    start = end + 1
    for n in range(end + 1, len(toks)):
        t = toks[n]
        if t.kind == "if" or (t.kind == "sep" and t.text in (";", "；", ".", "。")):
            return None
        if t.kind == "sep":
            start = n + 1
        elif t.kind in ("know", "notknow") and (any(u.kind in ("agent", "he") for u in toks[start:n]) or
                                                all(u.kind in ("modal", "then", "neg") for u in toks[start:n])):
            # (or a clause with no subject of its own, the last one's: "那么第一位看到盲人头上的红帽，就能立刻知道")
            stop = next((m for m in range(n, len(toks)) if toks[m].kind == "sep"), len(toks))
            return start, n, stop
    return None


# An antecedent pointing back at values just named: "如果是这两个…", "if it were one of those", "if it were either"
_POINTS_BACK = re.compile(r"(?i:\b(?:(?:one|either|any|each)\s+of\s+(?:these|those|them)|these|those|either\s+one|"
                          r"either)\b)|这两个|这两天|这几个|这几天|这些|它们|其中之一|其中一个")


_THEN_GAP = re.compile(r"\s*(?:then\s+|那么|那|就)?", re.IGNORECASE)


def _stated_after_comma(toks: list[Token], sentence: str) -> int | None:
    """Where the consequent of `if <values>, <only/copula> <values>` starts ("If it's July, only July 16 remains",
    "如果是7月，只剩7月16日"): after the first separator that follows a value, when values and a stating word follow."""
    for n, t in enumerate(toks[1:], start=1):
        if t.kind == "sep" and t.text in (",", "，", ":", "：") and any(u.kind in ("value", "tuple") for u in toks[1:n]):
            rest = [u.kind for u in toks[n + 1:]]
            opens = n + 1 < len(toks) and toks[n + 1].kind in ("only", "value", "tuple", "copula", "attr") and \
                _THEN_GAP.fullmatch(sentence, t.end, toks[n + 1].start) is not None  # not "…, Mr. So the rank …"
            if opens and ("only" in rest or "copula" in rest) and ("value" in rest or "tuple" in rest):
                return n + 1
            return None
    return None


_POSSIBLE = frozenset({"could", "might", "may", "can", "可能", "可以", "能"})
_NEGATIVE_MODAL = re.compile(r"n't|\bnot\b")


_EXCLUDING = re.compile(r"(?i:rule|exclud|eliminat|remov|cross)|排除|去掉")


def _negative(t: Token) -> bool:
    """A negation before a knowledge word: "not", "cannot be", or a negated modal ("wouldn't", "could not")."""
    return t.kind == "neg" or (t.kind == "modal" and _NEGATIVE_MODAL.search(t.text.lower()) is not None)
