"""Time figure export: the nulmeting figures of the example pilot (17 figures × PNG, SVG, PDF).

Run: ``PYTHONPATH=. python benchmarks/save_figures.py``. Reports CPU seconds of this process
(``time.process_time``: stable on a busy machine) for drawing and saving all figures.
"""
import tempfile
import time
from pathlib import Path

from evaluatie.pilot import SECTIONS, _Context, load_pilot

ROOT = Path(__file__).resolve().parents[1]

if __name__ == "__main__":
    pilot = load_pilot(ROOT / "data_raw" / "voorbeeld" / "pilot.toml")
    with tempfile.TemporaryDirectory() as tmp:
        ctx = _Context(pilot, Path(tmp), lambda m: None)
        ctx.read("dossier")
        start = time.process_time()
        section, _ = SECTIONS["nulmeting"].builder(ctx, **pilot.analyses["nulmeting"])
        cpu = time.process_time() - start
    print(f"nulmeting: {len(section.figures)} figuren × 3 formaten: {cpu:.1f} s CPU")
