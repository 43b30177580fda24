// How the client presents each kind of task: its title, a one-line description for the
// dashboard, what the person is asked to do, and the guidelines file that explains it; and the
// words for the labels of the label tasks.
#pragma once

#include "protocol/task.h"

#include <string>

namespace orchard::client {

// The texts are catalog keys (locales/en/task_kinds.json): shown through i18n::tr().
struct TaskKindInfo {
    protocol::TaskType type;
    const char* title;       // key of "Reply as the assistant"
    const char* description; // key of one sentence for the dashboard
    const char* instruction; // key of what to do, shown above the work area
    const char* guidelines;  // file name under the guidelines folder
};

const TaskKindInfo& task_kind(protocol::TaskType type);
// The info for a requested kind name ("random" has none).
const TaskKindInfo* task_kind(const std::string& name);

// A label's question or name ("Is this spam?") and its explanation, in the interface's language
// (locales/en/labeling.json). A label the client does not know (a deployment may add some) keeps
// the words the server sent. The texts live as long as the language and `label`.
const char* label_title(const protocol::LabelDescription& label);
// The label `name` as a short name in the interface's language ("Spam", "Fails task").
std::string label_name(const std::string& name);
const char* label_help(const protocol::LabelDescription& label);

// Where the guidelines files are: packed into the client's data file in the browser
// (/guidelines), the repository's assets/guidelines in native tests.
std::string read_guidelines(const std::string& folder, const std::string& file);

} // namespace orchard::client
