#ifndef DB_SCHEMA_H
#define DB_SCHEMA_H
/* The schema as a list of migration steps, private to db/.  Step N takes a
 * database from user_version N-1 to N; db/conn.c applies the missing ones
 * in one transaction.  A change to the schema is a new step appended to the
 * list (and DB_SCHEMA_VERSION raised); a released step never changes. */

/* The SQL of the step that brings the schema to version `to` (1-based), or
 * NULL when there is no such step.  The text is static. */
const char *db_schema_step(int to);

#endif
