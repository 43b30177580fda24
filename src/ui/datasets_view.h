// The admins' Datasets screen (docs/datasets.md): how many trees and messages there are in each
// state and language, and a download button per export format.
#pragma once

#include "ui/screen_input.h"

namespace orchard::ui {

void draw_datasets(const ScreenInput& input);

} // namespace orchard::ui
