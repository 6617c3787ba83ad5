/* retention_store.h - SQL of the purge (issue 12): the strategy's deletion
 * rules as stored, the records each rule makes due, their deletion with a
 * deletion record per row, and the WAL checkpoint that leaves no copy.
 * The rules themselves (durations, triggers, cut-off days) are
 * domain/retention.h's; the batches, the permission and the access log
 * the service's (service/retention.h).
 *
 * Deletion records (table deletion_record, migration 16) name the record
 * type, table and row id of each deleted row and why ('purge',
 * 'meeting-close', 'audit-prune'), nothing else. They are written in an
 * order in which deleting each named row by its id (rowid) is valid with
 * foreign keys on: children before their parent. A restore replays them.
 *
 * Same contract as store.h: 0 on success, -1 with a Danish message in
 * *err. Every function here runs in the caller's transaction when there
 * is one (store_begin).
 */
#ifndef SSP_RETENTION_STORE_H
#define SSP_RETENTION_STORE_H

#include <stdbool.h>

#include "domain/org.h"
#include "domain/retention.h"
#include "store/store.h"

/* The strategy's rules: saved by store_org_save, loaded by store_org_load
 * (a record type with no stored rule keeps org_init's built-in one). */
int store_retention_save(struct store *s, const struct org *o);
int store_retention_load(struct store *s, struct org *o);

/* Deletes up to limit records of type r (not the access log) whose
 * trigger day is on or before cutoff ("YYYY-MM-DD", from
 * retention_cutoff), each with what belongs to it, and writes a deletion
 * record (reason 'purge', time at) for every row. *deleted gets how many
 * records of type r went (rows of other tables that belonged to them are
 * not counted). A record that is part of an open concern is never due. */
int store_purge_records(struct store *s, enum retention_record r, enum retention_trigger t,
			const char *cutoff, const char *at, int limit, long long *deleted,
			char **err);

/* Deletes up to limit people that no concern, hand-over entry or
 * referral refers to any more and that were registered before day
 * before ("YYYY-MM-DD"): their name, CPR number and blind index go with
 * the row. Deletion records as above, record type "person". */
int store_purge_people(struct store *s, const char *before, const char *at, int limit,
		       long long *deleted, char **err);

/* Writes deletion records (reason 'meeting-close') for the hand-over
 * entries of meeting that store/concern_store.c's
 * concern_store_handover_purge is about to delete. */
int store_deletion_record_meeting_close(struct store *s, long long meeting, char **err);

/* Writes one deletion record (for the access log's prune: table
 * audit_log, row upto, meaning every entry up to it). */
int store_deletion_record_add(struct store *s, const char *record_type, const char *table,
			      long long row_id, const char *reason, const char *at, char **err);

/* Turns secure_delete on (deleted content is overwritten with zeros in
 * the database file) and, outside any transaction, runs a TRUNCATE WAL
 * checkpoint: the pages that held deleted content are written back and
 * the WAL emptied, so no copy stays in free pages or the WAL. *complete
 * is false when a reader on another connection kept part of the WAL
 * (the next checkpoint finishes it). */
int store_secure_checkpoint(struct store *s, bool *complete, char **err);

#endif
