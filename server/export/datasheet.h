// What a release's dataset card says about its data (docs/datasets.md): counts by language, role
// and tree state, label distributions, contributors, reviewer agreement (Krippendorff's alpha per
// label with a bootstrap 95% interval; Kendall's tau of each ranking against the consensus), the
// tree manager settings in force and the terms contributors accepted. Gathered tree by tree while
// the release is written; the card is Markdown with the YAML header the Hugging Face hub reads.
#pragma once

#include "server/export/agreement.h"
#include "server/export/export_tree.h"

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

namespace orchard::exporting {

class Datasheet {
  public:
    explicit Datasheet(std::uint64_t seed) : seed_(seed) {}

    void add_tree(const TreeRows& rows, const ExportNode& prompt);

    // `files`: config name → split → its path in the release and its line count.
    struct File {
        std::string path;
        long lines = 0;
    };
    std::string card(const std::map<std::string, std::map<std::string, File>>& files,
                     const nlohmann::json& settings, const std::string& terms);
    // The figures as JSON, for the manifest.
    nlohmann::json figures();

  private:
    void add_node(const ExportNode& node, const std::string& state);
    AlphaSampler& sampler(const std::string& label);

    std::uint64_t seed_;
    long trees_ = 0, messages_ = 0;
    std::map<std::string, long> by_lang_, by_role_, by_state_;
    struct LabelFigures {
        long messages = 0;
        double sum = 0;
        std::array<long, 5> histogram{}; // averages in [0, .2), [.2, .4), ... [.8, 1]
    };
    std::map<std::string, LabelFigures> labels_;
    std::map<std::string, AlphaSampler> alpha_;
    std::set<std::string> authors_, reviewers_, rankers_;
    long rankings_ = 0;
    double tau_sum_ = 0;
    long tau_count_ = 0, tau_exact_ = 0;
    bool figures_done_ = false;
    std::map<std::string, AlphaEstimate> alpha_figures_;
};

} // namespace orchard::exporting
