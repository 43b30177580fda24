// Pieces the rewards screens share: the level bar, leaderboard rows, the time-frame tabs, and
// the words for points and frames. One place for each, so the dashboard, the leaderboard and the
// profile say the same thing the same way.
#pragma once

#include "protocol/rewards.h"

#include <imgui.h>
#include <string>
#include <vector>

namespace orchard::ui {

std::string points_text(long long points); // "1 point", "42 points"
std::string points_text(double points);    // "0.1 points", "4 points"
const char*
frame_title(protocol::TimeFrame frame); // "Today", "This week", "This month", "All time"
std::string streak_text(int days);      // "3-day streak", "No streak yet"

// "Level 3" and "6 of 7 points to level 4" over a bar of the progress; `id` is tracked.
void level_bar(const protocol::UserScore& total, float width, const char* id);

// Rows of a leaderboard: rank, name, level and score; the viewer's row is tinted. Each row is
// tracked as `<id_prefix>_<index>` with the text "rank. name: score".
void score_rows(const std::vector<protocol::UserScore>& rows, const std::string& my_id, float width,
                bool compact, const char* id_prefix);

// The four frames as tabs; returns true and sets `frame` when another one was chosen.
bool frame_tabs(protocol::TimeFrame& frame, float width, bool compact);

// A small filled badge ("Accepted", "Pending") in `colour`, on the current line.
void badge(const char* text, const ImVec4& colour);

} // namespace orchard::ui
