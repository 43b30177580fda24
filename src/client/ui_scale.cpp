#include "client/ui_scale.h"

#include <cmath>

namespace orchard::client {

double nearest_ui_scale(double scale) {
    if (!std::isfinite(scale)) return kUiScales.front();
    double best = kUiScales.front();
    for (const double offered : kUiScales)
        if (std::abs(offered - scale) < std::abs(best - scale)) best = offered;
    return best;
}

} // namespace orchard::client
