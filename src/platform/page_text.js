// The page side of the text layer (page_text.h): a block per message inside #orchard-page-text,
// its lines placed where the canvas draws them, and the wheel and touches over the text handed to
// the canvas. An Emscripten JavaScript library (linked with --js-library), like
// text_field_bridge.js; no line may start with '#'.
mergeInto(LibraryManager.library, {
    orchard_page_text_block: function(id, json, x, y, clipX0, clipY0, clipX1, clipY1, onPanel) {
        if (!Module["orchardPageText"]) {
            const canvas = Module["canvas"];
            const root = document.createElement("div");
            root.id = "orchard-page-text";
            document.body.appendChild(root);
            const blocks = new Map();
            /* Scrolling over a message scrolls the page, as over the rest of the canvas. */
            /* (Ctrl+wheel stays the browser's zoom.) */
            root.addEventListener("wheel", function(e) {
                if (!e.ctrlKey) Module["orchardForwardWheel"](e);
            }, {passive: false});
            const forwardTouch = function(e) {
                /* Holding a finger on text selects a word: the canvas must not also open a menu. */
                if (e.type === "touchstart" && Module["_orchard_touch_over_text"]) Module["_orchard_touch_over_text"]();
                canvas.dispatchEvent(new TouchEvent(e.type, {
                    touches: Array.from(e.touches), targetTouches: Array.from(e.targetTouches),
                    changedTouches: Array.from(e.changedTouches), shiftKey: e.shiftKey,
                    altKey: e.altKey, ctrlKey: e.ctrlKey, metaKey: e.metaKey, bubbles: true, cancelable: true}));
            };
            for (const type of ["touchstart", "touchmove", "touchend", "touchcancel"])
                root.addEventListener(type, forwardTouch, {passive: true});
            const px = (v) => v + "px";
            const set = function(block, name, value) {
                if (block.applied[name] === value) return;
                block.applied[name] = value;
                block.el.style.setProperty(name, value);
            };
            /* Lines are blocks of their own (a copied selection gets a line break between them);
               within a line the spans flow inline, each as wide as the canvas draws it, with the
               gap before it as a margin, so that a copied selection keeps the words' order. */
            const fill = function(block, data) {
                const content = block.content;
                content.replaceChildren();
                block.el.lang = data.lang || "";
                block.el.dir = data.rtl ? "rtl" : "ltr";
                block.el.setAttribute("translate", data.translate ? "yes" : "no");
                for (const line of data.lines) {
                    const row = document.createElement("div");
                    row.className = "orchard-page-line";
                    row.dir = line.rtl ? "rtl" : "ltr";
                    row.style.top = px(line.y);
                    row.style.width = px(data.width);
                    row.style.height = px(line.h);
                    row.style.lineHeight = px(line.h);
                    let edge = line.rtl ? data.width : 0;
                    for (const s of line.s) {
                        // A kiosk's messages lead nowhere (platform/open_url.h).
                        const link = s.l !== undefined && !Module["orchardNoLinks"] ? data.links[s.l] : undefined;
                        const el = document.createElement(link ? "a" : "span");
                        if (link) {
                            el.href = link;
                            el.target = "_blank";
                            el.rel = "noopener noreferrer";
                        }
                        el.className = "orchard-page-span";
                        el.textContent = s.t;
                        el.style.font = s.f;
                        el.style.lineHeight = px(line.h);
                        el.style.display = "inline-block";
                        el.style.position = "relative";
                        el.style.width = px(s.w);
                        el.style.height = px(line.h);
                        if (line.rtl) {
                            el.style.marginRight = px(edge - (s.x + s.w));
                            edge = s.x;
                        } else {
                            el.style.marginLeft = px(s.x - edge);
                            edge = s.x + s.w;
                        }
                        row.appendChild(el);
                    }
                    content.appendChild(row);
                }
            };
            Module["orchardPageText"] = {
                show: function(key, data, place) {
                    let block = blocks.get(key);
                    if (!block) {
                        const el = document.createElement("div");
                        el.className = "orchard-page-block";
                        el.dataset.block = key;
                        const content = document.createElement("div");
                        content.className = "orchard-page-content";
                        el.appendChild(content);
                        root.appendChild(el);
                        block = {el: el, content: content, applied: {}, onPanel: false};
                        blocks.set(key, block);
                    }
                    if (data) fill(block, data);
                    block.onPanel = !!place[6];
                    set(block, "left", px(place[2]));
                    set(block, "top", px(place[3]));
                    set(block, "width", px(Math.max(0, place[4] - place[2])));
                    set(block, "height", px(Math.max(0, place[5] - place[3])));
                    const shift = "translate(" + px(place[0] - place[2]) + "," + px(place[1] - place[3]) + ")";
                    if (block.applied.transform !== shift) {
                        block.applied.transform = shift;
                        block.content.style.transform = shift;
                    }
                },
                /* Blocks not shown this frame go; under a popup or panel, all but the panel's
                   own hide. (Not for...of with destructuring: Emscripten's JS optimizer breaks it.) */
                end: function(shown, covered) {
                    const keep = new Set(shown);
                    blocks.forEach(function(block, key) {
                        if (!keep.has(key)) {
                            block.el.remove();
                            blocks.delete(key);
                            return;
                        }
                        const hidden = !!covered && !block.onPanel;
                        if (block.el.hidden !== hidden) block.el.hidden = hidden;
                    });
                },
            };
        }
        Module["orchardPageText"].show(UTF8ToString(id), json ? JSON.parse(UTF8ToString(json)) : null,
                                       [x, y, clipX0, clipY0, clipX1, clipY1, onPanel]);
    },

    orchard_page_text_end: function(shown, covered) {
        if (Module["orchardPageText"]) Module["orchardPageText"].end(JSON.parse(UTF8ToString(shown)), covered);
    },
});
