/* The virtual screen.  Text arrives as UTF-8, is decoded by core/utf8.h
 * rather than mbrtowc(3) and measured with the width table below rather
 * than wcwidth(3): both fail on every non-ASCII character unless the
 * process has set a UTF-8 locale, and `pipebench week --print` and the
 * golden tests must give the same bytes whatever the locale.  The table is
 * glibc 2.36's C.UTF-8 wcwidth (Unicode 15), the one ncurses measures with
 * on the target system, so the canvas and the terminal agree on every
 * column. */
#include "tui/canvas.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"

/* Inclusive ranges of double-width code points, and of code points that
 * take no column (combining marks, joiners, variation selectors).
 * Generated from wcwidth() under C.UTF-8 with unassigned code points
 * folded into their neighbours. */
static const uint32_t width_wide[][2] = {
	{0x1100,0x115F}, {0x231A,0x231B}, {0x2329,0x232A}, {0x23E9,0x23EC},
	{0x23F0,0x23F0}, {0x23F3,0x23F3}, {0x25FD,0x25FE}, {0x2614,0x2615},
	{0x2648,0x2653}, {0x267F,0x267F}, {0x2693,0x2693}, {0x26A1,0x26A1},
	{0x26AA,0x26AB}, {0x26BD,0x26BE}, {0x26C4,0x26C5}, {0x26CE,0x26CE},
	{0x26D4,0x26D4}, {0x26EA,0x26EA}, {0x26F2,0x26F3}, {0x26F5,0x26F5},
	{0x26FA,0x26FA}, {0x26FD,0x26FD}, {0x2705,0x2705}, {0x270A,0x270B},
	{0x2728,0x2728}, {0x274C,0x274C}, {0x274E,0x274E}, {0x2753,0x2755},
	{0x2757,0x2757}, {0x2795,0x2797}, {0x27B0,0x27B0}, {0x27BF,0x27BF},
	{0x2B1B,0x2B1C}, {0x2B50,0x2B50}, {0x2B55,0x2B55}, {0x2E80,0x3029},
	{0x302E,0x303E}, {0x3041,0x3096}, {0x309B,0xA4C6}, {0xA960,0xA97C},
	{0xAC00,0xD7A3}, {0xF900,0xFAD9}, {0xFE10,0xFE19}, {0xFE30,0xFE6B},
	{0xFF01,0xFF60}, {0xFFE0,0xFFE6}, {0x16FE0,0x16FE3}, {0x16FF0,0x1B2FB},
	{0x1F004,0x1F004}, {0x1F0CF,0x1F0CF}, {0x1F18E,0x1F18E}, {0x1F191,0x1F19A},
	{0x1F200,0x1F320}, {0x1F32D,0x1F335}, {0x1F337,0x1F37C}, {0x1F37E,0x1F393},
	{0x1F3A0,0x1F3CA}, {0x1F3CF,0x1F3D3}, {0x1F3E0,0x1F3F0}, {0x1F3F4,0x1F3F4},
	{0x1F3F8,0x1F43E}, {0x1F440,0x1F440}, {0x1F442,0x1F4FC}, {0x1F4FF,0x1F53D},
	{0x1F54B,0x1F54E}, {0x1F550,0x1F567}, {0x1F57A,0x1F57A}, {0x1F595,0x1F596},
	{0x1F5A4,0x1F5A4}, {0x1F5FB,0x1F64F}, {0x1F680,0x1F6C5}, {0x1F6CC,0x1F6CC},
	{0x1F6D0,0x1F6D2}, {0x1F6D5,0x1F6DF}, {0x1F6EB,0x1F6EC}, {0x1F6F4,0x1F6FC},
	{0x1F7E0,0x1F7F0}, {0x1F90C,0x1F93A}, {0x1F93C,0x1F945}, {0x1F947,0x1F9FF},
	{0x1FA70,0x1FAF6}, {0x20000,0x3134A},
};
static const uint32_t width_zero[][2] = {
	{0x0300,0x036F}, {0x0483,0x0489}, {0x0591,0x05BD}, {0x05BF,0x05BF},
	{0x05C1,0x05C2}, {0x05C4,0x05C5}, {0x05C7,0x05C7}, {0x0610,0x061A},
	{0x061C,0x061C}, {0x064B,0x065F}, {0x0670,0x0670}, {0x06D6,0x06DC},
	{0x06DF,0x06E4}, {0x06E7,0x06E8}, {0x06EA,0x06ED}, {0x0711,0x0711},
	{0x0730,0x074A}, {0x07A6,0x07B0}, {0x07EB,0x07F3}, {0x07FD,0x07FD},
	{0x0816,0x0819}, {0x081B,0x0823}, {0x0825,0x0827}, {0x0829,0x082D},
	{0x0859,0x085B}, {0x0898,0x089F}, {0x08CA,0x08E1}, {0x08E3,0x0902},
	{0x093A,0x093A}, {0x093C,0x093C}, {0x0941,0x0948}, {0x094D,0x094D},
	{0x0951,0x0957}, {0x0962,0x0963}, {0x0981,0x0981}, {0x09BC,0x09BC},
	{0x09C1,0x09C4}, {0x09CD,0x09CD}, {0x09E2,0x09E3}, {0x09FE,0x0A02},
	{0x0A3C,0x0A3C}, {0x0A41,0x0A51}, {0x0A70,0x0A71}, {0x0A75,0x0A75},
	{0x0A81,0x0A82}, {0x0ABC,0x0ABC}, {0x0AC1,0x0AC8}, {0x0ACD,0x0ACD},
	{0x0AE2,0x0AE3}, {0x0AFA,0x0B01}, {0x0B3C,0x0B3C}, {0x0B3F,0x0B3F},
	{0x0B41,0x0B44}, {0x0B4D,0x0B56}, {0x0B62,0x0B63}, {0x0B82,0x0B82},
	{0x0BC0,0x0BC0}, {0x0BCD,0x0BCD}, {0x0C00,0x0C00}, {0x0C04,0x0C04},
	{0x0C3C,0x0C3C}, {0x0C3E,0x0C40}, {0x0C46,0x0C56}, {0x0C62,0x0C63},
	{0x0C81,0x0C81}, {0x0CBC,0x0CBC}, {0x0CBF,0x0CBF}, {0x0CC6,0x0CC6},
	{0x0CCC,0x0CCD}, {0x0CE2,0x0CE3}, {0x0D00,0x0D01}, {0x0D3B,0x0D3C},
	{0x0D41,0x0D44}, {0x0D4D,0x0D4D}, {0x0D62,0x0D63}, {0x0D81,0x0D81},
	{0x0DCA,0x0DCA}, {0x0DD2,0x0DD6}, {0x0E31,0x0E31}, {0x0E34,0x0E3A},
	{0x0E47,0x0E4E}, {0x0EB1,0x0EB1}, {0x0EB4,0x0EBC}, {0x0EC8,0x0ECD},
	{0x0F18,0x0F19}, {0x0F35,0x0F35}, {0x0F37,0x0F37}, {0x0F39,0x0F39},
	{0x0F71,0x0F7E}, {0x0F80,0x0F84}, {0x0F86,0x0F87}, {0x0F8D,0x0FBC},
	{0x0FC6,0x0FC6}, {0x102D,0x1030}, {0x1032,0x1037}, {0x1039,0x103A},
	{0x103D,0x103E}, {0x1058,0x1059}, {0x105E,0x1060}, {0x1071,0x1074},
	{0x1082,0x1082}, {0x1085,0x1086}, {0x108D,0x108D}, {0x109D,0x109D},
	{0x1160,0x11FF}, {0x135D,0x135F}, {0x1712,0x1714}, {0x1732,0x1733},
	{0x1752,0x1753}, {0x1772,0x1773}, {0x17B4,0x17B5}, {0x17B7,0x17BD},
	{0x17C6,0x17C6}, {0x17C9,0x17D3}, {0x17DD,0x17DD}, {0x180B,0x180F},
	{0x1885,0x1886}, {0x18A9,0x18A9}, {0x1920,0x1922}, {0x1927,0x1928},
	{0x1932,0x1932}, {0x1939,0x193B}, {0x1A17,0x1A18}, {0x1A1B,0x1A1B},
	{0x1A56,0x1A56}, {0x1A58,0x1A60}, {0x1A62,0x1A62}, {0x1A65,0x1A6C},
	{0x1A73,0x1A7F}, {0x1AB0,0x1B03}, {0x1B34,0x1B34}, {0x1B36,0x1B3A},
	{0x1B3C,0x1B3C}, {0x1B42,0x1B42}, {0x1B6B,0x1B73}, {0x1B80,0x1B81},
	{0x1BA2,0x1BA5}, {0x1BA8,0x1BA9}, {0x1BAB,0x1BAD}, {0x1BE6,0x1BE6},
	{0x1BE8,0x1BE9}, {0x1BED,0x1BED}, {0x1BEF,0x1BF1}, {0x1C2C,0x1C33},
	{0x1C36,0x1C37}, {0x1CD0,0x1CD2}, {0x1CD4,0x1CE0}, {0x1CE2,0x1CE8},
	{0x1CED,0x1CED}, {0x1CF4,0x1CF4}, {0x1CF8,0x1CF9}, {0x1DC0,0x1DFF},
	{0x200B,0x200F}, {0x202A,0x202E}, {0x2060,0x206F}, {0x20D0,0x20F0},
	{0x2CEF,0x2CF1}, {0x2D7F,0x2D7F}, {0x2DE0,0x2DFF}, {0x302A,0x302D},
	{0x3099,0x309A}, {0xA66F,0xA672}, {0xA674,0xA67D}, {0xA69E,0xA69F},
	{0xA6F0,0xA6F1}, {0xA802,0xA802}, {0xA806,0xA806}, {0xA80B,0xA80B},
	{0xA825,0xA826}, {0xA82C,0xA82C}, {0xA8C4,0xA8C5}, {0xA8E0,0xA8F1},
	{0xA8FF,0xA8FF}, {0xA926,0xA92D}, {0xA947,0xA951}, {0xA980,0xA982},
	{0xA9B3,0xA9B3}, {0xA9B6,0xA9B9}, {0xA9BC,0xA9BD}, {0xA9E5,0xA9E5},
	{0xAA29,0xAA2E}, {0xAA31,0xAA32}, {0xAA35,0xAA36}, {0xAA43,0xAA43},
	{0xAA4C,0xAA4C}, {0xAA7C,0xAA7C}, {0xAAB0,0xAAB0}, {0xAAB2,0xAAB4},
	{0xAAB7,0xAAB8}, {0xAABE,0xAABF}, {0xAAC1,0xAAC1}, {0xAAEC,0xAAED},
	{0xAAF6,0xAAF6}, {0xABE5,0xABE5}, {0xABE8,0xABE8}, {0xABED,0xABED},
	{0xD7B0,0xD7FB}, {0xFB1E,0xFB1E}, {0xFE00,0xFE0F}, {0xFE20,0xFE2F},
	{0xFEFF,0xFEFF}, {0xFFF9,0xFFFB}, {0x101FD,0x101FD}, {0x102E0,0x102E0},
	{0x10376,0x1037A}, {0x10A01,0x10A0F}, {0x10A38,0x10A3F}, {0x10AE5,0x10AE6},
	{0x10D24,0x10D27}, {0x10EAB,0x10EAC}, {0x10F46,0x10F50}, {0x10F82,0x10F85},
	{0x11001,0x11001}, {0x11038,0x11046}, {0x11070,0x11070}, {0x11073,0x11074},
	{0x1107F,0x11081}, {0x110B3,0x110B6}, {0x110B9,0x110BA}, {0x110C2,0x110C2},
	{0x11100,0x11102}, {0x11127,0x1112B}, {0x1112D,0x11134}, {0x11173,0x11173},
	{0x11180,0x11181}, {0x111B6,0x111BE}, {0x111C9,0x111CC}, {0x111CF,0x111CF},
	{0x1122F,0x11231}, {0x11234,0x11234}, {0x11236,0x11237}, {0x1123E,0x1123E},
	{0x112DF,0x112DF}, {0x112E3,0x112EA}, {0x11300,0x11301}, {0x1133B,0x1133C},
	{0x11340,0x11340}, {0x11366,0x11374}, {0x11438,0x1143F}, {0x11442,0x11444},
	{0x11446,0x11446}, {0x1145E,0x1145E}, {0x114B3,0x114B8}, {0x114BA,0x114BA},
	{0x114BF,0x114C0}, {0x114C2,0x114C3}, {0x115B2,0x115B5}, {0x115BC,0x115BD},
	{0x115BF,0x115C0}, {0x115DC,0x115DD}, {0x11633,0x1163A}, {0x1163D,0x1163D},
	{0x1163F,0x11640}, {0x116AB,0x116AB}, {0x116AD,0x116AD}, {0x116B0,0x116B5},
	{0x116B7,0x116B7}, {0x1171D,0x1171F}, {0x11722,0x11725}, {0x11727,0x1172B},
	{0x1182F,0x11837}, {0x11839,0x1183A}, {0x1193B,0x1193C}, {0x1193E,0x1193E},
	{0x11943,0x11943}, {0x119D4,0x119DB}, {0x119E0,0x119E0}, {0x11A01,0x11A0A},
	{0x11A33,0x11A38}, {0x11A3B,0x11A3E}, {0x11A47,0x11A47}, {0x11A51,0x11A56},
	{0x11A59,0x11A5B}, {0x11A8A,0x11A96}, {0x11A98,0x11A99}, {0x11C30,0x11C3D},
	{0x11C3F,0x11C3F}, {0x11C92,0x11CA7}, {0x11CAA,0x11CB0}, {0x11CB2,0x11CB3},
	{0x11CB5,0x11CB6}, {0x11D31,0x11D45}, {0x11D47,0x11D47}, {0x11D90,0x11D91},
	{0x11D95,0x11D95}, {0x11D97,0x11D97}, {0x11EF3,0x11EF4}, {0x13430,0x13438},
	{0x16AF0,0x16AF4}, {0x16B30,0x16B36}, {0x16F4F,0x16F4F}, {0x16F8F,0x16F92},
	{0x16FE4,0x16FE4}, {0x1BC9D,0x1BC9E}, {0x1BCA0,0x1CF46}, {0x1D167,0x1D169},
	{0x1D173,0x1D182}, {0x1D185,0x1D18B}, {0x1D1AA,0x1D1AD}, {0x1D242,0x1D244},
	{0x1DA00,0x1DA36}, {0x1DA3B,0x1DA6C}, {0x1DA75,0x1DA75}, {0x1DA84,0x1DA84},
	{0x1DA9B,0x1DAAF}, {0x1E000,0x1E02A}, {0x1E130,0x1E136}, {0x1E2AE,0x1E2AE},
	{0x1E2EC,0x1E2EF}, {0x1E8D0,0x1E8D6}, {0x1E944,0x1E94A}, {0xE0001,0xE01EF},
};

static int range_has(const uint32_t (*r)[2], size_t n, uint32_t cp)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cp < r[mid][0])
			hi = mid;
		else if (cp > r[mid][1])
			lo = mid + 1;
		else
			return 1;
	}
	return 0;
}

/* Columns a code point takes: 0, 1 or 2; -1 for what must not reach a
 * terminal (controls, surrogates, beyond U+10FFFF), which shows as U+FFFD.
 * Unassigned code points count as 1. */
static int cp_width(uint32_t cp)
{
	if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
		return -1;
	if (cp < 0x300)
		return 1;
	if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
		return -1;
	if (range_has(width_zero, sizeof width_zero / sizeof width_zero[0], cp))
		return 0;
	if (range_has(width_wide, sizeof width_wide / sizeof width_wide[0], cp))
		return 2;
	return 1;
}

/* Decodes one code point from the NUL-terminated s and returns the bytes
 * taken (at least 1; never steps over the NUL).  A malformed sequence is
 * U+FFFD and takes only its maximal subpart, as Unicode recommends, so a
 * stray byte costs one replacement and never swallows the next character. */
static size_t utf8_next(const unsigned char *s, uint32_t *cp)
{
	size_t n = core_utf8_decode((const char *)s, CORE_UTF8_MAX, cp);
	if (*cp == CORE_UTF8_BAD)
		*cp = CORE_UTF8_REPLACEMENT;
	return n;
}

/* Latin-1 letters and Latin Extended-A, folded to their base letter. */
static const char fold_latin1[] =
	"AAAAAAACEEEEIIIIDNOOOOOxOUUUUYTs"
	"aaaaaaaceeeeiiiidnooooo/ouuuuyty";
static const char fold_latin_ext_a[] =
	"AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiIiJjKkkLlLlLlLlLl"
	"NnNnNnnNnOoOoOoOoRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";
_Static_assert(sizeof fold_latin1 == 64 + 1, "U+00C0..U+00FF");
_Static_assert(sizeof fold_latin_ext_a == 128 + 1, "U+0100..U+017F");

/* The one ASCII character a single-width code point shows as when the
 * terminal is not UTF-8.  Names stay readable (Sørensen as Sorensen), the
 * screen's own symbols keep their meaning. */
static char ascii_fold(uint32_t cp)
{
	if (cp < 0x80)
		return (char)cp;
	if (cp >= 0xC0 && cp <= 0xFF)
		return fold_latin1[cp - 0xC0];
	if (cp >= 0x100 && cp <= 0x17F)
		return fold_latin_ext_a[cp - 0x100];
	switch (cp) {
	case 0xA0: return ' ';
	case 0xAB: case 0xBB: case 0x201C: case 0x201D: return '"';
	case 0xAD: return '-';
	case 0xB7: case 0x2219: return '.';
	case 0x2018: case 0x2019: return '\'';
	case 0x2022: case 0x2713: case 0x2714: return '*';
	case 0x2026: return '~';
	case 0x2190: case 0x25C2: case 0x25C0: return '<';
	case 0x2192: case 0x25B8: case 0x25B6: return '>';
	case 0x2191: return '^';
	case 0x2193: return 'v';
	case 0x2717: case 0x2718: case 0xD7: return 'x';
	case 0x25A3: return 'P';
	case 0x25D0: return 'H';
	case 0x25EF: return 'V';
	case 0x260E: return 'T';
	default: break;
	}
	if (cp >= 0x2010 && cp <= 0x2015)
		return '-';
	if (cp >= 0x2500 && cp <= 0x257F) {
		/* Box drawing: the horizontal and vertical strokes of every
		 * weight, then everything that joins lines is a corner. */
		switch (cp) {
		case 0x2500: case 0x2501: case 0x2504: case 0x2505: case 0x2508:
		case 0x2509: case 0x254C: case 0x254D: case 0x2550:
			return '-';
		case 0x2502: case 0x2503: case 0x2506: case 0x2507: case 0x250A:
		case 0x250B: case 0x254E: case 0x254F: case 0x2551:
			return '|';
		default:
			return '+';
		}
	}
	if (cp >= 0x2591 && cp <= 0x2593)
		return '.';
	if (cp >= 0x2580 && cp <= 0x259F)
		return '#';
	return '?';
}

static int role_clamp(int role)
{
	return role >= 0 && role < TUI_ROLE_COUNT ? role : TUI_ROLE_NORMAL;
}

/* Before cell x of row is overwritten: a double-width character that
 * the cell is half of loses its other half too, so no orphan half is
 * ever left on the canvas. */
static void cell_unlink(struct tui_canvas *c, struct tui_cell *row, int x)
{
	if (row[x].ch == 0) {
		if (x > 0)
			row[x - 1].ch = L' ';
	} else if (x + 1 < c->w && row[x + 1].ch == 0) {
		row[x + 1].ch = L' ';
	}
}

static void cell_set(struct tui_canvas *c, int y, int x, wchar_t ch, int role)
{
	if (y < 0 || y >= c->h || x < 0 || x >= c->w)
		return;
	struct tui_cell *row = c->cells + (size_t)y * (size_t)c->w;
	cell_unlink(c, row, x);
	row[x].ch = ch;
	row[x].role = (unsigned char)role;
}

/* Puts a code point at (y, x), clipped to the canvas; returns the columns
 * it takes (0 for a combining mark, which is dropped: a cell holds one
 * code point).  In ASCII mode a double-width character is "??", so the
 * layout is the same in both modes. */
static int canvas_put(struct tui_canvas *c, int y, int x, uint32_t cp, int role)
{
	int w = cp_width(cp);
	if (w < 0) {
		cp = CORE_UTF8_REPLACEMENT;
		w = 1;
	}
	if (w == 0)
		return 0;
	if (c->ascii) {
		char a = w == 2 ? '?' : ascii_fold(cp);
		cell_set(c, y, x, (wchar_t)a, role);
		if (w == 2)
			cell_set(c, y, x + 1, L'?', role);
		return w;
	}
	if (w == 1) {
		cell_set(c, y, x, (wchar_t)cp, role);
		return 1;
	}
	/* Half of a wide character cannot be shown: blank what is visible. */
	if (x < 0 || x + 1 >= c->w) {
		cell_set(c, y, x, L' ', role);
		cell_set(c, y, x + 1, L' ', role);
		return 2;
	}
	cell_set(c, y, x, (wchar_t)cp, role);
	cell_set(c, y, x + 1, 0, role);
	return 2;
}

/* Width of utf8, but stops counting once it passes cap. */
static int text_width_upto(const char *utf8, int cap)
{
	const unsigned char *s = (const unsigned char *)utf8;
	int total = 0;
	while (*s != '\0' && total <= cap) {
		uint32_t cp;
		s += utf8_next(s, &cp);
		int w = cp_width(cp);
		total += w < 0 ? 1 : w;
	}
	return total;
}

int tui_text_width(const char *utf8)
{
	return utf8 == NULL ? 0 : text_width_upto(utf8, INT32_MAX - 2);
}

int tui_canvas_init(struct tui_canvas *c, int h, int w, int ascii)
{
	memset(c, 0, sizeof *c);
	c->ascii = ascii != 0;
	return tui_canvas_resize(c, h, w);
}

int tui_canvas_resize(struct tui_canvas *c, int h, int w)
{
	if (h <= 0 || w <= 0)
		h = w = 0;
	size_t n = (size_t)h * (size_t)w;
	if (n > 0) {
		struct tui_cell *cells = realloc(c->cells, n * sizeof *cells);
		if (cells == NULL)
			return -1;
		c->cells = cells;
	} else {
		free(c->cells);
		c->cells = NULL;
	}
	c->h = h;
	c->w = w;
	tui_canvas_clear(c);
	return 0;
}

void tui_canvas_free(struct tui_canvas *c)
{
	free(c->cells);
	c->cells = NULL;
	c->h = c->w = 0;
	c->n_hits = 0;
}

void tui_canvas_clear(struct tui_canvas *c)
{
	size_t n = (size_t)c->h * (size_t)c->w;
	for (size_t i = 0; i < n; i++) {
		c->cells[i].ch = L' ';
		c->cells[i].role = TUI_ROLE_NORMAL;
	}
	c->n_hits = 0;
	c->cursor_y = c->cursor_x = -1;
}

int tui_canvas_text(struct tui_canvas *c, int y, int x, int maxw, int role,
                    const char *utf8)
{
	if (utf8 == NULL)
		return 0;
	/* The canvas edge is a limit too, so text running off the screen
	 * ends in an ellipsis instead of vanishing. */
	long limit = (long)c->w - x;
	if (maxw >= 0 && maxw < limit)
		limit = maxw;
	if (limit <= 0)
		return 0;
	role = role_clamp(role);
	int lim = (int)limit;
	int room = text_width_upto(utf8, lim) <= lim ? lim : lim - 1;
	const unsigned char *s = (const unsigned char *)utf8;
	int used = 0;
	while (*s != '\0') {
		uint32_t cp;
		size_t n = utf8_next(s, &cp);
		int w = cp_width(cp);
		if (w < 0)
			w = 1;
		if (used + w > room)
			break;
		canvas_put(c, y, x + used, cp, role);
		used += w;
		s += n;
	}
	if (*s != '\0')
		used += canvas_put(c, y, x + used, 0x2026, role);
	return used;
}

int tui_canvas_printf(struct tui_canvas *c, int y, int x, int maxw, int role,
                      const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (n < 0)
		return 0;
	if ((size_t)n < sizeof buf)
		return tui_canvas_text(c, y, x, maxw, role, buf);
	char *big = malloc((size_t)n + 1);
	if (big == NULL) /* show what fitted rather than nothing */
		return tui_canvas_text(c, y, x, maxw, role, buf);
	va_start(ap, fmt);
	vsnprintf(big, (size_t)n + 1, fmt, ap);
	va_end(ap);
	int used = tui_canvas_text(c, y, x, maxw, role, big);
	free(big);
	return used;
}

/* Clips the rectangle to the canvas; returns 0 when nothing is left. */
static int rect_clip(const struct tui_canvas *c, int *y, int *x, int *h, int *w)
{
	long y0 = *y, x0 = *x, y1 = (long)*y + *h, x1 = (long)*x + *w;
	if (y0 < 0)
		y0 = 0;
	if (x0 < 0)
		x0 = 0;
	if (y1 > c->h)
		y1 = c->h;
	if (x1 > c->w)
		x1 = c->w;
	if (y0 >= y1 || x0 >= x1)
		return 0;
	*y = (int)y0;
	*x = (int)x0;
	*h = (int)(y1 - y0);
	*w = (int)(x1 - x0);
	return 1;
}

void tui_canvas_fill(struct tui_canvas *c, int y, int x, int h, int w,
                     wchar_t ch, int role)
{
	if (!rect_clip(c, &y, &x, &h, &w))
		return;
	role = role_clamp(role);
	uint32_t cp = ch < 0 ? CORE_UTF8_REPLACEMENT : (uint32_t)ch;
	int cw = cp_width(cp);
	for (int r = y; r < y + h; r++) {
		int col = x;
		while (col < x + w) {
			/* A wide character that would stick out is a blank. */
			if (cw == 0 || (cw == 2 && col + 1 >= x + w))
				col += canvas_put(c, r, col, ' ', role);
			else
				col += canvas_put(c, r, col, cp, role);
		}
	}
}

void tui_canvas_paint(struct tui_canvas *c, int y, int x, int h, int w, int role)
{
	if (!rect_clip(c, &y, &x, &h, &w))
		return;
	role = role_clamp(role);
	for (int r = y; r < y + h; r++) {
		struct tui_cell *row = c->cells + (size_t)r * (size_t)c->w;
		for (int col = x; col < x + w; col++)
			row[col].role = (unsigned char)role;
	}
}

void tui_canvas_hline(struct tui_canvas *c, int y, int x, int w, int role)
{
	tui_canvas_fill(c, y, x, 1, w, c->ascii ? L'-' : 0x2500, role);
}

void tui_canvas_vline(struct tui_canvas *c, int y, int x, int h, int role)
{
	tui_canvas_fill(c, y, x, h, 1, c->ascii ? L'|' : 0x2502, role);
}

static const wchar_t joints[9] = {
	0x250C, 0x2510, 0x2514, 0x2518, 0x251C, 0x2524, 0x252C, 0x2534, 0x253C
};

void tui_canvas_joint(struct tui_canvas *c, int y, int x, int which, int role)
{
	if (which < 0 || which >= 9)
		return;
	canvas_put(c, y, x, c->ascii ? '+' : (uint32_t)joints[which], role_clamp(role));
}

void tui_canvas_box(struct tui_canvas *c, int y, int x, int h, int w, int role)
{
	if (h <= 0 || w <= 0)
		return;
	if (h == 1 || w == 1) {
		if (h == 1)
			tui_canvas_hline(c, y, x, w, role);
		else
			tui_canvas_vline(c, y, x, h, role);
		return;
	}
	tui_canvas_hline(c, y, x + 1, w - 2, role);
	tui_canvas_hline(c, y + h - 1, x + 1, w - 2, role);
	tui_canvas_vline(c, y + 1, x, h - 2, role);
	tui_canvas_vline(c, y + 1, x + w - 1, h - 2, role);
	tui_canvas_joint(c, y, x, 0, role);
	tui_canvas_joint(c, y, x + w - 1, 1, role);
	tui_canvas_joint(c, y + h - 1, x, 2, role);
	tui_canvas_joint(c, y + h - 1, x + w - 1, 3, role);
}

void tui_canvas_bar(struct tui_canvas *c, int y, int x, int w, double fraction)
{
	if (w <= 0)
		return;
	if (!(fraction > 0)) /* NaN too */
		fraction = 0;
	if (fraction > 1)
		fraction = 1;
	/* Rounded down, so a bar is full only when the target is met; the
	 * epsilon keeps 0.3 * 10 at 3 cells despite binary fractions. */
	int full = (int)(fraction * w + 1e-9);
	tui_canvas_fill(c, y, x, 1, full, c->ascii ? L'#' : 0x2588, TUI_ROLE_BAR_FULL);
	tui_canvas_fill(c, y, x + full, 1, w - full, c->ascii ? L'.' : 0x2591,
	                TUI_ROLE_BAR_EMPTY);
}

void tui_canvas_hit(struct tui_canvas *c, int y, int x, int h, int w, int id)
{
	if (c->n_hits >= TUI_CANVAS_MAX_HITS || !rect_clip(c, &y, &x, &h, &w))
		return;
	c->hits[c->n_hits++] = (struct tui_hit){ .y = y, .x = x, .h = h, .w = w,
	                                         .id = id };
}

int tui_canvas_hit_at(const struct tui_canvas *c, int y, int x)
{
	for (int i = c->n_hits - 1; i >= 0; i--) {
		const struct tui_hit *t = &c->hits[i];
		if (y >= t->y && y < t->y + t->h && x >= t->x && x < t->x + t->w)
			return t->id;
	}
	return -1;
}

int tui_canvas_dump(const struct tui_canvas *c, FILE *out)
{
	/* One line at a time into a buffer, one fwrite each: the canvas holds
	 * only code points that canvas_put let in, all valid. */
	char *line = malloc((size_t)c->w * 4 + 1);
	if (line == NULL)
		return -1;
	int rc = 0;
	for (int y = 0; y < c->h && rc == 0; y++) {
		const struct tui_cell *row = c->cells + (size_t)y * (size_t)c->w;
		int end = c->w;
		while (end > 0 && (row[end - 1].ch == L' ' || row[end - 1].ch == 0))
			end--;
		size_t n = 0;
		for (int x = 0; x < end; x++)
			if (row[x].ch != 0)
				n += core_utf8_encode((uint32_t)row[x].ch, line + n);
		line[n++] = '\n';
		if (fwrite(line, 1, n, out) != n)
			rc = -1;
	}
	free(line);
	return rc;
}
