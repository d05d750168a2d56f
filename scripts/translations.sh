#!/bin/sh
# The interface's message catalogs (Flask-Babel): webapp/translations/<lang>/LC_MESSAGES/.
#   sh scripts/translations.sh update   # after changing interface text: refresh the .pot and .po files
#   sh scripts/translations.sh compile  # after translating: write the .mo files the app reads
# The .po files are what translators review; the .mo files are committed so that serving needs
# no build step (tests check that they match the .po files).
set -e
cd "$(dirname "$0")/.."
PYBABEL=.venv/bin/pybabel
case "$1" in
  update)
    $PYBABEL extract -F babel.cfg -k _l --no-location --sort-output \
      --project khojaly-search -o webapp/translations/messages.pot .
    $PYBABEL update -i webapp/translations/messages.pot -d webapp/translations --no-fuzzy-matching
    ;;
  compile)
    $PYBABEL compile -d webapp/translations --statistics
    ;;
  *)
    echo "usage: $0 update|compile" >&2
    exit 2
    ;;
esac
