"""Build one statement of a scene's body from its YAML node."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

import yaml

from vn.script import nodes
from vn.script.assets import AssetIndex
from vn.script.ids import IdAllocator, slug
from vn.script.model import (
    Ambience,
    Background,
    Character,
    Effect,
    Hide,
    Line,
    Music,
    Overlay,
    Pause,
    Show,
    Sound,
    Statement,
)
from vn.script.nodes import Context
from vn.script.problems import Source
from vn.script.registry import (
    COLOR_PATTERN,
    DEFAULT_DURATION,
    DEFAULT_EFFECT_DURATION,
    DEFAULT_EXPRESSION,
    DEFAULT_FLASH_COLOR,
    DEFAULT_POSITION,
    DEFAULT_SHAKE_STRENGTH,
    DEFAULT_TRANSITION,
    EFFECTS,
    MANNERS,
    OPTION_KEYS,
    OPTIONS,
    POSITIONS,
    STATEMENT_WORDS,
    TRANSITIONS,
    is_name,
)

_LABELS: Mapping[str, str] = MappingProxyType(
    {
        "backgrounds": "background",
        "overlays": "overlay",
        "music": "music",
        "ambience": "ambience",
        "sound": "sound",
    }
)


@dataclass
class SceneContext:
    """Everything a statement needs to know about the script around it."""

    ctx: Context
    characters: Mapping[str, Character]
    assets: AssetIndex | None
    ids: IdAllocator
    seen: dict[str, tuple[str, int]]


Options = dict[str, yaml.Node]
Built = tuple[str, Callable[[str, Source], Statement]] | None
_Builder = Callable[[yaml.Node, Options, SceneContext], Built]


def build_statement(node: yaml.Node, sc: SceneContext) -> Statement | None:
    """A statement, or None when its problems have been reported."""
    if isinstance(node, yaml.ScalarNode):
        return _finish(node, {}, sc, _narration(node, {}, sc))
    if not isinstance(node, yaml.MappingNode):
        sc.ctx.report(node, "expected a line of text or a mapping, got a list")
        return None
    entries = nodes.items(node, sc.ctx)
    head = _head(node, entries, sc)
    if head is None:
        return None
    word, value = head
    kind = word if word in STATEMENT_WORDS else "dialogue"
    options = _options(word, kind, entries, sc)
    if kind == "dialogue":
        built = _dialogue(word, value, options, sc)
    else:
        built = _BUILDERS[kind](value, options, sc)
    return _finish(node, options, sc, built)


def _head(
    node: yaml.MappingNode, entries: list[tuple[str, yaml.Node, yaml.Node]], sc: SceneContext
) -> tuple[str, yaml.Node] | None:
    heads = [(k, kn, v) for k, kn, v in entries if k in STATEMENT_WORDS or k in sc.characters]
    if len(heads) > 1:
        first, second = heads[0][0], heads[1][0]
        message = f"two statements in one item: `{first}` and `{second}`"
        sc.ctx.report(heads[1][1], message, "start each statement with its own `- `")
        return None
    if heads:
        return heads[0][0], heads[0][2]
    unknown = [(k, kn) for k, kn, _ in entries if k not in OPTION_KEYS]
    if not unknown:
        message = "this item has options but no statement or speaker"
        sc.ctx.report(node, message, "start it with a speaker id, `narrate:` or a statement word")
        return None
    key, key_node = unknown[0]
    choices = (*STATEMENT_WORDS, *sc.characters)
    hint = nodes.did_you_mean(key, choices)
    if hint and hint.removeprefix("did you mean ").rstrip("?") in STATEMENT_WORDS:
        sc.ctx.report(key_node, f"unknown statement `{key}`", hint)
    else:
        hint = hint or "declare the speaker under `characters:`"
        sc.ctx.report(key_node, f"unknown speaker `{key}`", hint)
    return None


def _options(
    head: str, kind: str, entries: list[tuple[str, yaml.Node, yaml.Node]], sc: SceneContext
) -> Options:
    allowed = OPTIONS[kind]
    options: Options = {}
    for key, key_node, value in entries:
        if key == head:
            continue
        if key in allowed:
            options[key] = value
        elif key == "thought" and kind == "narrate":
            message = "`thought: true` is only for a character's lines"
            sc.ctx.report(key_node, message, "narration is never a thought")
        elif key in OPTION_KEYS:
            takes = ", ".join(allowed)
            sc.ctx.report(key_node, f"`{key}` does not apply to `{head}`", f"it takes: {takes}")
        elif key in STATEMENT_WORDS or key in sc.characters:
            continue
        else:
            hint = nodes.did_you_mean(key, allowed) or "it takes: " + ", ".join(allowed)
            sc.ctx.report(key_node, f"unknown key `{key}` for `{head}`", hint)
    return options


def _finish(node: yaml.Node, options: Options, sc: SceneContext, built: Built) -> Statement | None:
    statement_id = _statement_id(options, sc, built[0] if built else None)
    if built is None or statement_id is None:
        return None
    source = sc.ctx.source(node)
    previous = sc.seen.get(statement_id)
    if previous is not None:
        where = f"{previous[0]}:{previous[1]}"
        message = f"duplicate id `{statement_id}` (first at {where})"
        sc.ctx.report(node, message, "give one of them its own `id:`")
        return None
    sc.seen[statement_id] = (source.file, source.line)
    return built[1](statement_id, source)


def _statement_id(options: Options, sc: SceneContext, base: str | None) -> str | None:
    if "id" in options:
        word = nodes.text(options["id"], "id", sc.ctx)
        if word is None:
            return None
        if not is_name(word):
            hint = "lowercase letters, digits, `_` and `-`"
            sc.ctx.report(options["id"], f"`{word}` is not a valid id", hint)
            return None
        return sc.ids.explicit(word)
    return sc.ids.derived(base) if base is not None else None


def _line_options(options: Options, sc: SceneContext) -> tuple[str | None, bool, bool] | None:
    manner = (
        nodes.choice(options["manner"], "manner", MANNERS, sc.ctx) if "manner" in options else None
    )
    inferred = (
        nodes.boolean(options["inferred"], "inferred", sc.ctx) if "inferred" in options else False
    )
    thought = (
        nodes.boolean(options["thought"], "thought", sc.ctx) if "thought" in options else False
    )
    if ("manner" in options and manner is None) or inferred is None or thought is None:
        return None
    return manner, inferred, thought


def _narration(value: yaml.Node, options: Options, sc: SceneContext) -> Built:
    words = nodes.text(value, "line", sc.ctx)
    extras = _line_options(options, sc)
    if words is None or extras is None:
        return None
    manner, inferred, _ = extras
    return slug(words), lambda sid, src: Line(sid, src, "narration", None, words, manner, inferred)


def _dialogue(speaker: str, value: yaml.Node, options: Options, sc: SceneContext) -> Built:
    words = nodes.text(value, "line", sc.ctx)
    extras = _line_options(options, sc)
    if words is None or extras is None:
        return None
    manner, inferred, thought = extras
    kind = "thought" if thought else "dialogue"
    return slug(words), lambda sid, src: Line(sid, src, kind, speaker, words, manner, inferred)


def _asset(
    node: yaml.Node, kind: str, what: str, sc: SceneContext, *, off: str | None = None
) -> tuple[bool, str | None]:
    """(ok, name): a name that must exist in assets; `off` (`none`, `stop`) gives (True, None)."""
    name = nodes.text(node, what, sc.ctx)
    if name is None:
        return False, None
    if off is not None and name == off:
        return True, None
    if not is_name(name):
        hint = "asset names are lowercase letters, digits, `_` and `-`, without folder or extension"
        sc.ctx.report(node, f"`{name}` is not a valid {_LABELS[kind]} name", hint)
        return False, None
    if sc.assets is not None and not sc.assets.exists(kind, name):
        message = f"no {_LABELS[kind]} `{name}` in {sc.assets.folder(kind)}"
        sc.ctx.report(node, message, nodes.did_you_mean(name, sc.assets.names(kind)))
        return False, None
    return True, name


def _transition(head: str, options: Options, sc: SceneContext) -> tuple[bool, str, float]:
    transition = DEFAULT_TRANSITION[head]
    ok = True
    if "transition" in options:
        chosen = nodes.choice(options["transition"], "transition", TRANSITIONS, sc.ctx)
        ok = chosen is not None
        transition = chosen or transition
    duration = 0.0 if transition == "cut" else DEFAULT_DURATION
    if "duration" in options:
        given = nodes.number(options["duration"], "duration", sc.ctx)
        ok = ok and given is not None
        duration = given if given is not None else duration
    return ok, transition, duration


def _background(value: yaml.Node, options: Options, sc: SceneContext) -> Built:
    found, name = _asset(value, "backgrounds", "bg", sc)
    ok, transition, duration = _transition("bg", options, sc)
    if not (found and ok) or name is None:
        return None
    return f"bg-{name}", lambda sid, src: Background(sid, src, name, transition, duration)


def _overlay(value: yaml.Node, options: Options, sc: SceneContext) -> Built:
    found, name = _asset(value, "overlays", "overlay", sc, off="none")
    ok, transition, duration = _transition("overlay", options, sc)
    if not (found and ok):
        return None
    return f"overlay-{name or 'none'}", lambda sid, src: Overlay(
        sid, src, name, transition, duration
    )


def _character(value: yaml.Node, head: str, sc: SceneContext) -> Character | None:
    who = nodes.text(value, head, sc.ctx)
    if who is None:
        return None
    character = sc.characters.get(who)
    if character is None:
        hint = nodes.did_you_mean(who, sc.characters) or "declare it under `characters:`"
        sc.ctx.report(value, f"unknown character `{who}`", hint)
    return character


def _show(value: yaml.Node, options: Options, sc: SceneContext) -> Built:
    character = _character(value, "show", sc)
    ok, transition, duration = _transition("show", options, sc)
    expression: str | None = DEFAULT_EXPRESSION
    if "expression" in options:
        expression = nodes.text(options["expression"], "expression", sc.ctx)
    at: str | None = DEFAULT_POSITION
    if "at" in options:
        at = nodes.choice(options["at"], "position", POSITIONS, sc.ctx)
    if character is None or expression is None:
        return None
    where = options.get("expression", value)
    if not _expression_exists(character, expression, where, sc) or at is None or not ok:
        return None
    return f"show-{character.id}", lambda sid, src: Show(
        sid, src, character.id, expression, at, transition, duration
    )


def _expression_exists(
    character: Character, expression: str, node: yaml.Node, sc: SceneContext
) -> bool:
    if not is_name(expression):
        sc.ctx.report(
            node,
            f"`{expression}` is not a valid expression name",
            "lowercase letters, digits, `_` and `-`",
        )
        return False
    if sc.assets is None or sc.assets.exists("characters", f"{character.sprite}/{expression}"):
        return True
    folder = f"{sc.assets.folder('characters')}/{character.sprite}"
    prefix = f"{character.sprite}/"
    known = [
        name[len(prefix) :] for name in sc.assets.names("characters") if name.startswith(prefix)
    ]
    message = f"no expression `{expression}` for `{character.id}` in {folder}"
    hint = nodes.did_you_mean(expression, known) or (
        "it has: " + ", ".join(known) if known else "that folder has no images"
    )
    sc.ctx.report(node, message, hint)
    return False


def _hide(value: yaml.Node, options: Options, sc: SceneContext) -> Built:
    character = _character(value, "hide", sc)
    ok, transition, duration = _transition("hide", options, sc)
    if character is None or not ok:
        return None
    return f"hide-{character.id}", lambda sid, src: Hide(
        sid, src, character.id, transition, duration
    )


def _fade(options: Options, sc: SceneContext) -> tuple[bool, float]:
    if "fade" not in options:
        return True, 0.0
    fade = nodes.number(options["fade"], "fade", sc.ctx)
    return fade is not None, fade or 0.0


def _music(value: yaml.Node, options: Options, sc: SceneContext) -> Built:
    found, name = _asset(value, "music", "music", sc, off="stop")
    ok, fade = _fade(options, sc)
    loop = nodes.boolean(options["loop"], "loop", sc.ctx) if "loop" in options else True
    if not (found and ok) or loop is None:
        return None
    return f"music-{name or 'stop'}", lambda sid, src: Music(sid, src, name, fade, loop)


def _ambience(value: yaml.Node, options: Options, sc: SceneContext) -> Built:
    found, name = _asset(value, "ambience", "ambience", sc, off="stop")
    ok, fade = _fade(options, sc)
    if not (found and ok):
        return None
    return f"ambience-{name or 'stop'}", lambda sid, src: Ambience(sid, src, name, fade)


def _sound(value: yaml.Node, options: Options, sc: SceneContext) -> Built:
    found, name = _asset(value, "sound", "sound", sc)
    volume = 1.0
    if "volume" in options:
        volume = nodes.number(options["volume"], "volume", sc.ctx, high=1.0)
    if not found or name is None or volume is None:
        return None
    return f"sound-{name}", lambda sid, src: Sound(sid, src, name, volume)


def _effect(value: yaml.Node, options: Options, sc: SceneContext) -> Built:
    name = nodes.choice(value, "effect", EFFECTS, sc.ctx)
    duration: float | None = DEFAULT_EFFECT_DURATION
    strength: float | None = DEFAULT_SHAKE_STRENGTH
    color: str | None = DEFAULT_FLASH_COLOR
    if "duration" in options:
        duration = nodes.number(options["duration"], "duration", sc.ctx)
    if "strength" in options:
        strength = nodes.number(options["strength"], "strength", sc.ctx, high=1000.0)
    if "color" in options:
        color = color_value(options["color"], sc.ctx)
    if name is None or duration is None or strength is None or color is None:
        return None
    return f"effect-{name}", lambda sid, src: Effect(sid, src, name, duration, strength, color)


def _pause(value: yaml.Node, options: Options, sc: SceneContext) -> Built:
    seconds = nodes.number(value, "pause", sc.ctx)
    if seconds is None:
        return None
    return "pause", lambda sid, src: Pause(sid, src, seconds)


def color_value(node: yaml.Node, ctx: Context) -> str | None:
    """A `#rrggbb` colour, lowercased."""
    if nodes.is_null(node):
        ctx.report(node, "empty color", 'quote it: "#rrggbb" (an unquoted # starts a comment)')
        return None
    value = nodes.text(node, "color", ctx)
    if value is None:
        return None
    if COLOR_PATTERN.fullmatch(value) is None:
        hint = 'write it as "#rrggbb", in quotes'
        ctx.report(node, f"`{value}` is not a colour", hint)
        return None
    return value.lower()


_BUILDERS: Mapping[str, _Builder] = MappingProxyType(
    {
        "narrate": _narration,
        "bg": _background,
        "overlay": _overlay,
        "show": _show,
        "hide": _hide,
        "music": _music,
        "ambience": _ambience,
        "sound": _sound,
        "effect": _effect,
        "pause": _pause,
    }
)
