#!/usr/bin/env bash
# Takes the README's dashboard screenshots with headless Chromium (from Debian's packages) against data
# collected from the built-in emulator, then checks the PNGs are real, full-size images.
#
#   scripts/dashboard-screenshot.sh            # writes docs/dashboard.png and docs/dashboard-coin.png
#   OUT_DIR=/tmp/shots scripts/dashboard-screenshot.sh
#
# History: `coinpipe demo --market-minutes-ago N` runs the emulated market N minutes in the past, so a
# handful of demo runs a second apart give a day of price history (no waiting for minute boundaries).
set -euo pipefail

cd "$(dirname "$0")/.."
OUT_DIR=${OUT_DIR:-docs}
COINS=${COINS:-400}
mkdir -p "$OUT_DIR"

if ! command -v chromium >/dev/null 2>&1; then
    echo "screenshot: installing chromium from Debian's packages" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

echo "screenshot: building coinpipe" >&2
swift build --product coinpipe >&2
BIN="$(swift build --product coinpipe --show-bin-path)/coinpipe"

WORK=$(mktemp -d)
SERVER=""
cleanup() {
    if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

echo "screenshot: collecting history from the emulator into $WORK" >&2
for minutes in 1440 1260 1080 900 720 600 480 360 240 180 120 60 30 0; do
    "$BIN" demo --coins "$COINS" --out "$WORK/raw_data" --market-minutes-ago "$minutes" --log-level error \
        >/dev/null 2>>"$WORK/demo.log" || { cat "$WORK/demo.log" >&2; exit 1; }
done

PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
"$BIN" serve --out "$WORK/raw_data" --port "$PORT" --log-level warning &
SERVER=$!
BASE="http://127.0.0.1:$PORT"
for _ in $(seq 1 100); do
    if curl -fsS "$BASE/api/runs?limit=1" >/dev/null 2>&1; then break; fi
    sleep 0.1
done
curl -fsS "$BASE/api/runs?limit=1" >/dev/null

# The coin page: the top coin (its chart has the most history to show).
COIN=$(curl -fsS "$BASE/api/latest?per_page=1" | python3 -c 'import json, sys; print(json.load(sys.stdin)["items"][0]["id"])')

shoot() {
    local file=$1 url=$2
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
        --virtual-time-budget=4000 --window-size=1400,1000 --screenshot="$file" "$url" >/dev/null 2>&1
}
shoot "$OUT_DIR/dashboard.png" "$BASE/"
shoot "$OUT_DIR/dashboard-coin.png" "$BASE/coins/$COIN?range=all"

# Non-trivial: a PNG of the window's size, not tiny, with many distinct colours (not a blank page).
python3 - "$OUT_DIR/dashboard.png" "$OUT_DIR/dashboard-coin.png" <<'PY'
import struct, sys, zlib
for path in sys.argv[1:]:
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path}: not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1400, 1000), f"{path}: {width}x{height}, expected 1400x1000"
    assert len(data) > 40_000, f"{path}: only {len(data)} bytes; is the page blank?"
    print(f"screenshot: {path} {width}x{height} {len(data)} bytes", file=sys.stderr)
PY
echo "screenshot: wrote $OUT_DIR/dashboard.png and $OUT_DIR/dashboard-coin.png" >&2
