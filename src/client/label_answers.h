// The answers a person gives on a labeling task: one value in [0,1] per label they touched.
// Yes/no labels start unanswered (so a mandatory one blocks submit until chosen); flags are off
// unless set; five-step scales start unanswered.
#pragma once

#include "protocol/task.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace orchard::client {

// The five steps of a scale, as stored.
inline constexpr double kLikertSteps[] = {0.0, 0.25, 0.5, 0.75, 1.0};

class LabelAnswers {
  public:
    LabelAnswers() = default;
    explicit LabelAnswers(const protocol::Task& task);
    // Labels outside a task (the explorer): none of them required.
    explicit LabelAnswers(std::vector<protocol::LabelDescription> labels)
        : labels_(std::move(labels)) {}

    const std::vector<protocol::LabelDescription>& labels() const { return labels_; }

    std::optional<double> value(const std::string& name) const;
    void set(const std::string& name, double value);
    void clear(const std::string& name);
    void toggle_flag(const std::string& name);

    bool is_mandatory(const std::string& name) const;
    // Display texts of mandatory labels not yet answered (flags count as answered: off is an
    // answer).
    std::vector<std::string> missing() const;
    bool complete() const { return missing().empty(); }

    // name → value for every answered label and every flag (off = 0): what the server receives.
    std::map<std::string, double> submission() const;
    const std::map<std::string, double>& values() const { return values_; }
    void restore(const std::map<std::string, double>& values);

  private:
    std::vector<protocol::LabelDescription> labels_;
    std::vector<std::string> mandatory_;
    std::map<std::string, double> values_;
};

} // namespace orchard::client
