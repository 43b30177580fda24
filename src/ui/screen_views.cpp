#include "ui/screen_views.h"

#include "ui/api_keys_view.h"
#include "ui/audit_view.h"
#include "ui/contributions_view.h"
#include "ui/dashboard_view.h"
#include "ui/datasets_view.h"
#include "ui/explore_view.h"
#include "ui/home_view.h"
#include "ui/leaderboard_view.h"
#include "ui/loading_view.h"
#include "ui/moderation_view.h"
#include "ui/people_view.h"
#include "ui/prizes_view.h"
#include "ui/profile_view.h"
#include "ui/settings_view.h"
#include "ui/task_view.h"
#include "ui/terms_view.h"
#include "ui/trees_view.h"

namespace orchard::ui {

namespace {

using client::Screen;

struct ScreenView {
    Screen screen;
    void (*draw)(const ScreenInput&);
};

constexpr ScreenView kViews[] = {
    {Screen::Loading, draw_loading},
    {Screen::SignIn, draw_home},
    {Screen::Terms, draw_terms},
    {Screen::Dashboard, draw_dashboard},
    {Screen::Task, draw_task},
    {Screen::Leaderboard, draw_leaderboard},
    {Screen::Profile, draw_profile},
    {Screen::Contributions, draw_contributions},
    {Screen::Prizes, draw_prizes},
    {Screen::Settings, draw_settings},
    {Screen::Explore, draw_explore},
    {Screen::Datasets, draw_datasets},
    {Screen::Moderation, draw_moderation},
    {Screen::People, draw_people},
    {Screen::Trees, draw_trees},
    {Screen::ApiKeys, draw_api_keys},
    {Screen::AuditLog, draw_audit_log},
};
static_assert(client::lists_every_screen(kViews), "one view per client::Screen, in its order");

} // namespace

void draw_screen(const ScreenInput& input) {
    kViews[static_cast<std::size_t>(input.app.state().screen)].draw(input);
}

} // namespace orchard::ui
