#!/bin/sh
# Installs Debian's chromium for the browser tests when it is missing.
# Where it cannot be installed (not root, no apt), the browser tests skip and say why.
if [ -x /usr/bin/chromium ]; then
    exit 0
fi
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "note: /usr/bin/chromium is missing and cannot be installed here (needs root and apt-get); browser tests will be skipped"
    exit 0
fi
echo "installing Debian's chromium for the browser tests..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null 2>&1 || true
if ! apt-get install -y -qq chromium >/dev/null 2>&1; then
    echo "note: apt-get install chromium failed; browser tests will be skipped"
fi
exit 0
