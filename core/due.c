/* Due dates: the few forms a seller types in a hurry after a meeting, and
 * the short words the follow-ups screen answers with. */
#include "core/due.h"

#include <stdio.h>
#include <string.h>

#include "core/calendar.h"
#include "core/meeting.h"

/* The longest accepted form is far shorter; anything longer is a mistake,
 * and a fixed buffer keeps the parser free of allocation. */
#define DUE_TEXT_MAX 64

static const char due_expected[] =
	"expected 2026-12-01, today, +3d, +2w, +1m, fri or next week";

enum due_kind {
	DUE_DAYS,        /* today + arg */
	DUE_WEEKDAY,     /* the next ISO weekday arg, strictly after today */
	DUE_NEXT_WEEK,   /* Monday of the next ISO week */
	DUE_END_OF_WEEK  /* Friday of this working week */
};

struct due_word {
	const char *word;  /* normalized: lower case, single blanks */
	enum due_kind kind;
	int arg;
};

static const struct due_word due_words[] = {
	{"today", DUE_DAYS, 0},      {"i dag", DUE_DAYS, 0},
	{"idag", DUE_DAYS, 0},       {"tomorrow", DUE_DAYS, 1},
	{"i morgen", DUE_DAYS, 1},   {"imorgen", DUE_DAYS, 1},

	{"mon", DUE_WEEKDAY, 1},     {"monday", DUE_WEEKDAY, 1},
	{"man", DUE_WEEKDAY, 1},     {"mandag", DUE_WEEKDAY, 1},
	{"tue", DUE_WEEKDAY, 2},     {"tues", DUE_WEEKDAY, 2},
	{"tuesday", DUE_WEEKDAY, 2}, {"tir", DUE_WEEKDAY, 2},
	{"tirsdag", DUE_WEEKDAY, 2},
	{"wed", DUE_WEEKDAY, 3},     {"wednesday", DUE_WEEKDAY, 3},
	{"ons", DUE_WEEKDAY, 3},     {"onsdag", DUE_WEEKDAY, 3},
	{"thu", DUE_WEEKDAY, 4},     {"thur", DUE_WEEKDAY, 4},
	{"thurs", DUE_WEEKDAY, 4},   {"thursday", DUE_WEEKDAY, 4},
	{"tor", DUE_WEEKDAY, 4},     {"torsdag", DUE_WEEKDAY, 4},
	{"fri", DUE_WEEKDAY, 5},     {"friday", DUE_WEEKDAY, 5},
	{"fre", DUE_WEEKDAY, 5},     {"fredag", DUE_WEEKDAY, 5},
	{"sat", DUE_WEEKDAY, 6},     {"saturday", DUE_WEEKDAY, 6},
	{"lør", DUE_WEEKDAY, 6},     {"lørdag", DUE_WEEKDAY, 6},
	{"sun", DUE_WEEKDAY, 7},     {"sunday", DUE_WEEKDAY, 7},
	{"søn", DUE_WEEKDAY, 7},     {"søndag", DUE_WEEKDAY, 7},

	{"next week", DUE_NEXT_WEEK, 0},
	{"næste uge", DUE_NEXT_WEEK, 0},
	{"neste uke", DUE_NEXT_WEEK, 0},
	{"end of week", DUE_END_OF_WEEK, 0},
	{"end of the week", DUE_END_OF_WEEK, 0},
	{"eow", DUE_END_OF_WEEK, 0},
};

struct due_unit {
	const char *word;
	char unit;   /* 'd', 'w' or 'm' */
};

static const struct due_unit due_units[] = {
	{"d", 'd'}, {"day", 'd'}, {"days", 'd'},
	{"dag", 'd'}, {"dage", 'd'}, {"dager", 'd'},
	{"w", 'w'}, {"wk", 'w'}, {"week", 'w'}, {"weeks", 'w'},
	{"u", 'w'}, {"uge", 'w'}, {"uger", 'w'}, {"uke", 'w'}, {"uker", 'w'},
	{"m", 'm'}, {"mo", 'm'}, {"month", 'm'}, {"months", 'm'},
	{"md", 'm'}, {"mdr", 'm'}, {"måned", 'm'}, {"måneder", 'm'},
};

static int is_blank(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* The text as the seller typed it, for the message: without the blanks
 * around it, bounded, valid UTF-8. */
struct excerpt {
	char s[48];
};

static struct excerpt excerpt_of(const char *text)
{
	struct excerpt e;
	while (is_blank((unsigned char)*text))
		text++;
	core_utf8_copy(e.s, sizeof e.s, text);
	size_t len = strlen(e.s);
	while (len > 0 && is_blank((unsigned char)e.s[len - 1]))
		e.s[--len] = '\0';
	return e;
}

/* Copies text into buf without the blanks around it, each run of blanks
 * inside as one space, lower-cased: ASCII, and the Latin-1 capitals À..Þ
 * (Æ Ø Å among them), whose small letters are 0x20 further on in the same
 * two-byte form.  Returns -1 when the result does not fit. */
static int due_normalize(const char *text, char *buf, size_t n)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t o = 0;
	int gap = 0;

	while (is_blank(*s))
		s++;
	for (; *s != '\0'; s++) {
		if (is_blank(*s)) {
			gap = 1;
			continue;
		}
		if (o + gap + 2 >= n)
			return -1;
		if (gap)
			buf[o++] = ' ';
		gap = 0;
		unsigned char c = *s;
		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c + 32);
		else if (c == 0xC3 && s[1] >= 0x80 && s[1] <= 0x9E && s[1] != 0x97) {
			buf[o++] = (char)c;
			c = (unsigned char)(*++s + 0x20);
		}
		buf[o++] = (char)c;
	}
	buf[o] = '\0';
	return 0;
}

static int64_t due_day(int year, int month, int day)
{
	struct core_date d = {year, month, day};
	return core_days_from_date(d);
}

static int64_t due_first_day(void)
{
	return due_day(1, 1, 1);
}

static int64_t due_last_day(void)
{
	return due_day(9999, 12, 31);
}

static int month_length(int year, int month)
{
	int64_t first = due_day(year, month, 1);
	int64_t next = month == 12 ? due_day(year + 1, 1, 1) : due_day(year, month + 1, 1);
	return (int)(next - first);
}

/* today plus k calendar months, the day of the month clamped to the
 * length of the month arrived in.  Past the year 9999: -1, *out untouched. */
static int due_add_months(int64_t today, int k, int64_t *out)
{
	struct core_date t = core_date_from_days(today);
	int64_t index = (int64_t)t.year * 12 + (t.month - 1) + k;
	int64_t year = index / 12;
	if (year > 9999)
		return -1;
	int month = (int)(index % 12) + 1;
	int len = month_length((int)year, month);
	*out = due_day((int)year, month, t.day < len ? t.day : len);
	return 0;
}

static int64_t due_of_word(const struct due_word *w, int64_t today)
{
	int wd = core_weekday(today);
	switch (w->kind) {
	case DUE_DAYS:
		return today + w->arg;
	case DUE_WEEKDAY: {
		int ahead = (w->arg - wd + 7) % 7;
		return today + (ahead == 0 ? 7 : ahead);
	}
	case DUE_NEXT_WEEK:
		return today - (wd - 1) + 7;
	case DUE_END_OF_WEEK:
		return wd <= 5 ? today + (5 - wd) : today + (12 - wd);
	}
	return today;
}

static const struct due_word *due_word_find(const char *s)
{
	for (size_t i = 0; i < sizeof due_words / sizeof due_words[0]; i++)
		if (strcmp(s, due_words[i].word) == 0)
			return &due_words[i];
	return NULL;
}

static char due_unit_find(const char *s)
{
	for (size_t i = 0; i < sizeof due_units / sizeof due_units[0]; i++)
		if (strcmp(s, due_units[i].word) == 0)
			return due_units[i].unit;
	return '\0';
}

static enum core_status due_bad(const char *text, struct core_error *err)
{
	return core_error_set(err, CORE_ERR_INPUT, "bad due date '%s': %s",
	                      excerpt_of(text).s, due_expected);
}

/* "+3d", "3 weeks", "+1m", "+3": the count and its unit.  0 when s is not
 * of that shape; -1 when it is, with a count past 9999 (err is set). */
static int due_offset(const char *s, const char *text, int *count, char *unit,
                      struct core_error *err)
{
	int plus = *s == '+';
	if (plus) {
		s++;
		if (*s == ' ')
			s++;
	}
	size_t n = 0;
	int v = 0;
	for (; is_digit(s[n]); n++)
		if (n < 4)
			v = v * 10 + (s[n] - '0');
	if (n == 0)
		return 0;
	const char *u = s + n;
	if (*u == ' ')
		u++;
	char c = *u == '\0' && plus ? 'd' : due_unit_find(u);
	if (c == '\0')
		return 0;
	if (n > 4) {
		core_error_set(err, CORE_ERR_INPUT,
		               "bad due date '%s': at most 9999 days, weeks or months ahead",
		               excerpt_of(text).s);
		return -1;
	}
	*count = v;
	*unit = c;
	return 1;
}

enum core_status core_due_parse(const char *text, int64_t today, int64_t *due,
                                struct core_error *err)
{
	if (text == NULL)
		text = "";
	if (today < due_first_day() || today > due_last_day())
		return core_error_set(err, CORE_ERR_INPUT,
		                      "bad due date '%s': today (day %lld) is outside the "
		                      "years 0001..9999", excerpt_of(text).s, (long long)today);
	char s[DUE_TEXT_MAX];
	if (due_normalize(text, s, sizeof s) != 0)
		return due_bad(text, err);
	if (s[0] == '\0')
		return core_error_set(err, CORE_ERR_INPUT, "no due date given: %s",
		                      due_expected);

	int64_t day;
	const struct due_word *w = due_word_find(s);
	int count = 0;
	char unit = '\0';
	int off;
	if (w != NULL) {
		day = due_of_word(w, today);
	} else if (is_digit(s[0]) && is_digit(s[1]) && is_digit(s[2]) && is_digit(s[3]) &&
	           s[4] == '-') {
		/* Shaped like a date: core_date_parse's message says what is
		 * wrong with it ("February 2026 has 28 days"). */
		struct core_date d;
		enum core_status st = core_date_parse(s, &d, err);
		if (st != CORE_OK)
			return st;
		day = core_days_from_date(d);
	} else if ((off = due_offset(s, text, &count, &unit, err)) != 0) {
		if (off < 0)
			return CORE_ERR_INPUT;
		if (unit != 'm')
			day = today + (int64_t)count * (unit == 'w' ? 7 : 1);
		else if (due_add_months(today, count, &day) != 0)
			day = due_last_day() + 1;
	} else {
		return due_bad(text, err);
	}
	if (day > due_last_day())
		return core_error_set(err, CORE_ERR_INPUT,
		                      "bad due date '%s': past 9999-12-31", excerpt_of(text).s);
	*due = day;
	return CORE_OK;
}

void core_due_format(int64_t due, int64_t today, char *buf, size_t n)
{
	if (buf == NULL || n == 0)
		return;
	/* Out-of-range days only come from a damaged database; clamped, the
	 * subtraction below cannot overflow and the date stays printable. */
	int64_t lo = due_first_day(), hi = due_last_day();
	due = due < lo ? lo : due > hi ? hi : due;
	today = today < lo ? lo : today > hi ? hi : today;
	int64_t ahead = due - today;
	struct core_date d = core_date_from_days(due);

	if (ahead < -1)
		snprintf(buf, n, "%lld days overdue", (long long)-ahead);
	else if (ahead == -1)
		snprintf(buf, n, "yesterday");
	else if (ahead == 0)
		snprintf(buf, n, "today");
	else if (ahead == 1)
		snprintf(buf, n, "tomorrow");
	else if (ahead <= 182)
		snprintf(buf, n, "%s %d %s", core_weekday_abbr(core_weekday(due)), d.day,
		         core_month_abbr(d.month));
	else
		snprintf(buf, n, "%d %s %04d", d.day, core_month_abbr(d.month), d.year);
}
