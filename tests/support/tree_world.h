// A real SQLite database in a temporary folder with the store, the tree manager's configuration
// and a clock, for unit tests that run the task service and tree manager directly (no HTTP).
// Tests derive from it and add the steps their scenarios need.
#pragma once

#include "server/domain/ids.h"
#include "server/domain/task_service.h"
#include "server/domain/tree_manager.h"
#include "server/store/database.h"
#include "tests/support/temp_dir.h"

#include <cstdint>
#include <map>
#include <memory>
#include <random>
#include <string>

namespace orchard::test {

struct TreeWorld {
    TempDir dir;
    std::unique_ptr<store::Database> database = store::Database::open(dir.path() / "t.db");
    std::unique_ptr<store::Database::Transaction> transaction =
        std::make_unique<store::Database::Transaction>(*database);
    store::TreeStore store{transaction->db()};
    domain::TreeManagerConfig config;
    std::mt19937_64 rng;
    std::int64_t now = 1'800'000'000'000;
    std::map<std::string, store::UserRecord> users;

    explicit TreeWorld(std::uint64_t seed) : rng(seed) {}

    // The user of that name, created on first use.
    domain::Caller caller(const std::string& name) {
        if (!users.contains(name)) {
            store::UserRecord user{domain::new_uuid(), std::nullopt, "local", name, name};
            store.insert_user(user, now);
            users[name] = user;
        }
        return {users[name], std::nullopt};
    }
    domain::TreeManager trees() { return domain::TreeManager(store, config, rng, now); }
    domain::TaskService tasks() { return domain::TaskService(store, config, rng, now); }
};

} // namespace orchard::test
