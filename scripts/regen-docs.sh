#!/usr/bin/env bash
# Refreshes the committed man/ and completions/ from the picocli command definitions.
# Run it after changing a command's options, descriptions or examples, then commit both folders;
# GeneratedDocsTest fails until the committed files equal what the build generates.
set -euo pipefail
cd "$(dirname "$0")/.."

rm -rf target/generated-docs            # no pages left over from commands that are gone
mvn -B -q process-classes               # writes target/generated-docs/{man,completions}

rm -f man/*.1
mkdir -p man completions
cp target/generated-docs/man/*.1 man/
cp target/generated-docs/completions/ticket.bash target/generated-docs/completions/_ticket \
   target/generated-docs/completions/ticket.fish completions/
git status --short -- man completions
