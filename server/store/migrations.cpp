#include "server/store/migrations.h"

#include "server/store/postgres.h"
#include "server/store/sqlite.h"

#include <array>
#include <regex>
#include <string>

namespace orchard::store {

namespace {

constexpr std::array kMigrations{
    Migration{1, "server metadata", R"sql(
        CREATE TABLE server_meta (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        INSERT INTO server_meta (key, value)
            VALUES ('created_at', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
    )sql"},
    Migration{2, "conversation trees, tasks, labels, rankings", R"sql(
        -- Times are integer milliseconds since the Unix epoch (UTC).
        CREATE TABLE api_clients (
            id            TEXT PRIMARY KEY,
            key_hash      TEXT NOT NULL UNIQUE,     -- BLAKE2b of the key; the key itself is never stored
            description   TEXT NOT NULL,
            admin_email   TEXT,
            enabled       INTEGER NOT NULL DEFAULT 1,
            trusted       INTEGER NOT NULL DEFAULT 0,
            frontend_type TEXT,
            created_ms    INTEGER NOT NULL
        );
        CREATE TABLE users (
            id                  TEXT PRIMARY KEY,
            api_client_id       TEXT REFERENCES api_clients(id),
            auth_method         TEXT NOT NULL,      -- discord, google, local, system
            external_id         TEXT NOT NULL,      -- the frontend's own id for this person
            display_name        TEXT NOT NULL,
            enabled             INTEGER NOT NULL DEFAULT 1,
            deleted             INTEGER NOT NULL DEFAULT 0,
            show_on_leaderboard INTEGER NOT NULL DEFAULT 1,
            tos_accepted_ms     INTEGER,
            created_ms          INTEGER NOT NULL,
            UNIQUE (api_client_id, auth_method, external_id)
        );
        CREATE TABLE message_trees (
            id                    TEXT PRIMARY KEY, -- the root message's id
            state                 TEXT NOT NULL,
            lang                  TEXT NOT NULL,
            goal_tree_size        INTEGER NOT NULL,
            max_depth             INTEGER NOT NULL,
            max_children_count    INTEGER NOT NULL,
            active                INTEGER NOT NULL DEFAULT 1,
            origin                TEXT,
            won_prompt_lottery_ms INTEGER,
            created_ms            INTEGER NOT NULL,
            updated_ms            INTEGER NOT NULL
        );
        CREATE INDEX message_trees_by_state ON message_trees (state, lang);
        CREATE TABLE messages (
            seq                 INTEGER PRIMARY KEY, -- stable row id for full-text search
            id                  TEXT NOT NULL UNIQUE,
            message_tree_id     TEXT NOT NULL,
            parent_id           TEXT,
            depth               INTEGER NOT NULL,
            role                TEXT NOT NULL,       -- prompter, assistant
            lang                TEXT NOT NULL,
            text                TEXT NOT NULL,
            user_id             TEXT NOT NULL REFERENCES users(id),
            api_client_id       TEXT,
            frontend_message_id TEXT,
            review_count        INTEGER NOT NULL DEFAULT 0,
            review_result       INTEGER,             -- NULL under review, 1 accepted, 0 rejected
            ranking_count       INTEGER NOT NULL DEFAULT 0,
            rank                INTEGER,
            children_count      INTEGER NOT NULL DEFAULT 0, -- live (not deleted) children
            synthetic           INTEGER NOT NULL DEFAULT 0,
            model_name          TEXT,
            deleted             INTEGER NOT NULL DEFAULT 0,
            edited              INTEGER NOT NULL DEFAULT 0,
            emojis              TEXT NOT NULL DEFAULT '{}',
            created_ms          INTEGER NOT NULL,
            UNIQUE (api_client_id, frontend_message_id)
        );
        CREATE INDEX messages_by_tree ON messages (message_tree_id, depth);
        CREATE INDEX messages_by_parent ON messages (parent_id);
        CREATE INDEX messages_by_user ON messages (user_id, created_ms);
        CREATE INDEX messages_under_review ON messages (lang, created_ms)
            WHERE review_result IS NULL AND deleted = 0;
        CREATE TABLE message_revisions (
            id         TEXT PRIMARY KEY,
            message_id TEXT NOT NULL,
            text       TEXT NOT NULL,
            user_id    TEXT NOT NULL,
            created_ms INTEGER NOT NULL
        );
        CREATE INDEX message_revisions_by_message ON message_revisions (message_id, created_ms);
        -- SQLite only {
        CREATE VIRTUAL TABLE messages_fts USING fts5 (text, content = 'messages', content_rowid = 'seq');
        CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
            INSERT INTO messages_fts (rowid, text) VALUES (new.seq, new.text);
        END;
        CREATE TRIGGER messages_fts_update AFTER UPDATE OF text ON messages BEGIN
            INSERT INTO messages_fts (messages_fts, rowid, text) VALUES ('delete', old.seq, old.text);
            INSERT INTO messages_fts (rowid, text) VALUES (new.seq, new.text);
        END;
        -- }
        CREATE TABLE tasks (
            id                  TEXT PRIMARY KEY,
            type                TEXT NOT NULL,
            user_id             TEXT NOT NULL REFERENCES users(id),
            api_client_id       TEXT,
            lang                TEXT,
            payload             TEXT NOT NULL,       -- the task exactly as sent, with its conversation
            message_tree_id     TEXT,
            parent_message_id   TEXT,                -- the message answered, labeled or whose replies are ranked
            frontend_message_id TEXT,                -- given at ack
            collective          INTEGER NOT NULL DEFAULT 0,
            created_ms          INTEGER NOT NULL,
            expiry_ms           INTEGER NOT NULL,
            acked               INTEGER NOT NULL DEFAULT 0,
            done                INTEGER NOT NULL DEFAULT 0,
            skipped             INTEGER NOT NULL DEFAULT 0,
            skip_reason         TEXT,
            result_id           TEXT,                -- what the interaction created, for idempotent retries
            UNIQUE (api_client_id, frontend_message_id)
        );
        CREATE INDEX tasks_by_user ON tasks (user_id, created_ms);
        CREATE INDEX tasks_open_by_parent ON tasks (parent_message_id, type, created_ms)
            WHERE done = 0 AND skipped = 0;
        CREATE TABLE text_labels (
            id         TEXT PRIMARY KEY,
            message_id TEXT NOT NULL,
            user_id    TEXT NOT NULL REFERENCES users(id),
            task_id    TEXT UNIQUE,                  -- NULL for labels given outside tasks
            labels     TEXT NOT NULL,                -- {"name": value}
            text       TEXT,
            is_report  INTEGER NOT NULL DEFAULT 0,
            created_ms INTEGER NOT NULL
        );
        CREATE INDEX text_labels_by_message ON text_labels (message_id, user_id);
        CREATE TABLE rankings (
            id                TEXT PRIMARY KEY,
            parent_message_id TEXT NOT NULL,
            user_id           TEXT NOT NULL REFERENCES users(id),
            task_id           TEXT UNIQUE,
            ranking           TEXT NOT NULL,         -- message ids, best first
            not_rankable      INTEGER NOT NULL DEFAULT 0,
            created_ms        INTEGER NOT NULL
        );
        CREATE INDEX rankings_by_parent ON rankings (parent_message_id, user_id);
        CREATE TABLE message_reactions (
            message_id TEXT NOT NULL,
            user_id    TEXT NOT NULL,
            emoji      TEXT NOT NULL,                -- an emoji code, or a skip marker like _skip_reply
            created_ms INTEGER NOT NULL,
            PRIMARY KEY (message_id, user_id, emoji)
        );
        CREATE INDEX message_reactions_by_user ON message_reactions (user_id, emoji);
        CREATE TABLE flagged_messages (
            message_id TEXT PRIMARY KEY,
            flagged_ms INTEGER NOT NULL,
            processed  INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE config (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL                     -- JSON
        );
    )sql",
              // PostgreSQL's own full-text search, over words as written (any language).
              R"sql(
        ALTER TABLE messages ADD COLUMN text_search tsvector
            GENERATED ALWAYS AS (to_tsvector('simple', text)) STORED;
        CREATE INDEX messages_text_search ON messages USING gin (text_search);
        -- SQLite's implicit row numbers, which the moderators' queue pages by.
        ALTER TABLE flagged_messages ADD COLUMN rowid BIGINT GENERATED ALWAYS AS IDENTITY;
    )sql"},
    Migration{3, "indexes for the task request", R"sql(
        -- The pending-task cap counts a user's open tasks on every task request; with only
        -- tasks_by_user it read every task the user was given within the expiry span.
        CREATE INDEX tasks_open_by_user ON tasks (user_id, created_ms)
            WHERE done = 0 AND skipped = 0;
        -- "Did this user already reply under this parent?" runs for every candidate parent;
        -- without user_id in the index SQLite chose messages_by_user and read all of the
        -- user's messages each time.
        DROP INDEX messages_by_parent;
        CREATE INDEX messages_by_parent ON messages (parent_id, user_id);
        -- Nothing reads tasks by user alone any more; every index costs a page write per task.
        DROP INDEX tasks_by_user;
        -- Candidate queries walk the trees of a state oldest first and stop at their limit
        -- instead of sorting every candidate.
        DROP INDEX message_trees_by_state;
        CREATE INDEX message_trees_by_state ON message_trees (state, lang, created_ms, id);
        -- Replies to review are looked up per growing tree; the index by language found every
        -- pending reply of every tree, dead ones included.
        DROP INDEX messages_under_review;
        CREATE INDEX messages_under_review ON messages (message_tree_id, created_ms)
            WHERE review_result IS NULL AND deleted = 0;
        -- The task as shown, with its conversation (often several pages), lives apart from the
        -- task's state: acknowledging or finishing a task then rewrites one small row instead
        -- of the whole text each time.
        CREATE TABLE task_payloads (
            task_id TEXT PRIMARY KEY REFERENCES tasks(id),
            payload TEXT NOT NULL
        );
        INSERT INTO task_payloads (task_id, payload) SELECT id, payload FROM tasks;
        ALTER TABLE tasks DROP COLUMN payload;
    )sql"},
    Migration{4, "accounts and sessions", R"sql(
        -- People who use Orchard's own client (PROTOCOL.md §9). Each is a users row without an
        -- API client (auth_method 'orchard'); the account adds how they sign in and their role.
        CREATE TABLE accounts (
            user_id       TEXT PRIMARY KEY REFERENCES users(id),
            username      TEXT UNIQUE COLLATE NOCASE, -- NULL for a guest
            email         TEXT UNIQUE COLLATE NOCASE, -- for sign-in links; NULL if none
            password_hash TEXT,                       -- Argon2id (libsodium); NULL for a guest
            role          TEXT NOT NULL DEFAULT 'contributor', -- contributor, moderator, admin
            created_ms    INTEGER NOT NULL
        );
        -- Only a hash of each session token is kept: a copy of the database signs nobody in.
        CREATE TABLE sessions (
            token_hash TEXT PRIMARY KEY,
            user_id    TEXT NOT NULL REFERENCES users(id),
            created_ms INTEGER NOT NULL,
            expires_ms INTEGER NOT NULL,
            revoked    INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX sessions_by_user ON sessions (user_id) WHERE revoked = 0;
        -- Failed sign-ins in the recent window, by account and by address (brute-force limit).
        CREATE TABLE sign_in_failures (
            key   TEXT NOT NULL, -- "account:<username>" or "address:<ip>"
            at_ms INTEGER NOT NULL
        );
        CREATE INDEX sign_in_failures_by_key ON sign_in_failures (key, at_ms);
        -- One-time sign-in links sent by e-mail (hash of the link's token only).
        CREATE TABLE email_sign_ins (
            token_hash TEXT PRIMARY KEY,
            email      TEXT NOT NULL,
            expires_ms INTEGER NOT NULL,
            used       INTEGER NOT NULL DEFAULT 0
        );
    )sql"},
    Migration{5, "sign-in with OAuth2 providers", R"sql(
        -- Sign-ins between the redirect to the provider and its redirect back: each is used
        -- once and expires after 10 minutes. Only a hash of the state is kept; the PKCE code
        -- verifier itself must be sent to the provider with the code.
        CREATE TABLE oauth_states (
            state_hash    TEXT PRIMARY KEY,
            provider      TEXT NOT NULL,
            code_verifier TEXT NOT NULL,
            redirect_uri  TEXT NOT NULL,
            created_ms    INTEGER NOT NULL,
            expires_ms    INTEGER NOT NULL
        );
        CREATE INDEX oauth_states_by_expiry ON oauth_states (expires_ms);
        -- The person at a provider (its stable id for them) and their Orchard account.
        CREATE TABLE oauth_identities (
            provider   TEXT NOT NULL,
            subject    TEXT NOT NULL,
            user_id    TEXT NOT NULL REFERENCES users(id),
            created_ms INTEGER NOT NULL,
            PRIMARY KEY (provider, subject)
        );
        CREATE INDEX oauth_identities_by_user ON oauth_identities (user_id);
    )sql"},
    Migration{6, "points ledger, leaderboards, news and prizes", R"sql(
        -- Every event that earned points (docs/rewards.md). kind is domain::PointKind's number;
        -- points is the weight it earned at the time, for the person to read.
        CREATE TABLE ledger (
            id         INTEGER PRIMARY KEY,
            user_id    TEXT NOT NULL,
            kind       INTEGER NOT NULL,
            points     REAL NOT NULL,
            message_id TEXT,
            created_ms INTEGER NOT NULL
        );
        CREATE INDEX ledger_by_user ON ledger (user_id, created_ms);
        CREATE INDEX ledger_by_time ON ledger (created_ms);
        -- Each user's counts in each time frame (0 day, 1 week, 2 month, 3 total), kept current
        -- with the ledger; `shown` is users.enabled AND NOT deleted AND show_on_leaderboard.
        CREATE TABLE score_frames (
            frame   INTEGER NOT NULL,
            user_id TEXT NOT NULL,
            counts  TEXT NOT NULL,              -- JSON array, one count per kind
            score   INTEGER NOT NULL,
            shown   INTEGER NOT NULL,
            PRIMARY KEY (frame, user_id)
        ) WITHOUT ROWID;
        CREATE INDEX score_frames_board ON score_frames (frame, shown, score DESC, user_id);
        -- How far each rolling frame has let events go: (created_ms, id) of the last one.
        CREATE TABLE frame_cursors (
            frame      INTEGER PRIMARY KEY,
            created_ms INTEGER NOT NULL,
            ledger_id  INTEGER NOT NULL
        );
        INSERT INTO frame_cursors (frame, created_ms, ledger_id) VALUES (0, 0, 0), (1, 0, 0), (2, 0, 0);
        CREATE TABLE streaks (
            user_id          TEXT PRIMARY KEY,
            start_ms         INTEGER NOT NULL,
            last_activity_ms INTEGER NOT NULL
        );
        -- Small facts the rewards keep between events (the leader of the day).
        CREATE TABLE rewards_state (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        CREATE TABLE news (
            id         INTEGER PRIMARY KEY,
            kind       TEXT NOT NULL,
            user_id    TEXT,
            message_id TEXT,
            data       TEXT NOT NULL,           -- JSON object
            created_ms INTEGER NOT NULL
        );
        CREATE TABLE prizes (
            id            TEXT PRIMARY KEY,
            title         TEXT NOT NULL,
            description   TEXT NOT NULL,
            time_frame    TEXT NOT NULL,
            starts_ms     INTEGER NOT NULL,
            ends_ms       INTEGER NOT NULL,
            winners_count INTEGER NOT NULL,
            awarded_ms    INTEGER,
            created_ms    INTEGER NOT NULL
        );
        CREATE INDEX prizes_due ON prizes (ends_ms) WHERE awarded_ms IS NULL;
        CREATE TABLE prize_winners (
            prize_id TEXT NOT NULL,
            place    INTEGER NOT NULL,
            user_id  TEXT NOT NULL,
            score    INTEGER NOT NULL,
            PRIMARY KEY (prize_id, place)
        );
        -- The trollboard counts what happened to people's messages in a time frame.
        CREATE INDEX message_reactions_by_time ON message_reactions (created_ms);
        CREATE INDEX text_labels_by_time ON text_labels (created_ms);
    )sql"},
    // The prompt lottery weighs each waiting author by their replies ranked first in the last
    // 30 days. Read through messages_by_user, that count went through all of an author's
    // messages of the month, for every author with a waiting prompt, each time a tree stopped
    // growing: 110 ms for 200 waiting prompts on bench_big_db's database, with every request
    // waiting. These few rows are all it needs.
    Migration{7, "first-place replies by author", R"sql(
        CREATE INDEX messages_first_place_by_user ON messages (user_id, created_ms)
            WHERE rank = 0 AND parent_id IS NOT NULL AND deleted = 0;
    )sql"},
    // Trees move on while people work on the tasks we handed them (another user's review or
    // ranking closes a round). What they send is kept, not refused, and marked here as having
    // arrived after its round, so that the tree manager keeps it out of a round that was already
    // decided and readers can tell it apart (docs/late-contributions.md). The late counts on the
    // message are kept beside review_count and ranking_count, which count on-time ones only.
    Migration{8, "contributions that arrive after their tree moved on", R"sql(
        ALTER TABLE messages ADD COLUMN arrived_after_growing INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE messages ADD COLUMN late_review_count INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE messages ADD COLUMN late_ranking_count INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE text_labels ADD COLUMN arrived_late INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE rankings ADD COLUMN arrived_late INTEGER NOT NULL DEFAULT 0;
    )sql"},
    // Red flags are weighed by who raises them, and enough weight hides a message for a moderator
    // to decide instead of deleting it (docs/flag-moderation.md). messages.deleted gains a third
    // value: 0 live, 1 deleted by a moderator, 2 hidden by auto-moderation until a moderator
    // decides. Everything that reads "deleted = 0" as "in the tree" treats hidden as out of it.
    Migration{9, "weighed red flags and the moderators' flag queue", R"sql(
        -- What this person's red flag weighed when they raised it, in quarters of a flag.
        ALTER TABLE message_reactions ADD COLUMN weight INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE flagged_messages ADD COLUMN hidden_ms INTEGER;  -- when auto-moderation hid it
        ALTER TABLE flagged_messages ADD COLUMN decision TEXT;      -- keep or remove
        ALTER TABLE flagged_messages ADD COLUMN decided_ms INTEGER;
        ALTER TABLE flagged_messages ADD COLUMN decided_by TEXT;    -- a user id, NULL for a key
        ALTER TABLE flagged_messages ADD COLUMN last_flag_ms INTEGER;
        CREATE INDEX flagged_messages_queue ON flagged_messages (processed, last_flag_ms);
        CREATE INDEX flagged_messages_by_time ON flagged_messages (last_flag_ms);
        UPDATE flagged_messages SET last_flag_ms = flagged_ms;
    )sql"},
    // The data explorer lists the newest trees, of a language or all (explorer_store.cpp), and
    // admins download exports by links the server signs with a key of its own that every server of
    // the same database shares (download_links.cpp). The key is made here, once, by SQLite's
    // cryptographic random source.
    Migration{10, "the explorer's trees by language and the download links' key", R"sql(
        CREATE INDEX message_trees_by_lang ON message_trees (lang, created_ms, id);
        CREATE INDEX message_trees_by_time ON message_trees (created_ms, id);
        -- SQLite only {
        INSERT INTO server_meta (key, value) VALUES ('download_link_key', lower(hex(randomblob(32))));
        -- }
    )sql",
              // Two random UUIDs' 244 bits from PostgreSQL's cryptographic source.
              R"sql(
        INSERT INTO server_meta (key, value) VALUES ('download_link_key',
            replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''));
    )sql"},
    // An export reads every label of every tree it writes, tree after tree. Found through
    // text_labels_by_message, each message's labels cost an index search and a table row read
    // from wherever the label was written: about three random page reads per message, half of
    // an export's time on bench_export's 800,000-message database. Labels carry their tree, and
    // this index holds all an export reads of them in tree order, so that the export reads it
    // from one end to the other.
    Migration{11, "labels in tree order for exports", R"sql(
        ALTER TABLE text_labels ADD COLUMN message_tree_id TEXT;
        UPDATE text_labels SET message_tree_id =
            (SELECT message_tree_id FROM messages WHERE messages.id = text_labels.message_id);
        CREATE INDEX text_labels_by_tree
            ON text_labels (message_tree_id, message_id, created_ms, id, user_id, labels);
    )sql"},
    // Moderation (docs/moderation.md). Every moderator's and admin's action leaves a row in the
    // audit log, each row chained to the one before by a hash (server/domain/audit_log.h), so
    // that a row changed or taken out afterwards is found by `orchard audit verify`. Triggers
    // refuse any change to a row through SQLite. A ban keeps its reason to show the person;
    // hiding from the leaderboards is the moderators' own switch beside the person's opt-out
    // (score_frames.shown now also needs NOT hidden_by_moderator); notes are what moderators tell
    // each other about a person.
    Migration{12, "the audit log, bans with reasons, moderator notes", R"sql(
        CREATE TABLE audit_log (
            seq             INTEGER PRIMARY KEY AUTOINCREMENT,
            created_ms      INTEGER NOT NULL,
            actor_user_id   TEXT,          -- who acted (NULL: a trusted key naming nobody)
            actor_client_id TEXT,          -- the API client the call came through, if any
            action          TEXT NOT NULL, -- e.g. message.delete, user.ban, config.change
            target_kind     TEXT NOT NULL, -- message, tree, user, config, prize, api_client, export
            target_id       TEXT NOT NULL,
            before_json     TEXT NOT NULL, -- what the target was ('null': nothing)
            after_json      TEXT NOT NULL, -- what it became
            prev_hash       TEXT NOT NULL,
            hash            TEXT NOT NULL
        );
        CREATE INDEX audit_log_by_actor ON audit_log (actor_user_id, seq);
        CREATE INDEX audit_log_by_action ON audit_log (action, seq);
        CREATE INDEX audit_log_by_target ON audit_log (target_id, seq);
        -- SQLite only {
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        -- }

        ALTER TABLE users ADD COLUMN disabled_reason TEXT;
        ALTER TABLE users ADD COLUMN hidden_by_moderator INTEGER NOT NULL DEFAULT 0;
        CREATE TABLE moderator_notes (
            id         INTEGER PRIMARY KEY,
            user_id    TEXT NOT NULL,  -- the person the note is about
            author_id  TEXT,           -- the moderator who wrote it
            text       TEXT NOT NULL,
            created_ms INTEGER NOT NULL
        );
        CREATE INDEX moderator_notes_by_user ON moderator_notes (user_id, id);
        -- A person's page counts their labels and rankings.
        CREATE INDEX text_labels_by_user ON text_labels (user_id);
        CREATE INDEX rankings_by_user ON rankings (user_id);
        CREATE INDEX users_by_created ON users (created_ms, id);
    )sql",
              R"sql(
        CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$;
        CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
            FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
    )sql"},
    Migration{13, "visitors of events (kiosks)", R"sql(
        -- A guest who started at an event's kiosk: their contributions count on its board.
        CREATE TABLE event_members (
            user_id   TEXT PRIMARY KEY,
            event     TEXT NOT NULL,
            joined_ms INTEGER NOT NULL
        );
        CREATE INDEX event_members_by_event ON event_members (event, user_id);
    )sql"},
    // Rate limits kept where every server of one PostgreSQL database counts against them
    // (domain/shared_rate_limiter.h); a lone SQLite server keeps them in memory and leaves this
    // table empty. One row per budget: when its allowance is used up (domain/rate_limiter.h).
    Migration{14, "rate limits shared by several servers", R"sql(
        CREATE TABLE rate_limits (
            budget        TEXT PRIMARY KEY, -- the rule's name and the key, e.g. tasks user:<id>
            used_until_ms INTEGER NOT NULL
        );
        CREATE INDEX rate_limits_by_time ON rate_limits (used_until_ms);
    )sql"},
};

} // namespace

namespace {

// A database written by a newer Orchard is refused rather than damaged.
void refuse_newer(int version, std::span<const Migration> migrations) {
    const int newest = migrations.empty() ? 0 : migrations.back().version;
    if (version > newest)
        throw DatabaseError("the database has schema version " + std::to_string(version) +
                            " but this build knows only up to " + std::to_string(newest) +
                            "; use a newer Orchard");
}

} // namespace

std::span<const Migration> all_migrations() {
    return kMigrations;
}

std::string postgres_schema(const Migration& migration) {
    std::string sql = migration.sql;
    // The parts only SQLite has.
    for (std::size_t start; (start = sql.find("-- SQLite only {")) != std::string::npos;) {
        const std::size_t end = sql.find("-- }", start);
        sql.erase(start, end == std::string::npos ? std::string::npos : end + 4 - start);
    }
    const std::pair<const char*, const char*> replacements[] = {
        // SQLite's row ids: numbered by PostgreSQL, explicit values still accepted.
        {R"(\bINTEGER PRIMARY KEY( AUTOINCREMENT)?)",
         "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"},
        {R"(\bINTEGER\b)", "BIGINT"}, // milliseconds since 1970 need 64 bits
        {R"(\bREAL\b)", "DOUBLE PRECISION"},
        {R"(\) WITHOUT ROWID)", ")"},
        {R"(\bTEXT UNIQUE COLLATE NOCASE)", "CITEXT UNIQUE"},
        {R"(strftime\('%Y-%m-%dT%H:%M:%fZ', 'now'\))",
         R"(to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))"},
    };
    for (const auto& [pattern, replacement] : replacements)
        sql = std::regex_replace(sql, std::regex(pattern), replacement);
    return sql + migration.postgres_extra;
}

int apply_migrations(sqlite3* db, std::span<const Migration> migrations) {
    execute(db, "CREATE TABLE IF NOT EXISTS schema_migrations ("
                "  version    INTEGER PRIMARY KEY,"
                "  name       TEXT NOT NULL,"
                "  applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))");
    // Read in a scope of its own: a statement left open would make DROP in a migration fail
    // with "database table is locked".
    int version = [&] {
        Statement current(db, "SELECT coalesce(max(version), 0) FROM schema_migrations");
        current.step();
        return static_cast<int>(current.column_int(0));
    }();
    refuse_newer(version, migrations);
    for (const auto& migration : migrations) {
        if (migration.version <= version) continue;
        execute(db, "BEGIN IMMEDIATE");
        try {
            execute(db, migration.sql);
            Statement record(db, "INSERT INTO schema_migrations (version, name) VALUES (?, ?)");
            record.bind(1, std::int64_t{migration.version}).bind(2, migration.name).step();
            execute(db, "COMMIT");
        } catch (...) {
            execute(db, "ROLLBACK");
            throw;
        }
        version = migration.version;
    }
    return version;
}

int apply_postgres_migrations(PGconn* connection, std::span<const Migration> migrations) {
    // Any number, an Orchard constant: the servers of one database wait for each other here.
    execute(connection, "SELECT pg_advisory_lock(727361)");
    struct Unlock {
        PGconn* connection;
        ~Unlock() { PostgresResult(PQexec(connection, "SELECT pg_advisory_unlock(727361)")); }
    } unlock{connection};
    execute(connection, "CREATE EXTENSION IF NOT EXISTS citext; "
                        "CREATE TABLE IF NOT EXISTS schema_migrations ("
                        "  version    BIGINT PRIMARY KEY,"
                        "  name       TEXT NOT NULL,"
                        "  applied_at TEXT NOT NULL DEFAULT (to_char(now() AT TIME ZONE 'UTC', "
                        "'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')))");
    PostgresResult current(
        PQexec(connection, "SELECT coalesce(max(version), 0) FROM schema_migrations"));
    if (!current || PQresultStatus(current.get()) != PGRES_TUPLES_OK)
        throw postgres_error(connection, current.get(), "reading the schema version");
    int version = std::atoi(PQgetvalue(current.get(), 0, 0));
    refuse_newer(version, migrations);
    for (const auto& migration : migrations) {
        if (migration.version <= version) continue;
        execute(connection, "BEGIN");
        try {
            execute(connection, postgres_schema(migration));
            const std::string number = std::to_string(migration.version);
            const char* values[] = {number.c_str(), migration.name};
            PostgresResult recorded(PQexecParams(
                connection, "INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", 2,
                nullptr, values, nullptr, nullptr, 0));
            if (!recorded || PQresultStatus(recorded.get()) != PGRES_COMMAND_OK)
                throw postgres_error(connection, recorded.get(), "recording a migration");
            execute(connection, "COMMIT");
        } catch (...) {
            PostgresResult(PQexec(connection, "ROLLBACK"));
            throw;
        }
        version = migration.version;
    }
    return version;
}

} // namespace orchard::store
