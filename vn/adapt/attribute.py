"""Who says each quotation: a chain of sieves, the most precise first.

1. tag: the tag names the speaker ("Izumo insisted", "said Alice", "the Rabbit's voice").
2. pronoun: the tag's pronoun or description ("he slurred", "the older man snapped") read in
   context: the paragraph's speaker; whom the narration since the last line is about
   (vn.adapt.salience), or the main character when only pronouns kept that focus for long;
   the last speaker for "she added"; at a new paragraph of a conversation, the one the last
   line called by name or spoke to ("as he joined her"), else the other party of that gender.
3. beat: an action beside the quotation names who acts ("Izumo swallowed hard").
4. vocative: the previous line called someone by name, so they answer; or this line calls
   X, so the speaker is the other one present ("Shut up, Izumo" is never Izumo's); an
   unnamed new voice is the one the line before called by name.
5. turn-taking: untagged lines alternate between the last two speakers of a conversation.
6. unknown: no sieve could settle it; the line goes to "???" rather than to a guess.

The state is one small object walked forward once, so the whole book is linear time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from vn.adapt.characters import UNKNOWN_ID, Cast
from vn.adapt.refs import MARRIED_KIN, PARENTS_SIBLINGS, SPOUSES, Reference, fits
from vn.adapt.salience import NEUTER, Focus
from vn.adapt.tags import NEW_VOICE, Tag

_RECENCY_DEPTH = 8
_QUIET_PARAGRAPHS = 3
_ADDRESSEE_MEMORY = 10
_PARTICIPANTS = 4
#: Paragraphs since a character was named after which a "she" kept alone means the lead.
_STALE = 3
#: Tag verbs that carry on the last line's speech: "she added", "he went on".
CONTINUING_VERBS = frozenset(
    (
        *("continue", "continued", "continues", "continuing"),
        *("add", "added", "adds", "adding", "went on", "persisted", "persists"),
    )
)


@dataclass(frozen=True)
class Evidence:
    """What the prose says around one quotation piece."""

    tag: Tag | None
    tag_ref: Reference | None
    beats: tuple[tuple[Reference, bool], ...]
    vocatives: frozenset[str]
    mentions_before: tuple[str, ...]
    continues: bool
    utterance: int
    focus: tuple[Focus, ...] = ()
    clause: frozenset[str] = frozenset()
    addressed_gender: str | None = None

    @property
    def carries_on(self) -> bool:
        """ "she added": the tag says the speech goes on from the line before."""
        verb = " ".join(self.tag.verb.lower().split()) if self.tag else ""
        return verb in CONTINUING_VERBS


@dataclass(frozen=True)
class Attribution:
    """The speaker settled for a piece, how, and what the tag says of its manner."""

    speaker: str
    method: str
    manner: str | None = None
    thought: bool = False


@dataclass
class _Conversation:
    speakers: list[str] = field(default_factory=list)
    participants: list[str] = field(default_factory=list)
    addressees: frozenset[str] = frozenset()
    quiet: int = 0
    broken: bool = False

    def other_than(self, speaker: str) -> str | None:
        return next((s for s in self.speakers if s != speaker), None)

    def spoke(self, speaker: str) -> None:
        self.speakers = [speaker, *(s for s in self.speakers if s != speaker)][:2]
        if speaker != UNKNOWN_ID:
            others = (s for s in self.participants if s != speaker)
            self.participants = [speaker, *others][:_PARTICIPANTS]


@dataclass
class Attributor:
    """Walks the story once, keeping who was mentioned last and who is talking."""

    cast: Cast
    recency: list[str] = field(default_factory=list)
    conversation: _Conversation = field(default_factory=_Conversation)
    utterances: dict[int, Attribution] = field(default_factory=dict)
    clock: int = 0
    protagonist: str | None = None
    mentioned_at: dict[str, int] = field(default_factory=dict)
    last_spoke: dict[str, int] = field(default_factory=dict)
    named_here: set[str] = field(default_factory=set)
    salient: dict[str, str] = field(default_factory=dict)
    focused_since: set[str] = field(default_factory=set)
    called: frozenset[str] = frozenset()
    spoken_to: set[str] = field(default_factory=set)

    def mention(self, ident: str) -> None:
        if ident == UNKNOWN_ID:
            return
        self.mentioned_at[ident] = self.clock
        if self.recency and self.recency[-1] == ident:
            return
        if ident in self.recency:
            self.recency.remove(ident)
        self.recency.append(ident)
        del self.recency[:-_RECENCY_DEPTH]

    def focus(self, events: tuple[Focus, ...] | list[Focus]) -> None:
        """The narration was about these characters (None: the same one as before)."""
        for event in events:
            ident = event.ident
            if event.kin is not None:
                owner = ident or self.salient.get(event.owner_gender or "")
                kin = Reference("kin", gender=event.gender, key=event.kin)
                ident = self._kin_of(owner, kin) if owner else None
                if ident is None:
                    continue
                self.mention(ident)
            self.focused_since.add(event.gender)
            if ident is not None:
                self.salient[event.gender] = ident

    def realize(self, ident: str) -> None:
        """A character just spoke: the next "he" or "she" of the narration is most likely them."""
        gender = self.cast.gender(ident)
        if gender in ("male", "female"):
            self.salient[gender] = ident
        if self.cast.takes_it(ident):
            self.salient[NEUTER] = ident
        self.focused_since = set()

    def narration(
        self, mentions: tuple[str, ...] | list[str], focus: tuple[Focus, ...] | list[Focus] = ()
    ) -> None:
        """A paragraph with no quotation: a long stretch of them ends the conversation."""
        self.clock += 1
        for ident in mentions:
            self.mention(ident)
        self.focus(focus)
        self.conversation.quiet += 1
        if self.conversation.quiet >= _QUIET_PARAGRAPHS:
            self.reset()

    def reset(self) -> None:
        """A scene change or long narration: nobody is still talking."""
        self.conversation = _Conversation()

    def gap(self) -> None:
        """Blank lines where a line may be lost: who answers whom is no longer known."""
        self.conversation.broken = True

    def paragraph(self, pieces: list[Evidence]) -> list[Attribution]:
        """Attribute the quotation pieces of one paragraph, in order."""
        self.clock += 1
        self.named_here = set()
        self.spoken_to = set()
        self.called = self.conversation.addressees
        results: list[Attribution | None] = []
        speaker: Attribution | None = None
        first = True
        for evidence in pieces:
            for ident in evidence.mentions_before:
                self.mention(ident)
                self.named_here.add(ident)
            self.focus(evidence.focus)
            if speaker is None and not first and evidence.carries_on:
                speaker = self._conversational(pieces[0])
            found = self._own(evidence, speaker, first)
            self.called = evidence.vocatives
            first = False
            results.append(found)
            if found is not None and found.speaker != UNKNOWN_ID:
                self._spoken_to(evidence, found.speaker)
                speaker = found
                self.mention(found.speaker)
                self.realize(found.speaker)
        settled = self._fill(results, pieces)
        self._after(settled, pieces)
        return settled

    def _spoken_to(self, evidence: Evidence, speaker: str) -> None:
        """ "said he, as he joined her": the one "her" means is who the next reply comes from."""
        listener = self.salient.get(evidence.addressed_gender or "")
        if listener is not None and listener != speaker:
            self.spoken_to.add(listener)

    def _own(
        self, evidence: Evidence, speaker: Attribution | None, first: bool
    ) -> Attribution | None:
        if evidence.continues and evidence.utterance in self.utterances:
            earlier = self.utterances[evidence.utterance]
            return Attribution(earlier.speaker, earlier.method, None, earlier.thought)
        tagged = self._from_tag(evidence, speaker, first)
        if tagged is not None or speaker is not None:
            return tagged
        return self._from_beats(evidence, first)

    def _from_tag(
        self, evidence: Evidence, speaker: Attribution | None, first: bool
    ) -> Attribution | None:
        tag, reference = evidence.tag, evidence.tag_ref
        if tag is None or reference is None:
            return None
        manner, thought = tag.manner, tag.thought
        if reference.kind == "name" and reference.ident:
            return Attribution(reference.ident, "tag", manner, thought)
        current = speaker.speaker if speaker else None
        if reference.kind == "unknown":
            called = self._newcomer(current)
            if reference.key == NEW_VOICE and called is not None:
                return Attribution(called, "vocative", manner, thought)
            return Attribution(UNKNOWN_ID, "unknown", manner, thought)
        excluded = evidence.vocatives | evidence.clause
        ident = self.resolve(reference, excluded, current, first, evidence.carries_on)
        if ident is None:
            return None
        return Attribution(ident, "pronoun", manner, thought)

    def _newcomer(self, current: str | None) -> str | None:
        """A new voice answering a call: the one character the last line called by name."""
        previous = self.conversation.speakers[0] if self.conversation.speakers else None
        called = [c for c in sorted(self.called) if c not in (current, previous)]
        return called[0] if len(called) == 1 else None

    def _from_beats(self, evidence: Evidence, first: bool) -> Attribution | None:
        for want_name in (True, False):
            for reference, _after in evidence.beats:
                if (reference.kind == "name") != want_name:
                    continue
                if reference.kind == "unknown":
                    return Attribution(UNKNOWN_ID, "unknown")
                if reference.kind == "name":
                    if reference.ident and reference.ident not in evidence.vocatives:
                        return Attribution(reference.ident, "beat")
                    continue
                ident = self.resolve(reference, evidence.vocatives, None, first)
                if ident is not None:
                    return Attribution(ident, "beat")
        return None

    def resolve(
        self,
        reference: Reference,
        excluded: frozenset[str],
        current: str | None,
        first: bool,
        carries_on: bool = False,
    ) -> str | None:
        """The character a pronoun or description points at, or None."""
        gender_of = self.cast.gender
        if reference.kind == "kin":
            relative = self._relative(reference, excluded)
            if relative is not None:
                return relative
        if reference.kind == "other":
            previous = self.conversation.speakers[0] if self.conversation.speakers else current
            other = self.conversation.other_than(previous) if previous else None
            if other and other != UNKNOWN_ID and other not in excluded:
                return other
        else:
            found = self._in_context(reference, excluded, current, first, carries_on)
            if found is not None:
                return found
        candidates = [
            ident
            for ident in reversed(self.recency)
            if ident not in excluded and fits(reference, gender_of(ident))
        ]
        if reference.gender:
            exact = [c for c in candidates if gender_of(c) == reference.gender]
            candidates = exact or candidates
        if not candidates:
            return None
        candidates = self._protagonist_first(candidates, reference)
        previous = self.conversation.speakers[0] if self.conversation.speakers else None
        if first and reference.kind == "pronoun":
            addressed = [c for c in candidates if c in self.conversation.addressees]
            if addressed and addressed[0] != previous:
                return addressed[0]
        avoid = previous if first and previous not in self.named_here else None
        if reference.kind == "other":
            avoid = previous or current
        if candidates[0] == avoid and len(candidates) > 1:
            return candidates[1]
        return candidates[0]

    def _in_context(
        self,
        reference: Reference,
        excluded: frozenset[str],
        current: str | None,
        first: bool,
        carries_on: bool,
    ) -> str | None:
        """A pronoun read against the paragraph, the narration's focus and the conversation.

        In order: a pronoun later in a paragraph is its speaker; narration since the last
        line puts someone of that gender in focus; "she added" carries on the last speaker; a
        tag opening a new paragraph of a conversation means the other party of that gender;
        otherwise whoever the narration was last about.
        """

        def fitting(ident: str | None) -> bool:
            return (
                ident is not None
                and ident != UNKNOWN_ID
                and ident not in excluded
                and fits(reference, self.cast.gender(ident))
            )

        conversation = self.conversation
        previous = conversation.speakers[0] if conversation.speakers else None
        if fitting(current):
            return current
        gender = reference.gender or (NEUTER if reference.key == "it" else None)
        focused = self.salient.get(gender) if gender else None
        if gender in self.focused_since and fitting(focused):
            return self._fresh(focused, fitting)
        talking = previous is not None and conversation.quiet == 0 and not conversation.broken
        if carries_on and talking and fitting(previous):
            return previous
        if not first:
            return None
        if talking and previous is not None:
            turn = self._turn(fitting, previous)
            if turn is not None:
                return turn
        if fitting(focused) and not (focused == previous and conversation.quiet == 0):
            return focused
        return None

    def _fresh(self, focused: str | None, fitting: Callable[[str | None], bool]) -> str | None:
        """A focus kept by pronouns alone for many paragraphs most often is the main character."""
        lead = self.protagonist
        stale = self.clock - self.mentioned_at.get(focused or "", -_STALE) >= _STALE
        return lead if stale and lead != focused and fitting(lead) else focused

    def _turn(self, fitting: Callable[[str | None], bool], previous: str) -> str | None:
        """Who of the conversation answers: called by the last line, else the other party."""
        conversation = self.conversation
        addressed = [a for a in sorted(conversation.addressees) if a != previous and fitting(a)]
        others = [p for p in conversation.participants if p != previous and fitting(p)]
        if len(addressed) == 1:
            return addressed[0]
        return others[0] if others else None

    def _protagonist_first(self, candidates: list[str], reference: Reference) -> list[str]:
        """A pronoun whose nearest antecedent is stale most often means the main character."""
        lead = self.protagonist
        if reference.kind != "pronoun" or lead is None or candidates[0] == lead:
            return candidates
        if lead not in candidates or self.clock - self.mentioned_at.get(candidates[0], -99) <= 1:
            return candidates
        return [lead, *(c for c in candidates if c != lead)]

    def _relative(self, reference: Reference, excluded: frozenset[str]) -> str | None:
        """ "his wife": the woman sharing the family name of the man "his" points at."""
        gender_of = self.cast.gender
        spoke = self.conversation.speakers[:1]
        focused = [self.salient[reference.owner]] if reference.owner in self.salient else []
        owners = [*sorted(excluded), *spoke, *focused, *reversed(self.recency)]
        for owner in owners:
            if reference.owner not in (None, gender_of(owner)):
                continue
            relative = self._kin_of(owner, reference)
            if relative is not None:
                return relative
        if reference.key in MARRIED_KIN:
            home = self._household(owners, reference)
            titled = [
                i
                for i in reversed(self.recency)
                if self._married_fit(i, reference) and i not in home and i not in owners[:1]
            ]
            if home:
                titled.sort(key=lambda i: not self._couple(i))
            return titled[0] if titled else None
        return None

    def _couple(self, ident: str) -> bool:
        """A Mr. or Mrs. whose spouse is in the cast too: the likelier aunt and uncle."""
        title, surname = self.cast.family(ident)
        spouse = ("mrs" if title == "mr" else "mr", surname)
        return any(self.cast.family(i) == spouse for i in self.cast.characters if i != ident)

    def _household(self, owners: list[str], reference: Reference) -> set[str]:
        """ "her aunt" is never the owner's own mother: the owner and their titled parents."""
        if reference.key not in PARENTS_SIBLINGS:
            return set()
        owner = next((o for o in owners if reference.owner in (None, self.cast.gender(o))), None)
        if owner is None:
            return set()
        title, surname = self.cast.family(owner)
        if surname is None or title in {"mr", "mrs"}:
            return {owner}
        return {
            owner,
            *(i for i in self.cast.characters if self.cast.family(i) == ("mr", surname)),
            *(i for i in self.cast.characters if self.cast.family(i) == ("mrs", surname)),
        }

    def _married_fit(self, ident: str, reference: Reference) -> bool:
        """ "her aunt" with another family name: a Mrs. of the right gender, recently named."""
        title, _ = self.cast.family(ident)
        return title in {"mrs", "mr"} and fits(reference, self.cast.gender(ident))

    def _kin_of(self, owner: str, reference: Reference) -> str | None:
        """The relative of that family: a husband or wife only for a Mr. or Mrs."""
        title, surname = self.cast.family(owner)
        if surname is None or (reference.key in SPOUSES and title not in {"mr", "mrs"}):
            return None
        if reference.key in PARENTS_SIBLINGS:
            return None
        married = reference.key in MARRIED_KIN
        ranked = []
        for order, ident in enumerate(self.cast.characters):
            if ident == owner or not fits(reference, self.cast.gender(ident)):
                continue
            title, family = self.cast.family(ident)
            if family != surname or (married and title not in {"mrs", "mr"}):
                continue
            ranked.append((-self._recent(ident), order, ident))
        return min(ranked)[2] if ranked else None

    def _recent(self, ident: str) -> int:
        return self.recency.index(ident) + 1 if ident in self.recency else 0

    def _fill(self, results: list[Attribution | None], pieces: list[Evidence]) -> list[Attribution]:
        """Untagged pieces take the paragraph's speaker; a silent paragraph asks the talk."""
        known = [r for r in results if r is not None]
        if not known:
            found = self._conversational(pieces[0])
            return [found] * len(pieces)
        settled: list[Attribution] = []
        last: Attribution | None = None
        for result in results:
            if result is None:
                source = last or known[0]
                settled.append(Attribution(source.speaker, source.method, None, False))
            else:
                settled.append(result)
                last = result
        for index, piece in enumerate(pieces):
            result = settled[index]
            if result.manner is None and piece.tag is not None and piece.tag_ref is None:
                settled[index] = Attribution(result.speaker, result.method, piece.tag.manner)
        return settled

    def _conversational(self, evidence: Evidence) -> Attribution:
        manner = evidence.tag.manner if evidence.tag else None
        conversation = self.conversation
        own = evidence.vocatives
        previous = conversation.speakers[0] if conversation.speakers else None
        if not conversation.broken:
            for addressee in sorted(conversation.addressees):
                if addressee in own or addressee == previous:
                    continue
                spoke = self.last_spoke.get(addressee)
                recent = spoke is not None and self.clock - spoke <= _ADDRESSEE_MEMORY
                if recent or len(conversation.speakers) < 2:
                    return Attribution(addressee, "vocative", manner)
            if previous is not None:
                other = conversation.other_than(previous) or self._bystander(previous, own)
                if other is not None and other not in own:
                    method = "unknown" if other == UNKNOWN_ID else "turn-taking"
                    return Attribution(other, method, manner)
        if own:
            present = [i for i in reversed(self.recency) if i not in own]
            if present:
                return Attribution(present[0], "vocative", manner)
        return Attribution(UNKNOWN_ID, "unknown", manner)

    def _bystander(self, previous: str, own: frozenset[str]) -> str | None:
        """With one known speaker, the other party is whoever else was mentioned last."""
        if previous == UNKNOWN_ID:
            return None
        return next((i for i in reversed(self.recency) if i != previous and i not in own), None)

    def _after(self, settled: list[Attribution], pieces: list[Evidence]) -> None:
        conversation = self.conversation
        for attribution, evidence in zip(settled, pieces, strict=True):
            conversation.spoke(attribution.speaker)
            self.realize(attribution.speaker)
            self.last_spoke[attribution.speaker] = self.clock
            self.utterances[evidence.utterance] = attribution
        called = frozenset().union(*(p.vocatives for p in pieces))
        conversation.addressees = called or frozenset(self.spoken_to)
        conversation.quiet = 0
        conversation.broken = False
