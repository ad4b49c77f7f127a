"""Dialogue tags: the speech verbs writers use, the manner they imply, and where tags sit.

A tag is found next to a quotation: right after its closing mark ("Izumo insisted.",
"said his lady to him one day,"), or right before its opening mark when that clause ends
in a comma or colon ("Then she said, "). The subject words are returned unresolved; the
attribution sieves decide who they name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Each row: the forms of one verb, then the manner it implies ("-" for none).
_VERB_TABLE = """
say said says saying -
ask asked asks asking -
reply replied replies replying -
answer answered answers answering -
cry cried cries crying -
exclaim exclaimed exclaims exclaiming -
add added adds adding -
continue continued continues continuing -
begin began begins beginning -
interrupt interrupted interrupts interrupting -
return returned returns -
rejoin rejoined rejoins -
observe observed observes observing -
remark remarked remarks remarking -
repeat repeated repeats repeating -
insist insisted insists insisting -
grunt grunted grunts grunting -
snap snapped snaps snapping -
growl growled growls growling -
hiss hissed hisses hissing -
joke joked jokes joking -
admit admitted admits admitting -
inquire inquired inquires inquiring -
enquire enquired enquires enquiring -
demand demanded demands demanding -
plead pleaded pleads pleading -
beg begged begs begging -
respond responded responds responding -
agree agreed agrees -
explain explained explains explaining -
declare declared declares declaring -
protest protested protests protesting -
retort retorted retorts -
suggest suggested suggests suggesting -
stammer stammered stammers stammering -
stutter stuttered stutters stuttering -
croak croaked croaks croaking -
moan moaned moans moaning -
groan groaned groans groaning -
whimper whimpered whimpers whimpering -
sneer sneered sneers sneering -
snarl snarled snarls snarling -
splutter spluttered splutters spluttering -
urge urged urges urging -
warn warned warns warning -
announce announced announces announcing -
concede conceded concedes -
confess confessed confesses -
conclude concluded concludes -
persist persisted persists -
venture ventured ventures -
falter faltered falters faltering -
call called calls calling -
squeak squeaked squeaks squeaking -
chime chimed chimes -
counter countered counters -
prompt prompted prompts -
proceed proceeded proceeds -
interpose interposed interposes -
sing sang sings singing -
read -
recite recited recites reciting -
breathe breathed breathes -
whisper whispered whispers whispering whisper
murmur murmured murmurs murmuring murmur
mutter muttered mutters muttering murmur
mumble mumbled mumbles mumbling murmur
shout shouted shouts shouting shout
yell yelled yells yelling shout
bellow bellowed bellows bellowing shout
roar roared roars roaring shout
bawl bawled bawls bawling shout
holler hollered hollers hollering shout
scream screamed screams screaming scream
shriek shrieked shrieks shrieking scream
screech screeched screeches screeching scream
slur slurred slurs slurring slur
choke choked chokes choking choke
sob sobbed sobs sobbing sob
wail wailed wails wailing sob
pant panted pants panting pant
sigh sighed sighs sighing -
gasp gasped gasps gasping pant
think thought thinks thinking -
wonder wondered wonders wondering -
"""

_THOUGHT_FORMS = frozenset({"think", "thought", "thinks", "thinking", "wonder", "wondered"})


def _verb_table() -> tuple[dict[str, str | None], tuple[str, ...]]:
    manners: dict[str, str | None] = {}
    for row in _VERB_TABLE.split("\n"):
        words = row.split()
        if not words:
            continue
        manner = None if words[-1] == "-" else words[-1]
        forms = words[:-1] if len(words) > 1 else words
        for form in forms:
            manners[form] = manner
    ordered = tuple(sorted(manners, key=len, reverse=True))
    return manners, ordered


VERB_MANNER, _VERBS = _verb_table()
_VERB = r"(?:went\s+on|" + "|".join(_VERBS) + r")"
_ADVERB = r"(?:\w+ly\s+|again\s+|once\s+more\s+|then\s+|now\s+|at\s+last\s+|aloud\s+)"
_SUBJECT = r"(?P<subj>[\w'’.-]+(?:\s+[\w'’.-]+){0,4}?)"

_AFTER_VERB_FIRST = re.compile(
    r"[\s,—–-]*(?P<verb>" + _VERB + r")\b,?\s+" + _ADVERB + r"?(?P<rest>[^!?;:\"“”]*)"
)
_AFTER_SUBJECT_FIRST = re.compile(
    r"[\s,—–-]*"
    + _SUBJECT
    + r"(?:\s*,[^,.!?\"“”]{1,40},)?\s+"
    + _ADVERB
    + r"{0,2}(?P<verb>"
    + _VERB
    + r")\b"
)
_SPEAKERLESS = re.compile(
    r"[\s,—–-]*(?:was|came)\s+(?:the|a|an|his|her|their)\s+(?:(?P<adj>[a-z]+)\s+)?"
    r"(?:reply|answer|response|retort|whisper|cry|shout|scream|sob|murmur)\b",
    re.IGNORECASE,
)
_VERB_SEARCH = re.compile(r"\b(?P<verb>" + _VERB + r")\b")
_SENTENCE_END = re.compile(r"[.!?]+[\"”’)\]_*]*(?=\s|$)")
_ABBREVIATION = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr)|(?<![A-Za-z])[A-Z])$")
_CLAUSE_END = re.compile(r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)[.!?;]")
_NOT_A_TAG_OBJECT = re.compile(r"\s+(?:nothing|something|anything|no\s+more|not)\b")
_MANNER_PHRASES = (
    (re.compile(r"\bwith\s+a\s+(?:\w+\s+)?pant\b|\bpanting\b|\bbreathless"), "pant"),
    (re.compile(r"\bwith\s+a\s+(?:\w+\s+)?slur\b|\bslurring\b"), "slur"),
    (re.compile(r"\bin\s+a\s+(?:\w+\s+)?whisper\b|\bwhispering\b"), "whisper"),
    (
        re.compile(r"\bin\s+a\s+(?:\w+\s+)?murmur\b|\bunder\s+(?:his|her|their)\s+breath\b"),
        "murmur",
    ),
    (re.compile(r"\bchoked\b|\bchoking\b"), "choke"),
    (re.compile(r"\bsobbing\b|\bthrough\s+(?:his|her|their)\s+tears\b"), "sob"),
    (re.compile(r"\bscreaming\b|\bin\s+a\s+scream\b"), "scream"),
    (re.compile(r"\bshouting\b|\bat\s+the\s+top\s+of\s+(?:his|her|their)\s+voice\b"), "shout"),
)
_SHORT_TAIL_WORDS = 5


@dataclass(frozen=True)
class Tag:
    """A dialogue tag beside a quotation.

    `subject` is the raw words naming the speaker (None for "was the choked reply").
    `start`/`end` span the words to keep out of the narration (empty when the tag sits
    inside a longer sentence that must stay); `thought` is true for "thought X".
    """

    subject: str | None
    verb: str
    manner: str | None
    thought: bool
    start: int
    end: int
    removable: bool
    candidates: tuple[str, ...] = ()
    subject_span: tuple[int, int] | None = None


def after_tag(text: str, start: int, end: int) -> Tag | None:
    """The tag opening the narration text[start:end] that follows a closing quotation mark."""
    sentence_end = _sentence_end(text, start, end)
    speakerless = _SPEAKERLESS.match(text, start, sentence_end)
    if speakerless:
        manner = manner_in(text[start:sentence_end])
        return _finish(text, None, "reply", manner, start, speakerless.end(), sentence_end)
    match = _AFTER_VERB_FIRST.match(text, start, sentence_end)
    if match and not _NOT_A_TAG_OBJECT.match(text, match.end("verb"), sentence_end):
        words = match.group("rest").split()
        candidates = tuple(" ".join(words[:n]) for n in range(min(len(words), 6), 0, -1))
        if candidates:
            verb = match.group("verb")
            return _finish(
                text, candidates[0], verb, None, start, match.end(), sentence_end, candidates
            )
    match = _AFTER_SUBJECT_FIRST.match(text, start, sentence_end)
    if match and not _NOT_A_TAG_OBJECT.match(text, match.end(), sentence_end):
        subject = " ".join(match.group("subj").split())
        return _finish(text, subject, match.group("verb"), None, start, match.end(), sentence_end)
    return None


def before_tag(text: str, start: int, end: int) -> Tag | None:
    """The tag closing the narration text[start:end] that precedes an opening quotation mark.

    Only a clause ending in a comma or colon counts ("Then she said, "), so an action
    sentence before a quotation stays an action. Candidates for the speaker, best first: the
    words just before the verb (adverbs skipped), the words after it ("said Alice, "), and
    finally the subject of the whole sentence (`subject_span`).
    """
    fragment = text[start:end].rstrip()
    marked = fragment.endswith((",", ":", "—", "-"))
    if not marked and (not fragment or fragment[-1] in _ENDS_A_SENTENCE):
        return None
    fragment_end = start + len(fragment)
    clause_start = start
    for match in _CLAUSE_END.finditer(text, start, fragment_end):
        clause_start = match.end()
    verbs = list(_VERB_SEARCH.finditer(text, clause_start, fragment_end))
    if not verbs or (not marked and fragment_end - verbs[-1].end() > _UNMARKED_REACH):
        return None
    verb = verbs[-1]
    sentence = sentences(text, start, fragment_end)
    subject_start = sentence[-1][0] if sentence else clause_start
    after_words = text[verb.end() : fragment_end].strip(" ,:—-").split()
    head = text[subject_start : verb.start()]
    candidates = _subjects_before(head.split())
    while after_words and after_words[0].lower().strip(",") in _PARTICLES:
        after_words.pop(0)
    after = []
    if after_words and after_words[0].lower() not in _PREPOSITIONS:
        after = [" ".join(after_words[:n]) for n in range(min(len(after_words), 5), 0, -1)]
    if _ELIDED.search(head):
        name = verb.group("verb").lower()
        near = name.endswith("ing") or not head.rstrip().endswith((",", "—", "–", "-"))
        candidates = [*after, *elided_subjects(head, near), *candidates]
    else:
        candidates += after
    removable = len(text[clause_start : verb.start()].split()) <= 4 and len(after_words) <= 5
    name = verb.group("verb")
    return Tag(
        subject=candidates[0] if candidates else "",
        verb=name,
        manner=VERB_MANNER.get(name.lower()) or manner_in(text[clause_start:fragment_end]),
        thought=name.lower() in _THOUGHT_FORMS,
        start=clause_start if removable else end,
        end=end,
        removable=removable,
        candidates=tuple(candidates),
        subject_span=(subject_start, verb.start()),
    )


def voice_before(text: str, start: int, end: int) -> Tag | None:
    """A voice introduced just before a quotation: "an angry voice--the Rabbit's--",
    "the voice of Kotetsu:", or a stranger's, "then a voice she had never heard before,".

    Read only when no speech verb tags the quotation. The subject is the owner's name, or
    "a voice" for one not named (a new speaker, never the last one).
    """
    fragment = text[start:end].rstrip()
    if not fragment.endswith((",", ":", "—", "-", "–")):
        return None
    clause_start = start
    for match in _CLAUSE_END.finditer(text, start, start + len(fragment)):
        clause_start = match.end()
    clause = text[clause_start : start + len(fragment)]
    if not _VOICE_WORD.search(clause):
        return None
    owners = [m.group("owner") or m.group("of") for m in _VOICE_OWNER.finditer(clause)]
    if owners:
        words = owners[-1].split()
        candidates = tuple(" ".join(words[n:]) for n in range(len(words)))
    elif _NEW_VOICE.search(clause):
        candidates = (NEW_VOICE,)
    else:
        return None
    return Tag(
        subject=candidates[0],
        verb="voice",
        manner=manner_in(clause),
        thought=False,
        start=end,
        end=end,
        removable=False,
        candidates=candidates,
    )


#: The subject of a tag that introduces an unnamed voice: someone other than the last speaker.
NEW_VOICE = "a voice"
_VOICE_WORD = re.compile(r"\bvoices?\b", re.IGNORECASE)
_VOICE_OWNER = re.compile(
    r"(?P<owner>(?:[Tt]he\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})['’]s(?=[\s,:—–-]|$)"
    r"|\bvoice\s+of\s+(?P<of>(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})"
)
_NEW_VOICE = re.compile(r"\b(?:a|an|another|some|one)\s+(?:[\w-]+\s+){0,2}voice\b", re.I)


_ENDS_A_SENTENCE = frozenset(".!?;)\"”’'")
_UNMARKED_REACH = 30  # 'the Queen said severely "Who is this?"': the verb sits just before
_SKIPPED = frozenset(
    [
        "then",
        "and",
        "also",
        "again",
        "now",
        "still",
        "only",
        "just",
        "but",
        "at",
        "once",
        "to",
        "began",
        "begin",
        "begins",
        "went",
        "on",
        "could",
        "would",
        "did",
        "not",
        "help",
        "cannot",
        "presently",
        "immediately",
        "instantly",
        "afterwards",
        "soon",
    ]
)
_PARTICLES = frozenset(["out", "aloud", "again", "up", "back"])
_PREPOSITIONS = frozenset(
    ["to", "with", "in", "at", "by", "for", "from", "on", "of", "as", "that", "this", "it"]
)


def _subjects_before(words: list[str]) -> list[str]:
    """Phrases that could be the subject of a verb, nearest first.

    Walks back from the verb over objects ("turned to him and said"): a phrase right after a
    preposition, or an object pronoun, is never the subject.
    """
    found: list[str] = []
    for end in range(len(words), max(0, len(words) - _SUBJECT_REACH), -1):
        last = words[end - 1].strip(",;:()—–-\"“”'’").lower()
        if not last or last in _OBJECT_PRONOUNS or last.endswith("ly"):
            continue
        capital = words[end - 1].lstrip("(\"“'‘")[:1].isupper()
        if not (capital or last in _SUBJECT_PRONOUNS or end - 2 >= 0):
            continue
        for length in range(min(4, end), 0, -1):
            first = end - length
            before = words[first - 1].strip(",").lower() if first > 0 else ""
            if before in _PREPOSITIONS_BEFORE or any(
                w.endswith(",") for w in words[first : end - 1]
            ):
                continue
            found.append(" ".join(words[first:end]))
        if len(found) >= _MAX_CANDIDATES:
            break
    return found


_SUBJECT_REACH = 24
_MAX_CANDIDATES = 24
_OBJECT_PRONOUNS = frozenset(
    ["him", "her", "them", "me", "us", "his", "its", "their", "my", "your", "our"]
)
_SUBJECT_PRONOUNS = frozenset(["he", "she", "they", "i", "it"])
_PREPOSITIONS_BEFORE = frozenset(
    [
        "to",
        "with",
        "at",
        "by",
        "of",
        "for",
        "from",
        "on",
        "upon",
        "towards",
        "toward",
        "into",
        "after",
        "about",
        "than",
        "like",
    ]
)


#: A verb right after a comma or "and" has no subject of its own ("He rose, and, turning, said").
_ELIDED = re.compile(r"(?:[,—–]|--|\band|\bbut|\bthen)\s*(?:\w+ly\s+)?$", re.IGNORECASE)
_SEGMENT = re.compile(r"[,;:—–]|--")
_CONJUNCTIONS = frozenset(["and", "but", "then", "yet", "so", "or", "nor", "however"])
#: A clause opening with one of these is subordinate: its subject is not the tag's.
_SUBORDINATORS = frozenset(
    [
        *("when", "whenever", "while", "whilst", "as", "if", "though", "although", "because"),
        *("since", "before", "after", "until", "till", "that", "which", "whom", "whose"),
        *("where", "unless", "lest", "whether", "what", "how", "once"),
    ]
)


def elided_subjects(head: str, near: bool) -> list[str]:
    """Subjects for a tag verb that has none of its own, nearest clause first.

    "He took the hint, and when Mary had finished, said" is the man's line: the subject is
    shared with the main clause, never taken from a subordinate one ("when Mary had
    finished"). A participle ("..., while Mrs. Reynolds replied that he was, adding") or a verb
    joined by "and" ("when she drew back, and said") leans on the nearest clause, subordinate
    or not (`near`). "NAME, who ... said" is NAME's.
    """
    segments = [s.split() for s in _SEGMENT.split(head)]
    found: list[str] = []
    for index in range(len(segments) - 1, -1, -1):
        words = segments[index]
        while words and words[0].lower() in _CONJUNCTIONS:
            words = words[1:]
        if not words:
            continue
        first = words[0].lower()
        if first == "who" and index > 0:
            before = [w for s in segments[:index] for w in s]
            found += [
                " ".join(before[start:end])
                for end in range(len(before), max(0, len(before) - 6), -1)
                for start in range(max(0, end - 4), end)
            ]
            break
        if first in _SUBORDINATORS:
            if not near:
                continue
            words = words[1:]
        found += [" ".join(words[:n]) for n in range(min(len(words), 4), 0, -1)]
    return found


def _skippable(word: str) -> bool:
    bare = word.lower().strip(",;")
    return bare in _SKIPPED or bare.endswith("ly") or (word.endswith(",") and bare.endswith("ing"))


def manner_in(fragment: str) -> str | None:
    """A manner named by a phrase ("with a slight slur", "in a whisper")."""
    for pattern, manner in _MANNER_PHRASES:
        if pattern.search(fragment):
            return manner
    return None


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans of text[start:end]; abbreviations such as "Mr." do not end one."""
    spans: list[tuple[int, int]] = []
    position = start
    for match in _SENTENCE_END.finditer(text, start, end):
        if _abbreviation(text, match):
            continue
        spans.append((position, match.end()))
        position = match.end()
    if position < end:
        spans.append((position, end))
    return [(a, b) for a, b in (_trim(text, a, b) for a, b in spans) if a < b]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _sentence_end(text: str, start: int, end: int) -> int:
    for match in _SENTENCE_END.finditer(text, start, end):
        if not _abbreviation(text, match):
            return match.end()
    return end


def _abbreviation(text: str, match: re.Match[str]) -> bool:
    """ "Mr." or an initial ("J.") ends no sentence."""
    return match.group().startswith(".") and bool(
        _ABBREVIATION.search(text, max(0, match.start() - 4), match.start())
    )


def _finish(
    text: str,
    subject: str | None,
    verb: str,
    manner: str | None,
    start: int,
    tag_end: int,
    sentence_end: int,
    candidates: tuple[str, ...] = (),
) -> Tag:
    """Decide how much to keep out of the narration: the tag and a short tail, or nothing."""
    tail = text[tag_end:sentence_end]
    manner = VERB_MANNER.get(verb.lower()) or manner or manner_in(text[start:sentence_end])
    removable = len(tail.split()) <= _SHORT_TAIL_WORDS and not re.search(r"[\"“”]", tail)
    return Tag(
        subject=subject,
        verb=verb,
        manner=manner,
        thought=verb.lower() in _THOUGHT_FORMS,
        start=start,
        end=sentence_end if removable else start,
        removable=removable,
        candidates=candidates or ((subject,) if subject else ()),
    )
