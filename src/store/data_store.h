/* data_store.h - SQL for the data behind the strategy: the youth survey's
 * and the police's aggregate figures (domain/figures.h) and the log of
 * their imports. Same contract as store.h. */
#ifndef SSP_DATA_STORE_H
#define SSP_DATA_STORE_H

#include <stdbool.h>
#include <stddef.h>

#include "domain/data_record.h"
#include "domain/figures.h"
#include "store/store.h"

/* Imports every row of f in one transaction (rows' keys must be unique:
 * csv_import.c checks). Unless dry_run, commits, and when anything
 * changed records the import (file_name, by) in data_import; a dry run
 * always rolls back. */
int store_figures_import(struct store *s, const struct figure_set *f, const char *file_name,
			 const char *by, bool dry_run, struct data_counts *out, char **err);

/* Appends the stored rows of f->kind (of year, or every year when year is
 * 0) to f, ordered by year, then indicator and group (survey) or month,
 * category and age band (crime), then the whole municipality before the
 * districts in the strategy's order. */
int store_figures_load(struct store *s, int year, struct figure_set *f, char **err);

/* The names the stored rows of kind use: the survey's indicators or the
 * police figures' categories, each once, sorted. */
int store_figure_names(struct store *s, enum figure_kind kind, struct strlist *out, char **err);

/* The latest import of kind that changed something: 0 with *out filled, 1 when there has been none,
 * -1 on error. */
int store_data_import_latest(struct store *s, enum figure_kind kind, struct data_import_row *out,
			     char **err);

#endif
