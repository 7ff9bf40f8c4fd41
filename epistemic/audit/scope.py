"""Where a sentence does not assert what it says: questions, hedges, purpose clauses, rejected ideas.

A sentence is cut into phrases at punctuation and connectives ("so", "but", "所以", "但"). A phrase
with a hedge ("might", "could be", "也许"), a purpose ("for Albert to be certain", "为了") or inside
a supposition ("suppose", "if"), a whole question, and the part of a sentence that states a rejected
idea ("At first I thought …, but") before its "but": claims read there are uncertain readings
(records.CERTAIN), judged and shown but never enough to make a step wrong.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from .lexicon import ZH_REMOVING
from .records import CROSSED, HEDGED, MODAL, OTHERS, PURPOSE, QUESTION, REJECTED, SUPPOSED

_PHRASE_END = re.compile(r"[,，;；:：、()（）⇒∴]|\s[-–—]\s|(?i:\b(?:so|but|however|therefore|thus|hence|because|since|"
                         r"which means|this means|then)\b)|所以|但是|但|然而|不过|因此|因为|那么")
_BUT = re.compile(r"(?i:\bbut\b|\bhowever\b|\bactually\b|\bin fact\b)|但是|但|然而|不过|其实|实际上")
_HEDGE = re.compile(r"\bmay\b|(?i:\b(?:might|maybe|perhaps|possibly|probably|likely|seems?|appears? to|i think|i guess|"
                    r"likelier|likeliest|"
                    r"i suspect|i believe|could be|could have been|would be|would have been|guess|"
                    r"i\s+(?:vaguely\s+|seem\s+to\s+)?(?:remember|recall)|if\s+i\s+(?:remember|recall)(?:\s+\w+)?|"
                    r"something\s+like)\b|"
                    r"(?:\bwould|['’]d)\s+(?:still\s+|then\s+|only\s+)?have\s+"
                    r"(?!known\b|been\b|had\b|seen\b|said\b|\w+ed\b))|"
                    r"(?<!不)(?<!只)(?<!只有)(?<!都有)(?<!都)(?<!的)(?<!仍然觉得)(?<!仍觉得)(?<!还觉得)(?<!依然觉得)(?<!仍然认为)"
                    r"(?<!还认为)(?<!仍然)(?<!依然)(?<!仍)(?<!还)可能(?!的|世界|情况|情形|组合|日期|性)|(?<=还)可能(?!的)(?!\s*(?:[，,。.；;！!]|$))|"
                    r"也许|或许|大概|似乎|好像|猜")  # ("白红红还可能。": still possible; but "还可能是红的" hedges;
# "1号仍然觉得可能…": what he still holds possible; "这两个可能世界": the possible worlds, a noun)
_SUPPOSED = re.compile(r"(?i:\bhad\s+(?:the\s+|his\s+|her\s+)?\w+\s+been\b|\bwere\s+it\b|\bsuppose\b|"
                       # ("Assume d = 19.", but not "we can assume x < y from here on": a fact taken as given)
                       r"(?<!can\s)(?<!may\s)(?<!could\s)(?<!will\s)(?<!safely\s)\bassum(?:e|ing)\b|"
                       r"\bfor\s+(?:the\s+sake\s+of\s+)?contradiction\b|"
                       r"\bimagin(?:e|es|ed|ing)\b|"
                       r"\bcould not choose\b|\bcouldn't choose\b|\bif\b|\biff\b|⇔|⟺|<=>|"
                       r"\bwhen there (?:are|is|were)\b|"
                       r"\bwhen\s+(?:exactly|only|just|precisely)\s+(?:one|two|three|four|five|six|\d{1,2})\b|"  # ("It
                       # matters most when exactly one child is muddy: …": that case)
                       r"\bin (?:a|the|any) (?:pattern|world|scenario|situation|case) (?:with|where)\b|\bwith exactly\b|"
                       r"\b(?:in|of|for)\s+(?:a|an|the|any|every|each|all|such)\s+"
                       r"(?!(?:remaining|surviving)\s+worlds\b)"
                       r"(?:[\w-]+\s+){0,2}?(?:worlds?|scenarios?)\b)|"
                       r"(?<!剩下)(?<!剩余)(?<!其余)(?<!剩)的世界(?:里|中)|"  # ("在只有一个泥孩子的世界里"; not
                       # "剩下的世界里至少有3个孩子有泥": every world left)
                       r"假设|假如|要是|如果|若|当且仅当|(?:只有|恰好)[一两二三四五六七八九\d]个[^，。,.]{0,6}(?:时|的时候|的话)|"
                       r"[=＝]\s*\d{1,4}\s*(?:时|的时候)")  # ("所以b = 1时比尔能确定a = 2": when b is 1)
# The rest of a sentence under another reading of a statement: "With the "I know now" reading, statement 2 removes
# nothing, …", "按“现在知道”的理解，…"
_UNDER_READING = re.compile(r"(?i:\b(?:with|under|on|by)\s+(?:the|this|that|an?|such)\s+"
                            r"(?:[\"“][^\"”\n]{0,60}[\"”]|[^,.;:\n\"“]){0,80}?\b(?:reading|interpretation)\b)|"
                            r"按(?:照)?[^，。,.\n]{1,30}的(?:理解|读法|解读)")
# A condition of the whole sentence's claim: "Anne knows b only when …", "… exactly when …"
_ONLY_WHEN = re.compile(r"(?i:\b(?:only|exactly|precisely|just)\s+(?:when|if)\b)|只有当|只有在|当且仅当")
# The condition said again in other words right after it: "只有当其中一个超出范围时她才能确定，也就是 a = 0 或 a = 10"
_THAT_IS = re.compile(r"\s*(?:也就是说?|即|(?i:i\.e\.|that\s+is,?)\s)")
_RECALLED = re.compile(r"(?i:remember|recall)")
# A claim taken back as soon as it is said: "∴ 至少3个……哦不对，…", "so 4 — wait, no, 5", "同时rrw也排除——不对，…"
_RETRACTION = re.compile(r"(?:……|…|\.{3}|[,，—–-])?\s*(?:哦不对|啊不对|不对不对|等等[，,]?\s*不对|[—–-]\s*(?:不对|错了)|"
                         r"(?i:\b(?:wait,?\s+no|no,?\s+wait|scratch\s+that)\b))")
# A trial of another reading of a statement, said as a sentence of its own: what follows in the step reasons under it
# ("Let me also try the other reading of statement 2.", "Suppose it meant "Q knows now that P doesn't know."")
OTHER_READING = re.compile(r"(?i:\b(?:try|consider|take|test|check)\s+(?:the|an?)\s+(?:other|alternative|second|"
                           r"rival)\s+(?:reading|interpretation)\b|"
                           # "I briefly consider reading Q's remark as …", "Under that reading it would be empty"
                           r"\b(?:consider|considering|try|trying)\s+(?:reading|interpreting|taking)\s|"
                           r"\b(?:under|on|with)\s+(?:that|the\s+other|the\s+alternative|the\s+rival|such\s+an?|"
                           r"another|a\s+different|the\s+wrong)\s+(?:reading|interpretation)\b|"
                           r"\b(?:suppose|assume|imagine)\s+(?:it|this|that|the\s+\w+)\s+"
                           r"(?:meant|means|said|says|reads)\s*(?:that\s+)?[“\"])|换(?:一)?种(?:理解|读法|解读)|"
                           r"(?:按|照)(?:另一种|那种)(?:理解|读法|解读)")
# A sentence opened as a case: "Case: exactly one muddy child.", "Case 2: …", "情况二：…", "- candidate b = |a − c|: needs
# …" (all of it supposed)
_CASE_HEADING = re.compile(r"^\W*(?:(?i:case|scenario)\s*(?:\d{1,2}|[a-z]|[ivx]{1,3})?|情况\s*[一二三四五六七八九\d]?|"
                           r"(?i:candidate|option|possibility)\s+[^:：\n]{0,20}[=≠<>≤≥][^:：\n]{1,20})\s*[:：]")
# A case taken up to be reasoned in, opening its sentence: "Think about the case where exactly one kid is muddy.",
# "Let's consider the scenario in which …" (not "… rules out the case where …", an exclusion)
_CASE_TAKEN_UP = re.compile(r"^\W*(?i:(?:(?:so|now|ok(?:ay)?|first|next|then|and|right)\W+)*"
                            r"(?:let's\s+|let\s+us\s+|we\s+)?"
                            r"(?:think\s+about|consider|take|look\s+at|imagine|picture|start\s+with)\s+(?:the\s+|a\s+)?"
                            r"(?:case|scenario|situation|world)s?\s+(?:where|in\s+which|when|with)\b)")
# A value's case checked, up to a colon: "Wait, I need check a = 3 more carefully: b = 2 stays, b = 4 stays.", "Let me
# double-check b = 1: …" (what follows is that case's)
_CASE_CHECKED = re.compile(r"^\W*(?i:(?:(?:so|now|ok(?:ay)?|wait|hmm|next|then|and|but)\W+)*"
                           r"(?:i\s+(?:need\s+(?:to\s+)?|must\s+|should\s+|want\s+to\s+|will\s+)|let\s+me\s+|let's\s+|"
                           r"we\s+(?:need\s+to\s+|must\s+)?)?(?:check|re-?check|double-check|verify|examine|test|try|"
                           r"look\s+at)\s+(?:the\s+case\s+)?[a-z]\s*=\s*\d{1,3}\b[^:：\n.]{0,30}[:：])")
# A guess set up to be tested ("**Candidate: yes, the three numbers are all different.**", "Hypothesis: July 16.",
# "猜测：♦5"): the verification style's proposal, checked by the steps after it, not yet claimed
_GUESS_LABEL = re.compile(r"^\W*(?:(?i:candidate(?:\s+answer)?|hypothesis|working\s+hypothesis|proposed\s+answer|"
                          r"tentative\s+answer|my\s+guess|guess)|候选答案|猜测|初步答案|假设答案|猜想)\s*[:：]")
_PURPOSE = re.compile(r"(?i:\bfor\s+(?:mr\.?\s+)?\w+\s+to\s+(?:be|know|have|say|make|tell|rule|conclude|deduce|"
                      r"figure|determine|claim)\b|\bin order (?:for|to)\b|\bso that\b(?!\s*(?:'s|’s|leaves|left|means|gives|rules|removes|"
                      r"eliminates|kills|is|was|settles|makes|takes|knocks|cuts|narrows|pins|fixes|confirms)\b)|\bfor (?:him|her|them) to\b)|"
                      r"为了|要让|要使|才能|要保证|要确保|为保证")
_REJECTED = re.compile(r"(?i:\b(?:i|we)\s+(?:first\s+|initially\s+|originally\s+|had\s+|briefly\s+|"
                       r"(?:also\s+)?(?:at\s+first|for\s+a\s+moment|momentarily)\s+)?(?:thought|assumed|believed|"
                       r"supposed|guessed|figured)\b|\b(?:i|we)\s+(?:was|were)\s+(?:first\s+|initially\s+|briefly\s+)?"
                       r"(?:tempted|inclined)\s+to\b|"
                       r"\bmy (?:first|initial|gut) (?:thought|guess|idea|association|instinct|impulse|"
                       r"reaction|hunch|impression)\b|\b(?:first|initial|gut) (?:instinct|impression|reaction|hunch)\b|\b(?:one|someone|somebody|you) (?:might|could|may|would) (?:think|assume|argue|object|say|claim)\b|\b(?:an?|the) (?:common|classic|typical|tempting|easy|usual|obvious|naive|naïve) (?:slip|mistake|error|trap|pitfall|confusion|misreading|misconception|blunder|wrong answer)\b|\b(?:the|a|an)\s+tempting\s+(?:pick|choice|answer|guess|option|candidate|month|date|day|card|sum|pair|one)\b|\bit(?:'s| is) easy to (?:think|assume|conclude|say)\b|\bpeople (?:often |usually |sometimes )?(?:think|assume|answer|conclude)\b|(?:^|\n)\W*(?:trap|pitfall|common mistake|common slip|caveat)\s*[:：—-]|"
                       r"\bit(?:'s| is) tempting\b|\bwrongly\b|\bmistakenly\b|\bat first glance\b|\bi considered\b|"
                       r"\b(?:i|we)\s+(?:almost|nearly)\s+(?:discarded|dropped|removed|eliminated|crossed\s+out|"
                       r"struck|threw\s+out|ruled\s+out|kept|picked|chose|answered)\b|"  # ("I almost discarded a = 1")
                       r"\b(?:i|we)\s+(?:first\s+|initially\s+|originally\s+)?wanted\s+to\s+(?:say|write|conclude|"
                       r"answer|claim|put)\b|"  # ("Earlier I wanted to say that …, but it is not")
                       r"\banother (?:common |classic |typical |easy )?(?:slip|mistake|trap|pitfall|misreading|blunder) is\b|"
                       # a role swap as the source of a wrong answer: "it comes from swapping the roles, imagining …"
                       r"\b(?:swap(?:s|ped|ping)?|switch(?:es|ed|ing)?|revers(?:e|es|ed|ing)|mix(?:es|ed|ing)?\s+up|"
                       r"confus(?:e|es|ed|ing))\s+(?:the\s+|their\s+)?roles\b|"
                       r"\bconsidered reading\b|\bmisread\w*|\bone could read\b|"
                       # another version recalled: "The version I know best is Freudenthal's, with x < y and …"
                       r"\b(?:version|formulation|variant)\s+(?:that\s+)?(?:i|we)\s+(?:know|remember|recall|learned)\b|"
                       r"\b(?:in|for|from|with) the (?:original|classic|famous|standard|usual|well-known) "
                       r"(?:puzzle|version|problem|"
                       r"cheryl puzzle)\b|\b(?:in|for)\s+the\s+(?:original|classic|standard)\s*,|"
                       r"\b(?:in|for|under)\s+(?:the|a|that|another)\s+(?:other\s+)?(?:version|variant|variation)\s+"
                       r"(?:where|in\s+which|with|that)\b|"
                       r"\b(?:original|classic|famous|standard|usual|well-known)\s+(?:puzzle|version|problem|"
                       r"cheryl(?:'s|’s)?\s+(?:puzzle|birthday))(?:'s|’s)?\s+(?:answer|solution)\b|"
                       r"\bthe\s+(?:original|classic|famous|standard|well-known)(?:'s|’s)\s+(?:answer|solution)\b|"
                       r"\b(?:it(?:'s|’s|\s+is)|this\s+is|that(?:'s|’s|\s+is))\s+not\s+(?:just|only|simply|merely)"
                       r"\s+that\b|"
                       r"\bthe\s+(?:original|classic|famous|standard|usual|well-known)\s+(?:statement|formulation|"
                       r"setup|set-up|version|puzzle|problem)\s+(?:usually\s+|typically\s+|normally\s+|often\s+)?"
                       r"(?:has|had|says|said|uses|used|requires|required|assumes|assumed|adds|added)\b|"
                       # another author's version: "Freudenthal's version uses x < y and x + y ≤ 100"
                       r"\b[A-Z][a-z]+(?:'s|’s)\s+(?:original\s+)?(?:version|formulation|statement|setup|set-up)\s+"
                       r"(?:uses|used|has|had|says|said|requires|required|assumes|assumed|adds|added)\b|"
                       r"\bi\s+was\s+(?:going|about)\s+to\s+(?:say|keep|answer|write|drop|conclude)\b|"
                       r"\bi\s+(?:first\s+|initially\s+|originally\s+)?(?:wanted|meant|intended)\s+to\s+(?:drop|remove|cross|"
                       r"strike|eliminate|keep|rule|delete|discard)\b)|"
                       r"~~|误读|误解|原题|原版|(?:有的|有些|别的|其他|另一个|经典)版本|我记得[^，,。；;\n]{0,12}答案|"
                       r"(?:我|我们)(?:原来|原先|一开始|起初|最初|本来|先|首先)?(?:以为|误以为|想错)|误以为|第一反应|"
                       r"(?:(?:原来|原先|一开始|起初|最初|本来|原本)[，,]?\s*(?:我|我们)|(?:我|我们)(?:原来|原先|一开始|起初|最初|本来|原本))"
                       r"(?:是|也|还)?想(?:顺手|直接|先|就)?(?:的是|把|要|删|排除|保留|去掉|划掉|过|(?=[，,：:]))|"  # ("一开始我想，也是…只排除“红白红”")
                       r"直觉|原以为|本来以为|还以为|曾以为|想过是|一度以为|"
                       # what a reader might think: "有人可能会以为第二位的“不知道”只是在重复…，但其实不是"
                       r"(?:有人|有的人|你|读者|大家)(?:可能|也许|或许|容易)?会?(?:误以为|以为)|"
                       r"(?:有人|有的人|你|读者|大家)(?:可能|也许|或许|容易)会?(?:觉得|认为)|容易(?:误以为|以为)|"
                       # an oversight owned up to: "我一开始漏看了b = 1和b = 9，以为…", "At first I missed …"
                       r"(?:我|我们)(?:原来|原先|一开始|起初|最初|本来|先|刚才)(?:漏看|漏掉|看漏|忽略|没注意到|没考虑到|漏算)|"
                       # a removal owned up to, then taken back: "这里我一开始把 18 也划掉了，因为…但 Bo 是听完…"
                       r"(?:我|我们)(?:原来|原先|一开始|起初|最初|本来|刚才)(?:也|还)?把(?=[^。\n]{0,80}(?:但|不过|可是))|"
                       r"(?i:\b(?:i|we)\s+(?:initially|first|originally)\s+(?:missed|overlooked|forgot)\b|"
                       r"\bat\s+first\s+(?:i|we)\s+(?:missed|overlooked|forgot)\b)|"
                       # a teacher's note on the usual mistake: "易错点：只考虑…，这样只能排除“红白红”"
                       r"(?:^|\n)[^\S\n]*(?:[-*•>#]+[^\S\n]*)?(?:\*\*)?(?:易错点|易错|常见错误|误区|陷阱|(?i:common\s+error))"
                       r"(?:\*\*)?[^\S\n]*[：:]|"

                       # a reading just tried, then dismissed, with what it would give: "但这样理解不对，因为这样…就什么都
                       # 没排除", "but that reading is wrong: then every suit qualifies"
                       r"(?:这样|这么|这种)(?:理解|读法|解读)(?:是)?(?:不对|错的|错了|不成立)|"
                       r"(?i:\b(?:that|this)\s+(?:reading|interpretation)\s+(?:is\s+wrong|can't\s+be\s+right|"
                       r"doesn't\s+work|does\s+not\s+work|fails)\b)|"
                       # what the writer almost said: "我刚才差点想说：…", "I almost said the aces go"
                       r"差(?:一)?点(?:就)?(?:想)?(?:说|以为|认为|写|排除|把)|险些(?:以为|说)|"
                       r"(?i:\bi\s+(?:almost|nearly)\s+(?:said|wrote|concluded|answered|dropped|crossed|struck|"
                       r"eliminated|removed)\b)")
# An idea the writer declines to take over: "I shouldn't just assume the answer is July 16", "不能直接套用7月16日".
_DECLINED = re.compile(r"(?i:\b(?:shouldn't|should not|can't|cannot|can not|don't|do not|mustn't|must not|won't|not)\s+"
                       r"(?:just\s+|simply\s+|blindly\s+)?(?:assume|presume|take it for granted|copy|reuse)\b)|"
                       r"不能直接套用|不能直接用|不能照搬|不要照搬|不能套用|别套用|"
                       # an inference the writer warns against, said with no subject: "…，不能“对称地”推出b≠0"
                       r"(?:^|(?<=[，,：:。；;]))\s*(?:但|但是|而|并|所以)?(?:我们)?(?:不能|不可以|无法)[^，。,；;\n]{0,8}?"
                       r"(?:推出|得出|推断出?|断定)|"
                       r"(?i:\b(?:we|you|one)\s+(?:can't|cannot|can\s+not)\s+(?:\w+\s+)?(?:conclude|infer)\b|"
                       r"\b(?:it\s+)?(?:doesn't|does\s+not)\s+follow\s+that\b)")
# A world without a statement: "Without Anne's statement Bill with 1 would not know", "要是没有P的这句话，…": what
# would hold in another information state, not in any stage of this one
_WITHOUT = re.compile(r"(?i:\bwithout\s+(?:the\s+|\w+(?:'s|’s)\s+)(?:first\s+|second\s+|third\s+|last\s+|"
                      r"opening\s+)?(?:statement|announcement|remark|reply|answer|words|line|silence|[\"“]))|"
                      r"(?:如果|要是|假如|若是?)没有(?!人)[^，。,.\n]{1,10}(?:这句话|那句话|这一句|的发言|的回答|的声明|的话)")
# An answer others give: "网上流传的另一个常见答案是8月17日", "有人会说是8月17日", "another popular answer is August 17"
_OTHERS_ANSWER = re.compile(r"另一个[^，。；\n]{0,12}答案|常见的?(?:错误)?答案|错误答案|网上流传|有人(?:会)?(?:说|认为|答)|"
                            # another solution quoted: "网上有个解法说：“…”", "The key says: "…"", "a chatbot answer …
                            # that says "…""
                            r"(?:有个|有一个|有一种|某个|一个)(?:解法|答案|说法|回答|帖子)(?:说|认为|写道|写的是)|"
                            r"(?i:\b(?:the\s+(?:answer\s+)?key|the\s+textbook|the\s+(?:posted|published|official|"
                            r"other)\s+(?:solution|answer))\s+(?:says|said|claims|claimed|states|argues|writes)\b|"
                            r"\b(?:answer|solution|post|reply)\b[^\n\"“]{0,60}\bthat\s+(?:says|claims|states)\s*[\"“])|"
                            r"很多人(?:会)?(?:说|认为|答|以为)|(?i:\banother\s+(?:common\s+|popular\s+|frequent\s+)?"
                            r"answer\b|\ba\s+(?:popular|frequent|widely\s+shared)\s+answer\b)")
_CROSSED = re.compile(r"[✗✘❌]")
_IGNORANCE_VERDICT = re.compile(r"(?i:\b(?:wouldn't|would\s+not|won't|can't|cannot|couldn't|could\s+not|doesn't|"
                                r"does\s+not|didn't|did\s+not|still\s+not)\s+(?:\w+\s+)?(?:know|tell|be\s+sure|"
                                r"be\s+certain|decide|determine)\b|\b(?:ambiguous|torn|stuck|undecided|unsure)\b)|"
                                r"无法确定|不能确定|不知道|没法确定|确定不了|无法判断|有歧义")
# A cross that strikes a value out, said in words after it ("✘ 排除", "✗ eliminated"), and the arrow before its verdict
_STRUCK_OUT = re.compile(r"\s*(?:(?i:eliminated|excluded|removed|ruled\s+out|out|drop(?:ped)?|gone)\b|" + ZH_REMOVING +
                         r")")
_ARROW = re.compile(r"→|->|⇒")
# "but then" going on with the idea's consequence, not "but then I noticed …" turning from it
_GOES_ON = re.compile(r"(?i:\s+then\b(?!\s*,?\s*(?:i|we)\s))")
# A denied exclusivity: "…剩下红桃Q、红桃4、方块5三张，不是只有方块5", "Q, 4 and 5 remain, not just 5": the idea "only X"
# is rejected; X itself is not excluded
_NOT_ONLY = re.compile(r"(?i:\bnot\s+(?:just|only|merely|simply|solely)\b|"
                       # ("Ali's statement does not leave only July": only July is the idea denied)
                       r"\b(?:doesn't|does\s+not|didn't|did\s+not|don't|do\s+not)\s+(?:leave|leaves|mean|give|keep)\s+"
                       r"(?:just|only)\b)|(?:不是|并不是|并非|而不是|而非)(?:只有|只剩下?|仅有|仅剩)|"
                       r"不只是|不只有|不止是|不止有|不仅仅?是")
# A yes/no question inside a sentence ("问三个数是不是一定互不相同", "要看b和c是否相等"): the clause is asked, not said
# (and "I wondered whether …", "asked myself whether …": an English clause wondered about)
_ZH_QUESTION = re.compile(r"是不是|是否|能不能|会不会|对不对|有没有可能|"
                          r"(?i:\b(?:wonder(?:s|ed|ing)?|ask(?:s|ed|ing)?\s+(?:myself|ourselves))\s+(?:whether|if)\b|"
                          r"\b(?:just|only|asked|asks|ask|asking|question\s+is|to\s+check|to\s+see)\s+whether\b|"
                          # ("Let me think about whether June 16 survives somehow": weighed, not said)
                          r"\b(?:think(?:ing)?\s+about|consider(?:ing)?|check(?:ing)?|see(?:ing)?|test(?:ing)?|"
                          r"examin(?:e|ing))\s+whether\b)")
# ("we're asked just whether they're all different": asked, not said; but "cannot tell whether she is muddy" is
# what the knowing is about)
_QUESTION_START = re.compile(r"(?i:\s*(?:wait,?\s*)?(?:is|are|does|do|did|can|could|would|what|which|why|how|who)\b)")
# Only these words can mark a part of a sentence; a sentence without any of them is plain.


_QUICK_WORDS = ("?", "？", "差点", "差一点", "险些", "almost", "nearly", "✗", "✘", "❌", "might", "may", "perhaps", "possibl", "probabl", "likely", "seem", "appear",
                "think", "guess", "suspect", "believe", "could", "would", "for", "order", "so that", "thought", "assum",
                "tempted", "inclined", "不对", "wait", "scratch", "check", "verify", "examine", "test", "try", "look",
                "suppos", "figured", "first", "tempting", "wrong", "mistaken", "had", "were it", "imagin", "choose",
                "roles", "likelier", "likeliest",
                "if", "when there", "consider", "misread", "read", "initial", "gut", "第一反应", "直觉", "original", "classic",
                "famous", "standard", "usual", "well-known", "version", "variant", "variation", "原题", "原版",
                "pattern", "world", "scenario", "situation", "case", "with exactly", "要保证", "要确保", "为保证", "时",
                "的话", "可能", "也许", "或许", "大概", "似乎", "好像", "猜",
                "为了", "要让", "要使", "才能", "以为", "想错", "世界", "假设", "假如", "要是", "如果", "若", "误", "presume", "copy", "reuse",
                "套用", "照搬", "直接用", "'d ", "’d ", "going to", "about to", "~~", "想过", "一度", "想", "wanted", "meant", "intended",
                "答案", "nother", "popular", "有人", "很多人", "网上", "易错", "常见错误", "误区", "陷阱", "error",
                "是不是", "是否", "能不能", "会不会", "对不对", "有没有可能", "wonder", "myself", "ourselves", "whether",
                "interpret", "理解", "读法", "解读", "when", "remember", "recall", "something like",
                "not just", "not only", "not simply", "not merely", "not solely", "without",
                "是只", "非只", "是仅", "非仅", "不只", "不止", "不仅",
                "情况", "andidate", "ypothes", "roposed", "entative", "候选", "猜测", "初步", "假设答案", "猜想",
                "says", "said", "claims", "states", "argues", "writes", "解法", "说法", "回答", "帖子", "leave", "mean",
                "give", "keep")


_QUICK_LOW = re.compile("|".join(re.escape(w) for w in _QUICK_WORDS))


class Scope(NamedTuple):
    start: int
    end: int
    reading: str


def scopes(sentence: str) -> tuple[Scope, ...]:
    """The uncertain stretches of one sentence, each with its reading (empty for a plain sentence)."""
    if _QUICK_LOW.search(sentence.lower()) is None:
        return ()
    stripped = sentence.rstrip()
    if stripped.endswith(("?", "？")):
        return (Scope(0, len(sentence), QUESTION),)
    out: list[Scope] = []
    for m in _REJECTED.finditer(sentence):
        but = _BUT.search(sentence, m.end())
        while but is not None and _GOES_ON.match(sentence, but.end()) is not None:  # "My first instinct is …, but
            but = _BUT.search(sentence, but.end())  # then nothing is removed": what the idea would give, still its own
        out.append(Scope(m.start(), but.start() if but else len(sentence), REJECTED))
    cuts = [0] + [m.end() for m in _PHRASE_END.finditer(sentence)] + [len(sentence)]
    for m in _OTHERS_ANSWER.finditer(sentence):
        out.append(Scope(m.start(), len(sentence), OTHERS))
    for m in _DECLINED.finditer(sentence):
        out.append(Scope(m.start(), min((c for c in cuts if c > m.end()), default=len(sentence)), REJECTED))
    for m in _CROSSED.finditer(sentence):  # "May (19) ✗": the phrase before a cross is rejected
        a = max(c for c in cuts if c <= m.start())
        if _IGNORANCE_VERDICT.search(sentence, a, m.start()) is not None:
            continue  # "- 14 → 14 was in both April and May, so Bernard still couldn't be sure ✗": the cross marks
            # that he does not know, what the phrase says, not the phrase struck out
        if _STRUCK_OUT.match(sentence, m.end()) is not None:  # "5：只在方块出现一次 → 1次 ✘ 排除": the verdict after
            a = max([a] + [r.end() for r in _ARROW.finditer(sentence, a, m.start())])  # the arrow; its reason stands
        out.append(Scope(a, m.end(), CROSSED))
    for m in _UNDER_READING.finditer(sentence):
        out.append(Scope(m.start(), len(sentence), SUPPOSED))
    for m in _RETRACTION.finditer(sentence):  # "∴ 至少3个……哦不对，…": taken back in the same breath
        if sentence[:m.start()].strip():
            out.append(Scope(0, m.start(), REJECTED))
    for m in _WITHOUT.finditer(sentence):
        out.append(Scope(m.start(), len(sentence), MODAL))
    for m in _ONLY_WHEN.finditer(sentence):  # "Anne knows b immediately only when her number has one neighbour": a
        a = max(c for c in cuts if c <= m.start())  # condition for knowing, not that she knows (its clause, not "…,
        b = min((c for c in cuts if c > m.end()), default=len(sentence))  # and only 17 is left")
        if _THAT_IS.match(sentence, b) is not None:
            b = min((c for c in cuts if c > b), default=len(sentence))
        out.append(Scope(a, b, SUPPOSED))
    heading = _CASE_HEADING.match(sentence) or _CASE_TAKEN_UP.match(sentence) or _CASE_CHECKED.match(sentence)
    if heading is not None:
        out.append(Scope(heading.start(), len(sentence), SUPPOSED))
    guess = _GUESS_LABEL.match(sentence)
    if guess is not None:
        out.append(Scope(guess.start(), len(sentence), HEDGED))
    for pattern, reading in ((_PURPOSE, PURPOSE), (_HEDGE, HEDGED), (_SUPPOSED, SUPPOSED), (_ZH_QUESTION, QUESTION),
                             (_NOT_ONLY, REJECTED)):
        for m in pattern.finditer(sentence):
            a = max(c for c in cuts if c <= m.start())
            b = min((c for c in cuts if c > m.end()), default=len(sentence))
            if reading == HEDGED and _RECALLED.search(m.group(0)) is not None:  # "I vaguely remember the test says
                b = len(sentence)  # … — meaning 330 triples survive": what is recalled, and its gloss
            if reading == QUESTION and m.group(0)[-7:].lower() == "whether":  # "The question is whether, after all
                b = len(sentence)  # that, the numbers are all different": the asked clause runs to the end
            if reading == PURPOSE:  # "for Albert to be certain Bernard doesn't know, ...": up to the comma
                b = min((c for c in cuts if c > m.end() and sentence[c - 1] in ",，;；"), default=len(sentence))
            out.append(Scope(a, b, reading))
    return tuple(out)


# The conditional's own mood ("If b were 0, Anne's would be forced and she'd know"): not a hedge of a hypothetical
_MOOD = re.compile(r"(?i:(?:\bwould|['’]d)\s+(?:still\s+|then\s+|only\s+)?(?:be|have(?:\s+been)?)\b\s*)")


def mood_only(sentence: str, sc: Scope) -> bool:
    """Whether a hedged scope hedges only by a conditional "would be" / "would have" (the mood of an if-clause's
    consequence, which a hypothetical states, not a doubt)."""
    if sc.reading != HEDGED:
        return False
    part = sentence[sc.start:sc.end]
    return all(_MOOD.fullmatch(m.group(0)) is not None for m in _HEDGE.finditer(part))


def reading_at(found: tuple[Scope, ...], start: int, end: int) -> str | None:
    """The reading of the first scope that overlaps [start, end), or None."""
    for sc in found:
        if sc.start < end and start < sc.end:
            return sc.reading
    return None


def is_question(sentence: str) -> bool:
    return sentence.rstrip().endswith(("?", "？")) or _QUESTION_START.match(sentence) is not None
