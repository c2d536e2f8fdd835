#!/usr/bin/env bash
# Reviews the CLV notebooks a pull request changes and writes one Markdown comment.
#
#   clv-review.sh BASE [COMMENT]
#
# For every *.clvnb changed between BASE and HEAD: `clvnb check`, `clvnb fmt --check`, and,
# when the notebook already existed at BASE, `clvnb diff BASE NOTEBOOK --markdown` (how
# customers and value move between segments). Writes the comment to COMMENT (default
# clv-review.md) and exits 1 when a check or format check failed, 0 otherwise; the comment is
# written either way, so the pull request always shows why.
#
# CLVNB is the command that runs clvnb (default: npx --no-install clvnb).
set -uo pipefail

base="${1:?usage: clv-review.sh BASE [COMMENT]}"
comment="${2:-clv-review.md}"
read -r -a clvnb <<<"${CLVNB:-npx --no-install clvnb}"
# The comment's first line: the workflow finds and updates its own comment by it.
marker='<!-- clv-notebooks-review -->'

mapfile -t notebooks < <(git diff --name-only --diff-filter=ACMR "$base" HEAD -- '*.clvnb')
failed=0
fence() { printf '```\n%s\n```\n' "$1"; }

{
  echo "$marker"
  echo "## CLV notebooks"
  echo
  if [ "${#notebooks[@]}" -eq 0 ]; then
    echo "No notebook changed since \`$base\`."
  fi
  for nb in "${notebooks[@]}"; do
    echo "### \`$nb\`"
    echo
    if out=$("${clvnb[@]}" check "$nb" 2>&1); then
      echo "- ✅ \`clvnb check\`: no errors"
    else
      failed=1
      echo "- ❌ \`clvnb check\` found problems:"
      echo
      fence "$out"
    fi
    if out=$("${clvnb[@]}" fmt --check "$nb" 2>&1); then
      echo "- ✅ \`clvnb fmt --check\`: canonical layout"
    else
      failed=1
      echo "- ❌ \`clvnb fmt --check\`: run \`clvnb fmt $nb\` and commit the result"
    fi
    echo
    if ! git cat-file -e "$base:$nb" 2>/dev/null; then
      echo "New notebook: no segments to compare with \`$base\`."
    elif out=$("${clvnb[@]}" diff "$base" "$nb" --markdown 2>&1); then
      # Headings one level down: the notebook's own heading is the section.
      printf '%s\n' "$out" | sed -e 's/^### /#### /' -e 's/^## /#### /'
    else
      echo "Segment changes could not be computed:"
      echo
      fence "$out"
    fi
    echo
  done
} >"$comment"

exit "$failed"
