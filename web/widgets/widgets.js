// The public widgets (docs/embedding.md): the live leaderboard and the news feed, drawn from the
// public JSON (/api/v1/public/...), which holds nothing private. Every text goes in as text,
// never as HTML. Options come from the page's query: theme=light|dark, frame=day|week|month|
// total (the board), count=1..50, lang (the texts in that language where Orchard has it, from the
// interface's catalog, else English; numbers and dates in that language's format).
(function () {
  "use strict";
  var params = new URLSearchParams(location.search);
  var theme = params.get("theme");
  if (theme === "dark" || (theme !== "light" && matchMedia("(prefers-color-scheme: dark)").matches))
    document.documentElement.dataset.theme = "dark";
  var lang = params.get("lang") || navigator.language || "en";
  try { new Intl.NumberFormat(lang); } catch (e) { lang = "en"; }
  var count = Math.min(50, Math.max(1, parseInt(params.get("count"), 10) || 10));
  var list = document.getElementById("list");
  var kind = document.body.dataset.widget;
  var refreshSeconds = 30;
  // The widgets' words, from the interface's catalog (locales/<tag>/widgets.json): in `lang`
  // when Orchard has it, else in English.
  var texts = {};
  var t = function (key) { return texts[key.slice("widgets.".length)] || ""; };
  // Words go in only once known: without any catalog the page's own English stays.
  var say = function (element, text) { if (text) element.textContent = text; };
  var rightToLeft = ["ar", "he", "fa", "ur"];
  var catalog = function (tag) {
    return fetch("../locales/" + encodeURIComponent(tag) + ".json")
      .then(function (answer) { if (!answer.ok) throw new Error(answer.status); return answer.json(); })
      .then(function (all) {
        texts = all.widgets || {};
        document.documentElement.lang = tag;
        document.documentElement.dir = rightToLeft.indexOf(tag) >= 0 ? "rtl" : "ltr";
      });
  };
  var loadTexts = function () {
    var tag = lang.toLowerCase().split("-")[0];
    return catalog(tag)
      .catch(function () { return tag === "en" ? null : catalog("en"); })
      .catch(function () { /* no catalog at all: the page's own English title stays */ });
  };

  var item = function (parts) {
    var li = document.createElement("li");
    for (var i = 0; i < parts.length; ++i) {
      var span = document.createElement("span");
      span.className = parts[i][0];
      span.textContent = parts[i][1];
      li.appendChild(span);
    }
    return li;
  };
  var show = function (items, emptyText) {
    list.replaceChildren.apply(list, items);
    if (!items.length) list.replaceChildren(item([["empty", emptyText]]));
    list.setAttribute("aria-busy", "false");
  };

  var board = function () {
    var frame = params.get("frame");
    if (["day", "week", "month", "total"].indexOf(frame) < 0) frame = "week";
    var titles = { day: t("widgets.board_day"), week: t("widgets.board_week"),
                   month: t("widgets.board_month"), total: t("widgets.board_total") };
    say(document.getElementById("title"), titles[frame]);
    var numbers = new Intl.NumberFormat(lang);
    return fetch("../api/v1/public/leaderboards/" + frame + "?max_count=" + count)
      .then(function (answer) { if (!answer.ok) throw new Error(answer.status); return answer.json(); })
      .then(function (body) {
        show(body.leaderboard.map(function (row) {
          return item([["rank", numbers.format(row.rank)], ["name", row.display_name],
                       ["score", numbers.format(row.leader_score)]]);
        }), t("widgets.board_empty"));
      });
  };

  var news = function () {
    say(document.getElementById("title"), t("widgets.news_title"));
    var dates = new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeStyle: "short" });
    return fetch("../api/v1/public/news?max_count=" + count)
      .then(function (answer) { if (!answer.ok) throw new Error(answer.status); return answer.json(); })
      .then(function (body) {
        show(body.items.map(function (entry) {
          return item([["text", entry.text], ["when", dates.format(new Date(entry.created_date))]]);
        }), t("widgets.news_empty"));
      });
  };

  var load = kind === "news" ? news : board;
  var refresh = function () {
    load().catch(function () {
      // Kept on screen as it was; said only when there is nothing to show.
      if (!list.children.length) list.replaceChildren(item([["problem", t("widgets.problem")]]));
    }).finally(function () { setTimeout(refresh, refreshSeconds * 1000); });
  };
  loadTexts().then(function () {
    say(document.querySelector("footer a"), t("widgets.contribute"));
    refresh();
  });
})();
