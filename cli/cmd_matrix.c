/* pipebench matrix: show the meeting-type x contact-form matrix in use,
 * check a matrix file, make one the team's matrix, or go back to the
 * default asset. */
#include <csv.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "core/matrix.h"
#include "db/conn.h"
#include "db/settings.h"

/* A line of the CSV being built; one fwrite per line. */
struct matrix_line {
	char buf[1024];
	size_t len;
	int overflow;
};

/* Appends one field, quoted by csv_write only when it must be (a comma,
 * a quote, a line break or blanks at either end), so the default matrix
 * comes out as assets/matrix.csv has it. */
static void matrix_field(struct matrix_line *l, const char *s)
{
	size_t len = strlen(s);
	if (l->len > 0)
		l->buf[l->len++] = ',';
	int quote = len > 0 && (s[0] == ' ' || s[len - 1] == ' ' ||
	                        strpbrk(s, ",\"\r\n") != NULL);
	size_t room = sizeof l->buf - l->len - 2;   /* ',' and '\n' */
	if (quote) {
		size_t need = csv_write(l->buf + l->len, room, s, len);
		if (need > room) {
			l->overflow = 1;
			return;
		}
		l->len += need;
	} else {
		if (len > room) {
			l->overflow = 1;
			return;
		}
		memcpy(l->buf + l->len, s, len);
		l->len += len;
	}
}

static enum core_status matrix_line_end(struct matrix_line *l, struct core_error *err)
{
	if (l->overflow)
		return core_error_set(err, CORE_ERR_INPUT, "matrix show: a row is too long");
	l->buf[l->len++] = '\n';
	if (fwrite(l->buf, 1, l->len, stdout) != l->len)
		return core_error_set(err, CORE_ERR_IO, "writing the matrix: %s",
		                      strerror(errno));
	l->len = 0;
	return CORE_OK;
}

static enum core_status matrix_show(const struct core_matrix *m,
                                    struct core_error *err)
{
	struct matrix_line l = { .len = 0, .overflow = 0 };
	matrix_field(&l, "type");
	matrix_field(&l, "label");
	matrix_field(&l, "brief");
	for (int f = 0; f < CORE_FORM_COUNT; f++)
		matrix_field(&l, core_form_key((enum core_form)f));
	enum core_status st = matrix_line_end(&l, err);
	for (int i = 0; st == CORE_OK && i < m->n_types; i++) {
		const struct core_meeting_type *t = &m->types[i];
		matrix_field(&l, t->key);
		matrix_field(&l, t->label);
		matrix_field(&l, t->brief);
		for (int f = 0; f < CORE_FORM_COUNT; f++)
			matrix_field(&l, core_rating_key(t->rating[f]));
		st = matrix_line_end(&l, err);
	}
	if (st == CORE_OK && fflush(stdout) != 0)
		st = core_error_set(err, CORE_ERR_IO, "writing the matrix: %s",
		                    strerror(errno));
	return st;
}

enum core_status cli_matrix_run(const struct cli_ctx *ctx, int argc, char **argv,
                                struct core_error *err)
{
	const char *cmd = argc > 1 ? argv[1] : "";
	int wants_file = strcmp(cmd, "check") == 0 || strcmp(cmd, "load") == 0;
	if (!wants_file && strcmp(cmd, "show") != 0 && strcmp(cmd, "reset") != 0)
		return core_error_set(err, CORE_ERR_INPUT,
		                      "matrix: expected show, check FILE, load FILE or reset%s%s%s",
		                      cmd[0] ? ", not '" : "", cmd, cmd[0] ? "'" : "");
	if (argc != (wants_file ? 3 : 2))
		return core_error_set(err, CORE_ERR_INPUT, "usage: pipebench matrix %s%s",
		                      cmd, wants_file ? " FILE" : "");

	struct core_matrix mx;
	struct core_matrix *m = &mx;
	enum core_status st = CORE_OK;
	/* A file is parsed whole before the database is touched, so a
	 * malformed one changes nothing. */
	if (wants_file)
		st = core_matrix_load_file(m, argv[2], err);
	if (st == CORE_OK && strcmp(cmd, "check") == 0) {
		printf("%s: ok, %d meeting types\n", argv[2], m->n_types);
		return CORE_OK;
	}
	struct db *db = NULL;
	if (st == CORE_OK)
		st = db_open(ctx->db_path, DB_OPEN_CREATE, &db, err);
	if (st == CORE_OK && strcmp(cmd, "show") == 0) {
		st = db_matrix_get(db, m, NULL, err);
		if (st == CORE_OK)
			st = matrix_show(m, err);
	} else if (st == CORE_OK && strcmp(cmd, "load") == 0) {
		st = db_matrix_set(db, m, err);
		if (st == CORE_OK)
			printf("matrix: %d meeting types from %s are now the team's matrix\n",
			       m->n_types, argv[2]);
	} else if (st == CORE_OK) {
		m->n_types = 0;
		st = db_matrix_set(db, m, err);
		if (st == CORE_OK)
			printf("matrix: back to the default matrix\n");
	}
	db_close(db);
	return st;
}
