// The interface's scale on the page (client/ui_scale.h). ImGui lays out in "zoomed pixels", each
// `zoom` CSS pixels wide: the canvas's CSS size divided by the zoom, its pixel ratio multiplied by
// it, so the picture stays sharp. Pointer positions are divided by it on the way in; the page's
// own elements over the canvas (text fields, message text, the accessibility layer) are scaled by
// CSS `zoom: var(--orchard-zoom)`, so their positions and fonts follow without conversions.
#pragma once

namespace orchard::platform {

void set_page_zoom(double zoom);
double page_zoom();

} // namespace orchard::platform
