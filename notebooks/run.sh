#!/usr/bin/env bash
# Executes every notebook in notebooks/ headless with the project's Deno kernel
# (notebooks/kernels/deno, Deno from the npm package `deno` in node_modules) through Debian's
# `jupyter nbconvert`, and fails if any cell fails. Executed copies go to results/notebooks/.
# The notebooks only read results/: the inputs they need are created first when missing
# (a one-day market-day run, and the validation loop of `npm run validate`).
#   notebooks/run.sh            # all notebooks
#   notebooks/run.sh compare    # only notebooks/compare.ipynb
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

DENO="$ROOT/node_modules/.bin/deno"
if [ ! -x "$DENO" ]; then
  echo "notebooks/run.sh: $DENO not found: the npm package deno is not installed (it is a devDependency; run npm install)" >&2
  exit 1
fi
if ! command -v jupyter-nbconvert >/dev/null 2>&1; then
  echo "notebooks/run.sh: jupyter-nbconvert not found: apt-get install jupyter-nbconvert python3-nbconvert jupyter-client python3-ipykernel" >&2
  exit 1
fi

export JUPYTER_PATH="$ROOT/notebooks${JUPYTER_PATH:+:$JUPYTER_PATH}"  # finds kernels/deno/kernel.json
export DENO_NO_UPDATE_CHECK=1
export DENO_DIR="${DENO_DIR:-$ROOT/results/.deno}"                  # Deno's caches stay inside the project
export PYDEVD_DISABLE_FILE_VALIDATION=1
export GOSSIP_RUN="${GOSSIP_RUN:-results/notebooks/run}"
export GOSSIP_VALIDATION="${GOSSIP_VALIDATION:-results/validation}"

gossip() { node "$ROOT/bin/gossip.mjs" "$@"; }

if [ ! -f "$GOSSIP_RUN/summary.json" ]; then
  echo "== notebooks: creating $GOSSIP_RUN (gossip sim scenarios/market-day.yaml, one day)"
  gossip sim scenarios/market-day.yaml --seed 1 --set duration=1d --out "$GOSSIP_RUN" --no-charts >/dev/null
fi
if [ ! -f "$GOSSIP_VALIDATION/comparison/comparison.json" ]; then
  echo "== notebooks: creating $GOSSIP_VALIDATION (the validation loop, scripts/validate.ts)"
  # A failing comparison still leaves its results to look at; a failing step does not.
  node "$ROOT/bin/run-ts.mjs" scripts/validate.ts --out "$GOSSIP_VALIDATION" || [ -f "$GOSSIP_VALIDATION/comparison/comparison.json" ]
fi

mkdir -p results/notebooks
notebooks=()
if [ $# -gt 0 ]; then for n in "$@"; do notebooks+=("notebooks/${n%.ipynb}.ipynb"); done; else notebooks=(notebooks/*.ipynb); fi
failed=0
for nb in "${notebooks[@]}"; do
  echo "== notebooks: executing $nb"
  set +e
  jupyter nbconvert --to notebook --execute --ExecutePreprocessor.kernel_name=deno \
    --ExecutePreprocessor.timeout=600 --output-dir results/notebooks "$nb" 2>&1 \
    | grep -v -e 'frozen modules' -e 'PYDEVD' -e 'Debugger warning' -e 'debugger miss' -e 'is unstable'
  rc=${PIPESTATUS[0]}
  set -e
  if [ "$rc" -ne 0 ]; then echo "FAILED: $nb (a cell failed, see above)" >&2; failed=1; fi
done
exit $failed
