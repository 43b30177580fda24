// The questions of a set of labels (PROTOCOL.md §4): yes/no questions and five-step scales one per
// row, flags gathered as chips at the end with the meaning of the one last pointed at. Shared by
// the label tasks and the explorer's labeling of a message; the caller says what an answer does.
#pragma once

#include "client/label_answers.h"

#include <functional>
#include <string>
#include <vector>

namespace orchard::ui {

struct LabelActions {
    std::function<void(const std::string& name, double value)> set;
    std::function<void(const std::string& name)> toggle_flag;
};

// `explained_flag`: the flag whose meaning shows under the flags, kept by the caller's view.
void draw_label_questions(const std::vector<protocol::LabelDescription>& labels,
                          const client::LabelAnswers& answers, const LabelActions& actions,
                          std::string& explained_flag, float inner);

} // namespace orchard::ui
