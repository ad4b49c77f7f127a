"""Build the top-level sections of a script file: `game`, `characters` and `scenes`."""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from vn.script import nodes
from vn.script.assets import AssetIndex
from vn.script.ids import IdAllocator
from vn.script.model import Character, Game, Scene, Statement
from vn.script.nodes import Context
from vn.script.problems import Source
from vn.script.registry import CHARACTER_ID_PATTERN, RESERVED_WORDS, is_name
from vn.script.statements import SceneContext, build_statement, color_value

TOP_KEYS = ("game", "characters", "scenes")
GAME_KEYS = ("title", "content_note", "title_background", "title_music", "ending")
ENDING_KEYS = ("background", "text", "music")
CHARACTER_KEYS = ("name", "color", "sprite")
SCENE_KEYS = ("scene", "title", "card", "body")


@dataclass
class Declared:
    """What the files of a script declared so far, with where, to report duplicates."""

    characters: dict[str, Character] = field(default_factory=dict)
    character_sources: dict[str, Source] = field(default_factory=dict)
    scene_sources: dict[str, Source] = field(default_factory=dict)
    statement_sources: dict[str, tuple[str, int]] = field(default_factory=dict)


def check_keys(
    entries: list[tuple[str, yaml.Node, yaml.Node]],
    allowed: tuple[str, ...],
    where: str,
    ctx: Context,
) -> dict[str, yaml.Node]:
    """The entries as a dict, reporting keys that are not allowed here."""
    known: dict[str, yaml.Node] = {}
    for key, key_node, value in entries:
        if key in allowed:
            known[key] = value
        else:
            hint = nodes.did_you_mean(key, allowed) or "it takes: " + ", ".join(allowed)
            ctx.report(key_node, f"unknown key `{key}` in {where}", hint)
    return known


def build_characters(node: yaml.Node, ctx: Context, declared: Declared) -> None:
    """Add the characters of one file to `declared`, reporting bad or repeated ids."""
    table = nodes.mapping(node, "characters", ctx)
    if table is None:
        return
    for key, key_node, value in nodes.items(table, ctx):
        if not _character_id_ok(key, key_node, ctx, declared):
            continue
        character = _character(key, value, ctx)
        # A character with problems is still known by id, so its lines do not cascade.
        declared.characters[key] = character or Character(key, key, "#ffffff", key)
        declared.character_sources[key] = ctx.source(key_node)


def _character_id_ok(key: str, key_node: yaml.Node, ctx: Context, declared: Declared) -> bool:
    if CHARACTER_ID_PATTERN.fullmatch(key) is None:
        hint = "use lowercase letters, digits and `_`"
        ctx.report(key_node, f"`{key}` is not a valid character id", hint)
        return False
    if key in RESERVED_WORDS:
        message = f"`{key}` cannot be a character id: it is a statement word"
        ctx.report(key_node, message, f"choose another id, e.g. `{key}_1`")
        return False
    first = declared.character_sources.get(key)
    if first is not None:
        ctx.report(key_node, f"character `{key}` is declared twice (first at {first})")
        return False
    return True


def _character(key: str, node: yaml.Node, ctx: Context) -> Character | None:
    table = nodes.mapping(node, f"characters.{key}", ctx)
    if table is None:
        return None
    fields = check_keys(nodes.items(table, ctx), CHARACTER_KEYS, f"character `{key}`", ctx)
    ok = True
    for required in ("name", "color"):
        if required not in fields:
            ctx.report(table, f"character `{key}` has no `{required}`")
            ok = False
    name = nodes.text(fields["name"], "name", ctx) if "name" in fields else None
    color = color_value(fields["color"], ctx) if "color" in fields else None
    sprite: str | None = key
    if "sprite" in fields:
        sprite = nodes.text(fields["sprite"], "sprite", ctx)
        if sprite is not None and not is_name(sprite):
            hint = "a folder name under assets/characters: lowercase letters, digits, `_`, `-`"
            ctx.report(fields["sprite"], f"`{sprite}` is not a valid sprite folder", hint)
            sprite = None
    if not ok or name is None or color is None or sprite is None:
        return None
    return Character(key, name, color, sprite)


def build_game(node: yaml.Node, ctx: Context, assets: AssetIndex | None) -> Game | None:
    table = nodes.mapping(node, "game", ctx)
    if table is None:
        return None
    fields = check_keys(nodes.items(table, ctx), GAME_KEYS, "`game`", ctx)
    problems_before = len(ctx.problems)
    if "title" not in fields:
        ctx.report(table, "`game` has no `title`", "add `title: ...`")
    title = nodes.text(fields["title"], "title", ctx) if "title" in fields else None
    note = (
        nodes.text(fields["content_note"], "content_note", ctx) if "content_note" in fields else ""
    )
    title_background = (
        _asset_field(fields, "title_background", "backgrounds", ctx, assets) or "black"
    )
    title_music = _asset_field(fields, "title_music", "music", ctx, assets)
    ending = _ending(fields.get("ending"), ctx, assets)
    if len(ctx.problems) > problems_before or title is None or ending is None:
        return None
    return Game(title, note or "", title_background, title_music, *ending)


def _ending(
    node: yaml.Node | None, ctx: Context, assets: AssetIndex | None
) -> tuple[str, str, str | None] | None:
    if node is None:
        return "black", "The End", None
    table = nodes.mapping(node, "ending", ctx)
    if table is None:
        return None
    fields = check_keys(nodes.items(table, ctx), ENDING_KEYS, "`ending`", ctx)
    background = _asset_field(fields, "background", "backgrounds", ctx, assets) or "black"
    text = nodes.text(fields["text"], "text", ctx) if "text" in fields else "The End"
    music = _asset_field(fields, "music", "music", ctx, assets)
    return background, text or "The End", music


def _asset_field(
    fields: dict[str, yaml.Node], key: str, kind: str, ctx: Context, assets: AssetIndex | None
) -> str | None:
    if key not in fields:
        return None
    node = fields[key]
    name = nodes.text(node, key, ctx)
    if name is None:
        return None
    if not is_name(name):
        ctx.report(
            node, f"`{name}` is not a valid asset name", "lowercase letters, digits, `_`, `-`"
        )
        return None
    if assets is not None and not assets.exists(kind, name):
        message = f"no {kind.rstrip('s')} `{name}` in {assets.folder(kind)}"
        ctx.report(node, message, nodes.did_you_mean(name, assets.names(kind)))
        return None
    return name


def build_scenes(
    node: yaml.Node, ctx: Context, declared: Declared, assets: AssetIndex | None
) -> list[Scene]:
    items = nodes.sequence(node, "scenes", ctx)
    if items is None:
        return []
    scenes: list[Scene] = []
    for item in items.value:
        scene = _scene(item, ctx, declared, assets)
        if scene is not None:
            scenes.append(scene)
    return scenes


def _scene(
    node: yaml.Node, ctx: Context, declared: Declared, assets: AssetIndex | None
) -> Scene | None:
    table = nodes.mapping(node, "scene", ctx)
    if table is None:
        return None
    fields = check_keys(nodes.items(table, ctx), SCENE_KEYS, "a scene", ctx)
    scene_id = _scene_id(table, fields, ctx, declared)
    card = nodes.boolean(fields["card"], "card", ctx) if "card" in fields else True
    title = nodes.text(fields["title"], "title", ctx) if "title" in fields else None
    if "title" not in fields and card:
        ctx.report(table, "the scene has no `title`", "add `title: ...`, or `card: false`")
    if "body" not in fields:
        ctx.report(table, "the scene has no `body`", "add `body:` with its statements")
        return None
    # A scene without a usable id gets a throwaway id table, so its lines report nothing twice.
    seen = declared.statement_sources if scene_id else {}
    body = _body(fields["body"], scene_id or "scene", ctx, declared, assets, seen)
    if scene_id is None or card is None or body is None or (title is None and card):
        return None
    return Scene(scene_id, title or "", card, body, ctx.source(table))


def _scene_id(
    table: yaml.Node, fields: dict[str, yaml.Node], ctx: Context, declared: Declared
) -> str | None:
    if "scene" not in fields:
        ctx.report(table, "the scene has no id", "add `scene: an_id`")
        return None
    node = fields["scene"]
    scene_id = nodes.text(node, "scene", ctx)
    if scene_id is None:
        return None
    if not is_name(scene_id):
        hint = "lowercase letters, digits, `_` and `-`"
        ctx.report(node, f"`{scene_id}` is not a valid scene id", hint)
        return None
    first = declared.scene_sources.get(scene_id)
    if first is not None:
        ctx.report(node, f"duplicate scene id `{scene_id}` (first at {first})")
        return None
    declared.scene_sources[scene_id] = ctx.source(node)
    return scene_id


def _body(
    node: yaml.Node,
    scene_id: str,
    ctx: Context,
    declared: Declared,
    assets: AssetIndex | None,
    seen: dict[str, tuple[str, int]],
) -> tuple[Statement, ...] | None:
    items = nodes.sequence(node, "body", ctx)
    if items is None:
        return None
    if not items.value:
        ctx.report(node, "the scene's body is empty", "add at least one line")
        return None
    sc = SceneContext(ctx, declared.characters, assets, IdAllocator(scene_id), seen)
    built = [build_statement(item, sc) for item in items.value]
    statements = [statement for statement in built if statement is not None]
    return tuple(statements) if len(statements) == len(built) else None
