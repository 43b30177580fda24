// What the views keep between frames that is theirs alone (layout measured last frame, what is
// selected or dragged), owned by the page next to the app and dropped when a session ends, so
// that nothing of one person's visit carries over to the next. Typed text is the app's
// (client/forms.h).
#pragma once

#include "client/screens.h"

#include <array>
#include <set>
#include <string>
#include <vector>

namespace orchard::ui {

// The ranking panel: which reply is selected (by its position), which are expanded, and where
// each position was drawn (for dragging); for the task `task_id` only.
struct RankingView {
    std::string task_id;
    int selected_position = 0;
    std::set<int> expanded;       // reply indices
    std::vector<float> centres;   // screen y of each position's centre, last frame
    int dragging = -1;            // position being dragged
    bool reveal_selected = false; // the keyboard changed the selection: scroll to its card
};

struct ViewState {
    unsigned session = 0; // client::AppState::sessions_ended when this state began
    // The screen and task shown last frame: a new one starts scrolled to its top.
    client::Screen shown = client::Screen::Loading;
    std::string shown_task;
    bool embed_copied = false;   // the sign-in screen's embed snippet went to the clipboard
    bool api_key_copied = false; // the API key just issued went to the clipboard
    RankingView ranking;
    // The labeling panel: the flag whose meaning shows under the flags.
    std::string explained_flag;
    // The dashboard: "Discard…" asks first; the cards' heights last frame, so that a row's
    // cards share the tallest one's height.
    bool confirm_discard_unsent = false;
    std::array<float, 8> kind_card_heights{};
    float top_today_height = 0;
    float news_height = 0;
    // The explorer: the tree (ExploreState::opened_trees) whose chosen row was scrolled into view.
    unsigned explore_revealed_tree = 0;
    // The review queue: the item and the question last scrolled into view (the keys move the
    // selection, and a removal asks under the item).
    std::string moderation_revealed;
};

} // namespace orchard::ui
