// What the client sends when a person submits a task: the interaction of PROTOCOL.md §2 for the
// task's type, built from the draft. One place, so that a retry after a reload or a lost
// connection sends byte for byte the same ids.
#pragma once

#include "client/draft.h"
#include "protocol/interaction.h"
#include "protocol/task.h"

#include <nlohmann/json.hpp>

namespace orchard::client {

nlohmann::json interaction_body(const protocol::Task& task, const Draft& draft);

} // namespace orchard::client
