"""A puzzle's vocabulary as one scanner: values and aliases, agents and display names, attributes, cue words.

Built once per puzzle (see AuditContext) and used to turn a sentence into a list of tokens.
"""
from __future__ import annotations

import functools
import re
import string
from dataclasses import dataclass, field
from typing import NamedTuple

from ..language import syntax as s
from ..language.printer import term_source
from .keys import formula_key

# Attribute words in Chinese for common variable names (the puzzle language has no aliases for names).
ATTRIBUTE_WORDS: dict[str, tuple[str, ...]] = {
    "suit": ("花色",), "rank": ("点数", "牌点"), "card": ("这张牌", "哪张牌", "哪一张", "牌"),
    "month": ("月份",), "day": ("日子", "日期中的日", "几号"), "date": ("生日", "日期", "纪念日"),
    "sum": ("和",), "product": ("积",), "number": ("数",), "colour": ("颜色",), "color": ("颜色",),
    "cheryl": ("谢丽尔的年龄", "谢丽尔"),  # Cheryl's age (its variable is named for her): "所以谢丽尔9岁"
}
ENGLISH_ATTRIBUTE: dict[str, tuple[str, ...]] = {"card": ("the card", "which card", "card"),
                                                  "date": ("birthday", "anniversary", "the date", "date")}

# Short forms of English month names ("Aug 14", "Sept. 3"): the puzzle language has one alias per value.
MONTH_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "January": ("Jan", "Jan."), "February": ("Feb", "Feb."), "March": ("Mar", "Mar."), "April": ("Apr", "Apr."),
    "June": ("Jun", "Jun."), "July": ("Jul", "Jul."), "August": ("Aug", "Aug."), "September": ("Sep", "Sept", "Sep.",
    "Sept."), "October": ("Oct", "Oct."), "November": ("Nov", "Nov."), "December": ("Dec", "Dec.")}

# Verbs whose object is what is left: "Bernard's knowing pins it down to July 16", "narrows it to ♦5"
NARROWING = ("pins it down to", "pinned it down to", "pinned down to", "pins down to", "narrows it down to",
             "narrowed it down to", "narrows it to", "narrowed it to", "narrows down to", "narrowed down to",
             "pins it to", "pinned it to",  # ("Bernard's statement already pins it to June 12")
             "pinned down as", "is pinned down as",  # ("the card is already pinned down as ♦5")
             "points us to", "pointed us to",  # ("Bernard's statement points us to June 12 as the date"; not "16
             # points only to July 16", a value's case)
             *(f"{verb} {what} {prep}" for verb in ("fixes", "fixed") for what in ("it", "the date", "the birthday",
                                                                                 "the card", "the day", "the pair")
               for prep in ("as", "at")),  # "Bo's statement therefore fixes the date as March 18"
             *(f"{verb} {what} down to" for verb in ("narrows", "narrowed") for what in ("everything", "things",
                                                                                      "the options", "the candidates",
                                                                                      "the field", "it all")),
             *(f"{verb} {whose} {what}{down} to" for verb in ("narrows", "narrowed", "narrow", "narrowing")
               for whose in ("the", "his", "her", "their") for what in (
                   "suit", "rank", "month", "day", "date", "dates", "card", "sum", "sums", "product", "pair", "pairs",
                   "list", "choices", "possibilities", "deal") for down in ("", " down")))
# ("P's announcement had already narrowed everything down to the single pair 4 and 13", "Q's statement narrows the
# suit to hearts or diamonds")

# The Chinese verbs of removing, for patterns that read removals ("排除", "删掉", "划掉"; the lexicon scans them as "neg")
ZH_REMOVING = "排除|去掉|淘汰|删去|删掉|删除|划掉|划去|去除|除掉"

# A label that opens the list of what is left: "Remaining: July 16, August 15", "候选：♥Q、♦5".
LIST_LABELS = ("remaining:", "left:", "candidates:", "survivors:", "still possible:", "what's left:", "what remains:",
               "remaining candidates:", "remaining dates:", "remaining cards:", "remaining pairs:", "剩下：", "剩余：",
               "候选：", "还剩：", "剩下:", "剩余:", "候选:",
               # "So after Ali's statement we have: March 18, …"
               "we have:", "we now have:", "now we have:", "we're left with:", "we are left with:", "leaving:",
               *(f"{w}的{n}{c}" for w in ("剩下", "剩余", "还剩") for n in ("牌", "日期", "情况", "数对", "可能")
                 for c in ("：", ":")))  # "剩下的牌：红桃A、…"
# What is left, said without a colon: "So after Bo's statement we have March 18, July 16, July 17."
WE_HAVE = ("we have", "we now have", "now we have", "we still have", "we've got", "we now have left",
           # "so after statement 2 we're already at July 16", "we're down to ♦5"
           *(f"{we} {adv}{where}" for we in ("we're", "we’re", "we are") for adv in ("", "already ", "now ")
             for where in ("at", "down to")))
# What the trace keeps after dropping others, like "leaves": "we drop April 19 and June 19 and keep April 14, …"
# The word a number labels rather than counts, right before it: "Statement 2", "**Statement 3:**", "Step #3",
# "rows 1–2", "第2步" (claims.py drops such numbers, evidence.py lets them label no case)
LABEL_BEFORE = re.compile(r"(?i:(?:statement|step|stage|round|case|line|part|point|announcement|row)s?\s*\**\s*#?\s*"
                          r"(?:\d{1,2}\s*[–-]\s*)?$)|#\s*$|第\s*$|(?:步骤|步|条件|情况|陈述|命题)\s*$")  # ("步骤6：…")
# Verb phrases whose subject is what goes: "August is also finished", "those two 19s can go" (read as removals, and
# the value before them as their subject)
GONE_PHRASES = ("is finished", "are finished", "is also finished", "are also finished", "is done for", "are done for",
                "can go", "can both go", "can all go", "must go", "must both go", "has to go", "have to go")


def circled_place(ch: str) -> int:
    """The place a circled digit names: "①" 1, … "⑨" 9."""
    return ord(ch) - ord("①") + 1


# What a verb of staying can be followed by that says a value is not kept after all: "clubs stays out", "51 is kept
# off", or that an agent with it cannot decide: "72 stays ambiguous" (P with the product 72), "S with 11 stays stuck"
NOT_KEPT_AFTER = (r"(?:out|gone|off|eliminated|excluded|dead|removed|ruled|crossed|struck|discarded|ambiguous|"
                  r"unresolved|undecided|unclear|uncertain|open|unknown|undetermined|a\s+mystery|hidden|silent|quiet|"
                  r"stuck)\b")
KEEPING = ("and keep", "and keeps", "and we keep", "keeping", "; keep", "; keeps")  # ("Drop July 14; keep July 16")
CUES: dict[str, tuple[str, ...]] = {
    "notknow": ("¬K", "¬ K", "¬knows", "¬ knows", "¬know", "¬knew",
                "不敢这样断言", "不敢断言", "不能断言", "无法断言", "不敢保证", "不能保证", "无法保证", "没法保证", "不敢肯定",
                "不能肯定", "无法肯定", "确定不了", "确定不下来", "判断不了", "知道不了", "无从确定", "无从知道", "不会知道", "不会确定", "不能确定", "无法知道", "不知道", "不能确定", "无法确定", "不确定", "不能知道", "无法知道", "不可能知道", "还不知道",
                "没法确定", "没法知道", "没办法确定", "没办法知道", "没法断定",  # ("Q拿到黑桃就没法确定")
                "does not know", "doesn't know", "did not know", "didn't know", "don't know", "do not know",
                "not knowing",
                "cannot know", "can't know", "cannot possibly know", "can't possibly know", "could not possibly know",
                "couldn't possibly know", "cannot yet know", "can't yet know",
                # "So Albert with May cannot claim to know that Bernard doesn't know"
                "cannot claim to know", "can't claim to know", "could not claim to know", "couldn't claim to know",
                "cannot determine", "can't determine", "could not know",
                "couldn't know", "cannot tell", "can't tell", "couldn't tell", "could not tell", "can't decide", "cannot decide",
                "couldn't decide", "could not decide", "would not know", "wouldn't know",
                "does not yet know", "still does not know", "still doesn't know", "not know", "couldn't determine",
                "could not determine", "can't figure out", "cannot figure out", "couldn't figure out", "isn't sure",
                "is not sure", "wasn't sure", "was not sure", "not sure", "isn't certain", "is not certain",
                "not certain",
                # (not "couldn't be" + "sure": a denial of a value, then a knowing word)
                *(f"{modal} be {word}" for modal in ("can't", "cannot", "can not", "couldn't", "could not", "wouldn't",
                                                    "would not", "won't", "will not") for word in ("sure", "certain")),
                "无法判断", "不能判断", "无法推断", "不能推断", "不会知道", "can't identify", "cannot identify",
                "couldn't identify", "could not identify", "can't pin down", "cannot pin down", "couldn't pin down",
                # the verb left out: "he's sure Bernard can't either"
                "can't either", "cannot either", "can't, either", "couldn't either", "could not either",
                "doesn't either", "does not either", "doesn't, either", "didn't either", "did not either",
                # naming the object, or being stuck between options: "couldn't name the card", "P would be stuck"
                "can't name", "cannot name", "couldn't name", "could not name", "unable to name", "be stuck",
                "is stuck", "was stuck", "are stuck", "were stuck", "'d be stuck", "still stuck", "be torn",
                "is torn", "was torn", "'d be torn", "still torn", "can't find", "cannot find", "couldn't find",
                "could not find", "has no idea", "had no idea", "have no idea", "no idea", "couldn't know",
                # "P can't work out the numbers", "he was unable to determine them", "can't pin the numbers down"
                "can't work out", "cannot work out", "couldn't work out", "could not work out", "unable to determine",
                "unable to work out", "unable to tell", "unable to identify", "not able to determine",
                "can't pin", "cannot pin", "couldn't pin", "could not pin", "can't place", "cannot place",
                "couldn't place", "could not place",
                # "Ali is sure Bo is in the dark", "P is clueless", "Bo is still guessing"
                "is in the dark", "was in the dark", "are in the dark", "be in the dark", "'s in the dark",
                "still in the dark", "is clueless", "was clueless", "be clueless",
                "could not know", "can't know",
                # "不能说知道" (not "because … 不能说"), torn between dates: "还要在8月15日和8月17日之间犹豫"
                "不能说知道", "不能说他知道", "不敢说知道", "之间犹豫", "还要犹豫", "还在犹豫", "会犹豫", "犹豫不决"),
    "know": ("知道", "确定", "确信", "知晓", "knowing", "敢断言", "断言", "断定", "敢肯定", "能肯定", "可以肯定", "敢保证", "能保证",
             "可以保证", "保证", "knows", "know", "knew", "known", "can determine", "could determine",
             "able to determine", "able to work out", "able to tell", "can work out", "can work them out",
             "could work out", "could work them out",
             "can tell", "figured out", "figures out", "figure out", "is sure", "was sure", "is certain",
             "was certain", "be sure", "be certain", "certain", "sure", "identify", "identifies", "identified",
             "pin down", "pins down", "pinned down", "can name", "could name",
             # "now" inside the phrase: "P with 30 can now determine the numbers"
             "can now determine", "could now determine", "can now tell", "can now identify", "can now name",
             "can now pin down", "can already name", "could already name",
             "can already determine", "could already determine", "can already identify", "can already pin down",
             "can already work out", "could already work out", "works out", "worked out",
             "can place", "could place", "can already place", "could already place",  # "the blind man can already
             # place his own hat: it is white"
             "can also name", "can also determine",
             # ability as a conclusion ("所以P也能知道"); "would" stays a modal, "如果…就能知道" a supposition
             "能知道", "能确定", "可以确定", "可以知道", "can know",
             # deducing one's own state ("每个有泥的孩子就能推出自己有泥")
             "推出自己", "推断出自己", "推断自己", "推理出自己", "判断出自己",
             # being sure in other words: "Albert can vouch that Bernard doesn't know", "is confident", "works out"
             "vouch", "vouches", "can vouch", "could vouch", "guarantee", "guarantees", "can guarantee",
             "is confident", "was confident", "be confident", "is positive", "was positive", "works out",
             "worked out", "can work out", "deduces", "deduced", "has found", "have found", "can find",
             "figured it out", "figures it out", "worked it out", "works it out",
             # the verb left out after a denial: "he didn't know at first but does now", "now he does"
             "does now", "do now", "now does", "now he does", "now she does", "now they do", "now I do", "I do now",
             # and the verb kept after it: "now she does know Bill's number"
             "now he does know", "now she does know", "now I do know", "does know", "do know"),
    "neg": ("∉",
            "is out", "are out", "is gone", "are gone", "was gone", "were gone", "was already gone", "were already gone",
            "is already out", "are already out", "was already out", "were already out",
            "is off the table", "are off the table", "was off the table",
            "dies", "die", "died",  # ("so both 14s die right here", "(1, 1, 2) dies here")
            *GONE_PHRASES,
            "were off the table", "is out of the picture", "are out of the picture", "goes out", "go out", "went out", "fell away", "falls away",
            "drops out", "drop out", "removes", "removed", "remove", "removing", "crossed out", "cross out",
            "crosses out", "struck out", "strikes out", "knocks out", "knocked out", "discard", "discards",
            "discarded", "none of", "neither", "nor", "都不是", "无法", "没法", "不能是", "不可能是", "不会是", "不是", "不可能", "排除了", "排除", "也没了", "没了", "不能", "cannot be", "can't be",
            "could not be", "couldn't be", "is not", "isn't", "are not", "aren't", "not", "rule out",
            "rules out", "ruled out", "eliminates", "eliminated", "eliminate", "excluded", "excludes", "never",
            "disposes of", "disposed of", "gets rid of", "got rid of", "wipes out", "wiped out", "throws out",
            "thrown out", "filters out", "filtered out", "kills off", "killed off",
            "kills", "killed", "kill", "去掉了", "去掉", "删去", "删掉", "淘汰", "划掉了", "划掉", "划去", "删除了", "删除", "去除", "清掉", "清除",
            # the trace's own elimination: "we can also drop April 19", "I'd drop 29", "cross off July 14"
            "drop", "drops", "dropped", "cross off", "crossed off", "crosses off", "toss out", "tossed out",
            "takes care of", "took care of", "takes out", "take out", "took out", "clears away", "cleared away", "weeds out", "weeded out"),
    "only": ("唯一符合条件的", "唯一满足条件的", "唯一可能的", "唯一剩下的", "唯一的答案", "只能是指", "只能指", "只可能指",
             "只能是", "只可能是", "一定是", "必须是", "必定是", "只能为", "只剩下", "只剩", "只有", "还剩", "剩下", "剩", "can only be",
             "must be", "has to be", "only", "one of", "either",
             # an adverb inside the modal: "the card must therefore be a heart or a diamond"
             *(f"must {adverb} be" for adverb in ("therefore", "thus", "hence", "then", "already", "now", "also",
                                                  "still", "consequently", "really", "indeed"))),
    "copula": ("是", "为", "即", "也就是", "可以是", "可能是", "is", "are", "was", "were", "i.e.", "namely",
               "equals", "=", "remain", "remains", "could be", "can be", "it's", "that's", "fixed at", "pinned at",
               "settled at", "settles it", "settled it", "decides it", "narrowed to", "down to", "settles on",
               "settled on", "lands on", "landed on", "becomes", "became", "变成", "变为",  # ("the set becomes {…}")
               # "S's sum is in this list: 11, 17, …", "S的和在这个列表里：…"
               "is in this list", "are in this list", "is in the following list", "is among", "are among",
               "在这个列表里", "在这个列表中", "在下面的列表里", "在以下列表中", "∈"),
    "if": ("如果", "假如", "假设", "若是", "若", "要是", "对于", "当且仅当", "if", "iff", "⇔", "⟺", "<=>", "suppose",
           "imagine", "pretend", "设想",  # ("Imagine you are P holding a 5: only ♦5 remains, so you know": a supposition)
           "assuming", "were it", "only if", "only when", "只要", "as long as", "so long as",
           "provided that", "凡是", "whenever"),  # "only" of a condition, not of
    # values: "Bo knows only if 19 is gone"; "只要不是14号，就知道", "凡是盲人戴红帽的情况，第二位都会知道": a condition
    "then": ("那么", "那", "就", "则", "then",
             "说明", "这说明", "也就是说", "就是说", "换句话说"),  # "…，说明他的月份里没有13": "which shows", no speech
    "modal": ("就会", "就能", "就可以", "能够", "会", "能", "可以", "一看就知道", "马上就知道", "立刻就知道", "立即就知道", "would", "could", "would have", "can", "might", "may",
              "should", "wouldn't", "would not", "couldn't", "could not", "won't", "will not", "wouldn't be able to",
              "would not be able to", "couldn't have", "could not have", "wouldn't have", "would not have"),
    "because": ("不能直接说", "不能说", "因为", "由于", "除非", "例如", "比如", "除了", "其他", "其余", "别的", "否则", "因此不", "because", "since",
                "unless", "for example", "e.g.", "except", "other", "otherwise", "such as", "矛盾", "contradict",
                "contradicts", "contradiction", "重复", "唯一", "unique", "once", "出现一次", "只出现一次", "share", "shares", "shared", "twice", "more than once",
                "in common", "duplicate", "duplicated", "repeated", "appear", "appears", "make sure",
                "be sure to", "singleton", "singletons", "on one card only", "only once", "on a single card", "one-off",
                "one-offs",
                # a negated inference leaves its complement open: "it does not follow that the month is July", "this
                # doesn't mean 18 is gone", "这并不意味着生日在七月" deny neither July nor 18
                *(f"{neg} {verb}" for neg in ("does not", "doesn't", "did not", "didn't", "need not", "needn't")
                  for verb in ("follow", "mean", "tell us", "show that", "show us", "prove", "imply", "mean that",
                              "follow that")),
                "not necessarily", "isn't necessarily", "is not necessarily", "can't conclude", "cannot conclude",
                "can't say", "cannot say", "不意味着", "并不意味着", "不代表", "并不代表", "不等于说", "不能说明", "并不说明",
                "不一定"),
    "past": ("原来", "原先", "起初", "一开始", "最初", "之前", "已经", "早就", "事先就", "事先", "早已", "曾", "originally", "at first",
             "initially", "before", "already", "earlier", "previously", "had known", "after", "之后", "以后",
             "at the start", "at the beginning", "in the beginning", "at the outset", "from the start",
             "from the beginning", "from the outset",
             "only after", "at that moment", "at the time", "at that time", "back then", "当时", "那时", "那时候"),
    # ("isolated only after Apr/Jun drop": when, not which values; "at that moment 15 was shared": a time gone by)
    "now": ("现在", "此时", "这时", "now"),
    "we": ("我们", "we", "let's", "let us"),
    "he": ("他", "她", "he", "she"),
    "says": ("说", "says", "said", "announces", "announced", "宣布", "表示", "claims", "confirms", "confirmed", "replies",
             "replied", "responds", "responded", "declares", "declared", "states", "stated", "admits", "admitted",
             "remarks", "remarked", "answers", "answered", "adds", "added", "saying", "announcing", "declaring",
             "stating", "claiming", "replying", "answering", "回答", "接着说", "回应",
             # the dialogue told ahead ("Q will answer that …") or in other verbs ("the suit-holder chimes in")
             "will say", "will reply", "will answer", "will announce", "will declare", "will state", "will admit",
             "will respond", "will add", "will claim", "will begin by saying", "will start by saying", "will then say",
             "will first say", "chimes in", "chimed in", "insists", "insisted", "insisting", "asserts", "asserted",
             "concludes", "concluded", "closes with", "begins", "began", "opens with", "admitting",
             # "S's statement is that P can't know", "S speaks first: …"
             "statement is that", "claim is that", "announcement is that", "speaks first", "goes first"),
    "answer": ("最终答案", "答案是", "答案", "答：", "答:", "final answer", "the answer is", "answer:", "boxed"),
    "cmp": ("<", "<=", ">", ">=", "≤", "≥", "less than", "greater than", "more than", "fewer than", "smaller than",
            "larger than", "bigger than", "at most", "at least", "小于", "大于", "不超过", "不大于", "不小于", "至少",
            "至多", "超过", "低于", "高于"),
    "sep": ("，", ",", "；", ";", "：", ":", "while", "whereas", "→", "->", "=>", "⇒", "—", "–", "leaves", "leaving",
            "❌", "✅",  # an emoji verdict closes its clause ("盲人的帽子不是红的 ❌ 剩下 白白白、…": the list is left)
            # "排除之后还剩9张：♥A …": after the removal, what is left (the list is not what was removed)
            *(f"{v}{w}" for v in ZH_REMOVING.split("|") for w in ("之后", "以后", "后")),
            "which leaves", "left with", *KEEPING, *NARROWING, *LIST_LABELS, *WE_HAVE),
}

_ASCII_ALNUM = re.compile(r"[A-Za-z0-9]")
_COUNT_NOUN = re.compile(r"\s*(?:worlds?\b|cards?\b|possibilit|options?\b|cases?\b|pairs?\b|dates?\b|remain|"
                         r"left\b|people|children|steps?\b|rows?\b|种|张|个|次|位|步|句|对(?![应于比照称])|组|行(?!不))",
                         re.IGNORECASE)  # ("剩下5行：…", "5 rows left": table rows)

# The last item of a list of values before a count noun: "leaves the A, Q, 4 and 5 cards" (the noun is the list's)
_LIST_END = re.compile(r"(?:\b[A-Za-z0-9]{1,2}\s*[,，、]\s*)+[A-Za-z0-9]{1,2}\s*[,，]?\s*(?:and|or)\s+$|"
                       r"\b[A-Za-z0-9]{1,2}\s*[,，、]\s*$")

QUICK_LIMIT = 20_000
ENGLISH_LETTER_WORDS = frozenset({"A", "I"})  # values spelt like an English word: "A careful look", "I think"
# Values spelt as an English number ("one", "two"): before a plural noun or "of" they count ("two diners", "one of the
# three"), naming nobody
_NUMBER_VALUES = frozenset({"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"})
_QUANTITY_AFTER = re.compile(r"\s+(?:(?:more|other|different|separate|distinct|hidden|shared|whole)\s+)?(?:of\b|people\b|"
                             r"(?!(?:says|sees|knows|announces|pays|has|is|was|does|thinks|hears|holds|flips|gets|"
                             r"claims|states|tells|reports|learns|deduces|concludes|guesses|needs|wins|loses|looks)\b)"
                             r"[a-z]{2,}s\b)")


# An inverted conditional at a clause's start: "Had P been told 7, …", "had he held 19, …" (the subject, then a verb of
# being told or holding)
_FOR_CASE = re.compile(r"(?:^|(?<=[.;:!?\n]))\s*([Ff]or)\s+(?=[A-Za-z]\w{0,3}\s*=\s*\d{1,4}\s*(?:[,，]|(?:he|she)\s))")
# ("For b = 1, …", "For b = 1 he still has two options, …")
_INVERTED_IF = re.compile(r"(?:^|(?<=[.;:!?,，—(*\n]))\s*([Hh]ad)\s+(?=(?:\w+\.?\s+)?\w+\s+"
                          r"(?:been|had|got|gotten|received|held|drawn|heard|seen|known|picked|chosen)\b)")


class Token(NamedTuple):
    """One scanned word (a named tuple: tokens are made by the thousand per trace)."""

    kind: str  # value, tuple, number, attr, agent, cue kinds above
    payload: object
    start: int
    end: int
    text: str


@dataclass(frozen=True, eq=False)
class Lexicon:
    """Surface form -> meanings, and a compiled scanner over all surfaces (longest first)."""

    puzzle: s.Puzzle
    entries: dict[str, tuple[tuple[str, object], ...]]
    folded: dict[str, tuple[tuple[str, object], ...]]
    scanner: re.Pattern
    numeric: tuple[str, ...]
    question_vars: tuple[str, ...]
    tuple_vars: tuple[str, ...]
    display: dict[str, dict[str, str]] = field(default_factory=dict)
    codes: dict[str, frozenset[int]] = field(default_factory=dict)  # numeric variable -> its values
    order: dict[str, int] = field(default_factory=dict)  # variable -> its position in the puzzle
    quick: dict[str, tuple[str, object, int]] = field(default_factory=dict)  # entries, resolved (see _resolve)
    atoms: dict = field(default_factory=dict)  # a tuple's codes -> its formula key (claims.py)
    number_pair: tuple[str, str] | None = None  # the question's two numeric variables ("the numbers are 4 and 13")
    count_names: tuple[str, ...] = ()  # letters the trace names the counted answer by ("Let m be the number of …")
    shared_values: bool = False  # every variable has the same named values (hats' colours, Hexa's cards)

    def show_value(self, var: str, code: int) -> str:
        """`var = value` in the puzzle's own words ("month = May"), for messages."""
        v = next(v for v in self.puzzle.variables if v.name == var)
        value = dict(zip(v.codes, v.values)).get(code)
        return f"{var} = {value.name if value is not None else code}"

    def scan(self, text: str) -> list[Token]:
        """The tokens of `text` in order: each surface resolved once per puzzle (`quick`), then only its span."""
        out: list[Token] = []
        append, new = out.append, tuple.__new__
        get = self.quick.get
        for m in self.scanner.finditer(text):
            surface = m.group()
            hit = get(surface)
            if hit is None:
                hit = self._learn(surface)
                if hit is None:
                    continue
            a, b = m.span()
            check = hit[2]
            if check and _dropped(check, text, a, b):
                continue
            append(new(Token, (hit[0], hit[1], a, b, surface)))
        if "ad " in text or "or " in text:  # "Had Bernard been told 19, he'd still be stuck", "For b = 1, Anne
            # could be 0 or 2": a supposition, its "if" inverted or a case's "for"
            inverted = [Token("if", None, m.start(1), m.end(1), m.group(1)) for pattern in (_INVERTED_IF, _FOR_CASE)
                        for m in pattern.finditer(text)]
            if inverted:
                out = sorted(out + inverted, key=lambda t: t.start)
        return out

    def _learn(self, surface: str) -> tuple[str, object, int] | None:
        """(kind, payload, check) of a spelling not in `quick` ("Knows", "KNOW", "17"), remembered if known.

        Plain numbers are remembered too: they are most of the spellings met outside `entries` (a trace writes
        the same few numbers again and again), and their reading depends only on the digits."""
        meanings = self.folded.get(surface.lower())
        if meanings is None:
            if not surface.isdigit():
                return None
            hit = ("number", int(surface), 0)
        else:
            hit = _resolve(meanings, surface)
        if len(self.quick) < QUICK_LIMIT:  # spellings are few
            self.quick[surface] = hit
        return hit


def _dropped(check: int, text: str, a: int, b: int) -> bool:
    """Whether the spelling text[a:b], whose reading depends on its neighbours (`_resolve`'s check), names nothing
    here: a number before a count noun, a number word used as a pronoun, a term's letter after an apostrophe or a noun
    that names it ("S's statement", "a prime factor p ≥ 50"), a one-letter value used as an article."""
    if check == 1:
        return _COUNT_NOUN.match(text, b) is not None and _LIST_END.search(text, max(0, a - 24), a) is None
    if check == 3:
        return _pronoun_number(text, a, b)
    if check == 4:
        return a > 0 and (text[a - 1] in "'’" or _LETTER_NAMED.search(text, max(0, a - 16), a) is not None)
    return _article_like(text, b) and not (a and text[a - 1] in _SUIT_MARKS)  # "♦A eliminated": the ace


def _resolve(meanings: tuple, surface: str) -> tuple[str, object, int]:
    """(kind, payload, check) of a surface: check 1 = drop before a count noun, 2 = drop before a plain word
    (the article "A", the pronoun "I"; "Q says" keeps its Q), 3 = drop before a plural noun ("two diners"), 4 = drop
    after an apostrophe or a noun that names the letter (`_dropped`)."""
    kind, payload = meanings[0] if len(meanings) == 1 else ("ambig", meanings)
    if surface.isdigit():
        return kind, payload, 1
    if kind in ("value", "ambig") and surface in ENGLISH_LETTER_WORDS or kind == "attr" and surface == "a":
        return kind, payload, 2  # (and a variable named "a": "Anne has a number a" opens on the article)
    if kind in ("value", "ambig") and surface.lower() in _NUMBER_VALUES:
        return kind, payload, 3
    if kind == "attr" and len(surface) == 1 and isinstance(payload, tuple):
        return kind, payload, 4  # "s", the letter of S's sum: not the s of a possessive
    return kind, payload, 0


# "does not reveal which one", "no one knows", "the one who paid": "one" as a pronoun, naming no value
_PRONOUN_BEFORE = re.compile(r"(?i:\b(?:which|any|each|every|no|another|this|that|the\s+same|the\s+other|the\s+only)\s+$)")
_PRONOUN_AFTER = re.compile(r"\s+(?:who|whom|whose|that)\b", re.IGNORECASE)


def _pronoun_number(text: str, a: int, b: int) -> bool:
    """Whether a value spelt as an English number counts ("two diners", "one of the three") or stands for a noun
    ("which one", "the one who paid") here, naming no value."""
    if _QUANTITY_AFTER.match(text, b) is not None or _PRONOUN_BEFORE.search(text, max(0, a - 12), a) is not None:
        return True
    if text[a:b].lower() != "one":
        return False
    before = text[max(0, a - 24):a]
    return (before.lower().endswith("the ") and _PRONOUN_AFTER.match(text, b) is not None) or \
        _ARTICLE_ADJECTIVE.search(before) is not None or _SINGLE_COUNTED.match(text, b) is not None


# "the odd one", "a different one": an article and a word, then "one" for a noun; "one hidden coin": one of a thing
_ARTICLE_ADJECTIVE = re.compile(r"(?i:\b(?:the|a|an)\s+(?!(?:diner|cryptographer|number|person|man|player)\b)[a-z]{3,}\s+$)")
_SINGLE_COUNTED = re.compile(r"\s+(?:(?:hidden|single|more|other|extra)\s+)?(?:coin|diner|cryptographer|person|man|woman|"
                             r"child|kid|logician|prisoner|player|guest|side|time|way|thing|step|round|bit|hat|card)\b",
                             re.IGNORECASE)


_NEXT_WORD = re.compile(r" ([a-z]+)")
_ARTICLE_OK = frozenset({"or", "and", "of", "is", "are", "was", "nor", "to", "in", "remains", "would", "could",
                         "must", "can", "cannot", "only", "also", "too",
                         # a verb after the letter ("Bill knows a isn't 0 or 10", "a has two neighbours")
                         "isn", "wasn", "aren", "doesn", "didn", "couldn", "wouldn", "won", "has", "had", "equals",
                         "stays", "survives", "does", "did", "should", "will", "might", "may"})


_SUIT_MARKS = frozenset("♠♣♥♦♤♧♡♢")
# A noun right before a letter that makes it a name of its own: "a prime p", "some factor p", "质数p"
_LETTER_NAMED = re.compile(r"(?i:\b(?:primes?|factors?|numbers?|integers?|divisors?)\s*$)|(?:质数|素数|因子|因数)\s*$")


def _article_like(text: str, end: int) -> bool:
    """'A careful look': a one-letter value followed by an ordinary lowercase word is an English word."""
    m = _NEXT_WORD.match(text, end, end + 20)
    return bool(m) and m.group(1) not in _ARTICLE_OK


def _bounded(surface: str) -> str:
    pat = re.escape(surface)
    if _ASCII_ALNUM.match(surface[0]):
        pat = r"(?<![A-Za-z0-9_])" + pat
    if _ASCII_ALNUM.match(surface[-1]):
        pat = pat + r"(?![A-Za-z0-9_])"
    return pat


ORDINAL_WORDS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
_ZH_NUMERALS = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十")
# What the people of the puzzles are called (an indexed agent's name says only its letter and number)
_PERSON_NOUNS = ("man", "wise man", "sage", "person", "logician", "islander", "child", "kid", "diner", "cryptographer",
                 "prisoner", "player", "guest", "guy")
_ZH_PERSON_NOUNS = ("智者", "人", "逻辑学家", "岛民", "孩子", "食客", "密码学家", "囚犯")


def _indexed_names(name: str) -> list[str]:
    """The ways traces name an indexed agent `w[2]`: "w2", "W2", "w_2", "the second wise man", "Logician 2", "第二位",
    "第二位智者", "2号"; none for a plain name."""
    m = re.fullmatch(r"([A-Za-z])\[(\d{1,2})\]", name)
    if m is None or not 1 <= int(m.group(2)) <= len(ORDINAL_WORDS):
        return []
    letter, i = m.group(1), int(m.group(2))
    ordinal, numeral = ORDINAL_WORDS[i - 1], _ZH_NUMERALS[i - 1]
    out = [f"{letter}{i}", f"{letter.upper()}{i}", f"{letter}_{i}", f"{letter.upper()}_{i}", f"第{numeral}位",
           f"第{numeral}个", f"第{i}位", f"第{i}个", f"{i}号"]
    for noun in _PERSON_NOUNS:
        out += [f"the {ordinal} {noun}", f"{ordinal} {noun}", f"{noun} {i}", f"{noun} #{i}"]  # ("*Second wise man: …*")
    for noun in _ZH_PERSON_NOUNS:
        out += [f"第{numeral}位{noun}", f"第{numeral}个{noun}", f"{noun}{i}", f"{noun}{i}号", f"{i}号{noun}"]
    return out


@functools.lru_cache(maxsize=256)
def indexed_names(name: str) -> tuple[str, ...]:
    """The names of an indexed agent in lower case ("man 1", "the first man", "w1"); none for a plain name."""
    return tuple(dict.fromkeys(n.lower() for n in _indexed_names(name)))


def _indexed_variable_names(name: str) -> list[str]:
    """How traces write a variable of an indexed family, `h[3]`: "h[3]", "h3", "h_3", "h₃" (a short family name only:
    "blue3" is no one's spelling)."""
    m = re.fullmatch(r"([A-Za-z]{1,2})\[(\d{1,2})\]", name)
    if m is None:
        return []
    base, i = m.group(1), m.group(2)
    return [name, f"{base}{i}", f"{base}_{i}", f"{base}_{{{i}}}", base + i.translate(_SUBSCRIPT)]


_SUBSCRIPT = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
# What a member of a family has, by the family's sort: a wise man's hat, a child's forehead, an islander's eyes
OWN_NOUNS = {"colour": ("hat", "hat colour", "hat color", "colour", "color"), "color": ("hat", "hat color", "color"),
              "bool": ("forehead", "face")}


def _possessed_names(puzzle: s.Puzzle, var: s.Variable) -> list[str]:
    """"the blind man's hat", "the first man's hat", "w1's hat": the variable of an indexed family named as what its
    owner has (own_variable), for families whose sort says what they are."""
    nouns = OWN_NOUNS.get(var.sort or "", ())
    if "[" not in var.name or not nouns:
        return []
    owners = [a for a in puzzle.agents if own_variable(puzzle, a.name) == var.name]
    if len(owners) != 1:
        return []
    names = [*(d for d in _displays(owners[0]) if d.isascii()), *_indexed_names(owners[0].name)]
    names = [n for n in dict.fromkeys(names) if n and n[0].isalpha()]
    return [f"{article}{name}'s {noun}" for name in names for noun in nouns
            for article in (("the ", "") if not name.lower().startswith("the ") else ("",))] + \
        _numbered_things(var.name, nouns[0])


def _numbered_things(name: str, noun: str) -> list[str]:
    """"hat 3", "hat #3", "the third hat": a member of a family of variables named by its own noun and place."""
    m = re.fullmatch(r"[A-Za-z]{1,2}\[(\d{1,2})\]", name)
    if m is None or not 1 <= int(m.group(1)) <= len(ORDINAL_WORDS):
        return []
    i = m.group(1)
    return [f"{noun} {i}", f"{noun} #{i}", f"the {ORDINAL_WORDS[int(i) - 1]} {noun}"]


def _displays(agent) -> list[str]:
    """An agent's display names, with the other nouns traces put in place of "man" ("blind man": "blind guy",
    "blind person")."""
    return [*agent.display, *(d[:-3] + noun for d in agent.display if d.endswith(" man") for noun in ("guy", "person"))]


_INDEXED_NAME = re.compile(r"(.+)\[(\d+)\]")


def own_variable(puzzle: s.Puzzle, agent: str) -> str | None:
    """An agent's own variable: the one it observes (Bill's card), or else the one of its index it does not observe
    (the third wise man w[3]'s hat h[3], the first child c[1]'s forehead m[1]); None when there is no one such."""
    observes = next((a.observes for a in puzzle.agents if a.name == agent), ())
    if len(observes) == 1 and isinstance(observes[0], s.Var):
        return observes[0].name
    m = _INDEXED_NAME.fullmatch(agent)
    if m is None:
        return None
    seen = {o.name for o in observes if isinstance(o, s.Var)}
    mine = [v.name for v in puzzle.variables if (n := _INDEXED_NAME.fullmatch(v.name)) is not None and
            n.group(2) == m.group(2) and v.name not in seen]
    return mine[0] if len(mine) == 1 else None


def _knowledge_operators(puzzle: s.Puzzle) -> list[tuple[str, str]]:
    """The knowledge operator of each agent as logic notation writes it, by name or by an initial no other agent
    shares ("K_Anne", "K_{Anne}", "K_A"; "¬K_A" negated): a knowing word whose subscript is its knower."""
    initials = [a.name[0] for a in puzzle.agents if a.name[:1].isalpha()]
    out = []
    for agent in puzzle.agents:
        names = [n for n in dict.fromkeys((agent.name, *agent.display)) if n.isalnum()]
        if agent.name[:1].isalpha() and initials.count(agent.name[0]) == 1 and agent.name[0] not in names:
            names.append(agent.name[0])
        for n in names:
            for sub in (f"_{n}", f"_{{{n}}}"):
                out += [(f"K{sub}", "know"), (f"¬K{sub}", "notknow"), (f"¬ K{sub}", "notknow")]
    return out


def build_lexicon(puzzle: s.Puzzle) -> Lexicon:
    """Every way the puzzle's values, agents and attributes can be written, plus the cue words."""
    entries: dict[str, list[tuple[str, object]]] = {}
    folded: dict[str, list[tuple[str, object]]] = {}

    def add(surface: str, kind: str, payload, fold: bool = False) -> None:
        surface = surface.strip()
        if not surface:
            return
        target = folded if fold else entries
        key = surface.lower() if fold else surface
        if (kind, payload) not in target.setdefault(key, []):
            target[key].append((kind, payload))

    numeric = []
    for var in puzzle.variables:
        if var.sort == "bool":
            continue
        if var.numeric:
            numeric.append(var.name)
            continue
        for code, value in zip(var.codes, var.values):
            for name in (value.name, *value.aliases):
                for form in dict.fromkeys((name, *_sentence_initial(name))):  # "Spades and clubs are out."
                    add(form, "value", (var.name, code))
            for alias in value.aliases:
                for plural in _plurals(alias):  # "the two aces", "both queens"
                    add(plural, "value", (var.name, code))
            if value.name in _RANK_PLURALS:  # a card's rank written as a digit: "the aces, queens, fours and fives"
                add(_RANK_PLURALS[value.name], "value", (var.name, code))
            for singular in _singulars(value.name):  # "a heart or a diamond"
                add(singular, "value", (var.name, code))
            for short in MONTH_ABBREVIATIONS.get(value.name, ()):  # "Aug 14"
                add(short, "value", (var.name, code))
    dates = _numeric_dates(puzzle)
    for surface, codes in dates:  # "3/18" for March 18
        add(surface, "tuple", codes)
    for n, words in _SPELT_DAYS.items() if dates else ():  # "Eighteen, now only March", "July sixteenth": a day
        for word in words:  # said aloud (not one to ten: those count things)
            add(word, "number", n, fold=True)
    for surface, kind, payload in _zh_numeral_dates(puzzle) if dates else ():  # "七月十六号": month and day in
        add(surface, kind, payload)  # Chinese numerals
    for surface, codes in _spelled_cards(puzzle):  # "five of diamonds" for ♦5
        add(surface, "tuple", codes, fold=True)
    for agent in puzzle.agents:
        for d in _displays(agent):
            add(d, "agent", agent.name)
            add(d, "agent", agent.name, fold=True)
        add(agent.name, "agent", agent.name)
        for role in _roles(puzzle, agent):  # "the month-holder", "the one who knows the sum", "知道月份的人"
            add(role, "agent", agent.name, fold=role.isascii())
            if role.isascii():  # (before "the month", an attribute)
                add("the " + role, "agent", agent.name, fold=True)
    for surface, kind in _knowledge_operators(puzzle):  # "¬K_Anne(b)", "K_A(¬K_B(date))": knowing in logic notation
        add(surface, kind, surface)
    speakers = {a.speaker for a in puzzle.announcements}
    for agent in puzzle.agents:
        if agent.name in speakers:  # "the first wise man", "Logician 2", "L3", "第二位智者": an indexed speaker's names
            for surface in _indexed_names(agent.name):
                add(surface, "agent", agent.name, fold=surface.isascii())
    for agent in puzzle.agents:  # "Bill's number", "比尔的数": the one number an agent holds, where it sees only it
        seen = agent.observes[0] if len(agent.observes) == 1 else None
        if isinstance(seen, s.Var) and seen.name in numeric:
            for d in dict.fromkeys((agent.name, *agent.display)):
                if _has_cjk(d):
                    add(d + "的数", "attr", seen.name)
                else:  # (apostrophes are made plain before scanning)
                    add(d + "'s number", "attr", seen.name)
    for surface, key in _observed_terms(puzzle):
        add(surface, "attr", ("@term", key), fold=True)
    names = {v.name for v in puzzle.variables} | {a.name for a in puzzle.agents}
    for agent in puzzle.agents:  # "s ∈ {11, 17, …}", "p = 52": the lower-case letter of an agent named by a capital
        seen = agent.observes[0] if len(agent.observes) == 1 else None  # for the term it observes (S's sum)
        letter = agent.name.lower()
        if isinstance(seen, s.Arith) and len(agent.name) == 1 and agent.name.isupper() and letter not in names:
            add(letter, "attr", ("@term", formula_key(seen)))
    for var in puzzle.variables:
        if "[" in var.name:
            for surface in _indexed_variable_names(var.name):  # "h3", "h_3", "h[3]": one of a family of variables
                if surface.lower() not in folded and surface not in entries:
                    add(surface, "attr", var.name)
            for surface in _possessed_names(puzzle, var):  # "the blind man's hat", "the first man's hat"
                add(surface, "attr", var.name, fold=True)
            continue
        add(var.name, "attr", var.name, fold=True)
        add("the " + var.name, "attr", var.name, fold=True)
        for word in ATTRIBUTE_WORDS.get(var.name, ()):
            add(word, "attr", var.name)
    q_vars = tuple(t.name for t in puzzle.question.terms if isinstance(t, s.Var)) if puzzle.question else ()
    qname = next((n for n, cols in puzzle.names if cols == q_vars), None)
    if q_vars and len(q_vars) == len(puzzle.question.terms):
        for word in (qname,) if qname else ():
            add(word, "attr", "@question", fold=True)
            add("the " + word, "attr", "@question", fold=True)
            for w in ATTRIBUTE_WORDS.get(word, ()):
                add(w, "attr", "@question")
            for w in ENGLISH_ATTRIBUTE.get(word, ()):
                add(w, "attr", "@question", fold=True)
        if len(q_vars) > 1:
            for w in ("the numbers", "the two numbers", "both numbers", "the integers", "the two integers",
                      "the pair of numbers", "the pair"):
                add(w, "attr", "@question", fold=True)
            for w in ("这两个数", "两个数", "这两个整数", "两个整数"):
                add(w, "attr", "@question")
    for kind, words in CUES.items():
        for w in words:
            if w in entries or w.lower() in folded:
                continue
            add(w, kind, w, fold=not _has_cjk(w) and w.isascii())
    scanner = re.compile(words_pattern(list(entries), [x for x in folded if x not in entries], numbers=True))
    tuple_vars = q_vars if len(q_vars) > 1 else next((cols for _, cols in puzzle.names if len(cols) > 1), ())
    return Lexicon(puzzle, {k: tuple(v) for k, v in entries.items()}, {k: tuple(v) for k, v in folded.items()},
                   scanner, tuple(numeric), q_vars, tuple(tuple_vars),
                   codes={v.name: frozenset(v.codes) for v in puzzle.variables if v.name in numeric},
                   order={v.name: n for n, v in enumerate(puzzle.variables)},
                   quick={k: _resolve(tuple(v), k) for k, v in entries.items()},
                   number_pair=q_vars if len(q_vars) == 2 and all(v in numeric for v in q_vars) else None,
                   shared_values=len(puzzle.variables) > 1 and not numeric and
                   len({tuple(v.name for v in var.values) for var in puzzle.variables}) == 1)


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
           "December")


def _month_days(puzzle: s.Puzzle) -> list[tuple[s.Variable, s.Variable]]:
    """(month, day) of each named pair of the puzzle that is a month (its values English month names) and a day (a
    number): the variables of a date."""
    out = []
    variables = {v.name: v for v in puzzle.variables}
    for _, cols in puzzle.names:
        if len(cols) != 2 or not all(c in variables for c in cols):
            continue
        month, day = (variables[c] for c in cols)
        if not month.numeric and day.numeric and all(v.name in _MONTHS for v in month.values):
            out.append((month, day))
    return out


def _numeric_dates(puzzle: s.Puzzle) -> list[tuple[str, dict]]:
    """"3/18", "03/18" and "(3,18)" for March 18: a date written month/day (or as a pair of numbers, as in "D₁ =
    {(7,16),(8,15)}")."""
    out = []
    for month, day in _month_days(puzzle):
        for code, value in zip(month.codes, month.values):
            n = _MONTHS.index(value.name) + 1
            for d in day.codes:
                for surface in dict.fromkeys((f"{n}/{d}", f"{n:02d}/{d:02d}", f"({n},{d})", f"({n}, {d})")):
                    out.append((surface, {month.name: code, day.name: d}))
    return out


def _zh_numeral(n: int) -> str:
    """11 as 十一, 16 as 十六, 20 as 二十, 28 as 二十八 (and 1 to 10 as 一 to 十)."""
    if n <= 10:
        return _ZH_NUMERALS[n - 1]
    tens, units = divmod(n, 10)
    return ("十" if tens == 1 else _ZH_NUMERALS[tens - 1] + "十") + (_ZH_NUMERALS[units - 1] if units else "")


def _zh_numeral_dates(puzzle: s.Puzzle) -> list[tuple[str, str, object]]:
    """(surface, kind, payload) of a date puzzle's months and days in Chinese numerals: "七月" July, "十六" day 16 (days
    from 11 only: 一 to 十 are words of their own, "一个", "十张")."""
    out = []
    for month, day in _month_days(puzzle):
        for code, value in zip(month.codes, month.values):
            out.append((_zh_numeral(_MONTHS.index(value.name) + 1) + "月", "value", (month.name, code)))
        out += [(_zh_numeral(d), "number", d) for d in day.codes if d > 10]
    return out


_TEENS = ("eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
_TEENTHS = ("eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
            "nineteenth")
_UNIT_NUMBERS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
# Days 11 to 31 spelt out, as numbers and as ordinals ("eighteen", "the sixteenth", "twenty-eight", "thirty first")
_SPELT_DAYS = {**{11 + i: (w, o) for i, (w, o) in enumerate(zip(_TEENS, _TEENTHS))},
               20: ("twenty", "twentieth"), 30: ("thirty", "thirtieth"),
               **{t + 1 + i: (f"{tens}-{u}", f"{tens} {u}", f"{tens}-{o}", f"{tens} {o}")
                  for tens, t in (("twenty", 20), ("thirty", 30))
                  for i, (u, o) in enumerate(zip(_UNIT_NUMBERS, ORDINAL_WORDS))
                  if t + 1 + i <= 31}}


_RANK_WORDS = {"2": "two", "3": "three", "4": "four", "5": "five", "6": "six", "7": "seven", "8": "eight", "9": "nine",
               "10": "ten"}


def _spelled_cards(puzzle: s.Puzzle) -> list[tuple[str, dict]]:
    """"five of diamonds" for ♦5: a card whose rank is a digit, its rank spelt out before "of" and its suit, where a
    named pair of the puzzle is a suit (named values) and a rank (some named by digits). Only the whole phrase: "two
    of the cards" names no rank."""
    out = []
    variables = {v.name: v for v in puzzle.variables}
    for _, cols in puzzle.names:
        if len(cols) != 2 or not all(c in variables for c in cols) or any(variables[c].numeric for c in cols):
            continue
        for rank, suit in ((variables[a], variables[b]) for a, b in (cols, cols[::-1])):
            if not any(v.name in _RANK_WORDS for v in rank.values) or any(v.name in _RANK_WORDS for v in suit.values):
                continue
            for r_code, r_value in zip(rank.codes, rank.values):
                word = _RANK_WORDS.get(r_value.name)
                for s_code, s_value in zip(suit.codes, suit.values) if word else ():
                    names = (s_value.name, *_singulars(s_value.name), *s_value.aliases)
                    out += [(f"{word} of {n}", {rank.name: r_code, suit.name: s_code})
                            for n in names if n.isascii() and n.isalpha()]
    return out


def _singulars(name: str) -> tuple[str, ...]:
    """"heart" and "Heart" for the value "hearts": plural value names are written singular as often."""
    if len(name) > 4 and name.isascii() and name.isalpha() and name.endswith("s") and not name.endswith("ss"):
        return name[:-1], name[:-1].capitalize()
    return ()


def _sentence_initial(name: str) -> tuple[str, ...]:
    """"Spades" for the value "spades": a lower-case word name opening a sentence."""
    return (name.capitalize(),) if len(name) > 2 and name.isascii() and name.isalpha() and name.islower() else ()


# A value named by a digit, in the plural of its English number: "fours" for 4 (never the bare "four", a count)
_RANK_PLURALS = {"2": "twos", "3": "threes", "4": "fours", "5": "fives", "6": "sixes", "7": "sevens", "8": "eights",
                 "9": "nines", "10": "tens"}


def _plurals(alias: str) -> tuple[str, ...]:
    """"aces" for the alias "ace", "sixes" for "six": a word alias in the plural names the same value."""
    if len(alias) < 3 or not alias.isascii() or not alias.isalpha() or alias.endswith("s"):
        return ()
    return (alias + ("es" if alias.endswith(("x", "ch", "sh")) else "s"),)


TERM_WORDS = {"+": ("sum", "sums", "the sum", "their sum", "之和", "两数之和", "的和", "偶数和", "奇数和"),
              "*": ("product", "products", "the product", "their product", "乘积", "之积", "积", "的积")}


_TERM_NOUNS = {"+": ("sum",), "*": ("product",)}
_ZH_TERM_NOUNS = {"+": ("和",), "*": ("积",)}


def _roles(puzzle: s.Puzzle, agent: s.Agent) -> list[str]:
    """Names of an agent by what it observes, when that is one variable or one term and no other agent observes
    it: "the month-holder", "the rank guy", "the one who was told the product", "知道月份的人"."""
    if len(agent.observes) != 1 or "[" in agent.name:
        return []
    term = agent.observes[0]
    if any(other is not agent and term in other.observes for other in puzzle.agents):
        return []
    if isinstance(term, s.Var):
        nouns, zh = (term.name,), ATTRIBUTE_WORDS.get(term.name, ())
    elif isinstance(term, s.Arith):
        nouns, zh = _TERM_NOUNS.get(term.op, ()), _ZH_TERM_NOUNS.get(term.op, ())
    else:
        return []
    out = []
    for n in nouns:
        out += [f"{n}-holder", f"{n} holder", f"{n}-knower", f"{n} knower", f"{n} guy", f"{n}-guy", f"{n} man",
                f"{n} person", f"one who knows the {n}", f"one who was told the {n}", f"one who has the {n}",
                f"one holding the {n}", f"one with the {n}", f"person who knows the {n}", f"whoever knows the {n}",
                f"one who holds the {n}", f"one told the {n}"]
    for z in zh:
        out += [f"知道{z}的人", f"知道{z}的那个人", f"拿到{z}的人", f"掌握{z}的人", f"被告知{z}的人", f"拿{z}的人",
                f"拿{z}的那个人", f"拿{z}的", f"管{z}的人", f"管{z}的"]  # ("拿月份的说…", "管积的那位")
    return out


def _observed_terms(puzzle: s.Puzzle) -> list[tuple[str, tuple]]:
    """(surface, formula key) of what agents observe when it is not a variable: `x + y`, `x+y`, "the sum"."""
    out = []
    for agent in puzzle.agents:
        for term in agent.observes:
            if not isinstance(term, s.Arith):
                continue
            key = formula_key(term)
            source = term_source(term, puzzle)
            out += [(source, key), (source.replace(" ", ""), key)]
            if term.op == "*":
                for sign in ("·", "×"):
                    out += [(source.replace("*", sign), key), (source.replace(" ", "").replace("*", sign), key)]
                if re.fullmatch(r"[a-z] \* [a-z]", source):
                    out.append((source.replace(" * ", ""), key))  # "P knows p = xy": two letters side by side
            out += [(w, key) for w in TERM_WORDS.get(term.op, ())]
            told = " ".join(text for _, text in puzzle.texts).lower()
            out += [(w, key) for noun, words in _STORY_NUMBERS if noun in told for w in words]
    return out


# What a puzzle's story calls the number an agent is told, where its text names that thing ("the sum of our ages is
# the number of this bus"): "the bus number is 17", "车号是17"
_STORY_NUMBERS = (("bus", ("bus number", "the bus number", "bus's number", "number of the bus", "number of this bus")),
                  ("车号", ("车号", "公交车号", "公交车的车号", "这辆车的车号")))


def words_pattern(exact: list[str], folded: list[str], numbers: bool = False) -> str:
    """A regex for whole words: `exact` as written, `folded` in any case; ASCII words end at word boundaries.
    `numbers`: digit runs too (after the words: a word spelt in digits, "16", keeps its meaning).

    The words that start with an ASCII letter or digit (and the numbers) share one test of the character before
    and one of the character itself, so that inside a word or on a space the regex gives up at once: it is tried
    at every position of every sentence. Putting them first changes no match, because no character can start both
    one of them and one of the other words (checked here; otherwise each group keeps its own tests, in the order
    exact, folded, numbers)."""
    groups = []  # (words, flags, whether they start with an ASCII letter or digit), in the order of preference
    for group, flags in ((exact, ""), (folded, "(?i)")):
        alnum = [x for x in group if _ASCII_ALNUM.match(x[0])]
        other = [x for x in group if not _ASCII_ALNUM.match(x[0])]
        groups += [(words, flags, starts) for words, starts in ((alnum, True), (other, False)) if words]

    def alternative(words: list[str], flags: str, after_word_test: str = "") -> str:
        # Each trie is guarded by a class of its first characters, so most positions fail in one test.
        return ("(?i:" if flags else "(?:") + _first(words, flags) + after_word_test + _trie(words, flags) + ")"

    if all(_apart(words, flags) for words, flags, starts in groups if not starts):
        # (a folded word's own test: in any case, the four letters above count as letters before it too)
        starting = [alternative(words, flags, _NOT_AFTER_FOLDED if flags else "") for words, flags, starts in groups
                    if starts]
        starting += [_NUMBER] if numbers else []
        parts = [_WORD_START + "(?:" + "|".join(starting) + ")"] if starting else []
        parts += [alternative(words, flags) for words, flags, starts in groups if not starts]
    else:
        parts = [alternative(words, flags, _NOT_AFTER_WORD if starts else "") for words, flags, starts in groups]
        parts += [r"(?=\d)(?<![A-Za-z0-9_.])\d+(?![0-9])"] if numbers else []
    return "|".join(parts) or "(?!)"


_NOT_AFTER_WORD = r"(?<![A-Za-z0-9_])"
_NUMBER = r"(?<!\.)\d+(?![0-9])"  # after _WORD_START: not after a letter, a digit, "_" or "."
# Every character that can start a word of an ASCII letter or digit, or a number: ASCII letters and digits, the
# four others that match an ASCII letter in any case (tests/audit/test_lexicon_pattern.py derives them), digits.
_WORD_START_CHARS = string.ascii_letters + string.digits + "\u0130\u0131\u017f\u212a"
_WORD_START = _NOT_AFTER_WORD + "(?=[\\d" + _WORD_START_CHARS + "])"
_NOT_AFTER_FOLDED = "(?<![\u0130\u0131\u017f\u212a])"


def _apart(words: list[str], flags: str) -> bool:
    """Whether no character that can start an ASCII word or a number can start one of `words`."""
    first = re.compile(flags + "[" + "".join(re.escape(w[0]) for w in words) + "]")
    return not any(first.match(ch) for ch in _WORD_START_CHARS) and not any(w[0].isdecimal() for w in words)


def _first(words: list[str], flags: str) -> str:
    """A lookahead for the characters the words can start with (a necessary condition, so it changes no match)."""
    chars = sorted({(w.lower() if flags else w)[0] for w in words})
    return "(?=[" + "".join(re.escape(ch) for ch in chars) + "])"


def _trie(words: list[str], flags: str) -> str:
    """One regex for many words, as a prefix tree (Python's re does not optimise long alternations)."""
    root: dict = {}
    for w in words:
        node = root
        for ch in (w.lower() if flags else w):
            node = node.setdefault(ch, {})
        node[""] = _ASCII_ALNUM.match(w[-1]) is not None

    def build(node: dict) -> str:
        end = node.get("")
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch != ""]
        if not branches:
            return r"(?![A-Za-z0-9_])" if end else ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end is None:
            return body
        return "(?:" + body + "|" + (r"(?![A-Za-z0-9_])" if end else "") + ")"

    return build(root)


def _has_cjk(text: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" for ch in text)


def has_suits(lex: Lexicon) -> bool:
    """Whether the puzzle's values include the four suits (cards may be written "D5", "HQ"), once per puzzle."""
    found = lex.atoms.get("@suits")
    if found is None:
        found = lex.atoms["@suits"] = all(any(t.kind in ("value", "ambig") for t in lex.scan(w))
                                         for w in ("hearts", "spades", "clubs", "diamonds"))
    return found


def bit_worlds(lex: Lexicon) -> re.Pattern | None:
    """A pattern for a word of exactly n bits when the puzzle's n >= 3 variables are all bool (muddy "0110"),
    else None (two bits, "10", are too often a number; "剩下0111、1011": ASCII word bounds)."""
    if "@bits" not in lex.atoms:
        variables = lex.puzzle.variables
        n = len(variables)
        lex.atoms["@bits"] = re.compile(rf"(?<![A-Za-z0-9_./-])(?<!\d,)[01]{{{n}}}(?![A-Za-z0-9_/]|[.,]\d)") \
            if n >= 3 and all(v.sort == "bool" for v in variables) else None
    return lex.atoms["@bits"]
