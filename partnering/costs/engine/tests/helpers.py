import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[4]


def cli(command, spec, tmp_path):
    path = tmp_path / "spec.json"
    path.write_text(spec if isinstance(spec, str) else json.dumps(spec))
    proc = subprocess.run([sys.executable, "-m", "partnering.costs", command, str(path)],
                          capture_output=True, text=True, cwd=ROOT)
    return proc.returncode, (json.loads(proc.stdout) if proc.returncode == 0 else None), proc.stderr
