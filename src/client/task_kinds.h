// How the client presents each kind of task: its title, a one-line description for the
// dashboard, what the person is asked to do, and the guidelines file that explains it.
#pragma once

#include "protocol/task.h"

#include <string>

namespace orchard::client {

struct TaskKindInfo {
    protocol::TaskType type;
    const char* title;       // "Reply as the assistant"
    const char* description; // one sentence for the dashboard
    const char* instruction; // what to do, shown above the work area
    const char* guidelines;  // file name under the guidelines folder
};

const TaskKindInfo& task_kind(protocol::TaskType type);
// The info for a requested kind name ("random" has none).
const TaskKindInfo* task_kind(const std::string& name);

// Where the guidelines files are: packed into the client's data file in the browser
// (/guidelines), the repository's assets/guidelines in native tests.
std::string read_guidelines(const std::string& folder, const std::string& file);

} // namespace orchard::client
