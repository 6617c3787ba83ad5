#ifndef SSP_MIGRATIONS_H
#define SSP_MIGRATIONS_H

extern const char *const store_migrations[];
extern const int store_migrations_nr;

#endif
