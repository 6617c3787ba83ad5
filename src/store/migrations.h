#ifndef SSP_MIGRATIONS_H
#define SSP_MIGRATIONS_H

extern const char *const store_migrations[];
/* A migration that starts with this comment also has body's CHECK on
 * level removed by rebuilding the table (store.c, rebuild_body). */
#define STORE_REBUILD_BODY_LEVEL "/* rebuild body: level without CHECK */"
extern const int store_migrations_nr;

#endif
