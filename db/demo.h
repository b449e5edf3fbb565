#ifndef DB_DEMO_H
#define DB_DEMO_H
/* Deterministic demo data: Scandinavian sellers, accounts and contacts with
 * æøå, every battlefield, form, meeting type and 4D dimension, history
 * before the current week and plans after it. */

#include <stdint.h>

#include "core/error.h"
#include "db/conn.h"

struct db_demo_opts {
	uint64_t seed;        /* same seed, same data */
	int sellers;          /* default 5 */
	int accounts;         /* default 40 per seller */
	int weeks;            /* weeks of history before this week; default 8 */
	int per_week;         /* meetings per seller per week; default 10 */
	int64_t today;        /* days since epoch the data centres on */
};

void db_demo_defaults(struct db_demo_opts *o);
/* Fills an empty database in one transaction; a database that already has
 * sellers is refused (CORE_ERR_INPUT) so demo data never mixes with real
 * data. */
enum core_status db_demo_fill(struct db *db, const struct db_demo_opts *o,
                              struct core_error *err);

#endif
