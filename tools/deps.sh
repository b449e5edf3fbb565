#!/bin/sh
# Checks the build and test dependencies; installs the missing ones with
# apt-get when run as root, otherwise prints the exact command and fails.
set -u
missing=""
need_pkg() { # debian-package pkg-config-name-or-header
	case "$2" in
	*.h) [ -f "/usr/include/$2" ] || missing="$missing $1" ;;
	*)   pkg-config --exists "$2" 2>/dev/null || missing="$missing $1" ;;
	esac
}
need_cmd() { command -v "$2" >/dev/null 2>&1 || missing="$missing $1"; }

need_cmd build-essential cc
need_cmd build-essential make
need_cmd pkg-config pkg-config
if command -v pkg-config >/dev/null 2>&1; then
	need_pkg libncurses-dev ncursesw
	need_pkg libsqlite3-dev sqlite3
	need_pkg libcmocka-dev cmocka
fi
need_pkg libcsv-dev csv.h
need_cmd tmux tmux
need_cmd sqlite3 sqlite3
need_cmd calcurse calcurse
need_cmd time /usr/bin/time
need_cmd procps pgrep

missing=$(echo $missing | tr ' ' '\n' | sort -u | tr '\n' ' ')
[ -z "${missing% }" ] && exit 0
cmd="apt-get install -y --no-install-recommends ${missing% }"
if [ "$(id -u)" = 0 ]; then
	echo "pipebench: installing:${missing% }" >&2
	DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
	DEBIAN_FRONTEND=noninteractive $cmd >/dev/null || {
		echo "pipebench: '$cmd' failed" >&2; exit 1; }
	exit 0
fi
echo "pipebench: missing build dependencies. Run, as root:" >&2
echo "  sudo apt-get update && sudo $cmd" >&2
exit 1
