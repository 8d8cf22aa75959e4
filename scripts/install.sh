#!/bin/sh
# install.sh [--prefix DIR] [--no-archives] [--uninstall]: installs ticket under a prefix (default ~/.local), or removes it.
#
# Run it from the unpacked release (ticket-VERSION/install.sh, beside bin/ and share/) or from a built checkout
# (scripts/install.sh after `mvn package`, which unpacks target/ticket-VERSION.tar.gz and installs that).
# It puts:
#   PREFIX/lib/ticket/ticket, ticket.jsa, ticket-serve.jsa   the program and its class-data archives (made
#                                                            here: they hold the program's absolute path)
#   PREFIX/bin/ticket                                        a link to it (the launcher finds the archives
#                                                            beside the file the link points at)
#   PREFIX/share/man/man1/ticket*.1                          man pages
#   PREFIX/share/bash-completion/completions/ticket          completions for bash,
#   PREFIX/share/zsh/site-functions/_ticket                  zsh
#   PREFIX/share/fish/vendor_completions.d/ticket.fish       and fish
#   PREFIX/share/doc/ticket/README.md, LICENSE
#   PREFIX/share/ticket/install.sh                           this script, for --uninstall
#   PREFIX/share/ticket/install-manifest                     what was installed, and which directories were made
# and prints the line to add to a shell's start-up file where a shell does not look in those directories.
# --uninstall removes what the manifest lists, and the directories the install made once they are empty.
set -eu

me=install.sh
die() {
  printf '%s: %s\n' "$me" "$1" >&2
  exit "${2:-1}"
}

usage() {
  cat <<'EOF'
Usage: install.sh [--prefix DIR] [--no-archives] [--uninstall]
Install ticket under DIR (default ~/.local): DIR/bin/ticket, man pages in DIR/share/man,
completions for bash, zsh and fish under DIR/share. --uninstall removes exactly what was installed.
--no-archives skips making the class-data archives (half a minute): ticket then starts slower.
EOF
}

prefix=
uninstall=
no_archives=
while [ $# -gt 0 ]; do
  case $1 in
    --prefix)
      [ $# -ge 2 ] && [ -n "$2" ] || die "--prefix needs a directory" 2
      prefix=$2
      shift 2
      ;;
    --prefix=*)
      prefix=${1#--prefix=}
      [ -n "$prefix" ] || die "--prefix needs a directory" 2
      shift
      ;;
    --uninstall) uninstall=1; shift ;;
    --no-archives) no_archives=1; shift ;;
    -h | --help) usage; exit 0 ;;
    *) printf '%s: unknown argument %s\n' "$me" "$1" >&2; usage >&2; exit 2 ;;
  esac
done

if [ -z "$prefix" ]; then
  [ -n "${HOME:-}" ] || die "HOME is not set; give --prefix DIR" 2
  prefix=$HOME/.local
fi
case $prefix in
  /*) ;;
  *) prefix=$PWD/$prefix ;;
esac
while [ "${prefix%/}" != "$prefix" ] && [ "$prefix" != / ]; do prefix=${prefix%/}; done
[ "$prefix" != / ] || die "refusing to install into / itself; use --prefix /usr/local" 2
manifest_rel=share/ticket/install-manifest
manifest=$prefix/$manifest_rel

# ---- uninstall -------------------------------------------------------------------------------------------------
if [ -n "$uninstall" ]; then
  [ -f "$manifest" ] || die "ticket is not installed in $prefix (no $manifest)"
  while IFS= read -r line; do
    case $line in
      *.jsa) rm -f "$prefix/${line#? }" "$prefix/${line#? }.ok" ;;   # and the launcher's check stamp beside it
      'f '* | 'l '*) rm -f "$prefix/${line#? }" ;;
    esac
  done <"$manifest"
  dirs=$(sed -n 's/^d //p' "$manifest" | sort -r)   # a directory sorts after its parent: deepest first
  rm -f "$manifest"
  printf '%s\n' "$dirs" | while IFS= read -r dir; do
    case $dir in
      '') ;;
      .) rmdir "$prefix" 2>/dev/null || true ;;                # the prefix itself, when the install made it
      *) rmdir "$prefix/$dir" 2>/dev/null || true ;;           # kept when something else lives there
    esac
  done
  echo "Removed ticket from $prefix."
  exit 0
fi

# ---- where the files come from ---------------------------------------------------------------------------------
here=$(cd "$(dirname "$0")" && pwd)
if [ -f "$here/bin/ticket" ] && [ -d "$here/share" ]; then
  src=$here
elif [ -f "$here/../pom.xml" ]; then
  tarball=$(ls -t "$here"/../target/ticket-*.tar.gz 2>/dev/null | head -n 1)
  [ -n "$tarball" ] || die "no target/ticket-VERSION.tar.gz in this checkout; build it first: mvn -B package -DskipTests"
  unpacked=$(mktemp -d "${TMPDIR:-/tmp}/ticket-install.XXXXXX")
  trap 'rm -rf "$unpacked"' EXIT
  tar -xzf "$tarball" -C "$unpacked"
  src=$(ls -d "$unpacked"/ticket-*/ | head -n 1)
  src=${src%/}
else
  die "run this script from the unpacked ticket-VERSION directory or from a built checkout (scripts/install.sh)"
fi
[ -f "$src/bin/ticket" ] || die "$src/bin/ticket is missing"

# ---- install ---------------------------------------------------------------------------------------------------
made_prefix=
[ -d "$prefix" ] || made_prefix=1
mkdir -p "$prefix"
[ -w "$prefix" ] || die "cannot write to $prefix; choose another --prefix (or run as a user who can)"
list=$(mktemp "${TMPDIR:-/tmp}/ticket-manifest.XXXXXX")
trap 'rm -rf "$list" ${unpacked:+"$unpacked"}' EXIT
# the directories an earlier install made stay on the list, so --uninstall still removes them
if [ -f "$manifest" ]; then
  grep '^d ' "$manifest" >>"$list" || true
fi
[ -z "$made_prefix" ] || echo "d ." >>"$list"

# Makes PREFIX/DIR and any missing parent, noting each one made.
ensure_dir() {
  _made=
  _rest=$1/
  while [ -n "$_rest" ]; do
    _made=${_made:+$_made/}${_rest%%/*}
    _rest=${_rest#*/}
    if [ ! -d "$prefix/$_made" ]; then
      mkdir "$prefix/$_made"
      grep -qxF "d $_made" "$list" || echo "d $_made" >>"$list"
    fi
  done
}

# Copies SOURCE to PREFIX/DEST with MODE (keeping its modification time).
put() {
  ensure_dir "$(dirname "$2")"
  cp -p "$1" "$prefix/$2.partial"
  chmod "$3" "$prefix/$2.partial"
  mv -f "$prefix/$2.partial" "$prefix/$2"
  echo "f $2" >>"$list"
}

ensure_dir share/ticket
put "$src/bin/ticket" lib/ticket/ticket 755
# The class-data archives that make `ticket` start faster name the program by its absolute path (Java 17
# cannot move an archive with its program), so they are made here, for this path, by the same training runs
# the build uses (ClassDataArchive, inside the program). Without them ticket works the same, only slower.
lib=$prefix/lib/ticket
java=java
[ -z "${JAVA_HOME:-}" ] || java=$JAVA_HOME/bin/java
# an earlier build's would not match this program (nor would the launcher's check stamps beside them)
rm -f "$lib/ticket.jsa" "$lib/ticket-serve.jsa" "$lib/ticket.jsa.ok" "$lib/ticket-serve.jsa.ok"
if [ -n "$no_archives" ]; then
  :
elif "$java" -version >/dev/null 2>&1; then
  echo "Making the class-data archives for $lib/ticket (about half a minute)..."
  "$java" -cp "$lib/ticket" dev.ticket.build.ClassDataArchive "$lib/ticket" "$lib/ticket.jsa" >/dev/null 2>&1 &
  cli=$!
  "$java" -cp "$lib/ticket" dev.ticket.build.ClassDataArchive "$lib/ticket" "$lib/ticket-serve.jsa" serve \
    >/dev/null 2>&1 &
  serve=$!
  for job in "$cli:ticket.jsa" "$serve:ticket-serve.jsa"; do
    archive=${job#*:}
    if wait "${job%%:*}" && [ -f "$lib/$archive" ]; then
      echo "f lib/ticket/$archive" >>"$list"
      rm -f "$lib/$archive.log"
    else
      echo "$me: could not make $lib/$archive (ticket still works, starting slower); see $lib/$archive.log" >&2
      [ ! -f "$lib/$archive.log" ] || echo "f lib/ticket/$archive.log" >>"$list"
    fi
  done
else
  echo "$me: no Java found (${JAVA_HOME:+JAVA_HOME=$JAVA_HOME, }PATH); ticket needs Java 17 or newer" >&2
fi
ensure_dir bin
if [ -d "$prefix/bin/ticket" ] && [ ! -L "$prefix/bin/ticket" ]; then
  die "$prefix/bin/ticket is a directory; remove it first"
fi
ln -sfn ../lib/ticket/ticket "$prefix/bin/ticket"
echo "l bin/ticket" >>"$list"
for page in "$src"/share/man/man1/*.1; do
  if [ -f "$page" ]; then put "$page" "share/man/man1/${page##*/}" 644; fi
done
put "$src/share/bash-completion/completions/ticket" share/bash-completion/completions/ticket 644
put "$src/share/zsh/site-functions/_ticket" share/zsh/site-functions/_ticket 644
put "$src/share/fish/vendor_completions.d/ticket.fish" share/fish/vendor_completions.d/ticket.fish 644
if [ -f "$src/install.sh" ]; then put "$src/install.sh" share/ticket/install.sh 755; fi   # for --uninstall
for doc in README.md LICENSE; do
  if [ -f "$src/$doc" ]; then put "$src/$doc" "share/doc/ticket/$doc" 644; fi
done

# files an earlier install put there that this one does not (a man page of a command that is gone)
if [ -f "$manifest" ]; then
  while IFS= read -r line; do
    case $line in
      'f '* | 'l '*) grep -qxF "$line" "$list" || rm -f "$prefix/${line#? }" ;;
    esac
  done <"$manifest"
fi
cp "$list" "$manifest.partial"
chmod 644 "$manifest.partial"
mv -f "$manifest.partial" "$manifest"

version=$("$prefix/bin/ticket" --version 2>&1) || {
  printf '%s: installed, but %s/bin/ticket --version failed:\n%s\n' "$me" "$prefix" "$version" >&2
  version=ticket
}
echo "Installed $version into $prefix."
echo "To remove it: sh $prefix/share/ticket/install.sh --prefix $prefix --uninstall"

# ---- what the shells will not find by themselves ---------------------------------------------------------------
advice=
add() {
  advice="$advice$(printf '  %-30s %s' "$1" "$2")
"
}
on_path=
case ":${PATH:-}:" in
  *":$prefix/bin:"* | *":$prefix/bin/:"*) on_path=1 ;;
  *) add "~/.bashrc, ~/.zshrc:" "export PATH=\"$prefix/bin:\$PATH\"" ;;
esac
found=$(command -v ticket 2>/dev/null || true)
if [ -n "$on_path" ] && [ -n "$found" ] && [ "$found" != "$prefix/bin/ticket" ]; then
  echo "Note: $found comes before $prefix/bin/ticket on your PATH."
fi
if command -v manpath >/dev/null 2>&1; then
  # man-db also searches PREFIX/share/man for each PREFIX/bin on PATH: ask it with that PATH in place
  case ":$(PATH="$prefix/bin:${PATH:-}" manpath -q 2>/dev/null):" in
    *":$prefix/share/man:"*) ;;
    *) add "~/.bashrc, ~/.zshrc:" "export MANPATH=\"$prefix/share/man:\$MANPATH\"" ;;
  esac
fi
# bash-completion loads completions/NAME from $XDG_DATA_HOME/bash-completion and each of $XDG_DATA_DIRS
case ":${XDG_DATA_HOME:-${HOME:-/nonexistent}/.local/share}:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}:" in
  *":$prefix/share:"* | *":$prefix/share/:"*) ;;
  *) add "~/.bashrc:" ". \"$prefix/share/bash-completion/completions/ticket\"" ;;
esac
if command -v zsh >/dev/null 2>&1; then
  case "
$(zsh -c 'print -rl -- $fpath' 2>/dev/null)
" in
    *"
$prefix/share/zsh/site-functions
"*) ;;
    *) add "~/.zshrc, before compinit:" "fpath=(\"$prefix/share/zsh/site-functions\" \$fpath)" ;;
  esac
fi
if command -v fish >/dev/null 2>&1; then
  if ! fish -c "contains -- '$prefix/share/fish/vendor_completions.d' \$fish_complete_path" >/dev/null 2>&1; then
    add "~/.config/fish/config.fish:" "set -p fish_complete_path \"$prefix/share/fish/vendor_completions.d\""
  fi
  if [ -z "$on_path" ]; then
    add "~/.config/fish/config.fish:" "fish_add_path \"$prefix/bin\""
  fi
fi
if [ -n "$advice" ]; then
  echo "Your shells do not look in some of these directories yet; add these lines to their start-up files:"
  printf '%s' "$advice"
fi
