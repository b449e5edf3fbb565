# The dialog on the smallest supported terminal, 80x24: the whole box
# shows, and it survives a resize while open with everything typed kept.
# A new account typed in it exists only once a meeting is saved with it.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib_week.sh"

demo_db 1
# The dialog, with a new account's name typed and "+ create account" picked.
new_with_account() {
	keys a
	wait_for "New meeting"
	type_text "Ærø Blåbær"
	wait_for "+ create account 'Ærø Blåbær'"
	keys Enter
	wait_for "new account, created on save"
}

week_open 80 24
new_with_account
s=$(screen)
assert_contains "$(printf '%s\n' "$s" | grep 'New meeting')" "┌ New meeting ─" "top edge"
assert_contains "$(printf '%s\n' "$s" | grep '\[ Save \]')" "[ Cancel ]" "buttons"
assert_contains "$s" "Contact form — matrix for first meeting" "form list"
assert_contains "$(printf '%s\n' "$s" | grep 'phone')" "asks to confirm" "phone row"
[ "$(printf '%s\n' "$s" | grep -c '└──')" -ge 1 ] || fail "no bottom edge:
$s"

tmux -L "$SOCK" resize-window -t 0 -x 100 -y 30
wait_for "Ærø Blåbær"
s=$(screen)
# Drawn again on the larger screen, nothing typed lost.
assert_contains "$(printf '%s\n' "$s" | grep 'New meeting')" "┌ New meeting" "top edge after resize"
assert_contains "$(printf '%s\n' "$s" | grep 'Account')" "new account, created on save" "kept"

# Cancel: the new account must not be created.
keys Escape
wait_for "Discard changes? y/n"
keys y
wait_gone "New meeting"
accounts() {
	sqlite3 "$T/d.db" "SELECT count(*) FROM account WHERE name = 'Ærø Blåbær'"
}
if command -v sqlite3 >/dev/null 2>&1; then
	assert_eq "$(accounts)" 0 "accounts named Ærø Blåbær after cancel"
fi

# Saved: the account comes with its meeting (one transaction in db/).
new_with_account
keys Enter
wait_gone "New meeting"
wait_for "saved:"
tui_quit
if command -v sqlite3 >/dev/null 2>&1; then
	assert_eq "$(accounts)" 1 "accounts named Ærø Blåbær after save"
	assert_eq "$(sqlite3 "$T/d.db" "SELECT count(*) FROM meeting m JOIN account a
		ON a.id = m.account_id WHERE a.name = 'Ærø Blåbær'")" 1 "its meetings"
fi
echo "form_small ok"
