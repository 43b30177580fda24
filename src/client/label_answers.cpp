#include "client/label_answers.h"

#include <algorithm>

namespace orchard::client {

LabelAnswers::LabelAnswers(const protocol::Task& task)
    : labels_(task.labels), mandatory_(task.mandatory_labels) {}

std::optional<double> LabelAnswers::value(const std::string& name) const {
    auto it = values_.find(name);
    if (it == values_.end()) return std::nullopt;
    return it->second;
}

void LabelAnswers::set(const std::string& name, double value) {
    for (const auto& label : labels_)
        if (label.name == name) values_[name] = std::clamp(value, 0.0, 1.0);
}

void LabelAnswers::clear(const std::string& name) {
    values_.erase(name);
}

void LabelAnswers::toggle_flag(const std::string& name) {
    set(name, value(name).value_or(0.0) > 0.5 ? 0.0 : 1.0);
}

bool LabelAnswers::is_mandatory(const std::string& name) const {
    return std::find(mandatory_.begin(), mandatory_.end(), name) != mandatory_.end();
}

std::vector<std::string> LabelAnswers::missing() const {
    std::vector<std::string> names;
    for (const auto& label : labels_)
        if (is_mandatory(label.name) && label.widget != protocol::LabelWidget::Flag &&
            !values_.contains(label.name))
            names.push_back(label.display_text);
    return names;
}

std::map<std::string, double> LabelAnswers::submission() const {
    std::map<std::string, double> answers;
    for (const auto& label : labels_) {
        if (auto v = value(label.name))
            answers[label.name] = *v;
        else if (label.widget == protocol::LabelWidget::Flag)
            answers[label.name] = 0.0;
    }
    return answers;
}

void LabelAnswers::restore(const std::map<std::string, double>& values) {
    for (const auto& [name, v] : values)
        set(name, v);
}

} // namespace orchard::client
