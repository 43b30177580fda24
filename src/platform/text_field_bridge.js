// The page side of the HTML text fields (text_field_bridge.h): one element per field id inside
// #orchard-fields, their listeners, and window-level key handling. An Emscripten JavaScript
// library (linked with --js-library): each function below becomes the C function of the same
// name that text_field_bridge.cpp declares extern "C". A plain file, so that JavaScript tools read
// it; Emscripten's preprocessor reads it too, so no line may start with '#'.
mergeInto(LibraryManager.library, {
    js_install_text_fields: function() {
        const canvas = Module["canvas"];
        /* One form around all fields helps password managers pair a username with its password;
           it is never submitted (Enter is a result flag). */
        const container = document.createElement("form");
        container.id = "orchard-fields";
        container.noValidate = true;
        container.addEventListener("submit", (e) => e.preventDefault());
        document.body.appendChild(container);
        const fields = new Map();
        let frame = 0;
        let order = 0;
        let pendingFocus = null;
        const request = function() { if (Module["_orchard_request_frame"]) Module["_orchard_request_frame"](); };
        /* The element paints a typed character itself: the canvas follows a little later (see
           request_trailing_frame in frame_scheduler.h), never in the same frame. */
        const requestTrailing = function() {
            if (Module["_orchard_request_trailing_frame"]) Module["_orchard_request_trailing_frame"]();
        };

        /* A wheel turned over a page element scrolls the canvas's page instead: the one place
           for the text fields and the page text (page_text.js), which come after this. */
        const forwardWheel = function(e) {
            e.preventDefault();
            canvas.dispatchEvent(new WheelEvent("wheel", {
                deltaX: e.deltaX, deltaY: e.deltaY, deltaZ: e.deltaZ, deltaMode: e.deltaMode,
                clientX: e.clientX, clientY: e.clientY, screenX: e.screenX, screenY: e.screenY,
                shiftKey: e.shiftKey, altKey: e.altKey, metaKey: e.metaKey, bubbles: true, cancelable: true}));
        };
        Module["orchardForwardWheel"] = forwardWheel;

        function fieldOf(target) {
            if (!target || !target.dataset || target.dataset.orchardField === undefined) return undefined;
            return fields.get(target.dataset.orchardField);
        }
        /* Array.from: a for-of loop with an unused variable would be broken by emscripten's
           JavaScript optimizer, which drops the variable. */
        const codePoints = (text) => Array.from(text).length;
        function leadingCodePoints(text, count) {
            let end = 0;
            for (const c of text) { if (count-- <= 0) break; end += c.length; }
            return text.slice(0, end);
        }
        const isHigh = (unit) => unit >= 0xD800 && unit <= 0xDBFF;
        const isLow = (unit) => unit >= 0xDC00 && unit <= 0xDFFF;

        /* maxlength would count UTF-16 units, the server counts code points: the limit is kept here.
           Like maxlength, what was inserted is cut to the room left; the rest of the text stays. */
        function keepLimit(f) {
            const el = f.el;
            const value = el.value;
            if (f.max > 0 && codePoints(value) > f.max) {
                const prev = f.prev;
                const shortest = Math.min(prev.length, value.length);
                let start = 0;
                while (start < shortest && prev.charCodeAt(start) === value.charCodeAt(start)) ++start;
                let end = 0;
                while (end < shortest - start &&
                       prev.charCodeAt(prev.length - 1 - end) === value.charCodeAt(value.length - 1 - end)) ++end;
                if (start > 0 && isHigh(value.charCodeAt(start - 1))) --start;
                if (end > 0 && isLow(value.charCodeAt(value.length - end))) --end;
                const head = value.slice(0, start);
                const tail = value.slice(value.length - end);
                const room = Math.max(0, f.max - codePoints(head) - codePoints(tail));
                const inserted = leadingCodePoints(value.slice(start, value.length - end), room);
                el.value = head + inserted + tail;
                try { el.setSelectionRange(start + inserted.length, start + inserted.length); } catch (e) {}
            }
            f.prev = el.value;
        }

        function edited(f) {
            keepLimit(f);
            f.dirty = true;
            if (Module["_orchard_text_field_edited"]) {
                const bytes = lengthBytesUTF8(f.id) + 1;
                const pointer = _malloc(bytes);
                stringToUTF8(f.id, pointer, bytes);
                Module["_orchard_text_field_edited"](pointer);
                _free(pointer);
            }
            requestTrailing();
        }


        /* The page's Tab order of the last frame, fields and canvas controls alike (ui/focus.h).
           Tab in a field goes to the next stop at once: a field gets the focus itself, a control
           through the canvas, which then shows the ring. */
        let stops = [];
        let tabTarget = "";
        function moveFocus(from, step) {
            const at = stops.findIndex((s) => s.id === from.id);
            const n = stops.length;
            const stop = at < 0 || n === 0 ? undefined : stops[(at + step + n) % n];
            const next = stop && stop.field ? fields.get(stop.id) : undefined;
            if (next && next.live) {
                if (next !== from) next.el.focus({preventScroll: true});
                if (next.single) try { next.el.select(); } catch (e) {} /* as Tab does */
            } else {
                tabTarget = stop ? stop.id : "";
                canvas.focus({preventScroll: true});
            }
            request();
        }

        /* GLFW listens for keys on window in the capture phase and cancels Backspace and Tab; these
           listeners are added first (before glfwInit), so keys typed into a field never reach it.
           A key GLFW saw pressed is also shown its release, wherever that happens, so that it never
           keeps a key down. */
        const pressedOutside = new Set();
        window.addEventListener("keydown", function(e) {
            const f = fieldOf(e.target);
            if (!f) {
                pressedOutside.add(e.code);
                return;
            }
            e.stopImmediatePropagation();
            if (e.isComposing || e.keyCode === 229) return;
            if (e.key === "Enter" && (f.single || e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                f.submit = true;
                request();
            } else if (e.key === "Escape") {
                f.escape = true;
                request();
            } else if (e.key === "Tab" && !e.altKey && !e.ctrlKey && !e.metaKey) {
                e.preventDefault();
                moveFocus(f, e.shiftKey ? -1 : 1);
            }
        }, true);
        window.addEventListener("keypress", function(e) {
            if (fieldOf(e.target)) e.stopImmediatePropagation();
        }, true);
        window.addEventListener("keyup", function(e) {
            if (!pressedOutside.delete(e.code) && fieldOf(e.target)) e.stopImmediatePropagation();
        }, true);
        window.addEventListener("blur", function() { pressedOutside.clear(); }, true);

        /* A press on the canvas takes the focus from a field; touches need this explicitly because
           the canvas cancels touchstart (pointerdown comes before it). */
        canvas.addEventListener("pointerdown", function() {
            if (fieldOf(document.activeElement)) canvas.focus({preventScroll: true});
        }, true);

        function create(id, kind) {
            const el = document.createElement(kind === 0 ? "textarea" : "input");
            if (kind !== 0) el.type = ["text", "text", "password", "email"][kind];
            el.className = "orchard-field";
            el.dataset.orchardField = id;
            el.name = id;
            el.dir = "auto";
            const f = {id: id, kind: kind, el: el, single: kind !== 0, prev: "", max: 0, dirty: false,
                       submit: false, escape: false, composing: false, shown: false, live: false,
                       visible: false, drawnFrame: -1, order: 0, applied: {}};
            el.addEventListener("input", function(e) {
                if (f.composing || e.isComposing) return;
                edited(f);
            });
            el.addEventListener("compositionstart", function() { f.composing = true; });
            el.addEventListener("compositionend", function() {
                f.composing = false;
                edited(f);
            });
            el.addEventListener("focus", request);
            el.addEventListener("blur", request);
            /* The page scrolls under the wheel unless the field itself can scroll that way. */
            el.addEventListener("wheel", function(e) {
                if (e.ctrlKey) return;
                const room = e.deltaY < 0 ? el.scrollTop > 0 : el.scrollTop + el.clientHeight < el.scrollHeight - 1;
                if (e.deltaY !== 0 && room) return;
                forwardWheel(e);
            }, {passive: false});
            container.appendChild(el);
            fields.set(id, f);
            return f;
        }

        function setStyle(f, name, value) {
            if (f.applied[name] === value) return;
            f.applied[name] = value;
            f.el.style.setProperty(name, value);
        }
        function setAttribute(f, name, value) {
            const key = "@" + name;
            if (f.applied[key] === value) return;
            f.applied[key] = value;
            if (value === "") f.el.removeAttribute(name);
            else f.el.setAttribute(name, value);
        }
        /* ImGui colours are 0xAABBGGRR. */
        function css(colour) {
            return "rgba(" + (colour & 255) + "," + ((colour >>> 8) & 255) + "," + ((colour >>> 16) & 255) + "," +
                   (((colour >>> 24) & 255) / 255).toFixed(3) + ")";
        }
        const px = (value) => value + "px";

        function update(s) {
            let f = fields.get(s.id);
            let created = false;
            if (f && f.kind !== s.kind) {
                f.el.remove();
                fields.delete(s.id);
                f = undefined;
            }
            if (!f) {
                f = create(s.id, s.kind);
                created = true;
            }
            const el = f.el;
            const focused = document.activeElement === el;
            f.drawnFrame = frame;
            f.order = order++;
            f.visible = s.visible;
            f.max = s.max_chars;
            const quiet = s.kind === 2 || s.kind === 3 || s.autocomplete === "username";
            setAttribute(f, "placeholder", s.placeholder);
            setAttribute(f, "aria-label", s.label || s.placeholder);
            setAttribute(f, "autocomplete", s.autocomplete || (s.kind === 0 ? "off" : ""));
            setAttribute(f, "spellcheck", quiet ? "false" : "");
            setAttribute(f, "autocapitalize", quiet ? "none" : "");
            setAttribute(f, "autocorrect", quiet ? "off" : "");
            setStyle(f, "left", px(s.x));
            setStyle(f, "top", px(s.y));
            setStyle(f, "width", px(s.width));
            setStyle(f, "height", px(s.height));
            setStyle(f, "display", "block");
            /* Scrolled out of view: hidden, unless it has the focus, which hiding would take away
               (and with it a phone keyboard); then it is only clipped away. */
            setStyle(f, "visibility", s.visible || focused ? "visible" : "hidden");
            setStyle(f, "clip-path", !s.visible ? "inset(50%)" :
                     s.clip[0] + s.clip[1] + s.clip[2] + s.clip[3] === 0 ? "none" :
                     "inset(" + s.clip.map(px).join(" ") + ")");
            setStyle(f, "pointer-events", s.visible ? "auto" : "none");
            setStyle(f, "font-size", px(s.font_size));
            setStyle(f, "line-height", f.single ? "normal" : String(s.line_height));
            setStyle(f, "padding", f.single ? "0 " + px(s.padding_x) : px(s.padding_y) + " " + px(s.padding_x));
            setStyle(f, "border-radius", px(s.rounding));
            setStyle(f, "color", css(s.colours[0]));
            setStyle(f, "caret-color", css(s.colours[2]));
            setStyle(f, "color-scheme", s.dark ? "dark" : "light");
            setStyle(f, "--orchard-field-text", css(s.colours[0]));
            setStyle(f, "--orchard-field-placeholder", css(s.colours[1]));
            setStyle(f, "--orchard-field-selection", css(s.colours[3]));
            setStyle(f, "--orchard-field-background", css(s.colours[4]));

            const appeared = !f.shown;
            f.shown = true;
            if (s.visible && ((appeared && s.autofocus) || (pendingFocus && pendingFocus.id === s.id))) {
                pendingFocus = null;
                if (document.activeElement !== el) el.focus({preventScroll: true});
            }
            let flags = created ? 16 : 0;
            if (f.dirty && !f.composing) flags |= 1;
            if (f.submit) flags |= 2;
            if (f.escape) flags |= 4;
            if (document.activeElement === el) flags |= 8;
            f.dirty = f.submit = f.escape = false;
            return flags;
        }

        function endFrame() {
            for (const f of fields.values()) {
                const drawn = f.drawnFrame === frame;
                f.live = drawn && f.visible;
                if (drawn || !f.shown) continue;
                if (document.activeElement === f.el) canvas.focus({preventScroll: true});
                f.shown = false;
                setStyle(f, "display", "none");
            }
            if (pendingFocus && --pendingFocus.frames <= 0) pendingFocus = null;
            ++frame;
            order = 0;
        }

        Module["orchardTextFields"] = {
            update: update,
            endFrame: endFrame,
            value: (id) => { const f = fields.get(id); return f ? f.el.value : ""; },
            setValue: function(id, value) {
                const f = fields.get(id);
                if (!f) return true;
                if (f.composing) return false;
                if (f.el.value !== value) f.el.value = value;
                f.prev = value;
                return true;
            },
            focus: function(id) {
                const f = fields.get(id);
                if (f && f.live) {
                    /* On screen already: at once, so that keys typed next land in it. */
                    f.el.focus({preventScroll: true});
                    if (f.single) try { f.el.select(); } catch (e) {}
                } else {
                    pendingFocus = {id: id, frames: 3};
                }
                request();
            },
            setStops: function(list) { stops = list; },
            takeTabTarget: function() { const id = tabTarget; tabTarget = ""; return id; },
        };
    },

    js_update_text_field: function(json) {
        return Module["orchardTextFields"].update(JSON.parse(UTF8ToString(json)));
    },

    // A copy in the wasm heap (malloc), which the caller frees.
    js_text_field_value__deps: ['malloc'],
    js_text_field_value: function(id) {
        const value = Module["orchardTextFields"].value(UTF8ToString(id));
        const bytes = lengthBytesUTF8(value) + 1;
        const pointer = _malloc(bytes);
        stringToUTF8(value, pointer, bytes);
        return pointer;
    },

    js_set_text_field_value: function(id, value) {
        return Module["orchardTextFields"].setValue(UTF8ToString(id), UTF8ToString(value)) ? 1 : 0;
    },

    js_focus_text_field: function(id) {
        Module["orchardTextFields"].focus(UTF8ToString(id));
    },

    js_set_focus_stops: function(json) {
        Module["orchardTextFields"].setStops(JSON.parse(UTF8ToString(json)));
    },

    // A copy in the wasm heap (malloc), which the caller frees.
    js_take_tab_target__deps: ['malloc'],
    js_take_tab_target: function() {
        const id = Module["orchardTextFields"].takeTabTarget();
        const bytes = lengthBytesUTF8(id) + 1;
        const pointer = _malloc(bytes);
        stringToUTF8(id, pointer, bytes);
        return pointer;
    },

    js_end_text_field_frame: function() {
        Module["orchardTextFields"].endFrame();
    },
});
