# Plans a meeting through the dialog: an account with æøå picked from the
# filtered list, a booking (canvassing) moved to the physical form, which
# the matrix rates no-go, so saving asks; confirmed with a reason, the week
# shows the meeting and the panel's planned count goes up by one.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib_week.sh"

demo_db 1
# planned: the panel's column after the target ("Re-sale Gensalg 2 3 ...",
# "total 5 10 ...").
planned() {
	screen | awk -v row="$1" '$1 == row { print (row == "total" ? $3 : $4); exit }'
}

week_open
total0=$(planned total)
resale0=$(planned Re-sale)
[ -n "$total0" ] || fail "no planned count in the panel"

keys a
wait_for "New meeting"
type_text "Næstved"
wait_for "Næstved Tømmerhandel"
wait_for "+ create account 'Næstved'"
keys Enter
wait_gone "+ create account"
assert_contains "$(screen | grep 'Account')" "Næstved Tømmerhandel" "account row"
# Its last held visit, counted in days from --today (2026-11-23, day 20780
# since the epoch; TZ=UTC), and its distance.
if command -v sqlite3 >/dev/null 2>&1; then
	info=$(sqlite3 "$T/d.db" "SELECT coalesce(CASE 20780 - max(v.starts_at) / 86400
			WHEN 0 THEN 'last visit today' WHEN 1 THEN 'last visit yesterday'
			ELSE 'last visit ' || (20780 - max(v.starts_at) / 86400) || ' days ago' END,
			'never visited') || CASE WHEN a.km > 0 THEN printf(' · %.0f km', a.km) ELSE '' END
		FROM account a LEFT JOIN meeting v ON v.account_id = a.id AND v.status = 'held'
			AND v.form IN ('physical', 'hybrid')
		WHERE a.name = 'Næstved Tømmerhandel' GROUP BY a.id")
	[ -n "$info" ] || fail "no account Næstved Tømmerhandel in the demo"
	assert_contains "$(screen | grep 'Account')" "$info" "last visit"
fi

# Type is three rows down; one step left of "first meeting" is booking.
keys Down Down Down Left
wait_for "matrix for booking"
# Booking: phone is obvious and preselected; physical is no-go.
assert_contains "$(screen | grep '☎ phone')" "▶" "preselected phone"
keys Down Down Down p
wait_for "▶ ▣ physical"
keys Enter
wait_for "▣ physical is rated no-go for booking — use it anyway?"
type_text "kunden ønsker besøg"
wait_for "kunden ønsker besøg"
keys Enter
wait_gone "New meeting"
wait_for "saved:"
wait_for "Næstved Tøm"
assert_contains "$(screen | grep -A1 'Næstved Tøm')" "booking" "the week cell"

assert_eq "$(planned total)" "$((total0 + 1))" "planned, total"
assert_eq "$(planned Re-sale)" "$((resale0 + 1))" "planned, re-sale"

# In the database: the physical form and the reason typed.
if command -v sqlite3 >/dev/null 2>&1; then
	row=$(sqlite3 "$T/d.db" "SELECT m.type, m.form, m.form_reason FROM meeting m
		JOIN account a ON a.id = m.account_id
		WHERE a.name = 'Næstved Tømmerhandel' AND m.type = 'booking'")
	assert_eq "$row" "booking|physical|kunden ønsker besøg" "stored meeting"
fi
tui_quit
echo "form_add ok"
