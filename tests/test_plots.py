import matplotlib.pyplot as plt
import pytest

from evaluatie import InputError
from evaluatie.plots import PALETTE, format_axis, house_style, save_figure


def _figure(label="aantal"):
    with house_style():
        fig, ax = plt.subplots()
        ax.bar(["School A", "School B"], [1234.5, 87.0], color=PALETTE[:2])
        ax.set_ylabel(label)
        format_axis(ax, "y", decimals=1)
    return fig


def test_save_figure_writes_all_formats_deterministically(tmp_path):
    paths = save_figure(_figure(), "test", source="synthetische data", n=1234, caption="Twee scholen.",
                        folder=tmp_path)
    assert sorted(paths) == ["pdf", "png", "svg", "txt"]
    assert paths["txt"].read_text(encoding="utf-8") == "Twee scholen.\nBron: synthetische data; n = 1.234\n"
    first = {k: paths[k].read_bytes() for k in ("svg", "pdf", "png")}
    again = save_figure(_figure(), "test", source="synthetische data", n=1234, caption="Twee scholen.",
                        folder=tmp_path)
    assert {k: again[k].read_bytes() for k in ("svg", "pdf", "png")} == first
    assert b"Bron: synthetische data; n = 1.234" in first["svg"]  # the footer is in the figure itself


def test_footer_replaced_not_stacked(tmp_path):
    fig = _figure()
    save_figure(fig, "a", source="x", n=1, caption="c", folder=tmp_path)
    save_figure(fig, "b", source="y", n=2, caption="c", folder=tmp_path, lang="en")
    footers = [t.get_text() for t in fig.texts if t.get_gid() == "evaluatie-footer"]
    assert footers == ["Source: y; n = 2"]


def test_tick_labels_are_dutch():
    fig = _figure()
    fmt = fig.axes[0].yaxis.get_major_formatter()
    assert fmt(1234.5, 0) == "1.234,5"
    ax = fig.axes[0]
    format_axis(ax, "y", percent=True)
    assert ax.yaxis.get_major_formatter()(0.25, 0) == "25%"


def test_save_figure_refuses_personal_data(tmp_path):
    with pytest.raises(InputError, match="persoonsgegevens"):
        save_figure(_figure("bel 06-12345678"), "x", source="s", n=1, caption="c", folder=tmp_path)
    with pytest.raises(InputError, match="pseudoniem"):
        save_figure(_figure(), "x", source="s", n=1, caption="leerling ps_0123456789abcdef", folder=tmp_path)



def test_tick_labels_made_by_a_formatter_are_checked_before_saving(tmp_path):
    """Tick labels from a formatter exist only once the figure is laid out (the guard checks them after a
    layout pass without pixels, not a full draw): a formatted tick that reads as a BSN is refused."""
    from matplotlib.ticker import FixedLocator, FuncFormatter

    fig = _figure()
    ax = fig.axes[0]
    ax.yaxis.set_major_locator(FixedLocator([0, 1000]))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: "111222333" if v == 1000 else "0"))
    with pytest.raises(InputError, match="persoonsgegevens"):
        save_figure(fig, "x", source="s", n=1, caption="c", folder=tmp_path)
    assert not list(tmp_path.iterdir())

def test_caption_starts_with_the_title_in_house_style(tmp_path):
    """House style puts titles on the left, where ``ax.get_title()`` does not look; the alt text must still
    start with the title (a bug found in review: captions began with '. ')."""
    fig = _figure()
    fig.axes[0].set_title("Verwijzingen per school")
    paths = save_figure(fig, "titel", source="synthetische data", n=2, caption="School A heeft er meer.",
                        folder=tmp_path)
    assert paths["txt"].read_text(encoding="utf-8").startswith("Verwijzingen per school. School A heeft er meer.\n")
    again = save_figure(fig, "titel", source="synthetische data", n=2, caption="Verwijzingen per school: A, B.",
                        folder=tmp_path)
    assert again["txt"].read_text(encoding="utf-8").startswith("Verwijzingen per school: A, B.\n")
    fig.axes[0].set_title("Hoeveel verwijzingen?")
    third = save_figure(fig, "titel", source="synthetische data", n=2, caption="Veel.", folder=tmp_path)
    assert third["txt"].read_text(encoding="utf-8").startswith("Hoeveel verwijzingen? Veel.\n")


def test_house_style_leaves_backend_state_alone():
    """A backend activated inside the style (Jupyter's inline backend sets interactive on) stays active.

    ``plt.rc_context`` restored every rcParam, so ``interactive`` fell back to False after the first
    figure of a notebook and matplotlib-inline stopped showing later figures.
    """
    import matplotlib

    before = matplotlib.is_interactive()
    try:
        matplotlib.interactive(False)
        with house_style({"axes.grid": False}):
            assert matplotlib.rcParams["axes.grid"] is False and matplotlib.rcParams["axes.titleweight"] == "bold"
            matplotlib.interactive(True)  # what IPython's activate_matplotlib does on first use of pyplot
        assert matplotlib.is_interactive()
        assert matplotlib.rcParams["axes.titleweight"] != "bold"  # the style itself is undone
    finally:
        matplotlib.interactive(before)


def test_plot_functions_use_house_style_not_rc_context(root):
    """Every plot function goes through house_style (rc_context(STYLE) breaks inline figures)."""
    offenders = [p.name for p in (root / "evaluatie").glob("*.py") if "rc_context(STYLE" in p.read_text()
                 or "rc_context({**STYLE" in p.read_text()]
    assert offenders == []


def test_long_titles_are_wrapped_not_cut_off(tmp_path):
    """A finding with its interval is wider than the plot: it is wrapped to the figure, so the PNG keeps
    the figure's width (a tight box around an unwrapped title doubled it and cut the end off)."""
    import matplotlib.pyplot as plt
    from PIL import Image

    from evaluatie.plots import save_figure

    finding = ("Na de start was de vraag naar tweedelijns jeugdhulp waarschijnlijk minder, maar nog niet zeker: "
               "−21% (95%-BI: −40% tot +5%).")
    fig, ax = plt.subplots(figsize=(8.0, 2.6))
    ax.plot([0, 1], [0, 1])
    ax.set_title(finding, loc="left", fontsize=11)
    paths = save_figure(fig, "lang", source="synthetisch", n=15, caption="Effect.", folder=tmp_path)
    assert "\n" in ax.get_title(loc="left") and " ".join(ax.get_title(loc="left").split()) == finding
    assert Image.open(paths["png"]).size[0] <= 8.3 * 300
    title = ax._left_title.get_window_extent(fig.canvas.get_renderer())
    assert title.x1 <= fig.bbox.x1
    assert paths["txt"].read_text(encoding="utf-8").startswith(finding)  # alt text: the title as one sentence


def test_png_is_300_dpi_unless_the_suite_asks_for_less(tmp_path, monkeypatch):
    """Figures for reports are print quality (README: PNG 300 dpi); the suite lowers it to save time only."""
    import matplotlib.pyplot as plt
    from PIL import Image

    from evaluatie.plots import save_figure

    monkeypatch.delenv("EVALUATIE_PNG_DPI", raising=False)
    fig, ax = plt.subplots(figsize=(4, 3))
    ax.plot([0, 1], [0, 1])
    png = save_figure(fig, "dpi", source="synthetisch", n=1, caption="Lijn.", folder=tmp_path, formats=("png",))["png"]
    assert round(Image.open(png).info["dpi"][0]) == 300
