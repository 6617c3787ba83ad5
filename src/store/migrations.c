/* migrations.c - the schema, one step per version.
 *
 * A step is never edited once released: add a new one. The database's
 * PRAGMA user_version is the number of steps applied. */
#include "store/migrations.h"

/* The three triggers that move org_stamp on any change to table t. */
#define ORG_STAMP_TRIGGERS(t)                                                                      \
	"CREATE TRIGGER org_stamp_" t "_ins AFTER INSERT ON " t                                    \
	" BEGIN UPDATE org_stamp SET stamp = random(); END;"                                       \
	"CREATE TRIGGER org_stamp_" t "_upd AFTER UPDATE ON " t                                    \
	" BEGIN UPDATE org_stamp SET stamp = random(); END;"                                       \
	"CREATE TRIGGER org_stamp_" t "_del AFTER DELETE ON " t                                    \
	" BEGIN UPDATE org_stamp SET stamp = random(); END;"

/* The steps keep the layout they were released with: clang-format (a
 * newer version, or a changed .clang-format) must not touch them. */
// clang-format off
const char *const store_migrations[] = {
	/* 1: the organisation from the strategy */
	"CREATE TABLE municipality ("
	"  id INTEGER PRIMARY KEY CHECK (id = 1),"
	"  name TEXT NOT NULL,"
	"  police_district TEXT NOT NULL,"
	"  age_min INTEGER NOT NULL,"
	"  age_max INTEGER NOT NULL,"
	"  ssp_plus_from INTEGER NOT NULL,"
	"  strategy_sha256 TEXT NOT NULL,"
	"  loaded_at TEXT NOT NULL"
	");"
	"CREATE TABLE strategy_theme ("
	"  id TEXT PRIMARY KEY,"
	"  text TEXT NOT NULL"
	");"
	"CREATE TABLE district ("
	"  id TEXT PRIMARY KEY,"
	"  name TEXT NOT NULL,"
	"  position INTEGER NOT NULL,"
	"  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))"
	");"
	"CREATE TABLE category ("
	"  id TEXT PRIMARY KEY,"
	"  name TEXT NOT NULL,"
	"  description TEXT,"
	"  position INTEGER NOT NULL,"
	"  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))"
	");"
	"CREATE TABLE body ("
	"  id TEXT PRIMARY KEY,"
	"  name TEXT NOT NULL,"
	"  level TEXT NOT NULL CHECK (level IN ('politisk','strategisk','koordinerende','udførende')),"
	"  parent_id TEXT REFERENCES body(id) DEFERRABLE INITIALLY DEFERRED,"
	"  purpose TEXT NOT NULL,"
	"  responsible TEXT NOT NULL,"
	"  frequency TEXT NOT NULL,"
	"  named_individuals INTEGER NOT NULL CHECK (named_individuals IN (0, 1)),"
	"  note TEXT,"
	"  position INTEGER NOT NULL,"
	"  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))"
	");"
	"CREATE TABLE body_item ("
	"  body_id TEXT NOT NULL REFERENCES body(id) ON DELETE CASCADE,"
	"  kind TEXT NOT NULL CHECK (kind IN ('member','task','wheel_theme')),"
	"  position INTEGER NOT NULL,"
	"  text TEXT NOT NULL,"
	"  PRIMARY KEY (body_id, kind, position)"
	");"
	"CREATE TABLE institution ("
	"  id TEXT PRIMARY KEY,"
	"  name TEXT NOT NULL,"
	"  kind TEXT NOT NULL CHECK (kind IN ('skole','klub')),"
	"  district_id TEXT NOT NULL REFERENCES district(id),"
	"  example INTEGER NOT NULL DEFAULT 0 CHECK (example IN (0, 1)),"
	"  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))"
	");",

	/* 2: people, sign-in and the access log */
	"CREATE TABLE user ("
	"  id INTEGER PRIMARY KEY,"
	"  username TEXT NOT NULL UNIQUE,"
	"  name TEXT NOT NULL,"
	"  role TEXT NOT NULL,"
	"  org TEXT,"
	"  institution_id TEXT REFERENCES institution(id),"
	"  password_hash TEXT NOT NULL,"
	"  totp_secret BLOB,"              /* sealed with the instance key */
	"  totp_enabled INTEGER NOT NULL DEFAULT 0 CHECK (totp_enabled IN (0, 1)),"
	"  totp_last_step INTEGER NOT NULL DEFAULT 0," /* refuses a code used twice */
	"  disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),"
	"  created_at TEXT NOT NULL"
	");"
	"CREATE TABLE session ("
	"  id_hash BLOB PRIMARY KEY,"          /* BLAKE2b of the cookie value */
	"  user_id INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,"
	"  state TEXT NOT NULL CHECK (state IN ('totp', 'enrol', 'full')),"
	"  csrf TEXT NOT NULL,"
	"  created_at INTEGER NOT NULL,"       /* unix seconds */
	"  last_seen INTEGER NOT NULL"
	");"
	"CREATE INDEX session_user ON session(user_id);"
	"CREATE TABLE api_token ("
	"  id INTEGER PRIMARY KEY,"
	"  hash BLOB NOT NULL UNIQUE,"
	"  user_id INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,"
	"  created_at TEXT NOT NULL,"
	"  revoked_at TEXT"
	");"
	"CREATE TABLE login_failure ("
	"  key TEXT NOT NULL,"                 /* 'user:NAME' or 'addr:ADDRESS' */
	"  at INTEGER NOT NULL"
	");"
	"CREATE INDEX login_failure_key ON login_failure(key, at);"
	"CREATE TABLE audit_log ("
	"  seq INTEGER PRIMARY KEY,"
	"  at TEXT NOT NULL,"
	"  username TEXT,"
	"  org TEXT,"
	"  action TEXT NOT NULL,"
	"  object TEXT,"
	"  subject TEXT,"
	"  legal_basis TEXT,"
	"  client TEXT,"
	"  outcome TEXT NOT NULL,"
	"  prev_hash TEXT NOT NULL,"
	"  hash TEXT NOT NULL"
	");"
	"CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log"
	"  BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END;"
	"CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log"
	"  BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END;",

	/* 3: meeting planning: the strategy's planning keys, and the planned
	 * meetings (store/meeting_store.c). Times are ISO 8601 local times in
	 * Europe/Copenhagen with their offset ("2027-01-12T14:00:00+01:00"),
	 * so they sort as text within a year. */
	"ALTER TABLE municipality ADD COLUMN closed_days TEXT;" /* "24-12, 31-12"; NULL: default */
	"ALTER TABLE body ADD COLUMN weekday INTEGER CHECK (weekday BETWEEN 1 AND 5);"
	"ALTER TABLE body ADD COLUMN start_time TEXT;"	  /* "HH:MM" */
	"ALTER TABLE body ADD COLUMN duration INTEGER;"	  /* minutes */
	"ALTER TABLE body ADD COLUMN holiday_weeks TEXT;" /* "7, 26-32, 42" */
	"ALTER TABLE body ADD COLUMN theme TEXT;"
	"ALTER TABLE body ADD COLUMN focus_year TEXT CHECK (focus_year IN ('lige', 'ulige'));"
	"ALTER TABLE body ADD COLUMN cadence_start TEXT;" /* "YYYY-MM-DD" */
	"CREATE TABLE meeting ("
	"  id INTEGER PRIMARY KEY,"
	"  uid TEXT NOT NULL UNIQUE,"		     /* iCalendar UID, stable across re-plans */
	"  body_id TEXT NOT NULL REFERENCES body(id),"
	"  district_id TEXT REFERENCES district(id),"
	"  year INTEGER NOT NULL,"
	"  start_at TEXT NOT NULL,"
	"  end_at TEXT NOT NULL,"
	"  theme TEXT,"
	"  agenda TEXT,"			     /* standing duties, one per line */
	"  status TEXT NOT NULL DEFAULT 'planned'"
	"    CHECK (status IN ('planned', 'held', 'cancelled', 'moved')),"
	"  changed_by_hand INTEGER NOT NULL DEFAULT 0 CHECK (changed_by_hand IN (0, 1)),"
	"  ad_hoc INTEGER NOT NULL DEFAULT 0 CHECK (ad_hoc IN (0, 1)),"
	"  sequence INTEGER NOT NULL DEFAULT 0,"     /* iCalendar SEQUENCE */
	"  updated_at TEXT NOT NULL,"
	"  updated_by TEXT"
	");"
	"CREATE INDEX meeting_year ON meeting(year, start_at);"
	"CREATE INDEX meeting_body ON meeting(body_id, year);",

	/* 4: running meetings, calendar subscriptions and the school network */
	"CREATE TABLE meeting_agenda_item ("
	"  meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,"
	"  position INTEGER NOT NULL,"
	"  text TEXT NOT NULL,"
	"  PRIMARY KEY (meeting_id, position)"
	");"
	"CREATE TABLE meeting_attendance ("
	"  meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,"
	"  user_id INTEGER REFERENCES user(id),"  /* a user, or */
	"  name TEXT,"                            /* a guest by name and organisation */
	"  org TEXT,"
	"  present INTEGER NOT NULL DEFAULT 1 CHECK (present IN (0, 1)),"
	"  CHECK (user_id IS NOT NULL OR name IS NOT NULL)"
	");"
	"CREATE UNIQUE INDEX meeting_attendance_user ON meeting_attendance(meeting_id, user_id)"
	"  WHERE user_id IS NOT NULL;"
	/* General minutes: trends, places and unnamed groups only (never named
	 * young people: those belong in individual case notes). */
	"CREATE TABLE meeting_minutes ("
	"  meeting_id INTEGER PRIMARY KEY REFERENCES meeting(id) ON DELETE CASCADE,"
	"  text TEXT NOT NULL,"
	"  updated_at TEXT NOT NULL,"
	"  updated_by TEXT NOT NULL"
	");"
	/* Private calendar subscription addresses (/kalender/<token>.ics): the
	 * token is stored only as its hash and can be revoked. */
	"CREATE TABLE calendar_token ("
	"  hash BLOB PRIMARY KEY,"
	"  user_id INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,"
	"  created_at TEXT NOT NULL,"
	"  revoked_at TEXT"
	");"
	/* Who takes part in which body (for per-person calendars). */
	"CREATE TABLE body_participant ("
	"  body_id TEXT NOT NULL REFERENCES body(id),"
	"  user_id INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,"
	"  PRIMARY KEY (body_id, user_id)"
	");"
	/* A school's SSP-læseplan: prevention items per grade. */
	"CREATE TABLE laeseplan_item ("
	"  id INTEGER PRIMARY KEY,"
	"  institution_id TEXT NOT NULL REFERENCES institution(id),"
	"  grade TEXT NOT NULL,"                  /* '4'..'10', or e.g. 'klub' */
	"  theme TEXT NOT NULL,"
	"  planned_date TEXT,"                    /* YYYY-MM-DD */
	"  held_date TEXT,"
	"  updated_at TEXT NOT NULL,"
	"  updated_by TEXT NOT NULL"
	");"
	"CREATE INDEX laeseplan_institution ON laeseplan_item(institution_id);",

	/* 5: an institution an administrator has added, edited, deactivated or
	 * reactivated (on /skoler) is the administrator's: re-loading the
	 * strategy leaves it as it is (store_org_save). */
	"ALTER TABLE institution ADD COLUMN edited_by_admin"
	"  INTEGER NOT NULL DEFAULT 0"
	"  CHECK (edited_by_admin IN (0, 1));",

	/* 6: sealed columns (service/crypto.c). Data keys are random, stored
	 * here wrapped (XChaCha20-Poly1305) under a key derived from the
	 * instance secret in DB.key; a sealed value names its key by id. The
	 * TOTP secrets sealed the old way (secretbox, no key id, no associated
	 * data) move to totp_legacy until the program re-seals them on its
	 * next start (crypto_upgrade in service_load_key): that needs the
	 * key, which SQL does not have. */
	"CREATE TABLE data_key ("
	"  id INTEGER PRIMARY KEY CHECK (id BETWEEN 1 AND 4294967295),"
	"  wrapped BLOB NOT NULL,"
	"  created_at TEXT NOT NULL"
	");"
	"ALTER TABLE user ADD COLUMN totp_legacy BLOB;"
	"UPDATE user SET totp_legacy = totp_secret, totp_secret = NULL"
	"  WHERE totp_secret IS NOT NULL;",
	/* 7: the web door's guards (store/guard_store.c): failed anonymous
	 * attempts (bad bearer or calendar tokens) counted per address and
	 * minute, written to the access log as one entry each; idempotency
	 * keys of creating requests, so a repeated post makes one record. */
	"CREATE TABLE anon_failure ("
	"  client TEXT NOT NULL,"
	"  minute INTEGER NOT NULL,"              /* Unix time / 60 */
	"  action TEXT NOT NULL,"                 /* 'token.use', 'calendar.feed' */
	"  count INTEGER NOT NULL,"
	"  PRIMARY KEY (client, minute, action)"
	");"
	"CREATE TABLE idempotency ("
	"  user_id INTEGER NOT NULL,"             /* 0: the local operator */
	"  key TEXT NOT NULL,"
	"  created_at INTEGER NOT NULL,"          /* Unix time */
	"  object TEXT,"                          /* what it made; NULL while working */
	"  PRIMARY KEY (user_id, key)"
	");",

	/* 8 (issue 11): the strategy's own reason why named young people are
	 * not discussed at a body (navngivne-personer-grund); NULL: none given. */
	"ALTER TABLE body ADD COLUMN named_reason TEXT;",

	/* 9 (issue 11): a body's chair and minute-taker (mødeleder, referent):
	 * roles or functions, one per line, "district-id: ..." for one unit. */
	"ALTER TABLE body ADD COLUMN chairs TEXT;"
	"ALTER TABLE body ADD COLUMN minute_takers TEXT;",

	/* 10: the SSP-team's daily work (issue 14; store/team_store.c): the
	 * [ssp-team] keys of the strategy, the help landscape (offers), courses
	 * and events with registrations, attendance and duty shifts, knowledge
	 * notes, and advice given. No young person is named in any of them. */
	"ALTER TABLE municipality ADD COLUMN training_months INTEGER;" /* NULL: default */
	"CREATE TABLE team_theme ("
	"  position INTEGER PRIMARY KEY,"
	"  text TEXT NOT NULL"
	");"
	"CREATE TABLE team_recurring ("
	"  position INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL,"
	"  from_md TEXT NOT NULL,"                 /* "MM-DD" */
	"  to_md TEXT NOT NULL"
	");"
	"CREATE TABLE offer ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL,"
	"  provider TEXT NOT NULL,"
	"  age_from INTEGER NOT NULL,"
	"  age_to INTEGER NOT NULL CHECK (age_to >= age_from),"
	"  referral TEXT NOT NULL,"                /* who may refer, how, waiting time */
	"  contact TEXT,"                          /* by function, never a private person */
	"  confirmed TEXT NOT NULL,"               /* YYYY-MM-DD: last confirmed */
	"  owner_id INTEGER REFERENCES user(id),"  /* flagged to them after a year */
	"  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),"
	"  updated_at TEXT NOT NULL,"
	"  updated_by TEXT NOT NULL"
	");"
	"CREATE TABLE offer_theme ("
	"  offer_id INTEGER NOT NULL REFERENCES offer(id) ON DELETE CASCADE,"
	"  theme TEXT NOT NULL,"
	"  PRIMARY KEY (offer_id, theme)"
	");"
	/* no rows: the whole municipality */
	"CREATE TABLE offer_district ("
	"  offer_id INTEGER NOT NULL REFERENCES offer(id) ON DELETE CASCADE,"
	"  district_id TEXT NOT NULL REFERENCES district(id),"
	"  PRIMARY KEY (offer_id, district_id)"
	");"
	/* times are local Europe/Copenhagen wall-clock "YYYY-MM-DDTHH:MM" */
	"CREATE TABLE team_event ("
	"  id INTEGER PRIMARY KEY,"
	"  uid TEXT NOT NULL UNIQUE,"              /* iCalendar UID */
	"  kind TEXT NOT NULL CHECK (kind IN"
	"    ('course', 'training', 'theme-day', 'parent-evening', 'event')),"
	"  name TEXT NOT NULL,"
	"  start_at TEXT NOT NULL,"
	"  end_at TEXT NOT NULL CHECK (end_at > start_at),"
	"  place TEXT NOT NULL,"
	"  audience TEXT,"
	"  capacity INTEGER CHECK (capacity IS NULL OR capacity > 0),"
	"  expected TEXT,"                         /* expected audience of a larger event */
	"  risk_notes TEXT,"                       /* in general terms, never a name */
	"  call_list TEXT,"                        /* whom to call, by function */
	"  evaluation TEXT,"
	"  recurring TEXT,"                        /* name of the strategy's recurring event */
	"  cancelled INTEGER NOT NULL DEFAULT 0 CHECK (cancelled IN (0, 1)),"
	"  created_at TEXT NOT NULL,"
	"  created_by TEXT NOT NULL"
	");"
	"CREATE INDEX team_event_start ON team_event(start_at);"
	"CREATE TABLE event_registration ("
	"  event_id INTEGER NOT NULL REFERENCES team_event(id) ON DELETE CASCADE,"
	"  user_id INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,"
	"  registered_at TEXT NOT NULL,"
	"  registered_by TEXT NOT NULL,"
	"  attended INTEGER CHECK (attended IN (0, 1))," /* NULL: not recorded */
	"  PRIMARY KEY (event_id, user_id)"
	");"
	"CREATE TABLE event_shift ("
	"  id INTEGER PRIMARY KEY,"
	"  event_id INTEGER NOT NULL REFERENCES team_event(id) ON DELETE CASCADE,"
	"  user_id INTEGER NOT NULL REFERENCES user(id),"
	"  start_at TEXT NOT NULL,"
	"  end_at TEXT NOT NULL CHECK (end_at > start_at),"
	"  task TEXT"
	");"
	"CREATE INDEX event_shift_user ON event_shift(user_id, start_at);"
	"CREATE TABLE knowledge_note ("
	"  id INTEGER PRIMARY KEY,"
	"  title TEXT NOT NULL,"
	"  body TEXT NOT NULL,"                    /* text and links only */
	"  created_at TEXT NOT NULL,"
	"  created_by TEXT NOT NULL"
	");"
	"CREATE TABLE knowledge_note_audience ("
	"  note_id INTEGER NOT NULL REFERENCES knowledge_note(id) ON DELETE CASCADE,"
	"  kind TEXT NOT NULL CHECK (kind IN ('role', 'body')),"
	"  target TEXT NOT NULL,"                  /* a role id or a body id */
	"  PRIMARY KEY (note_id, kind, target)"
	");"
	"CREATE TABLE knowledge_note_read ("
	"  note_id INTEGER NOT NULL REFERENCES knowledge_note(id) ON DELETE CASCADE,"
	"  user_id INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,"
	"  read_at TEXT NOT NULL,"
	"  PRIMARY KEY (note_id, user_id)"
	");"
	/* advice given without names: who asked by role only */
	"CREATE TABLE advice ("
	"  id INTEGER PRIMARY KEY,"
	"  day TEXT NOT NULL,"                     /* YYYY-MM-DD */
	"  asker_role TEXT NOT NULL,"              /* teacher, club worker, parent ... */
	"  theme TEXT NOT NULL,"
	"  district_id TEXT REFERENCES district(id)," /* NULL: the whole municipality */
	"  minutes INTEGER NOT NULL CHECK (minutes > 0),"
	"  led_to_referral INTEGER NOT NULL DEFAULT 0 CHECK (led_to_referral IN (0, 1)),"
	"  led_to_underretning INTEGER NOT NULL DEFAULT 0"
	"    CHECK (led_to_underretning IN (0, 1)),"
	"  created_at TEXT NOT NULL,"
	"  created_by TEXT NOT NULL"
	");"
	"CREATE INDEX advice_day ON advice(day);",
	/* 11: the individual case flow (issue 9; store/concern_store.c).
	 * Names, CPR numbers and every free text about a person are sealed
	 * BLOBs (service/crypto.h: XChaCha20-Poly1305 with table, column and
	 * row as associated data, a key id in each ciphertext), NULL until the
	 * service seals them right after the insert, in the same transaction
	 * (the row id is part of the associated data); a CPR number
	 * is found through its keyed blind index. Nothing here is readable
	 * without the key. Categories and action types come from the
	 * strategy; a concern refers to its category by id, so a strategy
	 * that renumbers its levels does not change a recorded decision. */
	"ALTER TABLE category ADD COLUMN deadline_days INTEGER"
	"  CHECK (deadline_days BETWEEN 1 AND 365);"           /* frist-dage; NULL: the default */
	"ALTER TABLE category ADD COLUMN serious INTEGER NOT NULL DEFAULT 0"
	"  CHECK (serious IN (0, 1));"                          /* alvorlig: the UKN rule */
	"CREATE TABLE action_type ("                            /* [handling "id"] */
	"  id TEXT PRIMARY KEY,"
	"  name TEXT NOT NULL,"
	"  position INTEGER NOT NULL,"
	"  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))"
	");"
	/* A § 115-møde closed for the case flow: its hand-over list is gone. */
	"ALTER TABLE meeting ADD COLUMN closed_at TEXT;"
	"CREATE TABLE person ("
	"  id INTEGER PRIMARY KEY,"
	"  name BLOB,"                                           /* sealed */
	"  cpr BLOB,"                                            /* sealed; NULL: birth date only */
	"  cpr_index BLOB UNIQUE,"                               /* keyed blind index of the CPR */
	"  birth_date TEXT NOT NULL,"                            /* YYYY-MM-DD: age rules, retention */
	"  institution_id TEXT REFERENCES institution(id),"
	"  district_id TEXT REFERENCES district(id),"
	"  created_at TEXT NOT NULL,"
	"  created_by TEXT NOT NULL"
	");"
	"CREATE TABLE concern ("
	"  id INTEGER PRIMARY KEY,"
	"  person_id INTEGER NOT NULL REFERENCES person(id),"
	"  category_id TEXT NOT NULL REFERENCES category(id),"
	"  legal_basis TEXT NOT NULL CHECK (legal_basis IN"
	"    ('ssp','psp','ksp-a','ksp-b','ksp-c','stk3','samtykke','underretning')),"
	"  necessity INTEGER NOT NULL CHECK (necessity = 1),"
	"  serious_crime INTEGER NOT NULL DEFAULT 0 CHECK (serious_crime IN (0, 1)),"
	"  prison_sentence INTEGER NOT NULL DEFAULT 0 CHECK (prison_sentence IN (0, 1)),"
	"  meeting_id INTEGER REFERENCES meeting(id),"          /* where it was opened */
	"  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),"
	"  opened_at TEXT NOT NULL,"
	"  opened_by TEXT NOT NULL,"
	"  closed_at TEXT,"
	"  closed_by TEXT,"
	"  close_reason BLOB,"                                   /* sealed */
	"  CHECK ((status = 'closed') = (closed_at IS NOT NULL))"
	");"
	"CREATE INDEX concern_person ON concern(person_id, status);"
	/* Escalation: every category a concern has had, oldest first. */
	"CREATE TABLE concern_category ("
	"  concern_id INTEGER NOT NULL REFERENCES concern(id) ON DELETE CASCADE,"
	"  at TEXT NOT NULL,"
	"  category_id TEXT NOT NULL REFERENCES category(id),"
	"  meeting_id INTEGER REFERENCES meeting(id),"
	"  by_user TEXT NOT NULL"
	");"
	"CREATE INDEX concern_category_concern ON concern_category(concern_id, at);"
	/* The seed's derived target group: the least needed to contact them. */
	"CREATE TABLE related_person ("
	"  id INTEGER PRIMARY KEY,"
	"  concern_id INTEGER NOT NULL REFERENCES concern(id) ON DELETE CASCADE,"
	"  name BLOB,"                                           /* sealed */
	"  relation TEXT NOT NULL CHECK (relation IN"
	"    ('forælder', 'værge', 'søskende', 'familie', 'anden-voksen')),"
	"  phone BLOB,"                                          /* sealed */
	"  created_at TEXT NOT NULL,"
	"  created_by TEXT NOT NULL"
	");"
	/* The police hand-over list of a § 115-møde: a staging area, deleted
	 * when the meeting is closed unless turned into a concern. */
	"CREATE TABLE handover ("
	"  id INTEGER PRIMARY KEY,"
	"  meeting_id INTEGER NOT NULL REFERENCES meeting(id),"
	"  person_id INTEGER NOT NULL REFERENCES person(id),"
	"  contact_date TEXT NOT NULL,"
	"  summary BLOB,"                                        /* sealed */
	"  category_id TEXT REFERENCES category(id),"           /* suggested */
	"  concern_id INTEGER REFERENCES concern(id),"          /* set when turned into one */
	"  created_at TEXT NOT NULL,"
	"  created_by TEXT NOT NULL"
	");"
	"CREATE INDEX handover_meeting ON handover(meeting_id);"
	/* A school's or club's referral (indstilling) and its screening. */
	"CREATE TABLE referral ("
	"  id INTEGER PRIMARY KEY,"
	"  person_id INTEGER NOT NULL REFERENCES person(id),"
	"  institution_id TEXT REFERENCES institution(id),"
	"  summary BLOB,"                                        /* sealed */
	"  necessity BLOB,"                                      /* sealed */
	"  legal_basis TEXT NOT NULL CHECK (legal_basis IN"
	"    ('ssp','psp','ksp-a','ksp-b','ksp-c','stk3','samtykke','underretning')),"
	"  status TEXT NOT NULL DEFAULT 'submitted'"
	"    CHECK (status IN ('submitted', 'agenda', 'adhoc', 'other', 'decided')),"
	"  meeting_id INTEGER REFERENCES meeting(id),"
	"  screen_reason BLOB,"                                  /* sealed */
	"  screened_at TEXT,"
	"  screened_by TEXT,"
	"  concern_id INTEGER REFERENCES concern(id),"
	"  created_at TEXT NOT NULL,"
	"  created_by TEXT NOT NULL"
	");"
	"CREATE INDEX referral_meeting ON referral(meeting_id);"
	"CREATE INDEX referral_creator ON referral(created_by);"
	/* What the meeting decided on one agenda item: at most one decision
	 * per item (two participants deciding at once: one wins). */
	"CREATE TABLE decision ("
	"  id INTEGER PRIMARY KEY,"
	"  meeting_id INTEGER NOT NULL REFERENCES meeting(id),"
	"  item_kind TEXT NOT NULL CHECK (item_kind IN ('handover', 'referral', 'followup')),"
	"  item_id INTEGER NOT NULL,"
	"  concern_id INTEGER NOT NULL REFERENCES concern(id),"
	"  category_id TEXT NOT NULL REFERENCES category(id),"
	"  legal_basis TEXT NOT NULL,"
	"  necessity INTEGER NOT NULL CHECK (necessity = 1),"
	"  decided_at TEXT NOT NULL,"
	"  decided_by TEXT NOT NULL,"
	"  UNIQUE (meeting_id, item_kind, item_id)"
	");"
	/* § 115, stk. 4: no one is obliged to share; a participant who
	 * declines is recorded (who, not what). */
	"CREATE TABLE share_declined ("
	"  meeting_id INTEGER NOT NULL REFERENCES meeting(id),"
	"  item_kind TEXT NOT NULL,"
	"  item_id INTEGER NOT NULL,"
	"  username TEXT NOT NULL,"
	"  org TEXT,"
	"  at TEXT NOT NULL"
	");"
	"CREATE TABLE concern_action ("
	"  id INTEGER PRIMARY KEY,"
	"  concern_id INTEGER NOT NULL REFERENCES concern(id) ON DELETE CASCADE,"
	"  decision_id INTEGER REFERENCES decision(id),"
	"  type TEXT NOT NULL,"                                  /* built-in or action_type.id */
	"  owner_org TEXT NOT NULL,"
	"  owner_user TEXT,"
	"  due TEXT NOT NULL,"                                   /* YYYY-MM-DD */
	"  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),"
	"  planned_date TEXT,"                                   /* bekymringssamtale */
	"  held_date TEXT,"
	"  reported_at TEXT,"                                    /* underretning made */
	"  receipt_due TEXT,"                                    /* + 6 working days */
	"  receipt_at TEXT,"
	"  created_at TEXT NOT NULL,"
	"  created_by TEXT NOT NULL,"
	"  done_at TEXT"
	");"
	"CREATE INDEX concern_action_owner ON concern_action(owner_org, status, due);"
	"CREATE INDEX concern_action_concern ON concern_action(concern_id);"
	/* Individual case notes: named, visible only to the case's
	 * participants. welfare: the note signals concern for a child's
	 * welfare (the underretning prompt). */
	"CREATE TABLE concern_note ("
	"  id INTEGER PRIMARY KEY,"
	"  concern_id INTEGER NOT NULL REFERENCES concern(id) ON DELETE CASCADE,"
	"  action_id INTEGER REFERENCES concern_action(id),"
	"  text BLOB,"                                           /* sealed */
	"  welfare INTEGER NOT NULL DEFAULT 0 CHECK (welfare IN (0, 1)),"
	"  created_at TEXT NOT NULL,"
	"  created_by TEXT NOT NULL"
	");",

	/* 12 (issue 13): the data behind the strategy: aggregate figures
	 * from the youth survey and the police (no personal data; small
	 * counts are hidden when shown, domain/figures.h). district '' is the whole
	 * municipality, month 0 the whole year; shares are hundredths of a
	 * percent. The figures' tables are keyed by their key alone (WITHOUT
	 * ROWID: one b-tree, not a table and an index, for files of a million
	 * rows). data_import records each import that changed something. */
	"CREATE TABLE survey_figure ("
	"  year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),"
	"  indicator TEXT NOT NULL,"
	"  grp TEXT NOT NULL,"
	"  district TEXT NOT NULL,"
	"  share INTEGER NOT NULL CHECK (share BETWEEN 0 AND 10000),"
	"  respondents INTEGER CHECK (respondents >= 0),"
	"  national INTEGER CHECK (national BETWEEN 0 AND 10000),"
	"  PRIMARY KEY (year, indicator, grp, district)"
	") WITHOUT ROWID;"
	"CREATE TABLE crime_figure ("
	"  year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),"
	"  month INTEGER NOT NULL CHECK (month BETWEEN 0 AND 12),"
	"  category TEXT NOT NULL,"
	"  age_band TEXT NOT NULL,"
	"  district TEXT NOT NULL,"
	"  count INTEGER NOT NULL CHECK (count >= 0),"
	"  PRIMARY KEY (year, month, category, age_band, district)"
	") WITHOUT ROWID;"
	"CREATE TABLE data_import ("
	"  id INTEGER PRIMARY KEY,"
	"  kind TEXT NOT NULL CHECK (kind IN ('ungeprofil', 'kriminalitet')),"
	"  file_name TEXT NOT NULL,"
	"  imported_at TEXT NOT NULL,"
	"  imported_by TEXT NOT NULL,"
	"  added INTEGER NOT NULL,"
	"  replaced INTEGER NOT NULL,"
	"  unchanged INTEGER NOT NULL"
	");",

	/* 13 (issue 12; store/indsigt_store.c): the right of access. A
	 * request (indsigt, GDPR art. 15) about one person: when it came,
	 * its deadline (one month later, domain/indsigt.h), whether it has
	 * been answered, and a restriction under databeskyttelseslovens
	 * § 22, stk. 2, nr. 4: which record types are withheld (ids of
	 * store/indsigt_store.h's sources, comma-separated) and the
	 * case-specific justification (sealed: it may describe the person). */
	"CREATE TABLE indsigt_request ("
	"  id INTEGER PRIMARY KEY,"
	"  person_id INTEGER NOT NULL REFERENCES person(id),"
	"  received TEXT NOT NULL,"                              /* YYYY-MM-DD */
	"  deadline TEXT NOT NULL,"                              /* YYYY-MM-DD */
	"  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'answered')),"
	"  answered_at TEXT,"
	"  answered_by TEXT,"
	"  restricted_parts TEXT,"                               /* NULL: no restriction */
	"  restriction_justification BLOB,"                      /* sealed */
	"  restricted_at TEXT,"
	"  restricted_by TEXT,"
	"  created_at TEXT NOT NULL,"
	"  created_by TEXT NOT NULL,"
	"  CHECK ((status = 'answered') = (answered_at IS NOT NULL))"
	");"
	"CREATE INDEX indsigt_request_open ON indsigt_request(status, deadline);"
	"CREATE INDEX indsigt_request_person ON indsigt_request(person_id);",
	/* 14 (issue 14): an action of type "henvisning" points at the offer of
	 * the help landscape it refers to (NULL: none named). The offer row
	 * stays when the offer leaves the directory (active = 0). */
	"ALTER TABLE concern_action ADD COLUMN offer_id INTEGER REFERENCES offer(id);",
	/* 15 (issue 14): the strategy's [ssp-team] beredskabsforum, the body
	 * whose meetings take up the larger events (NULL: the default). */
	"ALTER TABLE municipality ADD COLUMN preparedness_body TEXT;",
	/* 16 (issue 12): the life of personal data (store/retention_store.c).
	 * deletion_record: one row per row deleted by the purge, by closing a
	 * meeting or by pruning the access log, without personal data (the
	 * contract a restore replays; keep it as it is). retention_rule: the
	 * strategy's [sletning] rules as loaded (none: the built-in ones).
	 * audit_anchor: where a pruned access log now starts; its mac, keyed
	 * with the chain key, lets `ssp audit verify` trust the first
	 * remaining entry's prev_hash. An entry may be deleted only up to the
	 * newest anchor. */
	"CREATE TABLE IF NOT EXISTS deletion_record (id INTEGER PRIMARY KEY, at TEXT NOT NULL /* UTC ISO-8601 */, record_type TEXT NOT NULL, table_name TEXT NOT NULL, row_id INTEGER NOT NULL, reason TEXT NOT NULL /* 'purge', 'meeting-close', 'audit-prune' */);"
	"CREATE TABLE retention_rule ("
	"  record_type TEXT PRIMARY KEY,"
	"  duration TEXT NOT NULL,"                 /* ISO 8601, "P1825D" */
	"  trigger_id TEXT NOT NULL"                /* "sag-lukket", ... */
	");"
	"CREATE TABLE audit_anchor ("
	"  id INTEGER PRIMARY KEY,"
	"  upto_seq INTEGER NOT NULL,"              /* entries 1..upto_seq are pruned */
	"  hash TEXT NOT NULL,"                     /* the hash entry upto_seq had */
	"  at TEXT NOT NULL,"
	"  mac TEXT NOT NULL"                       /* keyed, over these and the previous mac */
	");"
	"CREATE TRIGGER audit_anchor_no_update BEFORE UPDATE ON audit_anchor"
	"  BEGIN SELECT RAISE(ABORT, 'the access log anchors are append-only'); END;"
	"CREATE TRIGGER audit_anchor_no_delete BEFORE DELETE ON audit_anchor"
	"  BEGIN SELECT RAISE(ABORT, 'the access log anchors are append-only'); END;"
	/* The purge deletes by these references (children before parents)
	 * and SQLite checks each foreign key on delete: without an index
	 * every deleted concern or person would scan these tables. */
	"CREATE INDEX IF NOT EXISTS handover_concern ON handover(concern_id);"
	"CREATE INDEX IF NOT EXISTS handover_person ON handover(person_id);"
	"CREATE INDEX IF NOT EXISTS referral_concern ON referral(concern_id);"
	"CREATE INDEX IF NOT EXISTS referral_person ON referral(person_id);"
	"CREATE INDEX IF NOT EXISTS decision_concern ON decision(concern_id);"
	"CREATE INDEX IF NOT EXISTS related_person_concern ON related_person(concern_id);"
	"CREATE INDEX IF NOT EXISTS concern_note_concern ON concern_note(concern_id);"
	"CREATE INDEX IF NOT EXISTS concern_note_action ON concern_note(action_id);"
	"CREATE INDEX IF NOT EXISTS concern_action_decision ON concern_action(decision_id);"
	"CREATE INDEX IF NOT EXISTS share_declined_item ON share_declined(item_kind, item_id);"
	"DROP TRIGGER audit_log_no_delete;"
	"CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log"
	"  WHEN OLD.seq > coalesce((SELECT max(upto_seq) FROM audit_anchor), 0)"
	"  BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END;",
	/* 17 (issue 13): focus areas, trend tags. The steering group's
	 * strategic focus areas (chosen in its focus-area year, in force that
	 * year and the next: domain/evaluation.h), each linked to the bodies
	 * that carry it and the survey indicators and police categories it
	 * rests on. Trend tags: the strategy's themes ([ssp-team] tema) on the
	 * general minutes of a meeting. No personal data in either. */
	"CREATE TABLE focus_area ("
	"  id INTEGER PRIMARY KEY,"
	"  year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),"
	"  title TEXT NOT NULL,"
	"  goal TEXT NOT NULL,"
	"  measure TEXT NOT NULL,"
	"  created_at TEXT NOT NULL,"
	"  created_by TEXT NOT NULL"
	");"
	"CREATE TABLE focus_area_body ("
	"  focus_id INTEGER NOT NULL REFERENCES focus_area(id) ON DELETE CASCADE,"
	"  body_id TEXT NOT NULL,"
	"  PRIMARY KEY (focus_id, body_id)"
	");"
	"CREATE TABLE focus_area_figure ("
	"  focus_id INTEGER NOT NULL REFERENCES focus_area(id) ON DELETE CASCADE,"
	"  kind TEXT NOT NULL CHECK (kind IN ('ungeprofil', 'kriminalitet')),"
	"  name TEXT NOT NULL,"
	"  PRIMARY KEY (focus_id, kind, name)"
	");"
	"CREATE TABLE minutes_tag ("
	"  meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,"
	"  theme TEXT NOT NULL,"
	"  tagged_at TEXT NOT NULL,"
	"  tagged_by TEXT NOT NULL,"
	"  PRIMARY KEY (meeting_id, theme)"
	");",

	/* issue 11: a meeting of a body that meets at each institution of a
	 * kind ("4 om året på hver skole") carries its institution */
	"ALTER TABLE meeting ADD COLUMN institution_id TEXT REFERENCES institution(id);",

	/* issue 11: the municipality's own ordered levels ([strategi]
	 * niveauer); none stored: the four default ones. body.level loses its
	 * CHECK on the four: migrate() rebuilds the table (create, copy, drop,
	 * rename, with foreign keys off) when it sees STORE_REBUILD_BODY_LEVEL. */
	STORE_REBUILD_BODY_LEVEL
	"CREATE TABLE org_level ("
	"  position INTEGER PRIMARY KEY,"
	"  id TEXT NOT NULL UNIQUE"
	");",

	/* issue 11: each applied strategy, with the day it took effect, so a
	 * past year is planned and judged by the rules then in force
	 * (store/version_store.c) */
	"CREATE TABLE strategy_version ("
	"  id INTEGER PRIMARY KEY,"
	"  effective TEXT NOT NULL,"	/* YYYY-MM-DD */
	"  sha256 TEXT NOT NULL,"
	"  text TEXT NOT NULL,"
	"  applied_at TEXT NOT NULL,"
	"  applied_by TEXT"
	");"
	"CREATE INDEX strategy_version_effective ON strategy_version(effective, id);",

	/* an event's iCalendar SEQUENCE: raised by every edit and the
	 * cancellation, so subscribed calendars take the new version
	 * (RFC 5545 3.8.7.4) */
	"ALTER TABLE team_event ADD COLUMN sequence INTEGER NOT NULL DEFAULT 0;",

	/* issue 10: the steering group's statistics (concern_store_stats).
	 * The year's concerns found through an index on the opening time, not
	 * by reading every concern. stats_epoch: one value,
	 * set to a new random number by every change the statistics can see
	 * (a concern opened, deleted, moved to another category, person or
	 * day; a person's birth day or district; a category, district or
	 * body), so a connection keeps its counts until it changes and an
	 * access-log entry does not count as a change. Random, not counted
	 * up: a restored backup cannot bring back a value with other data. */
	"CREATE INDEX concern_opened ON concern(opened_at);"
	"CREATE TABLE stats_epoch ("
	"  id INTEGER PRIMARY KEY CHECK (id = 1),"
	"  n INTEGER NOT NULL"
	");"
	"INSERT INTO stats_epoch (id, n) VALUES (1, random());"
	"CREATE TRIGGER stats_concern_insert AFTER INSERT ON concern"
	"  BEGIN UPDATE stats_epoch SET n = random(); END;"
	"CREATE TRIGGER stats_concern_delete AFTER DELETE ON concern"
	"  BEGIN UPDATE stats_epoch SET n = random(); END;"
	"CREATE TRIGGER stats_concern_update AFTER UPDATE OF person_id, category_id, opened_at"
	"  ON concern BEGIN UPDATE stats_epoch SET n = random(); END;"
	"CREATE TRIGGER stats_person_update AFTER UPDATE OF birth_date, district_id ON person"
	"  BEGIN UPDATE stats_epoch SET n = random(); END;"
	"CREATE TRIGGER stats_person_delete AFTER DELETE ON person"
	"  BEGIN UPDATE stats_epoch SET n = random(); END;"
	"CREATE TRIGGER stats_category_insert AFTER INSERT ON category"
	"  BEGIN UPDATE stats_epoch SET n = random(); END;"
	"CREATE TRIGGER stats_category_delete AFTER DELETE ON category"
	"  BEGIN UPDATE stats_epoch SET n = random(); END;"
	"CREATE TRIGGER stats_category_update AFTER UPDATE ON category"
	"  BEGIN UPDATE stats_epoch SET n = random(); END;"
	"CREATE TRIGGER stats_district_insert AFTER INSERT ON district"
	"  BEGIN UPDATE stats_epoch SET n = random(); END;"
	"CREATE TRIGGER stats_district_delete AFTER DELETE ON district"
	"  BEGIN UPDATE stats_epoch SET n = random(); END;"
	"CREATE TRIGGER stats_district_update AFTER UPDATE ON district"
	"  BEGIN UPDATE stats_epoch SET n = random(); END;"
	"CREATE TRIGGER stats_body_insert AFTER INSERT ON body"
	"  BEGIN UPDATE stats_epoch SET n = random(); END;"
	"CREATE TRIGGER stats_body_delete AFTER DELETE ON body"
	"  BEGIN UPDATE stats_epoch SET n = random(); END;"
	"CREATE TRIGGER stats_body_update AFTER UPDATE OF active ON body"
	"  BEGIN UPDATE stats_epoch SET n = random(); END;",

	/* issue 10: the organisation's stamp. Every change to a table the
	 * organisation is loaded from (store_org_load and the loaders it calls)
	 * sets it to a new random number, so a connection keeps the organisation
	 * it loaded until the stamp moves (svc_org_cur, org_service.c) instead
	 * of reading it again in every service call. The unit test org_cache
	 * checks that every table store_org_load reads has these triggers. */
	"CREATE TABLE org_stamp ("
	"  id INTEGER PRIMARY KEY CHECK (id = 1),"
	"  stamp INTEGER NOT NULL"
	");"
	"INSERT INTO org_stamp (id, stamp) VALUES (1, random());"
	ORG_STAMP_TRIGGERS("municipality")
	ORG_STAMP_TRIGGERS("strategy_theme")
	ORG_STAMP_TRIGGERS("district")
	ORG_STAMP_TRIGGERS("category")
	ORG_STAMP_TRIGGERS("org_level")
	ORG_STAMP_TRIGGERS("body")
	ORG_STAMP_TRIGGERS("body_item")
	ORG_STAMP_TRIGGERS("institution")
	ORG_STAMP_TRIGGERS("team_theme")
	ORG_STAMP_TRIGGERS("team_recurring")
	ORG_STAMP_TRIGGERS("action_type")
	ORG_STAMP_TRIGGERS("retention_rule"),
};
// clang-format on

const int store_migrations_nr = (int)(sizeof(store_migrations) / sizeof(*store_migrations));
