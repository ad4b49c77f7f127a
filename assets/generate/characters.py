"""The character busts: one face template, dressed and expressed per character."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

import numpy as np

from .figure import Figure
from .paint import Colour, blur, rgb
from .shapes import catmull_rom, ellipse, fill

W, H = 460, 640
CX = 230.0

SKIN = rgb("#ead9c0")
SKIN_SHADE = rgb("#c4a78b")
HAIR = rgb("#2a2e33")
HAIR_BROWN = rgb("#5a4636")
VEST = rgb("#56634c")
VEST_SHADE = rgb("#3c4836")
SHIRT = rgb("#2d3440")
PLATE = rgb("#b7bec2")
CLOTH = rgb("#3d4858")
BANDAGE = rgb("#f1ebdf")
MEDIC = rgb("#b3cab5")
MEDIC_SHADE = rgb("#88a08c")
MASK = rgb("#e9efe6")
BLOOD = rgb("#8a1a16")
TEAR = rgb("#dfe9ee")
IRIS = rgb("#1e2226")


@dataclass(frozen=True)
class Expression:
    eyes: str = "open"  # open, half, closed, narrow, wide
    brows: str = "calm"  # calm, knit, sad, raised
    mouth: str = "calm"  # calm, smile, grit, open, slack, sob
    tears: bool = False
    blood: bool = False
    sweat: bool = False
    tone: str = "living"  # living, pale, grey
    headgear: bool = True  # False once the forehead protector has been taken off


def mirror(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    return [(2 * CX - x, y) for x, y in points]


def side_pair(points: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    return [points, mirror(points)]


# --- body ---------------------------------------------------------------------------------


def torso(f: Figure, medic: bool = False) -> None:
    shirt = MEDIC_SHADE if medic else SHIRT
    f.shape(
        [
            (-10, 660),
            (0, 560),
            (40, 505),
            (120, 470),
            (190, 452),
            (270, 452),
            (340, 470),
            (420, 505),
            (460, 560),
            (470, 660),
        ],
        shirt,
        shade=(0.1, 0.1, 0.12),
    )
    neck = f.shape([(196, 360), (264, 360), (270, 470), (190, 470)], SKIN, shade=SKIN_SHADE)
    f.tint(neck * blur(ellipse(f.field, CX, 392, 42, 22), 6), SKIN_SHADE, 0.6)
    if medic:
        f.shape(
            [
                (20, 660),
                (30, 560),
                (70, 512),
                (140, 482),
                (196, 462),
                (230, 500),
                (264, 462),
                (320, 482),
                (390, 512),
                (430, 560),
                (440, 660),
            ],
            MEDIC,
            shade=MEDIC_SHADE,
        )
        f.line([(196, 462), (230, 500), (264, 462)], [2.5, 3.5, 2.5])
        f.line([(230, 500), (230, 660)], [3, 2.5])
        return
    for side in side_pair(
        [(18, 660), (24, 560), (60, 512), (128, 484), (172, 470), (186, 520), (196, 660)]
    ):
        f.shape(side, VEST, shade=VEST_SHADE)
    for side in side_pair(
        [(132, 488), (150, 440), (178, 424), (204, 440), (214, 478), (190, 512), (156, 510)]
    ):
        f.shape(side, VEST, shade=VEST_SHADE)
        f.line(
            [(side[1][0] + 4 * (1 if side[1][0] < CX else -1), 452), (side[3][0], 450)],
            [0.6, 1.6, 0.6],
            VEST_SHADE,
        )
    for side in side_pair([(92, 585), (160, 585), (160, 660), (92, 660)]):
        f.shape(side, VEST_SHADE, shade=(0.12, 0.14, 0.12))
        f.line([(side[0][0] + 6, 600), (side[1][0] - 6, 600)], [2, 2])
    for side in side_pair([(64, 520), (130, 500)]):
        f.line(side, [2.5, 2.5])


# --- head ---------------------------------------------------------------------------------

FACE = [
    (150, 250),
    (150, 300),
    (160, 342),
    (190, 382),
    (230, 400),
    (270, 382),
    (300, 342),
    (310, 300),
    (310, 250),
    (296, 200),
    (230, 176),
    (164, 200),
]


def head(f: Figure) -> None:
    for side in side_pair([(156, 280), (136, 278), (132, 304), (142, 330), (160, 332)]):
        f.shape(side, SKIN, shade=SKIN_SHADE, line=2.6)
    skin = f.shape(FACE, SKIN, shade=SKIN_SHADE)
    f.tint(skin * blur(ellipse(f.field, CX + 58, 330, 18, 30), 8), SKIN_SHADE, 0.35)


def hair_shadow(f: Figure, above: float) -> None:
    """The shade the hair and band cast on the brow, a soft wash just under them."""

    skin = fill(f.field, catmull_rom(FACE, closed=True, steps=10))
    ys = np.arange(H)[:, None] + 0.5
    band = np.clip((above + 26 - ys) / 26.0, 0.0, 1.0) * (ys > above - 40)
    f.tint(skin * blur(band * np.ones((1, W)), 4.0), SKIN_SHADE, 0.55)


def face(f: Figure, e: Expression) -> None:
    eye_y = 292.0
    for s in (-1.0, 1.0):
        x = CX + s * 40
        _eye(f, x, eye_y, s, e.eyes)
        _brow(f, x, eye_y - 34, s, e.brows)
    f.line([(CX + 4, 300), (CX + 10, 330), (CX + 2, 338)], [1.6, 2.6, 1.4])
    _mouth(f, 366.0, e.mouth)


def _eye(f: Figure, x: float, y: float, s: float, kind: str) -> None:
    inner, outer = x - s * 19, x + s * 21
    if kind == "closed":
        f.line([(inner, y + 2), (x, y + 7), (outer, y + 1)], [1.5, 3.6, 1.8])
        f.line([(x - s * 4, y + 14), (x + s * 12, y + 13)], [0.8, 1.4, 0.8], SKIN_SHADE)
        return
    lid = {"open": 9.0, "wide": 12.0, "half": 2.0, "narrow": 4.0}[kind]
    low = {"open": 6.0, "wide": 8.0, "half": 5.0, "narrow": 4.0}[kind]
    white = [(inner, y + 1), (x, y - lid), (outer, y - 1), (x, y + low)]
    f.shape(white, rgb("#f3eee6"), line=None)
    iris_y = y + (2.5 if kind == "half" else 0.5)
    iris = ellipse(f.field, x - s * 1, iris_y, 8.2, 9.2) * _inside(f, white)
    f.lay(iris, IRIS)
    f.lay(
        ellipse(f.field, x - s * 3 - 2, iris_y - 3, 1.8, 1.8)
        * _inside(f, white)
        * (kind != "half"),
        (0.95, 0.94, 0.9),
    )
    if kind == "half":
        f.shape([(inner - 1, y + 1), (x, y - 14), (outer + 1, y - 2), (x, y + 1)], SKIN, line=None)
    f.line(
        [(inner - s * 2, y + 2), (x - s * 4, y - lid - 0.5), (outer + s * 2, y - 2)],
        [2.0, 4.4, 3.2],
    )
    f.line(
        [(inner + s * 4, y + low - 1), (x, y + low + 1), (outer - s * 3, y + low - 2)],
        [0.6, 1.4, 0.6],
    )


def _inside(f: Figure, points: list[tuple[float, float]]) -> np.ndarray:

    return fill(f.field, catmull_rom(points, closed=True, steps=8))


def _brow(f: Figure, x: float, y: float, s: float, kind: str) -> None:
    inner, outer = x - s * 22, x + s * 24
    lift_in, lift_out = {"calm": (0, -2), "knit": (8, -6), "sad": (-8, 4), "raised": (-6, -4)}[kind]
    f.line(
        [(inner, y + lift_in), (x, y - 4 + (lift_in + lift_out) / 3), (outer, y + lift_out)],
        [5.0, 4.0, 1.4],
    )


def _mouth(f: Figure, y: float, kind: str) -> None:
    if kind == "calm":
        f.line([(CX - 20, y), (CX, y + 1.5), (CX + 18, y - 1)], [1.2, 3.0, 1.2])
    elif kind == "smile":
        f.line([(CX - 22, y - 4), (CX, y + 3), (CX + 22, y - 5)], [1.2, 3.0, 1.2])
    elif kind == "slack":
        f.line([(CX - 14, y + 1), (CX, y + 2), (CX + 12, y)], [1.0, 2.2, 1.0])
    elif kind == "grit":
        f.shape(
            [
                (CX - 26, y - 4),
                (CX, y - 7),
                (CX + 26, y - 5),
                (CX + 22, y + 6),
                (CX, y + 9),
                (CX - 22, y + 6),
            ],
            rgb("#f4efe6"),
            line=2.6,
        )
        f.line([(CX - 24, y + 1), (CX + 24, y)], [1.0, 1.6, 1.0], smooth=False)
        for k in (-12, 0, 12):
            f.line([(CX + k, y - 5), (CX + k, y + 7)], [1.0, 1.0], smooth=False)
    elif kind in ("open", "sob"):
        depth = 16 if kind == "sob" else 11
        f.shape(
            [
                (CX - 20, y - 2),
                (CX, y - 6),
                (CX + 20, y - 2),
                (CX + 12, y + depth),
                (CX, y + depth + 3),
                (CX - 12, y + depth),
            ],
            rgb("#4a2a28"),
            line=2.6,
        )
        f.line([(CX - 14, y - 1), (CX + 14, y - 1)], [0.5, 3, 0.5], rgb("#f4efe6"))


def tears(f: Figure) -> None:
    for s in (-1.0, 1.0):
        x = CX + s * 44
        f.line([(x, 300), (x + s * 3, 330), (x + s * 1, 360)], [4.0, 3.2, 1.0], TEAR)
        f.line([(x - 2, 300), (x + s * 3 - 2, 330)], [1.2, 0.6], (0.5, 0.6, 0.68))


def sweat(f: Figure) -> None:
    f.shape([(296, 226), (300, 238), (296, 246), (291, 238)], TEAR, line=1.4)
    f.shape([(168, 256), (171, 266), (168, 272), (164, 266)], TEAR, line=1.2)


def blood_at_lips(f: Figure) -> None:
    f.line([(CX + 8, 368), (CX + 14, 382), (CX + 11, 398)], [3.2, 2.4, 1.0], BLOOD)
    f.lay(blur(ellipse(f.field, CX + 6, 367, 11, 3.5), 1.2) * 0.8, BLOOD)


def apply_tone(f: Figure, tone: str) -> None:
    if tone == "living":
        return
    grey = f.rgb.mean(axis=2, keepdims=True)
    if tone == "pale":
        f.rgb = f.rgb * 0.55 + grey * 0.45
        f.rgb = f.rgb * 0.8 + np.array(rgb("#e4e2da")) * 0.2
    else:
        f.rgb = grey * 0.8 + np.array(rgb("#c9ccd0")) * 0.2 * (grey > 0.3)
        f.rgb = f.rgb * 0.9 + np.array(rgb("#9aa2a8")) * 0.1


# --- headgear and hair ---------------------------------------------------------------------


def headband(f: Figure, y: float = 206.0) -> None:
    hair_shadow(f, y + 38)
    f.shape(
        [
            (146, y + 16),
            (168, y - 4),
            (230, y - 12),
            (292, y - 4),
            (314, y + 16),
            (312, y + 40),
            (292, y + 28),
            (230, y + 22),
            (168, y + 28),
            (148, y + 40),
        ],
        CLOTH,
        shade=(0.14, 0.16, 0.2),
    )
    plate(f, y)


def plate(f: Figure, y: float) -> None:
    f.shape(
        [(176, y - 2), (230, y - 9), (284, y - 2), (282, y + 28), (230, y + 22), (178, y + 28)],
        PLATE,
        shade=rgb("#7f878c"),
        closed_steps=3,
    )
    for x in (188, 272):
        f.lay(ellipse(f.field, x, y + 10, 2.6, 2.6), (0.35, 0.37, 0.4))
    f.line(
        [(214, y + 14), (226, y + 4), (240, y + 8), (234, y + 18), (222, y + 14), (246, y + 12)],
        [1.8, 2.4, 1.8],
        (0.3, 0.32, 0.35),
    )


def bandana(f: Figure, with_plate: bool = True, colour: Colour = CLOTH, y: float = 212.0) -> None:
    hair_shadow(f, y + 28)
    f.shape(
        [
            (140, y + 30),
            (146, y - 30),
            (178, 142),
            (230, 128),
            (282, 142),
            (314, y - 30),
            (320, y + 30),
            (292, y + 18),
            (230, y + 12),
            (168, y + 18),
        ],
        colour,
        shade=(0.14, 0.16, 0.2),
    )
    f.line([(176, 160), (200, 196)], [1.0, 2.0, 1.0])
    f.line([(284, 160), (262, 196)], [1.0, 2.0, 1.0])
    if with_plate:
        plate(f, y - 8)


def spiky_hair(f: Figure) -> None:
    pts = [
        (138, 262),
        (112, 226),
        (132, 214),
        (96, 168),
        (140, 168),
        (120, 110),
        (172, 132),
        (176, 70),
        (214, 112),
        (246, 52),
        (262, 108),
        (310, 68),
        (304, 124),
        (356, 112),
        (326, 168),
        (368, 176),
        (328, 212),
        (350, 238),
        (318, 262),
        (300, 214),
        (230, 196),
        (160, 214),
    ]
    f.poly(np.array(pts, dtype=float), HAIR, line=3.4, streaked=True)
    _strands(f, [((180, 150), (200, 200)), ((240, 110), (236, 190)), ((290, 150), (280, 205))])


FRINGE_DOME = [(134, 220), (152, 176), (200, 150), (260, 150), (306, 176), (326, 230)]
# Without the bandana the dome has to reach the top of the skull the cloth used to cover.
BARE_DOME = [(132, 218), (144, 168), (184, 136), (230, 126), (276, 136), (316, 168), (328, 228)]


def fringe_hair(f: Figure, dome: list[tuple[float, float]] = FRINGE_DOME) -> None:
    f.shape(
        [
            (140, 300),
            *dome,
            (322, 300),
            (308, 300),
            (300, 232),
            (262, 220),
            (236, 232),
        ],
        HAIR_BROWN,
        shade=HAIR,
        streaked=True,
    )
    f.shape(
        [
            (150, 214),
            (196, 204),
            (236, 226),
            (262, 268),
            (268, 316),
            (250, 352),
            (238, 330),
            (222, 318),
            (198, 314),
            (178, 326),
            (160, 344),
            (150, 290),
        ],
        HAIR_BROWN,
        shade=HAIR,
        streaked=True,
    )
    _strands(f, [((200, 214), (238, 300)), ((180, 222), (196, 276)), ((214, 212), (252, 320))])


def untidy_hair(f: Figure) -> None:
    for side in side_pair(
        [(150, 220), (118, 196), (132, 236), (106, 250), (136, 262), (118, 290), (150, 286)]
    ):
        f.poly(np.array(side, dtype=float), HAIR, line=3.0, streaked=True)


def long_hair(f: Figure) -> None:
    f.shape(
        [(150, 210), (120, 260), (108, 360), (96, 470), (150, 450), (164, 360), (160, 262)],
        HAIR_BROWN,
        shade=HAIR,
        streaked=True,
    )
    f.shape(
        [(310, 210), (340, 260), (352, 360), (364, 470), (310, 450), (296, 360), (300, 262)],
        HAIR_BROWN,
        shade=HAIR,
        streaked=True,
    )
    _strands(f, [((128, 300), (118, 440)), ((336, 300), (346, 440))])


def front_locks(f: Figure) -> None:
    for side in side_pair([(160, 236), (186, 236), (176, 290), (162, 320), (152, 280)]):
        f.shape(side, HAIR_BROWN, shade=HAIR, streaked=True)


def short_hair(f: Figure) -> None:
    f.shape(
        [
            (146, 270),
            (138, 210),
            (160, 160),
            (230, 134),
            (300, 160),
            (322, 210),
            (314, 270),
            (300, 230),
            (230, 214),
            (160, 230),
        ],
        HAIR,
        line=3.2,
        streaked=True,
    )
    _strands(f, [((200, 150), (190, 190)), ((260, 150), (270, 190))])


def ponytail(f: Figure) -> None:
    f.poly(
        np.array(
            [
                (216, 152),
                (190, 92),
                (220, 112),
                (222, 44),
                (244, 100),
                (270, 36),
                (268, 102),
                (312, 70),
                (284, 118),
                (322, 118),
                (258, 152),
            ],
            dtype=float,
        ),
        HAIR,
        line=3.0,
        streaked=True,
    )
    f.shape([(212, 140), (250, 136), (252, 156), (214, 160)], CLOTH, line=2.4)


def smooth_hair(f: Figure) -> None:
    f.shape(
        [
            (146, 268),
            (140, 210),
            (164, 164),
            (230, 144),
            (296, 164),
            (320, 210),
            (314, 268),
            (300, 230),
            (230, 216),
            (160, 230),
        ],
        HAIR,
        line=3.2,
        streaked=True,
    )
    _strands(f, [((190, 170), (226, 150)), ((270, 170), (236, 150))])


def _strands(f: Figure, pairs: list[tuple[tuple[float, float], tuple[float, float]]]) -> None:
    for a, b in pairs:
        f.line(
            [a, ((a[0] + b[0]) / 2 + 4, (a[1] + b[1]) / 2), b], [0.6, 2.0, 0.6], (0.55, 0.57, 0.6)
        )


def nose_bandage(f: Figure) -> None:
    f.shape(
        [(186, 304), (230, 298), (276, 304), (276, 322), (230, 318), (186, 322)],
        BANDAGE,
        shade=rgb("#cfc6b6"),
        line=2.4,
        closed_steps=3,
    )
    f.line([(200, 306), (200, 318)], [1.0, 1.0], rgb("#bfb4a2"), smooth=False)
    f.line([(262, 306), (262, 318)], [1.0, 1.0], rgb("#bfb4a2"), smooth=False)


def nose_scar(f: Figure) -> None:
    f.line([(184, 316), (230, 312), (278, 318)], [1.0, 3.4, 1.0], rgb("#9c6f5e"))


def face_scar(f: Figure) -> None:
    f.shape(
        [(236, 300), (262, 282), (300, 290), (306, 332), (284, 354), (256, 338)],
        rgb("#d3b7a0"),
        line=None,
    )
    f.line([(236, 300), (262, 282), (300, 290)], [0.6, 1.8, 0.6], rgb("#8a6454"))
    f.line([(256, 338), (284, 354), (306, 332)], [0.6, 1.6, 0.6], rgb("#8a6454"))
    f.line([(170, 330), (214, 316), (262, 300)], [0.8, 2.8, 0.8], rgb("#8a5e50"))


def stubble(f: Figure) -> None:
    dots = f.rng.random((f.h, f.w)) > 0.82
    jaw = _inside(
        f,
        [
            (168, 340),
            (196, 380),
            (230, 396),
            (264, 380),
            (292, 340),
            (270, 360),
            (230, 380),
            (190, 360),
        ],
    )
    f.lay(dots * jaw * 0.45, HAIR)
    f.shape(
        [(214, 380), (230, 376), (246, 380), (240, 398), (230, 404), (220, 398)], HAIR, line=1.6
    )


def senbon(f: Figure) -> None:
    f.line([(CX + 8, 367), (CX + 60, 376), (CX + 112, 386)], [2.4, 2.0, 1.2], rgb("#c9cdd0"))
    f.line([(CX + 8, 369), (CX + 112, 388)], [0.8, 0.6], (0.2, 0.22, 0.25), smooth=False)


def medic_gear(f: Figure) -> None:
    hair_shadow(f, 228)
    f.shape(
        [
            (138, 262),
            (140, 190),
            (172, 146),
            (230, 130),
            (288, 146),
            (320, 190),
            (322, 262),
            (304, 236),
            (292, 214),
            (230, 204),
            (168, 214),
            (156, 236),
        ],
        MEDIC,
        shade=MEDIC_SHADE,
    )
    f.line([(166, 218), (230, 208), (294, 218)], [1.2, 2.0, 1.2], MEDIC_SHADE)
    f.shape(
        [
            (152, 318),
            (230, 310),
            (308, 318),
            (300, 364),
            (268, 394),
            (230, 404),
            (192, 394),
            (160, 364),
        ],
        MASK,
        shade=rgb("#c3cdc2"),
    )
    for y in (336, 356):
        f.line([(176, y), (230, y - 2), (284, y)], [0.6, 1.4, 0.6], rgb("#b2bdb0"))
    f.line([(152, 322), (136, 300)], [2.0, 1.2], MASK)
    f.line([(308, 322), (324, 300)], [2.0, 1.2], MASK)


# --- the cast ------------------------------------------------------------------------------


def _kotetsu(f: Figure, e: Expression) -> None:
    torso(f)
    head(f)
    face(f, e)
    nose_bandage(f)
    spiky_hair(f)
    headband(f)


def _izumo(f: Figure, e: Expression) -> None:
    f.shape(
        [(146, 240), (130, 330), (150, 400), (310, 400), (330, 330), (314, 240)],
        HAIR_BROWN,
        shade=HAIR,
        streaked=True,
    )
    torso(f)
    head(f)
    face(f, e)
    if e.headgear:
        fringe_hair(f)
        bandana(f)
        return
    hair_shadow(f, 232)
    fringe_hair(f, BARE_DOME)
    _strands(f, [((230, 132), (214, 170)), ((262, 140), (276, 190)), ((196, 146), (172, 186))])


def _iwashi(f: Figure, e: Expression) -> None:
    untidy_hair(f)
    torso(f)
    head(f)
    face(f, e)
    stubble(f)
    bandana(f, colour=rgb("#4a4f55"))


def _genma(f: Figure, e: Expression) -> None:
    long_hair(f)
    torso(f)
    head(f)
    face(f, e)
    front_locks(f)
    bandana(f, with_plate=False, colour=rgb("#3a4658"))
    senbon(f)


def _raidou(f: Figure, e: Expression) -> None:
    torso(f)
    head(f)
    face(f, e)
    face_scar(f)
    short_hair(f)
    headband(f)


def _iruka(f: Figure, e: Expression) -> None:
    ponytail(f)
    torso(f)
    head(f)
    face(f, e)
    nose_scar(f)
    smooth_hair(f)
    headband(f)


def _medic(f: Figure, e: Expression) -> None:
    torso(f, medic=True)
    head(f)
    face(f, e)
    medic_gear(f)


Dresser = Callable[[Figure, Expression], None]

CAST: Mapping[str, tuple[Dresser, Mapping[str, Expression]]] = MappingProxyType(
    {
        "kotetsu": (
            _kotetsu,
            {
                "default": Expression(eyes="open", brows="calm", mouth="smile"),
                "strained": Expression(eyes="narrow", brows="knit", mouth="grit", sweat=True),
                "grief": Expression(eyes="wide", brows="sad", mouth="sob", tears=True),
            },
        ),
        "izumo": (
            _izumo,
            {
                "default": Expression(eyes="open", brows="calm", mouth="calm"),
                "fading": Expression(
                    eyes="half", brows="sad", mouth="slack", blood=True, tone="pale"
                ),
                "gone": Expression(eyes="closed", brows="calm", mouth="slack", tone="grey"),
                "bare": Expression(
                    eyes="closed", brows="calm", mouth="slack", tone="grey", headgear=False
                ),
            },
        ),
        "iwashi": (
            _iwashi,
            {
                "default": Expression(eyes="open", brows="knit", mouth="calm"),
                "crying": Expression(eyes="narrow", brows="sad", mouth="open", tears=True),
            },
        ),
        "genma": (_genma, {"default": Expression(eyes="half", brows="calm", mouth="calm")}),
        "raidou": (_raidou, {"default": Expression(eyes="open", brows="knit", mouth="calm")}),
        "iruka": (_iruka, {"default": Expression(eyes="open", brows="raised", mouth="calm")}),
        "medic": (_medic, {"default": Expression(eyes="open", brows="calm", mouth="calm")}),
    }
)


def bust(rng: np.random.Generator, sprite: str, expression: str) -> np.ndarray:
    """Paint one character in one expression: an RGBA float image, W x H."""
    dress, expressions = CAST[sprite]
    e = expressions[expression]
    f = Figure(rng, H, W)
    dress(f, e)
    apply_tone(f, e.tone)
    if e.tears:
        tears(f)
    if e.sweat:
        sweat(f)
    if e.blood:
        blood_at_lips(f)
    return f.result()
